//! The comparison as one self-contained HTML page for a projector, an e-mail or a course
//! site: inline CSS and SVG, no script, no external URL, no web font; `lang` set; readable
//! when printed. Every chart has a text equivalent: a `<title>` on each arrow and the tables
//! under the charts.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{change_text, msg, p_text, paired_hidden, reading_text, summary_line, unpaired_note, verdict_rows};
use crate::compare::{percent_of, points, Comparison};
use crate::render::report::html::{escape, page_end, page_start};
use crate::render::report::{checks, hidden_line, percent};
use crate::render::{Errors, View};
use crate::wrap::width;

/// The compare page's own colours (unchanged, down, up) and parts, after the shared rules.
const STYLE: &str = r#":root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --plain: #2f6fb0; --down: #2e7d4f; --up: #c0561b; }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
svg { display: block; max-width: 100%; height: auto; margin: .4rem 0; }
"#;

/// One arrow of a chart: a label and two shares.
struct Arrow<'a> {
    label: &'a str,
    before: (u64, u64),
    after: (u64, u64),
}

/// Arrows on one 0–100% axis: `○` before, an arrowhead after (a dot when unchanged), each
/// with a `<title>` saying the same in words. `myth` colours a fall green and a rise orange.
/// `label_cols` is the widest label of the section, in display columns, so that the charts of
/// one section share their axis.
fn arrows_svg(out: &mut String, view: &View, id: &str, title: &str, rows: &[Arrow], label_cols: usize, myth: bool) {
    let msg = msg(view.lang);
    // The label column fits the longest label: about 8 px a display column at 15 px
    // (a Korean syllable takes two columns).
    let longest = rows.iter().map(|r| width(r.label)).max().unwrap_or(0).max(label_cols);
    let label_w = (longest as f64 * 8.0 + 16.0).max(150.0);
    let (axis_w, tail_w, row_h, top) = (520.0, 170.0, 34.0, 30.0);
    let x0 = label_w;
    let total_w = label_w + axis_w + tail_w;
    let height = top + rows.len() as f64 * row_h + 8.0;
    let _ = write!(
        out,
        r#"<svg viewBox="0 0 {total_w} {height}" width="{total_w}" height="{height}" role="img" aria-labelledby="{id}"><title id="{id}">{}</title>"#,
        escape(title)
    );
    for tick in [0, 25, 50, 75, 100] {
        let x = x0 + axis_w * tick as f64 / 100.0;
        let anchor = match tick {
            0 => "start",
            100 => "end",
            _ => "middle",
        };
        let _ = write!(
            out,
            r#"<line x1="{x:.1}" y1="{}" x2="{x:.1}" y2="{:.1}" stroke="var(--rule)"/><text x="{x:.1}" y="18" font-size="13" text-anchor="{anchor}" fill="var(--muted)">{tick}%</text>"#,
            top - 6.0,
            height - 4.0
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let y = top + i as f64 * row_h + row_h / 2.0;
        let (b, a) = (percent_of(row.before.0, row.before.1), percent_of(row.after.0, row.after.1));
        let change = change_text(view.lang, points(row.before.0, row.before.1, row.after.0, row.after.1));
        let (before, after) = (percent(row.before.0, row.before.1), percent(row.after.0, row.after.1));
        let words = msg
            .arrow_title
            .replace("{label}", row.label)
            .replace("{before}", &before)
            .replace("{after}", &after)
            .replace("{change}", &change);
        let colour = match (myth, a.cmp(&b)) {
            (_, std::cmp::Ordering::Equal) => "var(--muted)",
            (true, std::cmp::Ordering::Less) => "var(--down)",
            (true, std::cmp::Ordering::Greater) => "var(--up)",
            (false, _) => "var(--plain)",
        };
        let (xb, xa) = (x0 + axis_w * b as f64 / 100.0, x0 + axis_w * a as f64 / 100.0);
        let _ = write!(
            out,
            r#"<g><title>{}</title><text x="{}" y="{:.1}" text-anchor="end" font-size="15">{}</text>"#,
            escape(&words),
            label_w - 12.0,
            y + 5.0,
            escape(row.label)
        );
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
        let _ = write!(
            out,
            r#"<text x="{}" y="{:.1}" text-anchor="end" font-size="15" font-variant-numeric="tabular-nums">{} → {} <tspan font-weight="600">{}</tspan></text></g>"#,
            total_w - 4.0,
            y + 5.0,
            before,
            after,
            escape(&change)
        );
    }
    out.push_str("</svg>\n");
}

/// A table of counts before and after, with the change.
fn change_table(out: &mut String, view: &View, first: &str, rows: &[(String, u64, u64)], totals: (u64, u64)) {
    let msg = msg(view.lang);
    let _ = write!(
        out,
        r#"<table><thead><tr><th scope="col">{}</th><th scope="col" class="n">{}</th><th scope="col" class="n">{}</th><th scope="col" class="n">{}</th></tr></thead><tbody>"#,
        escape(first),
        escape(msg.table_before),
        escape(msg.table_after),
        escape(msg.table_change)
    );
    for (label, b, a) in rows {
        let _ = write!(
            out,
            r#"<tr><th scope="row">{label}</th><td class="n">{b} ({})</td><td class="n">{a} ({})</td><td class="n">{}</td></tr>"#,
            percent(*b, totals.0),
            percent(*a, totals.1),
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
    page_start(&mut out, view, STYLE, [msg.page_title, msg.heading], &summary_line(lang, c, Errors::Elsewhere));
    if let Some(note) = unpaired_note(lang, c) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&note));
    }

    // Verdicts.
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(report_msg.verdicts_heading));
    let labels = verdict_rows(view, c);
    let arrows: Vec<Arrow> = labels
        .iter()
        .map(|(text, v)| Arrow { label: text, before: (v.before, totals.0), after: (v.after, totals.1) })
        .collect();
    arrows_svg(&mut out, view, "verdicts-title", report_msg.verdicts_heading, &arrows, 0, false);
    let rows: Vec<(String, u64, u64)> = labels.iter().map(|(text, v)| (escape(text), v.before, v.after)).collect();
    change_table(&mut out, view, report_msg.col_verdict, &rows, totals);
    if let Some(line) = hidden_line(view, &c.before) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&line));
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
    arrows_svg(&mut out, view, "myths-title", msg.myths_heading, &arrows, 0, true);
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
    let label_cols =
        checks(view.bank).iter().flat_map(|(_, q)| &q.choices).map(|c| width(c.label.get(lang))).max().unwrap_or(0);
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
        let id = format!("check-{}-title", q.id);
        arrows_svg(&mut out, view, &id, q.topic.get(lang), &arrows, label_cols, false);
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
            let _ = writeln!(out, "<p class=\"big\">{}</p>", escape(&why));
        }
        None => {
            let _ = writeln!(out, "<p>{}</p>", escape(&msg.paired_intro.replace("{n}", &c.paired.to_string())));
            let _ = write!(
                out,
                r#"<table><thead><tr><th scope="col">{}</th><th scope="col" class="n">{}</th><th scope="col" class="n">{}</th><th scope="col" class="n">{}</th><th scope="col" class="n">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
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
                    r#"<tr><th scope="row">{}</th><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td>{}</td></tr>"#,
                    escape(bank.questions[m.question].topic.get(lang)),
                    v.toward_agree,
                    v.toward_disagree,
                    v.same,
                    escape(&p_text(v.p_value())),
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
