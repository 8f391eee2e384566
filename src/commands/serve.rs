//! `mlcheck serve DIR`: hands the options to the server (`serve/`) and waits for it to stop.

use crate::base::lang::Lang;
use crate::cli::ServeArgs;
use crate::commands::Context;
use crate::error::Error;
use crate::serve::{self, Settings};

/// Runs the server until Ctrl-C or SIGTERM. `lang` is `--lang` as given, before or after
/// the command: it fixes every page's language; without it each browser gets its own.
pub fn run(ctx: Context, args: &ServeArgs, lang: Option<Lang>) -> Result<(), Error> {
    let settings = Settings {
        dir: args.dir.clone(),
        listen: args.listen,
        lang,
        min_group: args.min_group,
        max_results: args.max_results,
        no_qr: args.no_qr,
        colour: console::colors_enabled_stderr(),
    };
    serve::run(ctx.bank, ctx.lang, settings).map_err(Error::Serve)
}
