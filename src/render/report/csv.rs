//! The report's counts in long form for a spreadsheet: one row per question and choice,
//! `question,choice,count,share`, then the question's topic and the choice's label in the
//! report's language. RFC 4180 quoting through the csv crate.

use std::io::{self, Write};

use super::fraction;
use crate::aggregate::Report;
use crate::render::View;

/// Writes the header and one row per question and choice, in bank order.
pub fn report(w: &mut dyn Write, view: &View, report: &Report) -> io::Result<()> {
    let all = &report.tally.all;
    let mut out = ::csv::Writer::from_writer(w);
    out.write_record(["question", "choice", "count", "share", "topic", "label"])?;
    for (q, counts) in view.bank.questions.iter().zip(&all.choices) {
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
