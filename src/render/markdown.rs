//! GitHub-flavoured Markdown: the result of a quiz and the reading mode, to paste into an
//! issue, a wiki, a blog post or a chat. Headings, lists and a table; the charts in fenced
//! code blocks; no raw HTML and no terminal escapes. Every text from the bank is escaped, so
//! a custom bank can't open a link, a heading or a table cell of its own.

use std::io::{self, Write};

use super::{chart, signed, View};
use crate::model::answers::Answers;
use crate::model::bank::{Kind, Question};
use crate::model::flips::Flip;
use crate::model::scoring::Score;

/// The width the charts are drawn at: the same answers give the same Markdown everywhere,
/// and 60 columns fit a code block in an issue, a wiki or most chat windows.
pub const CHART_WIDTH: usize = 60;
/// The width of the charts of `report` and `compare` in Markdown: a group's charts carry
/// longer labels.
pub const GROUP_CHART_WIDTH: usize = 80;

/// Escapes `text` for the inside of a line of Markdown: every ASCII punctuation character that
/// could start or end emphasis, a code span, a link, an autolink or raw HTML, an entity, a
/// table cell or strikethrough gets a backslash. A line break becomes a space.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes `text` for the start of a line too, where `-`, `+`, `=` or `1.` would open a list
/// or underline a heading, and leading spaces would open a code block.
pub fn escape_line(text: &str) -> String {
    let text = text.trim_start();
    let escaped = escape(text);
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    match text.as_bytes().first() {
        Some(b'-' | b'+' | b'=') => format!("\\{escaped}"),
        Some(b'0'..=b'9') if matches!(text.as_bytes().get(digits), Some(b'.' | b')')) => {
            format!("{}\\{}", &escaped[..digits], &escaped[digits..])
        }
        _ => escaped,
    }
}

/// Writes `text` (already plain, no escapes) in a fenced code block, with a fence longer than
/// any run of backticks inside it.
pub(crate) fn code_block(w: &mut dyn Write, text: &str) -> io::Result<()> {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat((longest + 1).max(3));
    writeln!(w, "{fence}text")?;
    write!(w, "{text}")?;
    writeln!(w, "{fence}")
}

/// A GFM table: `header` escaped, columns from `right_from` on aligned right, `rows` as given
/// (already escaped), and a blank line.
pub(crate) fn table(w: &mut dyn Write, header: &[&str], right_from: usize, rows: &[Vec<String>]) -> io::Result<()> {
    let cells: Vec<String> = header.iter().map(|h| escape(h)).collect();
    writeln!(w, "| {} |", cells.join(" | "))?;
    let rule: Vec<&str> = (0..header.len()).map(|i| if i >= right_from { "---:" } else { "---" }).collect();
    writeln!(w, "|{}|", rule.join("|"))?;
    for row in rows {
        writeln!(w, "| {} |", row.join(" | "))?;
    }
    writeln!(w)
}

/// A text chart drawn by `draw` at `width` columns, in a fenced code block ([`code_block`])
/// and a blank line, trailing spaces trimmed. With `headed`, the chart's first line, its own
/// heading, is left out: the Markdown heading before the block says it.
pub(crate) fn chart_block(
    w: &mut dyn Write,
    view: &View,
    width: usize,
    headed: bool,
    draw: impl FnOnce(&mut dyn Write, &View) -> io::Result<()>,
) -> io::Result<()> {
    let wide = View { width, ..*view };
    let text = plain(|b| draw(b, &wide))?;
    let body: String = text.lines().skip(usize::from(headed)).map(|line| format!("{}\n", line.trim_end())).collect();
    code_block(w, &body)?;
    writeln!(w)
}

/// Renders with a text renderer into a string (colour is off for Markdown; see `commands`).
fn plain(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<String> {
    let mut buf = Vec::new();
    render(&mut buf)?;
    String::from_utf8(buf).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// A list item per line; the paragraph `none` when there are none.
fn list(w: &mut dyn Write, items: &[String], none: &str) -> io::Result<()> {
    if items.is_empty() {
        return writeln!(w, "{}", escape_line(none));
    }
    for item in items {
        writeln!(w, "- {item}")?;
    }
    Ok(())
}

/// Writes the result of a quiz.
pub fn result(w: &mut dyn Write, view: &View, answers: &Answers, score: &Score, flips: &[Flip]) -> io::Result<()> {
    let view = &View { width: CHART_WIDTH, ..*view };
    let bank = view.bank;
    let lang = view.lang;
    let msg = view.msg();
    let text = |s: &str| escape(s);

    writeln!(w, "# {}", escape(bank.verdict(score.recommendation.key()).get(lang)))?;
    writeln!(w)?;
    let (lo, hi) = score.range;
    let range = msg
        .threshold_line
        .replace("{threshold}", &score.threshold.to_string())
        .replace("{min}", &lo.to_string())
        .replace("{max}", &hi.to_string());
    writeln!(w, "**{}: {}.** {}", escape(msg.score), signed(score.total), escape(&range))?;
    writeln!(w)?;
    chart_block(w, view, CHART_WIDTH, false, |b, v| chart::gauge(b, v, score))?;

    writeln!(w, "## {}", escape(msg.chart_heading))?;
    writeln!(w)?;
    chart_block(w, view, CHART_WIDTH, true, |b, v| chart::myths(b, v, score))?;

    writeln!(w, "## {}", escape(msg.believed_heading))?;
    writeln!(w)?;
    let believed: Vec<String> = score
        .myths
        .iter()
        .filter(|m| m.believed)
        .map(|m| {
            let q = &bank.questions[m.question];
            let summary = q.summary.as_ref().map(|s| s.get(lang)).unwrap_or_default();
            format!("**{}:** {}", text(q.topic.get(lang)), text(summary))
        })
        .collect();
    list(w, &believed, msg.believed_none)?;
    writeln!(w)?;

    writeln!(w, "## {}", escape(msg.reasons_heading))?;
    writeln!(w)?;
    let reasons: Vec<String> = score
        .reasons
        .iter()
        .map(|&i| {
            let q = &bank.questions[i];
            let c = &q.choices[answers.choice(i)];
            format!("**{}:** {} ({})", text(q.topic.get(lang)), text(c.label.get(lang)), signed(c.weight))
        })
        .collect();
    list(w, &reasons, &super::reasons_short(view, score))?;
    writeln!(w)?;

    writeln!(w, "## {}", escape(msg.flips_heading))?;
    writeln!(w)?;
    writeln!(w, "{}", escape_line(&super::margin_line(view, score)))?;
    match flips.first() {
        None => writeln!(w, "{}", escape_line(msg.flips_none))?,
        Some(first) => {
            writeln!(w, "{}", escape_line(&super::flips_intro(view, first.changes.len())))?;
            writeln!(w)?;
            for (i, flip) in flips.iter().enumerate() {
                let item = if i > 0 && flip.changes.len() > 1 {
                    super::flip_variant(view, first, flip, text)
                } else {
                    let changes: Vec<String> = flip.changes.iter().map(|c| super::change_text(view, c, text)).collect();
                    let verdict = escape(super::verdict_after(view, score, flip));
                    // One list item; each further change on a continuation line of its own.
                    format!("{} → {verdict}.", changes.join(&format!("\n  {} ", msg.flips_and)))
                };
                writeln!(w, "- {item}")?;
            }
        }
    }
    writeln!(w)?;

    writeln!(w, "## {}", escape(msg.transcript_heading))?;
    writeln!(w)?;
    let rows: Vec<Vec<String>> = answers
        .iter(bank)
        .map(|(q, c)| {
            let choice = &q.choices[c];
            vec![text(q.topic.get(lang)), text(choice.label.get(lang)), signed(choice.weight)]
        })
        .collect();
    table(w, &[msg.table_question, msg.table_answer, msg.table_weight], 2, &rows)?;

    if !score.advice.is_empty() {
        writeln!(w, "## {}", escape(msg.next_heading))?;
        writeln!(w)?;
        let advice: Vec<String> = score.advice.iter().map(|&a| text(bank.advice[a].text.get(lang))).collect();
        list(w, &advice, "")?;
        writeln!(w)?;
    }
    writeln!(w, "{}", escape_line(bank.disclaimer.get(lang)))
}

/// Writes the reading mode: the five myths (or the one with id `only`), each with its
/// counterpoint and reality checks, after a table of the myths and their one-line answers.
pub fn myths(w: &mut dyn Write, view: &View, only: Option<&str>) -> io::Result<()> {
    let bank = view.bank;
    let lang = view.lang;
    let msg = view.msg();
    let myths: Vec<(usize, &Question)> = bank
        .questions
        .iter()
        .filter(|q| q.is_myth())
        .enumerate()
        .filter(|(_, q)| only.is_none_or(|id| id == q.id))
        .collect();

    writeln!(w, "# {}", escape(bank.title.get(lang)))?;
    if only.is_none() {
        writeln!(w)?;
        writeln!(w, "| # | {} | {} |", escape(msg.table_myth), escape(msg.table_summary))?;
        writeln!(w, "|---:|---|---|")?;
        for (n, q) in &myths {
            let summary = q.summary.as_ref().map(|s| s.get(lang)).unwrap_or_default();
            writeln!(w, "| {} | {} | {} |", n + 1, escape(q.topic.get(lang)), escape(summary))?;
        }
    }
    for (n, q) in myths {
        writeln!(w)?;
        let heading = msg.myth_heading.replace("{n}", &(n + 1).to_string());
        writeln!(w, "## {} · {}", escape(&heading), escape(q.topic.get(lang)))?;
        writeln!(w)?;
        writeln!(w, "> “{}”", escape(q.prompt.get(lang)))?;
        if let Some(cp) = &q.counterpoint {
            writeln!(w)?;
            writeln!(w, "{}", escape_line(cp.get(lang)))?;
        }
        let checks: Vec<String> = bank
            .questions
            .iter()
            .filter(|c| c.kind == Kind::Check { myth: q.id.clone() })
            .map(|c| escape(c.prompt.get(lang)))
            .collect();
        if !checks.is_empty() {
            writeln!(w)?;
            writeln!(w, "### {}", escape(msg.checks_heading))?;
            writeln!(w)?;
            list(w, &checks, "")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_read_as_structure() {
        assert_eq!(
            escape("a *b* _c_ `d` [e](f) <g> | h ~i~ &amp; \\ #"),
            r"a \*b\* \_c\_ \`d\` \[e\](f) \<g\> \| h \~i\~ \&amp; \\ \#"
        );
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(escape("평범한 글"), "평범한 글");
    }

    #[test]
    fn escapes_what_would_open_a_block_at_the_start_of_a_line() {
        assert_eq!(escape_line("- not a list"), r"\- not a list");
        assert_eq!(escape_line("+ nor this"), r"\+ nor this");
        assert_eq!(escape_line("=== nor a heading"), r"\=== nor a heading");
        assert_eq!(escape_line("12. nor ordered"), r"12\. nor ordered");
        assert_eq!(escape_line("3) either"), r"3\) either");
        assert_eq!(escape_line("    code?"), "code?");
        assert_eq!(escape_line("2026 was a year."), "2026 was a year.");
    }

    #[test]
    fn a_fence_is_longer_than_any_backticks_inside() {
        let mut out = Vec::new();
        code_block(&mut out, "a ```` b\n").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "`````text\na ```` b\n`````\n");
    }
}
