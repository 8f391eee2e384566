//! The report as one JSON object for scripts; the fields are documented in the README
//! ("Running it for a group"). [`object`] returns it as a serializable value so another
//! command (`compare`) can embed a report per side; field and key order is the order printed.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{myths, share, verdicts};
use crate::aggregate::{Counts, Report};
use crate::bank::{Kind, AGREEMENT_KEYS};
use crate::render::View;

/// The report object.
#[derive(serde::Serialize)]
pub struct ReportJson<'a> {
    respondents: u64,
    left_out: u64,
    min_group: u64,
    threshold: i64,
    lang: &'a str,
    verdicts: Ordered<'a, u64>,
    questions: Vec<QuestionJson<'a>>,
    myths: Vec<MythJson<'a>>,
    scores: ScoresJson,
    by_track: Ordered<'a, TrackJson<'a>>,
    hidden_tracks: Vec<&'a str>,
}

/// A JSON object whose keys keep the order given (bank order), unlike a map type.
struct Ordered<'a, T>(Vec<(&'a str, T)>);

impl<T: Serialize> Serialize for Ordered<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
struct QuestionJson<'a> {
    id: &'a str,
    kind: &'a str,
    myth: Option<&'a str>,
    counts: Ordered<'a, u64>,
}

#[derive(serde::Serialize)]
struct MythJson<'a> {
    id: &'a str,
    believed: u64,
    share: f64,
}

#[derive(serde::Serialize)]
struct ScoresJson {
    mean: Option<f64>,
    median: Option<f64>,
    min: Option<i64>,
    max: Option<i64>,
    histogram: Vec<Bin>,
}

#[derive(serde::Serialize)]
struct Bin {
    score: i64,
    count: u64,
}

#[derive(serde::Serialize)]
struct TrackJson<'a> {
    respondents: u64,
    verdicts: Ordered<'a, u64>,
    myths: Vec<MythJson<'a>>,
}

fn verdicts_json<'a>(view: &View<'a>, counts: &Counts) -> Ordered<'a, u64> {
    Ordered(verdicts(view, counts).into_iter().map(|(key, _, n)| (key, n)).collect())
}

fn myths_json<'a>(view: &View<'a>, counts: &Counts) -> Vec<MythJson<'a>> {
    myths(view.bank)
        .into_iter()
        .map(|(m, _, q)| MythJson {
            id: &q.id,
            believed: counts.believed[m],
            share: share(counts.believed[m], counts.respondents),
        })
        .collect()
}

/// The report as a serializable object.
pub fn object<'a>(view: &View<'a>, report: &Report) -> ReportJson<'a> {
    let bank = view.bank;
    let all = &report.tally.all;
    let stats = report.tally.stats();
    let round = |x: f64| (x * 100.0).round() / 100.0;
    ReportJson {
        respondents: report.respondents(),
        left_out: report.left_out,
        min_group: report.min_group,
        threshold: bank.threshold,
        lang: view.lang.code(),
        verdicts: verdicts_json(view, all),
        questions: bank
            .questions
            .iter()
            .zip(&all.choices)
            .map(|(q, counts)| QuestionJson {
                id: &q.id,
                kind: match q.kind {
                    Kind::Track => "track",
                    Kind::Myth => "myth",
                    Kind::Check { .. } => "check",
                },
                myth: q.myth(),
                counts: Ordered(q.choices.iter().map(|c| c.key.as_str()).zip(counts.iter().copied()).collect()),
            })
            .collect(),
        myths: myths_json(view, all),
        scores: ScoresJson {
            mean: stats.map(|s| round(s.mean)),
            median: stats.map(|s| s.median),
            min: stats.map(|s| s.min),
            max: stats.map(|s| s.max),
            histogram: all
                .scores
                .iter()
                .enumerate()
                .map(|(i, &count)| Bin { score: report.tally.min_score + i as i64, count })
                .collect(),
        },
        by_track: Ordered(
            report
                .breakdown
                .shown
                .iter()
                .map(|&t| {
                    let counts = &report.tally.by_track[t];
                    let track = TrackJson {
                        respondents: counts.respondents,
                        verdicts: verdicts_json(view, counts),
                        myths: myths_json(view, counts),
                    };
                    (bank.track().choices[t].key.as_str(), track)
                })
                .collect(),
        ),
        hidden_tracks: report.breakdown.hidden.iter().map(|&t| bank.track().choices[t].key.as_str()).collect(),
    }
}

/// Writes the report as one pretty JSON object and a newline.
pub fn report(w: &mut dyn Write, view: &View, report: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &object(view, report)).map_err(io::Error::from)?;
    writeln!(w)
}

/// The agreement keys, for documentation and tests: a myth's `counts` has exactly these.
pub const MYTH_COUNT_KEYS: [&str; 5] = AGREEMENT_KEYS;
