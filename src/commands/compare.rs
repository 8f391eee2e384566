//! `mlcheck compare BEFORE AFTER`: did a session change minds? Reads each side as `report`
//! reads a PATH (`gather`), pairs the people who answered both times and counts both sides
//! (`compare::Pairing`), applies the privacy rules to each side, to the people without a
//! partner and to the pairs, and renders the comparison (`render::compare`). Problems go to
//! stderr as they are found; the comparison is printed even when some input was left out,
//! and the exit status says so.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::base::{input, sanitize};
use crate::cli::{CompareArgs, CompareFormat};
use crate::commands::{emit, Context};
use crate::error::Error;
use crate::group::gather::{self, Summary};
use crate::group::pairing::{reports, Comparison, Pairing, Sides};
use crate::model::answers::Answers;
use crate::model::scoring::Score;
use crate::render::compare;

/// Runs the comparison.
pub fn run(ctx: &Context, args: &CompareArgs) -> Result<(), Error> {
    // How messages name the sides: "BEFORE (path)", "AFTER (path)".
    let names = [("BEFORE", &args.before), ("AFTER", &args.after)]
        .map(|(name, path)| format!("{name} ({})", sanitize::escape(&path.display().to_string())));
    check_sides(ctx, args, &names)?;
    let mut pairing = Pairing::new(&ctx.bank);
    let before_summary = read_side(ctx, &args.before, &mut pairing, Pairing::before);
    let after_summary = read_side(ctx, &args.after, &mut pairing, Pairing::after);
    let unopened = before_summary.unopened + after_summary.unopened > 0;
    let left_out = before_summary.left_out + after_summary.left_out > 0;
    let Sides { tallies: [before, after], pairs, unmatched } = pairing.finish(args.min_group);
    if pairs.paired == 0 {
        nothing_paired(ctx, args, &unmatched);
    }

    // The same tracks are hidden on both sides, so neither side's numbers uncover the other's.
    let (before, after) = reports(before, after, (before_summary.left_out, after_summary.left_out), args.min_group);
    let comparison = Comparison::new(&ctx.bank, before, after, &pairs).map_err(|small| {
        let summary = [before_summary, after_summary][small.side];
        Error::SideTooFew {
            side: names[small.side].clone(),
            respondents: small.respondents,
            min_group: args.min_group,
            left_out: summary.left_out,
            unpaired_left_out: pairs.unpaired_left_out[small.side],
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

/// Refuses sides that can't make a comparison: one that doesn't exist (66, rather than a
/// side said to hold no result), the same folder or file named twice (however spelt, or
/// through a link: "nobody moved" would be a lie), one inside the other (the outer side
/// would count the inner one's results twice over), and `-` from the keyboard. Each side is
/// looked up once; one that exists but can't be resolved is left for the reading to report.
fn check_sides(ctx: &Context, args: &CompareArgs, [before, after]: &[String; 2]) -> Result<(), Error> {
    let sides = [&args.before, &args.after];
    let same = || Error::SameSides { before: before.clone(), after: after.clone() };
    if sides.iter().all(|p| input::is_stdin(p)) {
        return Err(same());
    }
    ctx.results_not_from_keyboard(sides.into_iter().map(PathBuf::as_path), "mlcheck compare - AFTER")?;
    let mut resolved = [None, None];
    for ((path, name), slot) in sides.into_iter().zip([before, after]).zip(&mut resolved) {
        if input::is_stdin(path) {
            continue;
        }
        match std::fs::canonicalize(path) {
            Ok(real) => *slot = Some(real),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Error::NoSuchSide { side: name.clone() }),
            Err(_) => {}
        }
    }
    if let [Some(b), Some(a)] = &resolved {
        if b == a {
            return Err(same());
        }
        if a.starts_with(b) {
            return Err(Error::NestedSides { outer: before.clone(), inner: after.clone() });
        }
        if b.starts_with(a) {
            return Err(Error::NestedSides { outer: after.clone(), inner: before.clone() });
        }
    }
    Ok(())
}

/// Reads one side as `report` reads a PATH and hands every result to the pairing through
/// `take` (`Pairing::before` or `Pairing::after`), with its relative path when it is alone
/// in its file.
fn read_side<'b>(
    ctx: &Context,
    path: &Path,
    pairing: &mut Pairing<'b>,
    take: fn(&mut Pairing<'b>, Option<&Path>, &Answers, &Score),
) -> Summary {
    gather::results(&ctx.bank, ctx.lang, std::slice::from_ref(&path.to_path_buf()), &mut |found| {
        take(pairing, found.single.then_some(found.relative), found.answers, found.score)
    })
}

/// Tells the organizer on stderr, when no one paired although both sides had results alone
/// in their files, one name on each side that found no partner, so a renamed folder or file
/// shows at once. Names stay out of the comparison itself, which is meant to be shared.
fn nothing_paired(ctx: &Context, args: &CompareArgs, unmatched: &[Option<String>; 2]) {
    let [Some(before), Some(after)] = unmatched else { return };
    let join = |root: &Path, relative: &str| sanitize::escape(&root.join(relative).display().to_string());
    let text = compare::msg(ctx.lang)
        .nothing_paired
        .replace("{before}", &join(&args.before, before))
        .replace("{after}", &join(&args.after, after));
    let _ = writeln!(std::io::stderr(), "mlcheck: {text}");
}
