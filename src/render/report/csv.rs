//! The report's counts in long form for a spreadsheet: one row per question and choice,
//! `question,choice,count,share`, then the question's topic and the choice's label in the
//! report's language. RFC 4180 quoting through the csv crate.

use std::io::{self, Write};

use super::{fraction, track_rows, HIDDEN_KEY};
use crate::aggregate::Report;
use crate::render::View;

/// Writes the header and one row per question and choice, in bank order. A hidden track's
/// row has an empty count and share; the hidden tracks' results follow, pooled, in one row
/// whose choice is `hidden`.
pub fn report(w: &mut dyn Write, view: &View, report: &Report) -> io::Result<()> {
    let all = &report.all;
    let mut out = ::csv::Writer::from_writer(w);
    out.write_record(["question", "choice", "count", "share", "topic", "label"])?;
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
