//! Rendering of `mlcheck compare`: the same numbers ([`Comparison`]) as text, Markdown, JSON
//! or one HTML page. Pairing, counting and the privacy rules happen before, in `compare` and
//! `aggregate`; this only draws. The helpers here are shared so the formats agree.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use crate::base::lang::Lang;
use crate::base::messages::{self, CompareMessages};
use crate::group::pairing::{Change, Comparison, Movers, Verdict};
use crate::group::stats::Reading;
use crate::render::report::hidden_stay_text;
use crate::render::{count, Errors, View};

/// The strings of the comparison in `lang`.
pub fn msg(lang: Lang) -> &'static CompareMessages {
    messages::compare(lang)
}

/// The top line: each side's size (and what was left out), and the number of pairs; with a
/// pointer to the errors where the `errors` are above.
pub fn summary_line(lang: Lang, c: &Comparison, errors: Errors) -> String {
    let msg = msg(lang);
    let side = |report: &crate::group::aggregate::Report, plain: &str, left: &str| {
        let text = if report.left_out == 0 { plain } else { left };
        text.replace("{n}", &count(report.respondents())).replace("{left_out}", &count(report.left_out))
    };
    let mut line = [
        side(&c.before, msg.before_results, msg.before_left_out),
        side(&c.after, msg.after_results, msg.after_left_out),
        msg.paired.replace("{n}", &count(c.paired)),
    ]
    .join(" · ");
    if errors == Errors::Above && c.before.left_out + c.after.left_out > 0 {
        line.push(' ');
        line.push_str(msg.see_errors);
    }
    line
}

/// Why the results without a partner were left out of a side, or `None` when none were.
pub fn unpaired_note(lang: Lang, c: &Comparison) -> Option<String> {
    let msg = msg(lang);
    let [before, after] = c.unpaired_left_out;
    let mut list = Vec::new();
    if before > 0 {
        list.push(msg.unpaired_before.replace("{n}", &count(before)));
    }
    if after > 0 {
        list.push(msg.unpaired_after.replace("{n}", &count(after)));
    }
    (!list.is_empty()).then(|| {
        msg.unpaired_left_out
            .replace("{list}", &list.join(msg.unpaired_and))
            .replace("{min}", &c.min_group().to_string())
    })
}

/// A change in whole percentage points, signed: `+25 pp`, `-3 pp`, `0 pp` (`+25%p` in Korean).
pub fn change_text(lang: Lang, points: i64) -> String {
    let sign = if points > 0 { "+" } else { "" };
    format!("{sign}{points}{}", msg(lang).points)
}

/// A p-value for people: four decimals without trailing zeros (`0.0215`, `0.5`, `1`), and
/// `< 0.0001` below that.
pub fn p_text(p: f64) -> String {
    if p < 0.0001 {
        return "< 0.0001".to_string();
    }
    // Rounded half up first: 0.03125 reads 0.0313, as people round.
    let fixed = format!("{:.4}", (p * 10_000.0).round() / 10_000.0);
    fixed.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A p-value in a sentence: `p = 0.0215`, or `p < 0.0001`.
pub fn p_phrase(p: f64) -> String {
    let text = p_text(p);
    if text.starts_with('<') {
        format!("p {text}")
    } else {
        format!("p = {text}")
    }
}

/// What a sign test's result means, in plain words.
pub fn reading_text(lang: Lang, movers: &Movers) -> &'static str {
    let msg = msg(lang);
    match movers.reading() {
        Reading::NobodyMoved => msg.nobody_moved,
        Reading::TooFew => msg.too_few,
        Reading::Chance => msg.chance,
        Reading::Unlikely => msg.unlikely,
    }
}

/// The paired people's movement in one line: "1 toward agreeing · 9 toward disagreeing · 8 the same".
pub fn movers_line(lang: Lang, m: &Movers) -> String {
    msg(lang)
        .movers_line
        .replace("{agree}", &count(m.toward_agree))
        .replace("{disagree}", &count(m.toward_disagree))
        .replace("{same}", &count(m.same))
}

/// Why the paired section is hidden (with how pairing works), or `None` when it is shown.
pub fn paired_hidden(view: &View, c: &Comparison) -> Option<String> {
    if c.paired_shown() {
        return None;
    }
    let msg = msg(view.lang);
    let why = if c.paired == 0 {
        msg.paired_none.to_string()
    } else {
        msg.paired_hidden.replace("{n}", &count(c.paired)).replace("{min}", &c.min_group().to_string())
    };
    Some(format!("{why} {}", msg.pairing_rule))
}

/// The verdict rows shown, with their texts: `ml`, staying in each shown track, then staying
/// in any hidden track, pooled and worded as `report` words it.
pub fn verdict_rows(view: &View, c: &Comparison) -> Vec<(String, Change)> {
    let bank = view.bank;
    c.verdicts()
        .into_iter()
        .map(|(verdict, change)| {
            let text = match verdict {
                Verdict::Ml => bank.verdict("ml").get(view.lang).to_string(),
                Verdict::Stay(t) => bank.verdict(&bank.track().choices[t].key).get(view.lang).to_string(),
                Verdict::HiddenStay => hidden_stay_text(view, &c.before),
            };
            (text, change)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_values_and_changes_read_plainly() {
        assert_eq!(p_text(0.021484375), "0.0215");
        assert_eq!(p_text(1.0), "1");
        assert_eq!(p_text(0.5), "0.5");
        assert_eq!(p_text(0.03125), "0.0313");
        assert_eq!(p_text(0.00001), "< 0.0001");
        assert_eq!(p_phrase(0.00001), "p < 0.0001");
        assert_eq!(p_phrase(0.021484375), "p = 0.0215");
        assert_eq!(change_text(Lang::En, 25), "+25 pp");
        assert_eq!(change_text(Lang::En, -3), "-3 pp");
        assert_eq!(change_text(Lang::En, 0), "0 pp");
        assert_eq!(change_text(Lang::Ko, 7), "+7%p");
    }
}
