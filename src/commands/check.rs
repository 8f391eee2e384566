//! `mlcheck check [FILE]`: validates a bank and says so, or lists every problem.

use std::path::Path;

use crate::bank::{self, Bank};
use crate::error::Error;
use crate::{emit, load_bank, sanitize};

/// Checks the bank at `path`, or the built-in one.
pub fn run(path: Option<&Path>) -> Result<(), Error> {
    // The built-in bank is checked from its TOML, as any other bank would be.
    let bank = match path {
        None => Bank::builtin()?,
        Some(_) => load_bank(path)?,
    };
    let name = path.map(|p| sanitize::escape(&p.display().to_string())).unwrap_or_else(|| bank::BUILTIN_NAME.into());
    let langs: Vec<&str> = bank.languages.iter().map(|l| l.code()).collect();
    emit(|w| writeln!(w, "{name}: valid: {} questions, in {}", bank.questions.len(), langs.join(", ")))
}
