//! What every HTML page of mlcheck shares: escaping, the rules of type, tables and charts,
//! and the start and end of a page. The report and compare pages are built on it, and so
//! are the pages `mlcheck serve` shows. Pages are self-contained: inline CSS, no script, no
//! external URL, no web font.

use std::fmt::Write as _;

use crate::render::View;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// [`escape`]s `text` for an element's content and keeps each command-line flag in it
/// (`--min-group`) on one line: a browser may break a line after any hyphen, leaving "(-" at
/// the end of one line and "-min-group)" at the start of the next.
pub fn escape_prose(text: &str) -> String {
    let text = escape(text);
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("--") {
        let name = rest[at + 2..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'));
        let end = at + 2 + name.unwrap_or(rest.len() - at - 2);
        match &rest[at..end] {
            "--" => out.push_str(&rest[..end]),
            flag => {
                let _ = write!(out, "{}<span class=\"flag\">{flag}</span>", &rest[..at]);
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The rules the report and compare pages share: type, tables, charts, print. Each page adds
/// its own colours and parts after these (see [`page_start`]).
///
/// On a narrow screen (under 50rem: a phone, a small tablet; not on paper) the margins shrink, a table of
/// many columns (`class="stack"`) becomes one block a row, its cells flowing as
/// "header value" pairs (each `<td>` carries its header in `data-label`), and a chart's row
/// (`.chart .row`) puts its label and number on one line and its drawing under them, full width.
pub(crate) const BASE_STYLE: &str = r#"
* { box-sizing: border-box; }
:lang(ko) { word-break: keep-all; overflow-wrap: anywhere; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK KR", "Noto Sans KR",
  "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; color: var(--ink); background: #fff;
  max-width: 62rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.5; font-size: 17px; }
h1 { font-size: 2.1rem; margin: 0 0 .2rem; }
h2 { font-size: 1.45rem; margin: 0 0 .6rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
.lead { color: var(--muted); font-size: 1.2rem; margin: 0 0 1.5rem; }
section { margin: 2.2rem 0; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { text-align: left; padding: .28rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: middle; }
th { font-weight: 600; color: var(--muted); font-size: .9rem; }
.note { color: var(--muted); }
.flag { white-space: nowrap; }
.big { font-size: 1.15rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .9rem; border-top: 1px solid var(--rule); padding-top: .6rem; }
.chart { margin: .4rem 0; }
.chart .row { display: grid; grid-template-columns: var(--columns); grid-template-areas: "label drawing tail"; align-items: center; }
.chart .label { grid-area: label; text-align: right; padding-right: 12px; font-size: 15px; }
.chart .drawing { grid-area: drawing; }
.chart svg.drawing { display: block; width: 100%; height: auto; }
.chart .tail { grid-area: tail; text-align: right; padding-right: 4px; font-size: 15px; font-variant-numeric: tabular-nums; white-space: nowrap; }
@media screen and (max-width: 50rem) {
  body { margin: 1rem auto; padding: 0 1rem; font-size: 16px; }
  h1 { font-size: 1.75rem; }
  h2 { font-size: 1.3rem; }
  .lead { font-size: 1.05rem; }
  th, td { padding: .28rem .35rem; }
  table.stack, table.stack tbody { display: block; }
  table.stack thead { display: none; }
  table.stack tr { display: flex; flex-wrap: wrap; gap: .1rem 1.2rem; padding: .4rem .2rem; border-bottom: 1px solid var(--rule); }
  table.stack th, table.stack td { display: block; padding: 0; border: 0; text-align: left; }
  table.stack th[scope=row] { flex: 0 0 100%; color: var(--ink); font-size: 1rem; }
  table.stack td::before { content: attr(data-label); color: var(--muted); font-size: .9rem; margin-right: .4rem; }
  .chart .row { grid-template-columns: minmax(0, 1fr) auto; grid-template-areas: "label tail" "drawing drawing"; }
  .chart .label { text-align: left; }
  .chart .label, .chart .tail { align-self: start; padding-top: .3rem; }
}
@media print { body { margin: 0; max-width: none; font-size: 12pt; } section { margin: 1.2rem 0; } }
"#;

/// What a page may carry beyond its own content: the live report of `mlcheck serve` adds a
/// refresh to the head and a banner (how to join) above the heading. Both are HTML, made by
/// the caller from escaped texts.
#[derive(Clone, Copy, Default)]
pub struct Extras<'a> {
    /// Inside `<head>`, before the title.
    pub head: &'a str,
    /// At the top of `<main>`, before the heading.
    pub banner: &'a str,
}

/// The start of a page up to its first section: the head with `style` inline and the page's
/// `[title, heading]`, the heading, and a lead line of the bank's title and `summary`.
pub(crate) fn page_start(
    out: &mut String,
    view: &View,
    style: &str,
    [title, heading]: [&str; 2],
    summary: &str,
    extras: Extras,
) {
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{}\
         <title>{}</title>\n<style>{BASE_STYLE}{style}</style>\n</head>\n<body>\n<main>\n{}",
        view.lang.code(),
        extras.head,
        escape(title),
        extras.banner
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(heading));
    let _ = writeln!(out, "<p class=\"lead\">{} · {}</p>", escape(view.bank.title.get(view.lang)), escape(summary));
}

/// The end of a page: the bank's disclaimer as its footer.
pub(crate) fn page_end(out: &mut String, view: &View) {
    let _ =
        writeln!(out, "<footer>{}</footer>\n</main>\n</body>\n</html>", escape(view.bank.disclaimer.get(view.lang)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_keeps_a_flag_on_one_line_and_escapes_the_rest() {
        assert_eq!(
            escape_prose("fewer than 5 (--min-group) <b> -- ok --lang"),
            "fewer than 5 (<span class=\"flag\">--min-group</span>) &lt;b&gt; -- ok <span class=\"flag\">--lang</span>"
        );
        assert_eq!(escape_prose("5명(--min-group)보다"), "5명(<span class=\"flag\">--min-group</span>)보다");
        assert_eq!(escape_prose("no flag"), "no flag");
    }
}
