//! Counting over many results, beside `scoring`: a [`Tally`] takes one scored result at a
//! time and keeps only counts, so its size depends on the bank and not on how many results it
//! has seen; two tallies merge in any order to the same numbers. [`breakdown`] applies the
//! privacy rule to the tracks of one group, [`common_breakdown`] to several groups shown side
//! by side (`compare`), and [`Report`] keeps only what may be shown. Pure: no I/O, no rendering.

use crate::model::answers::Answers;
use crate::model::bank::{Bank, MYTHS};
use crate::model::scoring::{MythResult, Recommendation, Score};

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
        for (counts, &c) in self.choices.iter_mut().zip(result.choices) {
            counts[c] += 1;
        }
        for (count, m) in self.believed.iter_mut().zip(result.myths) {
            *count += u64::from(m.believed);
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

/// One result, seen as a tally counts it (borrowed: nothing is copied per result).
struct Scored<'a> {
    /// The track's choice index.
    track: usize,
    /// 0 for `ml`, 1 + track index for staying.
    verdict: usize,
    /// The chosen choice index of every question, in bank order.
    choices: &'a [usize],
    /// Each myth's result (in [`MYTHS`] order).
    myths: &'a [MythResult],
    /// The score.
    total: i64,
    /// `total - min_score`.
    score_index: usize,
}

impl Scored<'_> {
    /// Reads a scored result.
    fn new<'a>(answers: &'a Answers, score: &'a Score) -> Scored<'a> {
        let track = answers.choice(0);
        Scored {
            track,
            verdict: match score.recommendation {
                Recommendation::Ml => 0,
                Recommendation::Stay(_) => 1 + track,
            },
            choices: answers.choices(),
            myths: &score.myths,
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
    pub fn add(&mut self, answers: &Answers, score: &Score) {
        let result = Scored::new(answers, score);
        self.all.add(&result);
        self.by_track[result.track].add(&result);
    }

    /// Adds everything `other` counted; the order of merges and adds does not matter.
    pub fn merge(&mut self, other: &Tally) {
        self.all.merge(&other.all);
        for (a, b) in self.by_track.iter_mut().zip(&other.by_track) {
            a.merge(b);
        }
    }

    /// How many results each track holds (bank order): what the privacy rule looks at.
    pub fn sizes(&self) -> Vec<u64> {
        self.by_track.iter().map(|c| c.respondents).collect()
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
///
/// One more step guards a reader who knows this rule: the pool's size and the shown sizes
/// bound each hidden track's size (a hidden track is small or no bigger than the smallest
/// shown one), and now and then the bounds leave one size only (10, 10 and 4 with
/// `min_group` 5: the pool of 14 can only be 10 and 4). Then every track is hidden. Whether
/// a size is pinned depends only on what is shown, so this step gives nothing away itself.
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
    if !shown.is_empty() && pinned(sizes, &hidden, min_group) {
        return Breakdown { shown: Vec::new(), hidden: (0..sizes.len()).collect() };
    }
    Breakdown { shown, hidden }
}

/// Whether a reader who sees the shown tracks' sizes, the hidden tracks' pool and knows
/// the rule of [`breakdown`] (before its last step) could tell some hidden track's size.
///
/// The rule hides `hidden` exactly when either every hidden track is small (under `n`) and
/// the pool is empty or at least `n`, or one hidden track `a` is not small, the others hold
/// between 1 and `n - 1`, and `a` comes before the smallest shown track in (size, bank
/// order). For each hidden track this gives a few ranges of possible sizes; a size is
/// pinned when together they leave one value.
fn pinned(sizes: &[u64], hidden: &[usize], n: u64) -> bool {
    let pool: u64 = hidden.iter().map(|&t| sizes[t]).sum();
    if pool == 0 {
        return false;
    }
    let h = hidden.len() as u64;
    let small = n - 1;
    // The largest size a hidden track `t` can have and still come before every shown track.
    let smallest_shown = (0..sizes.len()).filter(|t| !hidden.contains(t)).min_by_key(|&t| (sizes[t], t));
    let bound = |t: usize| match smallest_shown {
        Some(m) if t < m => sizes[m],
        Some(m) => sizes[m].saturating_sub(1),
        None => u64::MAX,
    };
    hidden.iter().any(|&t| {
        let mut ranges: Vec<(u64, u64)> = Vec::new();
        // Every hidden track small.
        if pool >= n {
            ranges.push((pool.saturating_sub((h - 1) * small), small.min(pool)));
        }
        if h >= 2 {
            // `t` is the one not small; the others hold 1 to n - 1.
            ranges.push((n.max(pool.saturating_sub(small.min((h - 1) * small))), bound(t).min(pool - 1)));
            // Another, `u`, is the one not small; `t` is among the small ones.
            for &u in hidden.iter().filter(|&&u| u != t) {
                let (lo, hi) = (1.max(pool.saturating_sub(bound(u))), small.min(pool.saturating_sub(n)));
                if pool > n && lo <= hi {
                    ranges.push((lo.saturating_sub((h - 2) * small), small.min(hi)));
                }
            }
        }
        let possible: Vec<(u64, u64)> = ranges.into_iter().filter(|(lo, hi)| lo <= hi).collect();
        let lo = possible.iter().map(|r| r.0).min();
        let hi = possible.iter().map(|r| r.1).max();
        lo.is_some() && lo == hi
    })
}

/// Whether hiding `hidden` keeps report's rules for a group of track sizes `sizes`: the
/// hidden tracks hold no one or at least `min_group` together, and, when some track is
/// shown, a reader who knows [`breakdown`] can't pin a hidden track's size. Hiding every
/// track always keeps them.
pub fn keeps_rules(sizes: &[u64], hidden: &[usize], min_group: u64) -> bool {
    if hidden.len() == sizes.len() {
        return true;
    }
    let held: u64 = hidden.iter().map(|&t| sizes[t]).sum();
    (held == 0 || held >= min_group) && !pinned(sizes, hidden, min_group)
}

/// The tracks hidden on every side of a comparison of several groups (the same tracks
/// everywhere), so that no side's hidden track can be worked out from another side's
/// numbers: two reports of almost the same people, one hiding mobile and back-end, the
/// other mobile and front-end, would give mobile away by subtraction.
///
/// It starts from every track some side would hide on its own ([`breakdown`]); while some
/// side's sizes break report's rules with that set ([`keeps_rules`]), it hides that side's
/// smallest shown track too (the first in bank order among equals), and ends with every
/// track hidden when none is left to show. `sides` are the track sizes of each side, in
/// bank order, all of one length.
pub fn common_breakdown(sides: &[&[u64]], min_group: u64) -> Breakdown {
    let tracks = sides.first().map_or(0, |s| s.len());
    let mut hidden: Vec<bool> = vec![false; tracks];
    for sizes in sides {
        for t in breakdown(sizes, min_group).hidden {
            hidden[t] = true;
        }
    }
    loop {
        let set: Vec<usize> = (0..tracks).filter(|&t| hidden[t]).collect();
        let Some(sizes) = sides.iter().find(|sizes| !keeps_rules(sizes, &set, min_group)) else {
            break;
        };
        // `keeps_rules` holds when every track is hidden, so some track is still shown here.
        let next = (0..tracks).filter(|&t| !hidden[t]).min_by_key(|&t| (sizes[t], t)).expect("a shown track");
        hidden[next] = true;
    }
    let (hidden, shown): (Vec<usize>, Vec<usize>) = (0..tracks).partition(|&t| hidden[t]);
    Breakdown { shown, hidden }
}

/// The verdicts a report may show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdicts {
    /// How many got the ML verdict, over everyone.
    pub ml: u64,
    /// For each track (bank order), how many were told to stay in it; `None` for a hidden
    /// track, whose stays are only in [`Verdicts::hidden_stay`].
    pub stay: Vec<Option<u64>>,
    /// How many were told to stay in one of the hidden tracks, pooled; `None` when no
    /// track is hidden.
    pub hidden_stay: Option<u64>,
}

/// What a report may show of one track it breaks down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackCounts {
    /// The track's index (bank order).
    pub track: usize,
    /// How many results in the track.
    pub respondents: u64,
    /// How many of them got the ML verdict.
    pub ml: u64,
    /// How many were told to stay in the track.
    pub stay: u64,
    /// For each myth (in [`MYTHS`] order), how many believed it.
    pub believed: Vec<u64>,
}

/// Counts over every result that single out no track: each question's choices but the
/// track question's, the myths believed and the scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overall {
    /// How many results.
    pub respondents: u64,
    /// For each question, how many chose each choice; the track question's entry (index 0)
    /// is empty: its counts are [`Report::tracks`].
    pub choices: Vec<Vec<u64>>,
    /// For each myth (in [`MYTHS`] order), how many believed it.
    pub believed: Vec<u64>,
    /// Score histogram: index i counts the score `min_score + i`.
    pub scores: Vec<u64>,
    /// The lowest score possible (the histogram's first bin).
    pub min_score: i64,
}

impl Overall {
    /// Mean, median, lowest and highest score; `None` without results.
    pub fn stats(&self) -> Option<Stats> {
        stats(&self.scores, self.min_score)
    }
}

/// Everything a report shows, and nothing more: the privacy rule is applied here, so no
/// renderer can show a hidden track's size or verdicts by mistake. A hidden track's numbers
/// exist only pooled with the other hidden tracks', and the pool holds at least `min_group`
/// results (or no one, or everyone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// How many results, files and PATHs were left out.
    pub left_out: u64,
    /// The smallest group shown.
    pub min_group: u64,
    /// The counts over everyone.
    pub all: Overall,
    /// The verdicts.
    pub verdicts: Verdicts,
    /// How many results in each track (bank order); `None` for a hidden track.
    pub tracks: Vec<Option<u64>>,
    /// How many results the hidden tracks hold together; `None` when none is hidden.
    pub hidden_respondents: Option<u64>,
    /// The tracks shown, in bank order.
    pub by_track: Vec<TrackCounts>,
}

impl Report {
    /// The hidden tracks (bank order): those whose count is not shown.
    pub fn hidden(&self) -> Vec<usize> {
        self.tracks.iter().enumerate().filter(|(_, n)| n.is_none()).map(|(t, _)| t).collect()
    }

    /// A report over `tally`; the tracks shown follow [`breakdown`], and everything per
    /// track of a hidden track is pooled or dropped here.
    pub fn new(tally: Tally, left_out: u64, min_group: u64) -> Report {
        let hidden = breakdown(&tally.sizes(), min_group).hidden;
        Report::with_hidden(tally, left_out, min_group, &hidden)
    }

    /// A report over `tally` that hides the tracks `hidden` (indices, any order), decided
    /// elsewhere: `compare` decides them once for both of its sides with [`common_breakdown`].
    /// Everything per track of a hidden track is pooled or dropped here, as in [`Report::new`].
    pub fn with_hidden(tally: Tally, left_out: u64, min_group: u64, hidden: &[usize]) -> Report {
        let sizes = tally.sizes();
        let (hidden, shown): (Vec<usize>, Vec<usize>) = (0..sizes.len()).partition(|t| hidden.contains(t));
        let is_shown = |t: usize| shown.contains(&t);
        let pooled = |f: &dyn Fn(usize) -> u64| (!hidden.is_empty()).then(|| hidden.iter().map(|&t| f(t)).sum());
        let all = &tally.all;
        let verdicts = Verdicts {
            ml: all.verdicts[0],
            stay: (0..sizes.len()).map(|t| is_shown(t).then_some(all.verdicts[1 + t])).collect(),
            hidden_stay: pooled(&|t| all.verdicts[1 + t]),
        };
        let tracks = (0..sizes.len()).map(|t| is_shown(t).then_some(sizes[t])).collect();
        let hidden_respondents = pooled(&|t| sizes[t]);
        let by_track = shown
            .iter()
            .map(|&t| {
                let c = &tally.by_track[t];
                TrackCounts {
                    track: t,
                    respondents: c.respondents,
                    ml: c.verdicts[0],
                    stay: c.verdicts[1 + t],
                    believed: c.believed.clone(),
                }
            })
            .collect();
        let mut choices = tally.all.choices;
        choices[0] = Vec::new();
        let all = Overall {
            respondents: tally.all.respondents,
            choices,
            believed: tally.all.believed,
            scores: tally.all.scores,
            min_score: tally.min_score,
        };
        Report { left_out, min_group, all, verdicts, tracks, hidden_respondents, by_track }
    }

    /// The number of valid results.
    pub fn respondents(&self) -> u64 {
        self.all.respondents
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::answers::Answers;
    use crate::model::scoring::score;
    use proptest::prelude::*;

    fn bank() -> Bank {
        crate::model::builtin_bank()
    }

    fn tally_of(bank: &Bank, results: &[Vec<usize>]) -> Tally {
        let mut tally = Tally::new(bank);
        for choices in results {
            let answers = Answers::new(bank, choices.clone());
            tally.add(&answers, &score(bank, &answers));
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

    /// `results` with each result's track set from `tracks` (cycled), answers kept.
    fn with_tracks(results: &[Vec<usize>], tracks: &[usize]) -> Vec<Vec<usize>> {
        results
            .iter()
            .zip(tracks.iter().cycle())
            .map(|(r, &t)| {
                let mut r = r.clone();
                r[0] = t;
                r
            })
            .collect()
    }

    proptest! {
        #[test]
        fn the_report_holds_no_number_of_a_single_hidden_track(
            results in results(),
            tracks in proptest::collection::vec(0usize..3, 1..40),
            n in 3u64..8,
        ) {
            let bank = bank();
            let results = with_tracks(&results, &tracks);
            let tally = tally_of(&bank, &results);
            let report = Report::new(tally.clone(), 0, n);
            let b = breakdown(&tally.sizes(), n);
            prop_assert_eq!(&report.hidden(), &b.hidden);
            for &t in &b.hidden {
                prop_assert_eq!(report.tracks[t], None);
                prop_assert_eq!(report.verdicts.stay[t], None);
            }
            prop_assert!(report.all.choices[0].is_empty(), "the track question's counts are in `tracks` only");
            prop_assert_eq!(report.by_track.iter().map(|c| c.track).collect::<Vec<_>>(), b.shown.clone());
            let sizes = |t: usize| tally.by_track[t].respondents;
            // The hidden tracks appear pooled only: the pool, and everything else shown, add up.
            let shown: u64 = report.tracks.iter().flatten().sum();
            prop_assert_eq!(shown + report.hidden_respondents.unwrap_or(0), report.respondents());
            prop_assert_eq!(report.hidden_respondents, (!b.hidden.is_empty()).then(|| b.hidden.iter().map(|&t| sizes(t)).sum()));
            let stays: u64 = report.verdicts.stay.iter().flatten().sum();
            prop_assert_eq!(report.verdicts.ml + stays + report.verdicts.hidden_stay.unwrap_or(0), report.respondents());
        }

        #[test]
        fn moving_people_between_hidden_tracks_changes_nothing_shown(
            results in results(),
            tracks in proptest::collection::vec(0usize..3, 1..40),
            n in 3u64..8,
            pick in any::<proptest::sample::Index>(),
        ) {
            // Everything shown depends on the hidden tracks only through their pool: two groups
            // that differ only in which hidden track someone is in give the same report,
            // whenever the privacy rule hides the same tracks in both.
            let bank = bank();
            let results = with_tracks(&results, &tracks);
            let report = Report::new(tally_of(&bank, &results), 0, n);
            let movable: Vec<usize> = (0..results.len()).filter(|&i| report.hidden().contains(&results[i][0])).collect();
            prop_assume!(report.hidden().len() >= 2 && !movable.is_empty());
            let i = movable[pick.index(movable.len())];
            let others: Vec<usize> = report.hidden().iter().copied().filter(|&t| t != results[i][0]).collect();
            let mut moved = results.clone();
            moved[i][0] = others[i % others.len()];
            let other = Report::new(tally_of(&bank, &moved), 0, n);
            prop_assume!(other.hidden() == report.hidden());
            prop_assert_eq!(other, report);
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

    /// Every way to split `total` results among `parts` tracks.
    fn splits(total: u64, parts: usize) -> Vec<Vec<u64>> {
        if parts == 1 {
            return vec![vec![total]];
        }
        (0..=total)
            .flat_map(|first| {
                splits(total - first, parts - 1).into_iter().map(move |mut rest| {
                    rest.insert(0, first);
                    rest
                })
            })
            .collect()
    }

    /// Every list of `tracks` sizes from 0 to `top`.
    fn grid(tracks: usize, top: u64) -> Vec<Vec<u64>> {
        (0..tracks).fold(vec![Vec::new()], |lists, _| {
            lists.into_iter().flat_map(|l| (0..=top).map(move |x| [l.clone(), vec![x]].concat())).collect()
        })
    }

    #[test]
    fn a_reader_who_knows_the_rule_can_not_tell_a_hidden_tracks_size() {
        // For every small group: a reader sees the shown tracks' sizes, the hidden ones'
        // pool, and knows `breakdown`. Every hidden track of a non-empty pool must have at
        // least two sizes consistent with all of that.
        for (tracks, top, groups) in [(2, 12, 3..=6), (3, 11, 3..=5), (4, 5, 3..=4)] {
            for n in groups {
                for sizes in grid(tracks, top) {
                    let b = breakdown(&sizes, n);
                    let pool: u64 = b.hidden.iter().map(|&t| sizes[t]).sum();
                    if pool == 0 || sizes.iter().sum::<u64>() < n {
                        continue;
                    }
                    let mut seen: Vec<Vec<u64>> = vec![Vec::new(); tracks];
                    for split in splits(pool, b.hidden.len()) {
                        let mut other = sizes.clone();
                        for (&t, &x) in b.hidden.iter().zip(&split) {
                            other[t] = x;
                        }
                        if breakdown(&other, n) == b {
                            for &t in &b.hidden {
                                if !seen[t].contains(&other[t]) {
                                    seen[t].push(other[t]);
                                }
                            }
                        }
                    }
                    for &t in &b.hidden {
                        assert!(
                            seen[t].len() >= 2,
                            "{sizes:?} with min group {n}: track {t} can only hold {:?}",
                            seen[t]
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_pinned_size_hides_every_track() {
        // 10, 10 and 4: hiding mobile and front-end would pin them to 4 and 10.
        assert!(breakdown(&[10, 10, 4], 5).shown.is_empty());
        // 10, 10 and 3: the pool of 13 could be 10 and 3 or 9 and 4.
        assert_eq!(breakdown(&[10, 10, 3], 5).shown, vec![1]);
    }

    #[test]
    fn two_groups_hide_the_same_tracks() {
        // Before 5/5/2 would show back-end, after 5/4/2 front-end: mobile would be 12 - 5 - 5.
        assert_eq!(breakdown(&[5, 5, 2], 5).shown, vec![1]);
        assert_eq!(breakdown(&[5, 4, 2], 5).shown, vec![0]);
        let b = common_breakdown(&[&[5, 5, 2], &[5, 4, 2]], 5);
        assert!(b.shown.is_empty(), "hiding the union hides everything");
        // When both sides would hide the same tracks, nothing more is hidden.
        assert_eq!(common_breakdown(&[&[10, 10, 3], &[10, 11, 3]], 5).shown, vec![1]);
        // Nothing small on either side: everything shown.
        assert_eq!(common_breakdown(&[&[5, 6, 7], &[9, 5, 5]], 5).shown, vec![0, 1, 2]);
        // An empty track on one side only is hidden on both; the other side's pool holds 6.
        let b = common_breakdown(&[&[6, 6, 0], &[6, 6, 6]], 5);
        assert_eq!(b.hidden, vec![2]);
        // The union (front-end and mobile, empty before) would leave after's pool of 5 next
        // to back-end's 3, a pool report's reader would split as 3 and 2: hide more.
        assert_eq!(breakdown(&[0, 3, 5], 3).hidden, vec![0]);
        assert!(!keeps_rules(&[0, 3, 5], &[0, 2], 3));
        assert!(common_breakdown(&[&[0, 3, 0], &[0, 3, 5]], 3).shown.is_empty());
    }

    /// Every pair of groups of `tracks` tracks with sizes up to `top`, each of at least `n`.
    fn pairs(tracks: usize, top: u64, n: u64) -> Vec<(Vec<u64>, Vec<u64>)> {
        let sides: Vec<Vec<u64>> = grid(tracks, top).into_iter().filter(|s| s.iter().sum::<u64>() >= n).collect();
        sides.iter().flat_map(|a| sides.iter().map(move |b| (a.clone(), b.clone()))).collect()
    }

    #[test]
    fn a_reader_of_both_sides_who_knows_the_rule_can_not_tell_a_hidden_tracks_size() {
        // A reader of a comparison sees, on each side, the shown tracks' sizes and the hidden
        // ones' pool, and knows `common_breakdown`. Group every pair of small groups by what
        // such a reader sees; within a group, every hidden track with people around it must
        // take at least two sizes on each side, or else a size report could show.
        use std::collections::HashMap;
        for (tracks, top, n) in [(3, 10, 3), (3, 9, 4), (2, 12, 5)] {
            type View = (Vec<usize>, Vec<Option<u64>>, Vec<Option<u64>>, u64, u64);
            let mut seen: HashMap<View, Vec<Vec<Vec<u64>>>> = HashMap::new();
            for (a, b) in pairs(tracks, top, n) {
                let cb = common_breakdown(&[&a, &b], n);
                let shown = |s: &[u64]| (0..tracks).map(|t| cb.shown.contains(&t).then_some(s[t])).collect::<Vec<_>>();
                let pool = |s: &[u64]| cb.hidden.iter().map(|&t| s[t]).sum::<u64>();
                let view = (cb.hidden.clone(), shown(&a), shown(&b), pool(&a), pool(&b));
                let sizes = seen.entry(view).or_insert_with(|| vec![vec![Vec::new(); tracks]; 2]);
                for (side, s) in [&a, &b].into_iter().enumerate() {
                    for &t in &cb.hidden {
                        if !sizes[side][t].contains(&s[t]) {
                            sizes[side][t].push(s[t]);
                        }
                    }
                }
            }
            for ((hidden, _, _, pa, pb), sizes) in &seen {
                // A side is judged when every split of its pool is in the grid; the other
                // side's splits may fall outside, which only leaves the reader fewer choices.
                for (side, pool) in [*pa, *pb].into_iter().enumerate().filter(|&(_, pool)| pool <= top) {
                    // A size the reader can pin must be one report could show (none or at
                    // least `n`: a track hidden here only because the other side hides it),
                    // and what is left of the pool once the pinned sizes are taken out too.
                    let pinned: Vec<u64> =
                        hidden.iter().filter(|&&t| sizes[side][t].len() == 1).map(|&t| sizes[side][t][0]).collect();
                    let rest = pool - pinned.iter().sum::<u64>();
                    assert!(
                        pinned.iter().all(|&x| x == 0 || x >= n) && (rest == 0 || rest >= n),
                        "min group {n}, {tracks} tracks: hidden {hidden:?}, side {side} of pool {pool}: sizes possible {:?}",
                        sizes[side]
                    );
                }
            }
        }
    }

    proptest! {
        #[test]
        fn the_common_hidden_tracks_keep_the_rules_on_each_side(
            a in proptest::collection::vec(0u64..25, 3),
            b in proptest::collection::vec(0u64..25, 3),
            n in 3u64..8,
        ) {
            let cb = common_breakdown(&[&a, &b], n);
            prop_assert_eq!(cb.shown.len() + cb.hidden.len(), 3);
            for sizes in [&a, &b] {
                prop_assert!(keeps_rules(sizes, &cb.hidden, n), "{:?} and {:?}: {:?} breaks the rules on {:?}", a, b, cb, sizes);
                for t in breakdown(sizes, n).hidden {
                    prop_assert!(cb.hidden.contains(&t), "a track one side hides alone is hidden");
                }
                let held: u64 = cb.hidden.iter().map(|&t| sizes[t]).sum();
                prop_assert!(held == 0 || held >= n || cb.shown.is_empty());
            }
        }
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
