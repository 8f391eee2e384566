//! One file per subcommand, as cargo's `src/bin/cargo/commands/`: `ls src/commands/` reads as
//! the list of things mlcheck does. `lib.rs` only picks one and hands it the context.

pub mod check;
pub mod compare;
pub mod completions;
pub mod man;
pub mod myths;
pub mod questions;
pub mod quiz;
pub mod report;
