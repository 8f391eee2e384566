//! The report as one self-contained HTML page for a projector, an e-mail or a course site:
//! inline CSS and SVG, no script, no external URL, no web font; `lang` set; readable when
//! printed. Every chart has a text equivalent: the tables beside the bars, a `<title>` on
//! the myth bars and the histogram.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{
    agreement, decimal, diverging_cells, hidden_line, most_believed_line, msg, myths, percent, results_line, verdicts,
};
use crate::aggregate::{Overall, Report};
use crate::render::{Errors, View};

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

/// The rules the report and compare pages share: type, tables, print. Each page adds its own
/// colours and parts after these (see [`page_start`]).
const BASE_STYLE: &str = r#"
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
svg text { font-family: inherit; fill: var(--ink); }
.note { color: var(--muted); }
.big { font-size: 1.15rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .9rem; border-top: 1px solid var(--rule); padding-top: .6rem; }
@media print { body { margin: 0; max-width: none; font-size: 12pt; } section { margin: 1.2rem 0; } }
"#;

/// The report page's own colours (the five-point scale, the bars) and parts.
const STYLE: &str = r#":root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --bar: #2f6fb0;
  --sd: #1f5a96; --d: #8fb8de; --n: #c9ced4; --a: #f0b27a; --sa: #c0561b; --ml: #2e7d4f; --track: #eef0f2; }
h3 { font-size: 1.05rem; margin: 0 0 .3rem; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
td.bar { width: 38%; }
td.bar svg { width: 100%; min-width: 60px; height: 14px; }
svg { display: block; max-width: 100%; height: auto; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; color: var(--muted); font-size: .9rem; margin: .4rem 0; }
.legend span { display: inline-flex; align-items: center; gap: .35rem; }
.checks { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 1.2rem 2.5rem; }
.checks > div { break-inside: avoid; }
"#;

/// The five answer colours, strongly disagree to strongly agree (CSS variables).
const AGREEMENT_FILL: [&str; 5] = ["var(--sd)", "var(--d)", "var(--n)", "var(--a)", "var(--sa)"];

/// A horizontal bar for a table cell, `share` of its width filled; the table holds the numbers.
fn cell_bar(count: u64, total: u64, fill: &str) -> String {
    let width = if total == 0 { 0.0 } else { 200.0 * count as f64 / total as f64 };
    format!(
        r#"<svg viewBox="0 0 200 14" width="200" height="14" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect x="0" y="0" width="200" height="14" fill="var(--track)"/><rect x="0" y="0" width="{width:.1}" height="14" fill="{fill}"/></svg>"#
    )
}

fn share_table(out: &mut String, header: [&str; 3], rows: &[(String, u64, &str)], total: u64) {
    let _ = write!(
        out,
        r#"<table><thead><tr><th scope="col">{}</th><th scope="col" class="n">{}</th><th scope="col" class="n">{}</th><td></td></tr></thead><tbody>"#,
        escape(header[0]),
        escape(header[1]),
        escape(header[2])
    );
    for (label, n, fill) in rows {
        let _ = write!(
            out,
            r#"<tr><th scope="row">{label}</th><td class="n">{n}</td><td class="n">{}</td><td class="bar">{}</td></tr>"#,
            percent(*n, total),
            cell_bar(*n, total, fill)
        );
    }
    out.push_str("</tbody></table>\n");
}

/// Writes the page.
pub fn report(w: &mut dyn Write, view: &View, report: &Report) -> io::Result<()> {
    let msg = msg(view.lang);
    let bank = view.bank;
    let lang = view.lang;
    let all = &report.all;
    let mut out = String::new();
    page_start(&mut out, view, STYLE, [msg.page_title, msg.heading], &results_line(lang, report, Errors::Elsewhere));

    // Verdicts.
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(msg.verdicts_heading));
    let rows: Vec<(String, u64, &str)> = verdicts(view, report)
        .into_iter()
        .map(|r| (escape(&r.text), r.count, if r.key == "ml" { "var(--ml)" } else { "var(--bar)" }))
        .collect();
    share_table(&mut out, [msg.col_verdict, msg.col_count, msg.col_share], &rows, all.respondents);
    out.push_str("</section>\n");

    // Myths.
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(msg.myths_heading));
    myth_svg(&mut out, view, all);
    let first = myths(bank)[0].2;
    out.push_str("<div class=\"legend\">");
    for (c, fill) in first.choices.iter().zip(AGREEMENT_FILL) {
        let _ = write!(
            out,
            r#"<span><svg width="14" height="14" aria-hidden="true" focusable="false"><rect width="14" height="14" fill="{fill}"/></svg>{}</span>"#,
            escape(c.label.get(lang))
        );
    }
    out.push_str("</div>\n");
    let line = most_believed_line(bank, lang, all);
    let _ = writeln!(out, "<p class=\"big\">{}</p>", escape(&line));
    let _ = write!(out, "<table><thead><tr><th scope=\"col\">{}</th>", escape(msg.col_myth));
    for c in &first.choices {
        let _ = write!(out, "<th scope=\"col\" class=\"n\">{}</th>", escape(c.label.get(lang)));
    }
    let _ = write!(out, "<th scope=\"col\" class=\"n\">{}</th></tr></thead><tbody>", escape(msg.col_believed));
    for (m, q, question) in myths(bank) {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(question.topic.get(lang)));
        for n in agreement(all, q) {
            let _ = write!(out, "<td class=\"n\">{n}</td>");
        }
        let _ = write!(out, "<td class=\"n\">{}</td></tr>", percent(all.believed[m], all.respondents));
    }
    out.push_str("</tbody></table>\n</section>\n");

    // Reality checks.
    let _ = writeln!(out, "<section>\n<h2>{}</h2>\n<div class=\"checks\">", escape(view.msg().checks_heading));
    for (i, q) in super::checks(bank) {
        let _ = writeln!(
            out,
            "<div>\n<h3>{}</h3>\n<p class=\"note\">{}</p>",
            escape(q.topic.get(lang)),
            escape(q.prompt.get(lang))
        );
        let rows: Vec<(String, u64, &str)> =
            q.choices.iter().zip(&all.choices[i]).map(|(c, &n)| (escape(c.label.get(lang)), n, "var(--bar)")).collect();
        share_table(&mut out, [msg.col_answer, msg.col_count, msg.col_share], &rows, all.respondents);
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n</section>\n");

    // Scores.
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(msg.scores_heading));
    histogram_svg(&mut out, view, report);
    out.push_str("</section>\n");

    // By track.
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(msg.by_track_heading));
    if !report.by_track.is_empty() {
        let _ = write!(
            out,
            "<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th>",
            escape(msg.col_track),
            escape(msg.col_results),
            escape(bank.verdict("ml").get(lang)),
            escape(msg.col_stay)
        );
        for (_, _, q) in myths(bank) {
            let _ = write!(
                out,
                "<th scope=\"col\" class=\"n\">{}: {}</th>",
                escape(msg.col_believed),
                escape(q.topic.get(lang))
            );
        }
        out.push_str("</tr></thead><tbody>");
        for c in &report.by_track {
            let _ = write!(
                out,
                "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{} ({})</td><td class=\"n\">{} ({})</td>",
                escape(bank.track().choices[c.track].label.get(lang)),
                c.respondents,
                c.ml,
                percent(c.ml, c.respondents),
                c.stay,
                percent(c.stay, c.respondents)
            );
            for (m, _, _) in myths(bank) {
                let _ = write!(out, "<td class=\"n\">{}</td>", percent(c.believed[m], c.respondents));
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>\n");
    }
    if let Some(line) = hidden_line(view, report) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&line));
    }
    out.push_str("</section>\n");
    page_end(&mut out, view);
    w.write_all(out.as_bytes())
}

/// The start of a page up to its first section: the head with `style` inline and the page's
/// `[title, heading]`, the heading, and a lead line of the bank's title and `summary`.
pub(crate) fn page_start(out: &mut String, view: &View, style: &str, [title, heading]: [&str; 2], summary: &str) {
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{BASE_STYLE}{style}</style>\n</head>\n<body>\n<main>\n",
        view.lang.code(),
        escape(title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(heading));
    let _ = writeln!(out, "<p class=\"lead\">{} · {}</p>", escape(view.bank.title.get(view.lang)), escape(summary));
}

/// The end of a page: the bank's disclaimer as its footer.
pub(crate) fn page_end(out: &mut String, view: &View) {
    let _ =
        writeln!(out, "<footer>{}</footer>\n</main>\n</body>\n</html>", escape(view.bank.disclaimer.get(view.lang)));
}

/// The myths as diverging stacked bars around a centre line, each with a `<title>` giving
/// its five counts; the table after it holds the same numbers.
fn myth_svg(out: &mut String, view: &View, counts: &Overall) {
    let msg = msg(view.lang);
    let lang = view.lang;
    let rows = myths(view.bank);
    let (label_w, half, pct_w, row_h, top) = (170.0, 250.0, 70.0, 40.0, 34.0);
    let centre = label_w + half;
    let total_w = label_w + 2.0 * half + pct_w;
    let height = top + rows.len() as f64 * row_h + 6.0;
    let labels: Vec<&str> = rows[0].2.choices.iter().map(|c| c.label.get(lang)).collect();
    let summary: Vec<String> = rows
        .iter()
        .map(|(m, _, q)| format!("{} {}", q.topic.get(lang), percent(counts.believed[*m], counts.respondents)))
        .collect();
    let _ = write!(
        out,
        r#"<svg viewBox="0 0 {total_w} {height}" width="{total_w}" height="{height}" role="img" aria-labelledby="myths-title"><title id="myths-title">{}: {} {}</title>"#,
        escape(msg.myths_heading),
        escape(msg.believed_column),
        escape(&summary.join(", "))
    );
    let _ = write!(
        out,
        r#"<text x="{}" y="20" text-anchor="end" font-size="15">{}</text><text x="{}" y="20" font-size="15">{}</text><text x="{}" y="20" text-anchor="end" font-size="15">{}</text>"#,
        centre - 8.0,
        escape(msg.disagree_axis),
        centre + 8.0,
        escape(msg.agree_axis),
        total_w - 4.0,
        escape(msg.believed_column)
    );
    // Drawn in fine units: the same cumulative rounding as the text bars, at 1000 units a side.
    const UNITS: usize = 1000;
    for (row, (m, q, question)) in rows.iter().enumerate() {
        let y = top + row as f64 * row_h;
        let a = agreement(counts, *q);
        let shares: Vec<String> =
            labels.iter().zip(a).map(|(l, n)| format!("{l} {n} ({})", percent(n, counts.respondents))).collect();
        let title =
            msg.myth_chart_title.replace("{topic}", question.topic.get(lang)).replace("{shares}", &shares.join(", "));
        let _ = write!(out, "<g><title>{}</title>", escape(&title));
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="end" font-size="16">{}</text>"#,
            label_w - 12.0,
            y + row_h / 2.0 + 5.0,
            escape(question.topic.get(lang))
        );
        let (left, right) = diverging_cells(a, UNITS);
        let scale = half / UNITS as f64;
        // Left of the centre: neutral half, disagree, strongly disagree, from the centre out.
        let mut x = centre;
        for (units, fill) in left.iter().zip([AGREEMENT_FILL[2], AGREEMENT_FILL[1], AGREEMENT_FILL[0]]) {
            let w = *units as f64 * scale;
            x -= w;
            let _ = write!(
                out,
                r#"<rect x="{x:.1}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="{fill}"/>"#,
                y + 6.0,
                row_h - 12.0
            );
        }
        let mut x = centre;
        for (units, fill) in right.iter().zip([AGREEMENT_FILL[2], AGREEMENT_FILL[3], AGREEMENT_FILL[4]]) {
            let w = *units as f64 * scale;
            let _ = write!(
                out,
                r#"<rect x="{x:.1}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="{fill}"/>"#,
                y + 6.0,
                row_h - 12.0
            );
            x += w;
        }
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="end" font-size="16" font-weight="600">{}</text></g>"#,
            total_w - 4.0,
            y + row_h / 2.0 + 5.0,
            percent(counts.believed[*m], counts.respondents)
        );
    }
    let _ = write!(
        out,
        r#"<line x1="{centre}" y1="{}" x2="{centre}" y2="{}" stroke="var(--ink)" stroke-width="2"/></svg>"#,
        top - 4.0,
        height - 2.0
    );
    out.push('\n');
}

/// The score histogram with the threshold marked; its `<title>` gives the statistics and
/// every score's count.
fn histogram_svg(out: &mut String, view: &View, report: &Report) {
    let msg = msg(view.lang);
    let bank = view.bank;
    let all = &report.all;
    let hist = &all.scores;
    let (lo, hi) = bank.score_range();
    let (left, width, plot_h, top) = (10.0, 900.0, 180.0, 26.0);
    let bar_w = width / hist.len() as f64;
    let max = hist.iter().copied().max().unwrap_or(0).max(1) as f64;
    let total_h = top + plot_h + 34.0;
    let stats = all
        .stats()
        .map(|s| {
            msg.score_stats
                .replace("{mean}", &decimal(s.mean))
                .replace("{median}", &decimal(s.median))
                .replace("{min}", &s.min.to_string())
                .replace("{max}", &s.max.to_string())
        })
        .unwrap_or_default();
    let counted: Vec<String> = hist
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .map(|(i, c)| format!("{}: {c}", all.min_score + i as i64))
        .collect();
    let title = msg
        .histogram_title
        .replace("{n}", &all.respondents.to_string())
        .replace("{stats}", &stats)
        .replace("{threshold}", &bank.threshold.to_string());
    let _ = write!(
        out,
        r#"<svg viewBox="0 0 {} {total_h}" width="{}" height="{total_h}" role="img" aria-labelledby="scores-title"><title id="scores-title">{} ({})</title>"#,
        left * 2.0 + width,
        left * 2.0 + width,
        escape(&title),
        escape(&counted.join(", "))
    );
    for (i, &c) in hist.iter().enumerate().filter(|(_, &c)| c > 0) {
        let h = plot_h * c as f64 / max;
        let score = all.min_score + i as i64;
        let fill = if score >= bank.threshold { "var(--ml)" } else { "var(--bar)" };
        let _ = write!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{h:.1}" fill="{fill}"><title>{score}: {c}</title></rect>"#,
            left + i as f64 * bar_w + 1.0,
            top + plot_h - h,
            bar_w - 2.0
        );
    }
    let base = top + plot_h;
    let _ = write!(out, r#"<line x1="{left}" y1="{base}" x2="{}" y2="{base}" stroke="var(--muted)"/>"#, left + width);
    let tx = left + (bank.threshold - lo) as f64 * bar_w;
    let note = view.msg().ml_from.replace("{threshold}", &bank.threshold.to_string());
    let _ = write!(
        out,
        r#"<line x1="{tx:.1}" y1="{}" x2="{tx:.1}" y2="{}" stroke="var(--ink)" stroke-width="2" stroke-dasharray="6 4"/><text x="{:.1}" y="16" font-size="15">{}</text>"#,
        top - 8.0,
        base + 6.0,
        tx + 6.0,
        escape(&note)
    );
    let mut ticks = vec![(lo, "start"), (hi, "end")];
    if lo < 0 && hi > 0 {
        ticks.push((0, "middle"));
    }
    for (score, anchor) in ticks {
        let x = left + (score - lo) as f64 * bar_w + bar_w / 2.0;
        let _ =
            write!(out, r#"<text x="{x:.1}" y="{}" font-size="14" text-anchor="{anchor}">{score}</text>"#, base + 22.0);
    }
    out.push_str("</svg>\n");
    if !stats.is_empty() {
        let _ = writeln!(out, "<p class=\"big\">{}</p>", escape(&stats));
    }
}
