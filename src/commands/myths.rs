//! `mlcheck myths [ID]`: the reading mode, the myths with their counterpoints and checks.

use crate::error::Error;
use crate::render::listing;
use crate::{emit, Context};

/// Prints every myth, or the one named `id`.
pub fn run(ctx: &Context, id: Option<&str>) -> Result<(), Error> {
    // clap checked the id against the myths, ignoring case.
    let id = id.map(str::to_ascii_lowercase);
    emit(|w| listing::myths(w, &ctx.view(), id.as_deref()))
}
