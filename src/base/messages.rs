//! The words of mlcheck's own interface, in English and Korean. Texts about the article
//! live in the bank; these are the frame around them.

use crate::base::lang::Lang;

/// `text` ended as a sentence: a full stop added unless it ends with one already (or `?`,
/// `!`), in English and Korean alike. Texts of several lines (an error that carries the
/// answers it couldn't save) end with what they carry and are left as they are.
pub fn sentence(text: String) -> String {
    if text.is_empty() || text.contains('\n') || text.ends_with(['.', '?', '!']) {
        text
    } else {
        text + "."
    }
}

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
    /// Heading of the reality checks: of a myth in `mlcheck myths`, and of their section in
    /// `report` and `compare`.
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
    save_hint: "To keep these answers for next time or for a group report, run the quiz with --save-answers\u{a0}FILE.",
    transcript_heading: "Your answers",
    saved: "Saved your answers to {path}",
    myth_heading: "Myth {n} of 5",
    checks_heading: "Reality checks",
    threshold_line: "A score of {threshold} or more recommends machine learning; scores run from {min} to {max}.",
    cancelled: "cancelled.",
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
    save_hint: "다음에 다시 보거나 여럿의 결과를 모아 보려면 --save-answers\u{a0}FILE을 붙여 답변을 저장하세요.",
    transcript_heading: "내 답변",
    saved: "답변을 저장했습니다: {path}",
    myth_heading: "통념 {n}/5",
    checks_heading: "현실 점검",
    threshold_line: "{threshold}점 이상이면 머신러닝을 권합니다. 점수 범위는 {min}점부터 {max}점까지입니다.",
    cancelled: "취소했습니다.",
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
    /// A file holding a JSON array.
    pub json_array: &'static str,
    /// `report -` with nothing on stdin.
    pub stdin_empty: &'static str,
    /// `report -` with something other than JSON results on stdin.
    pub stdin_not_json: &'static str,
    /// The report's heading.
    pub heading: &'static str,
    /// "{n} results".
    pub results: &'static str,
    /// "{n} results, {left_out} left out: see the errors above", in the terminal.
    pub results_left_out: &'static str,
    /// "{n} results, {left_out} left out", in a file to share, which doesn't hold the errors.
    pub results_left_out_shared: &'static str,
    /// Heading of the verdicts.
    pub verdicts_heading: &'static str,
    /// Heading of the myths chart.
    pub myths_heading: &'static str,
    /// Left end of the myths chart's axis.
    pub disagree_axis: &'static str,
    /// Right end of the myths chart's axis.
    pub agree_axis: &'static str,
    /// Title of the column of the share who believe a myth.
    pub believed_column: &'static str,
    /// The myth chart's legend.
    pub legend: &'static str,
    /// "Most believed: {topic}, by {share} ({count} of {n})".
    pub most_believed: &'static str,
    /// "Most believed, tied: {topic}, each by {share} ({count} of {n})." ({topic} lists them).
    pub most_believed_tied: &'static str,
    /// Said when no one believed any myth.
    pub none_believed: &'static str,
    /// Heading of the score distribution.
    pub scores_heading: &'static str,
    /// "mean {mean} · median {median} · lowest {min} · highest {max}".
    pub score_stats: &'static str,
    /// Heading of the breakdown by track.
    pub by_track_heading: &'static str,
    /// "{track}: {n} results".
    pub track_results: &'static str,
    /// Before the shares of the myths believed within a track.
    pub believed_label: &'static str,
    /// Which tracks are hidden and why: `{tracks}`, `{n}` the min group.
    pub hidden: &'static str,
    /// When every track is hidden.
    pub no_breakdown: &'static str,
    /// Between the names of a list.
    pub list_separator: &'static str,
    /// Between the last names of a list of alternatives ("back-end or mobile").
    pub or_separator: &'static str,
    /// The hidden tracks' stays, pooled: `{tracks}` their names joined by `or_separator`,
    /// `{object}` (Korean) the object particle that follows them.
    pub stay_in_tracks: &'static str,
    /// Everyone's stays, pooled, when every track is hidden.
    pub stay_own_track: &'static str,
    /// The hidden tracks' results, pooled (CSV label): `{tracks}` their labels.
    pub hidden_label: &'static str,
    /// The CSV's topic of its `results` rows.
    pub csv_results: &'static str,
    /// The CSV's label of the `results,all` row: the valid results.
    pub csv_valid: &'static str,
    /// The CSV's label of the `results,left_out` row.
    pub csv_left_out: &'static str,
    /// Table headers.
    pub col_verdict: &'static str,
    /// Table header: how many.
    pub col_count: &'static str,
    /// Table header: share.
    pub col_share: &'static str,
    /// Table header: the myth.
    pub col_myth: &'static str,
    /// Table header: the answer to a reality check.
    pub col_answer: &'static str,
    /// Table header: staying in one's track.
    pub col_stay: &'static str,
    /// Table header: the track.
    pub col_track: &'static str,
    /// Table header: number of results.
    pub col_results: &'static str,
    /// Table header: believed (share).
    pub col_believed: &'static str,
    /// The HTML page's title.
    pub page_title: &'static str,
    /// The text equivalent of the myth chart: `{topic}`, then the five shares.
    pub myth_chart_title: &'static str,
    /// The text equivalent of the histogram: `{stats}` and `{threshold}`.
    pub histogram_title: &'static str,
}

const REPORT_EN: ReportMessages = ReportMessages {
    not_a_file: "{name}: is not a regular file; left out",
    stray: "not a result of `mlcheck quiz --format json`: a result starts with `{`; remove this text",
    incomplete: "this JSON result is not complete: it has no closing `}` before the next result or the end of the file",
    not_result: "not a result of `mlcheck quiz --format json`:",
    json_at: " (line {line})",
    json_array: "a JSON array; mlcheck reads results as `mlcheck quiz --format json` writes them: objects back to back or one a line, not in `[...]`",
    stdin_empty: "nothing came on stdin; pipe JSON results in (cat export.jsonl | mlcheck report -)",
    stdin_not_json: "stdin holds no JSON results; `-` reads results as `mlcheck quiz --format json` writes them (one, appended, or one a line); answers files can't be told apart in one stream, so give their files or their folder as PATHs",
    heading: "What the group believes",
    results: "{n} results",
    results_left_out: "{n} results, {left_out} left out: see the errors above",
    results_left_out_shared: "{n} results, {left_out} left out",
    verdicts_heading: "Verdicts",
    myths_heading: "The five myths",
    disagree_axis: "◀ disagree",
    agree_axis: "agree ▶",
    believed_column: "believe",
    legend: "█ strongly  ▓ somewhat  ░ neither (split at the line)",
    most_believed: "Most believed: {topic}, by {share} ({count} of {n}).",
    most_believed_tied: "Most believed, tied: {topic}, each by {share} ({count} of {n}).",
    none_believed: "No one believed any of the five myths.",
    scores_heading: "Scores",
    score_stats: "mean {mean} · median {median} · lowest {min} · highest {max}",
    by_track_heading: "By track",
    track_results: "{track}: {n} results",
    believed_label: "Believe:",
    hidden: "Not shown: {tracks}. A track is shown only with at least {n} results, and never when its count could be worked out from the others.",
    no_breakdown: "No breakdown by track: a track is shown only with at least {n} results, and never when its count could be worked out from the others.",
    list_separator: ", ",
    or_separator: " or ",
    stay_in_tracks: "Stay in {tracks}",
    stay_own_track: "Stay in their own track",
    hidden_label: "Hidden tracks together: {tracks}",
    csv_results: "Results",
    csv_valid: "Valid results",
    csv_left_out: "Left out",
    col_verdict: "Verdict",
    col_count: "Count",
    col_share: "Share",
    col_myth: "Myth",
    col_answer: "Answer",
    col_stay: "Stay in their track",
    col_track: "Track",
    col_results: "Results",
    col_believed: "Believe",
    page_title: "What the group believes: mlcheck report",
    myth_chart_title: "{topic}: {shares}",
    histogram_title: "Scores of {n} results: {stats}. ML from {threshold}.",
};

const REPORT_KO: ReportMessages = ReportMessages {
    not_a_file: "{name}: 일반 파일이 아니어서 빼고 셉니다",
    stray: "`mlcheck quiz --format json`의 결과가 아닙니다. 결과는 `{`로 시작합니다. 이 부분을 지우세요",
    incomplete: "JSON 결과가 끝나지 않았습니다. 다음 결과나 파일 끝 앞에 닫는 `}`가 없습니다",
    not_result: "`mlcheck quiz --format json`의 결과가 아닙니다:",
    json_at: " ({line}번째 줄)",
    json_array: "JSON 배열입니다. mlcheck는 `mlcheck quiz --format json`이 쓰는 대로, 결과 객체를 이어 붙이거나 한 줄에 하나씩 둔 것만 읽습니다. `[...]`로 감싸지 마세요",
    stdin_empty: "표준 입력으로 아무것도 오지 않았습니다. JSON 결과를 파이프로 넘기세요(cat export.jsonl | mlcheck report -)",
    stdin_not_json: "표준 입력에 JSON 결과가 없습니다. `-`는 `mlcheck quiz --format json`이 쓰는 결과(하나, 이어 붙인 것, 한 줄에 하나씩)를 읽습니다. 답변 파일은 한 흐름 안에서 서로 구별할 수 없으니, 파일이나 폴더를 PATH로 주세요",
    heading: "모임이 믿는 것",
    results: "결과 {n}개",
    results_left_out: "결과 {n}개, {left_out}개는 뺐습니다. 위의 오류를 보세요",
    results_left_out_shared: "결과 {n}개, {left_out}개는 뺐습니다",
    verdicts_heading: "추천 결과",
    myths_heading: "다섯 가지 통념",
    disagree_axis: "◀ 동의 안 함",
    agree_axis: "동의 ▶",
    believed_column: "믿음",
    legend: "█ 매우  ▓ 조금  ░ 보통(선 양쪽에 반씩)",
    most_believed: "가장 많이 믿는 통념: {topic}, {share}({n}명 중 {count}명)",
    most_believed_tied: "가장 많이 믿는 통념(공동): {topic}, 각각 {share}({n}명 중 {count}명)",
    none_believed: "다섯 가지 통념 가운데 아무도 믿지 않았습니다.",
    scores_heading: "점수",
    score_stats: "평균 {mean} · 중앙값 {median} · 최저 {min} · 최고 {max}",
    by_track_heading: "분야별",
    track_results: "{track}: 결과 {n}개",
    believed_label: "믿는 통념:",
    hidden: "표시하지 않음: {tracks}. 결과가 {n}개 이상인 분야만 보여 주고, 다른 분야의 수로 거꾸로 셀 수 있는 분야도 감춥니다.",
    no_breakdown: "분야별로 나누어 보여 주지 않습니다. 결과가 {n}개 이상인 분야만 보여 주고, 다른 분야의 수로 거꾸로 셀 수 있는 분야도 감춥니다.",
    list_separator: ", ",
    or_separator: " 또는 ",
    stay_in_tracks: "{tracks}{object} 계속하세요",
    stay_own_track: "지금 분야를 계속하세요",
    hidden_label: "감춘 분야 합계: {tracks}",
    csv_results: "결과",
    csv_valid: "올바른 결과",
    csv_left_out: "뺀 결과",
    col_verdict: "추천",
    col_count: "수",
    col_share: "비율",
    col_myth: "통념",
    col_answer: "답",
    col_stay: "지금 분야 유지",
    col_track: "분야",
    col_results: "결과 수",
    col_believed: "믿음",
    page_title: "모임이 믿는 것: mlcheck 보고서",
    myth_chart_title: "{topic}: {shares}",
    histogram_title: "결과 {n}개의 점수: {stats}. {threshold}점부터 ML.",
};

/// The strings of `mlcheck report` for `lang`.
pub fn report(lang: Lang) -> &'static ReportMessages {
    match lang {
        Lang::En => &REPORT_EN,
        Lang::Ko => &REPORT_KO,
    }
}

/// The words of `mlcheck compare`.
pub struct CompareMessages {
    /// The comparison's heading.
    pub heading: &'static str,
    /// "Before: {n} results" (with `{left_out}` in the variant below).
    pub before_results: &'static str,
    /// "Before: {n} results, {left_out} left out".
    pub before_left_out: &'static str,
    /// "After: {n} results".
    pub after_results: &'static str,
    /// "After: {n} results, {left_out} left out".
    pub after_left_out: &'static str,
    /// "Paired: {n}", people who answered both times.
    pub paired: &'static str,
    /// Added in the terminal when something was left out on either side.
    pub see_errors: &'static str,
    /// Why results without a partner were left out; `{list}` joins the two below, `{min}`
    /// is the min group.
    pub unpaired_left_out: &'static str,
    /// "{n} before", in the list above.
    pub unpaired_before: &'static str,
    /// "{n} after", in the list above.
    pub unpaired_after: &'static str,
    /// Between the two items of the list.
    pub unpaired_and: &'static str,
    /// On stderr when nothing paired: one name without a partner on each side.
    pub nothing_paired: &'static str,
    /// Column: before.
    pub col_before: &'static str,
    /// Column: after.
    pub col_after: &'static str,
    /// Column: the change.
    pub col_change: &'static str,
    /// Table header: before.
    pub table_before: &'static str,
    /// Table header: after.
    pub table_after: &'static str,
    /// Table header: the change.
    pub table_change: &'static str,
    /// Heading of the myths chart.
    pub myths_heading: &'static str,
    /// The chart's legend.
    pub legend: &'static str,
    /// Heading of the paired section.
    pub paired_heading: &'static str,
    /// What the paired section shows; `{n}` pairs.
    pub paired_intro: &'static str,
    /// Why the paired section is hidden; `{n}` pairs, `{min}` the min group.
    pub paired_hidden: &'static str,
    /// Said when no result could be paired.
    pub paired_none: &'static str,
    /// How a result finds its partner, after the two lines above.
    pub pairing_rule: &'static str,
    /// "{agree} toward agreeing · {disagree} toward disagreeing · {same} the same".
    pub movers_line: &'static str,
    /// Column: moved toward agreeing.
    pub col_toward_agree: &'static str,
    /// Column: moved toward disagreeing.
    pub col_toward_disagree: &'static str,
    /// Column: answered the same.
    pub col_same: &'static str,
    /// Column: the p-value.
    pub col_p: &'static str,
    /// Column: what it means.
    pub col_reading: &'static str,
    /// Nobody moved.
    pub nobody_moved: &'static str,
    /// Fewer than 6 movers.
    pub too_few: &'static str,
    /// p ≥ 0.05.
    pub chance: &'static str,
    /// p < 0.05 with at least 6 movers.
    pub unlikely: &'static str,
    /// The unit of a change in percentage points, after the number.
    pub points: &'static str,
    /// The HTML page's title.
    pub page_title: &'static str,
    /// The text equivalent of one arrow: `{label}`, `{before}`, `{after}`, `{change}`.
    pub arrow_title: &'static str,
}

const COMPARE_EN: CompareMessages = CompareMessages {
    heading: "Before and after",
    before_results: "Before: {n} results",
    before_left_out: "Before: {n} results, {left_out} left out",
    after_results: "After: {n} results",
    after_left_out: "After: {n} results, {left_out} left out",
    paired: "Paired: {n}",
    see_errors: "(see the errors above)",
    unpaired_left_out: "Left out: {list}, people who took the quiz only once. With fewer than {min} (--min-group) such people on a side, comparing the two sides would give their answers away, so that side is shown without them.",
    unpaired_before: "{n} before",
    unpaired_after: "{n} after",
    unpaired_and: " and ",
    nothing_paired: "note: no one was paired. For example, {before} has no partner in AFTER and {after} none in BEFORE: a result pairs with the one at the same path under the other side, when each is alone in its file.",
    col_before: "before",
    col_after: "after",
    col_change: "change",
    table_before: "Before",
    table_after: "After",
    table_change: "Change",
    myths_heading: "Who believes each myth",
    legend: "○ before, ▶ or ◀ after, pointing the way the share moved; ● unchanged",
    paired_heading: "How the paired people moved",
    paired_intro: "{n} people answered both times. For each myth: how many answered closer to agreeing after, closer to disagreeing, or the same; and whether a split like that could be chance (an exact sign test, leaving out those who stayed).",
    paired_hidden: "Not shown: only {n} people answered both times, fewer than {min} (--min-group), so how each of them moved could single them out.",
    paired_none: "Not shown: no one could be paired.",
    pairing_rule: "A result pairs with the one at the same path under the other side (before/alice.txt and after/alice.txt), when each is alone in its file.",
    movers_line: "{agree} toward agreeing · {disagree} toward disagreeing · {same} the same",
    col_toward_agree: "Toward agreeing",
    col_toward_disagree: "Toward disagreeing",
    col_same: "Same",
    col_p: "p",
    col_reading: "What it means",
    nobody_moved: "nobody moved",
    too_few: "too few moved to tell: fewer than 6 movers can never reach the 5% level",
    chance: "could easily be chance",
    unlikely: "unlikely to be chance at the 5% level",
    points: " pp",
    page_title: "Before and after: mlcheck compare",
    arrow_title: "{label}: {before} before, {after} after ({change})",
};

const COMPARE_KO: CompareMessages = CompareMessages {
    heading: "전과 후",
    before_results: "이전: 결과 {n}개",
    before_left_out: "이전: 결과 {n}개, {left_out}개 뺌",
    after_results: "이후: 결과 {n}개",
    after_left_out: "이후: 결과 {n}개, {left_out}개 뺌",
    paired: "짝지은 사람: {n}명",
    see_errors: "(위의 오류를 보세요)",
    unpaired_left_out: "한 번만 답한 사람의 결과 {list}를 뺐습니다. 한쪽에 그런 사람이 {min}명(--min-group)보다 적으면 두 쪽을 견주어 그 사람들의 답을 알아낼 수 있기 때문입니다.",
    unpaired_before: "이전 {n}개",
    unpaired_after: "이후 {n}개",
    unpaired_and: ", ",
    nothing_paired: "참고: 짝지은 사람이 없습니다. 짝이 없는 파일의 예: 이전 {before}, 이후 {after}. 양쪽에서 경로가 같은 결과끼리, 파일 하나에 결과가 하나만 있을 때 짝을 짓습니다.",
    col_before: "이전",
    col_after: "이후",
    col_change: "변화",
    table_before: "이전",
    table_after: "이후",
    table_change: "변화",
    myths_heading: "통념별로 믿는 사람의 비율",
    legend: "○ 이전, ▶ 또는 ◀ 이후(비율이 움직인 쪽을 가리킴), ● 변화 없음",
    paired_heading: "짝지은 사람들의 변화",
    paired_intro: "두 번 모두 답한 사람이 {n}명입니다. 통념마다 나중에 동의 쪽으로 옮긴 사람, 동의하지 않는 쪽으로 옮긴 사람, 그대로인 사람을 세고, 그렇게 갈린 것이 우연일 수 있는지 봅니다(그대로인 사람은 빼고 하는 정확한 부호 검정).",
    paired_hidden: "보여 주지 않음: 두 번 모두 답한 사람이 {n}명뿐이라 {min}명(--min-group)보다 적습니다. 한 사람 한 사람의 변화가 드러날 수 있습니다.",
    paired_none: "보여 주지 않음: 짝지을 수 있는 결과가 없습니다.",
    pairing_rule: "양쪽에서 경로가 같은 결과끼리 짝을 짓습니다(before/alice.txt와 after/alice.txt). 파일 하나에 결과가 하나만 있을 때만 짝이 됩니다.",
    movers_line: "동의 쪽으로 {agree}명 · 동의 안 하는 쪽으로 {disagree}명 · 그대로 {same}명",
    col_toward_agree: "동의 쪽으로",
    col_toward_disagree: "동의 안 하는 쪽으로",
    col_same: "그대로",
    col_p: "p",
    col_reading: "뜻",
    nobody_moved: "아무도 움직이지 않았습니다",
    too_few: "움직인 사람이 너무 적어 알 수 없습니다. 6명보다 적으면 어떻게 갈려도 5% 수준에 이르지 못합니다",
    chance: "우연으로도 충분히 생길 수 있습니다",
    unlikely: "5% 수준에서 우연이라고 보기 어렵습니다",
    points: "%p",
    page_title: "전과 후: mlcheck compare",
    arrow_title: "{label}: 이전 {before}, 이후 {after} ({change})",
};

/// The strings of `mlcheck compare` for `lang`.
pub fn compare(lang: Lang) -> &'static CompareMessages {
    match lang {
        Lang::En => &COMPARE_EN,
        Lang::Ko => &COMPARE_KO,
    }
}

/// The words of `mlcheck serve`'s pages and of its lines on the terminal.
pub struct ServeMessages {
    /// The name of the other language, in that language, for the switch link.
    pub other_language: &'static str,
    /// "Question {n} of {total}".
    pub progress: &'static str,
    /// The button that answers a question.
    pub next: &'static str,
    /// The link back to the question before.
    pub back: &'static str,
    /// Before the answer just given, over the article's counterpoint.
    pub you_answered: &'static str,
    /// Heading of the page that lists the answers before they are sent.
    pub review_heading: &'static str,
    /// What happens to the answers, on that page.
    pub review_intro: &'static str,
    /// The link that changes one answer.
    pub change: &'static str,
    /// The button that sends the answers.
    pub submit: &'static str,
    /// Said on the result page once the answers are saved.
    pub saved: &'static str,
    /// Heading of the part of the result page that offers the answers as files.
    pub keep_heading: &'static str,
    /// The link to the answers file.
    pub keep_answers: &'static str,
    /// The link to the JSON result.
    pub keep_json: &'static str,
    /// The link that starts the quiz again.
    pub again: &'static str,
    /// Heading of an error page.
    pub error_heading: &'static str,
    /// Heading of the page of a form sent twice, whose answers were saved the first time.
    pub already_saved: &'static str,
    /// A form posted a second time.
    pub posted_twice: &'static str,
    /// A form from an earlier run of the server, out of date, or edited.
    pub stale: &'static str,
    /// A form made for another browser.
    pub foreign: &'static str,
    /// A form posted from another site.
    pub cross_site: &'static str,
    /// No answer was sent at all.
    pub no_answers: &'static str,
    /// `--max-results` reached; `{n}` (`{s}`: "s" unless one).
    pub full: &'static str,
    /// Saving failed; `{reason}`. The answers follow.
    pub save_failed: &'static str,
    /// A body over the limit; `{limit}`.
    pub too_large: &'static str,
    /// A page that doesn't exist.
    pub not_found: &'static str,
    /// The link to the first question.
    pub start: &'static str,
    /// The link back to the answers of a form that was refused, to send them again.
    pub resend: &'static str,
    /// The link that goes on with the quiz from answers that are not all there.
    pub go_on: &'static str,
    /// An organizer's `?format=` that is none; `{format}`.
    pub unknown_format: &'static str,
    /// The organizer page below `--min-group`: `{n}` results so far (`{s}`: "s" unless
    /// one), `{min}`.
    pub waiting: &'static str,
    /// Heading of the join view and banner.
    pub join_heading: &'static str,
    /// How to join, under the address.
    pub join_how: &'static str,
    /// "{n} results so far" (`{s}`: "s" unless one).
    pub results_so_far: &'static str,
    /// The join code's text equivalent; `{url}`.
    pub qr_label: &'static str,
}

const SERVE_EN: ServeMessages = ServeMessages {
    other_language: "한국어",
    progress: "Question {n} of {total}",
    next: "Next",
    back: "Back to the question before",
    you_answered: "You answered: {label}",
    review_heading: "Your answers",
    review_intro: "Check them, then see your result. Seeing it saves them in the organizer's folder under a random name, with no name, e-mail or address of yours; taking the quiz again from this browser replaces them.",
    change: "Change",
    submit: "See my result",
    saved: "Your answers are saved. Taking the quiz again from this browser replaces them.",
    keep_heading: "Keep what you answered",
    keep_answers: "Your answers as a file (replay them with mlcheck quiz --answers FILE)",
    keep_json: "Your result as JSON",
    again: "Take the quiz again",
    error_heading: "Nothing was saved",
    already_saved: "Already saved",
    posted_twice: "This form was sent already, and your answers were saved then; they were not saved a second time.",
    stale: "This form comes from an earlier session of the quiz, is out of date or was changed, so nothing was saved. Please send your answers again.",
    foreign: "This form was made for another browser, so nothing was saved. Please send your answers again from here.",
    cross_site: "This form was sent from another site, so nothing was saved. Take the quiz on this site.",
    no_answers: "No answers came with this form.",
    full: "This session is full: it holds {n} result{s} already, so nothing was saved. Please tell the organizer.",
    save_failed: "Your answers could not be saved ({reason}). Nothing is lost: here they are, to keep or to hand to the organizer.",
    too_large: "That was more than {limit}, so nothing was saved.",
    not_found: "There is no such page.",
    start: "Start the quiz",
    resend: "Back to your answers, to send them again",
    go_on: "Go on with the quiz from the answers given so far",
    unknown_format: "There is no report format `{format}`: end the organizer URL with ?format=json, csv, markdown, text or html, or with nothing for the live page.",
    waiting: "{n} result{s} so far. The report appears at {min} results (--min-group), so that no one can be singled out.",
    join_heading: "Take the quiz",
    join_how: "Scan the code with a phone's camera, or type the address.",
    results_so_far: "{n} result{s} so far",
    qr_label: "QR code of {url}",
};

const SERVE_KO: ServeMessages = ServeMessages {
    other_language: "English",
    progress: "질문 {n}/{total}",
    next: "다음",
    back: "앞 질문으로",
    you_answered: "내 답: {label}",
    review_heading: "내 답",
    review_intro: "확인한 뒤 결과를 보세요. 결과를 보면 답이 진행자의 폴더에 무작위 이름으로 저장되며, 이름이나 이메일, 주소는 남지 않습니다. 이 브라우저에서 퀴즈를 다시 하면 새 답으로 바뀝니다.",
    change: "바꾸기",
    submit: "결과 보기",
    saved: "답을 저장했습니다. 이 브라우저에서 퀴즈를 다시 하면 새 답으로 바뀝니다.",
    keep_heading: "내 답 간직하기",
    keep_answers: "답을 파일로 받기(mlcheck quiz --answers FILE로 다시 볼 수 있습니다)",
    keep_json: "결과를 JSON으로 받기",
    again: "퀴즈 다시 하기",
    error_heading: "저장하지 않았습니다",
    already_saved: "이미 저장했습니다",
    posted_twice: "이 양식은 이미 보냈고, 답은 그때 저장했습니다. 한 번 더 저장하지는 않았습니다.",
    stale: "이 양식은 이전 퀴즈 세션에서 왔거나, 오래되었거나, 바뀌어서 저장하지 않았습니다. 답을 다시 보내 주세요.",
    foreign: "이 양식은 다른 브라우저를 위해 만든 것이라 저장하지 않았습니다. 여기서 답을 다시 보내 주세요.",
    cross_site: "이 양식은 다른 사이트에서 보낸 것이라 저장하지 않았습니다. 이 사이트에서 퀴즈를 해 주세요.",
    no_answers: "이 양식에 답이 없습니다.",
    full: "이 세션은 가득 찼습니다. 결과가 이미 {n}개 있어 저장하지 않았습니다. 진행자에게 알려 주세요.",
    save_failed: "답을 저장하지 못했습니다({reason}). 잃은 것은 없습니다. 간직하거나 진행자에게 전할 수 있도록 여기 적어 둡니다.",
    too_large: "{limit}보다 커서 저장하지 않았습니다.",
    not_found: "그런 페이지는 없습니다.",
    start: "퀴즈 시작하기",
    resend: "내 답으로 돌아가 다시 보내기",
    go_on: "지금까지의 답으로 퀴즈 이어 하기",
    unknown_format: "보고서 형식 `{format}`: 그런 형식은 없습니다. 진행자 URL 끝에 ?format=json, csv, markdown, text, html 가운데 하나를 붙이세요. 아무것도 붙이지 않으면 실시간 페이지가 나옵니다.",
    waiting: "지금까지 결과 {n}개. 누구도 드러나지 않도록 결과가 {min}개(--min-group)가 되면 보고서가 나타납니다.",
    join_heading: "퀴즈에 참여하세요",
    join_how: "휴대폰 카메라로 코드를 찍거나 주소를 입력하세요.",
    results_so_far: "지금까지 결과 {n}개",
    qr_label: "{url}의 QR 코드",
};

/// The strings of `mlcheck serve` for `lang`.
pub fn serve(lang: Lang) -> &'static ServeMessages {
    match lang {
        Lang::En => &SERVE_EN,
        Lang::Ko => &SERVE_KO,
    }
}

/// The lines `mlcheck serve` writes on the terminal.
pub struct ServeTerminal {
    /// DIR was missing and was made; `{dir}`.
    pub made_dir: &'static str,
    /// Listening on a network address; `{addr}`.
    pub network: &'static str,
    /// Under the QR code: project the join view, not the terminal; `{join}` its URL.
    pub project: &'static str,
    /// How to stop.
    pub stop: &'static str,
    /// On stopping: `{dir}` holds `{n}` results.
    pub stopped: &'static str,
}

const SERVE_TERMINAL_EN: ServeTerminal = ServeTerminal {
    made_dir: "made the folder {dir} for the answers.",
    network: "listening on {addr}: anyone on this network can open the quiz page; only those with the organizer link (the second line) can see the report.",
    project: "to show the room how to join, project this page in a browser, not this terminal (which shows the organizer link): {join}",
    stop: "Ctrl-C stops the server; the answers stay in the folder.",
    stopped: "stopped; results in {dir}: {n}.",
};

const SERVE_TERMINAL_KO: ServeTerminal = ServeTerminal {
    made_dir: "답을 담을 폴더를 만들었습니다: {dir}",
    network: "{addr}에서 기다립니다. 이 네트워크의 누구나 퀴즈 페이지를 열 수 있고, 보고서는 진행자 링크(둘째 줄)를 아는 사람만 볼 수 있습니다.",
    project: "참여 방법을 보여 주려면 이 터미널(진행자 링크가 보입니다) 말고 브라우저로 이 페이지를 화면에 띄우세요: {join}",
    stop: "Ctrl-C를 누르면 서버가 멈춥니다. 답은 폴더에 남습니다.",
    stopped: "멈췄습니다. {dir}에 결과가 {n}개 있습니다.",
};

/// The terminal lines of `mlcheck serve` for `lang`.
pub fn serve_terminal(lang: Lang) -> &'static ServeTerminal {
    match lang {
        Lang::En => &SERVE_TERMINAL_EN,
        Lang::Ko => &SERVE_TERMINAL_KO,
    }
}
