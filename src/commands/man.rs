//! `mlcheck man [SUBCOMMAND]`: mlcheck(1), or the page of one subcommand.

use std::io::{self, Write};

use crate::cli;
use crate::emit;
use crate::error::Error;

/// Prints the page asked for.
pub fn run(subcommand: Option<&str>) -> Result<(), Error> {
    emit(|w| man_page(w, subcommand))
}

/// Writes mlcheck(1), or mlcheck-SUBCOMMAND(1), which the first page's SUBCOMMANDS section names.
fn man_page(w: &mut dyn Write, subcommand: Option<&str>) -> io::Result<()> {
    let mut command = cli::command();
    command.build();
    let page = match subcommand {
        None => command,
        Some(name) => {
            let sub = command.find_subcommand(name).expect("clap checked the name").clone();
            sub.name(format!("mlcheck-{name}")).bin_name(format!("mlcheck {name}")).version(env!("CARGO_PKG_VERSION"))
        }
    };
    clap_mangen::Man::new(page).render(w)
}
