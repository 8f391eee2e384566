//! `mlcheck myths [ID]`: the reading mode, the myths with their counterpoints and checks.

use crate::cli::ReadingFormat;
use crate::commands::{emit, Context};
use crate::error::Error;
use crate::render::{listing, markdown};

/// Prints every myth, or the one named `id`, in `format`.
pub fn run(ctx: &Context, format: ReadingFormat, id: Option<&str>) -> Result<(), Error> {
    // clap checked the id against the myths, ignoring case.
    let id = id.map(str::to_ascii_lowercase);
    let view = ctx.view();
    match format {
        ReadingFormat::Text => emit(|w| listing::myths(w, &view, id.as_deref())),
        ReadingFormat::Markdown => {
            crate::render::plain_only();
            emit(|w| markdown::myths(w, &view, id.as_deref()))
        }
    }
}
