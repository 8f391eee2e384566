//! `mlcheck compare BEFORE AFTER`: did a session change minds? Reads each side as `report`
//! reads a PATH (`gather`), counts it (`aggregate`), pairs the people who answered both
//! times (`compare`), applies the privacy rules to each side and to the pairs, and renders
//! the comparison (`render::compare`). Problems go to stderr as they are found; the
//! comparison is printed even when some input was left out, and the exit status says so.

use std::path::Path;

use crate::aggregate::Tally;
use crate::cli::{CompareArgs, CompareFormat};
use crate::commands::report;
use crate::compare::{myth_answers, reports, Comparison, MythAnswers, Pairing};
use crate::error::Error;
use crate::gather::Summary;
use crate::render::compare;
use crate::sanitize;
use crate::{emit, Context};

/// Runs the comparison.
pub fn run(ctx: &Context, args: &CompareArgs) -> Result<(), Error> {
    let mut pairing = Pairing::new();
    let (before, before_summary) = read_side(ctx, &args.before, &mut pairing, Pairing::before);
    let (after, after_summary) = read_side(ctx, &args.after, &mut pairing, Pairing::after);
    let unopened = before_summary.unopened + after_summary.unopened > 0;
    let left_out = before_summary.left_out + after_summary.left_out > 0;

    // The same tracks are hidden on both sides, so neither side's numbers uncover the other's.
    let (before, after) = reports(before, after, (before_summary.left_out, after_summary.left_out), args.min_group);
    let comparison = Comparison::new(&ctx.bank, before, after, &pairing).map_err(|small| {
        let (name, path, summary) = match small.side {
            0 => ("BEFORE", &args.before, before_summary),
            _ => ("AFTER", &args.after, after_summary),
        };
        let path = sanitize::escape(&path.display().to_string());
        Error::SideTooFew {
            side: format!("{name} ({path})"),
            respondents: small.respondents,
            min_group: args.min_group,
            left_out: summary.left_out,
            unopened,
        }
    })?;

    let view = ctx.view();
    if args.format != CompareFormat::Text {
        // Only the terminal format may carry colour.
        crate::render::plain_only();
    }
    emit(|w| match args.format {
        CompareFormat::Text => compare::text::compare(w, &view, &comparison),
        CompareFormat::Markdown => compare::markdown::compare(w, &view, &comparison),
        CompareFormat::Json => compare::json::compare(w, &view, &comparison),
        CompareFormat::Html => compare::html::compare(w, &view, &comparison),
    })?;
    if left_out {
        return Err(Error::LeftOut { unopened });
    }
    Ok(())
}

/// Reads one side as `report` reads a PATH, and hands the results alone in their files to
/// the pairing through `keep` (`Pairing::before` or `Pairing::after`).
fn read_side(
    ctx: &Context,
    path: &Path,
    pairing: &mut Pairing,
    keep: fn(&mut Pairing, &Path, MythAnswers),
) -> (Tally, Summary) {
    report::tally_paths(ctx, std::slice::from_ref(&path.to_path_buf()), &mut |found| {
        if found.single {
            keep(pairing, found.relative, myth_answers(found.answers, found.score));
        }
    })
}
