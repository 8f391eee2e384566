//! The quiz itself: the question bank (TOML → a validated [`bank::Bank`]), a run's answers,
//! the score and what would change its verdict. Pure; it imports only `base/`.

pub mod answers;
pub mod bank;
pub mod flips;
pub mod scoring;

use bank::Bank;

/// The built-in bank, built by code that build.rs generated from questions.toml after
/// validating it: no TOML to parse or validate at run time, where doing so took most of a
/// scripted run. `check` still validates the TOML itself.
pub fn builtin_bank() -> Bank {
    use crate::base::lang::Lang;
    use bank::{Advice, Choice, Direction, Kind, Question, Text};
    include!(concat!(env!("OUT_DIR"), "/builtin_bank.rs"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_snapshot_is_the_validated_toml() {
        assert_eq!(super::builtin_bank(), super::Bank::builtin().unwrap());
    }
}
