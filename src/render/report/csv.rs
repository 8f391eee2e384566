//! The report's counts in long form for a spreadsheet: one row per question and choice,
//! `question,choice,count,share`, then the question's topic and the choice's label in the
//! report's language. RFC 4180 quoting and CRLF line ends through the csv crate, after a
//! UTF-8 byte order mark so that Excel reads Korean right.

use std::io::{self, Write};

use super::{fraction, track_rows, HIDDEN_KEY};
use crate::aggregate::Report;
use crate::render::View;

/// Writes the header and one row per question and choice, in bank order. A hidden track's
/// row has an empty count and share; the hidden tracks' results follow, pooled, in one row
/// whose choice is `hidden`.
pub fn report(w: &mut dyn Write, view: &View, report: &Report) -> io::Result<()> {
    let all = &report.all;
    // RFC 4180 ends records with CRLF. The UTF-8 byte order mark is what Excel needs to read
    // the Korean topics and labels as UTF-8; the csv crate's reader, pandas and LibreOffice
    // skip it.
    w.write_all("\u{feff}".as_bytes())?;
    let mut out = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(w);
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
