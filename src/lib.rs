//! mlcheck: a quiz on whether a software engineer should move into machine learning, built
//! on Roman Orac's article "5 Reasons You Don't Need to Learn Machine Learning".
//!
//! Data flows one way: the bank (TOML, `bank`) → answers (prompts in `prompt`, or a file
//! read by `input` and parsed by `answers`) → a `Score` (`scoring`) → text or JSON
//! (`render`). `run` wires the subcommands to that flow.

#![deny(clippy::all)]

pub mod answers;
pub mod bank;
mod cancel;
pub mod cli;
pub mod error;
pub mod exit_codes;
pub mod input;
pub mod lang;
mod messages;
mod prompt;
mod quiz;
pub mod render;
pub mod sanitize;
mod save;
pub mod scoring;
mod term;
pub mod wrap;

use std::io::{self, BufWriter, Write};
use std::path::Path;

use bank::Bank;
use cli::{Cli, Command, Format};
use error::Error;
use lang::Lang;
use render::{json, listing, View};
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
    let term = Terminal::detect(cli.color);
    match &cli.command {
        Command::Completions { shell } => {
            // clap_complete panics when a write fails; generate in memory, then write.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut cli::command(), "mlcheck", &mut script);
            emit(|w| w.write_all(&script))
        }
        Command::Man { subcommand } => emit(|w| man_page(w, subcommand.as_deref())),
        Command::Check { file } => check(file.as_deref().or(cli.questions.as_deref())),
        command => {
            let bank = load_bank(cli.questions.as_deref())?;
            let lang = bank.resolve_lang(cli.lang, locale).map_err(Error::Usage)?;
            let ctx = Context { bank, lang, term };
            match command {
                Command::Quiz(args) => quiz::run(&ctx, args),
                Command::Questions { format: Format::Json } => emit(|w| json::bank(w, &ctx.view())),
                Command::Questions { format: Format::Text } => emit(|w| listing::questions(w, &ctx.view())),
                Command::Myths { id } => {
                    // clap checked the id against the myths, ignoring case.
                    let id = id.as_deref().map(str::to_ascii_lowercase);
                    emit(|w| listing::myths(w, &ctx.view(), id.as_deref()))
                }
                Command::Completions { .. } | Command::Man { .. } | Command::Check { .. } => {
                    unreachable!("handled above")
                }
            }
        }
    }
}

/// Writes mlcheck(1), or mlcheck-SUBCOMMAND(1), which the first page's SUBCOMMANDS section names.
fn man_page(w: &mut dyn Write, subcommand: Option<&str>) -> io::Result<()> {
    let mut command = cli::command();
    command.build();
    let page = match subcommand {
        None => command,
        Some(name) => {
            let sub = command.find_subcommand(name).expect("clap checked the name").clone();
            sub.name(format!("mlcheck-{name}")).bin_name(format!("mlcheck {name}")).version(env!("CARGO_PKG_VERSION"))
        }
    };
    clap_mangen::Man::new(page).render(w)
}

/// Reads and validates the bank at `path`, or the built-in one.
fn load_bank(path: Option<&Path>) -> Result<Bank, Error> {
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

/// `mlcheck check`: validates a bank and says so, or lists every problem.
fn check(path: Option<&Path>) -> Result<(), Error> {
    // The built-in bank is checked from its TOML, as any other bank would be.
    let bank = match path {
        None => Bank::builtin()?,
        Some(_) => load_bank(path)?,
    };
    let name = path.map(|p| sanitize::escape(&p.display().to_string())).unwrap_or_else(|| bank::BUILTIN_NAME.into());
    let langs: Vec<&str> = bank.languages.iter().map(|l| l.code()).collect();
    emit(|w| writeln!(w, "{name}: valid: {} questions, in {}", bank.questions.len(), langs.join(", ")))
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
        let location = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let _ = writeln!(
            io::stderr(),
            "mlcheck: internal error{location}. This is a bug in mlcheck, not in what you typed; \
             please report it with the command you ran."
        );
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
