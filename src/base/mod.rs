//! The ground every layer stands on: the interface's own words in English and Korean,
//! languages, escaping and wrapping of text, bounded reading of files, exit codes.
//! It imports nothing of mlcheck's outside `base/`.

pub mod exit_codes;
pub mod input;
pub mod lang;
pub(crate) mod messages;
pub mod sanitize;
pub(crate) mod save;
pub mod wrap;
