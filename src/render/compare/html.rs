//! The comparison as one self-contained HTML page for a projector, an e-mail or a course
//! site: inline CSS and SVG, no script, no external URL, no web font; `lang` set; readable
//! when printed, and on a phone as on a desktop. Every chart has a text equivalent: each chart
//! is an image labelled with its rows in words, and the tables under the charts hold the counts.
//! As in the report's page, the charts' text is HTML and their SVG draws only shapes.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{change_text, msg, p_text, paired_hidden, reading_text, summary_line, unpaired_note, verdict_rows};
use crate::base::wrap::width;
use crate::group::pairing::{percent_of, points, Comparison};
use crate::render::html::{escape, escape_prose, page_end, page_start, Extras};
use crate::render::report::{checks, hidden_line, percent};
use crate::render::{count, Errors, View};

/// The compare page's own colours (unchanged, down, up) and parts, after the shared rules.
const STYLE: &str = r#":root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --plain: #2f6fb0; --down: #2e7d4f; --up: #c0561b; }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.arrows { --columns: minmax(8rem, var(--label)) minmax(14rem, 536px) 162px; }
.arrows .ticks { position: relative; height: 1.6em; font-size: 13px; color: var(--muted); }
.arrows .ticks span { position: absolute; bottom: .1em; }
.tail b { font-weight: 600; }
"#;

/// One arrow of a chart: a label and two shares.
struct Arrow<'a> {
    label: &'a str,
    before: (u64, u64),
    after: (u64, u64),
}

/// Arrows on one 0–100% axis: `○` before, an arrowhead after (a dot when unchanged). A grid
/// of rows, each its label, its arrow (an SVG of shapes only) and the shares in words, with a
/// `title` saying the same; the chart is one image labelled with every row's words. `myth`
/// colours a fall green and a rise orange. `label_cols` is the widest label of the page, in
/// display columns, so that every chart of the page shares one axis.
fn arrows_chart(out: &mut String, view: &View, title: &str, rows: &[Arrow], label_cols: usize, myth: bool) {
    let msg = msg(view.lang);
    // The label column fits the longest label: about 7.5 px a display column at 15 px
    // (a Korean syllable takes two columns).
    let label_w = (label_cols as f64 * 7.5 + 16.0).max(150.0);
    // The axis runs from 0 to AXIS in the drawing, with PAD on either side for the marks.
    const AXIS: f64 = 520.0;
    const PAD: f64 = 8.0;
    let row_h = 34.0;
    let y = row_h / 2.0;
    let texts: Vec<(String, String, String, String)> = rows
        .iter()
        .map(|row| {
            let change = change_text(view.lang, points(row.before.0, row.before.1, row.after.0, row.after.1));
            let (before, after) = (percent(row.before.0, row.before.1), percent(row.after.0, row.after.1));
            let words = msg
                .arrow_title
                .replace("{label}", row.label)
                .replace("{before}", &before)
                .replace("{after}", &after)
                .replace("{change}", &change);
            (words, before, after, change)
        })
        .collect();
    let summary: Vec<&str> = texts.iter().map(|t| t.0.as_str()).collect();
    let _ = write!(
        out,
        r#"<div class="chart arrows" role="img" aria-label="{}: {}" style="--label: {}px">"#,
        escape(title),
        escape(&summary.join("; ")),
        // The drawing's margin takes the first PAD of the label's room.
        label_w - PAD
    );
    out.push_str(r#"<div class="row head"><span class="ticks drawing">"#);
    for tick in [0, 25, 50, 75, 100] {
        // Where the tick is, as a share of the drawing's width.
        let x = 100.0 * (PAD + AXIS * tick as f64 / 100.0) / (AXIS + 2.0 * PAD);
        let place = match tick {
            0 => format!("left: {x:.2}%"),
            100 => format!("right: {:.2}%", 100.0 - x),
            _ => format!("left: {x:.2}%; transform: translateX(-50%)"),
        };
        let _ = write!(out, r#"<span style="{place}">{tick}%</span>"#);
    }
    out.push_str("</span></div>");
    for (row, (words, before, after, change)) in rows.iter().zip(&texts) {
        let (b, a) = (percent_of(row.before.0, row.before.1), percent_of(row.after.0, row.after.1));
        let colour = match (myth, a.cmp(&b)) {
            (_, std::cmp::Ordering::Equal) => "var(--muted)",
            (true, std::cmp::Ordering::Less) => "var(--down)",
            (true, std::cmp::Ordering::Greater) => "var(--up)",
            (false, _) => "var(--plain)",
        };
        let _ = write!(
            out,
            r#"<div class="row" title="{}"><span class="label">{}</span><svg class="drawing" viewBox="{} 0 {} {row_h}" width="{}" height="{row_h}" aria-hidden="true" focusable="false">"#,
            escape(words),
            escape(row.label),
            -PAD,
            AXIS + 2.0 * PAD,
            AXIS + 2.0 * PAD
        );
        for tick in [0, 25, 50, 75, 100] {
            let x = AXIS * tick as f64 / 100.0;
            let _ = write!(out, r#"<line x1="{x:.1}" y1="0" x2="{x:.1}" y2="{row_h}" stroke="var(--rule)"/>"#);
        }
        let (xb, xa) = (AXIS * b as f64 / 100.0, AXIS * a as f64 / 100.0);
        if a == b {
            let _ = write!(out, r#"<circle cx="{xa:.1}" cy="{y:.1}" r="6" fill="{colour}"/>"#);
        } else {
            // The line stops short of the head, which points the way the share moved; the head
            // is drawn last, so it shows even over the circle when the share barely moved.
            let dir = if a > b { 1.0 } else { -1.0 };
            let tip = xa;
            let base = tip - dir * 11.0;
            let _ = write!(
                out,
                r##"<circle cx="{xb:.1}" cy="{y:.1}" r="6" fill="#fff" stroke="{colour}" stroke-width="2.5"/><line x1="{xb:.1}" y1="{y:.1}" x2="{base:.1}" y2="{y:.1}" stroke="{colour}" stroke-width="4"/><polygon points="{tip:.1},{y:.1} {base:.1},{:.1} {base:.1},{:.1}" fill="{colour}"/>"##,
                y - 7.0,
                y + 7.0
            );
        }
        let _ = write!(out, r#"</svg><span class="tail">{before} → {after} <b>{}</b></span></div>"#, escape(change));
    }
    out.push_str("</div>\n");
}

/// A table of counts before and after, with the change.
fn change_table(out: &mut String, view: &View, first: &str, rows: &[(String, u64, u64)], totals: (u64, u64)) {
    let msg = msg(view.lang);
    let _ = write!(
        out,
        r#"<table class="stack"><thead><tr><th scope="col">{}</th><th scope="col" class="n">{}</th><th scope="col" class="n">{}</th><th scope="col" class="n">{}</th></tr></thead><tbody>"#,
        escape(first),
        escape(msg.table_before),
        escape(msg.table_after),
        escape(msg.table_change)
    );
    for (label, b, a) in rows {
        let _ = write!(
            out,
            r#"<tr><th scope="row">{label}</th><td class="n" data-label="{}">{} ({})</td><td class="n" data-label="{}">{} ({})</td><td class="n" data-label="{}">{}</td></tr>"#,
            escape(msg.table_before),
            count(*b),
            percent(*b, totals.0),
            escape(msg.table_after),
            count(*a),
            percent(*a, totals.1),
            escape(msg.table_change),
            escape(&change_text(view.lang, points(*b, totals.0, *a, totals.1)))
        );
    }
    out.push_str("</tbody></table>\n");
}

/// Writes the page.
pub fn compare(w: &mut dyn Write, view: &View, c: &Comparison) -> io::Result<()> {
    let msg = msg(view.lang);
    let report_msg = crate::render::report::msg(view.lang);
    let bank = view.bank;
    let lang = view.lang;
    let (b, a) = c.counts();
    let totals = (b.respondents, a.respondents);
    let mut out = String::new();
    page_start(
        &mut out,
        view,
        STYLE,
        [msg.page_title, msg.heading],
        &summary_line(lang, c, Errors::Elsewhere),
        Extras::default(),
    );
    if let Some(note) = unpaired_note(lang, c) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape_prose(&note));
    }

    let labels = verdict_rows(view, c);
    // One label column for every chart of the page, so that a share stands at the same place
    // in each: the widest of the verdicts, the myths and the reality checks' answers.
    let myth_labels = c.myths.iter().map(|m| bank.questions[m.question].topic.get(lang));
    let check_labels = checks(bank).into_iter().flat_map(|(_, q)| &q.choices).map(|c| c.label.get(lang));
    let label_cols =
        labels.iter().map(|(text, _)| text.as_str()).chain(myth_labels).chain(check_labels).map(width).max();
    let label_cols = label_cols.unwrap_or(0);

    // Verdicts.
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(report_msg.verdicts_heading));
    let arrows: Vec<Arrow> = labels
        .iter()
        .map(|(text, v)| Arrow { label: text, before: (v.before, totals.0), after: (v.after, totals.1) })
        .collect();
    arrows_chart(&mut out, view, report_msg.verdicts_heading, &arrows, label_cols, false);
    let rows: Vec<(String, u64, u64)> = labels.iter().map(|(text, v)| (escape(text), v.before, v.after)).collect();
    change_table(&mut out, view, report_msg.col_verdict, &rows, totals);
    if let Some(line) = hidden_line(view, &c.before) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape_prose(&line));
    }
    out.push_str("</section>\n");

    // Myths.
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(msg.myths_heading));
    let arrows: Vec<Arrow> = c
        .myths
        .iter()
        .map(|m| Arrow {
            label: bank.questions[m.question].topic.get(lang),
            before: (m.believed.before, totals.0),
            after: (m.believed.after, totals.1),
        })
        .collect();
    arrows_chart(&mut out, view, msg.myths_heading, &arrows, label_cols, true);
    let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(msg.legend));
    let rows: Vec<(String, u64, u64)> = c
        .myths
        .iter()
        .map(|m| (escape(bank.questions[m.question].topic.get(lang)), m.believed.before, m.believed.after))
        .collect();
    change_table(&mut out, view, report_msg.col_myth, &rows, totals);
    out.push_str("</section>\n");

    // Reality checks.
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(view.msg().checks_heading));
    for (i, q) in checks(view.bank) {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p class=\"note\">{}</p>",
            escape(q.topic.get(lang)),
            escape(q.prompt.get(lang))
        );
        let changes = c.choices(i);
        let arrows: Vec<Arrow> = q
            .choices
            .iter()
            .zip(&changes)
            .map(|(choice, ch)| Arrow {
                label: choice.label.get(lang),
                before: (ch.before, totals.0),
                after: (ch.after, totals.1),
            })
            .collect();
        arrows_chart(&mut out, view, q.topic.get(lang), &arrows, label_cols, false);
        let rows: Vec<(String, u64, u64)> = q
            .choices
            .iter()
            .zip(&changes)
            .map(|(choice, ch)| (escape(choice.label.get(lang)), ch.before, ch.after))
            .collect();
        change_table(&mut out, view, report_msg.col_answer, &rows, totals);
    }
    out.push_str("</section>\n");

    // The paired people.
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(msg.paired_heading));
    match paired_hidden(view, c) {
        Some(why) => {
            let _ = writeln!(out, "<p class=\"big\">{}</p>", escape_prose(&why));
        }
        None => {
            let _ =
                writeln!(out, "<p>{}</p>", escape(&msg.paired_intro.replace("{n}", &crate::render::count(c.paired))));
            let _ = write!(
                out,
                r#"<table class="stack"><thead><tr><th scope="col">{}</th><th scope="col" class="n">{}</th><th scope="col" class="n">{}</th><th scope="col" class="n">{}</th><th scope="col" class="n">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
                escape(report_msg.col_myth),
                escape(msg.col_toward_agree),
                escape(msg.col_toward_disagree),
                escape(msg.col_same),
                escape(msg.col_p),
                escape(msg.col_reading)
            );
            for m in &c.myths {
                let Some(v) = m.movers else { continue };
                let _ = write!(
                    out,
                    r#"<tr><th scope="row">{}</th><td class="n" data-label="{}">{}</td><td class="n" data-label="{}">{}</td><td class="n" data-label="{}">{}</td><td class="n" data-label="{}">{}</td><td data-label="{}">{}</td></tr>"#,
                    escape(bank.questions[m.question].topic.get(lang)),
                    escape(msg.col_toward_agree),
                    count(v.toward_agree),
                    escape(msg.col_toward_disagree),
                    count(v.toward_disagree),
                    escape(msg.col_same),
                    count(v.same),
                    escape(msg.col_p),
                    escape(&p_text(v.p_value())),
                    escape(msg.col_reading),
                    escape(reading_text(lang, &v))
                );
            }
            out.push_str("</tbody></table>\n");
        }
    }
    out.push_str("</section>\n");
    page_end(&mut out, view);
    w.write_all(out.as_bytes())
}
