//! Rendering of `mlcheck report`: the same numbers ([`Report`]) as text, Markdown, JSON,
//! CSV or one HTML page. Counting and the privacy rule happen before, in `aggregate`; this
//! only draws. The helpers here are shared by the formats so they agree on every number.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use crate::base::lang::Lang;
use crate::base::messages::{self, ReportMessages};
use crate::group::aggregate::{Overall, Report};
use crate::group::pairing::percent_of;
use crate::model::bank::{Bank, Question, MYTHS};

use super::{Errors, View};

/// A share as a whole percentage, rounded half up: `24%`.
pub fn percent(count: u64, total: u64) -> String {
    format!("{}%", percent_of(count, total))
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

/// The reality-check questions in bank order: (question index, question). The track
/// question comes first in a validated bank and is left out.
pub fn checks(bank: &Bank) -> Vec<(usize, &Question)> {
    bank.questions.iter().enumerate().skip(1).filter(|(_, q)| !q.is_myth()).collect()
}

/// The myths believed by the most, in bank order (several when they tie), with how many
/// believed each; `None` if no one believed any.
fn most_believed(bank: &Bank, counts: &Overall) -> Option<(Vec<usize>, u64)> {
    let myths = myths(bank);
    let top = myths.iter().map(|&(m, _, _)| counts.believed[m]).max().filter(|&n| n > 0)?;
    let questions = myths.into_iter().filter(|&(m, _, _)| counts.believed[m] == top).map(|(_, q, _)| q).collect();
    Some((questions, top))
}

/// The sentence under the myth chart: the most believed myth, all of them when they tie (so
/// none looks ahead of an equal), or that no one believed any. Plain text; callers escape it.
pub fn most_believed_line(bank: &Bank, lang: Lang, counts: &Overall) -> String {
    let msg = msg(lang);
    let Some((questions, count)) = most_believed(bank, counts) else {
        return msg.none_believed.to_string();
    };
    let topics: Vec<&str> = questions.iter().map(|&q| bank.questions[q].topic.get(lang)).collect();
    let template = if topics.len() == 1 { msg.most_believed } else { msg.most_believed_tied };
    template
        .replace("{topic}", &topics.join(", "))
        .replace("{share}", &percent(count, counts.respondents))
        .replace("{count}", &crate::render::count(count))
        .replace("{n}", &crate::render::count(counts.respondents))
}

/// The key of the pooled hidden tracks in the CSV and of their row in [`verdicts`].
pub const HIDDEN_KEY: &str = "hidden";

/// One verdict line a report shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictRow<'a> {
    /// `ml`, a shown track's key, or [`HIDDEN_KEY`] for the hidden tracks pooled.
    pub key: &'a str,
    /// The verdict in the view's language.
    pub text: String,
    /// How many got it.
    pub count: u64,
}

/// The verdicts shown: `ml`, staying in each shown track (bank order), then staying in
/// any hidden track, pooled in one line, so no hidden track's verdicts can be read off.
pub fn verdicts<'a>(view: &View<'a>, report: &Report) -> Vec<VerdictRow<'a>> {
    let bank = view.bank;
    let tracks = &bank.track().choices;
    let mut rows =
        vec![VerdictRow { key: "ml", text: bank.verdict("ml").get(view.lang).to_string(), count: report.verdicts.ml }];
    for (choice, stay) in tracks.iter().zip(&report.verdicts.stay) {
        if let Some(n) = *stay {
            rows.push(VerdictRow {
                key: &choice.key,
                text: bank.verdict(&choice.key).get(view.lang).to_string(),
                count: n,
            });
        }
    }
    if let Some(n) = report.verdicts.hidden_stay {
        rows.push(VerdictRow { key: HIDDEN_KEY, text: hidden_stay_text(view, report), count: n });
    }
    rows
}

/// "Stay in back-end or mobile" for the hidden tracks pooled; "Stay in their own track"
/// when every track is hidden.
pub fn hidden_stay_text(view: &View, report: &Report) -> String {
    let msg = msg(view.lang);
    if report.by_track.is_empty() {
        return msg.stay_own_track.to_string();
    }
    let names: Vec<String> = report
        .hidden()
        .iter()
        .map(|&t| short_name(view.lang, view.bank.track().choices[t].label.get(view.lang)))
        .collect();
    let tracks = match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{}{last}", rest.join(msg.list_separator), msg.or_separator),
        None => String::new(),
    };
    match view.lang {
        Lang::Ko => msg.stay_in_tracks.replace("{tracks}", &tracks).replace("{object}", object_particle(&tracks)),
        _ => msg.stay_in_tracks.replace("{tracks}", &tracks).replace("{object}", ""),
    }
}

/// A track's label for use inside a sentence: without a trailing note in parentheses
/// ("Back-end (servers and APIs)" is "back-end"); in English a capitalised first word made
/// of lowercase letters and hyphens is lowercased, as in the verdicts.
fn short_name(lang: Lang, label: &str) -> String {
    let name = match label.trim_end().strip_suffix(')').and_then(|s| s.rfind(" (").map(|i| &label[..i])) {
        Some(name) if !name.trim().is_empty() => name.trim(),
        _ => label.trim(),
    };
    let first = name.split(' ').next().unwrap_or("");
    let mut chars = first.chars();
    let plain = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.clone().next().is_some()
        && chars.all(|c| c.is_ascii_lowercase() || c == '-');
    if lang == Lang::En && plain {
        let mut out = name[..1].to_ascii_lowercase();
        out.push_str(&name[1..]);
        out
    } else {
        name.to_string()
    }
}

/// The Korean object particle after `word`: 을 after a closing consonant, 를 after a vowel,
/// 을(를) when the last letter is not Hangul.
fn object_particle(word: &str) -> &'static str {
    match word.chars().last() {
        Some(c @ '가'..='힣') if (c as u32 - 0xAC00) % 28 != 0 => "을",
        Some('가'..='힣') => "를",
        _ => "을(를)",
    }
}

/// The counts of the track question shown: (key, label, count) for each shown track, then
/// the hidden tracks pooled under [`HIDDEN_KEY`], labelled with their names.
pub fn track_rows<'a>(view: &View<'a>, report: &Report) -> Vec<(&'a str, String, u64)> {
    let tracks = &view.bank.track().choices;
    let mut rows: Vec<(&str, String, u64)> = tracks
        .iter()
        .zip(&report.tracks)
        .filter_map(|(c, n)| n.map(|n| (c.key.as_str(), c.label.get(view.lang).to_string(), n)))
        .collect();
    if let Some(n) = report.hidden_respondents {
        let label = msg(view.lang).hidden_label.replace("{tracks}", &hidden_tracks(view, report));
        rows.push((HIDDEN_KEY, label, n));
    }
    rows
}

/// The top line: "241 results", or "241 results, 3 left out", with ": see the errors above"
/// where the `errors` are above.
pub fn results_line(lang: Lang, report: &Report, errors: Errors) -> String {
    let msg = msg(lang);
    let line = match (report.left_out, errors) {
        (0, _) => msg.results,
        (_, Errors::Above) => msg.results_left_out,
        (_, Errors::Elsewhere) => msg.results_left_out_shared,
    };
    line.replace("{n}", &crate::render::count(report.respondents()))
        .replace("{left_out}", &crate::render::count(report.left_out))
}

/// The labels of the hidden tracks, joined for a sentence.
pub fn hidden_tracks(view: &View, report: &Report) -> String {
    let names: Vec<&str> = report.hidden().iter().map(|&t| view.bank.track().choices[t].label.get(view.lang)).collect();
    names.join(msg(view.lang).list_separator)
}

/// The sentence under the breakdown: which tracks are hidden and why; empty when none is.
pub fn hidden_line(view: &View, report: &Report) -> Option<String> {
    let msg = msg(view.lang);
    let n = report.min_group.to_string();
    if report.by_track.is_empty() {
        return Some(msg.no_breakdown.replace("{n}", &n));
    }
    if report.hidden().is_empty() {
        return None;
    }
    Some(msg.hidden.replace("{tracks}", &hidden_tracks(view, report)).replace("{n}", &n))
}

/// The five-point counts of a myth, strongly disagree first.
pub fn agreement(counts: &Overall, question: usize) -> [u64; 5] {
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

    /// Counts over `n` people where `believed[m]` believed myth `m` (in [`MYTHS`] order).
    fn overall(n: u64, believed: [u64; 5]) -> Overall {
        Overall { respondents: n, choices: Vec::new(), believed: believed.to_vec(), scores: Vec::new(), min_score: 0 }
    }

    #[test]
    fn tied_myths_are_all_named_so_none_looks_ahead() {
        let bank = crate::model::builtin_bank();
        let line = |lang, believed| most_believed_line(&bank, lang, &overall(6, believed));
        assert_eq!(line(Lang::En, [1, 3, 2, 0, 0]), "Most believed: Jobs, by 50% (3 of 6).");
        assert_eq!(line(Lang::En, [1, 3, 3, 0, 0]), "Most believed, tied: Jobs, Wages, each by 50% (3 of 6).");
        assert_eq!(
            line(Lang::Ko, [1, 3, 3, 0, 3]),
            "가장 많이 믿는 통념(공동): 취업, 연봉, 재미, 각각 50%(6명 중 3명)"
        );
        assert_eq!(line(Lang::En, [0; 5]), "No one believed any of the five myths.");
    }

    #[test]
    fn track_names_read_inside_a_sentence() {
        assert_eq!(short_name(Lang::En, "Back-end (servers and APIs)"), "back-end");
        assert_eq!(short_name(Lang::En, "Mobile (iOS or Android apps)"), "mobile");
        assert_eq!(short_name(Lang::En, "iOS games"), "iOS games");
        assert_eq!(short_name(Lang::En, "ML"), "ML");
        assert_eq!(short_name(Lang::En, "(odd)"), "(odd)");
        assert_eq!(short_name(Lang::Ko, "모바일 (iOS·안드로이드 앱)"), "모바일");
        assert_eq!(object_particle("백엔드"), "를");
        assert_eq!(object_particle("백엔드 또는 모바일"), "을");
        assert_eq!(object_particle("iOS"), "을(를)");
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
