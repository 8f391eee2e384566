//! The result chart: a gauge of the score against the threshold, and one diverging bar
//! per myth and per myth's reality checks, drawn with Unicode block elements. Shape and
//! labels carry the meaning; colour only repeats it. Widths are display widths, so Korean
//! labels align.

use std::io::{self, Write};

use colored::Colorize;

use super::{signed, View};
use crate::base::wrap::{pad, width};
use crate::model::scoring::Score;

/// Eighth blocks growing from the left, index = eighths filled.
pub(super) const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
pub(super) const FULL: char = '█';
const EMPTY: char = '░';
const MARK: char = '┃';
/// Widest bar half, in cells.
const MAX_HALF: usize = 10;
/// Narrowest gauge, in cells.
const MIN_GAUGE: usize = 8;
/// Widest gauge, in cells.
const MAX_GAUGE: usize = 40;

/// `cells` cells filled to `eighths` eighths, growing rightward, padded with `pad_with`.
pub(super) fn bar_right(eighths: usize, cells: usize, pad_with: char) -> String {
    let eighths = eighths.min(cells * 8);
    let mut s: String = std::iter::repeat_n(FULL, eighths / 8).collect();
    s.push_str(EIGHTHS[eighths % 8]);
    let used = eighths / 8 + usize::from(eighths % 8 > 0);
    s.extend(std::iter::repeat_n(pad_with, cells - used));
    s
}

/// `cells` cells filled to `halves` half-cells, growing leftward from the right edge.
fn bar_left(halves: usize, cells: usize) -> String {
    let halves = halves.min(cells * 2);
    let used = halves / 2 + halves % 2;
    let mut s: String = std::iter::repeat_n(' ', cells - used).collect();
    if halves % 2 == 1 {
        s.push('▐');
    }
    s.extend(std::iter::repeat_n(FULL, halves / 2));
    s
}

/// One diverging bar: stay to the left of the axis, ML to the right.
fn diverging(value: i64, scale: i64, half: usize) -> (String, String) {
    let portion = |units: usize| (value.unsigned_abs() as usize * units + scale as usize / 2) / scale as usize;
    if value < 0 {
        (bar_left(portion(half * 2), half), " ".repeat(half))
    } else {
        (" ".repeat(half), bar_right(portion(half * 8), half, ' '))
    }
}

/// Writes the gauge line: the score's place between the lowest and highest possible
/// scores, with the threshold marked.
pub fn gauge(w: &mut dyn Write, view: &View, score: &Score) -> io::Result<()> {
    let msg = view.msg();
    let label = msg.score;
    let value = signed(score.total);
    let cells = view.width.saturating_sub(width(label) + 2 + 2 + value.len()).clamp(MIN_GAUGE, MAX_GAUGE);
    let (lo, hi) = score.range;
    let span = (hi - lo).max(1) as usize;
    let filled = ((score.total - lo) as usize * cells * 8 + span / 2) / span;
    let mark = (((score.threshold - lo) as usize * cells) / span).min(cells - 1);
    let mut bar: Vec<char> = bar_right(filled, cells, EMPTY).chars().collect();
    bar[mark] = MARK;
    let bar: String = bar.into_iter().collect();
    let bar = if score.total >= score.threshold { bar.green() } else { bar.yellow() };
    writeln!(w, "{}  {bar}  {}", label.bold(), value.bold())?;
    scale_ends(w, view, width(label) + 2, cells, score.range, score.threshold, mark)
}

/// The two lines under a score scale `cells` wide that starts at column `indent`: the lowest
/// and highest scores at its ends, then "ML from {threshold}" beside a mark under the scale's
/// column `mark`. The gauge and the report's histogram share them.
pub(super) fn scale_ends(
    w: &mut dyn Write,
    view: &View,
    indent: usize,
    cells: usize,
    (lo, hi): (i64, i64),
    threshold: i64,
    mark: usize,
) -> io::Result<()> {
    let note = view.msg().ml_from.replace("{threshold}", &threshold.to_string());
    let left = lo.to_string();
    let right = hi.to_string();
    let gap = cells.saturating_sub(left.len() + right.len());
    writeln!(w, "{}{}{}{}", " ".repeat(indent), left.dimmed(), " ".repeat(gap), right.dimmed())?;
    // The note sits right of the marker, or left of it when it would run past the width.
    if indent + mark + 2 + width(&note) <= view.width {
        writeln!(w, "{}{} {}", " ".repeat(indent + mark), MARK, note.dimmed())
    } else {
        let start = (indent + mark).saturating_sub(width(&note) + 1);
        writeln!(w, "{}{} {}", " ".repeat(start), note.dimmed(), MARK)
    }
}

/// The largest push any row of the per-myth chart could have, either way: its bars are drawn
/// against it, so full length means as far as a row can go (the web page's chart too).
pub fn myth_scale(score: &Score) -> i64 {
    score
        .myths
        .iter()
        .flat_map(|m| [m.myth_range.0, m.myth_range.1, m.checks_range.0, m.checks_range.1])
        .map(i64::abs)
        .max()
        .unwrap_or(1)
        .max(1)
}

/// Writes the per-myth chart.
pub fn myths(w: &mut dyn Write, view: &View, score: &Score) -> io::Result<()> {
    let msg = view.msg();
    let bank = view.bank;
    let topics: Vec<&str> = score.myths.iter().map(|m| bank.questions[m.question].topic.get(view.lang)).collect();
    let topic_w = topics.iter().map(|t| width(t)).max().unwrap_or(0);
    let kind_w = width(msg.myth_row).max(width(msg.checks_row));
    let scale = myth_scale(score);
    // One line a row when the label fits beside a bar of at least 8 cells a side; else the
    // topic goes on its own line.
    let value_w = score
        .myths
        .iter()
        .flat_map(|m| [m.myth_weight, m.checks_weight])
        .map(|v| signed(v).len())
        .max()
        .unwrap_or(1)
        .max(2)
        + 1;
    let fixed = 2 + kind_w + 1 + 1 + 1 + value_w;
    let inline = view.width >= fixed + topic_w + 1 + 2 * 8;
    let lead = if inline { 2 + topic_w + 1 } else { 4 };
    let half = ((view.width.saturating_sub(lead + kind_w + 1 + 1 + 1 + value_w)) / 2).clamp(1, MAX_HALF);

    writeln!(w, "{}", msg.chart_heading.bold())?;
    // The axis label ends right at the axis, borrowing the kind column when it is wider than a half.
    let axis = lead + kind_w + 1 + half;
    let indent = " ".repeat(axis.saturating_sub(width(msg.toward_stay)));
    writeln!(w, "{indent}{}│ {}", msg.toward_stay.dimmed(), msg.toward_ml.dimmed())?;
    for (m, topic) in score.myths.iter().zip(&topics) {
        if !inline {
            writeln!(w, "  {}", topic.bold())?;
        }
        for (row, (kind, value)) in
            [(msg.myth_row, m.myth_weight), (msg.checks_row, m.checks_weight)].into_iter().enumerate()
        {
            let head = if inline {
                let t = if row == 0 { pad(topic, topic_w) } else { " ".repeat(topic_w) };
                format!("  {t} ")
            } else {
                "    ".to_string()
            };
            let (left, right) = diverging(value, scale, half);
            writeln!(
                w,
                "{head}{} {}│{} {:>value_w$}",
                pad(kind, kind_w).dimmed(),
                left.yellow(),
                right.green(),
                signed(value)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_by_eighths_and_halves() {
        assert_eq!(bar_right(0, 3, '░'), "░░░");
        assert_eq!(bar_right(12, 3, '░'), "█▌░");
        assert_eq!(bar_right(24, 3, '░'), "███");
        assert_eq!(bar_left(3, 3), " ▐█");
        assert_eq!(bar_left(6, 3), "███");
    }

    #[test]
    fn diverging_bars_keep_their_width() {
        for v in -6..=6 {
            let (l, r) = diverging(v, 6, 5);
            assert_eq!(width(&l), 5, "{v}");
            assert_eq!(width(&r), 5, "{v}");
        }
        assert_eq!(diverging(6, 6, 5).1, "█████");
        assert_eq!(diverging(-6, 6, 5).0, "█████");
    }
}
