//! Question bank: bytes → `input::decode` → `Bank::parse`; a bank that loads is scored with
//! a default answer set (and its lowest and highest). Crashes on a panic, on an error with no
//! problem, a problem outside the file, or a message with a raw control character.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mlcheck::model::answers::Answers;
use mlcheck::model::bank::{Bank, Question};
use mlcheck::{input, scoring};

fn assert_printable(what: &str, shown: &str) {
    if let Some(c) =
        shown.chars().find(|c| c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
    {
        panic!("{what} carries raw U+{:04X}: {shown:?}", c as u32);
    }
}

fn score(bank: &Bank, choices: Vec<usize>) -> i64 {
    let answers = Answers::new(bank, choices);
    let score = scoring::score(bank, &answers);
    let (lo, hi) = bank.score_range();
    assert!(lo <= score.total && score.total <= hi, "total {} outside {lo}..={hi}", score.total);
    assert_eq!(score.recommendation.key() == "ml", score.total >= bank.threshold);
    score.total
}

fuzz_target!(|data: &[u8]| {
    if data.len() as u64 > input::BANK_LIMIT {
        return; // mlcheck refuses these before decoding
    }
    let text = match input::decode(data.to_vec(), "bank.toml") {
        Ok(text) => text,
        Err(err) => return assert_printable("the decode error", &err.to_string()),
    };
    match Bank::parse("bank.toml", &text) {
        Ok(bank) => {
            assert_eq!(bank.track().id, "track");
            let (lo, hi) = bank.score_range();
            assert!(lo < bank.threshold && bank.threshold <= hi, "threshold {} vs {lo}..={hi}", bank.threshold);
            score(&bank, bank.questions.iter().map(Question::default_choice).collect());
            let lowest = |q: &Question| (0..q.choices.len()).min_by_key(|&i| q.choices[i].weight).unwrap_or(0);
            let highest = |q: &Question| (0..q.choices.len()).max_by_key(|&i| q.choices[i].weight).unwrap_or(0);
            assert_eq!(score(&bank, bank.questions.iter().map(lowest).collect()), lo);
            assert_eq!(score(&bank, bank.questions.iter().map(highest).collect()), hi);
            for key in std::iter::once("ml").chain(mlcheck::model::bank::TRACKS) {
                let _ = bank.verdict(key);
            }
        }
        Err(err) => {
            assert!(!err.problems.is_empty(), "a bank error with no problem");
            let lines: Vec<&str> = text.split('\n').collect();
            for p in &err.problems {
                assert!((1..=lines.len()).contains(&p.line), "{p:?} is past the last line {}", lines.len());
                let width = lines[p.line - 1].chars().count();
                assert!((1..=width + 1).contains(&p.column), "{p:?} is past the end of its line ({width})");
            }
            for line in err.to_string().split('\n') {
                assert_printable("a bank error line", line);
            }
        }
    }
});
