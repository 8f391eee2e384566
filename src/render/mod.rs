//! Rendering: turns a bank, answers and a score into text, JSON or Markdown on any `impl Write`.
//! Nothing here reads input or decides anything; it only draws.

pub mod chart;
pub mod compare;
pub mod html;
pub mod json;
pub mod listing;
pub mod markdown;
pub mod report;
pub mod result;

use std::io::{self, Write};

use colored::{ColoredString, Colorize};

use crate::base::lang::Lang;
use crate::base::messages::{self, Messages};
use crate::base::wrap;
use crate::model::bank::Bank;
use crate::model::flips::{Change, Flip};
use crate::model::scoring::Score;

/// What every renderer needs: the bank, the language and the width to wrap to.
#[derive(Clone, Copy)]
pub struct View<'a> {
    /// The validated bank.
    pub bank: &'a Bank,
    /// The language of every text.
    pub lang: Lang,
    /// Columns to wrap to.
    pub width: usize,
}

impl<'a> View<'a> {
    /// Interface strings in the view's language.
    pub fn msg(&self) -> &'static Messages {
        messages::get(self.lang)
    }

    /// Writes `text` wrapped to the view's width, each line starting with `indent` spaces,
    /// the first line with `first` instead (same width).
    pub fn paragraph(&self, w: &mut dyn Write, first: &str, indent: usize, text: &str) -> io::Result<()> {
        self.styled(w, first, indent, text, |line| line.normal())
    }

    /// The same, each line dimmed on its own (so a pager that cuts lines keeps the style).
    pub fn paragraph_dimmed(&self, w: &mut dyn Write, first: &str, indent: usize, text: &str) -> io::Result<()> {
        self.styled(w, first, indent, text, |line| line.dimmed())
    }

    fn styled(
        &self,
        w: &mut dyn Write,
        first: &str,
        indent: usize,
        text: &str,
        style: impl Fn(&str) -> ColoredString,
    ) -> io::Result<()> {
        for (i, line) in wrap::wrap(text, self.width.saturating_sub(indent)).into_iter().enumerate() {
            // The first line starts with `first`, padded to the indent; the others with spaces.
            let (lead, pad) = if i == 0 { (first, indent.saturating_sub(wrap::width(first))) } else { ("", indent) };
            writeln!(w, "{lead}{:pad$}{}", "", style(line))?;
        }
        Ok(())
    }
}

/// Whether a rendering is read under the error lines that mlcheck printed on stderr, and so
/// may point at them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errors {
    /// The text format, read in the terminal just after the errors: "see the errors above".
    Above,
    /// A file meant for sharing (Markdown, HTML): the errors stayed in the terminal, so it
    /// only says how many results were left out.
    Elsewhere,
}

/// `text` with `{n}` replaced by [`count`]`(n)` and `{s}` by the English plural's "s" ("1
/// result so far", "2 results so far"); Korean texts have no `{s}`.
pub fn counted(text: &str, n: u64) -> String {
    text.replace("{n}", &count(n)).replace("{s}", if n == 1 { "" } else { "s" })
}

/// A count for people: digits grouped by threes with commas from 1,000 on (`50,000`), as
/// Korean writes them too. Text, Markdown and HTML use it; JSON and CSV keep plain numbers.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// Turns colour off for the rest of the run, whatever `--color` said: Markdown, JSON, CSV and
/// HTML are pasted or saved elsewhere and must carry no terminal escapes, and they reuse the
/// text charts.
pub fn plain_only() {
    colored::control::set_override(false);
}

/// Formats a weight with its sign: `+3`, `-2`, `0`.
pub fn signed(weight: i64) -> String {
    if weight > 0 {
        format!("+{weight}")
    } else {
        weight.to_string()
    }
}

/// "What decided it" when no single answer did: the score against the threshold.
pub fn reasons_short(view: &View, score: &Score) -> String {
    let msg = view.msg();
    msg.reasons_short.replace("{score}", &signed(score.total)).replace("{threshold}", &score.threshold.to_string())
}

/// How far the score is from the threshold, as a sentence.
pub fn margin_line(view: &View, score: &Score) -> String {
    let msg = view.msg();
    let margin = score.margin();
    let template = match margin {
        0 => msg.margin_at,
        m if m > 0 => msg.margin_above,
        _ => msg.margin_below,
    };
    template
        .replace("{score}", &signed(score.total))
        .replace("{threshold}", &score.threshold.to_string())
        .replace("{margin}", &margin.abs().to_string())
}

/// The sentence before the flips, for flips of `n` changes.
pub fn flips_intro(view: &View, n: usize) -> String {
    let msg = view.msg();
    if n == 1 {
        msg.flips_one.to_string()
    } else {
        msg.flips_many.replace("{n}", &n.to_string())
    }
}

/// One change as a condition: "Topic: new label (you answered: old label)". `text` turns a
/// bank text into what the format needs (Markdown escapes it).
pub fn change_text(view: &View, change: &Change, text: impl Fn(&str) -> String) -> String {
    let lang = view.lang;
    let q = &view.bank.questions[change.question];
    let answered = view.msg().you_answered.replace("{label}", &text(q.choices[change.from].label.get(lang)));
    format!("{}: {} ({answered})", text(q.topic.get(lang)), text(q.choices[change.to].label.get(lang)))
}

/// The verdict the score after `flip` would give.
pub fn verdict_after<'a>(view: &View<'a>, score: &Score, flip: &Flip) -> &'a str {
    let key = if flip.score >= score.threshold { "ml" } else { score.track.as_str() };
    view.bank.verdict(key).get(view.lang)
}

/// Another flip of several changes, told by how it differs from the first one shown: "Or
/// with Fun: Strongly disagree instead of Enjoy my work: No, not really." Repeating every
/// shared change would bury the difference.
pub fn flip_variant(view: &View, first: &Flip, other: &Flip, text: impl Fn(&str) -> String) -> String {
    let lang = view.lang;
    let msg = view.msg();
    let describe = |changes: Vec<&Change>| -> String {
        let parts: Vec<String> = changes
            .iter()
            .map(|c| {
                let q = &view.bank.questions[c.question];
                format!("{}: {}", text(q.topic.get(lang)), text(q.choices[c.to].label.get(lang)))
            })
            .collect();
        parts.join(&format!(" {} ", msg.flips_and))
    };
    let added = other.changes.iter().filter(|c| !first.changes.contains(c)).collect();
    let dropped = first.changes.iter().filter(|c| !other.changes.contains(c)).collect();
    msg.flips_instead.replace("{added}", &describe(added)).replace("{dropped}", &describe(dropped))
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_are_grouped_by_threes_from_a_thousand() {
        let cases = [(0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (50_000, "50,000"), (123_456, "123,456")];
        for (n, text) in cases {
            assert_eq!(count(n), text);
        }
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(count(u64::MAX), "18,446,744,073,709,551,615");
    }
}
