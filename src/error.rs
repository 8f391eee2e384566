//! Errors that end a run, each with its exit code and a message for people.

use crate::base::exit_codes::ExitCode;
use crate::base::input::{self, InputError};
use crate::base::lang::Lang;
use crate::group::gather::Summary;
use crate::model::answers::AnswersError;
use crate::model::bank::BankError;

/// Why a command did not finish.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something that can't be done.
    #[error("{0}")]
    Usage(String),
    /// `--lang` names a language the bank has no texts in.
    #[error("{}", no_such_lang(*.requested, .have, Lang::En))]
    NoSuchLang { requested: Lang, have: Vec<Lang> },
    /// `--answers -` while stdin is the keyboard.
    #[error(
        "--answers - reads answers from stdin, but stdin is the keyboard; \
         pipe a file in (mlcheck quiz < answers.txt) or drop --answers to be asked"
    )]
    StdinIsKeyboard,
    /// `report -` or `compare -` while stdin is the keyboard; `example` is the command to pipe
    /// results into.
    #[error("`-` reads results from stdin, but stdin is the keyboard; pipe them in: cat export.jsonl | {example}")]
    ResultsFromKeyboard { example: &'static str },
    /// A side of `compare` that doesn't exist; `side` is `BEFORE (path)` or `AFTER (path)`.
    #[error("{side} does not exist; check the path (a folder or a file of results)")]
    NoSuchSide { side: String },
    /// `compare` given the same folder or file twice, or stdin twice.
    #[error(
        "{before} and {after} are the same; compare the results before the session with those after it, in two folders"
    )]
    SameSides { before: String, after: String },
    /// `compare` given a folder and a path inside it: the outer side would count the inner
    /// side's results as its own.
    #[error(
        "{inner} is inside {outer}, so {outer} would count its results too; \
         compare two folders side by side, such as before/ and after/"
    )]
    NestedSides { outer: String, inner: String },
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
    #[error("{}", .error.located(.source_name, Lang::En))]
    Answers { source_name: String, error: Box<AnswersError> },
    /// The terminal failed while asking (not Ctrl-C, which exits on its own).
    #[error("the terminal failed while asking: {0}")]
    Terminal(String),
    /// Writing the result failed for a reason other than a closed pipe.
    #[error("cannot write the output: {0}")]
    Output(String),
    /// `--save-answers` failed; the answers are in the message so nothing is lost.
    #[error("cannot save the answers to {path}: {reason}. Here they are, to keep:\n{answers}")]
    Save { path: String, reason: String, answers: String },
    /// `--save-answers` names a folder that doesn't exist; found before the first question.
    #[error(
        "cannot save the answers to {path}: there is no folder {folder}. Create it first (mkdir -p {folder}), \
         then start the quiz again"
    )]
    SaveFolder { path: String, folder: String },
    /// `report` found no valid result (`left_out` problems were reported already).
    #[error("{}", no_results(*.left_out, Lang::En))]
    NoResults { left_out: u64, unopened: bool },
    /// `report` found fewer valid results than `--min-group`: no counts are shown.
    #[error("{}", too_few(None, *.respondents, *.min_group, Lang::En))]
    TooFew { respondents: u64, min_group: u64, unopened: bool },
    /// A side of `compare` has no valid result or fewer than `--min-group`: no comparison.
    /// `side` is `BEFORE (path)` or `AFTER (path)`, escaped.
    /// `unpaired_left_out` results without a partner were left out of it first.
    #[error("{}", side_too_few(.side, *.respondents, *.min_group, *.left_out, *.unpaired_left_out, Lang::En))]
    SideTooFew { side: String, respondents: u64, min_group: u64, left_out: u64, unpaired_left_out: u64, unopened: bool },
    /// `report` printed its report but left something out (reported already): exit 65 or 66.
    #[error("some input was left out")]
    LeftOut { unopened: bool },
    /// `mlcheck serve` could not start.
    #[error("{}", .0.message(Lang::En))]
    Serve(crate::serve::StartError),
    /// The reader of stdout went away: a normal end, reported by nothing.
    #[error("broken pipe")]
    BrokenPipe,
    /// Already reported on stderr as it happened (`check` with several banks); only the
    /// exit status is left to give.
    #[error("see above")]
    Reported(ExitCode),
}

fn no_such_lang(requested: Lang, have: &[Lang], lang: Lang) -> String {
    let have: Vec<&str> = have.iter().map(|l| l.code()).collect();
    match lang {
        Lang::En => format!(
            "this question bank has no `{requested}` texts; it is written in: {}. Use --lang {}",
            have.join(", "),
            have[0]
        ),
        Lang::Ko => format!(
            "이 질문 목록에는 `{requested}` 텍스트가 없습니다. 쓸 수 있는 언어: {} (예: --lang {})",
            have.join(", "),
            have[0]
        ),
    }
}

fn no_results(left_out: u64, lang: Lang) -> String {
    match (left_out, lang) {
        (0, Lang::En) => "no results to report: the PATHs given hold no files (hidden ones are skipped)".into(),
        (0, Lang::Ko) => "보고할 결과가 없습니다. 주어진 경로에 파일이 없습니다(숨김 파일은 건너뜁니다)".into(),
        (n, Lang::En) => format!("no valid result to report: all {n} left out, see the errors above"),
        (n, Lang::Ko) => format!("보고할 올바른 결과가 없습니다. {n}개 모두 뺐습니다. 위의 오류를 보세요"),
    }
}

/// Fewer valid results than `--min-group`, so nothing is shown: of a report (`side` is
/// `None`), or of one side of a comparison.
fn too_few(side: Option<&str>, respondents: u64, min_group: u64, lang: Lang) -> String {
    match lang {
        Lang::En => {
            let (who, what) = match side {
                None => (String::new(), "report"),
                Some(side) => (format!("{side} has "), "comparison"),
            };
            format!(
                "{who}only {respondents} valid result{s}, fewer than the smallest group shown ({min_group}, \
                 --min-group): a {what} this small could single people out, so there is none. Collect more results first",
                s = if respondents == 1 { "" } else { "s" }
            )
        }
        Lang::Ko => {
            let (whose, what) = match side {
                None => (String::new(), "보고서"),
                Some(side) => (format!("{side}의 "), "비교"),
            };
            format!(
                "{whose}올바른 결과가 {respondents}개뿐이라 보여 줄 수 있는 가장 작은 모임 크기({min_group}, --min-group)보다 \
                 적습니다. 이렇게 작은 {what}는 누가 어떻게 답했는지 드러낼 수 있어 만들지 않습니다. 결과를 더 모으세요"
            )
        }
    }
}

fn side_too_few(side: &str, respondents: u64, min_group: u64, left_out: u64, unpaired: u64, lang: Lang) -> String {
    // With results there, all of them left out for want of a partner, "no files there" would
    // be wrong: say how many are left and why.
    let text = if respondents > 0 || unpaired > 0 {
        too_few(Some(side), respondents, min_group, lang)
    } else {
        no_side_results(side, left_out, lang)
    };
    match (unpaired, lang) {
        (0, _) => text,
        (n, Lang::En) => format!(
            "{text} ({n} result{s} of people who took the quiz only once {were} left out of it first: fewer than \
             {min_group} on a side would give their answers away)",
            s = if n == 1 { "" } else { "s" },
            were = if n == 1 { "was" } else { "were" }
        ),
        (n, Lang::Ko) => format!(
            "{text} (한 번만 답한 사람의 결과 {n}개를 먼저 뺐습니다. 한쪽에 {min_group}개보다 적으면 그 사람들의 답이 \
             드러나기 때문입니다)"
        ),
    }
}

/// A side of `compare` without a single result, and nothing left out for want of a partner.
fn no_side_results(side: &str, left_out: u64, lang: Lang) -> String {
    match (left_out, lang) {
        (0, Lang::En) => format!("{side} holds no results to compare: no files there (hidden ones are skipped)"),
        (0, Lang::Ko) => format!("{side}에 비교할 결과가 없습니다. 파일이 없습니다(숨김 파일은 건너뜁니다)"),
        (n, Lang::En) => format!("{side} holds no valid result to compare ({n} left out, see the errors above)"),
        (n, Lang::Ko) => format!("{side}에 비교할 올바른 결과가 없습니다({n}개를 뺐습니다. 위의 오류를 보세요)"),
    }
}

impl Error {
    /// Why `report` prints no report of `summary`'s results, if it doesn't: none valid, or
    /// fewer than `min_group`. The live report of `serve` refuses with the same words.
    pub fn no_report(summary: &Summary, min_group: u64) -> Option<Error> {
        let unopened = summary.unopened > 0;
        match summary.results {
            0 => Some(Error::NoResults { left_out: summary.left_out, unopened }),
            n if n < min_group => Some(Error::TooFew { respondents: n, min_group, unopened }),
            _ => None,
        }
    }

    /// The exit code this error ends the process with.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Usage(_)
            | Error::NoSuchLang { .. }
            | Error::StdinIsKeyboard
            | Error::ResultsFromKeyboard { .. }
            | Error::SameSides { .. }
            | Error::NestedSides { .. }
            | Error::NoTerminal => ExitCode::Usage,
            Error::NoSuchSide { .. } => ExitCode::NoInput,
            Error::Input(e) if e.is_bad_data() => ExitCode::DataError,
            Error::Input(_) => ExitCode::NoInput,
            Error::Bank(_) | Error::Answers { .. } => ExitCode::DataError,
            Error::Terminal(_) | Error::Output(_) | Error::Save { .. } | Error::SaveFolder { .. } | Error::Serve(_) => {
                ExitCode::GeneralError
            }
            Error::BrokenPipe => ExitCode::Success,
            Error::Reported(code) => *code,
            Error::NoResults { unopened, .. }
            | Error::TooFew { unopened, .. }
            | Error::SideTooFew { unopened, .. }
            | Error::LeftOut { unopened } => {
                if *unopened {
                    ExitCode::NoInput
                } else {
                    ExitCode::DataError
                }
            }
        }
    }

    /// What went wrong, for people, in `lang`: every error a quiz-taker can meet exists in
    /// Korean too; bank diagnostics, for bank authors, are in English.
    pub fn message(&self, lang: Lang) -> String {
        crate::base::messages::sentence(self.words(lang))
    }

    /// The message before it is ended as a sentence.
    fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (Error::Input(e), _) => e.message(lang),
            (Error::Serve(e), _) => e.message(lang),
            (Error::NoResults { left_out, .. }, _) => no_results(*left_out, lang),
            (Error::TooFew { respondents, min_group, .. }, _) => too_few(None, *respondents, *min_group, lang),
            (Error::SideTooFew { side, respondents, min_group, left_out, unpaired_left_out, .. }, _) => {
                side_too_few(side, *respondents, *min_group, *left_out, *unpaired_left_out, lang)
            }
            (Error::Answers { source_name, error }, _) => error.located(source_name, lang),
            (Error::StdinIsKeyboard, Lang::Ko) => "--answers -는 표준 입력에서 답을 읽는데, 지금 표준 입력은 \
                                                  키보드입니다. 파일을 넘기거나(mlcheck quiz < answers.txt) \
                                                  --answers 없이 실행해 직접 답하세요"
                .to_string(),
            (Error::ResultsFromKeyboard { example }, Lang::Ko) => {
                format!("`-`는 표준 입력에서 결과를 읽는데, 지금 표준 입력은 키보드입니다. 파이프로 넘기세요: cat export.jsonl | {example}")
            }
            (Error::NoSuchSide { side }, Lang::Ko) => {
                format!("{side}: 그런 경로가 없습니다. 경로를 확인하세요(결과 파일이나 폴더)")
            }
            (Error::SameSides { before, after }, Lang::Ko) => {
                format!("{before}, {after}: 같은 경로입니다. 세션 전의 결과와 후의 결과를 서로 다른 두 폴더에 두고 견주세요")
            }
            (Error::NestedSides { outer, inner }, Lang::Ko) => format!(
                "{inner}: {outer} 안에 있어서 {outer}의 결과에 함께 세어집니다. \
                 before/와 after/처럼 나란히 있는 두 폴더를 견주세요"
            ),
            (Error::NoTerminal, Lang::Ko) => "퀴즈는 질문을 stderr에 표시하는데, 여기서는 stderr가 터미널이 \
                                             아닙니다. 파일로 답하세요: mlcheck quiz --answers FILE \
                                             (`mlcheck questions` 참고)"
                .to_string(),
            (Error::NoSuchLang { requested, have }, _) => no_such_lang(*requested, have, lang),
            (Error::Terminal(reason), Lang::Ko) => {
                format!("질문하는 동안 터미널에 문제가 생겼습니다: {}", input::reason_in(reason, lang))
            }
            (Error::Output(reason), Lang::Ko) => {
                format!("결과를 출력하지 못했습니다: {}", input::reason_in(reason, lang))
            }
            (Error::Save { path, reason, answers }, Lang::Ko) => format!(
                "답변을 저장하지 못했습니다: {path}: {}. 잃지 않도록 여기 적어 둡니다:\n{answers}",
                input::reason_in(reason, lang)
            ),
            (Error::SaveFolder { path, folder }, Lang::Ko) => format!(
                "답변을 저장할 수 없습니다: {path}: 폴더가 없습니다: {folder}. 먼저 만든 뒤(mkdir -p {folder}) \
                 퀴즈를 다시 시작하세요"
            ),
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
            Error::BrokenPipe | Error::Reported(_) | Error::LeftOut { .. } => Ok(()),
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

    #[test]
    fn what_a_quiz_taker_can_meet_speaks_korean() {
        let errors = [
            Error::NoSuchLang { requested: Lang::Ko, have: vec![Lang::En] },
            Error::StdinIsKeyboard,
            Error::NoTerminal,
            Error::Terminal("input/output error".into()),
            Error::Output("no space left on device".into()),
            Error::Save { path: "a.txt".into(), reason: "permission denied".into(), answers: "x = y\n".into() },
            Error::SaveFolder { path: "nd/a.txt".into(), folder: "nd".into() },
        ];
        for error in &errors {
            let (en, ko) = (error.message(Lang::En), error.message(Lang::Ko));
            assert!(en.is_ascii(), "{en}");
            assert!(ko.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)), "not Korean: {ko}");
            assert!(!ko.contains("error") && !ko.contains("denied") && !ko.contains("space"), "{ko}");
        }
        assert_eq!(
            Error::Terminal("a new failure".into()).message(Lang::Ko),
            "질문하는 동안 터미널에 문제가 생겼습니다: a new failure."
        );
    }
}
