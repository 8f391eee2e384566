//! The comparison as one JSON object for scripts; the fields are documented in the README
//! ("Before and after"). `before` and `after` are the objects `report --format json` prints
//! for each side; field and key order is the order printed.

use std::io::{self, Write};

use crate::group::pairing::Comparison;
use crate::render::json::write_json;
use crate::render::report::json::{object, Ordered, ReportJson};
use crate::render::report::share;
use crate::render::View;

#[derive(serde::Serialize)]
struct CompareJson<'a> {
    paired: u64,
    unpaired_left_out: BeforeAfter,
    min_group: u64,
    lang: &'a str,
    verdicts: Ordered<'a, Option<BeforeAfter>>,
    hidden_stay: Option<BeforeAfter>,
    myths: Vec<MythJson<'a>>,
    before: ReportJson<'a>,
    after: ReportJson<'a>,
}

#[derive(serde::Serialize)]
struct BeforeAfter {
    before: u64,
    after: u64,
}

#[derive(serde::Serialize)]
struct MythJson<'a> {
    id: &'a str,
    share_before: f64,
    share_after: f64,
    change: f64,
    movers: Option<MoversJson>,
}

#[derive(serde::Serialize)]
struct MoversJson {
    toward_agree: u64,
    toward_disagree: u64,
    same: u64,
    p_value: f64,
}

/// The shares before and after, as `report` prints them (four places), and the change
/// between those printed shares, rounded to four places so it reads as their difference.
fn shares(before: u64, total_before: u64, after: u64, total_after: u64) -> (f64, f64, f64) {
    let (b, a) = (share(before, total_before), share(after, total_after));
    (b, a, ((a - b) * 10_000.0).round() / 10_000.0)
}

/// Writes the comparison as one pretty JSON object and a newline.
pub fn compare(w: &mut dyn Write, view: &View, c: &Comparison) -> io::Result<()> {
    let bank = view.bank;
    let (nb, na) = c.totals();
    let out = CompareJson {
        paired: c.paired,
        unpaired_left_out: BeforeAfter { before: c.unpaired_left_out[0], after: c.unpaired_left_out[1] },
        min_group: c.min_group(),
        lang: view.lang.code(),
        // Every track key, `null` for a hidden track: its stays are only in `hidden_stay`.
        verdicts: Ordered(
            std::iter::once(("ml", Some(BeforeAfter { before: c.before.verdicts.ml, after: c.after.verdicts.ml })))
                .chain(bank.track().choices.iter().zip(c.before.verdicts.stay.iter().zip(&c.after.verdicts.stay)).map(
                    |(choice, (b, a))| {
                        (choice.key.as_str(), b.zip(*a).map(|(before, after)| BeforeAfter { before, after }))
                    },
                ))
                .collect(),
        ),
        hidden_stay: c
            .before
            .verdicts
            .hidden_stay
            .zip(c.after.verdicts.hidden_stay)
            .map(|(before, after)| BeforeAfter { before, after }),
        myths: c
            .myths
            .iter()
            .map(|m| {
                let (share_before, share_after, change) = shares(m.believed.before, nb, m.believed.after, na);
                MythJson {
                    id: &bank.questions[m.question].id,
                    share_before,
                    share_after,
                    change,
                    movers: m.movers.map(|v| MoversJson {
                        toward_agree: v.toward_agree,
                        toward_disagree: v.toward_disagree,
                        same: v.same,
                        p_value: v.p_value(),
                    }),
                }
            })
            .collect(),
        before: object(view, &c.before),
        after: object(view, &c.after),
    };
    write_json(w, &out)
}

#[cfg(test)]
mod tests {
    use super::shares;

    #[test]
    fn the_change_is_the_difference_of_the_printed_shares() {
        assert_eq!(shares(2, 5, 3, 5), (0.4, 0.6, 0.2));
        assert_eq!(shares(1, 3, 0, 7), (0.3333, 0.0, -0.3333));
        assert_eq!(shares(2, 3, 1, 3), (0.6667, 0.3333, -0.3334));
    }
}
