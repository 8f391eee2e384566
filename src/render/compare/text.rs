//! The comparison as text for a terminal. Each share is an arrow on one 0–100% axis, from
//! `○` (before) to `▶` or `◀` (after), so the direction shows at a glance; the glyphs and the
//! numbers carry the meaning, colour only repeats it. Widths are display widths, so Korean
//! aligns; every line fits the view's width (30 columns and up).

use std::io::{self, Write};

use colored::{ColoredString, Colorize};

use super::{
    change_text, movers_line, msg, p_phrase, paired_hidden, reading_text, summary_line, unpaired_note, verdict_rows,
};
use crate::base::wrap::{pad, width};
use crate::group::pairing::{percent_of, points, Comparison};
use crate::render::report::{checks, hidden_line, percent};
use crate::render::{count, Errors, View};

/// Narrowest arrow track beside its label, in cells.
const MIN_TRACK: usize = 12;
/// Narrowest arrow track on a line of its own, in cells.
const MIN_TRACK_ALONE: usize = 8;
/// Widest arrow track, in cells.
const MAX_TRACK: usize = 40;
/// The track before its markers.
const BASE: char = '─';
/// The track between before and after.
const MOVED: char = '━';
/// Where the share was before.
const BEFORE: char = '○';
/// Where it is after, when it did not move.
const SAME: char = '●';

/// Writes the whole comparison.
pub fn compare(w: &mut dyn Write, view: &View, c: &Comparison) -> io::Result<()> {
    let msg = msg(view.lang);
    writeln!(w, "{}", msg.heading.bold())?;
    view.paragraph(w, "", 0, &summary_line(view.lang, c, Errors::Above))?;
    if let Some(note) = unpaired_note(view.lang, c) {
        view.paragraph(w, "", 0, &note)?;
    }
    writeln!(w)?;
    verdicts(w, view, c)?;
    writeln!(w)?;
    myth_chart(w, view, c)?;
    writeln!(w)?;
    check_charts(w, view, c)?;
    writeln!(w)?;
    paired(w, view, c)?;
    writeln!(w)?;
    view.paragraph_dimmed(w, "", 0, view.bank.disclaimer.get(view.lang))
}

/// How an arrow is coloured.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tone {
    /// A myth's share: fewer believing it is the way the article argues (green), more is yellow.
    Myth,
    /// Any other share: no way is better.
    Plain,
}

/// One arrow: `cells` cells for 0% to 100%, `○` at the share before, `▶` or `◀` at the share
/// after (`●` when the two are equal), `━` between.
fn arrow(before: i64, after: i64, cells: usize, tone: Tone) -> String {
    let at = |p: i64| ((p.clamp(0, 100) as usize * (cells - 1) + 50) / 100).min(cells - 1);
    let (b, a) = (at(before), at(after));
    let head = match after.cmp(&before) {
        std::cmp::Ordering::Greater => '▶',
        std::cmp::Ordering::Less => '◀',
        std::cmp::Ordering::Equal => SAME,
    };
    let (lo, hi) = (b.min(a), b.max(a));
    let middle: String = (lo..=hi)
        .map(|i| {
            if i == a {
                head
            } else if i == b {
                BEFORE
            } else {
                MOVED
            }
        })
        .collect();
    let style = |s: &str| -> ColoredString {
        match (tone, after.cmp(&before)) {
            (_, std::cmp::Ordering::Equal) => s.normal(),
            (Tone::Myth, std::cmp::Ordering::Less) => s.green(),
            (Tone::Myth, std::cmp::Ordering::Greater) => s.yellow(),
            (Tone::Plain, _) => s.cyan(),
        }
    };
    let left: String = std::iter::repeat_n(BASE, lo).collect();
    let right: String = std::iter::repeat_n(BASE, cells - 1 - hi).collect();
    format!("{}{}{}", left.dimmed(), style(&middle), right.dimmed())
}

/// One row of an arrow chart: a label and two shares.
struct Row<'a> {
    label: &'a str,
    before: (u64, u64),
    after: (u64, u64),
}

/// Where the parts of an arrow chart go, decided once for all its rows so they line up.
struct Layout {
    /// Columns before a row's label.
    indent: usize,
    /// The label column's width, when labels sit beside their arrows.
    label_w: usize,
    /// Whether labels sit beside their arrows (else above).
    inline: bool,
    /// Columns before the arrow.
    lead: usize,
    /// The arrow's width.
    cells: usize,
    /// Whether the numbers follow the arrow on its line (else on the next).
    tail_beside: bool,
    /// The change column's width.
    change_w: usize,
}

impl Layout {
    fn new(view: &View, indent: usize, label_w: usize, change_w: usize) -> Layout {
        let tail_w = 4 + 3 + 4 + 2 + change_w;
        let beside = view.width.saturating_sub(indent + label_w + 1 + 1 + tail_w);
        if beside >= MIN_TRACK {
            let lead = indent + label_w + 1;
            return Layout {
                indent,
                label_w,
                inline: true,
                lead,
                cells: beside.min(MAX_TRACK),
                tail_beside: true,
                change_w,
            };
        }
        let lead = indent + 2;
        let beside = view.width.saturating_sub(lead + 1 + tail_w);
        let (cells, tail_beside) = if beside >= MIN_TRACK {
            (beside.min(MAX_TRACK), true)
        } else {
            (view.width.saturating_sub(lead).clamp(MIN_TRACK_ALONE, MAX_TRACK), false)
        };
        Layout { indent, label_w, inline: false, lead, cells, tail_beside, change_w }
    }

    /// The axis over the arrows: `0%`, `50%` and `100%` where they fall.
    fn axis(&self, w: &mut dyn Write) -> io::Result<()> {
        let mut line: Vec<char> = vec![' '; self.cells];
        let mut put = |text: &str, start: usize| {
            for (i, ch) in text.chars().enumerate() {
                if let Some(cell) = line.get_mut(start + i) {
                    *cell = ch;
                }
            }
        };
        put("0%", 0);
        put("100%", self.cells - 4);
        let mid = (self.cells - 1) / 2;
        if self.cells >= 16 {
            put("50%", mid - 1);
        }
        let line: String = line.into_iter().collect();
        writeln!(w, "{}{}", " ".repeat(self.lead), line.trim_end().dimmed())
    }

    fn row(&self, w: &mut dyn Write, view: &View, row: &Row, tone: Tone) -> io::Result<()> {
        let (before, after) = (percent_of(row.before.0, row.before.1), percent_of(row.after.0, row.after.1));
        let change = change_text(view.lang, points(row.before.0, row.before.1, row.after.0, row.after.1));
        let tail = format!(
            "{:>4} → {:>4}  {}",
            percent(row.before.0, row.before.1),
            percent(row.after.0, row.after.1),
            pad_left(&change, self.change_w)
        );
        let arrow = arrow(before, after, self.cells, tone);
        let indent = " ".repeat(self.indent);
        if self.inline {
            writeln!(w, "{indent}{} {arrow} {tail}", pad(row.label, self.label_w))
        } else {
            view.paragraph(w, &indent, self.indent, row.label)?;
            let lead = " ".repeat(self.lead);
            if self.tail_beside {
                writeln!(w, "{lead}{arrow} {tail}")
            } else {
                writeln!(w, "{lead}{arrow}")?;
                writeln!(w, "{lead}{tail}")
            }
        }
    }
}

/// `text` right-aligned in `cells` display columns.
fn pad_left(text: &str, cells: usize) -> String {
    format!("{}{text}", " ".repeat(cells.saturating_sub(width(text))))
}

/// The widest change text among `rows`.
fn change_width(view: &View, rows: &[Row]) -> usize {
    rows.iter()
        .map(|r| width(&change_text(view.lang, points(r.before.0, r.before.1, r.after.0, r.after.1))))
        .max()
        .unwrap_or(0)
}

/// The verdicts: counts and shares before and after, and the change.
fn verdicts(w: &mut dyn Write, view: &View, c: &Comparison) -> io::Result<()> {
    let msg = msg(view.lang);
    writeln!(w, "{}", crate::render::report::msg(view.lang).verdicts_heading.bold())?;
    let (b, a) = c.counts();
    let rows = verdict_rows(view, c);
    let count_w = [b.respondents, a.respondents].iter().map(|&n| count(n).len()).max().unwrap_or(1);
    let changes: Vec<String> = rows
        .iter()
        .map(|(_, v)| change_text(view.lang, points(v.before, b.respondents, v.after, a.respondents)))
        .collect();
    // A column: `count share`, or its heading, whichever is wider.
    let side_w = (count_w + 1 + 4).max(width(msg.col_before)).max(width(msg.col_after));
    let change_w = changes.iter().map(|s| width(s)).max().unwrap_or(0).max(width(msg.col_change));
    let numbers_w = side_w + 2 + side_w + 2 + change_w;
    let label_w = rows.iter().map(|(t, _)| width(t)).max().unwrap_or(0);
    let inline = 2 + label_w + 2 + numbers_w <= view.width;
    let lead = if inline { 2 + label_w + 2 } else { 4 };
    writeln!(
        w,
        "{}{}  {}  {}",
        " ".repeat(lead),
        pad_left(msg.col_before, side_w).dimmed(),
        pad_left(msg.col_after, side_w).dimmed(),
        pad_left(msg.col_change, change_w).dimmed()
    )?;
    for ((text, v), change) in rows.iter().zip(&changes) {
        let side = |n: u64, total: u64| pad_left(&format!("{:>count_w$} {:>4}", count(n), percent(n, total)), side_w);
        let numbers = format!(
            "{}  {}  {}",
            side(v.before, b.respondents),
            side(v.after, a.respondents),
            pad_left(change, change_w)
        );
        if inline {
            writeln!(w, "  {}  {numbers}", pad(text, label_w))?;
        } else {
            view.paragraph(w, "  ", 2, text)?;
            writeln!(w, "    {numbers}")?;
        }
    }
    // Which tracks are pooled and why, as `report` says it.
    match hidden_line(view, &c.before) {
        Some(line) => view.paragraph_dimmed(w, "  ", 2, &line),
        None => Ok(()),
    }
}

/// The share who believe each myth, before and after, as arrows on one axis.
pub(super) fn myth_chart(w: &mut dyn Write, view: &View, c: &Comparison) -> io::Result<()> {
    let msg = msg(view.lang);
    writeln!(w, "{}", msg.myths_heading.bold())?;
    let (b, a) = c.counts();
    let rows: Vec<Row> = c
        .myths
        .iter()
        .map(|m| Row {
            label: view.bank.questions[m.question].topic.get(view.lang),
            before: (m.believed.before, b.respondents),
            after: (m.believed.after, a.respondents),
        })
        .collect();
    let label_w = rows.iter().map(|r| width(r.label)).max().unwrap_or(0);
    let layout = Layout::new(view, 2, label_w, change_width(view, &rows));
    layout.axis(w)?;
    for row in &rows {
        layout.row(w, view, row, Tone::Myth)?;
    }
    view.paragraph_dimmed(w, "  ", 2, msg.legend)
}

/// How the answers to each reality check split, before and after.
pub(super) fn check_charts(w: &mut dyn Write, view: &View, c: &Comparison) -> io::Result<()> {
    writeln!(w, "{}", view.msg().checks_heading.bold())?;
    let (b, a) = c.counts();
    let groups: Vec<(&str, Vec<Row>)> = checks(view.bank)
        .into_iter()
        .map(|(i, q)| {
            let rows = q
                .choices
                .iter()
                .zip(c.choices(i))
                .map(|(choice, ch)| Row {
                    label: choice.label.get(view.lang),
                    before: (ch.before, b.respondents),
                    after: (ch.after, a.respondents),
                })
                .collect();
            (q.topic.get(view.lang), rows)
        })
        .collect();
    let all = || groups.iter().flat_map(|(_, rows)| rows);
    let label_w = all().map(|r| width(r.label)).max().unwrap_or(0);
    let change_w = groups.iter().map(|(_, rows)| change_width(view, rows)).max().unwrap_or(0);
    let layout = Layout::new(view, 4, label_w, change_w);
    layout.axis(w)?;
    for (topic, rows) in &groups {
        writeln!(w, "  {}", topic.bold())?;
        for row in rows {
            layout.row(w, view, row, Tone::Plain)?;
        }
    }
    Ok(())
}

/// How the paired people moved on each myth, with the sign test in plain words; or why
/// that isn't shown.
fn paired(w: &mut dyn Write, view: &View, c: &Comparison) -> io::Result<()> {
    let msg = msg(view.lang);
    writeln!(w, "{}", msg.paired_heading.bold())?;
    if let Some(why) = paired_hidden(view, c) {
        return view.paragraph(w, "  ", 2, &why);
    }
    view.paragraph_dimmed(w, "  ", 2, &msg.paired_intro.replace("{n}", &count(c.paired)))?;
    for m in &c.myths {
        let Some(movers) = m.movers else { continue };
        writeln!(w, "  {}", view.bank.questions[m.question].topic.get(view.lang).bold())?;
        view.paragraph(w, "    ", 4, &movers_line(view.lang, &movers))?;
        let reading = format!("{}: {}", p_phrase(movers.p_value()), reading_text(view.lang, &movers));
        view.paragraph(w, "    ", 4, &reading)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_point_the_way_the_share_moved() {
        colored::control::set_override(false);
        assert_eq!(arrow(0, 100, 11, Tone::Plain), "○━━━━━━━━━▶");
        assert_eq!(arrow(100, 0, 11, Tone::Plain), "◀━━━━━━━━━○");
        assert_eq!(arrow(40, 60, 11, Tone::Myth), "────○━▶────");
        assert_eq!(arrow(50, 50, 11, Tone::Myth), "─────●─────");
        // Too close to part on the track: the head still shows the way.
        assert_eq!(arrow(50, 52, 11, Tone::Myth), "─────▶─────");
        assert_eq!(arrow(50, 48, 11, Tone::Myth), "─────◀─────");
        for (b, a) in [(0, 0), (3, 97), (100, 100), (33, 34)] {
            for cells in [8, 12, 40] {
                assert_eq!(width(&arrow(b, a, cells, Tone::Myth)), cells);
            }
        }
    }
}
