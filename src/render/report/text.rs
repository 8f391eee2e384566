//! The report as text for a terminal: block-element charts in the style of the quiz's
//! result. Shape, glyphs and numbers carry the meaning, colour only repeats it; widths are
//! display widths, so Korean aligns; every line fits the view's width (30 columns and up).

use std::io::{self, Write};

use colored::Colorize;

use super::{agreement, diverging_cells, most_believed_line, msg, myths, percent, results_line, verdicts};
use crate::base::wrap::{pad, width};
use crate::group::aggregate::{Overall, Report};
use crate::render::chart::{bar_right, scale_ends, FULL};
use crate::render::{count, Errors, View};

/// Narrowest share bar beside its label, in cells.
const MIN_BAR: usize = 10;
/// Widest share bar, in cells.
const MAX_BAR: usize = 30;
/// Narrowest half of a myth bar beside its topic, in cells.
const MIN_HALF: usize = 6;
/// Widest half of a myth bar, in cells.
const MAX_HALF: usize = 20;
/// Height of the score histogram, in lines.
const HISTOGRAM_ROWS: usize = 5;
/// Glyph of strong agreement or disagreement.
const STRONG: char = FULL;
/// Glyph of mild agreement or disagreement.
const MILD: char = '▓';
/// Glyph of the neutral answers, half on each side of the line.
const NEUTRAL: char = '░';
/// Eighth blocks growing upward, index = eighths filled.
const RISING: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Writes the whole report.
pub fn report(w: &mut dyn Write, view: &View, report: &Report) -> io::Result<()> {
    let msg = msg(view.lang);
    writeln!(w, "{}", msg.heading.bold())?;
    view.paragraph(w, "", 0, &results_line(view.lang, report, Errors::Above))?;
    writeln!(w)?;
    section(w, msg.verdicts_heading)?;
    verdict_rows(w, view, 2, report)?;
    writeln!(w)?;
    myth_chart(w, view, &report.all, true)?;
    writeln!(w)?;
    checks(w, view, &report.all)?;
    scores(w, view, report)?;
    writeln!(w)?;
    by_track(w, view, report)?;
    writeln!(w)?;
    view.paragraph_dimmed(w, "", 0, view.bank.disclaimer.get(view.lang))
}

fn section(w: &mut dyn Write, heading: &str) -> io::Result<()> {
    writeln!(w, "{}", heading.bold())
}

/// The verdicts shown, as share rows.
fn verdict_rows(w: &mut dyn Write, view: &View, indent: usize, report: &Report) -> io::Result<()> {
    let all = verdicts(view, report);
    let rows: Vec<(&str, u64)> = all.iter().map(|r| (r.text.as_str(), r.count)).collect();
    share_rows(w, view, indent, &rows, report.respondents())
}

/// Rows of `label  bar  count  share`, each bar the row's share of `total`. When the labels
/// leave too little room, each label goes on its own line(s) above its bar.
pub fn share_rows(w: &mut dyn Write, view: &View, indent: usize, rows: &[(&str, u64)], total: u64) -> io::Result<()> {
    let label_w = rows.iter().map(|r| width(r.0)).max().unwrap_or(0);
    share_rows_at(w, view, indent, label_w, rows, total)
}

/// [`share_rows`] with the label column at least `label_w` wide, so several groups of rows
/// line up.
fn share_rows_at(
    w: &mut dyn Write,
    view: &View,
    indent: usize,
    label_w: usize,
    rows: &[(&str, u64)],
    total: u64,
) -> io::Result<()> {
    let label_w = rows.iter().map(|r| width(r.0)).max().unwrap_or(0).max(label_w);
    let count_w = rows.iter().map(|r| count(r.1).len()).max().unwrap_or(1);
    let tail = 1 + count_w + 1 + 4;
    let beside = view.width.saturating_sub(indent + label_w + 1 + tail);
    let lead = " ".repeat(indent);
    let bar = |n: u64, cells: usize| {
        let eighths = if total == 0 { 0 } else { ((n * cells as u64 * 8 * 2 + total) / (total * 2)) as usize };
        bar_right(eighths, cells, ' ')
    };
    if beside >= MIN_BAR {
        let cells = beside.min(MAX_BAR);
        for &(label, n) in rows {
            let pct = percent(n, total);
            writeln!(w, "{lead}{} {} {:>count_w$} {pct:>4}", pad(label, label_w), bar(n, cells).cyan(), count(n))?;
        }
    } else {
        let cells = view.width.saturating_sub(indent + 2 + tail).clamp(4, MAX_BAR);
        for &(label, n) in rows {
            view.paragraph(w, &lead, indent, label)?;
            let pct = percent(n, total);
            writeln!(w, "{lead}  {} {:>count_w$} {pct:>4}", bar(n, cells).cyan(), count(n))?;
        }
    }
    Ok(())
}

/// One diverging stacked bar: disagreement left of the line, agreement right of it.
fn likert_bar(a: [u64; 5], half: usize) -> String {
    let (left, right) = diverging_cells(a, half);
    let used_left: usize = left.iter().sum();
    let used_right: usize = right.iter().sum();
    let mut l = " ".repeat(half - used_left);
    l.extend(std::iter::repeat_n(STRONG, left[2]));
    l.extend(std::iter::repeat_n(MILD, left[1]));
    let l = format!("{}{}", l.cyan(), NEUTRAL.to_string().repeat(left[0]).dimmed());
    let mut r: String = std::iter::repeat_n(MILD, right[1]).collect();
    r.extend(std::iter::repeat_n(STRONG, right[2]));
    let r = format!("{}{}{}", NEUTRAL.to_string().repeat(right[0]).dimmed(), r.yellow(), " ".repeat(half - used_right));
    format!("{l}│{r}")
}

/// The five myths as diverging stacked bars, with the share who believe each; then the
/// legend, and with `most` the line naming the most believed myth.
pub(super) fn myth_chart(w: &mut dyn Write, view: &View, counts: &Overall, most: bool) -> io::Result<()> {
    let msg = msg(view.lang);
    let bank = view.bank;
    section(w, msg.myths_heading)?;
    let rows = myths(bank);
    let topics: Vec<&str> = rows.iter().map(|(_, _, q)| q.topic.get(view.lang)).collect();
    let topic_w = topics.iter().map(|t| width(t)).max().unwrap_or(0);
    let tail = 1 + 4;
    let inline_half = view.width.saturating_sub(2 + topic_w + 1 + 1 + tail) / 2;
    let inline = inline_half >= MIN_HALF;
    let (lead, half) = if inline {
        (2 + topic_w + 1, inline_half.min(MAX_HALF))
    } else {
        (4, (view.width.saturating_sub(4 + 1 + tail) / 2).clamp(3, MAX_HALF))
    };
    // The axis labels end and start at the line when they fit, else they start the line.
    let (dis, agr) = (msg.disagree_axis, msg.agree_axis);
    let mut header = if width(dis) <= lead + half {
        format!("{}{}│{}", " ".repeat(lead + half - width(dis)), dis.dimmed(), agr.dimmed())
    } else {
        format!("{} │ {}", dis.dimmed(), agr.dimmed())
    };
    let used = (lead + half).max(width(dis)) + 1 + width(agr);
    let end = lead + 2 * half + 1 + tail;
    if used + 1 + width(msg.believed_column) <= end {
        header.push_str(&" ".repeat(end - used - width(msg.believed_column)));
        header.push_str(&msg.believed_column.dimmed().to_string());
    }
    writeln!(w, "{header}")?;
    for ((m, q, _), topic) in rows.iter().zip(&topics) {
        let bar = likert_bar(agreement(counts, *q), half);
        let pct = percent(counts.believed[*m], counts.respondents);
        if inline {
            writeln!(w, "  {} {bar} {pct:>4}", pad(topic, topic_w))?;
        } else {
            writeln!(w, "  {}", topic.bold())?;
            writeln!(w, "    {bar} {pct:>4}")?;
        }
    }
    view.paragraph_dimmed(w, "  ", 2, msg.legend)?;
    if !most {
        return Ok(());
    }
    let line = most_believed_line(bank, view.lang, counts);
    view.paragraph(w, "  ", 2, &line)
}

/// How the answers to each reality check split.
fn checks(w: &mut dyn Write, view: &View, counts: &Overall) -> io::Result<()> {
    section(w, view.msg().checks_heading)?;
    let checks = super::checks(view.bank);
    let label_w = checks.iter().flat_map(|(_, q)| &q.choices).map(|c| width(c.label.get(view.lang))).max().unwrap_or(0);
    for (i, q) in checks {
        writeln!(w, "  {}", q.topic.get(view.lang).bold())?;
        let rows: Vec<(&str, u64)> =
            q.choices.iter().zip(&counts.choices[i]).map(|(c, &n)| (c.label.get(view.lang), n)).collect();
        share_rows_at(w, view, 4, label_w, &rows, counts.respondents)?;
        writeln!(w)?;
    }
    Ok(())
}

/// The score distribution: a histogram over every possible score, the threshold marked,
/// then mean, median, lowest and highest.
pub(super) fn scores(w: &mut dyn Write, view: &View, report: &Report) -> io::Result<()> {
    let msg = msg(view.lang);
    let bank = view.bank;
    section(w, msg.scores_heading)?;
    let hist = &report.all.scores;
    let (lo, hi) = bank.score_range();
    // One column a score when it fits, else each column holds `per` scores.
    let room = view.width.saturating_sub(2).max(1);
    let per = hist.len().div_ceil(room);
    let columns: Vec<u64> = hist.chunks(per).map(|c| c.iter().sum()).collect();
    let max = columns.iter().copied().max().unwrap_or(0).max(1);
    let levels: Vec<usize> = columns
        .iter()
        .map(|&c| if c == 0 { 0 } else { ((c * (HISTOGRAM_ROWS * 8) as u64 * 2 + max) / (max * 2)).max(1) as usize })
        .collect();
    let mark = ((bank.threshold - lo) as usize / per).min(columns.len() - 1);
    for row in (0..HISTOGRAM_ROWS).rev() {
        let line: String = levels.iter().map(|&l| RISING[l.saturating_sub(row * 8).min(8)]).collect();
        let (below, above) = line.split_at(line.char_indices().nth(mark).map_or(line.len(), |(i, _)| i));
        let above = above.trim_end();
        let below = if above.is_empty() { below.trim_end() } else { below };
        writeln!(w, "  {}{}", below.cyan(), above.green())?;
    }
    let axis: String = (0..columns.len()).map(|i| if i == mark { '┃' } else { '─' }).collect();
    writeln!(w, "  {}", axis.dimmed())?;
    scale_ends(w, view, 2, columns.len(), (lo, hi), bank.threshold, mark)?;
    if let Some(s) = report.all.stats() {
        let line = msg
            .score_stats
            .replace("{mean}", &super::decimal(s.mean))
            .replace("{median}", &super::decimal(s.median))
            .replace("{min}", &s.min.to_string())
            .replace("{max}", &s.max.to_string());
        view.paragraph(w, "  ", 2, &line)?;
    }
    Ok(())
}

/// Verdicts and myths believed in each track shown, and which are hidden.
fn by_track(w: &mut dyn Write, view: &View, report: &Report) -> io::Result<()> {
    let msg = msg(view.lang);
    let bank = view.bank;
    section(w, msg.by_track_heading)?;
    for counts in &report.by_track {
        let track = &bank.track().choices[counts.track];
        let head =
            msg.track_results.replace("{track}", track.label.get(view.lang)).replace("{n}", &count(counts.respondents));
        view.paragraph(w, "  ", 2, &head)?;
        // Within a track the verdicts are ML or staying in it.
        let rows =
            [(bank.verdict("ml").get(view.lang), counts.ml), (bank.verdict(&track.key).get(view.lang), counts.stay)];
        share_rows(w, view, 4, &rows, counts.respondents)?;
        let believed: Vec<String> = myths(bank)
            .iter()
            .map(|(m, _, q)| format!("{} {}", q.topic.get(view.lang), percent(counts.believed[*m], counts.respondents)))
            .collect();
        view.paragraph(w, "    ", 4, &format!("{} {}", msg.believed_label, believed.join(" · ")))?;
    }
    if let Some(line) = super::hidden_line(view, report) {
        view.paragraph(w, "  ", 2, &line)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likert_bars_keep_their_width_and_centre() {
        colored::control::set_override(false);
        for a in [[0, 0, 0, 0, 0], [1, 2, 3, 4, 5], [9, 0, 0, 0, 0], [0, 0, 0, 0, 9], [0, 0, 5, 0, 0]] {
            let bar = likert_bar(a, 8);
            assert_eq!(width(&bar), 17, "{a:?}: {bar:?}");
            assert_eq!(bar.chars().nth(8), Some('│'));
        }
        assert_eq!(likert_bar([0, 0, 0, 0, 4], 4), "    │████");
        assert_eq!(likert_bar([2, 2, 0, 0, 0], 4), "██▓▓│    ");
        assert_eq!(likert_bar([0, 0, 2, 0, 0], 4), "  ░░│░░  ");
    }
}
