//! The comparison as GitHub-flavoured Markdown: headings, tables of the numbers, and the text
//! arrow charts in fenced code blocks, with no raw HTML, so it pastes into an issue, a wiki or
//! a chat as it is. Texts from the bank are escaped so they can't break a table.

use std::io::{self, Write};

use super::{change_text, msg, p_text, paired_hidden, reading_text, summary_line, unpaired_note, verdict_rows};
use crate::group::pairing::{points, Comparison};
use crate::render::markdown::{chart_block, escape, escape_line, table, GROUP_CHART_WIDTH};
use crate::render::report::{checks, hidden_line, percent};
use crate::render::{Errors, View};

/// `count (share)`.
fn cell(count: u64, total: u64) -> String {
    format!("{} ({})", crate::render::count(count), percent(count, total))
}

/// Writes the whole comparison.
pub fn compare(w: &mut dyn Write, view: &View, c: &Comparison) -> io::Result<()> {
    let msg = msg(view.lang);
    let lang = view.lang;
    let bank = view.bank;
    let (b, a) = c.counts();
    let (nb, na) = (b.respondents, a.respondents);
    let header = |first: &'static str| [first, msg.table_before, msg.table_after, msg.table_change];
    let report_msg = crate::render::report::msg(lang);
    writeln!(w, "# {}\n", escape(msg.heading))?;
    writeln!(w, "{}\n", escape_line(&summary_line(lang, c, Errors::Elsewhere)))?;
    if let Some(note) = unpaired_note(lang, c) {
        writeln!(w, "{}\n", escape_line(&note))?;
    }

    writeln!(w, "## {}\n", escape(report_msg.verdicts_heading))?;
    let rows: Vec<Vec<String>> = verdict_rows(view, c)
        .into_iter()
        .map(|(text, v)| {
            vec![
                escape(&text),
                cell(v.before, nb),
                cell(v.after, na),
                change_text(lang, points(v.before, nb, v.after, na)),
            ]
        })
        .collect();
    table(w, &header(report_msg.col_verdict), 1, &rows)?;
    if let Some(line) = hidden_line(view, &c.before) {
        writeln!(w, "{}\n", escape_line(&line))?;
    }

    writeln!(w, "## {}\n", escape(msg.myths_heading))?;
    chart_block(w, view, GROUP_CHART_WIDTH, true, |w, v| super::text::myth_chart(w, v, c))?;
    let rows: Vec<Vec<String>> = c
        .myths
        .iter()
        .map(|m| {
            let (x, y) = (m.believed.before, m.believed.after);
            vec![
                escape(bank.questions[m.question].topic.get(lang)),
                cell(x, nb),
                cell(y, na),
                change_text(lang, points(x, nb, y, na)),
            ]
        })
        .collect();
    table(w, &header(report_msg.col_myth), 1, &rows)?;

    writeln!(w, "## {}\n", escape(view.msg().checks_heading))?;
    chart_block(w, view, GROUP_CHART_WIDTH, true, |w, v| super::text::check_charts(w, v, c))?;
    for (i, q) in checks(view.bank) {
        writeln!(w, "### {}\n", escape(q.topic.get(lang)))?;
        writeln!(w, "{}\n", escape_line(q.prompt.get(lang)))?;
        let rows: Vec<Vec<String>> = q
            .choices
            .iter()
            .zip(c.choices(i))
            .map(|(choice, ch)| {
                vec![
                    escape(choice.label.get(lang)),
                    cell(ch.before, nb),
                    cell(ch.after, na),
                    change_text(lang, points(ch.before, nb, ch.after, na)),
                ]
            })
            .collect();
        table(w, &header(report_msg.col_answer), 1, &rows)?;
    }

    writeln!(w, "## {}\n", escape(msg.paired_heading))?;
    match paired_hidden(view, c) {
        Some(why) => writeln!(w, "{}\n", escape_line(&why))?,
        None => {
            writeln!(w, "{}\n", escape_line(&msg.paired_intro.replace("{n}", &crate::render::count(c.paired))))?;
            let rows: Vec<Vec<String>> = c
                .myths
                .iter()
                .filter_map(|m| m.movers.map(|v| (m, v)))
                .map(|(m, v)| {
                    vec![
                        escape(bank.questions[m.question].topic.get(lang)),
                        crate::render::count(v.toward_agree),
                        crate::render::count(v.toward_disagree),
                        crate::render::count(v.same),
                        p_text(v.p_value()),
                        escape(reading_text(lang, &v)),
                    ]
                })
                .collect();
            let header = [
                report_msg.col_myth,
                msg.col_toward_agree,
                msg.col_toward_disagree,
                msg.col_same,
                msg.col_p,
                msg.col_reading,
            ];
            // Right-aligned numbers; the reading, last, is text.
            let cells: Vec<String> = header.iter().map(|h| escape(h)).collect();
            writeln!(w, "| {} |", cells.join(" | "))?;
            writeln!(w, "|---|---:|---:|---:|---:|---|")?;
            for row in rows {
                writeln!(w, "| {} |", row.join(" | "))?;
            }
            writeln!(w)?;
        }
    }
    writeln!(w, "---\n")?;
    writeln!(w, "*{}*", escape(bank.disclaimer.get(lang)))
}
