//! The report as GitHub-flavoured Markdown: headings, tables of the numbers, and the text
//! charts in fenced code blocks, with no raw HTML, so it pastes into an issue, a wiki or a
//! chat as it is. Texts from the bank are escaped as the quiz's Markdown escapes them
//! ([`escape`]), so they can't break a table or open a tag.

use std::io::{self, Write};

use super::{agreement, hidden_line, most_believed_line, msg, myths, percent, results_line, verdicts};
use crate::group::aggregate::Report;
use crate::render::markdown::{chart_block, escape, escape_line, table, GROUP_CHART_WIDTH};
use crate::render::{count, Errors, View};

fn verdict_rows(view: &View, report: &Report) -> Vec<Vec<String>> {
    verdicts(view, report)
        .into_iter()
        .map(|r| vec![escape(&r.text), count(r.count), percent(r.count, report.respondents())])
        .collect()
}

/// Writes the whole report.
pub fn report(w: &mut dyn Write, view: &View, report: &Report) -> io::Result<()> {
    let msg = msg(view.lang);
    let bank = view.bank;
    let lang = view.lang;
    let all = &report.all;
    writeln!(w, "# {}\n", escape(msg.heading))?;
    writeln!(w, "{}\n", escape_line(&results_line(lang, report, Errors::Elsewhere)))?;

    writeln!(w, "## {}\n", escape(msg.verdicts_heading))?;
    table(w, &[msg.col_verdict, msg.col_count, msg.col_share], 1, &verdict_rows(view, report))?;

    writeln!(w, "## {}\n", escape(msg.myths_heading))?;
    chart_block(w, view, GROUP_CHART_WIDTH, true, |w, v| super::text::myth_chart(w, v, all, false))?;
    let myth_rows: Vec<Vec<String>> = myths(bank)
        .into_iter()
        .map(|(m, q, question)| {
            let mut row = vec![escape(question.topic.get(lang))];
            row.extend(agreement(all, q).iter().map(|&n| count(n)));
            row.push(percent(all.believed[m], all.respondents));
            row
        })
        .collect();
    let mut header = vec![msg.col_myth];
    let first_myth = myths(bank)[0].2;
    header.extend(first_myth.choices.iter().map(|c| c.label.get(lang)));
    header.push(msg.col_believed);
    table(w, &header, 1, &myth_rows)?;
    writeln!(w, "{}\n", escape_line(&most_believed_line(bank, lang, all)))?;

    writeln!(w, "## {}\n", escape(view.msg().checks_heading))?;
    for (i, q) in super::checks(bank) {
        writeln!(w, "### {}\n", escape(q.topic.get(lang)))?;
        writeln!(w, "{}\n", escape_line(q.prompt.get(lang)))?;
        let rows: Vec<Vec<String>> = q
            .choices
            .iter()
            .zip(&all.choices[i])
            .map(|(c, &n)| vec![escape(c.label.get(lang)), count(n), percent(n, all.respondents)])
            .collect();
        table(w, &[msg.col_answer, msg.col_count, msg.col_share], 1, &rows)?;
    }

    writeln!(w, "## {}\n", escape(msg.scores_heading))?;
    chart_block(w, view, GROUP_CHART_WIDTH, true, |w, v| super::text::scores(w, v, report))?;

    writeln!(w, "## {}\n", escape(msg.by_track_heading))?;
    if !report.by_track.is_empty() {
        let mut header = vec![msg.col_track, msg.col_results, bank.verdict("ml").get(lang)];
        let believe: Vec<String> =
            myths(bank).iter().map(|(_, _, q)| format!("{}: {}", msg.col_believed, q.topic.get(lang))).collect();
        header.push(msg.col_stay);
        header.extend(believe.iter().map(String::as_str));
        let rows: Vec<Vec<String>> = report
            .by_track
            .iter()
            .map(|c| {
                let mut row = vec![
                    escape(bank.track().choices[c.track].label.get(lang)),
                    count(c.respondents),
                    format!("{} ({})", count(c.ml), percent(c.ml, c.respondents)),
                    format!("{} ({})", count(c.stay), percent(c.stay, c.respondents)),
                ];
                row.extend(myths(bank).iter().map(|(m, _, _)| percent(c.believed[*m], c.respondents)));
                row
            })
            .collect();
        table(w, &header, 1, &rows)?;
    }
    if let Some(line) = hidden_line(view, report) {
        writeln!(w, "{}\n", escape_line(&line))?;
    }
    writeln!(w, "---\n")?;
    writeln!(w, "*{}*", escape(bank.disclaimer.get(lang)))
}
