//! What `compare` computes over two groups, beside `aggregate`: pairing the people who took
//! the quiz both times (same path relative to BEFORE and AFTER), how each paired person's
//! answer to each myth moved on the five-point scale, the two sides' reports built with the
//! same hidden tracks ([`reports`]), and the before/after/change figures the renderers draw.
//! Pure: no I/O, no rendering.
//!
//! # Memory
//! Pairing keeps, for each BEFORE result that could have a partner, its relative path and its
//! five myth answers (one byte each): about 70 bytes a person with the hash table's room
//! (measured at 100,000). An AFTER result that finds its partner removes it, so nothing is
//! kept for AFTER.

use std::collections::HashMap;
use std::path::Path;

use crate::aggregate::{common_breakdown, Overall, Report, Tally};
use crate::answers::Answers;
use crate::bank::{Bank, MYTHS};
use crate::scoring::Score;
use crate::stats::{self, Reading};

/// A person's answers to the five myths (in [`MYTHS`] order), as choice indices on the
/// five-point scale, strongly disagree (0) to strongly agree (4).
pub type MythAnswers = [u8; MYTHS.len()];

/// The myth answers of `answers`, found through `score`, whose myths are in [`MYTHS`] order
/// and know their question.
pub fn myth_answers(answers: &Answers, score: &Score) -> MythAnswers {
    // Validation puts the five agreement keys on every myth, so the index is below 5.
    std::array::from_fn(|m| answers.choice(score.myths[m].question) as u8)
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
    /// The myths in bank order.
    pub myths: Vec<MythChange>,
}

/// One verdict row of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The ML verdict.
    Ml,
    /// Staying in a shown track (its index, bank order).
    Stay(usize),
    /// Staying in one of the hidden tracks, pooled.
    HiddenStay,
}

/// Both sides' reports, hiding the same tracks ([`common_breakdown`]): each side keeps
/// report's rules on its own, and no side's hidden track can be worked out from the other's.
/// `left_out` is each side's number left out.
pub fn reports(before: Tally, after: Tally, left_out: (u64, u64), min_group: u64) -> (Report, Report) {
    let hidden = common_breakdown(&[&before.sizes(), &after.sizes()], min_group).hidden;
    (
        Report::with_hidden(before, left_out.0, min_group, &hidden),
        Report::with_hidden(after, left_out.1, min_group, &hidden),
    )
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
        Ok(Comparison { before, after, paired: pairing.paired, myths })
    }

    /// The smallest group shown: both sides' reports were built with it.
    pub fn min_group(&self) -> u64 {
        self.before.min_group
    }

    /// Whether the paired section is shown (at least `min_group` pairs).
    pub fn paired_shown(&self) -> bool {
        self.paired >= self.min_group()
    }

    /// The counts of both sides.
    pub fn counts(&self) -> (&Overall, &Overall) {
        (&self.before.all, &self.after.all)
    }

    /// The number of results on each side.
    pub fn totals(&self) -> (u64, u64) {
        (self.before.respondents(), self.after.respondents())
    }

    /// The verdicts shown before and after: `ml`, staying in each shown track (bank order),
    /// then staying in any hidden track, pooled. Both sides hide the same tracks, so the
    /// rows are the same on both.
    pub fn verdicts(&self) -> Vec<(Verdict, Change)> {
        let (b, a) = (&self.before.verdicts, &self.after.verdicts);
        let mut rows = vec![(Verdict::Ml, Change { before: b.ml, after: a.ml })];
        for (t, (before, after)) in b.stay.iter().zip(&a.stay).enumerate() {
            if let (Some(before), Some(after)) = (*before, *after) {
                rows.push((Verdict::Stay(t), Change { before, after }));
            }
        }
        if let (Some(before), Some(after)) = (b.hidden_stay, a.hidden_stay) {
            rows.push((Verdict::HiddenStay, Change { before, after }));
        }
        rows
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
            tally.add(&a, &score(bank, &a));
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
        let answers = Answers::new(&bank, choices);
        assert_eq!(myth_answers(&answers, &score(&bank, &answers)), [0, 1, 2, 3, 4]);
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
        // Everyone in front-end: back-end and mobile are empty, hidden and pooled (0 stays).
        let rows: Vec<Verdict> = c.verdicts().into_iter().map(|(v, _)| v).collect();
        assert_eq!(rows, vec![Verdict::Ml, Verdict::Stay(0), Verdict::HiddenStay]);
        let hard = bank.question_index("hard").unwrap();
        let choices = c.choices(hard);
        assert_eq!(choices.len(), 5);
        assert_eq!((choices[4].before, choices[4].after), (5, 0));
        assert_eq!((choices[0].before, choices[0].after), (0, 5));
    }

    /// A tally of people given as (track, answer to every myth, answer to every check).
    fn tally_of(bank: &Bank, people: &[(usize, usize, usize)]) -> Tally {
        let mut tally = Tally::new(bank);
        for &(track, myth, check) in people {
            let choices = bank
                .questions
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    if i == 0 {
                        track
                    } else if q.is_myth() {
                        myth
                    } else {
                        check % q.choices.len()
                    }
                })
                .collect();
            let a = Answers::new(bank, choices);
            tally.add(&a, &score(bank, &a));
        }
        tally
    }

    fn people() -> impl Strategy<Value = Vec<(usize, usize, usize)>> {
        proptest::collection::vec((0usize..3, 0usize..5, 0usize..5), 0..30)
    }

    #[test]
    fn five_five_two_then_five_four_two_hides_every_track() {
        // Alone, before would show back-end (5) and after front-end (5): mobile would be
        // 12 - 5 - 5 on both. Together they hide all three, and the stays are one pool.
        let bank = bank();
        let group = |sizes: [usize; 3]| -> Vec<(usize, usize, usize)> {
            (0..3).flat_map(|t| (0..sizes[t]).map(move |i| (t, i % 5, i))).collect()
        };
        let (b, a) = reports(tally_of(&bank, &group([5, 5, 2])), tally_of(&bank, &group([5, 4, 2])), (0, 0), 5);
        for r in [&b, &a] {
            assert_eq!(r.hidden, vec![0, 1, 2]);
            assert!(r.by_track.is_empty());
            assert_eq!(r.tracks, vec![None; 3]);
            assert_eq!(r.verdicts.stay, vec![None; 3]);
            assert_eq!(r.hidden_respondents, Some(r.respondents()));
        }
        let c = Comparison::new(&bank, b, a, &Pairing::new()).unwrap();
        let rows: Vec<Verdict> = c.verdicts().into_iter().map(|(v, _)| v).collect();
        assert_eq!(rows, vec![Verdict::Ml, Verdict::HiddenStay]);
    }

    proptest! {
        /// Both sides hide the same tracks, each keeps report's rules, and neither holds a
        /// number of a single hidden track.
        #[test]
        fn both_sides_hide_the_same_tracks_and_nothing_of_one(before in people(), after in people(), n in 3u64..7) {
            let bank = bank();
            let (tb, ta) = (tally_of(&bank, &before), tally_of(&bank, &after));
            let (b, a) = reports(tb.clone(), ta.clone(), (0, 0), n);
            prop_assert_eq!(&b.hidden, &a.hidden);
            for (r, t) in [(&b, &tb), (&a, &ta)] {
                prop_assert!(crate::aggregate::keeps_rules(&t.sizes(), &r.hidden, n));
                for &h in &r.hidden {
                    prop_assert_eq!(r.tracks[h], None);
                    prop_assert_eq!(r.verdicts.stay[h], None);
                    prop_assert!(r.by_track.iter().all(|c| c.track != h));
                }
                prop_assert!(r.all.choices[0].is_empty());
                let pool: u64 = r.hidden.iter().map(|&h| t.by_track[h].respondents).sum();
                prop_assert_eq!(r.hidden_respondents, (!r.hidden.is_empty()).then_some(pool));
            }
        }

        /// Moving someone between two hidden tracks, on either side, changes nothing shown.
        #[test]
        fn moving_people_between_hidden_tracks_changes_nothing(
            before in people(), after in people(), n in 3u64..7, pick in any::<proptest::sample::Index>(), side in any::<bool>(),
        ) {
            let bank = bank();
            let (b, a) = reports(tally_of(&bank, &before), tally_of(&bank, &after), (0, 0), n);
            let group = if side { &after } else { &before };
            let movable: Vec<usize> = (0..group.len()).filter(|&i| b.hidden.contains(&group[i].0)).collect();
            prop_assume!(b.hidden.len() >= 2 && !movable.is_empty());
            let i = movable[pick.index(movable.len())];
            let others: Vec<usize> = b.hidden.iter().copied().filter(|&t| t != group[i].0).collect();
            let mut moved = group.clone();
            moved[i].0 = others[i % others.len()];
            let (before2, after2) = if side { (before.clone(), moved) } else { (moved, after.clone()) };
            let (b2, a2) = reports(tally_of(&bank, &before2), tally_of(&bank, &after2), (0, 0), n);
            prop_assume!(b2.hidden == b.hidden);
            prop_assert_eq!((b2, a2), (b, a));
        }

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
