//! One file per subcommand, as cargo's `src/bin/cargo/commands/`: `ls src/commands/` reads as
//! the list of things mlcheck does. [`run`] picks one and hands it the [`Context`]; what two
//! commands share lives here or one layer down, never in another command's file.

pub mod check;
pub mod compare;
pub mod completions;
pub mod man;
pub mod myths;
pub mod questions;
pub mod quiz;
pub mod report;
pub mod serve;

use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::base::lang::{self, Lang};
use crate::base::{input, messages};
use crate::cli::{Cli, Command};
use crate::error::Error;
use crate::model::bank::Bank;
use crate::render::View;
use crate::terminal::term::Terminal;

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

    /// Whether stdin is the keyboard, so `-` must not be read from it.
    pub(crate) fn stdin_is_keyboard(&self) -> bool {
        self.term.stdin_tty
    }

    /// Refuses results to be read from `-` when stdin is the keyboard, where they would be
    /// waited for forever; `example` is the command line to pipe them into.
    pub(crate) fn results_not_from_keyboard<'p>(
        &self,
        mut paths: impl Iterator<Item = &'p Path>,
        example: &'static str,
    ) -> Result<(), Error> {
        if self.stdin_is_keyboard() && paths.any(input::is_stdin) {
            return Err(Error::ResultsFromKeyboard { example });
        }
        Ok(())
    }

    pub(crate) fn view(&self) -> View<'_> {
        View { bank: &self.bank, lang: self.lang, width: self.term.width_out }
    }
}

/// Runs the command line; the caller turns the result into an exit code. `locale` is the
/// language the environment asks for (see [`Lang::from_locale`]).
pub(crate) fn run(cli: Cli, locale: Lang) -> Result<(), Error> {
    let opts = cli.bank_args();
    // Errors speak the language asked for, else the locale's, until the bank settles it.
    let asked = opts.lang.unwrap_or(locale);
    lang::set_interface(asked);
    let term = Terminal::detect(opts.color.unwrap_or_default());
    match &cli.command {
        Command::Completions { shell } => completions::run(*shell),
        Command::Man { subcommand } => man::run(subcommand.as_deref()),
        Command::Check { files } => check::run(files, opts.questions.as_deref(), asked),
        command => {
            let bank = load_bank(opts.questions.as_deref())?;
            let lang = bank
                .resolve_lang(opts.lang, locale)
                .map_err(|requested| Error::NoSuchLang { requested, have: bank.languages.clone() })?;
            lang::set_interface(lang);
            let ctx = Context { bank, lang, term };
            match command {
                Command::Quiz(args) => quiz::run(&ctx, args),
                Command::Report(args) => report::run(&ctx, args),
                Command::Compare(args) => compare::run(&ctx, args),
                Command::Serve(args) => serve::run(ctx, args, opts.lang),
                Command::Questions { format, .. } => questions::run(&ctx, *format),
                Command::Myths { format, id, .. } => myths::run(&ctx, *format, id.as_deref()),
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
        None => Ok(crate::model::builtin_bank()),
        Some(path) => {
            let source = input::read_path(path, input::BANK_LIMIT, "a question bank")?;
            Ok(Bank::parse(&source.name, &source.text)?)
        }
    }
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
