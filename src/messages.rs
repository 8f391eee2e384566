//! The words of mlcheck's own interface, in English and Korean. Texts about the article
//! live in the bank; these are the frame around them.

use crate::lang::Lang;

/// Every interface string, for one language.
pub struct Messages {
    /// Key hint shown under an interactive prompt.
    pub keys_hint: &'static str,
    /// Key hint on the first question, where Esc asks again.
    pub keys_hint_first: &'static str,
    /// Instruction for plain (TERM=dumb) prompts; `{default}` is the default's number.
    pub plain_hint: &'static str,
    /// The same on the first question, where there is nothing to go back to.
    pub plain_hint_first: &'static str,
    /// Said when a plain answer is not understood.
    pub plain_again: &'static str,
    /// Label before the counterpoint.
    pub article_says: &'static str,
    /// Label of the score gauge.
    pub score: &'static str,
    /// "ML from {threshold}".
    pub ml_from: &'static str,
    /// The valid answers at a plain prompt; `{max}` is the number of choices, `{keys}` their keys.
    pub plain_valid: &'static str,
    /// Heading of the chart.
    pub chart_heading: &'static str,
    /// The left end of the chart's axis.
    pub toward_stay: &'static str,
    /// The right end of the chart's axis.
    pub toward_ml: &'static str,
    /// Row label of a myth's own answer in the chart.
    pub myth_row: &'static str,
    /// Row label of a myth's reality checks in the chart.
    pub checks_row: &'static str,
    /// Heading of the believed myths.
    pub believed_heading: &'static str,
    /// Said when no myth was believed.
    pub believed_none: &'static str,
    /// Heading of the reasons.
    pub reasons_heading: &'static str,
    /// Said under the reasons when no single answer pulled toward staying.
    pub reasons_short: &'static str,
    /// Heading of the advice.
    pub next_heading: &'static str,
    /// Heading of the transcript in scripted runs.
    pub transcript_heading: &'static str,
    /// "Saved your answers to {path}".
    pub saved: &'static str,
    /// "Myth {n} of 5" in `mlcheck myths`.
    pub myth_heading: &'static str,
    /// Heading of a myth's reality checks in `mlcheck myths`.
    pub checks_heading: &'static str,
    /// The threshold line of `mlcheck questions`.
    pub threshold_line: &'static str,
}

const EN: Messages = Messages {
    keys_hint: "↑↓ move · Enter choose · Esc back to the previous question",
    keys_hint_first: "↑↓ move · Enter choose · Esc goes back (this is the first question)",
    plain_hint: "Type a number and Enter; Enter alone picks {default}; < goes back",
    plain_hint_first: "Type a number and Enter; Enter alone picks {default}",
    plain_again: "Not an answer to this question.",
    plain_valid: "Type a number from 1 to {max}, or a choice key: {keys}.",
    article_says: "The article:",
    score: "Score",
    ml_from: "ML from {threshold}",
    chart_heading: "What pushed you, myth by myth",
    toward_stay: "◀ stay",
    toward_ml: "ML ▶",
    myth_row: "myth",
    checks_row: "checks",
    believed_heading: "Myths you believed",
    believed_none: "You believed none of the five myths.",
    reasons_heading: "What decided it",
    reasons_short: "Your score of {score} stayed below {threshold}: not enough of your answers pulled toward ML.",
    next_heading: "What to do next",
    transcript_heading: "Your answers",
    saved: "Saved your answers to {path}",
    myth_heading: "Myth {n} of 5",
    checks_heading: "Reality checks",
    threshold_line: "A score of {threshold} or more recommends machine learning; scores run from {min} to {max}.",
};

const KO: Messages = Messages {
    keys_hint: "↑↓ 이동 · Enter 선택 · Esc 이전 질문으로",
    keys_hint_first: "↑↓ 이동 · Enter 선택 · Esc 이전 질문으로 (첫 질문입니다)",
    plain_hint: "번호를 입력하고 Enter를 누르세요. Enter만 누르면 {default}번, <를 입력하면 이전 질문으로 돌아갑니다",
    plain_hint_first: "번호를 입력하고 Enter를 누르세요. Enter만 누르면 {default}번입니다",
    plain_again: "이 질문에 맞는 답이 아닙니다.",
    plain_valid: "1부터 {max}까지의 번호를 입력하세요. 선택지 키도 됩니다: {keys}",
    article_says: "글의 반론:",
    score: "점수",
    ml_from: "{threshold}점부터 ML",
    chart_heading: "통념별로 본 답의 방향",
    toward_stay: "◀ 지금 분야",
    toward_ml: "ML ▶",
    myth_row: "통념",
    checks_row: "현실 점검",
    believed_heading: "믿고 있던 통념",
    believed_none: "다섯 가지 통념 가운데 믿은 것이 없습니다.",
    reasons_heading: "결정을 가른 답",
    reasons_short:
        "점수 {score}점이 기준인 {threshold}점에 못 미쳤습니다. 머신러닝 쪽으로 기운 답이 충분하지 않았습니다.",
    next_heading: "다음에 할 일",
    transcript_heading: "내 답변",
    saved: "답변을 {path}에 저장했습니다",
    myth_heading: "통념 {n}/5",
    checks_heading: "현실 점검",
    threshold_line: "{threshold}점 이상이면 머신러닝을 권합니다. 점수 범위는 {min}점부터 {max}점까지입니다.",
};

/// The interface strings for `lang`.
pub fn get(lang: Lang) -> &'static Messages {
    match lang {
        Lang::En => &EN,
        Lang::Ko => &KO,
    }
}

/// The words of `mlcheck report`, apart from the quiz's so each command's strings stay together.
pub struct ReportMessages {
    /// A directory entry that is neither a file nor a directory; `{name}` is its path.
    pub not_a_file: &'static str,
    /// Text between JSON results that is not one.
    pub stray: &'static str,
    /// A JSON result that ends before its closing brace.
    pub incomplete: &'static str,
    /// Before serde_json's reason a JSON result is not readable.
    pub not_result: &'static str,
    /// After that reason: where exactly; `{line}` is the line in the file.
    pub json_at: &'static str,
}

const REPORT_EN: ReportMessages = ReportMessages {
    not_a_file: "{name}: is not a regular file; left out",
    stray: "not a result of `mlcheck quiz --format json`: a result starts with `{`; remove this text",
    incomplete: "this JSON result is not complete: it has no closing `}` before the next result or the end of the file",
    not_result: "not a result of `mlcheck quiz --format json`:",
    json_at: " (line {line})",
};

const REPORT_KO: ReportMessages = ReportMessages {
    not_a_file: "{name}: 일반 파일이 아니어서 빼고 셉니다",
    stray: "`mlcheck quiz --format json`의 결과가 아닙니다. 결과는 `{`로 시작합니다. 이 부분을 지우세요",
    incomplete: "JSON 결과가 끝나지 않았습니다. 다음 결과나 파일 끝 앞에 닫는 `}`가 없습니다",
    not_result: "`mlcheck quiz --format json`의 결과가 아닙니다:",
    json_at: " ({line}번째 줄)",
};

/// The strings of `mlcheck report` for `lang`.
pub fn report(lang: Lang) -> &'static ReportMessages {
    match lang {
        Lang::En => &REPORT_EN,
        Lang::Ko => &REPORT_KO,
    }
}
