//! Answers file: bytes → `input::decode` → `answers::parse` → `answers::resolve` against the
//! built-in bank. Crashes on a panic, on an error whose message carries a raw control
//! character, or on resolved answers that do not replay or score out of range.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mlcheck::model::answers::{self, Answers};
use mlcheck::model::bank::Bank;
use mlcheck::{input, scoring};

static BANK: LazyLock<Bank> = LazyLock::new(|| Bank::builtin().expect("the built-in bank loads"));

fn assert_printable(what: &str, shown: &str) {
    if let Some(c) =
        shown.chars().find(|c| c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
    {
        panic!("{what} carries raw U+{:04X}: {shown:?}", c as u32);
    }
}

fn check(bank: &Bank, answers: &Answers) {
    let keyed = answers.to_keyed(bank);
    assert_eq!(answers::resolve(bank, &answers::parse(&keyed), None).as_ref(), Ok(answers), "{keyed}");
    let score = scoring::score(bank, answers);
    let (lo, hi) = bank.score_range();
    assert!(lo <= score.total && score.total <= hi, "total {} outside {lo}..={hi}", score.total);
    assert_eq!(score.recommendation.key() == "ml", score.total >= bank.threshold);
}

fuzz_target!(|data: &[u8]| {
    if data.len() as u64 > input::ANSWERS_LIMIT {
        return; // mlcheck refuses these before decoding
    }
    let text = match input::decode(data.to_vec(), "answers.txt") {
        Ok(text) => text,
        Err(err) => return assert_printable("the decode error", &err.to_string()),
    };
    let lines = answers::parse(&text);
    let physical = text.split('\n').count();
    for line in &lines {
        assert!((1..=physical).contains(&line.number), "{line:?}");
    }
    // Without --track, and with --track set to the choice the input's length picks.
    for track in [None, Some(data.len() % BANK.track().choices.len())] {
        match answers::resolve(&BANK, &lines, track) {
            Ok(answers) => check(&BANK, &answers),
            Err(err) => {
                assert_printable("the answers error", &err.to_string());
                if let Some(n) = err.line() {
                    assert!(lines.iter().any(|l| l.number == n), "error on line {n}, not a meaningful line: {err:?}");
                }
            }
        }
    }
});
