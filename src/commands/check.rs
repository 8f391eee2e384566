//! `mlcheck check [FILE|-]...`: validates banks and says so, or lists every problem.
//!
//! Each bank is reported as it is checked: its warnings and problems on stderr, its "valid"
//! line on stdout. The exit status is the worst of all: 0 when every bank is valid, 65 when
//! one is invalid, 66 when one can't be opened, which outranks 65, since then a bank was not
//! checked at all.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::base::exit_codes::ExitCode;
use crate::base::input::{self, Source};
use crate::base::lang::Lang;
use crate::commands::emit;
use crate::error::Error;
use crate::model::bank::{self, Bank, Checked};

/// One bank to check.
enum Target<'a> {
    /// The built-in bank, from its TOML as any other bank would be.
    BuiltIn,
    /// Standard input (`-`).
    Stdin,
    /// A file.
    File(&'a Path),
}

/// Checks the banks in `files`; with none, the bank of `--questions`, else the built-in one.
/// Errors in messages (a file that can't be opened) speak `lang`.
pub fn run(files: &[PathBuf], questions: Option<&Path>, lang: Lang) -> Result<(), Error> {
    match files.iter().filter(|path| input::is_stdin(path)).count() {
        0 => {}
        1 if std::io::stdin().is_terminal() => {
            return Err(Error::Usage(
                "`check -` reads a bank from stdin, but stdin is the keyboard; pipe one in \
                 (mlcheck check - < bank.toml) or name the file"
                    .into(),
            ))
        }
        1 => {}
        _ => return Err(Error::Usage("`-` (stdin) can be checked only once in one run".into())),
    }
    let targets: Vec<Target> = if files.is_empty() {
        vec![questions.map_or(Target::BuiltIn, Target::File)]
    } else {
        files.iter().map(|f| if input::is_stdin(f) { Target::Stdin } else { Target::File(f) }).collect()
    };
    let mut worst = ExitCode::Success;
    for target in &targets {
        match check(target) {
            Ok(()) => {}
            // Nobody reads stdout any more, or it can't be written: stop here.
            Err(err @ (Error::BrokenPipe | Error::Output(_))) => return Err(err),
            Err(err) => {
                err.report(lang);
                if err.exit_code().code() > worst.code() {
                    worst = err.exit_code();
                }
            }
        }
    }
    match worst {
        ExitCode::Success => Ok(()),
        code => Err(Error::Reported(code)),
    }
}

/// Checks one bank: its warnings on stderr, then its "valid" line on stdout or its problems.
fn check(target: &Target) -> Result<(), Error> {
    let source = match target {
        Target::BuiltIn => Source { name: bank::BUILTIN_NAME.into(), text: bank::BUILTIN.into() },
        Target::Stdin => input::read_stdin(input::BANK_LIMIT, "a question bank")?,
        Target::File(path) => input::read_path(path, input::BANK_LIMIT, "a question bank")?,
    };
    // Warnings first, then the problems or the "valid" line. Like every message on stderr, a
    // warning that can't be written is not a reason to fail (eprint! would panic).
    let warn = |warnings: &bank::Warnings| {
        let _ = write!(std::io::stderr(), "{warnings}");
    };
    let Checked { bank, warnings } =
        Bank::check(&source.name, &source.text).inspect_err(|err| warn(&err.warnings()))?;
    warn(&warnings);
    // `input` escaped the name already.
    let name = &source.name;
    let langs: Vec<&str> = bank.languages.iter().map(|l| l.code()).collect();
    emit(|w| writeln!(w, "{name}: valid: {} questions, in {}", bank.questions.len(), langs.join(", ")))
}
