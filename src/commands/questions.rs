//! `mlcheck questions`: the bank as a numbered listing or as JSON.

use crate::cli::Format;
use crate::commands::{emit, Context};
use crate::error::Error;
use crate::render::{json, listing};

/// Prints the bank in `format`.
pub fn run(ctx: &Context, format: Format) -> Result<(), Error> {
    let view = ctx.view();
    match format {
        Format::Json => emit(|w| json::bank(w, &view)),
        Format::Text => emit(|w| listing::questions(w, &view)),
    }
}
