//! Scoring: adds up the weights of the chosen answers, compares the total with the bank's
//! threshold and explains the result. What would change it is `flips`, searched only for the
//! one result a quiz shows: `report` and `compare` score every result of a group. Knows
//! nothing of terminals or output formats.

use crate::model::answers::Answers;
use crate::model::bank::{Bank, Direction, MYTHS};

/// How many reasons the result lists at most.
const MAX_REASONS: usize = 3;

/// What the quiz recommends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recommendation {
    /// Go into machine learning.
    Ml,
    /// Stay in the track with this key.
    Stay(String),
}

impl Recommendation {
    /// `ml` or the track key, as in JSON and in `[results]`.
    pub fn key(&self) -> &str {
        match self {
            Recommendation::Ml => "ml",
            Recommendation::Stay(track) => track,
        }
    }

    /// Which way the verdict goes.
    pub fn direction(&self) -> Direction {
        match self {
            Recommendation::Ml => Direction::Ml,
            Recommendation::Stay(_) => Direction::Stay,
        }
    }
}

/// How one myth and its reality checks pushed the score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MythResult {
    /// The myth's id.
    pub id: &'static str,
    /// The index of the myth question in the bank.
    pub question: usize,
    /// Whether the user agreed or strongly agreed with the myth.
    pub believed: bool,
    /// The weight of the answer to the myth itself.
    pub myth_weight: i64,
    /// The summed weights of the reality checks tied to this myth.
    pub checks_weight: i64,
    /// The lowest and highest weight the myth's answer can have.
    pub myth_range: (i64, i64),
    /// The lowest and highest sum its reality checks can reach.
    pub checks_range: (i64, i64),
}

/// The scored result of one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    /// The sum of the chosen weights.
    pub total: i64,
    /// The bank's threshold.
    pub threshold: i64,
    /// The lowest and highest possible totals.
    pub range: (i64, i64),
    /// The recommendation.
    pub recommendation: Recommendation,
    /// The key of the user's track.
    pub track: String,
    /// The five myths, in the article's order.
    pub myths: Vec<MythResult>,
    /// Question indices of the answers that pushed hardest toward the verdict, strongest first.
    pub reasons: Vec<usize>,
    /// Indices into `bank.advice` of the lines that apply.
    pub advice: Vec<usize>,
}

impl Score {
    /// How far the score is from the threshold: 0 or more recommends ML.
    pub fn margin(&self) -> i64 {
        self.total - self.threshold
    }
}

/// Scores `answers` against `bank`.
pub fn score(bank: &Bank, answers: &Answers) -> Score {
    let weight = |i: usize| bank.questions[i].choices[answers.choice(i)].weight;
    let total: i64 = (0..bank.questions.len()).map(weight).sum();
    let track = bank.track().choices[answers.choice(0)].key.clone();
    let recommendation = if total >= bank.threshold { Recommendation::Ml } else { Recommendation::Stay(track.clone()) };

    let range_of = |i: usize| bank.questions[i].weight_range();
    let myths = MYTHS
        .iter()
        .map(|&id| {
            let question = bank.question_index(id).expect("validated: every myth is present");
            let checks: Vec<usize> =
                (0..bank.questions.len()).filter(|&i| i != question && bank.questions[i].myth() == Some(id)).collect();
            let checks_range = checks.iter().map(|&i| range_of(i)).fold((0, 0), |a, r| (a.0 + r.0, a.1 + r.1));
            MythResult {
                id,
                question,
                believed: bank.questions[question].believed(answers.choice(question)),
                myth_weight: weight(question),
                checks_weight: checks.iter().map(|&i| weight(i)).sum(),
                myth_range: range_of(question),
                checks_range,
            }
        })
        .collect();

    let toward_ml = recommendation == Recommendation::Ml;
    let mut reasons: Vec<usize> =
        (0..bank.questions.len()).filter(|&i| if toward_ml { weight(i) > 0 } else { weight(i) < 0 }).collect();
    // Strongest first; the bank's order breaks ties so the output is stable.
    reasons.sort_by_key(|&i| (-weight(i).abs(), i));
    reasons.truncate(MAX_REASONS);

    let direction = recommendation.direction();
    let advice = bank
        .advice
        .iter()
        .enumerate()
        .filter(|(_, a)| a.verdict == direction)
        .filter(|(_, a)| match &a.when {
            None => true,
            Some((q, choices)) => choices.contains(&answers.choice(*q)),
        })
        .map(|(i, _)| i)
        .collect();

    Score { total, threshold: bank.threshold, range: bank.score_range(), recommendation, track, myths, reasons, advice }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::answers::{parse, resolve};

    fn run(text: &str) -> Score {
        let bank = Bank::builtin().unwrap();
        let answers = resolve(&bank, &parse(text), None).unwrap_or_else(|e| panic!("{e}"));
        score(&bank, &answers)
    }

    /// Keyed answers: the track, one answer for all five myths, and the checks given.
    fn persona(track: &str, myths: &str, checks: &[(&str, &str)]) -> Score {
        let mut text = format!("track = {track}\n");
        for m in MYTHS {
            text.push_str(&format!("{m} = {myths}\n"));
        }
        for (id, key) in checks {
            text.push_str(&format!("{id} = {key}\n"));
        }
        run(&text)
    }

    const NO_CONDITIONS: [(&str, &str); 6] = [
        ("mentor", "no"),
        ("data", "no"),
        ("same-pay", "no"),
        ("data-work", "no"),
        ("colleague", "yes"),
        ("enjoy-track", "yes"),
    ];
    const EVERY_CONDITION: [(&str, &str); 6] = [
        ("mentor", "yes"),
        ("data", "yes"),
        ("same-pay", "yes"),
        ("data-work", "yes"),
        ("colleague", "no"),
        ("enjoy-track", "no"),
    ];

    #[test]
    fn believer_without_conditions_stays_in_their_track() {
        let s = persona("mobile", "strongly-agree", &NO_CONDITIONS);
        assert_eq!(s.recommendation, Recommendation::Stay("mobile".into()));
        assert!(s.myths.iter().all(|m| m.believed));
        assert_eq!(s.total, s.range.0);
    }

    #[test]
    fn sceptic_with_every_condition_goes_into_ml() {
        let s = persona("frontend", "strongly-disagree", &EVERY_CONDITION);
        assert_eq!(s.recommendation, Recommendation::Ml);
        assert!(s.myths.iter().all(|m| !m.believed));
        assert_eq!(s.total, s.range.1);
    }

    #[test]
    fn disagreeing_with_every_myth_is_not_enough_without_the_conditions() {
        // No mentor, no data, no wish for data work, no wish for ML at the same pay; the two
        // remaining checks answered as favourably to ML as possible.
        let checks = [
            ("mentor", "no"),
            ("data", "no"),
            ("data-work", "no"),
            ("same-pay", "no"),
            ("colleague", "no"),
            ("enjoy-track", "no"),
        ];
        let s = persona("backend", "strongly-disagree", &checks);
        assert_eq!(s.recommendation, Recommendation::Stay("backend".into()));
    }

    #[test]
    fn weights_are_ordered_on_every_myth() {
        let bank = Bank::builtin().unwrap();
        for id in MYTHS {
            let ws: Vec<i64> = bank.question(id).unwrap().choices.iter().map(|c| c.weight).collect();
            assert!(ws.windows(2).all(|w| w[0] > w[1]), "{id}: {ws:?}");
            assert!(ws[3] <= 0 && ws[4] <= 0, "{id}: agreeing counts toward ML");
        }
    }

    #[test]
    fn reasons_point_the_way_of_the_verdict_and_advice_matches() {
        let s = persona("backend", "agree", &NO_CONDITIONS);
        let bank = Bank::builtin().unwrap();
        assert!(!s.reasons.is_empty());
        assert!(s.reasons.len() <= MAX_REASONS);
        let answers = resolve(
            &bank,
            &parse(&{
                let mut t = "track = backend\n".to_string();
                for m in MYTHS {
                    t.push_str(&format!("{m} = agree\n"));
                }
                for (id, k) in NO_CONDITIONS {
                    t.push_str(&format!("{id} = {k}\n"));
                }
                t
            }),
            None,
        )
        .unwrap();
        for &r in &s.reasons {
            assert!(bank.questions[r].choices[answers.choice(r)].weight < 0);
        }
        for &a in &s.advice {
            assert_eq!(bank.advice[a].verdict, Direction::Stay);
        }
        let stay_advice = persona("backend", "agree", &NO_CONDITIONS).advice;
        assert!(!stay_advice.is_empty());
    }
}
