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

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::path::Path;

use crate::group::aggregate::{common_breakdown, Overall, Report, Tally};
use crate::group::stats::{self, Reading};
use crate::model::answers::Answers;
use crate::model::bank::{Bank, MYTHS};
use crate::model::scoring::Score;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

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

/// A result's choices packed into bytes, `width` bytes a question (enough for the bank's
/// largest question): what a BEFORE result keeps while it waits for its partner.
struct Packed(Box<[u8]>);

impl Packed {
    fn new(answers: &Answers, width: usize) -> Packed {
        Packed(answers.choices().iter().flat_map(|&c| (c as u32).to_le_bytes().into_iter().take(width)).collect())
    }

    fn unpack(&self, bank: &Bank, width: usize) -> Answers {
        let choices = self
            .0
            .chunks(width)
            .map(|bytes| bytes.iter().rev().fold(0usize, |n, &b| (n << 8) | usize::from(b)))
            .collect();
        Answers::new(bank, choices)
    }
}

/// What a BEFORE result left waiting for its partner.
enum Waiting {
    /// Its answers.
    One(Packed),
    /// Two or more BEFORE results had this path (a directory reached twice under different
    /// names, or names equal once normalized): which one an AFTER result belongs to can't be
    /// told, so they pair with nothing and stay without a partner.
    Ambiguous(Vec<Packed>),
}

/// The pairing key of a relative path: its Unicode NFC form, so a name written by macOS
/// (NFD) pairs with the same name written elsewhere; a name that is not UTF-8 is its bytes.
fn key(relative: &Path) -> Box<[u8]> {
    match relative.to_str() {
        // Most names (ASCII, or written in NFC) are already their key.
        Some(text) if is_nfc_quick(text.chars()) == IsNormalized::Yes => text.as_bytes().into(),
        Some(text) => text.nfc().collect::<String>().into_bytes().into_boxed_slice(),
        None => relative.as_os_str().as_encoded_bytes().into(),
    }
}

/// Before, then after: index 0 and 1 of the per-side arrays below.
const BEFORE: usize = 0;
const AFTER: usize = 1;

/// Pairs results by relative path and counts both sides: every BEFORE result first, then
/// every AFTER result. Only a result alone in its file can have a partner; results in files
/// that hold several are counted on their side as they are.
///
/// The results alone in their file that end without a partner are counted apart: when a
/// side has between 1 and `min_group - 1` of them, [`Pairing::finish`] leaves them out of
/// that side, since a side that differs from the other by so few people gives their answers
/// away by subtraction (ten before, nine after, nobody moved: the tenth's answers are the
/// difference).
pub struct Pairing<'b> {
    bank: &'b Bank,
    /// Bytes a packed choice takes.
    width: usize,
    waiting: HashMap<Box<[u8]>, Waiting>,
    paired: u64,
    movers: [Movers; MYTHS.len()],
    /// Per side: the paired results and the results that can't be paired.
    counted: [Tally; 2],
    /// Per side: results alone in their file without a partner.
    unpaired: [Tally; 2],
    /// Per side: the first, in byte order, of the names that found no partner.
    unmatched: [Option<Box<[u8]>>; 2],
}

/// What pairing found, beside the two sides' counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pairs {
    /// The number of pairs.
    pub paired: u64,
    /// How the paired people moved, per myth in [`MYTHS`] order.
    pub movers: [Movers; MYTHS.len()],
    /// Per side: the results alone in their file that found no partner.
    pub unpaired: [u64; 2],
    /// Per side: how many of those were left out (all of them, or none).
    pub unpaired_left_out: [u64; 2],
}

/// The two sides counted, with the privacy rule on the results without a partner applied.
#[derive(Debug, Clone)]
pub struct Sides {
    /// What may be shown of BEFORE and of AFTER.
    pub tallies: [Tally; 2],
    /// The pairs, and the results without a partner.
    pub pairs: Pairs,
    /// Per side: the first, in byte order, of the relative paths that found no partner,
    /// an example for the organizer when nothing paired (never shown in the comparison).
    pub unmatched: [Option<String>; 2],
}

impl<'b> Pairing<'b> {
    /// An empty pairing over `bank`.
    pub fn new(bank: &'b Bank) -> Pairing<'b> {
        let most = bank.questions.iter().map(|q| q.choices.len()).max().unwrap_or(1);
        let width = if most <= 1 << 8 {
            1
        } else if most <= 1 << 16 {
            2
        } else {
            4
        };
        Pairing {
            bank,
            width,
            waiting: HashMap::new(),
            paired: 0,
            movers: Default::default(),
            counted: [Tally::new(bank), Tally::new(bank)],
            unpaired: [Tally::new(bank), Tally::new(bank)],
            unmatched: [None, None],
        }
    }

    /// Takes a BEFORE result; `alone` is its path relative to BEFORE when it is alone in
    /// its file (it may then have a partner), `None` when its file holds several.
    pub fn before(&mut self, alone: Option<&Path>, answers: &Answers, score: &Score) {
        let Some(relative) = alone else {
            self.counted[BEFORE].add(answers, score);
            return;
        };
        let packed = Packed::new(answers, self.width);
        match self.waiting.entry(key(relative)) {
            Entry::Vacant(entry) => {
                entry.insert(Waiting::One(packed));
            }
            Entry::Occupied(mut entry) => {
                let all = match std::mem::replace(entry.get_mut(), Waiting::Ambiguous(Vec::new())) {
                    Waiting::One(first) => vec![first, packed],
                    Waiting::Ambiguous(mut all) => {
                        all.push(packed);
                        all
                    }
                };
                *entry.get_mut() = Waiting::Ambiguous(all);
            }
        }
    }

    /// Takes an AFTER result, as [`Pairing::before`] takes a BEFORE one; a result alone in
    /// its file pairs with the BEFORE result at the same path, if there is exactly one, and
    /// how each myth answer moved is counted.
    pub fn after(&mut self, alone: Option<&Path>, answers: &Answers, score: &Score) {
        let Some(relative) = alone else {
            self.counted[AFTER].add(answers, score);
            return;
        };
        let key = key(relative);
        let waiting = self.waiting.remove(&key);
        if let Some(Waiting::One(packed)) = waiting {
            let before = packed.unpack(self.bank, self.width);
            let before_score = crate::model::scoring::score(self.bank, &before);
            self.paired += 1;
            let (b, a) = (myth_answers(&before, &before_score), myth_answers(answers, score));
            for ((m, b), a) in self.movers.iter_mut().zip(b).zip(a) {
                m.add(b, a);
            }
            self.counted[BEFORE].add(&before, &before_score);
            self.counted[AFTER].add(answers, score);
        } else {
            // Several BEFORE results at one path (in the rare Ambiguous case) stay waiting.
            if let Some(ambiguous) = waiting {
                self.waiting.insert(key.clone(), ambiguous);
            }
            self.unpaired[AFTER].add(answers, score);
            note_unmatched(&mut self.unmatched[AFTER], key);
        }
    }

    /// The two sides: the BEFORE results still waiting have no partner; on each side, the
    /// results without a partner are counted in only when there are none or at least
    /// `min_group` of them.
    pub fn finish(mut self, min_group: u64) -> Sides {
        for (key, waiting) in std::mem::take(&mut self.waiting) {
            let all = match waiting {
                Waiting::One(packed) => vec![packed],
                Waiting::Ambiguous(all) => all,
            };
            for packed in all {
                let answers = packed.unpack(self.bank, self.width);
                self.unpaired[BEFORE].add(&answers, &crate::model::scoring::score(self.bank, &answers));
            }
            note_unmatched(&mut self.unmatched[BEFORE], key);
        }
        let unpaired = [self.unpaired[BEFORE].all.respondents, self.unpaired[AFTER].all.respondents];
        let mut unpaired_left_out = [0; 2];
        for side in [BEFORE, AFTER] {
            if (1..min_group).contains(&unpaired[side]) {
                unpaired_left_out[side] = unpaired[side];
            } else {
                self.counted[side].merge(&self.unpaired[side]);
            }
        }
        let name = |k: &Option<Box<[u8]>>| k.as_ref().map(|k| String::from_utf8_lossy(k).into_owned());
        Sides {
            tallies: self.counted,
            pairs: Pairs { paired: self.paired, movers: self.movers, unpaired, unpaired_left_out },
            unmatched: [name(&self.unmatched[BEFORE]), name(&self.unmatched[AFTER])],
        }
    }
}

/// Keeps `key` as the side's example of a name without a partner when it sorts first.
fn note_unmatched(example: &mut Option<Box<[u8]>>, key: Box<[u8]>) {
    if example.as_ref().is_none_or(|e| key < *e) {
        *example = Some(key);
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
    /// Per side, the results without a partner left out of that side (see [`Pairing`]).
    pub unpaired_left_out: [u64; 2],
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
    pub fn new(bank: &Bank, before: Report, after: Report, pairs: &Pairs) -> Result<Comparison, TooSmall> {
        let min_group = before.min_group;
        for (side, report) in [&before, &after].into_iter().enumerate() {
            if report.respondents() < min_group {
                return Err(TooSmall { side, respondents: report.respondents() });
            }
        }
        let shown = pairs.paired >= min_group;
        let (b, a) = (&before.all, &after.all);
        let myths = (0..bank.questions.len())
            .filter(|&q| bank.questions[q].is_myth())
            .map(|question| {
                let m = MYTHS.iter().position(|&id| id == bank.questions[question].id).expect("validated: a myth id");
                MythChange {
                    myth: m,
                    question,
                    believed: Change { before: b.believed[m], after: a.believed[m] },
                    movers: shown.then_some(pairs.movers[m]),
                }
            })
            .collect();
        Ok(Comparison { before, after, paired: pairs.paired, unpaired_left_out: pairs.unpaired_left_out, myths })
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
    use crate::group::aggregate::Tally;
    use crate::model::scoring::score;
    use proptest::prelude::*;

    fn bank() -> Bank {
        crate::model::builtin_bank()
    }

    /// Hands `pairing` a result alone in its file at `path`, with `myth` on every myth.
    fn take(pairing: &mut Pairing, after: bool, path: &str, myth: usize) {
        let bank = pairing.bank;
        let a = answers(bank, myth);
        let s = score(bank, &a);
        if after {
            pairing.after(Some(Path::new(path)), &a, &s);
        } else {
            pairing.before(Some(Path::new(path)), &a, &s);
        }
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
        let bank = bank();
        let mut p = Pairing::new(&bank);
        take(&mut p, false, "alice.txt", 4);
        take(&mut p, false, "sub/bob.txt", 2);
        take(&mut p, false, "carol.txt", 0);
        take(&mut p, false, "carol.txt", 1);
        take(&mut p, true, "alice.txt", 1);
        take(&mut p, true, "alice.txt", 4);
        take(&mut p, true, "bob.txt", 2);
        take(&mut p, true, "sub/bob.txt", 2);
        take(&mut p, true, "carol.txt", 4);
        take(&mut p, true, "dave.txt", 4);
        let sides = p.finish(3);
        let pairs = sides.pairs;
        assert_eq!(pairs.paired, 2, "alice once, sub/bob; carol is ambiguous, bob.txt and dave alone");
        assert_eq!(pairs.movers[0], Movers { toward_agree: 0, toward_disagree: 1, same: 1 });
        // Without a partner: both carols before; the second alice, bob.txt, carol, dave after.
        assert_eq!(pairs.unpaired, [2, 4]);
        assert_eq!(pairs.unpaired_left_out, [2, 0], "2 is fewer than 3; 4 is not");
        assert_eq!(sides.tallies[0].all.respondents, 2);
        assert_eq!(sides.tallies[1].all.respondents, 6);
        assert_eq!(sides.unmatched, [Some("carol.txt".into()), Some("alice.txt".into())]);
    }

    #[test]
    fn names_pair_in_their_nfc_form() {
        let bank = bank();
        let mut p = Pairing::new(&bank);
        // 김민수 as macOS writes it (decomposed jamo) before, composed after.
        let nfd: String = "김민수.txt".nfd().collect();
        assert_ne!(nfd, "김민수.txt");
        take(&mut p, false, &nfd, 4);
        take(&mut p, true, "김민수.txt", 1);
        take(&mut p, false, "e\u{301}.txt", 4);
        take(&mut p, true, "\u{e9}.txt", 4);
        assert_eq!(p.finish(3).pairs.paired, 2);
    }

    #[test]
    fn results_in_shared_files_are_counted_and_never_paired() {
        let bank = bank();
        let mut p = Pairing::new(&bank);
        let a = answers(&bank, 2);
        let s = score(&bank, &a);
        for _ in 0..3 {
            p.before(None, &a, &s);
        }
        p.after(None, &a, &s);
        take(&mut p, false, "x", 2);
        let sides = p.finish(5);
        assert_eq!(sides.pairs.unpaired, [1, 0]);
        assert_eq!(sides.pairs.unpaired_left_out, [1, 0]);
        assert_eq!([sides.tallies[0].all.respondents, sides.tallies[1].all.respondents], [3, 1]);
        assert_eq!(sides.unmatched, [Some("x".into()), None]);
    }

    #[test]
    fn packed_answers_come_back_whole() {
        let bank = bank();
        for width in [1, 2, 4] {
            let choices: Vec<usize> = bank.questions.iter().map(|q| q.choices.len() - 1).collect();
            let a = Answers::new(&bank, choices);
            assert_eq!(Packed::new(&a, width).unpack(&bank, width), a);
        }
        let big = Answers::new(&bank, vec![70_000; bank.questions.len()]);
        assert_eq!(Packed::new(&big, 4).unpack(&bank, 4).choices(), big.choices());
        assert_eq!(Packed::new(&big, 4).0.len(), 4 * bank.questions.len());
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
        let none = Pairs::default();
        let small = Comparison::new(&bank, report(&bank, &[3; 6], 5), report(&bank, &[1; 4], 5), &none);
        assert_eq!(small.unwrap_err(), TooSmall { side: 1, respondents: 4 });
        let small = Comparison::new(&bank, report(&bank, &[3; 2], 5), report(&bank, &[1; 4], 5), &none);
        assert_eq!(small.unwrap_err(), TooSmall { side: 0, respondents: 2 });

        let pairs_of = |n: usize| {
            let mut pairing = Pairing::new(&bank);
            for i in 0..n {
                take(&mut pairing, false, &i.to_string(), 3);
                take(&mut pairing, true, &i.to_string(), if i < 4 { 1 } else { 3 });
            }
            pairing.finish(5).pairs
        };
        let c = Comparison::new(&bank, report(&bank, &[3; 6], 5), report(&bank, &[1; 6], 5), &pairs_of(4)).unwrap();
        assert!(!c.paired_shown());
        assert_eq!(c.paired, 4);
        assert!(c.myths.iter().all(|m| m.movers.is_none()));
        assert_eq!(c.myths[0].believed, Change { before: 6, after: 0 });
        assert_eq!(c.totals(), (6, 6));

        let c = Comparison::new(&bank, report(&bank, &[3; 6], 5), report(&bank, &[1; 6], 5), &pairs_of(5)).unwrap();
        assert!(c.paired_shown());
        assert_eq!(c.myths[0].movers, Some(Movers { toward_agree: 0, toward_disagree: 4, same: 1 }));
    }

    #[test]
    fn verdicts_and_choices_line_up_with_the_bank() {
        let bank = bank();
        let c =
            Comparison::new(&bank, report(&bank, &[4; 5], 5), report(&bank, &[0; 5], 5), &Pairs::default()).unwrap();
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
            assert_eq!(r.hidden(), vec![0, 1, 2]);
            assert!(r.by_track.is_empty());
            assert_eq!(r.tracks, vec![None; 3]);
            assert_eq!(r.verdicts.stay, vec![None; 3]);
            assert_eq!(r.hidden_respondents, Some(r.respondents()));
        }
        let c = Comparison::new(&bank, b, a, &Pairs::default()).unwrap();
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
            prop_assert_eq!(&b.hidden(), &a.hidden());
            for (r, t) in [(&b, &tb), (&a, &ta)] {
                prop_assert!(crate::group::aggregate::keeps_rules(&t.sizes(), &r.hidden(), n));
                for &h in &r.hidden() {
                    prop_assert_eq!(r.tracks[h], None);
                    prop_assert_eq!(r.verdicts.stay[h], None);
                    prop_assert!(r.by_track.iter().all(|c| c.track != h));
                }
                prop_assert!(r.all.choices[0].is_empty());
                let pool: u64 = r.hidden().iter().map(|&h| t.by_track[h].respondents).sum();
                prop_assert_eq!(r.hidden_respondents, (!r.hidden().is_empty()).then_some(pool));
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
            let movable: Vec<usize> = (0..group.len()).filter(|&i| b.hidden().contains(&group[i].0)).collect();
            prop_assume!(b.hidden().len() >= 2 && !movable.is_empty());
            let i = movable[pick.index(movable.len())];
            let others: Vec<usize> = b.hidden().iter().copied().filter(|&t| t != group[i].0).collect();
            let mut moved = group.clone();
            moved[i].0 = others[i % others.len()];
            let (before2, after2) = if side { (before.clone(), moved) } else { (moved, after.clone()) };
            let (b2, a2) = reports(tally_of(&bank, &before2), tally_of(&bank, &after2), (0, 0), n);
            prop_assume!(b2.hidden() == b.hidden());
            prop_assert_eq!((b2, a2), (b, a));
        }

        /// Every pair is counted once per myth, in exactly one direction.
        #[test]
        fn movers_add_up_to_the_pairs(
            people in proptest::collection::vec((0u8..5, 0u8..5, any::<bool>(), any::<bool>()), 0..60)
        ) {
            let bank = bank();
            let mut p = Pairing::new(&bank);
            let mut expected = 0;
            for (i, &(b, _, in_before, in_after)) in people.iter().enumerate() {
                if in_before { take(&mut p, false, &i.to_string(), b.into()); }
                expected += u64::from(in_before && in_after);
            }
            for (i, &(_, a, _, in_after)) in people.iter().enumerate() {
                if in_after { take(&mut p, true, &i.to_string(), a.into()); }
            }
            let before_only = people.iter().filter(|x| x.2 && !x.3).count() as u64;
            let after_only = people.iter().filter(|x| !x.2 && x.3).count() as u64;
            let sides = p.finish(5);
            let pairs = sides.pairs;
            prop_assert_eq!(pairs.paired, expected);
            for m in &pairs.movers {
                prop_assert_eq!(m.moved() + m.same, expected);
            }
            let up = people.iter().filter(|x| x.2 && x.3 && x.1 > x.0).count() as u64;
            prop_assert_eq!(pairs.movers[0].toward_agree, up);
            // Those who answered once are all counted, or all left out when 1 to 4.
            for (side, unpaired) in [before_only, after_only].into_iter().enumerate() {
                prop_assert_eq!(pairs.unpaired[side], unpaired);
                let left = if (1..5).contains(&unpaired) { unpaired } else { 0 };
                prop_assert_eq!(pairs.unpaired_left_out[side], left);
                prop_assert_eq!(sides.tallies[side].all.respondents, expected + unpaired - left);
            }
        }

        /// The order of the AFTER results doesn't matter.
        #[test]
        fn after_order_does_not_matter(answers in proptest::collection::vec((0u8..5, 0u8..5), 0..40)) {
            let run = |rev: bool| {
                let bank = bank();
                let mut p = Pairing::new(&bank);
                for (i, &(b, _)) in answers.iter().enumerate() { take(&mut p, false, &i.to_string(), b.into()); }
                let mut order: Vec<usize> = (0..answers.len()).collect();
                if rev { order.reverse(); }
                for i in order { take(&mut p, true, &i.to_string(), answers[i].1.into()); }
                let sides = p.finish(5);
                (sides.pairs, sides.tallies)
            };
            prop_assert_eq!(run(false), run(true));
        }
    }
}
