//! Rendering of `mlcheck report`: the same numbers ([`Report`]) as text, Markdown, JSON,
//! CSV or one HTML page. Counting and the privacy rule happen before, in `aggregate`; this
//! only draws. The helpers here are shared by the formats so they agree on every number.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use crate::aggregate::{Counts, Report};
use crate::bank::{Bank, Question, MYTHS};
use crate::lang::Lang;
use crate::messages::{self, ReportMessages};

use super::View;

/// A share as a whole percentage, rounded half up: `24%`.
pub fn percent(count: u64, total: u64) -> String {
    if total == 0 {
        return "0%".to_string();
    }
    format!("{}%", (count * 200 + total) / (total * 2))
}

/// A share as a decimal fraction with four places, for CSV.
pub fn fraction(count: u64, total: u64) -> String {
    if total == 0 {
        return "0".to_string();
    }
    let ten_thousandths = (count * 20_000 + total) / (total * 2);
    format!("{}.{:04}", ten_thousandths / 10_000, ten_thousandths % 10_000)
}

/// A share as a JSON number, rounded to four places.
pub fn share(count: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        ((count as f64 / total as f64) * 10_000.0).round() / 10_000.0
    }
}

/// A mean or median for people: at most one decimal, no `.0`.
pub fn decimal(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{:.1}", tenths as f64 / 10.0)
    }
}

/// The strings of the report in the view's language.
pub fn msg(lang: Lang) -> &'static ReportMessages {
    messages::report(lang)
}

/// The five myths in bank order: (index into [`MYTHS`] and [`Counts::believed`], question).
pub fn myths(bank: &Bank) -> Vec<(usize, usize, &Question)> {
    bank.questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.is_myth())
        .map(|(i, q)| (MYTHS.iter().position(|&m| m == q.id).expect("validated: a myth id"), i, q))
        .collect()
}

/// The myth believed by the most (the first in bank order among equals), if anyone believed one.
pub fn most_believed(bank: &Bank, counts: &Counts) -> Option<(usize, usize)> {
    myths(bank).into_iter().map(|(m, q, _)| (m, q)).filter(|&(m, _)| counts.believed[m] > 0).fold(
        None,
        |best: Option<(usize, usize)>, (m, q)| match best {
            Some((b, _)) if counts.believed[b] >= counts.believed[m] => best,
            _ => Some((m, q)),
        },
    )
}

/// The verdicts as (key, text, count): `ml`, then staying in each track, in bank order.
pub fn verdicts<'a>(view: &View<'a>, counts: &Counts) -> Vec<(&'a str, &'a str, u64)> {
    let bank = view.bank;
    std::iter::once("ml")
        .chain(bank.track().choices.iter().map(|c| c.key.as_str()))
        .zip(&counts.verdicts)
        .map(|(key, &n)| (key, bank.verdict(key).get(view.lang), n))
        .collect()
}

/// The top line: "241 results" or "241 results, 3 left out: see the errors above".
pub fn results_line(lang: Lang, report: &Report) -> String {
    let msg = msg(lang);
    let line = if report.left_out == 0 { msg.results } else { msg.results_left_out };
    line.replace("{n}", &report.respondents().to_string()).replace("{left_out}", &report.left_out.to_string())
}

/// The labels of the hidden tracks, joined for a sentence.
pub fn hidden_tracks(view: &View, report: &Report) -> String {
    let names: Vec<&str> =
        report.breakdown.hidden.iter().map(|&t| view.bank.track().choices[t].label.get(view.lang)).collect();
    names.join(msg(view.lang).list_separator)
}

/// The sentence under the breakdown: which tracks are hidden and why; empty when none is.
pub fn hidden_line(view: &View, report: &Report) -> Option<String> {
    let msg = msg(view.lang);
    let n = report.min_group.to_string();
    if report.breakdown.shown.is_empty() {
        return Some(msg.no_breakdown.replace("{n}", &n));
    }
    if report.breakdown.hidden.is_empty() {
        return None;
    }
    Some(msg.hidden.replace("{tracks}", &hidden_tracks(view, report)).replace("{n}", &n))
}

/// The five-point counts of a myth, strongly disagree first.
pub fn agreement(counts: &Counts, question: usize) -> [u64; 5] {
    let c = &counts.choices[question];
    [c[0], c[1], c[2], c[3], c[4]]
}

/// The cells of a diverging stacked bar, `half` cells a side, from the centre outward:
/// `(left, right)` with left = [neutral half, disagree, strongly disagree] and right =
/// [neutral half, agree, strongly agree], each in cells. Cumulative rounding keeps every
/// side's total the rounded sum of its shares.
pub fn diverging_cells(a: [u64; 5], half: usize) -> ([usize; 3], [usize; 3]) {
    let total: u64 = a.iter().sum();
    if total == 0 {
        return ([0; 3], [0; 3]);
    }
    // Work in halves of a count so the neutral answers split evenly.
    let side = |parts: [u64; 3]| {
        let mut out = [0usize; 3];
        let (mut acc, mut drawn) = (0u64, 0usize);
        for (o, p) in out.iter_mut().zip(parts) {
            acc += p;
            let upto = ((acc * half as u64 * 2 + total * 2) / (total * 4)) as usize;
            *o = upto - drawn;
            drawn = upto;
        }
        out
    };
    (side([a[2], a[1] * 2, a[0] * 2]), side([a[2], a[3] * 2, a[4] * 2]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_half_up() {
        assert_eq!(percent(1, 8), "13%");
        assert_eq!(percent(1, 3), "33%");
        assert_eq!(percent(0, 0), "0%");
        assert_eq!(fraction(1, 3), "0.3333");
        assert_eq!(fraction(3, 3), "1.0000");
        assert_eq!(share(2, 3), 0.6667);
        assert_eq!(decimal(3.25), "3.3");
        assert_eq!(decimal(-2.0), "-2");
    }

    #[test]
    fn diverging_bars_split_neutral_and_fill_each_side() {
        // Everyone neutral: half a bar each side.
        assert_eq!(diverging_cells([0, 0, 4, 0, 0], 10), ([5, 0, 0], [5, 0, 0]));
        // Everyone strongly agrees: the right side full, nothing left.
        assert_eq!(diverging_cells([0, 0, 0, 0, 7], 10), ([0, 0, 0], [0, 0, 10]));
        for a in [[1, 2, 3, 4, 5], [9, 0, 1, 0, 0], [3, 3, 3, 3, 3], [0, 1, 0, 0, 0]] {
            let (l, r) = diverging_cells(a, 8);
            assert!(l.iter().sum::<usize>() <= 8 && r.iter().sum::<usize>() <= 8);
            // Both sides together stand for everyone: one half's width, give or take rounding.
            let total: usize = l.iter().chain(&r).sum();
            assert!((7..=9).contains(&total), "{a:?}: {l:?} {r:?}");
        }
    }
}
