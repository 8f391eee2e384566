//! `mlcheck report PATH...`: what a whole group believes. Gathers every result under the
//! PATHs (`gather`), counts them (`aggregate`), applies the privacy rule and renders the
//! report in the format asked for (`render::report`). Problems go to stderr as they are
//! found; the report is printed even when some input was left out, and the exit status says so.

use std::io::Write;
use std::path::PathBuf;

use crate::aggregate::{Report, Tally};
use crate::cli::{ReportArgs, ReportFormat};
use crate::error::Error;
use crate::gather::{self, Event, Found, Summary};
use crate::render::report;
use crate::{emit, Context};

/// Runs the report.
pub fn run(ctx: &Context, args: &ReportArgs) -> Result<(), Error> {
    let (tally, summary) = tally_paths(ctx, &args.paths, &mut |_| {});
    let unopened = summary.unopened > 0;
    if summary.results == 0 {
        return Err(Error::NoResults { left_out: summary.left_out, unopened });
    }
    if summary.results < args.min_group {
        return Err(Error::TooFew { respondents: summary.results, min_group: args.min_group, unopened });
    }
    let report = Report::new(tally, summary.left_out, args.min_group);
    let view = ctx.view();
    if args.format != ReportFormat::Text {
        // Only the terminal format may carry colour.
        crate::render::plain_only();
    }
    emit(|w| match args.format {
        ReportFormat::Text => report::text::report(w, &view, &report),
        ReportFormat::Markdown => report::markdown::report(w, &view, &report),
        ReportFormat::Json => report::json::report(w, &view, &report),
        ReportFormat::Csv => report::csv::report(w, &view, &report),
        ReportFormat::Html => report::html::report(w, &view, &report),
    })?;
    if summary.left_out > 0 {
        return Err(Error::LeftOut { unopened });
    }
    Ok(())
}

/// Gathers every result under `paths` into one tally, writing each problem to stderr as it
/// is found. `each` sees every result too (`compare` pairs them). Shared by `report` and by
/// each side of `compare`, so both read a PATH alike.
pub(crate) fn tally_paths(ctx: &Context, paths: &[PathBuf], each: &mut dyn FnMut(&Found<'_>)) -> (Tally, Summary) {
    let bank = &ctx.bank;
    let mut tally = Tally::new(bank);
    let mut stderr = std::io::stderr().lock();
    let summary = gather::gather(bank, ctx.lang, paths, &mut |event| match event {
        Event::Result(found) => {
            tally.add(found.answers, found.score);
            each(&found);
        }
        Event::Problem(problem) => {
            let _ = writeln!(stderr, "{}", problem.text);
        }
    });
    (tally, summary)
}
