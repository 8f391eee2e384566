//! Counting over many results, beside `scoring`: a [`Tally`] takes one scored result at a
//! time and keeps only counts, so its size depends on the bank and not on how many results it
//! has seen; two tallies merge in any order to the same numbers. [`breakdown`] applies the
//! privacy rule to the tracks. Pure: no I/O, no rendering.

use crate::answers::Answers;
use crate::bank::{Bank, MYTHS};
use crate::scoring::{Recommendation, Score};

/// The smallest `--min-group` allowed.
pub const MIN_GROUP_FLOOR: u64 = 3;
/// The default `--min-group`.
pub const MIN_GROUP_DEFAULT: u64 = 5;

/// Counts over a set of results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    /// How many results.
    pub respondents: u64,
    /// Verdict counts: index 0 is `ml`, index 1 + t is "stay in track t" (bank order).
    pub verdicts: Vec<u64>,
    /// For each question, how many chose each of its choices.
    pub choices: Vec<Vec<u64>>,
    /// For each myth (in [`MYTHS`] order), how many believed it (agree or strongly agree).
    pub believed: Vec<u64>,
    /// Score histogram: index i counts the score `min_score + i`.
    pub scores: Vec<u64>,
    /// The sum of the scores, for the mean.
    pub score_sum: i64,
}

impl Counts {
    fn new(bank: &Bank) -> Counts {
        let (lo, hi) = bank.score_range();
        Counts {
            respondents: 0,
            verdicts: vec![0; 1 + bank.track().choices.len()],
            choices: bank.questions.iter().map(|q| vec![0; q.choices.len()]).collect(),
            believed: vec![0; MYTHS.len()],
            scores: vec![0; (hi - lo + 1) as usize],
            score_sum: 0,
        }
    }

    fn add(&mut self, result: &Scored) {
        self.respondents += 1;
        self.verdicts[result.verdict] += 1;
        for (counts, &c) in self.choices.iter_mut().zip(&result.choices) {
            counts[c] += 1;
        }
        for (count, &b) in self.believed.iter_mut().zip(&result.believed) {
            *count += u64::from(b);
        }
        self.scores[result.score_index] += 1;
        self.score_sum += result.total;
    }

    fn merge(&mut self, other: &Counts) {
        self.respondents += other.respondents;
        add_all(&mut self.verdicts, &other.verdicts);
        for (a, b) in self.choices.iter_mut().zip(&other.choices) {
            add_all(a, b);
        }
        add_all(&mut self.believed, &other.believed);
        add_all(&mut self.scores, &other.scores);
        self.score_sum += other.score_sum;
    }
}

fn add_all(a: &mut [u64], b: &[u64]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// One result, reduced to what a tally counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// The track's choice index.
    pub track: usize,
    /// 0 for `ml`, 1 + track index for staying.
    pub verdict: usize,
    /// The chosen choice index of every question, in bank order.
    pub choices: Vec<usize>,
    /// Whether each myth (in [`MYTHS`] order) was believed.
    pub believed: Vec<bool>,
    /// The score.
    pub total: i64,
    /// `total - min_score`.
    pub score_index: usize,
}

impl Scored {
    /// Reduces a scored result.
    pub fn new(bank: &Bank, answers: &Answers, score: &Score) -> Scored {
        let track = answers.choice(0);
        Scored {
            track,
            verdict: match score.recommendation {
                Recommendation::Ml => 0,
                Recommendation::Stay(_) => 1 + track,
            },
            choices: (0..bank.questions.len()).map(|i| answers.choice(i)).collect(),
            believed: score.myths.iter().map(|m| m.believed).collect(),
            total: score.total,
            score_index: (score.total - score.range.0) as usize,
        }
    }
}

/// Counts over every result, and over the results of each track.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Over every result.
    pub all: Counts,
    /// Over the results of each track, in bank order.
    pub by_track: Vec<Counts>,
    /// The lowest score possible (the histogram's first bin).
    pub min_score: i64,
}

impl Tally {
    /// An empty tally for `bank`.
    pub fn new(bank: &Bank) -> Tally {
        Tally {
            all: Counts::new(bank),
            by_track: bank.track().choices.iter().map(|_| Counts::new(bank)).collect(),
            min_score: bank.score_range().0,
        }
    }

    /// Adds one scored result.
    pub fn add(&mut self, bank: &Bank, answers: &Answers, score: &Score) {
        self.add_scored(&Scored::new(bank, answers, score));
    }

    /// Adds one reduced result.
    pub fn add_scored(&mut self, result: &Scored) {
        self.all.add(result);
        self.by_track[result.track].add(result);
    }

    /// Adds everything `other` counted; the order of merges and adds does not matter.
    pub fn merge(&mut self, other: &Tally) {
        self.all.merge(&other.all);
        for (a, b) in self.by_track.iter_mut().zip(&other.by_track) {
            a.merge(b);
        }
    }

    /// Mean, median, lowest and highest score; `None` without results.
    pub fn stats(&self) -> Option<Stats> {
        stats(&self.all.scores, self.min_score)
    }
}

/// Summary statistics of the scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    /// The mean score.
    pub mean: f64,
    /// The median (the mean of the two middle scores for an even count).
    pub median: f64,
    /// The lowest score.
    pub min: i64,
    /// The highest score.
    pub max: i64,
}

/// Statistics of a histogram whose first bin is the score `min_score`.
pub fn stats(histogram: &[u64], min_score: i64) -> Option<Stats> {
    let n: u64 = histogram.iter().sum();
    if n == 0 {
        return None;
    }
    let score = |i: usize| min_score + i as i64;
    let sum: i64 = histogram.iter().enumerate().map(|(i, &c)| score(i) * c as i64).sum();
    let min = score(histogram.iter().position(|&c| c > 0)?);
    let max = score(histogram.iter().rposition(|&c| c > 0)?);
    // The k-th score in order (0-based).
    let nth = |k: u64| {
        let mut seen = 0;
        for (i, &c) in histogram.iter().enumerate() {
            seen += c;
            if seen > k {
                return score(i);
            }
        }
        max
    };
    let median = if n % 2 == 1 { nth(n / 2) as f64 } else { (nth(n / 2 - 1) + nth(n / 2)) as f64 / 2.0 };
    Some(Stats { mean: sum as f64 / n as f64, median, min, max })
}

/// Which tracks a breakdown may show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    /// Track indices shown, in bank order.
    pub shown: Vec<usize>,
    /// Track indices hidden, in bank order.
    pub hidden: Vec<usize>,
}

/// The privacy rule over the tracks' sizes: a track with fewer than `min_group` results is
/// hidden; when the hidden tracks together hold some results but fewer than `min_group`, the
/// next smallest shown track is hidden too (the first in bank order among equals), until
/// they hold at least `min_group` or every track is hidden (no breakdown). So no hidden count
/// can be worked out by subtracting the shown ones from the total. An empty track is hidden
/// but needs no cover: it holds no one.
pub fn breakdown(sizes: &[u64], min_group: u64) -> Breakdown {
    let mut hidden: Vec<bool> = sizes.iter().map(|&n| n < min_group).collect();
    loop {
        let held: u64 = sizes.iter().zip(&hidden).filter(|(_, &h)| h).map(|(n, _)| n).sum();
        if held == 0 || held >= min_group {
            break;
        }
        let next = (0..sizes.len()).filter(|&t| !hidden[t]).min_by_key(|&t| (sizes[t], t));
        match next {
            Some(t) => hidden[t] = true,
            None => break,
        }
    }
    let (hidden, shown): (Vec<usize>, Vec<usize>) = (0..sizes.len()).partition(|&t| hidden[t]);
    Breakdown { shown, hidden }
}

/// Everything a report shows: the tally, what was left out, and the privacy decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The counts.
    pub tally: Tally,
    /// How many results, files and PATHs were left out.
    pub left_out: u64,
    /// The smallest group shown.
    pub min_group: u64,
    /// Which tracks the breakdown shows.
    pub breakdown: Breakdown,
}

impl Report {
    /// A report over `tally`; the tracks shown follow [`breakdown`].
    pub fn new(tally: Tally, left_out: u64, min_group: u64) -> Report {
        let sizes: Vec<u64> = tally.by_track.iter().map(|c| c.respondents).collect();
        let breakdown = breakdown(&sizes, min_group);
        Report { tally, left_out, min_group, breakdown }
    }

    /// The number of valid results.
    pub fn respondents(&self) -> u64 {
        self.tally.all.respondents
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answers;
    use crate::scoring::score;
    use proptest::prelude::*;

    fn bank() -> Bank {
        crate::builtin_bank()
    }

    fn tally_of(bank: &Bank, results: &[Vec<usize>]) -> Tally {
        let mut tally = Tally::new(bank);
        for choices in results {
            let answers = Answers::new(bank, choices.clone());
            tally.add(bank, &answers, &score(bank, &answers));
        }
        tally
    }

    /// Any valid answers to the built-in bank.
    fn results() -> impl Strategy<Value = Vec<Vec<usize>>> {
        let sizes: Vec<usize> = bank().questions.iter().map(|q| q.choices.len()).collect();
        let one = sizes.into_iter().map(|n| 0..n).collect::<Vec<_>>();
        proptest::collection::vec(one, 0..40)
    }

    proptest! {
        #[test]
        fn order_and_splitting_do_not_matter(results in results(), cut in 0usize..40, seed in any::<u64>()) {
            let bank = bank();
            let whole = tally_of(&bank, &results);
            let mut shuffled = results.clone();
            // A cheap deterministic shuffle from the seed.
            let mut s = seed | 1;
            for i in (1..shuffled.len()).rev() {
                s ^= s << 13; s ^= s >> 7; s ^= s << 17;
                shuffled.swap(i, (s % (i as u64 + 1)) as usize);
            }
            let cut = cut.min(shuffled.len());
            let mut merged = tally_of(&bank, &shuffled[cut..]);
            merged.merge(&tally_of(&bank, &shuffled[..cut]));
            prop_assert_eq!(&merged, &whole);
        }

        #[test]
        fn counts_sum_to_respondents(results in results()) {
            let bank = bank();
            let tally = tally_of(&bank, &results);
            let n = results.len() as u64;
            prop_assert_eq!(tally.all.respondents, n);
            prop_assert_eq!(tally.all.verdicts.iter().sum::<u64>(), n);
            prop_assert_eq!(tally.all.scores.iter().sum::<u64>(), n);
            for counts in &tally.all.choices {
                prop_assert_eq!(counts.iter().sum::<u64>(), n);
            }
            prop_assert_eq!(tally.by_track.iter().map(|c| c.respondents).sum::<u64>(), n);
            for (t, c) in tally.by_track.iter().enumerate() {
                prop_assert_eq!(c.respondents, tally.all.choices[0][t]);
                // Within a track, the verdicts are ML or staying in that track.
                prop_assert_eq!(c.verdicts[0] + c.verdicts[1 + t], c.respondents);
            }
            for (m, id) in MYTHS.iter().enumerate() {
                let q = bank.question_index(id).unwrap();
                prop_assert_eq!(tally.all.believed[m], tally.all.choices[q][3] + tally.all.choices[q][4]);
            }
        }

        #[test]
        fn hidden_groups_hold_none_or_at_least_n(sizes in proptest::collection::vec(0u64..20, 1..6), n in 3u64..8) {
            let b = breakdown(&sizes, n);
            let held: u64 = b.hidden.iter().map(|&t| sizes[t]).sum();
            // With no track shown there is no breakdown to subtract from.
            prop_assert!(held == 0 || held >= n || b.shown.is_empty(), "{:?} hide {:?} holding {}", sizes, b.hidden, held);
            for &t in &b.shown {
                prop_assert!(sizes[t] >= n);
            }
            prop_assert_eq!(b.shown.len() + b.hidden.len(), sizes.len());
        }
    }

    #[test]
    fn one_small_group_is_not_recoverable_by_subtraction() {
        // 10 front-end, 10 back-end, 2 mobile: hiding mobile alone would give 22 - 10 - 10 = 2.
        let b = breakdown(&[10, 10, 2], 5);
        assert_eq!(b.hidden, vec![0, 2], "the next smallest (first of equals) hides with it");
        assert_eq!(b.shown, vec![1]);
        // Hidden together: 12, and no shown count gives mobile's 2 away.
        let b = breakdown(&[10, 4, 6], 5);
        assert_eq!(b.hidden, vec![1, 2]);
        // Hiding everything: no breakdown.
        let b = breakdown(&[5, 2, 0], 5);
        assert!(b.shown.is_empty());
        // Nothing small: everything shown.
        assert_eq!(breakdown(&[5, 6, 7], 5).shown, vec![0, 1, 2]);
        // An empty track is hidden but needs no cover.
        assert_eq!(breakdown(&[5, 6, 0], 5).shown, vec![0, 1]);
    }

    #[test]
    fn statistics_of_a_histogram() {
        let s = stats(&[1, 0, 2, 1], -1).unwrap();
        assert_eq!((s.min, s.max), (-1, 2));
        assert_eq!(s.median, 1.0);
        assert_eq!(s.mean, 0.75);
        assert_eq!(stats(&[1, 1], 0).unwrap().median, 0.5);
        assert!(stats(&[0, 0], 0).is_none());
    }
}
