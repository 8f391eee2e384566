//! Rendering: turns a bank, answers and a score into text or JSON on any `impl Write`.
//! Nothing here reads input or decides anything; it only draws.

pub mod chart;
pub mod compare;
pub mod json;
pub mod listing;
pub mod report;
pub mod result;

use std::io::{self, Write};

use colored::{ColoredString, Colorize};

use crate::bank::Bank;
use crate::lang::Lang;
use crate::messages::{self, Messages};
use crate::wrap;

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

/// Formats a weight with its sign: `+3`, `-2`, `0`.
pub fn signed(weight: i64) -> String {
    if weight > 0 {
        format!("+{weight}")
    } else {
        weight.to_string()
    }
}
