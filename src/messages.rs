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
    /// Heading of what would change the verdict.
    pub flips_heading: &'static str,
    /// The score above the threshold; `{score}`, `{threshold}`, `{margin}` (a number of points).
    pub margin_above: &'static str,
    /// The score exactly at the threshold.
    pub margin_at: &'static str,
    /// The score below the threshold; `{margin}` is how far below.
    pub margin_below: &'static str,
    /// Before the flips when one changed answer is enough.
    pub flips_one: &'static str,
    /// Before the flips when `{n}` changed answers are needed together.
    pub flips_many: &'static str,
    /// After a changed answer's new label: the answer given, `{label}`.
    pub you_answered: &'static str,
    /// Joins the changes of one flip.
    pub flips_and: &'static str,
    /// Another flip told by its difference from the first: `{added}` instead of `{dropped}`.
    pub flips_instead: &'static str,
    /// Said when no change of answers can flip the verdict.
    pub flips_none: &'static str,
    /// Column headings of the answers table in Markdown: the question's topic, the answer, its weight.
    pub table_question: &'static str,
    pub table_answer: &'static str,
    pub table_weight: &'static str,
    /// Column headings of the myths table in the Markdown reading mode.
    pub table_myth: &'static str,
    pub table_summary: &'static str,
    /// The dim hint after an interactive result when the answers were not saved.
    pub save_hint: &'static str,
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
    /// Said on stderr when Ctrl-C (or SIGTERM, SIGHUP) ends the quiz.
    pub cancelled: &'static str,
    /// Dim line above a changed answer whose earlier report has scrolled out of view;
    /// `{n}` is the question's number.
    pub answer_changed: &'static str,
    /// The same, when the answer given again is the one shown above.
    pub answer_kept: &'static str,
}

const EN: Messages = Messages {
    keys_hint: "↑↓ move · Enter choose · Esc or q back to the previous question",
    keys_hint_first: "↑↓ move · Enter choose · Esc or q goes back (this is the first question)",
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
    flips_heading: "What would change it",
    margin_above: "Your score of {score} is {margin} above the threshold of {threshold}.",
    margin_at: "Your score of {score} is exactly at the threshold of {threshold}.",
    margin_below: "Your score of {score} is {margin} short of the threshold of {threshold}.",
    flips_one: "One different answer would change the verdict:",
    flips_many: "It would take {n} different answers, no fewer, to change the verdict:",
    you_answered: "you answered: {label}",
    flips_and: "and",
    flips_instead: "Or the same with {added} instead of {dropped}.",
    flips_none: "No other answers to these questions would change the verdict.",
    table_question: "Question",
    table_answer: "Answer",
    table_weight: "Weight",
    table_myth: "Myth",
    table_summary: "In one line",
    save_hint: "To keep these answers for next time or for a group report, run the quiz with --save-answers FILE.",
    transcript_heading: "Your answers",
    saved: "Saved your answers to {path}",
    myth_heading: "Myth {n} of 5",
    checks_heading: "Reality checks",
    threshold_line: "A score of {threshold} or more recommends machine learning; scores run from {min} to {max}.",
    cancelled: "cancelled",
    answer_changed:
        "↺ Changed the answer to question {n}; the earlier one, scrolled out of view above, no longer counts.",
    answer_kept: "↺ Answered question {n} again, the same as above.",
};

const KO: Messages = Messages {
    keys_hint: "↑↓ 이동 · Enter 선택 · Esc 또는 q 이전 질문으로",
    keys_hint_first: "↑↓ 이동 · Enter 선택 · Esc 또는 q 이전 질문으로 (첫 질문입니다)",
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
    flips_heading: "결과가 바뀌려면",
    margin_above: "점수 {score}점은 기준 {threshold}점보다 {margin}점 높습니다.",
    margin_at: "점수 {score}점은 기준 {threshold}점과 같습니다.",
    margin_below: "점수 {score}점은 기준 {threshold}점에 {margin}점 모자랍니다.",
    flips_one: "답 하나만 달랐어도 결과가 달라졌을 겁니다.",
    flips_many: "답이 적어도 {n}개는 달라야 결과가 바뀝니다.",
    you_answered: "내 답: {label}",
    flips_and: "그리고",
    flips_instead: "또는 위 조건 가운데 ‘{dropped}’ 대신 ‘{added}’ 조건이어도 됩니다.",
    flips_none: "이 질문들에 어떻게 답해도 결과는 바뀌지 않습니다.",
    table_question: "질문",
    table_answer: "답",
    table_weight: "점수",
    table_myth: "통념",
    table_summary: "한 줄 반론",
    save_hint: "다음에 다시 보거나 여럿의 결과를 모아 보려면 --save-answers FILE을 붙여 답변을 저장하세요.",
    transcript_heading: "내 답변",
    saved: "답변을 저장했습니다: {path}",
    myth_heading: "통념 {n}/5",
    checks_heading: "현실 점검",
    threshold_line: "{threshold}점 이상이면 머신러닝을 권합니다. 점수 범위는 {min}점부터 {max}점까지입니다.",
    cancelled: "취소했습니다",
    answer_changed: "↺ {n}번 질문의 답을 바꿨습니다. 화면 위로 밀려난 이전 답은 이제 무효입니다.",
    answer_kept: "↺ {n}번 질문에 위와 같은 답을 다시 골랐습니다.",
};

/// The interface strings for `lang`.
pub fn get(lang: Lang) -> &'static Messages {
    match lang {
        Lang::En => &EN,
        Lang::Ko => &KO,
    }
}
