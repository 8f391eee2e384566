//! `mlcheck report PATH...`: what a whole group believes. Gathers every result under the
//! PATHs (`gather`), counts them (`aggregate`), applies the privacy rule and renders the
//! report in the format asked for (`render::report`). Problems go to stderr as they are
//! found; the report is printed even when some input was left out, and the exit status says so.

use std::path::PathBuf;

use crate::cli::{ReportArgs, ReportFormat};
use crate::commands::{emit, Context};
use crate::error::Error;
use crate::group::aggregate::{Report, Tally};
use crate::group::gather;
use crate::render::report;

/// Runs the report.
pub fn run(ctx: &Context, args: &ReportArgs) -> Result<(), Error> {
    ctx.results_not_from_keyboard(args.paths.iter().map(PathBuf::as_path), "mlcheck report -")?;
    let mut tally = Tally::new(&ctx.bank);
    let summary = gather::results(&ctx.bank, ctx.lang, &args.paths, &mut |found| tally.add(found.answers, found.score));
    if let Some(error) = Error::no_report(&summary, args.min_group) {
        return Err(error);
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
        return Err(Error::LeftOut { unopened: summary.unopened > 0 });
    }
    Ok(())
}
