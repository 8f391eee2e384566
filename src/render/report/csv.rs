//! The report's counts in long form for a spreadsheet: the headline rows first (`results`:
//! the valid results and how many were left out; `verdict`: each verdict), then one row per
//! question and choice, `question,choice,count,share`, each with a topic and a label in the
//! report's language. RFC 4180 quoting and CRLF line ends through the csv crate, after a
//! UTF-8 byte order mark so that Excel reads Korean right.

use std::io::{self, Write};

use super::{fraction, hidden_stay_text, msg, track_rows, HIDDEN_KEY};
use crate::group::aggregate::Report;
use crate::model::bank::{CSV_RESULTS_ID, CSV_VERDICT_ID};
use crate::render::View;

/// Writes the header, the headline rows, and one row per question and choice, in bank
/// order. A hidden track's rows (its verdict and its count) have an empty count and share;
/// the hidden tracks' follow, pooled, in one row whose choice is `hidden`.
pub fn report(w: &mut dyn Write, view: &View, report: &Report) -> io::Result<()> {
    let all = &report.all;
    // RFC 4180 ends records with CRLF. The UTF-8 byte order mark is what Excel needs to read
    // the Korean topics and labels as UTF-8; the csv crate's reader, pandas and LibreOffice
    // skip it.
    w.write_all("\u{feff}".as_bytes())?;
    let mut out = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(w);
    out.write_record(["question", "choice", "count", "share", "topic", "label"])?;
    let msg = msg(view.lang);
    let n = all.respondents;
    out.write_record([CSV_RESULTS_ID, "all", &n.to_string(), &fraction(n, n), msg.csv_results, msg.csv_valid])?;
    let left_out = report.left_out.to_string();
    out.write_record([CSV_RESULTS_ID, "left_out", &left_out, "", msg.csv_results, msg.csv_left_out])?;
    // Every verdict in bank order, a hidden track's with no count, then the hidden tracks' pooled.
    let bank = view.bank;
    let tracks = bank.track().choices.iter().map(|c| c.key.as_str()).zip(report.verdicts.stay.iter().copied());
    let pooled = report.verdicts.hidden_stay.map(|n| (HIDDEN_KEY, Some(n)));
    for (key, count) in std::iter::once(("ml", Some(report.verdicts.ml))).chain(tracks).chain(pooled) {
        let text = match key {
            HIDDEN_KEY => hidden_stay_text(view, report),
            _ => bank.verdict(key).get(view.lang).to_string(),
        };
        let (count, share) = count.map_or_else(Default::default, |c| (c.to_string(), fraction(c, n)));
        out.write_record([CSV_VERDICT_ID, key, &count, &share, msg.verdicts_heading, &text])?;
    }
    let track = view.bank.track();
    let topic = track.topic.get(view.lang);
    for (c, n) in track.choices.iter().zip(&report.tracks) {
        let (count, share) = match n {
            Some(n) => (n.to_string(), fraction(*n, all.respondents)),
            None => (String::new(), String::new()),
        };
        out.write_record([track.id.as_str(), c.key.as_str(), &count, &share, topic, c.label.get(view.lang)])?;
    }
    if let Some((key, label, n)) = track_rows(view, report).into_iter().find(|r| r.0 == HIDDEN_KEY) {
        out.write_record([track.id.as_str(), key, &n.to_string(), &fraction(n, all.respondents), topic, &label])?;
    }
    for (q, counts) in view.bank.questions.iter().zip(&all.choices).skip(1) {
        for (c, &n) in q.choices.iter().zip(counts) {
            out.write_record([
                q.id.as_str(),
                c.key.as_str(),
                &n.to_string(),
                &fraction(n, all.respondents),
                q.topic.get(view.lang),
                c.label.get(view.lang),
            ])?;
        }
    }
    out.flush()
}
