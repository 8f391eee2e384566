//! What `compare` computes over two groups, beside `aggregate`: pairing the people who took
//! the quiz both times (same path relative to BEFORE and AFTER), how each paired person's
//! answer to each myth moved on the five-point scale, and the before/after/change figures
//! the renderers draw. Pure: no I/O, no rendering.
//!
//! # Memory
//! Pairing keeps, for each BEFORE result that could have a partner, its relative path and its
//! five myth answers (one byte each): about 70 bytes a person with the hash table's room
//! (measured at 100,000). An AFTER result that finds its partner removes it, so nothing is
//! kept for AFTER.

use std::collections::HashMap;
use std::path::Path;

use crate::aggregate::{Counts, Report};
use crate::answers::Answers;
use crate::bank::{Bank, MYTHS};
use crate::stats::{self, Reading};

/// A person's answers to the five myths (in [`MYTHS`] order), as choice indices on the
/// five-point scale, strongly disagree (0) to strongly agree (4).
pub type MythAnswers = [u8; MYTHS.len()];

/// The myth answers of `answers`.
pub fn myth_answers(bank: &Bank, answers: &Answers) -> MythAnswers {
    MYTHS.map(|id| {
        let question = bank.question_index(id).expect("validated: every myth is present");
        // Validation puts the five agreement keys on every myth, so the index is below 5.
        answers.choice(question) as u8
    })
}

/// How the paired people's answers to one myth moved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Movers {
    /// Answered closer to "strongly agree" after than before.
    pub toward_agree: u64,
    /// Answered closer to "strongly disagree" after than before.
    pub toward_disagree: u64,
    /// Gave the same answer both times.
    pub same: u64,
}

impl Movers {
    /// Counts one pair's answers to the myth, before and after.
    pub fn add(&mut self, before: u8, after: u8) {
        match after.cmp(&before) {
            std::cmp::Ordering::Greater => self.toward_agree += 1,
            std::cmp::Ordering::Less => self.toward_disagree += 1,
            std::cmp::Ordering::Equal => self.same += 1,
        }
    }

    /// How many moved either way.
    pub fn moved(&self) -> u64 {
        self.toward_agree + self.toward_disagree
    }

    /// The exact two-sided sign test of the two directions, those who stayed left out.
    pub fn p_value(&self) -> f64 {
        stats::sign_test(self.toward_agree, self.toward_disagree)
    }

    /// What the test may be said to mean.
    pub fn reading(&self) -> Reading {
        Reading::of(self.moved(), self.p_value())
    }
}

/// What a BEFORE result left waiting for its partner.
enum Waiting {
    /// Its myth answers.
    One(MythAnswers),
    /// Two BEFORE results had this path (a directory reached twice under different names):
    /// which one an AFTER result belongs to can't be told, so it pairs with neither.
    Ambiguous,
}

/// Pairs results by relative path: every BEFORE result first, then every AFTER result.
/// Only results alone in their file take part; the others still count in their side's totals.
#[derive(Default)]
pub struct Pairing {
    waiting: HashMap<Box<Path>, Waiting>,
    paired: u64,
    movers: [Movers; MYTHS.len()],
}

impl Pairing {
    /// An empty pairing.
    pub fn new() -> Pairing {
        Pairing::default()
    }

    /// Keeps a BEFORE result that is alone in its file at `relative`.
    pub fn before(&mut self, relative: &Path, answers: MythAnswers) {
        self.waiting.entry(relative.into()).and_modify(|w| *w = Waiting::Ambiguous).or_insert(Waiting::One(answers));
    }

    /// Pairs an AFTER result that is alone in its file at `relative` with its BEFORE partner,
    /// if it has one, and counts how each myth answer moved.
    pub fn after(&mut self, relative: &Path, answers: MythAnswers) {
        if let Some(Waiting::One(before)) = self.waiting.remove(relative) {
            self.paired += 1;
            for ((m, b), a) in self.movers.iter_mut().zip(before).zip(answers) {
                m.add(b, a);
            }
        }
    }

    /// The number of pairs found so far.
    pub fn paired(&self) -> u64 {
        self.paired
    }

    /// The movement per myth, in [`MYTHS`] order.
    pub fn movers(&self) -> &[Movers; MYTHS.len()] {
        &self.movers
    }
}

/// One count before and after, each out of its side's results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// The count before.
    pub before: u64,
    /// The count after.
    pub after: u64,
}

/// The change in whole percentage points, as people read it: the difference of the two
/// whole percentages shown (`40%` → `65%` is `+25`), so the numbers on a line add up.
pub fn points(before: u64, total_before: u64, after: u64, total_after: u64) -> i64 {
    percent_of(after, total_after) - percent_of(before, total_before)
}

/// A share as a whole percentage, rounded half up (as the report prints it).
pub fn percent_of(count: u64, total: u64) -> i64 {
    if total == 0 {
        0
    } else {
        ((count * 200 + total) / (total * 2)) as i64
    }
}

/// One myth before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MythChange {
    /// Index into [`MYTHS`].
    pub myth: usize,
    /// The myth's question index in the bank.
    pub question: usize,
    /// How many believed it (agree or strongly agree), before and after.
    pub believed: Change,
    /// How the paired people moved; `None` when the paired section is hidden.
    pub movers: Option<Movers>,
}

/// Everything `compare` shows: the two sides' reports, and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The BEFORE side.
    pub before: Report,
    /// The AFTER side.
    pub after: Report,
    /// The number of pairs.
    pub paired: u64,
    /// The smallest group shown.
    pub min_group: u64,
    /// The myths in bank order.
    pub myths: Vec<MythChange>,
}

/// Why a side can't be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooSmall {
    /// 0 for BEFORE, 1 for AFTER.
    pub side: usize,
    /// Its number of valid results.
    pub respondents: u64,
}

impl Comparison {
    /// Compares two reports. Each side must hold at least `min_group` results, else the
    /// first side that doesn't is returned; the paired movement is kept only when there are at
    /// least `min_group` pairs.
    pub fn new(bank: &Bank, before: Report, after: Report, pairing: &Pairing) -> Result<Comparison, TooSmall> {
        let min_group = before.min_group;
        for (side, report) in [&before, &after].into_iter().enumerate() {
            if report.respondents() < min_group {
                return Err(TooSmall { side, respondents: report.respondents() });
            }
        }
        let shown = pairing.paired >= min_group;
        let (b, a) = (&before.all, &after.all);
        let myths = (0..bank.questions.len())
            .filter(|&q| bank.questions[q].is_myth())
            .map(|question| {
                let m = MYTHS.iter().position(|&id| id == bank.questions[question].id).expect("validated: a myth id");
                MythChange {
                    myth: m,
                    question,
                    believed: Change { before: b.believed[m], after: a.believed[m] },
                    movers: shown.then_some(pairing.movers[m]),
                }
            })
            .collect();
        Ok(Comparison { before, after, paired: pairing.paired, min_group, myths })
    }

    /// Whether the paired section is shown (at least `min_group` pairs).
    pub fn paired_shown(&self) -> bool {
        self.paired >= self.min_group
    }

    /// The counts of both sides.
    pub fn counts(&self) -> (&Counts, &Counts) {
        (&self.before.all, &self.after.all)
    }

    /// The number of results on each side.
    pub fn totals(&self) -> (u64, u64) {
        (self.before.respondents(), self.after.respondents())
    }

    /// The verdicts before and after: `ml`, then staying in each track, in bank order.
    pub fn verdicts(&self) -> Vec<Change> {
        let (b, a) = self.counts();
        b.verdicts.iter().zip(&a.verdicts).map(|(&before, &after)| Change { before, after }).collect()
    }

    /// The answers of question `question` before and after, one per choice.
    pub fn choices(&self, question: usize) -> Vec<Change> {
        let (b, a) = self.counts();
        b.choices[question].iter().zip(&a.choices[question]).map(|(&before, &after)| Change { before, after }).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::Tally;
    use crate::scoring::score;
    use proptest::prelude::*;
    use std::path::PathBuf;

    fn bank() -> Bank {
        crate::builtin_bank()
    }

    /// Answers choosing `myth` on every myth and the first choice elsewhere.
    fn answers(bank: &Bank, myth: usize) -> Answers {
        Answers::new(bank, bank.questions.iter().map(|q| if q.is_myth() { myth } else { 0 }).collect())
    }

    fn report(bank: &Bank, myth_choices: &[usize], min_group: u64) -> Report {
        let mut tally = Tally::new(bank);
        for &c in myth_choices {
            let a = answers(bank, c);
            tally.add(bank, &a, &score(bank, &a));
        }
        Report::new(tally, 0, min_group)
    }

    #[test]
    fn myth_answers_follow_the_myths_order() {
        let bank = bank();
        let mut choices: Vec<usize> = vec![0; bank.questions.len()];
        for (i, id) in MYTHS.iter().enumerate() {
            choices[bank.question_index(id).unwrap()] = i % 5;
        }
        assert_eq!(myth_answers(&bank, &Answers::new(&bank, choices)), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn movers_count_each_direction() {
        let mut m = Movers::default();
        for (b, a) in [(3, 1), (4, 0), (2, 2), (0, 1), (3, 3)] {
            m.add(b, a);
        }
        assert_eq!(m, Movers { toward_agree: 1, toward_disagree: 2, same: 2 });
        assert_eq!(m.moved(), 3);
        assert_eq!(m.reading(), Reading::TooFew);
        let m = Movers { toward_agree: 1, toward_disagree: 9, same: 30 };
        assert_eq!(m.p_value(), 0.021484375);
        assert_eq!(m.reading(), Reading::Unlikely);
        assert_eq!(Movers::default().reading(), Reading::NobodyMoved);
    }

    #[test]
    fn pairs_by_relative_path_and_only_once() {
        let mut p = Pairing::new();
        p.before(Path::new("alice.txt"), [4; 5]);
        p.before(Path::new("sub/bob.txt"), [2; 5]);
        p.before(Path::new("carol.txt"), [0; 5]);
        p.before(Path::new("carol.txt"), [1; 5]);
        p.after(Path::new("alice.txt"), [1; 5]);
        p.after(Path::new("alice.txt"), [4; 5]);
        p.after(Path::new("bob.txt"), [2; 5]);
        p.after(Path::new("sub/bob.txt"), [2; 5]);
        p.after(Path::new("carol.txt"), [4; 5]);
        p.after(Path::new("dave.txt"), [4; 5]);
        assert_eq!(p.paired(), 2, "alice once, sub/bob; carol is ambiguous, bob.txt and dave alone");
        assert_eq!(p.movers()[0], Movers { toward_agree: 0, toward_disagree: 1, same: 1 });
    }

    #[test]
    fn changes_read_as_differences_of_the_shown_percentages() {
        assert_eq!(points(1, 3, 2, 3), 34);
        assert_eq!(points(1, 8, 0, 8), -13);
        assert_eq!(percent_of(0, 0), 0);
    }

    #[test]
    fn a_small_side_is_refused_and_few_pairs_hide_the_movement() {
        let bank = bank();
        let small = Comparison::new(&bank, report(&bank, &[3; 6], 5), report(&bank, &[1; 4], 5), &Pairing::new());
        assert_eq!(small.unwrap_err(), TooSmall { side: 1, respondents: 4 });
        let small = Comparison::new(&bank, report(&bank, &[3; 2], 5), report(&bank, &[1; 4], 5), &Pairing::new());
        assert_eq!(small.unwrap_err(), TooSmall { side: 0, respondents: 2 });

        let mut pairing = Pairing::new();
        for i in 0..4 {
            pairing.before(&PathBuf::from(format!("{i}")), [3; 5]);
            pairing.after(&PathBuf::from(format!("{i}")), [1; 5]);
        }
        let c = Comparison::new(&bank, report(&bank, &[3; 6], 5), report(&bank, &[1; 6], 5), &pairing).unwrap();
        assert!(!c.paired_shown());
        assert_eq!(c.paired, 4);
        assert!(c.myths.iter().all(|m| m.movers.is_none()));
        assert_eq!(c.myths[0].believed, Change { before: 6, after: 0 });
        assert_eq!(c.totals(), (6, 6));

        pairing.before(Path::new("4"), [3; 5]);
        pairing.after(Path::new("4"), [3; 5]);
        let c = Comparison::new(&bank, report(&bank, &[3; 6], 5), report(&bank, &[1; 6], 5), &pairing).unwrap();
        assert!(c.paired_shown());
        assert_eq!(c.myths[0].movers, Some(Movers { toward_agree: 0, toward_disagree: 4, same: 1 }));
    }

    #[test]
    fn verdicts_and_choices_line_up_with_the_bank() {
        let bank = bank();
        let c = Comparison::new(&bank, report(&bank, &[4; 5], 5), report(&bank, &[0; 5], 5), &Pairing::new()).unwrap();
        assert_eq!(c.verdicts().len(), 1 + bank.track().choices.len());
        let hard = bank.question_index("hard").unwrap();
        let choices = c.choices(hard);
        assert_eq!(choices.len(), 5);
        assert_eq!((choices[4].before, choices[4].after), (5, 0));
        assert_eq!((choices[0].before, choices[0].after), (0, 5));
    }

    proptest! {
        /// Every pair is counted once per myth, in exactly one direction.
        #[test]
        fn movers_add_up_to_the_pairs(
            people in proptest::collection::vec((0u8..5, 0u8..5, any::<bool>(), any::<bool>()), 0..60)
        ) {
            let mut p = Pairing::new();
            let mut expected = 0;
            for (i, &(b, _, in_before, in_after)) in people.iter().enumerate() {
                if in_before { p.before(&PathBuf::from(i.to_string()), [b; 5]); }
                expected += u64::from(in_before && in_after);
            }
            for (i, &(_, a, _, in_after)) in people.iter().enumerate() {
                if in_after { p.after(&PathBuf::from(i.to_string()), [a; 5]); }
            }
            prop_assert_eq!(p.paired(), expected);
            for m in p.movers() {
                prop_assert_eq!(m.moved() + m.same, expected);
            }
            let up = people.iter().filter(|x| x.2 && x.3 && x.1 > x.0).count() as u64;
            prop_assert_eq!(p.movers()[0].toward_agree, up);
        }

        /// The order of the AFTER results doesn't matter.
        #[test]
        fn after_order_does_not_matter(answers in proptest::collection::vec((0u8..5, 0u8..5), 0..40)) {
            let run = |rev: bool| {
                let mut p = Pairing::new();
                for (i, &(b, _)) in answers.iter().enumerate() { p.before(&PathBuf::from(i.to_string()), [b; 5]); }
                let mut order: Vec<usize> = (0..answers.len()).collect();
                if rev { order.reverse(); }
                for i in order { p.after(&PathBuf::from(i.to_string()), [answers[i].1; 5]); }
                (p.paired(), *p.movers())
            };
            prop_assert_eq!(run(false), run(true));
        }
    }
}
