//! mlcheck: a quiz on whether a software engineer should move into machine learning, built
//! on Roman Orac's article "5 Reasons You Don't Need to Learn Machine Learning".
//!
//! Data flows one way: the bank (TOML, `bank`) → answers (prompts in `prompt`, or a file
//! read by `input` and parsed by `answers`) → a `Score` (`scoring`, `flips`) → text, JSON or
//! Markdown (`render`). Each subcommand lives in `commands/`; `run` only picks one.

#![deny(clippy::all)]

pub mod aggregate;
pub mod answers;
pub mod bank;
mod cancel;
pub mod cli;
mod commands;
pub mod compare;
pub mod error;
pub mod exit_codes;
pub mod flips;
pub mod gather;
pub mod input;
pub mod lang;
mod messages;
mod onscreen;
mod prompt;
pub mod render;
pub mod sanitize;
mod save;
pub mod scoring;
pub mod stats;
mod term;
pub mod wrap;

use std::io::{self, BufWriter, Write};
use std::path::Path;

use bank::Bank;
use cli::{Cli, Command};
use error::Error;
use lang::Lang;
use render::View;
use term::Terminal;

/// What every bank-based command works with.
pub struct Context {
    /// The validated bank.
    pub bank: Bank,
    /// The language of every text.
    pub lang: Lang,
    /// The terminal facts and decisions.
    term: Terminal,
}

impl Context {
    pub(crate) fn msg(&self) -> &'static messages::Messages {
        messages::get(self.lang)
    }

    pub(crate) fn view(&self) -> View<'_> {
        View { bank: &self.bank, lang: self.lang, width: self.term.width_out }
    }
}

/// Runs the command line; the caller turns the result into an exit code. `locale` is the
/// language the environment asks for (see [`Lang::from_locale`]).
pub fn run(cli: Cli, locale: Lang) -> Result<(), Error> {
    let opts = cli.bank_args();
    // Errors speak the language asked for, else the locale's, until the bank settles it.
    let asked = opts.lang.unwrap_or(locale);
    lang::set_interface(asked);
    let term = Terminal::detect(opts.color.unwrap_or_default());
    match &cli.command {
        Command::Completions { shell } => commands::completions::run(*shell),
        Command::Man { subcommand } => commands::man::run(subcommand.as_deref()),
        Command::Check { files } => commands::check::run(files, opts.questions.as_deref(), asked),
        command => {
            let bank = load_bank(opts.questions.as_deref())?;
            let lang = bank.resolve_lang(opts.lang, locale).map_err(|message| match opts.lang {
                Some(requested) => Error::NoSuchLang { requested, have: bank.languages.clone(), message },
                None => Error::Usage(message),
            })?;
            lang::set_interface(lang);
            let ctx = Context { bank, lang, term };
            match command {
                Command::Quiz(args) => commands::quiz::run(&ctx, args),
                Command::Report(args) => commands::report::run(&ctx, args),
                Command::Compare(args) => commands::compare::run(&ctx, args),
                Command::Questions { format, .. } => commands::questions::run(&ctx, *format),
                Command::Myths { format, id, .. } => commands::myths::run(&ctx, *format, id.as_deref()),
                Command::Completions { .. } | Command::Man { .. } | Command::Check { .. } => {
                    unreachable!("handled above")
                }
            }
        }
    }
}

/// Reads and validates the bank at `path`, or the built-in one.
pub(crate) fn load_bank(path: Option<&Path>) -> Result<Bank, Error> {
    match path {
        None => Ok(builtin_bank()),
        Some(path) => {
            let source = input::read_path(path, input::BANK_LIMIT, "a question bank")?;
            Ok(Bank::parse(&source.name, &source.text)?)
        }
    }
}

/// The built-in bank, built by code that build.rs generated from questions.toml after
/// validating it: no TOML to parse or validate at run time, where doing so took most of a
/// scripted run. `check` still validates the TOML itself.
pub fn builtin_bank() -> Bank {
    use bank::{Advice, Choice, Direction, Kind, Question, Text};
    include!(concat!(env!("OUT_DIR"), "/builtin_bank.rs"))
}

/// Writes to stdout through a buffer; a closed pipe ends quietly, any other failure is an error.
pub(crate) fn emit(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Error> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write(&mut out).and_then(|()| out.flush()).map_err(|e| match e.kind() {
        io::ErrorKind::BrokenPipe => Error::BrokenPipe,
        _ => Error::Output(input::io_reason(&e)),
    })
}

/// Replaces the default panic message and status 101 with a short note and status 1.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let term = console::Term::stderr();
        if term.is_term() && std::env::var_os("TERM").is_none_or(|t| t != "dumb") {
            let _ = term.show_cursor();
        }
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
        let _ = match lang::interface() {
            Lang::En => writeln!(
                io::stderr(),
                "mlcheck: internal error{}. This is a bug in mlcheck, not in what you typed; \
                 please report it with the command you ran.",
                place.map(|p| format!(" at {p}")).unwrap_or_default()
            ),
            Lang::Ko => writeln!(
                io::stderr(),
                "mlcheck: 내부 오류가 났습니다{}. 입력한 내용이 아니라 mlcheck 자체의 버그이니, \
                 실행한 명령과 함께 알려 주세요.",
                place.map(|p| format!(" ({p})")).unwrap_or_default()
            ),
        };
        exit_codes::ExitCode::GeneralError.exit();
    }));
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_snapshot_is_the_validated_toml() {
        assert_eq!(super::builtin_bank(), super::Bank::builtin().unwrap());
    }
}
