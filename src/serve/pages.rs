//! The participant's pages, and the organizer's join view and waiting page: plain HTML with
//! no script, built with maud, which escapes every text it is given, so a bank's `<script>`
//! or `</textarea>` shows as written. They share the report's type and layout rules
//! (`render::html::BASE_STYLE`) and add their own for forms; every text comes from the bank
//! or from `base::messages`, and the result page says what the text result says, with the
//! same helpers (`render`) choosing the words.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::flow::{self, Progress, EDIT_FIELD, LANG_FIELD, SAVED_FIELD, TOKEN_FIELD};
use super::qr::Code;
use crate::base::lang::Lang;
use crate::base::messages::{self, ServeMessages};
use crate::model::answers::Answers;
use crate::model::bank::{Bank, Question};
use crate::model::flips::Flip;
use crate::model::scoring::{Recommendation, Score};
use crate::render::{self, View};

/// What every page needs: the bank, the page's language, and whether the reader may switch
/// it (not when `--lang` fixed it).
#[derive(Clone, Copy)]
pub struct Page<'a> {
    /// The bank in use.
    pub bank: &'a Bank,
    /// The page's language.
    pub lang: Lang,
    /// Whether the language may be switched (`--lang` not given, and the bank has both).
    pub switchable: bool,
}

impl Page<'_> {
    fn msg(&self) -> &'static ServeMessages {
        messages::serve(self.lang)
    }

    fn view(&self) -> View<'_> {
        View { bank: self.bank, lang: self.lang, width: 80 }
    }

    /// The other language, when the reader may switch to it.
    fn other(&self) -> Option<Lang> {
        self.switchable.then(|| Lang::ALL.into_iter().find(|&l| l != self.lang)).flatten()
    }
}

/// The quiz pages' own rules, after the shared ones: colours, big tappable choices, a focus
/// ring that always shows, the gauge and the result's chart.
const STYLE: &str = r#"
:root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --accent: #0b5cad; --ml: #2e7d4f; --stay: #2f6fb0;
  --track: #e6e9ed; --warn: #9a3b00; }
body { max-width: 44rem; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.top { display: flex; justify-content: space-between; gap: 1rem; align-items: baseline; color: var(--muted);
  font-size: .95rem; margin-bottom: 1rem; flex-wrap: wrap; }
.progress { color: var(--muted); margin: 0 0 .3rem; }
.said { border-left: 4px solid var(--rule); padding: .2rem 0 .2rem 1rem; margin: 0 0 1.6rem; }
.said p { margin: .3rem 0; }
.said .answer { color: var(--muted); }
fieldset { border: 0; padding: 0; margin: 0 0 1rem; min-width: 0; }
legend { font-size: 1.3rem; font-weight: 600; margin-bottom: .8rem; padding: 0; }
.choice { display: flex; gap: .7rem; align-items: flex-start; border: 2px solid var(--rule); border-radius: .5rem;
  padding: .75rem .9rem; margin: .5rem 0; cursor: pointer; }
.choice:hover { border-color: var(--muted); }
.choice:has(input:checked) { border-color: var(--accent); background: #eef5fc; }
.choice:focus-within { outline: 3px solid var(--accent); outline-offset: 2px; }
.choice input { width: 1.3rem; height: 1.3rem; margin: .15rem 0 0; flex: none; }
button { font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: .5rem;
  padding: .75rem 1.6rem; cursor: pointer; }
.actions { display: flex; gap: 1.2rem; align-items: center; flex-wrap: wrap; margin: 1.2rem 0; }
/* Dense, so each Change link takes the two rows of its own question and answer. */
dl.answers { display: grid; grid-template-columns: minmax(0, 1fr) auto; grid-auto-flow: row dense; gap: .2rem 1rem; }
dl.answers dt { font-weight: 600; grid-column: 1; }
dl.answers dd { margin: 0 0 .6rem; grid-column: 1; }
dl.answers .edit { grid-column: 2; grid-row: span 2; align-self: center; }
.verdict { font-size: 2rem; line-height: 1.25; margin: .2rem 0 1rem; }
.verdict.ml { color: var(--ml); }
.verdict.stay { color: var(--stay); }
.gauge { margin: .5rem 0 1.5rem; }
.gauge svg { display: block; width: 100%; height: 2.2rem; }
.gauge .ends { display: flex; justify-content: space-between; color: var(--muted); font-size: .95rem; }
.chart { --columns: minmax(0, 12rem) minmax(0, 1fr) 3.5rem; }
.chart .kind { color: var(--muted); font-size: .9rem; }
.chart .axis { display: flex; color: var(--muted); font-size: .9rem; }
.chart .axis span { flex: 1 1 0; }
.chart .axis span:first-child { text-align: right; padding-right: 8px; }
.chart .axis span:last-child { padding-left: 8px; }
.saved { border: 2px solid var(--ml); border-radius: .5rem; padding: .6rem .9rem; }
.error { border: 2px solid var(--warn); border-radius: .5rem; padding: .6rem .9rem; }
textarea { width: 100%; font: .95rem ui-monospace, monospace; }
"#;

/// The rules of the join view and of the banner on the organizer's pages (the live report
/// adds them to its own page, in its head).
const JOIN_STYLE: &str = r#"
body:has(.join) { max-width: none; }
.join { text-align: center; }
.join .url { font-size: clamp(1.5rem, 5vw, 3.2rem); font-weight: 700; overflow-wrap: anywhere; margin: .3rem 0; }
.join svg.qr { width: min(62vmin, 48rem); height: auto; display: block; margin: 1rem auto; }
.banner { display: flex; gap: 1.5rem; align-items: center; border: 2px solid var(--rule); border-radius: .5rem;
  padding: .8rem 1rem; margin: 0 0 1.5rem; flex-wrap: wrap; }
.banner svg.qr { width: 9rem; height: auto; flex: none; }
.banner p { margin: .2rem 0; }
/* As large as a phone's width lets the address stay on one line, up to 2rem. */
.banner .url { font-size: clamp(1.1rem, 5vw, 2rem); font-weight: 700; overflow-wrap: anywhere; }
"#;

/// A whole page: `extra_head` (a refresh) goes into the head.
fn layout(p: &Page, title: &str, extra_head: Markup, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang=(p.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                (extra_head)
                title { (title) }
                style { (PreEscaped(render::html::BASE_STYLE)) (PreEscaped(STYLE)) (PreEscaped(JOIN_STYLE)) }
            }
            body { main { (body) } }
        }
    }
    .into_string()
}

/// The line at the top of the participant's pages: the quiz's title and the language switch,
/// which keeps the answers given (`fields`) and the page.
fn top(p: &Page, path: &str, fields: &[(&str, &str)]) -> Markup {
    let switch = p.other().map(|other| {
        let mut all = fields.to_vec();
        all.push((LANG_FIELD, other.code()));
        (format!("{path}?{}", flow::query(&all)), other.code())
    });
    html! {
        div.top {
            span { (p.bank.title.get(p.lang)) }
            @if let Some((href, code)) = switch {
                a href=(href) lang=(code) hreflang=(code) { (p.msg().other_language) }
            }
        }
    }
}

/// The hidden field of the page's language, when the reader chose it.
fn lang_field(p: &Page, chosen: bool) -> Markup {
    html! { @if chosen { input type="hidden" name=(LANG_FIELD) value=(p.lang.code()); } }
}

/// The fields that keep the page's language in a link, when the reader chose it.
fn lang_pair(p: &Page, chosen: bool) -> Vec<(&'static str, &'static str)> {
    if chosen {
        vec![(LANG_FIELD, p.lang.code())]
    } else {
        Vec::new()
    }
}

/// The article's answer to the question just answered, with the answer given, as the
/// terminal shows it after each myth.
fn said(p: &Page, question: &Question, choice: usize) -> Markup {
    let msg = p.msg();
    html! {
        @if let Some(counterpoint) = &question.counterpoint {
            section.said aria-label=(question.topic.get(p.lang)) {
                p.answer { strong { (question.topic.get(p.lang)) } " · " (msg.you_answered.replace("{label}", question.choices[choice].label.get(p.lang))) }
                p { strong { (p.view().msg().article_says) } " " (counterpoint.get(p.lang)) }
            }
        }
    }
}

/// One question of the quiz: the counterpoint of the one before, then the question as a
/// fieldset of labelled radio buttons, its answer checked when it has one (`_edit`).
pub fn question(p: &Page, progress: &Progress, q: usize, lang_chosen: bool) -> String {
    let bank = p.bank;
    let msg = p.msg();
    let question = &bank.questions[q];
    let others = progress.fields(bank, Some(q));
    let mut here = others.clone();
    here.extend(lang_pair(p, lang_chosen));
    let before = progress.answered_before(q);
    // Back: the question before, its answer checked, every other answer kept.
    let back = before.map(|b| {
        let mut fields = progress.fields(bank, None);
        fields.push((EDIT_FIELD, bank.questions[b].id.as_str()));
        fields.extend(lang_pair(p, lang_chosen));
        format!("/quiz?{}", flow::query(&fields))
    });
    // The switch shows this same question, also when it is one asked for again.
    let mut shown = progress.fields(bank, None);
    shown.push((EDIT_FIELD, question.id.as_str()));
    let body = html! {
        (top(p, "/quiz", &shown))
        p.progress { (msg.progress.replace("{n}", &(q + 1).to_string()).replace("{total}", &bank.questions.len().to_string())) }
        @if let Some(b) = before {
            @if progress.choice(q).is_none() {
                (said(p, &bank.questions[b], progress.choice(b).unwrap_or(0)))
            }
        }
        form method="get" action="/quiz" {
            (lang_field(p, lang_chosen))
            @for (id, key) in &others {
                input type="hidden" name=(id) value=(key);
            }
            fieldset {
                legend { (question.prompt.get(p.lang)) }
                @for (i, choice) in question.choices.iter().enumerate() {
                    label.choice {
                        input type="radio" name=(question.id) value=(choice.key) required checked[progress.choice(q) == Some(i)];
                        span { (choice.label.get(p.lang)) }
                    }
                }
            }
            div.actions {
                button type="submit" { (msg.next) }
                @if let Some(back) = &back {
                    a href=(back) { (msg.back) }
                }
            }
        }
    };
    layout(p, &format!("{}: {}", question.topic.get(p.lang), bank.title.get(p.lang)), html! {}, body)
}

/// Every answer, each with a link to change it, and the form that sends them with its token.
pub fn review(p: &Page, answers: &Answers, token: &str, lang_chosen: bool) -> String {
    let bank = p.bank;
    let msg = p.msg();
    let progress = Progress::of(answers);
    let fields = progress.fields(bank, None);
    let last = bank.questions.len() - 1;
    let edits: Vec<String> = bank
        .questions
        .iter()
        .map(|question| {
            let mut edit = fields.clone();
            edit.push((EDIT_FIELD, question.id.as_str()));
            edit.extend(lang_pair(p, lang_chosen));
            format!("/quiz?{}", flow::query(&edit))
        })
        .collect();
    let body = html! {
        (top(p, "/quiz", &fields))
        (said(p, &bank.questions[last], answers.choice(last)))
        h1 { (msg.review_heading) }
        p { (msg.review_intro) }
        dl.answers {
            @for ((question, c), href) in answers.iter(bank).zip(&edits) {
                dt { (question.topic.get(p.lang)) }
                dd { (question.choices[c].label.get(p.lang)) }
                a.edit href=(href) aria-label=(format!("{}: {}", msg.change, question.topic.get(p.lang))) { (msg.change) }
            }
        }
        form method="post" action="/submit" {
            (lang_field(p, lang_chosen))
            input type="hidden" name=(TOKEN_FIELD) value=(token);
            @for (id, key) in &fields {
                input type="hidden" name=(id) value=(key);
            }
            div.actions { button type="submit" { (msg.submit) } }
        }
    };
    layout(p, &format!("{}: {}", msg.review_heading, bank.title.get(p.lang)), html! {}, body)
}

/// The score between the lowest and highest possible, the threshold marked: one image
/// labelled with its numbers, the numbers written out around it.
fn gauge(p: &Page, score: &Score) -> Markup {
    let msg = p.view().msg();
    let (lo, hi) = score.range;
    let span = (hi - lo).max(1) as f64;
    let at = |v: i64| 1000.0 * (v.clamp(lo, hi) - lo) as f64 / span;
    let ml = score.recommendation == Recommendation::Ml;
    let ml_from = msg.ml_from.replace("{threshold}", &score.threshold.to_string());
    let said = format!("{} {} ({lo} … {hi}) · {ml_from}", msg.score, render::signed(score.total));
    html! {
        p.big { strong { (msg.score) " " (render::signed(score.total)) } " · " (ml_from) }
        div.gauge role="img" aria-label=(said) {
            svg viewBox="0 0 1000 40" preserveAspectRatio="none" aria-hidden="true" focusable="false" {
                rect x="0" y="8" width="1000" height="24" fill="var(--track)" {}
                rect x="0" y="8" width=(format!("{:.1}", at(score.total))) height="24" fill=(if ml { "var(--ml)" } else { "var(--stay)" }) {}
                rect x=(format!("{:.1}", at(score.threshold) - 3.0)) y="0" width="6" height="40" fill="var(--ink)" {}
            }
            div.ends aria-hidden="true" {
                span { (lo) }
                span { "" }
                span { (hi) }
            }
        }
    }
}

/// What pushed the score, myth by myth: a row for the myth's own answer and one for its
/// reality checks, each a bar left (stay) or right (ML) of the centre, the value beside it.
fn myth_chart(p: &Page, score: &Score) -> Markup {
    let bank = p.bank;
    let msg = p.view().msg();
    let scale = render::chart::myth_scale(score) as f64;
    let label: Vec<String> = score
        .myths
        .iter()
        .map(|m| {
            let topic = bank.questions[m.question].topic.get(p.lang);
            format!(
                "{topic}: {} {}, {} {}",
                msg.myth_row,
                render::signed(m.myth_weight),
                msg.checks_row,
                render::signed(m.checks_weight)
            )
        })
        .collect();
    html! {
        div.chart role="img" aria-label=(format!("{}. {}", msg.chart_heading, label.join("; "))) {
            // Which way is which, over the bars' centre, as the text chart says it.
            div.row aria-hidden="true" {
                span.axis.drawing { span { (msg.toward_stay) } span { (msg.toward_ml) } }
            }
            @for m in &score.myths {
                @for (row, (kind, value)) in [(msg.myth_row, m.myth_weight), (msg.checks_row, m.checks_weight)].into_iter().enumerate() {
                    @let w = 500.0 * (value.unsigned_abs() as f64) / scale;
                    @let x = if value < 0 { 500.0 - w } else { 500.0 };
                    div.row aria-hidden="true" {
                        span.label {
                            @if row == 0 { (bank.questions[m.question].topic.get(p.lang)) " " }
                            span.kind { (kind) }
                        }
                        svg.drawing viewBox="0 0 1000 24" preserveAspectRatio="none" focusable="false" {
                            rect x=(format!("{x:.1}")) y="4" width=(format!("{w:.1}")) height="16" fill=(if value < 0 { "var(--stay)" } else { "var(--ml)" }) {}
                            rect x="499" y="0" width="2" height="24" fill="var(--muted)" {}
                        }
                        span.tail { (render::signed(value)) }
                    }
                }
            }
        }
    }
}

/// The result: everything the text result has (verdict, gauge, chart, myths believed, what
/// decided it, what would change it, what to do next, the disclaimer), then the answers
/// offered as files. `saved` when the answers were saved just now.
pub fn result(p: &Page, answers: &Answers, score: &Score, flips: &[Flip], saved: bool, lang_chosen: bool) -> String {
    let bank = p.bank;
    let lang = p.lang;
    let view = p.view();
    let msg = view.msg();
    let smsg = p.msg();
    let progress = Progress::of(answers);
    let mut fields = progress.fields(bank, None);
    let verdict = bank.verdict(score.recommendation.key()).get(lang);
    let ml = score.recommendation == Recommendation::Ml;
    let believed: Vec<_> = score.myths.iter().filter(|m| m.believed).collect();
    let mut keep = fields.clone();
    keep.extend(lang_pair(p, lang_chosen));
    let again = lang_pair(p, lang_chosen);
    if saved {
        fields.push((SAVED_FIELD, "1"));
    }
    let body = html! {
        (top(p, "/result", &fields))
        h1.verdict.ml[ml].stay[!ml] { (verdict) }
        @if saved { p.saved role="status" { (smsg.saved) } }
        (gauge(p, score))
        section {
            h2 { (msg.chart_heading) }
            (myth_chart(p, score))
        }
        section {
            h2 { (msg.believed_heading) }
            @if believed.is_empty() { p { (msg.believed_none) } }
            ul {
                @for m in &believed {
                    @let q = &bank.questions[m.question];
                    li { strong { (q.topic.get(lang)) ":" } " " (q.summary.as_ref().map(|s| s.get(lang)).unwrap_or_default()) }
                }
            }
        }
        section {
            h2 { (msg.reasons_heading) }
            @if score.reasons.is_empty() {
                p { (render::reasons_short(&view, score)) }
            }
            ul {
                @for &i in &score.reasons {
                    @let q = &bank.questions[i];
                    @let c = &q.choices[answers.choice(i)];
                    li { (q.topic.get(lang)) ": " (c.label.get(lang)) " (" (render::signed(c.weight)) ")" }
                }
            }
        }
        section {
            h2 { (msg.flips_heading) }
            p { (render::margin_line(&view, score)) }
            @if let Some(first) = flips.first() {
                p { (render::flips_intro(&view, first.changes.len())) }
                ul {
                    @for (i, flip) in flips.iter().enumerate() {
                        @if i > 0 && flip.changes.len() > 1 {
                            li { (render::flip_variant(&view, first, flip, |s| s.into())) }
                        } @else {
                            li {
                                @for (n, change) in flip.changes.iter().enumerate() {
                                    @if n > 0 { " " (msg.flips_and) " " }
                                    (render::change_text(&view, change, |s| s.into()))
                                }
                                " →\u{a0}" (render::verdict_after(&view, score, flip)) "."
                            }
                        }
                    }
                }
            } @else {
                p { (msg.flips_none) }
            }
        }
        @if !score.advice.is_empty() {
            section {
                h2 { (msg.next_heading) }
                ul { @for &a in &score.advice { li { (bank.advice[a].text.get(lang)) } } }
            }
        }
        section {
            h2 { (smsg.keep_heading) }
            ul {
                li { a href=(format!("/answers.txt?{}", flow::query(&keep))) download="mlcheck-answers.txt" { (smsg.keep_answers) } }
                li { a href=(format!("/result.json?{}", flow::query(&keep))) download="mlcheck-result.json" { (smsg.keep_json) } }
            }
            p { a href=(format!("/quiz?{}", flow::query(&again))) { (smsg.again) } }
        }
        footer { (bank.disclaimer.get(lang)) }
    };
    layout(p, &format!("{verdict}: {}", bank.title.get(lang)), html! {}, body)
}

/// A page that says what went wrong and that nothing was saved.
pub fn error(p: &Page, message: &str) -> String {
    error_page(p, message, None, None, false, None)
}

/// Where an error page that keeps the answers links: its path, the answers as fields, and
/// the link's text. The language switch goes there too, so it keeps them as the link does.
struct Keep<'a> {
    path: &'static str,
    fields: Vec<(&'a str, &'a str)>,
    text: &'static str,
}

/// The page of a form whose token was refused (sent twice, from an earlier run, from
/// another browser) although its answers are whole: besides starting over, a link that
/// keeps them, to the result (`to_result`, for a form sent twice: saved the first time) or
/// back to the answers, whose page has a fresh token to send them again.
pub fn token_error(p: &Page, message: &str, answers: &Answers, to_result: bool, lang_chosen: bool) -> String {
    let fields = Progress::of(answers).fields(p.bank, None);
    let (path, text) = if to_result { ("/result", p.msg().submit) } else { ("/quiz", p.msg().resend) };
    // Sent twice, the answers were saved the first time: the page says so, not "Nothing
    // was saved" in a warning's colours.
    let saved = to_result.then_some(p.msg().already_saved);
    error_page(p, message, None, Some(Keep { path, fields, text }), lang_chosen, saved)
}

/// The page of answers that could not be saved (the session full, the disk failing): the
/// answers file text to keep, and a link back to the answers, whose page has a fresh token
/// to send them again.
pub fn not_saved(p: &Page, message: &str, text: &str, answers: &Answers, lang_chosen: bool) -> String {
    let keep = Keep { path: "/quiz", fields: Progress::of(answers).fields(p.bank, None), text: p.msg().resend };
    error_page(p, message, Some(text), Some(keep), lang_chosen, None)
}

/// The page of answers that are valid but not all there (a link cut short): besides
/// starting over, a link that goes on with the quiz from the answers so far.
pub fn incomplete(p: &Page, message: &str, so_far: &Progress, lang_chosen: bool) -> String {
    let keep = Keep { path: "/quiz", fields: so_far.fields(p.bank, None), text: p.msg().go_on };
    error_page(p, message, None, Some(keep), lang_chosen, None)
}

/// An error page; `saved`, the heading of one whose answers were saved after all (a form
/// sent twice), which shows its message as a status rather than a warning.
fn error_page(
    p: &Page,
    message: &str,
    answers: Option<&str>,
    keep: Option<Keep>,
    lang_chosen: bool,
    saved: Option<&str>,
) -> String {
    let msg = p.msg();
    let heading = saved.unwrap_or(msg.error_heading);
    let (path, fields) = keep.as_ref().map_or(("/quiz", &[][..]), |k| (k.path, &k.fields[..]));
    let link = keep.as_ref().map(|k| {
        let mut all = k.fields.clone();
        all.extend(lang_pair(p, lang_chosen));
        (format!("{}?{}", k.path, flow::query(&all)), k.text)
    });
    // Starting over keeps the language the reader chose.
    let chosen = lang_pair(p, lang_chosen);
    let start = if chosen.is_empty() { "/quiz".to_string() } else { format!("/quiz?{}", flow::query(&chosen)) };
    let body = html! {
        (top(p, path, fields))
        h1 { (heading) }
        @if saved.is_some() {
            p.saved role="status" { (message) }
        } @else {
            p.error role="alert" { (message) }
        }
        @if let Some(text) = answers {
            textarea readonly rows=(text.lines().count().clamp(4, 20)) aria-label=(msg.keep_answers) { (text) }
        }
        @if let Some((href, text)) = &link {
            p { a href=(href) { (text) } }
        }
        p { a href=(start) { (msg.start) } }
    };
    layout(p, heading, html! {}, body)
}

/// A page that doesn't exist: the same for a wrong organizer secret as for any other path.
pub fn not_found(p: &Page) -> String {
    let msg = p.msg();
    let body = html! {
        h1 { (msg.not_found) }
        p { a href="/quiz" { (msg.start) } }
    };
    layout(p, msg.not_found, html! {}, body)
}

/// How often the organizer's pages reload themselves, in seconds.
const REFRESH: u32 = 5;

/// The reload of the organizer's pages, every [`REFRESH`] seconds, without a script.
fn refresh() -> Markup {
    html! { meta http-equiv="refresh" content=(REFRESH); }
}

/// What the live report's head gets: the refresh and the banner's rules.
pub fn live_head() -> String {
    html! { (refresh()) style { (PreEscaped(JOIN_STYLE)) } }.into_string()
}

/// The organizer's link to the other language: the same live page, which keeps it through
/// its refreshes. (The join view shows only how to join; `?join&_lang=ko` gives it in Korean.)
fn organizer_switch(p: &Page) -> Markup {
    html! {
        @if let Some(other) = p.other() {
            @let href = format!("?{LANG_FIELD}={}", other.code());
            p { a href=(href) lang=(other.code()) hreflang=(other.code()) { (p.msg().other_language) } }
        }
    }
}

/// The banner on top of the organizer's live report: how to join, the code, the count.
pub fn banner(p: &Page, code: &Code, results: u64) -> Markup {
    let msg = p.msg();
    let url = code.url();
    html! {
        div.banner {
            (PreEscaped(code.svg(&msg.qr_label.replace("{url}", url))))
            div {
                p { (msg.join_heading) }
                p.url { (url) }
                p { (render::counted(msg.results_so_far, results)) }
                (organizer_switch(p))
            }
        }
    }
}

/// The join view: only the participant URL, its code and the count, full screen, for the
/// minutes when people are joining.
pub fn join(p: &Page, code: &Code, results: u64) -> String {
    let msg = p.msg();
    let url = code.url();
    let body = html! {
        div.join {
            h1 { (msg.join_heading) }
            p.url { (url) }
            (PreEscaped(code.svg(&msg.qr_label.replace("{url}", url))))
            p { (msg.join_how) }
            p.big { (render::counted(msg.results_so_far, results)) }
        }
    };
    layout(p, msg.join_heading, refresh(), body)
}

/// The organizer's page while there are fewer than `--min-group` results.
pub fn waiting(p: &Page, banner: Markup, results: u64, min_group: u64) -> String {
    let msg = p.msg();
    let text = render::counted(msg.waiting, results).replace("{min}", &render::count(min_group));
    let body = html! {
        (banner)
        h1 { (messages::report(p.lang).heading) }
        p.big role="status" { (text) }
    };
    layout(p, messages::report(p.lang).page_title, refresh(), body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_result_so_far_is_singular_on_the_organizer_pages() {
        let bank = crate::model::builtin_bank();
        let p = Page { bank: &bank, lang: Lang::En, switchable: true };
        let url = &Code::new("http://127.0.0.1:8080/");
        for page in [join(&p, url, 1), waiting(&p, banner(&p, url, 1), 1, 5)] {
            assert!(page.contains("1 result so far") && !page.contains("1 results"), "{page}");
        }
        assert!(join(&p, url, 2).contains("2 results so far"));
        assert!(waiting(&p, banner(&p, url, 0), 0, 5).contains("0 results so far. The report"));
        let ko = Page { lang: Lang::Ko, ..p };
        assert!(join(&ko, url, 1).contains("지금까지 결과 1개"));
    }

    #[test]
    fn the_result_chart_says_which_way_is_stay_and_which_ml() {
        let bank = crate::model::builtin_bank();
        let answers = Answers::new(&bank, vec![0; bank.questions.len()]);
        let score = crate::model::scoring::score(&bank, &answers);
        for (lang, stay, ml) in [(Lang::En, "◀ stay", "ML ▶"), (Lang::Ko, "◀ 지금 분야", "ML ▶")] {
            let p = Page { bank: &bank, lang, switchable: true };
            let page = result(&p, &answers, &score, &[], false, false);
            let chart = &page[page.find(r#"<div class="chart""#).expect("a chart")..];
            let axis = format!(r#"<span class="axis drawing"><span>{stay}</span><span>{ml}</span></span>"#);
            assert!(chart.contains(&axis), "{chart}");
        }
    }
}
