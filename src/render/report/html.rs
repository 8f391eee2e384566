//! The report as one self-contained HTML page for a projector, an e-mail or a course site:
//! inline CSS and SVG, no script, no external URL, no web font; `lang` set; readable when
//! printed, and on a phone as on a desktop. Every chart has a text equivalent: the tables
//! beside the bars, and each chart is an image labelled with its numbers.
//!
//! Text is HTML, never SVG: an SVG scaled down to a phone's width shrinks its text with it,
//! so the charts lay out their labels in a CSS grid and draw only shapes in SVG (see
//! `render::html::BASE_STYLE` for how they fold on a narrow screen).

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{
    agreement, decimal, diverging_cells, hidden_line, most_believed_line, msg, myths, percent, results_line, verdicts,
};
use crate::group::aggregate::{Overall, Report};
use crate::render::html::{escape, escape_prose, page_end, page_start, Extras};
use crate::render::{count, Errors, View};

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
.checks { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(26rem, 100%), 1fr)); gap: 1.2rem 2.5rem; }
.myths { --columns: 170px minmax(0, 500px) 70px; max-width: 740px; padding-bottom: 6px; }
.myths .label, .myths .tail { font-size: 16px; }
.myths .tail { font-weight: 600; }
.myths .head { padding: 6px 0; }
.myths .head .tail { font-size: 15px; font-weight: normal; }
.axis { display: flex; font-size: 15px; }
.axis span { flex: 1 1 0; }
.axis span:first-child { text-align: right; padding-right: 8px; }
.axis span:last-child { padding-left: 8px; }
.hist { max-width: 920px; padding: 0 10px; }
.hist svg { display: block; width: 100%; height: 194px; }
.hist .mark { display: flex; font-size: 15px; white-space: nowrap; }
.hist .mark span:first-child { flex: 0 1 auto; min-width: 0; }
.hist .mark span:last-child { padding: 0 6px; }
.hist .ticks { position: relative; height: 1.6em; font-size: 14px; }
.hist .ticks span { position: absolute; top: .2em; }
@media screen and (max-width: 50rem) { td.bar { width: 25%; } td.bar svg { min-width: 40px; } .hist svg { height: 140px; } }
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
            r#"<tr><th scope="row">{label}</th><td class="n">{}</td><td class="n">{}</td><td class="bar">{}</td></tr>"#,
            count(*n),
            percent(*n, total),
            cell_bar(*n, total, fill)
        );
    }
    out.push_str("</tbody></table>\n");
}

/// Writes the page.
pub fn report(w: &mut dyn Write, view: &View, report: &Report) -> io::Result<()> {
    w.write_all(page(view, report, Extras::default()).as_bytes())
}

/// The page, with what `extras` adds (the live report's refresh and banner).
pub fn page(view: &View, report: &Report, extras: Extras) -> String {
    let msg = msg(view.lang);
    let bank = view.bank;
    let lang = view.lang;
    let all = &report.all;
    let mut out = String::new();
    page_start(
        &mut out,
        view,
        STYLE,
        [msg.page_title, msg.heading],
        &results_line(lang, report, Errors::Elsewhere),
        extras,
    );

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
    myth_chart(&mut out, view, all);
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
    let _ = write!(out, "<table class=\"stack\"><thead><tr><th scope=\"col\">{}</th>", escape(msg.col_myth));
    for c in &first.choices {
        let _ = write!(out, "<th scope=\"col\" class=\"n\">{}</th>", escape(c.label.get(lang)));
    }
    let _ = write!(out, "<th scope=\"col\" class=\"n\">{}</th></tr></thead><tbody>", escape(msg.col_believed));
    for (m, q, question) in myths(bank) {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(question.topic.get(lang)));
        for (n, c) in agreement(all, q).into_iter().zip(&first.choices) {
            let _ = write!(out, "<td class=\"n\" data-label=\"{}\">{}</td>", escape(c.label.get(lang)), count(n));
        }
        let _ = write!(
            out,
            "<td class=\"n\" data-label=\"{}\">{}</td></tr>",
            escape(msg.col_believed),
            percent(all.believed[m], all.respondents)
        );
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
    histogram(&mut out, view, report);
    out.push_str("</section>\n");

    // By track.
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(msg.by_track_heading));
    if !report.by_track.is_empty() {
        let ml = bank.verdict("ml").get(lang);
        let believe: Vec<String> = myths(bank)
            .iter()
            .map(|(_, _, q)| escape(&format!("{}: {}", msg.col_believed, q.topic.get(lang))))
            .collect();
        let _ = write!(
            out,
            "<table class=\"stack\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th>",
            escape(msg.col_track),
            escape(msg.col_results),
            escape(ml),
            escape(msg.col_stay)
        );
        for label in &believe {
            let _ = write!(out, "<th scope=\"col\" class=\"n\">{label}</th>");
        }
        out.push_str("</tr></thead><tbody>");
        for c in &report.by_track {
            let _ = write!(
                out,
                "<tr><th scope=\"row\">{}</th><td class=\"n\" data-label=\"{}\">{}</td><td class=\"n\" data-label=\"{}\">{} ({})</td><td class=\"n\" data-label=\"{}\">{} ({})</td>",
                escape(bank.track().choices[c.track].label.get(lang)),
                escape(msg.col_results),
                count(c.respondents),
                escape(ml),
                count(c.ml),
                percent(c.ml, c.respondents),
                escape(msg.col_stay),
                count(c.stay),
                percent(c.stay, c.respondents)
            );
            for ((m, _, _), label) in myths(bank).into_iter().zip(&believe) {
                let _ = write!(
                    out,
                    "<td class=\"n\" data-label=\"{label}\">{}</td>",
                    percent(c.believed[m], c.respondents)
                );
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>\n");
    }
    if let Some(line) = hidden_line(view, report) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape_prose(&line));
    }
    out.push_str("</section>\n");
    page_end(&mut out, view);
    out
}

/// The myths as diverging stacked bars around a centre line: a grid of rows, each its topic,
/// its bar (an SVG of shapes only) and the share who believe it, with a `title` giving its
/// five counts. The chart is one image labelled with every share; the table after it holds
/// the counts.
fn myth_chart(out: &mut String, view: &View, counts: &Overall) {
    let msg = msg(view.lang);
    let lang = view.lang;
    let rows = myths(view.bank);
    let (half, row_h) = (250.0, 40.0);
    let labels: Vec<&str> = rows[0].2.choices.iter().map(|c| c.label.get(lang)).collect();
    let summary: Vec<String> = rows
        .iter()
        .map(|(m, _, q)| format!("{} {}", q.topic.get(lang), percent(counts.believed[*m], counts.respondents)))
        .collect();
    let _ = write!(
        out,
        r#"<div class="chart myths" role="img" aria-label="{}: {} {}">"#,
        escape(msg.myths_heading),
        escape(msg.believed_column),
        escape(&summary.join(", "))
    );
    let _ = write!(
        out,
        r#"<div class="row head"><span class="axis drawing"><span>{}</span><span>{}</span></span><span class="tail">{}</span></div>"#,
        escape(msg.disagree_axis),
        escape(msg.agree_axis),
        escape(msg.believed_column)
    );
    // Drawn in fine units: the same cumulative rounding as the text bars, at 1000 units a side.
    const UNITS: usize = 1000;
    for (m, q, question) in &rows {
        let a = agreement(counts, *q);
        let shares: Vec<String> = labels
            .iter()
            .zip(a)
            .map(|(l, n)| format!("{l} {} ({})", count(n), percent(n, counts.respondents)))
            .collect();
        let title =
            msg.myth_chart_title.replace("{topic}", question.topic.get(lang)).replace("{shares}", &shares.join(", "));
        let _ = write!(
            out,
            r#"<div class="row" title="{}"><span class="label">{}</span><svg class="drawing" viewBox="0 0 {} {row_h}" width="{}" height="{row_h}" aria-hidden="true" focusable="false">"#,
            escape(&title),
            escape(question.topic.get(lang)),
            2.0 * half,
            2.0 * half
        );
        let (left, right) = diverging_cells(a, UNITS);
        let scale = half / UNITS as f64;
        // Left of the centre: neutral half, disagree, strongly disagree, from the centre out.
        let mut x = half;
        for (units, fill) in left.iter().zip([AGREEMENT_FILL[2], AGREEMENT_FILL[1], AGREEMENT_FILL[0]]) {
            let w = *units as f64 * scale;
            x -= w;
            let _ = write!(out, r#"<rect x="{x:.1}" y="6" width="{w:.1}" height="{}" fill="{fill}"/>"#, row_h - 12.0);
        }
        let mut x = half;
        for (units, fill) in right.iter().zip([AGREEMENT_FILL[2], AGREEMENT_FILL[3], AGREEMENT_FILL[4]]) {
            let w = *units as f64 * scale;
            let _ = write!(out, r#"<rect x="{x:.1}" y="6" width="{w:.1}" height="{}" fill="{fill}"/>"#, row_h - 12.0);
            x += w;
        }
        let _ = write!(
            out,
            r#"<line x1="{half}" y1="0" x2="{half}" y2="{row_h}" stroke="var(--ink)" stroke-width="2"/></svg><span class="tail">{}</span></div>"#,
            percent(counts.believed[*m], counts.respondents)
        );
    }
    out.push_str("</div>\n");
}

/// The score histogram with the threshold marked: the bars and lines in an SVG that stretches
/// to the width (shapes only), the threshold's note above it and the scale's ends under it in
/// HTML. The chart is one image labelled with the statistics and every score's count; each
/// bar's `<title>` gives its own.
fn histogram(out: &mut String, view: &View, report: &Report) {
    let msg = msg(view.lang);
    let bank = view.bank;
    let all = &report.all;
    let hist = &all.scores;
    let (lo, hi) = bank.score_range();
    // The plot, with room above it for the threshold's line to reach towards its note.
    let (width, top, plot_h) = (900.0, 8.0, 180.0);
    let bar_w = width / hist.len() as f64;
    let max = hist.iter().copied().max().unwrap_or(0).max(1) as f64;
    let total_h = top + plot_h + 6.0;
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
        .map(|(i, &c)| format!("{}: {}", all.min_score + i as i64, count(c)))
        .collect();
    let title = msg
        .histogram_title
        .replace("{n}", &count(all.respondents))
        .replace("{stats}", &stats)
        .replace("{threshold}", &bank.threshold.to_string());
    let _ = write!(
        out,
        r#"<div class="chart hist" role="img" aria-label="{} ({})">"#,
        escape(&title),
        escape(&counted.join(", "))
    );
    // The note starts at the threshold's line, or as far right as it fits.
    let tx = (bank.threshold - lo) as f64 * bar_w;
    let note = view.msg().ml_from.replace("{threshold}", &bank.threshold.to_string());
    let _ = write!(
        out,
        r#"<div class="mark"><span style="flex-basis: {:.2}%"></span><span>{}</span></div>"#,
        100.0 * tx / width,
        escape(&note)
    );
    // Stretched to the page's width, not scaled: lines keep their stroke.
    let _ = write!(
        out,
        r#"<svg viewBox="0 0 {width} {total_h}" width="{width}" height="{total_h}" preserveAspectRatio="none" aria-hidden="true" focusable="false">"#
    );
    let base = top + plot_h;
    for (i, &c) in hist.iter().enumerate().filter(|(_, &c)| c > 0) {
        let h = plot_h * c as f64 / max;
        let score = all.min_score + i as i64;
        let fill = if score >= bank.threshold { "var(--ml)" } else { "var(--bar)" };
        let _ = write!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{h:.1}" fill="{fill}"><title>{score}: {}</title></rect>"#,
            i as f64 * bar_w + 1.0,
            top + plot_h - h,
            bar_w - 2.0,
            count(c)
        );
    }
    let _ = write!(
        out,
        r#"<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="var(--muted)" vector-effect="non-scaling-stroke"/><line x1="{tx:.1}" y1="0" x2="{tx:.1}" y2="{total_h}" stroke="var(--ink)" stroke-width="2" stroke-dasharray="6 4" vector-effect="non-scaling-stroke"/></svg>"#
    );
    out.push_str(r#"<div class="ticks">"#);
    let mut ticks = vec![(lo, "left"), (hi, "right")];
    if lo < 0 && hi > 0 {
        ticks.push((0, "middle"));
    }
    for (score, anchor) in ticks {
        // At the middle of the score's bar, as a share of the width.
        let x = 100.0 * ((score - lo) as f64 * bar_w + bar_w / 2.0) / width;
        let place = match anchor {
            "left" => format!("left: {x:.2}%"),
            "right" => format!("right: {:.2}%", 100.0 - x),
            _ => format!("left: {x:.2}%; transform: translateX(-50%)"),
        };
        let _ = write!(out, r#"<span style="{place}">{score}</span>"#);
    }
    out.push_str("</div></div>\n");
    if !stats.is_empty() {
        let _ = writeln!(out, "<p class=\"big\">{}</p>", escape(&stats));
    }
}
