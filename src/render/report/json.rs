//! The report as one JSON object for scripts; the fields are documented in the README
//! ("Running it for a group"). [`object`] returns it as a serializable value so another
//! command (`compare`) can embed a report per side; field and key order is the order printed.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::myths;
use super::share;
use crate::group::aggregate::{Report, TrackCounts};
use crate::render::json::{kind_name, write_json};
use crate::render::View;

/// The report object.
#[derive(serde::Serialize)]
pub struct ReportJson<'a> {
    respondents: u64,
    left_out: u64,
    min_group: u64,
    threshold: i64,
    lang: &'a str,
    verdicts: Ordered<'a, Option<u64>>,
    hidden_stay: Option<u64>,
    questions: Vec<QuestionJson<'a>>,
    myths: Vec<MythJson<'a>>,
    scores: ScoresJson,
    by_track: Ordered<'a, TrackJson<'a>>,
    hidden_tracks: Vec<&'a str>,
}

/// A JSON object whose keys keep the order given (bank order), unlike a map type.
pub(crate) struct Ordered<'a, T>(pub(crate) Vec<(&'a str, T)>);

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
    counts: Ordered<'a, Option<u64>>,
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

/// The verdicts of one shown track: `ml`, and every track key, zero but its own.
fn track_verdicts<'a>(view: &View<'a>, counts: &TrackCounts) -> Ordered<'a, u64> {
    let tracks = view.bank.track().choices.iter().enumerate();
    let stays = tracks.map(|(t, c)| (c.key.as_str(), if t == counts.track { counts.stay } else { 0 }));
    Ordered(std::iter::once(("ml", counts.ml)).chain(stays).collect())
}

fn myths_json<'a>(view: &View<'a>, believed: &[u64], respondents: u64) -> Vec<MythJson<'a>> {
    myths(view.bank)
        .into_iter()
        .map(|(m, _, q)| MythJson { id: &q.id, believed: believed[m], share: share(believed[m], respondents) })
        .collect()
}

/// The report as a serializable object.
pub fn object<'a>(view: &View<'a>, report: &Report) -> ReportJson<'a> {
    let bank = view.bank;
    let all = &report.all;
    let stats = all.stats();
    let tracks = &bank.track().choices;
    let round = |x: f64| (x * 100.0).round() / 100.0;
    ReportJson {
        respondents: report.respondents(),
        left_out: report.left_out,
        min_group: report.min_group,
        threshold: bank.threshold,
        lang: view.lang.code(),
        verdicts: Ordered(
            std::iter::once(("ml", Some(report.verdicts.ml)))
                .chain(tracks.iter().map(|c| c.key.as_str()).zip(report.verdicts.stay.iter().copied()))
                .collect(),
        ),
        hidden_stay: report.verdicts.hidden_stay,
        questions: bank
            .questions
            .iter()
            .zip(&all.choices)
            .enumerate()
            .map(|(i, (q, counts))| QuestionJson {
                id: &q.id,
                kind: kind_name(&q.kind),
                myth: q.myth(),
                // The track question's counts are the shown tracks' sizes, `null` when hidden.
                counts: Ordered(if i == 0 {
                    q.choices.iter().map(|c| c.key.as_str()).zip(report.tracks.iter().copied()).collect()
                } else {
                    q.choices.iter().map(|c| c.key.as_str()).zip(counts.iter().map(|&n| Some(n))).collect()
                }),
            })
            .collect(),
        myths: myths_json(view, &all.believed, all.respondents),
        scores: ScoresJson {
            mean: stats.map(|s| round(s.mean)),
            median: stats.map(|s| s.median),
            min: stats.map(|s| s.min),
            max: stats.map(|s| s.max),
            histogram: all
                .scores
                .iter()
                .enumerate()
                .map(|(i, &count)| Bin { score: all.min_score + i as i64, count })
                .collect(),
        },
        by_track: Ordered(
            report
                .by_track
                .iter()
                .map(|counts| {
                    let track = TrackJson {
                        respondents: counts.respondents,
                        verdicts: track_verdicts(view, counts),
                        myths: myths_json(view, &counts.believed, counts.respondents),
                    };
                    (tracks[counts.track].key.as_str(), track)
                })
                .collect(),
        ),
        hidden_tracks: report.hidden().iter().map(|&t| tracks[t].key.as_str()).collect(),
    }
}

/// Writes the report as one pretty JSON object and a newline.
pub fn report(w: &mut dyn Write, view: &View, report: &Report) -> io::Result<()> {
    write_json(w, &object(view, report))
}
