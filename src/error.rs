//! Errors that end a run, each with its exit code and a message for people.

use crate::answers::AnswersError;
use crate::bank::BankError;
use crate::exit_codes::ExitCode;
use crate::input::InputError;

/// Why a command did not finish.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something that can't be done.
    #[error("{0}")]
    Usage(String),
    /// An input file could not be read, or is not text.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The question bank is invalid; every problem is listed.
    #[error(transparent)]
    Bank(#[from] BankError),
    /// The answers do not fit the bank.
    #[error("{}", answers_message(.source_name, .error))]
    Answers { source_name: String, error: AnswersError },
    /// The terminal failed while asking (not Ctrl-C, which exits on its own).
    #[error("the terminal failed while asking: {0}")]
    Terminal(String),
    /// Writing the result failed for a reason other than a closed pipe.
    #[error("cannot write the output: {0}")]
    Output(String),
    /// `--save-answers` failed; the answers are in the message so nothing is lost.
    #[error("cannot save the answers to {path}: {reason}. Here they are, to keep:\n{answers}")]
    Save { path: String, reason: String, answers: String },
    /// The reader of stdout went away: a normal end, reported by nothing.
    #[error("broken pipe")]
    BrokenPipe,
}

fn answers_message(name: &str, error: &AnswersError) -> String {
    match error.line() {
        Some(line) => format!("{name}:{line}: {error}"),
        None => format!("{name}: {error}"),
    }
}

impl Error {
    /// The exit code this error ends the process with.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Usage(_) => ExitCode::Usage,
            Error::Input(e) if e.is_bad_data() => ExitCode::DataError,
            Error::Input(_) => ExitCode::NoInput,
            Error::Bank(_) | Error::Answers { .. } => ExitCode::DataError,
            Error::Terminal(_) | Error::Output(_) | Error::Save { .. } => ExitCode::GeneralError,
            Error::BrokenPipe => ExitCode::Success,
        }
    }

    /// Writes the error for people on stderr. Bank problems keep the compiler-style
    /// `FILE:LINE:COLUMN: message` lines; everything else is prefixed by `mlcheck: `.
    pub fn report(&self) {
        use std::io::Write;
        let mut stderr = std::io::stderr().lock();
        let _ = match self {
            Error::BrokenPipe => Ok(()),
            Error::Bank(e) => writeln!(stderr, "{e}"),
            other => writeln!(stderr, "mlcheck: {other}"),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_by_kind() {
        assert_eq!(Error::Usage("x".into()).exit_code().code(), 2);
        let missing = InputError::Open { name: "f".into(), reason: "no such file".into() };
        assert_eq!(Error::from(missing).exit_code().code(), 66);
        let nul = InputError::Nul { name: "f".into(), line: 1 };
        assert_eq!(Error::from(nul).exit_code().code(), 65);
        assert_eq!(Error::Output("disk full".into()).exit_code().code(), 1);
        assert_eq!(Error::BrokenPipe.exit_code().code(), 0);
    }
}
