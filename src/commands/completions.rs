//! `mlcheck completions SHELL`: a completion script generated from the clap definition.

use crate::cli;
use crate::emit;
use crate::error::Error;

/// Prints the completion script for `shell`.
pub fn run(shell: clap_complete::Shell) -> Result<(), Error> {
    // clap_complete panics when a write fails; generate in memory, then write.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cli::command(), "mlcheck", &mut script);
    emit(|w| w.write_all(&script))
}
