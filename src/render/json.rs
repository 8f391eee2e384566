//! JSON output for scripts: the result of a quiz and the bank itself. The shapes are
//! documented in the README ("JSON output"); field order here is the order printed.

use std::io::{self, Write};

use serde::Serialize;

use super::View;
use crate::model::answers::Answers;
use crate::model::bank::Kind;
use crate::model::flips::Flip;
use crate::model::scoring::Score;

#[derive(Serialize)]
struct QuizResult<'a> {
    recommendation: &'a str,
    verdict: &'a str,
    track: &'a str,
    score: i64,
    threshold: i64,
    min_score: i64,
    max_score: i64,
    answers: Vec<AnswerJson<'a>>,
    myths: Vec<MythJson<'a>>,
    reasons: Vec<&'a str>,
    advice: Vec<&'a str>,
    margin: i64,
    flips: Vec<FlipJson<'a>>,
    lang: &'a str,
}

#[derive(Serialize)]
struct FlipJson<'a> {
    changes: Vec<ChangeJson<'a>>,
    score: i64,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    id: &'a str,
    from: &'a str,
    to: &'a str,
    delta: i64,
}

#[derive(Serialize)]
struct AnswerJson<'a> {
    id: &'a str,
    choice: &'a str,
    weight: i64,
}

#[derive(Serialize)]
struct MythJson<'a> {
    id: &'a str,
    believed: bool,
    weight: i64,
    checks_weight: i64,
}

/// Writes the result of a quiz as one JSON object and a newline.
pub fn result(w: &mut dyn Write, view: &View, answers: &Answers, score: &Score, flips: &[Flip]) -> io::Result<()> {
    let bank = view.bank;
    let out = QuizResult {
        recommendation: score.recommendation.key(),
        verdict: bank.verdict(score.recommendation.key()).get(view.lang),
        track: &score.track,
        score: score.total,
        threshold: score.threshold,
        min_score: score.range.0,
        max_score: score.range.1,
        answers: answers
            .iter(bank)
            .map(|(q, c)| AnswerJson { id: &q.id, choice: &q.choices[c].key, weight: q.choices[c].weight })
            .collect(),
        myths: score
            .myths
            .iter()
            .map(|m| MythJson { id: m.id, believed: m.believed, weight: m.myth_weight, checks_weight: m.checks_weight })
            .collect(),
        reasons: score.reasons.iter().map(|&i| bank.questions[i].id.as_str()).collect(),
        advice: score.advice.iter().map(|&a| bank.advice[a].text.get(view.lang)).collect(),
        margin: score.margin(),
        flips: flips
            .iter()
            .map(|f| FlipJson {
                changes: f
                    .changes
                    .iter()
                    .map(|c| {
                        let q = &bank.questions[c.question];
                        ChangeJson { id: &q.id, from: &q.choices[c.from].key, to: &q.choices[c.to].key, delta: c.delta }
                    })
                    .collect(),
                score: f.score,
            })
            .collect(),
        lang: view.lang.code(),
    };
    write_json(w, &out)
}

#[derive(Serialize)]
struct BankJson<'a> {
    lang: &'a str,
    threshold: i64,
    min_score: i64,
    max_score: i64,
    questions: Vec<QuestionJson<'a>>,
}

#[derive(Serialize)]
struct QuestionJson<'a> {
    id: &'a str,
    kind: &'a str,
    myth: Option<&'a str>,
    topic: &'a str,
    prompt: &'a str,
    choices: Vec<ChoiceJson<'a>>,
    counterpoint: Option<&'a str>,
}

#[derive(Serialize)]
struct ChoiceJson<'a> {
    key: &'a str,
    label: &'a str,
    weight: i64,
}

/// Writes the bank as one JSON object and a newline.
pub fn bank(w: &mut dyn Write, view: &View) -> io::Result<()> {
    let lang = view.lang;
    let (min_score, max_score) = view.bank.score_range();
    let out = BankJson {
        lang: lang.code(),
        threshold: view.bank.threshold,
        min_score,
        max_score,
        questions: view
            .bank
            .questions
            .iter()
            .map(|q| QuestionJson {
                id: &q.id,
                kind: kind_name(&q.kind),
                myth: q.myth(),
                topic: q.topic.get(lang),
                prompt: q.prompt.get(lang),
                choices: q
                    .choices
                    .iter()
                    .map(|c| ChoiceJson { key: &c.key, label: c.label.get(lang), weight: c.weight })
                    .collect(),
                counterpoint: q.counterpoint.as_ref().map(|t| t.get(lang)),
            })
            .collect(),
    };
    write_json(w, &out)
}

/// A question's kind as the JSON outputs name it: `track`, `myth` or `check`.
pub(crate) fn kind_name(kind: &Kind) -> &'static str {
    match kind {
        Kind::Track => "track",
        Kind::Myth => "myth",
        Kind::Check { .. } => "check",
    }
}

/// Writes `value` as pretty JSON and a newline: every JSON output ends this way.
pub(crate) fn write_json(w: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value).map_err(io::Error::from)?;
    writeln!(w)
}
