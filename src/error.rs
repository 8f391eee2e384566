//! Errors that end a run, each with its exit code and a message for people.

use crate::answers::AnswersError;
use crate::bank::BankError;
use crate::exit_codes::ExitCode;
use crate::input::InputError;
use crate::lang::Lang;

/// Why a command did not finish.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something that can't be done.
    #[error("{0}")]
    Usage(String),
    /// `--answers -` while stdin is the keyboard.
    #[error(
        "--answers - reads answers from stdin, but stdin is the keyboard; \
         pipe a file in (mlcheck quiz < answers.txt) or drop --answers to be asked"
    )]
    StdinIsKeyboard,
    /// Asking needs stderr to be a terminal, and it is not.
    #[error(
        "the quiz asks its questions on stderr, which is not a terminal here; \
         answer from a file instead: mlcheck quiz --answers FILE (see `mlcheck questions`)"
    )]
    NoTerminal,
    /// An input file could not be read, or is not text.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The question bank is invalid; every problem is listed.
    #[error(transparent)]
    Bank(#[from] BankError),
    /// The answers do not fit the bank.
    #[error("{}", answers_message(.source_name, .error, Lang::En))]
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
    /// Already reported on stderr as it happened (`check` with several banks); only the
    /// exit status is left to give.
    #[error("see above")]
    Reported(ExitCode),
}

fn answers_message(name: &str, error: &AnswersError, lang: Lang) -> String {
    let message = error.message(lang);
    match error.line() {
        Some(line) => format!("{name}:{line}: {message}"),
        None => format!("{name}: {message}"),
    }
}

impl Error {
    /// The exit code this error ends the process with.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Usage(_) | Error::StdinIsKeyboard | Error::NoTerminal => ExitCode::Usage,
            Error::Input(e) if e.is_bad_data() => ExitCode::DataError,
            Error::Input(_) => ExitCode::NoInput,
            Error::Bank(_) | Error::Answers { .. } => ExitCode::DataError,
            Error::Terminal(_) | Error::Output(_) | Error::Save { .. } => ExitCode::GeneralError,
            Error::BrokenPipe => ExitCode::Success,
            Error::Reported(code) => *code,
        }
    }

    /// What went wrong, for people, in `lang`: the errors a quiz-taker meets exist in
    /// Korean too; bank diagnostics (for bank authors) and rarer ones are in English.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Error::Input(e), _) => e.message(lang),
            (Error::Answers { source_name, error }, _) => answers_message(source_name, error, lang),
            (Error::StdinIsKeyboard, Lang::Ko) => "--answers -는 표준 입력에서 답을 읽는데, 지금 표준 입력은 \
                                                  키보드입니다. 파일을 넘기거나(mlcheck quiz < answers.txt) \
                                                  --answers 없이 실행해 직접 답하세요"
                .to_string(),
            (Error::NoTerminal, Lang::Ko) => "퀴즈는 질문을 stderr에 표시하는데, 여기서는 stderr가 터미널이 \
                                             아닙니다. 파일로 답하세요: mlcheck quiz --answers FILE \
                                             (`mlcheck questions` 참고)"
                .to_string(),
            (Error::Save { path, reason, answers }, Lang::Ko) => {
                format!("답변을 {path}에 저장하지 못했습니다: {reason}. 잃지 않도록 여기 적어 둡니다:\n{answers}")
            }
            _ => self.to_string(),
        }
    }

    /// Writes the error for people on stderr, in `lang`. Bank problems keep the
    /// compiler-style `FILE:LINE:COLUMN: message` lines; everything else is prefixed by
    /// `mlcheck: `.
    pub fn report(&self, lang: Lang) {
        use std::io::Write;
        let mut stderr = std::io::stderr().lock();
        let _ = match self {
            Error::BrokenPipe | Error::Reported(_) => Ok(()),
            Error::Bank(e) => writeln!(stderr, "{e}"),
            other => writeln!(stderr, "mlcheck: {}", other.message(lang)),
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
