//! "What would change it": the smallest sets of changed answers that would put the score on
//! the other side of the threshold. Pure, beside `scoring`: it knows the bank and the chosen
//! answers, nothing of terminals or formats.
//!
//! The search is exact and cheap. A change only helps if it moves the score the needed way,
//! and a question's best change is the one that moves it furthest; so the fewest changes
//! needed (`k`) come from the largest of those best moves, taken greedily. The sets of `k`
//! questions whose best moves together reach the threshold are then enumerated with the
//! questions sorted by their best move, so a branch that can no longer reach it is cut at
//! once. Each set keeps the alternative answers that cross by the least.
//!
//! The built-in bank needs a few thousand steps at most (2,615 over the combinations the
//! exhaustive test samples). A huge custom bank could offer
//! billions of sets (10,000 questions that each cross alone, say), so the search stops after
//! [`MAX_STEPS`] steps and keeps the best it has seen. The sets with the largest moves come
//! first, so the first set found always crosses: a flip is shown whenever one exists.

use crate::model::bank::{Bank, Kind};

/// How many flips are shown at most.
pub const MAX_FLIPS: usize = 3;
/// The most steps (sets and answer combinations looked at) one search takes.
pub const MAX_STEPS: usize = 200_000;

/// One changed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The index of the question in the bank; never the track question.
    pub question: usize,
    /// The choice index answered.
    pub from: usize,
    /// The choice index that would change the verdict.
    pub to: usize,
    /// The change in score: the new choice's weight minus the old one's.
    pub delta: i64,
}

/// A set of changed answers that, together, puts the score on the other side of the threshold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flip {
    /// The changes, in bank order.
    pub changes: Vec<Change>,
    /// The score after the changes.
    pub score: i64,
}

/// A question that can move the score the needed way, with its moves.
struct Candidate {
    question: usize,
    myth: bool,
    /// `(choice, gain)` with gain > 0, largest gain first: how far choosing it moves the score
    /// the needed way.
    moves: Vec<(usize, i64)>,
}

impl Candidate {
    fn best(&self) -> i64 {
        self.moves[0].1
    }
}

/// What to look for: the candidates, largest best move first, and how far the score must move.
struct Search {
    candidates: Vec<Candidate>,
    need: i64,
}

impl Search {
    fn new(bank: &Bank, choices: &[usize]) -> Search {
        let (need, to_ml) = needed(bank, choices);
        let mut candidates: Vec<Candidate> = bank
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.kind != Kind::Track)
            .filter_map(|(i, q)| {
                let from = q.choices[choices[i]].weight;
                let mut moves: Vec<(usize, i64)> = q
                    .choices
                    .iter()
                    .enumerate()
                    .filter(|&(c, _)| c != choices[i])
                    .map(|(c, choice)| (c, if to_ml { choice.weight - from } else { from - choice.weight }))
                    .filter(|&(_, gain)| gain > 0)
                    .collect();
                moves.sort_by_key(|&(c, gain)| (-gain, c));
                (!moves.is_empty()).then_some(Candidate { question: i, myth: q.kind == Kind::Myth, moves })
            })
            .collect();
        candidates.sort_by_key(|c| (-c.best(), c.question));
        Search { candidates, need }
    }
}

/// How far the score of `choices` must move to cross: up to the threshold from below, or
/// below it from at or above it; and whether the move is up (toward ML).
fn needed(bank: &Bank, choices: &[usize]) -> (i64, bool) {
    let total = total(bank, choices);
    if total < bank.threshold {
        (bank.threshold - total, true)
    } else {
        (total - bank.threshold + 1, false)
    }
}

/// The score of `choices` (one choice index per question, in bank order).
pub fn total(bank: &Bank, choices: &[usize]) -> i64 {
    bank.questions.iter().zip(choices).map(|(q, &c)| q.choices[c].weight).sum()
}

/// The fewest changed answers (never the track) that put the score of `choices` on the other
/// side of the threshold; `None` when no change of answers can. Greedy and exact: each
/// question's best move the needed way, the largest first, until they reach the threshold.
pub fn smallest(bank: &Bank, choices: &[usize]) -> Option<usize> {
    let (need, to_ml) = needed(bank, choices);
    let mut best: Vec<i64> = bank
        .questions
        .iter()
        .zip(choices)
        .filter(|(q, _)| q.kind != Kind::Track)
        .map(|(q, &c)| {
            let (lo, hi) = q.weight_range();
            let from = q.choices[c].weight;
            if to_ml {
                hi - from
            } else {
                from - lo
            }
        })
        .filter(|&gain| gain > 0)
        .collect();
    best.sort_unstable_by(|a, b| b.cmp(a));
    let mut sum = 0;
    best.iter()
        .position(|&gain| {
            sum += gain;
            sum >= need
        })
        .map(|n| n + 1)
}

/// Up to [`MAX_FLIPS`] different sets of the fewest changed answers that put the score of
/// `choices` on the other side of the threshold. Sets with fewer myths (more reality checks)
/// come first, then those that cross by the least, then bank order. Within a set, the new
/// answers are those that cross by the least. Empty when no change of answers can cross.
pub fn find(bank: &Bank, choices: &[usize]) -> Vec<Flip> {
    find_within(bank, choices, MAX_STEPS).0
}

/// [`find`] within `budget` steps; also returns the steps taken.
fn find_within(bank: &Bank, choices: &[usize], budget: usize) -> (Vec<Flip>, usize) {
    let Some(k) = smallest(bank, choices) else {
        return (Vec::new(), 0);
    };
    let search = Search::new(bank, choices);
    let mut finder = Finder { search: &search, k, budget, steps: 0, best: Vec::new(), set: Vec::with_capacity(k) };
    finder.sets(0, 0);
    let steps = finder.steps;
    let total = total(bank, choices);
    let flips = finder
        .best
        .into_iter()
        .map(|found| {
            let mut changes: Vec<Change> = found
                .set
                .iter()
                .zip(&found.picks)
                .map(|(&n, &m)| {
                    let c = &search.candidates[n];
                    let (to, _) = c.moves[m];
                    let q = &bank.questions[c.question];
                    let from = choices[c.question];
                    Change { question: c.question, from, to, delta: q.choices[to].weight - q.choices[from].weight }
                })
                .collect();
            changes.sort_by_key(|c| c.question);
            let score = total + changes.iter().map(|c| c.delta).sum::<i64>();
            Flip { changes, score }
        })
        .collect();
    (flips, steps)
}

/// A set found, with the order it ranks in.
struct Found {
    /// Myths in the set, how far it crosses beyond what is needed, its questions in bank order.
    key: (usize, i64, Vec<usize>),
    /// Indices into the candidates.
    set: Vec<usize>,
    /// For each, the index of the move taken.
    picks: Vec<usize>,
}

/// The enumeration's state.
struct Finder<'a> {
    search: &'a Search,
    k: usize,
    budget: usize,
    steps: usize,
    /// The best sets so far, best first, at most MAX_FLIPS.
    best: Vec<Found>,
    /// The set being built: indices into the candidates.
    set: Vec<usize>,
}

impl Finder<'_> {
    /// Extends the set with candidates from `from` on; `sum` is the set's best moves so far.
    fn sets(&mut self, from: usize, sum: i64) {
        let candidates = &self.search.candidates;
        let left = self.k - self.set.len();
        if left == 0 {
            if sum >= self.search.need {
                self.evaluate();
            }
            return;
        }
        for next in from..candidates.len().saturating_sub(left - 1) {
            if self.steps >= self.budget {
                return;
            }
            self.steps += 1;
            // Candidates are sorted by best move, so the next `left` are the most this branch
            // can still add, and later branches add less.
            let reach: i64 = candidates[next..next + left].iter().map(Candidate::best).sum();
            if sum + reach < self.search.need {
                return;
            }
            self.set.push(next);
            self.sets(next + 1, sum + candidates[next].best());
            self.set.pop();
        }
    }

    /// Finds the moves within the current set that cross by the least, and ranks the set.
    fn evaluate(&mut self) {
        let candidates = &self.search.candidates;
        let moves: Vec<&[(usize, i64)]> = self.set.iter().map(|&n| candidates[n].moves.as_slice()).collect();
        // The most the moves from position i on can add: to cut hopeless combinations.
        let mut reach = vec![0; moves.len() + 1];
        for i in (0..moves.len()).rev() {
            reach[i] = reach[i + 1] + moves[i][0].1;
        }
        let mut best: Option<(i64, Vec<usize>)> = None;
        let mut picks = Vec::with_capacity(moves.len());
        self.picks(&moves, &reach, 0, &mut picks, &mut best);
        let Some((over, picks)) = best else { return };
        let myths = self.set.iter().filter(|&&n| candidates[n].myth).count();
        let mut questions: Vec<usize> = self.set.iter().map(|&n| candidates[n].question).collect();
        questions.sort_unstable();
        let found = Found { key: (myths, over, questions), set: self.set.clone(), picks };
        let at = self.best.partition_point(|b| b.key < found.key);
        if at < MAX_FLIPS {
            self.best.insert(at, found);
            self.best.truncate(MAX_FLIPS);
        }
    }

    /// Tries the moves of position `i` on; keeps in `best` the picks that cross by the least.
    fn picks(
        &mut self,
        moves: &[&[(usize, i64)]],
        reach: &[i64],
        sum: i64,
        picks: &mut Vec<usize>,
        best: &mut Option<(i64, Vec<usize>)>,
    ) {
        let i = picks.len();
        if i == moves.len() {
            let over = sum - self.search.need;
            if over >= 0 && best.as_ref().is_none_or(|(b, _)| over < *b) {
                *best = Some((over, picks.clone()));
            }
            return;
        }
        for (m, &(_, gain)) in moves[i].iter().enumerate() {
            if self.steps >= self.budget || best.as_ref().is_some_and(|(b, _)| *b == 0) {
                return;
            }
            self.steps += 1;
            // Moves are sorted largest first: once this one can't reach, no later one can.
            if sum + gain + reach[i + 1] < self.search.need {
                return;
            }
            picks.push(m);
            self.picks(moves, reach, sum + gain, picks, best);
            picks.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::bank::{Choice, Question, Text};
    use proptest::prelude::*;

    fn builtin() -> Bank {
        crate::model::builtin_bank()
    }

    /// The choice indices of keyed answers over the built-in bank.
    fn choices(bank: &Bank, keyed: &[(&str, &str)]) -> Vec<usize> {
        let mut out = vec![usize::MAX; bank.questions.len()];
        for (id, key) in keyed {
            let i = bank.question_index(id).unwrap();
            out[i] = bank.questions[i].find_choice(key).unwrap();
        }
        assert!(out.iter().all(|&c| c != usize::MAX), "every question answered");
        out
    }

    const STAY: [(&str, &str); 12] = [
        ("track", "backend"),
        ("hard", "disagree"),
        ("mentor", "no"),
        ("jobs", "agree"),
        ("data", "unsure"),
        ("wages", "neutral"),
        ("same-pay", "no"),
        ("future-proof", "disagree"),
        ("colleague", "yes"),
        ("fun", "strongly-agree"),
        ("data-work", "no"),
        ("enjoy-track", "yes"),
    ];

    #[test]
    fn a_near_miss_flips_with_the_one_answer_that_crosses_alone() {
        // mentor yes, data yes, same-pay yes, the rest neutral-ish: 9 + 1 (jobs disagree) = 10.
        let bank = builtin();
        let c = choices(
            &bank,
            &[
                ("track", "frontend"),
                ("hard", "neutral"),
                ("mentor", "yes"),
                ("jobs", "disagree"),
                ("data", "yes"),
                ("wages", "neutral"),
                ("same-pay", "yes"),
                ("future-proof", "neutral"),
                ("colleague", "yes"),
                ("fun", "neutral"),
                ("data-work", "somewhat"),
                ("enjoy-track", "somewhat"),
            ],
        );
        // 3 + 1 + 3 + 3 - 2 + 1 = 9: three short of 12.
        assert_eq!(total(&bank, &c), 9);
        // Only colleague crosses alone (yes→no is +4, over by 1); data-work and enjoy-track
        // (+2), the myths at neutral (+2) and jobs (+1) fall short; the rest are at their top.
        let flips = find(&bank, &c);
        assert_eq!(flips.len(), 1);
        assert_eq!(flips[0].changes, [Change { question: 8, from: 0, to: 2, delta: 4 }]);
        assert_eq!(flips[0].score, 13);
    }

    #[test]
    fn stay_result_needs_the_fewest_changes_and_prefers_checks() {
        let bank = builtin();
        let c = choices(&bank, &STAY);
        let t = total(&bank, &c);
        assert!(t < bank.threshold);
        let flips = find(&bank, &c);
        let k = smallest(&bank, &c).unwrap();
        assert!(!flips.is_empty());
        for f in &flips {
            assert_eq!(f.changes.len(), k);
            assert!(f.score >= bank.threshold);
        }
        // The first flip has no more myths in it than any other.
        let myths = |f: &Flip| f.changes.iter().filter(|c| bank.questions[c.question].is_myth()).count();
        assert!(flips.windows(2).all(|w| myths(&w[0]) <= myths(&w[1])));
    }

    #[test]
    fn ml_result_flips_down_below_the_threshold() {
        let bank = builtin();
        let keyed = [
            ("track", "frontend"),
            ("hard", "strongly-disagree"),
            ("mentor", "yes"),
            ("jobs", "disagree"),
            ("data", "yes"),
            ("wages", "neutral"),
            ("same-pay", "yes"),
            ("future-proof", "agree"),
            ("colleague", "no"),
            ("fun", "disagree"),
            ("data-work", "somewhat"),
            ("enjoy-track", "somewhat"),
        ];
        let c = choices(&bank, &keyed);
        assert_eq!(total(&bank, &c), 15);
        let flips = find(&bank, &c);
        assert_eq!(flips.len(), 3);
        let ids: Vec<&str> = flips.iter().map(|f| bank.questions[f.changes[0].question].id.as_str()).collect();
        // A fall of 4 is needed. colleague no→yes and data-work somewhat→no (-4) cross by
        // nothing; mentor, data and same-pay yes→no (-6) by 2; hard strongly disagree→strongly
        // agree (-4) also by nothing, but it is a myth, so the checks come first.
        assert_eq!(ids, ["colleague", "data-work", "mentor"]);
        assert_eq!(flips[0].score, 11);
        assert_eq!(flips[0].changes[0].delta, -4);
        assert_eq!(flips[2].changes[0].to, 3, "mentor: path (+1) and unsure (0) are not enough, so no");
    }

    #[test]
    fn the_track_is_never_changed_and_a_flat_bank_has_no_flip() {
        let bank = builtin();
        let c = choices(&bank, &STAY);
        for f in find(&bank, &c) {
            assert!(f.changes.iter().all(|ch| ch.question != 0));
        }
        // Only the track has a say: nothing can flip.
        let flat = tiny_bank(&[&[0, 0], &[1, 1]], 5);
        assert_eq!(smallest(&flat, &[0, 0, 1]), None);
        assert!(find(&flat, &[0, 0, 1]).is_empty());
    }

    #[test]
    fn a_huge_bank_is_searched_within_the_step_budget_and_still_flips() {
        // 3,000 questions answered -1 that can each move +6 (to 5) or +2 (to 1), 10 short: two
        // changes needed, and all 4.5 million pairs cross. The search stops at its budget
        // with the best three it saw: two reality checks each, crossing by 2.
        let weights: Vec<Vec<i64>> = (0..3000).map(|_| vec![-1, 1, 5]).collect();
        let refs: Vec<&[i64]> = weights.iter().map(Vec::as_slice).collect();
        let bank = tiny_bank(&refs, -2990);
        let choices = vec![0; 3001];
        let (flips, steps) = find_within(&bank, &choices, MAX_STEPS);
        assert_eq!(steps, MAX_STEPS);
        assert_eq!(flips.len(), 3);
        for f in &flips {
            assert_eq!(f.changes.len(), 2);
            assert_eq!(f.score, -2988);
            assert!(f.changes.iter().all(|c| !bank.questions[c.question].is_myth()));
        }
        // A budget too small to look past the first set still finds that one.
        let (flips, _) = find_within(&bank, &choices, 4);
        assert_eq!(flips.len(), 1);
        assert!(flips[0].score >= bank.threshold);
    }

    /// A bank of a track question and questions with these weights (checks of no myth).
    fn tiny_bank(weights: &[&[i64]], threshold: i64) -> Bank {
        let mut bank = builtin();
        let choice = |key: String, weight| Choice { key, label: Text::default(), weight };
        let track = bank.questions[0].clone();
        bank.questions = std::iter::once(track)
            .chain(weights.iter().enumerate().map(|(i, ws)| Question {
                id: format!("q{i}"),
                kind: if i % 2 == 0 { Kind::Check { myth: "hard".into() } } else { Kind::Myth },
                topic: Text::default(),
                prompt: Text::default(),
                choices: ws.iter().enumerate().map(|(c, &w)| choice(format!("c{c}"), w)).collect(),
                summary: None,
                counterpoint: None,
            }))
            .collect();
        bank.threshold = threshold;
        bank.advice.clear();
        bank
    }

    /// The slow way: every answer set (the track kept), its distance from `choices` and side.
    /// Returns, per set of changed questions that crosses with the fewest changes, the least
    /// overshoot, as `(myths, overshoot, questions)`, sorted.
    fn brute_force(bank: &Bank, choices: &[usize]) -> Vec<(usize, i64, Vec<usize>)> {
        let n = bank.questions.len();
        let t = total(bank, choices);
        let to_ml = t < bank.threshold;
        let mut current = vec![0; n];
        current[0] = choices[0];
        let mut by_set: std::collections::BTreeMap<Vec<usize>, i64> = Default::default();
        let mut smallest = usize::MAX;
        loop {
            let s = total(bank, &current);
            if (s >= bank.threshold) == to_ml {
                let changed: Vec<usize> = (0..n).filter(|&i| current[i] != choices[i]).collect();
                let over = if to_ml { s - bank.threshold } else { bank.threshold - 1 - s };
                if changed.len() < smallest {
                    smallest = changed.len();
                    by_set.clear();
                }
                if changed.len() == smallest {
                    let e = by_set.entry(changed).or_insert(over);
                    *e = (*e).min(over);
                }
            }
            // Next combination, question 0 (the track) held.
            let mut i = 1;
            loop {
                if i == n {
                    let mut out: Vec<_> = by_set
                        .into_iter()
                        .map(|(set, over)| {
                            let myths = set.iter().filter(|&&q| bank.questions[q].is_myth()).count();
                            (myths, over, set)
                        })
                        .collect();
                    out.sort();
                    return out;
                }
                current[i] += 1;
                if current[i] < bank.questions[i].choices.len() {
                    break;
                }
                current[i] = 0;
                i += 1;
            }
        }
    }

    fn small_bank() -> impl Strategy<Value = (Bank, Vec<usize>)> {
        proptest::collection::vec(proptest::collection::vec(-6i64..=6, 2..=4), 1..=6)
            .prop_flat_map(|weights| {
                let lo: i64 = weights.iter().map(|w| *w.iter().min().unwrap()).sum();
                let hi: i64 = weights.iter().map(|w| *w.iter().max().unwrap()).sum();
                let picks: Vec<_> = weights.iter().map(|w| 0..w.len()).collect();
                (Just(weights), lo - 1..=hi + 1, 0..3usize, picks)
            })
            .prop_map(|(weights, threshold, track, picks)| {
                let refs: Vec<&[i64]> = weights.iter().map(Vec::as_slice).collect();
                let bank = tiny_bank(&refs, threshold);
                (bank, std::iter::once(track).chain(picks).collect())
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

        /// On small random banks, the flips are exactly the best sets the slow way finds.
        #[test]
        fn flips_match_the_brute_force((bank, choices) in small_bank()) {
            let expected = brute_force(&bank, &choices);
            let flips = find(&bank, &choices);
            let t = total(&bank, &choices);
            prop_assert_eq!(smallest(&bank, &choices), expected.first().map(|e| e.2.len()));
            let got: Vec<(usize, i64, Vec<usize>)> = flips
                .iter()
                .map(|f| {
                    let set: Vec<usize> = f.changes.iter().map(|c| c.question).collect();
                    let myths = set.iter().filter(|&&q| bank.questions[q].is_myth()).count();
                    let over = if t < bank.threshold { f.score - bank.threshold } else { bank.threshold - 1 - f.score };
                    (myths, over, set)
                })
                .collect();
            prop_assert_eq!(&got[..], &expected[..expected.len().min(MAX_FLIPS)]);
            for f in &flips {
                prop_assert!((f.score >= bank.threshold) != (t >= bank.threshold), "does not cross");
                prop_assert!(f.changes.iter().all(|c| c.question != 0 && c.from == choices[c.question] && c.to != c.from));
                let mut after = choices.clone();
                for c in &f.changes {
                    after[c.question] = c.to;
                }
                prop_assert_eq!(total(&bank, &after), f.score);
            }
        }

        /// On the built-in bank: every flip crosses, has the fewest changes, leaves the track.
        #[test]
        fn builtin_flips_cross_with_the_fewest_changes(picks in proptest::collection::vec(0usize..5, 12)) {
            let bank = builtin();
            let choices: Vec<usize> =
                bank.questions.iter().zip(&picks).map(|(q, &p)| p % q.choices.len()).collect();
            let t = total(&bank, &choices);
            let k = smallest(&bank, &choices);
            let flips = find(&bank, &choices);
            prop_assert!(k.is_some(), "a valid bank can always flip");
            prop_assert!(!flips.is_empty() && flips.len() <= MAX_FLIPS);
            for f in &flips {
                prop_assert_eq!(Some(f.changes.len()), k);
                prop_assert!((f.score >= bank.threshold) != (t >= bank.threshold));
                prop_assert!(f.changes.iter().all(|c| bank.questions[c.question].kind != Kind::Track));
            }
        }
    }

    /// Every answer combination of the built-in bank (4,050,000 with the track held: 5^5 myth
    /// answers times 4·3·3·3·4·3 checks): the fewest changes to cross, found by a breadth-first
    /// search over the whole answer space from every set on the other side, equals the fast
    /// way's for each. The full `find` is compared on every 101st combination.
    #[test]
    fn the_smallest_size_agrees_with_a_search_of_every_combination() {
        let bank = builtin();
        let questions = &bank.questions[1..];
        let radix: Vec<usize> = questions.iter().map(|q| q.choices.len()).collect();
        let count: usize = radix.iter().product();
        assert_eq!(count, 3125 * 4 * 3 * 3 * 3 * 4 * 3);
        let mut stride = vec![1; radix.len()];
        for i in 1..radix.len() {
            stride[i] = stride[i - 1] * radix[i - 1];
        }
        // Walks every combination in index order as an odometer: choices[1..] are the digits.
        let odometer = |visit: &mut dyn FnMut(usize, &[usize])| {
            let mut choices = vec![0; bank.questions.len()];
            for node in 0..count {
                visit(node, &choices);
                for j in 0..radix.len() {
                    choices[j + 1] += 1;
                    if choices[j + 1] < radix[j] {
                        break;
                    }
                    choices[j + 1] = 0;
                }
            }
        };
        let mut ml = vec![false; count];
        odometer(&mut |node, choices| ml[node] = total(&bank, choices) >= bank.threshold);
        // Distance from each combination to the nearest one on the other side: a breadth-first
        // search that starts from every combination of one side at once and so reaches each
        // combination of the other side at its distance from the nearest; once per side.
        const FAR: u8 = u8::MAX;
        let mut dist = vec![FAR; count];
        for side in [true, false] {
            let mut frontier: Vec<usize> = (0..count).filter(|&n| ml[n] == side).collect();
            let mut seen: Vec<bool> = ml.iter().map(|&m| m == side).collect();
            let mut d = 0u8;
            while !frontier.is_empty() {
                d += 1;
                let mut next = Vec::new();
                for &node in &frontier {
                    for j in 0..radix.len() {
                        let digit = node / stride[j] % radix[j];
                        for alt in 0..radix[j] {
                            if alt == digit {
                                continue;
                            }
                            let other = node - digit * stride[j] + alt * stride[j];
                            if !seen[other] {
                                seen[other] = true;
                                dist[other] = d;
                                next.push(other);
                            }
                        }
                    }
                }
                frontier = next;
            }
        }
        let mut most_steps = 0;
        odometer(&mut |node, choices| {
            let expected = (dist[node] != FAR).then_some(dist[node] as usize);
            assert_eq!(smallest(&bank, choices), expected, "answers {choices:?}");
            if node % 101 == 0 {
                let (flips, steps) = find_within(&bank, choices, MAX_STEPS);
                assert!(!flips.is_empty());
                assert!(flips.iter().all(|f| Some(f.changes.len()) == expected), "answers {choices:?}");
                most_steps = most_steps.max(steps);
            }
        });
        // What the module's documentation promises for the built-in bank.
        assert!(most_steps <= 3000, "the built-in bank took {most_steps} steps");
    }
}
