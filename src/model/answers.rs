//! The answers-file format: one answer per line, `#` comments and blank lines ignored; an
//! answer is a 1-based choice number or a choice key; `ID = ANSWER` answers question ID,
//! a plain line answers the next unanswered question. Parsing and resolving against a bank
//! are separate steps, so the same resolver serves files and typed answers.

use std::fmt;

use crate::base::lang::Lang;
use crate::base::sanitize;
use crate::model::bank::{Bank, ChoiceError, Question, Text, TRACK_ID};

/// One meaningful line of an answers file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the file.
    pub number: usize,
    /// The question id for an `ID = ANSWER` line.
    pub id: Option<String>,
    /// The answer as written, trimmed.
    pub answer: String,
}

/// Splits an answers file into its meaningful lines. Never fails: what a line means is
/// decided against a bank by [`resolve`].
pub fn parse(text: &str) -> Vec<Line> {
    text.split('\n')
        .enumerate()
        .filter_map(|(i, raw)| {
            let content = raw.split('#').next().unwrap_or("").trim();
            if content.is_empty() {
                return None;
            }
            let (id, answer) = match content.split_once('=') {
                Some((id, answer)) => (Some(id.trim().to_string()), answer.trim()),
                None => (None, content),
            };
            Some(Line { number: i + 1, id, answer: answer.to_string() })
        })
        .collect()
}

/// The answers of one run: for every question of the bank, the index of the chosen choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    choices: Vec<usize>,
}

impl Answers {
    /// Builds answers from one choice index per question, in bank order.
    pub fn new(bank: &Bank, choices: Vec<usize>) -> Answers {
        debug_assert_eq!(choices.len(), bank.questions.len());
        Answers { choices }
    }

    /// The chosen choice index of question `index`.
    pub fn choice(&self, index: usize) -> usize {
        self.choices[index]
    }

    /// The chosen choice index of every question, in bank order.
    pub fn choices(&self) -> &[usize] {
        &self.choices
    }

    /// `(question, choice index)` pairs in bank order.
    pub fn iter<'b>(&'b self, bank: &'b Bank) -> impl Iterator<Item = (&'b Question, usize)> + 'b {
        bank.questions.iter().zip(self.choices.iter().copied())
    }

    /// The keyed form (`id = key` lines) that `--answers` replays.
    pub fn to_keyed(&self, bank: &Bank) -> String {
        let mut out = String::from("# mlcheck answers; replay with: mlcheck quiz --answers FILE\n");
        for (q, c) in self.iter(bank) {
            out.push_str(&format!("{} = {}\n", q.id, q.choices[c].key));
        }
        out
    }
}

/// What is wrong with an answers file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswersError {
    /// `ID = ...` names no question.
    UnknownId { line: usize, id: String, suggestion: Option<String> },
    /// The answer names no choice of its question.
    BadAnswer { line: usize, id: String, answer: String, out_of_range: bool, valid: Valid },
    /// A question is answered a second time.
    Twice { line: usize, id: String, first: Answered },
    /// A plain answer after every question has one.
    Extra { line: usize, questions: usize },
    /// No answer at all: the file is empty, or holds only comments and blank lines.
    Empty,
    /// Questions left without an answer; `first_valid` are the answers of the first.
    Missing { ids: Vec<String>, first_valid: Valid },
}

/// The answers a question takes: a number up to `count`, or one of `keys`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Valid {
    /// How many choices the question has.
    pub count: usize,
    /// The choices' keys, in order.
    pub keys: Vec<String>,
    /// The choices' labels, in order: a Korean reader gets them beside the numbers, since
    /// the keys are English words.
    pub labels: Vec<Text>,
}

impl Valid {
    /// The valid answers of `question`.
    pub fn of(question: &Question) -> Valid {
        Valid {
            count: question.choices.len(),
            keys: question.choices.iter().map(|c| c.key.clone()).collect(),
            labels: question.choices.iter().map(|c| c.label.clone()).collect(),
        }
    }

    /// "a number from 1 to 3 or a key: yes, path, no"; in Korean every number with its
    /// label, then the keys: "1번 ‘네’, 2번 ‘아니요’ 또는 키 yes, no". Labels are quoted
    /// because some hold commas.
    fn text(&self, lang: Lang) -> String {
        let keys = self.keys.join(", ");
        match lang {
            Lang::En => format!("a number from 1 to {} or a key: {keys}", self.count),
            Lang::Ko => {
                let numbered: Vec<String> =
                    self.labels.iter().enumerate().map(|(i, l)| format!("{}번 ‘{}’", i + 1, l.get(lang))).collect();
                format!("{} 또는 키 {keys}", numbered.join(", "))
            }
        }
    }
}

/// Where a question got its first answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    /// On this line of the file.
    Line(usize),
    /// By `--track`.
    TrackFlag,
}

impl AnswersError {
    /// What is wrong, for people, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        crate::base::messages::sentence(self.words(lang))
    }

    /// The message before it is ended as a sentence.
    fn words(&self, lang: Lang) -> String {
        let ko = lang == Lang::Ko;
        match self {
            AnswersError::UnknownId { id, suggestion, .. } => {
                let id = sanitize::excerpt(id, sanitize::ECHO);
                match (suggestion, ko) {
                    (Some(s), false) => format!("there is no question `{id}`; did you mean `{s}`?"),
                    (None, false) => format!("there is no question `{id}`; `mlcheck questions` lists the ids"),
                    // No particle follows an id: how to read `track` (and so which particle
                    // fits) can't be known, so the Korean messages put the id before a colon.
                    (Some(s), true) => format!("질문 `{id}`: 그런 질문은 없습니다. 혹시 `{s}` 질문인가요?"),
                    (None, true) => {
                        format!("질문 `{id}`: 그런 질문은 없습니다. 질문 id 목록은 이 명령으로 볼 수 있습니다: `mlcheck questions`")
                    }
                }
            }
            AnswersError::BadAnswer { id, answer, out_of_range, valid, .. } => {
                let answer = sanitize::excerpt(answer, sanitize::ECHO);
                let valid = valid.text(lang);
                if *out_of_range {
                    if ko {
                        format!("질문 `{id}`: {answer}번 선택지는 없습니다. 답할 수 있는 것: {valid}")
                    } else {
                        format!("question `{id}` has no choice {answer}; answer with {valid}")
                    }
                } else if let Some((before, after)) = answer.split_once(':') {
                    // "mentor: yes" was meant as a keyed line.
                    let (before, after) = (before.trim(), after.trim());
                    if ko {
                        format!("질문 `{id}`: 선택지에 없는 답입니다(`{answer}`). `{before}` 질문에 답하려면 이렇게 쓰세요: `{before} = {after}`")
                    } else {
                        format!("`{answer}` is not an answer to question `{id}`; to answer `{before}`, write `{before} = {after}`")
                    }
                } else if ko {
                    format!("질문 `{id}`: 선택지에 없는 답입니다(`{answer}`). 답할 수 있는 것: {valid}")
                } else {
                    format!("`{answer}` is not an answer to question `{id}`; answer with {valid}")
                }
            }
            AnswersError::Twice { id, first, .. } => match (first, ko) {
                (Answered::Line(first), false) => {
                    format!("question `{id}` is answered twice (first on line {first}); keep one of the two lines")
                }
                (Answered::Line(first), true) => {
                    format!("질문 `{id}`: 두 번 답했습니다(처음은 {first}번째 줄). 두 줄 가운데 하나만 남기세요")
                }
                (Answered::TrackFlag, false) => {
                    format!("question `{id}` is already answered by --track; drop one of the two")
                }
                (Answered::TrackFlag, true) => {
                    format!("질문 `{id}`: 이미 --track으로 답했습니다. 둘 중 하나를 지우세요")
                }
            },
            AnswersError::Extra { questions, .. } => {
                if ko {
                    format!("답이 하나 남습니다. 질문 {questions}개에 이미 모두 답했습니다")
                } else {
                    format!("one answer too many: all {questions} questions are already answered")
                }
            }
            AnswersError::Empty => {
                if ko {
                    "답이 하나도 없습니다. 파일이 비어 있거나 주석과 빈 줄뿐입니다. 한 줄에 답을 하나씩 쓰세요(질문과 선택지 목록: `mlcheck questions`)".to_string()
                } else {
                    "no answers: the file is empty, or holds only comments and blank lines; write one answer a line (`mlcheck questions` lists the questions and choices)".to_string()
                }
            }
            AnswersError::Missing { ids, first_valid } => {
                let list: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
                let (n, list, first, valid) = (ids.len(), list.join(", "), &ids[0], first_valid.text(lang));
                if ko {
                    format!("답하지 않은 질문이 {n}개 있습니다: {list}. `{first} = ...` 같은 줄을 더하세요. `{first}` 질문에 답할 수 있는 것: {valid}")
                } else {
                    let s = if n == 1 { "" } else { "s" };
                    format!("{n} question{s} without an answer: {list}; add a line such as `{first} = ...` ({valid})")
                }
            }
        }
    }
}

impl fmt::Display for AnswersError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for AnswersError {}

impl AnswersError {
    /// The message with where it is: `NAME:LINE: message`, or `NAME: message` when no line
    /// is to blame; `quiz --answers` and `report` word a bad answers file alike through it.
    pub fn located(&self, name: &str, lang: Lang) -> String {
        match self.line() {
            Some(line) => format!("{name}:{line}: {}", self.message(lang)),
            None => format!("{name}: {}", self.message(lang)),
        }
    }

    /// The line of the answers file the problem is on, if it is on one.
    pub fn line(&self) -> Option<usize> {
        match self {
            AnswersError::UnknownId { line, .. }
            | AnswersError::BadAnswer { line, .. }
            | AnswersError::Twice { line, .. }
            | AnswersError::Extra { line, .. } => Some(*line),
            AnswersError::Missing { .. } | AnswersError::Empty => None,
        }
    }
}

/// The closest question id to `id`, if it is close enough to be a likely typo.
pub fn suggest(bank: &Bank, id: &str) -> Option<String> {
    let id = id.to_ascii_lowercase();
    bank.questions
        .iter()
        .map(|q| (strsim::damerau_levenshtein(&id, &q.id), &q.id))
        .filter(|(d, q)| *d <= 2.max(q.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, q)| q.clone())
}

/// Matches `answer` to a choice of `question`, with the error the file would get.
pub fn choose(question: &Question, answer: &str, line: usize) -> Result<usize, AnswersError> {
    question.find_choice(answer).map_err(|e| AnswersError::BadAnswer {
        line,
        id: question.id.clone(),
        answer: answer.to_string(),
        out_of_range: e == ChoiceError::OutOfRange,
        valid: Valid::of(question),
    })
}

/// Resolves parsed lines against `bank`. `track` is the choice index given by `--track`.
pub fn resolve(bank: &Bank, lines: &[Line], track: Option<usize>) -> Result<Answers, AnswersError> {
    if lines.is_empty() {
        return Err(AnswersError::Empty);
    }
    complete(bank, resolve_some(bank, lines, track)?)
}

/// The answers when `given` (one choice index a question, in bank order, as
/// [`resolve_some`] gives them) answers every question; else which are missing.
pub fn complete(bank: &Bank, given: Vec<Option<usize>>) -> Result<Answers, AnswersError> {
    let missing: Vec<usize> = (0..given.len()).filter(|&i| given[i].is_none()).collect();
    if let Some(&first) = missing.first() {
        return Err(AnswersError::Missing {
            ids: missing.iter().map(|&i| bank.questions[i].id.clone()).collect(),
            first_valid: Valid::of(&bank.questions[first]),
        });
    }
    Ok(Answers { choices: given.into_iter().map(|c| c.unwrap_or(0)).collect() })
}

/// Resolves lines that may leave questions unanswered (a quiz under way, as the web form
/// carries it): every other rule of [`resolve`] holds. One choice index a question, in
/// bank order, `None` where there is no answer yet.
pub fn resolve_some(bank: &Bank, lines: &[Line], track: Option<usize>) -> Result<Vec<Option<usize>>, AnswersError> {
    let mut given: Vec<Option<(usize, Answered)>> = vec![None; bank.questions.len()];
    if let Some(t) = track {
        given[0] = Some((t, Answered::TrackFlag));
    }
    for line in lines {
        let index = match &line.id {
            Some(id) => match bank.question_index(&id.to_ascii_lowercase()) {
                Some(i) => i,
                None => {
                    return Err(AnswersError::UnknownId {
                        line: line.number,
                        id: id.clone(),
                        suggestion: suggest(bank, id),
                    })
                }
            },
            None => match given.iter().position(Option::is_none) {
                Some(i) => i,
                None => return Err(AnswersError::Extra { line: line.number, questions: bank.questions.len() }),
            },
        };
        let question = &bank.questions[index];
        let choice = choose(question, &line.answer, line.number)?;
        match given[index] {
            None => given[index] = Some((choice, Answered::Line(line.number))),
            // Saved answers carry the track line; replaying them with the same --track is fine.
            Some((same, Answered::TrackFlag)) if same == choice && question.id == TRACK_ID => {}
            Some((_, first)) => return Err(AnswersError::Twice { line: line.number, id: question.id.clone(), first }),
        }
    }
    Ok(given.into_iter().map(|g| g.map(|(c, _)| c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank() -> Bank {
        Bank::builtin().unwrap()
    }

    fn resolve_text(text: &str) -> Result<Answers, AnswersError> {
        resolve(&bank(), &parse(text), None)
    }

    fn all_first(bank: &Bank) -> String {
        bank.questions.iter().map(|_| "1\n").collect()
    }

    #[test]
    fn parses_comments_blanks_keys_and_crlf() {
        let lines = parse("# header\r\n\r\n  2  \r\nfun = Agree # why not\r\n   # indented comment\n");
        assert_eq!(
            lines,
            vec![
                Line { number: 3, id: None, answer: "2".into() },
                Line { number: 4, id: Some("fun".into()), answer: "Agree".into() },
            ]
        );
    }

    #[test]
    fn positional_keyed_and_mixed_agree() {
        let bank = bank();
        let positional = resolve_text(&all_first(&bank)).unwrap();
        let keyed: String = bank.questions.iter().rev().map(|q| format!("{} = {}\n", q.id, q.choices[0].key)).collect();
        assert_eq!(resolve_text(&keyed).unwrap(), positional);
        let mut mixed = format!("{} = 1\n", bank.questions[3].id);
        mixed.push_str(&"1\n".repeat(bank.questions.len() - 1));
        assert_eq!(resolve_text(&mixed).unwrap(), positional);
    }

    #[test]
    fn reports_each_kind_of_mistake_with_its_line() {
        let bank = bank();
        let n = bank.questions.len();
        match resolve_text("backend\nfnu = 1\n") {
            Err(AnswersError::UnknownId { line: 2, suggestion: Some(s), .. }) => assert_eq!(s, "fun"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(resolve_text("0"), Err(AnswersError::BadAnswer { line: 1, out_of_range: true, .. })));
        assert!(matches!(resolve_text("1\n-1"), Err(AnswersError::BadAnswer { line: 2, out_of_range: false, .. })));
        assert!(matches!(
            resolve_text("track = 1\ntrack = 2"),
            Err(AnswersError::Twice { line: 2, first: Answered::Line(1), .. })
        ));
        let extra = format!("{}1\n", all_first(&bank));
        assert!(matches!(resolve_text(&extra), Err(AnswersError::Extra { line, .. }) if line == n + 1));
        match resolve_text("1\n") {
            Err(AnswersError::Missing { ids, .. }) => assert_eq!(ids.len(), n - 1),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn track_flag_answers_the_first_question() {
        let bank = bank();
        let rest: String = bank.questions[1..].iter().map(|_| "2\n").collect();
        let answers = resolve(&bank, &parse(&rest), Some(1)).unwrap();
        assert_eq!(answers.choice(0), 1);
        assert!(resolve(&bank, &parse(&format!("track = backend\n{rest}")), Some(1)).is_ok());
        assert!(matches!(
            resolve(&bank, &parse(&format!("track = mobile\n{rest}")), Some(1)),
            Err(AnswersError::Twice { first: Answered::TrackFlag, .. })
        ));
    }

    #[test]
    fn messages_exist_in_korean() {
        let err = resolve_text("backend\nfnu = 1\n").unwrap_err();
        assert_eq!(err.message(Lang::Ko), "질문 `fnu`: 그런 질문은 없습니다. 혹시 `fun` 질문인가요?");
        assert_eq!(err.to_string(), "there is no question `fnu`; did you mean `fun`?");
        let err = resolve_text("backend\n0\n").unwrap_err();
        assert!(err
            .message(Lang::Ko)
            .starts_with("질문 `hard`: 0번 선택지는 없습니다. 답할 수 있는 것: 1번 ‘전혀 동의하지 않음’, "));
    }

    #[test]
    fn keyed_form_round_trips() {
        let bank = bank();
        let answers = resolve_text(&bank.questions.iter().map(|_| "2\n").collect::<String>()).unwrap();
        assert_eq!(resolve_text(&answers.to_keyed(&bank)).unwrap(), answers);
    }
}
