//! The question bank: a validated model that cannot be invalid, loaded from TOML through
//! the raw layer in `raw.rs` and the checks in `validate.rs`.

mod raw;
mod validate;

use std::borrow::Cow;
use std::fmt;

use crate::base::lang::Lang;
use crate::base::sanitize;

pub use validate::MAX_WEIGHT;

/// The built-in bank, compiled into the binary.
pub const BUILTIN: &str = include_str!("../../../questions.toml");
/// The name the built-in bank goes by in messages.
pub const BUILTIN_NAME: &str = "questions.toml (built in)";

/// The ids of the five myths, in the article's order.
pub const MYTHS: [&str; 5] = ["hard", "jobs", "wages", "future-proof", "fun"];
/// The keys of the track question's choices.
pub const TRACKS: [&str; 3] = ["frontend", "backend", "mobile"];
/// The id of the question that asks for the user's track.
pub const TRACK_ID: &str = "track";

/// The question ids of `report --format csv`'s headline rows (the counts of results, the
/// verdicts), which no question may take.
pub const CSV_RESULTS_ID: &str = "results";
/// See [`CSV_RESULTS_ID`].
pub const CSV_VERDICT_ID: &str = "verdict";
/// The keys of the five-point agreement scale, from strongly disagree to strongly agree.
pub const AGREEMENT_KEYS: [&str; 5] = ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"];
/// Agreement answers at or above this index (agree, strongly agree) mean the myth is believed.
const BELIEVED_FROM: usize = 3;

/// A text in every language the bank declares: borrowed for the built-in bank (compiled in),
/// owned for a bank read from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text([Cow<'static, str>; 2]);

impl Text {
    /// A text from its English and Korean strings. Only build.rs's generated code calls this,
    /// with texts it has validated; every other text comes through validation.
    pub fn from_array(texts: [&'static str; 2]) -> Text {
        Text(texts.map(Cow::Borrowed))
    }

    /// Sets the text of `lang` (validation's builder).
    fn set(&mut self, lang: Lang, text: String) {
        self.0[lang.index()] = Cow::Owned(text);
    }

    /// The text in `lang`; empty only for a language the bank does not declare, which
    /// the caller never asks for (see [`Bank::resolve_lang`]).
    pub fn get(&self, lang: Lang) -> &str {
        &self.0[lang.index()]
    }
}

/// What role a question plays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// The first question: front-end, back-end or mobile.
    Track,
    /// One of the five myths, answered on the agreement scale.
    Myth,
    /// A reality check tied to the myth with this id.
    Check { myth: String },
}

/// One answer a question offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The stable key used in answers files and JSON.
    pub key: String,
    /// What the user reads.
    pub label: Text,
    /// How far this answer moves the score: positive toward ML, negative toward staying.
    pub weight: i64,
}

/// One validated question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Unique id, lowercase letters, digits and hyphens.
    pub id: String,
    /// Track, myth or reality check.
    pub kind: Kind,
    /// A label of a few words, for charts and reasons.
    pub topic: Text,
    /// The question, or for a myth the claim to agree or disagree with.
    pub prompt: Text,
    /// At least two choices with unique keys.
    pub choices: Vec<Choice>,
    /// One line of counterpoint (required for myths).
    pub summary: Option<Text>,
    /// The article's counterpoint, shown after the answer (required for myths).
    pub counterpoint: Option<Text>,
}

impl Question {
    /// The id of the myth this question belongs to: its own for a myth, the related one
    /// for a reality check, none for the track question.
    pub fn myth(&self) -> Option<&str> {
        match &self.kind {
            Kind::Track => None,
            Kind::Myth => Some(&self.id),
            Kind::Check { myth } => Some(myth),
        }
    }

    /// The lowest and highest weight among the choices.
    pub fn weight_range(&self) -> (i64, i64) {
        let weights = self.choices.iter().map(|c| c.weight);
        (weights.clone().min().unwrap_or(0), weights.max().unwrap_or(0))
    }

    /// Whether this is one of the five myth questions.
    pub fn is_myth(&self) -> bool {
        self.kind == Kind::Myth
    }

    /// The choice a prompt starts on: the one that moves the score least (the neutral middle
    /// of the agreement scale, "not sure" on a reality check), the first of equals; so pressing
    /// Enter through the quiz leans neither way.
    pub fn default_choice(&self) -> usize {
        (0..self.choices.len()).min_by_key(|&i| self.choices[i].weight.abs()).unwrap_or(0)
    }

    /// Whether answering `choice` means believing the myth (agree or strongly agree).
    pub fn believed(&self, choice: usize) -> bool {
        self.is_myth() && choice >= BELIEVED_FROM
    }

    /// Finds the choice an answer names: a 1-based number or a key, case and
    /// surrounding spaces ignored.
    pub fn find_choice(&self, answer: &str) -> Result<usize, ChoiceError> {
        let answer = answer.trim();
        if !answer.is_empty() && answer.bytes().all(|b| b.is_ascii_digit()) {
            return match answer.parse::<usize>() {
                Ok(n) if (1..=self.choices.len()).contains(&n) => Ok(n - 1),
                _ => Err(ChoiceError::OutOfRange),
            };
        }
        // "strongly agree" and "strongly_agree" mean the key `strongly-agree`.
        let answer = answer.replace([' ', '_'], "-");
        self.choices.iter().position(|c| c.key.eq_ignore_ascii_case(&answer)).ok_or(ChoiceError::Unknown)
    }
}

/// Why an answer names no choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceError {
    /// A number, but not one of the choices.
    OutOfRange,
    /// Neither a number nor a key.
    Unknown,
}

/// Which way an advice line's verdict goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The recommendation is machine learning.
    Ml,
    /// The recommendation is to stay in the current track.
    Stay,
}

/// A "what to do next" line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    /// The verdict it belongs to.
    pub verdict: Direction,
    /// Shown only if question `.0` was answered with one of the choices `.1`.
    pub when: Option<(usize, Vec<usize>)>,
    /// The line itself.
    pub text: Text,
}

/// A validated question bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bank {
    /// The languages every text is written in, as declared.
    pub languages: Vec<Lang>,
    /// A score at or above this recommends machine learning.
    pub threshold: i64,
    /// The quiz's title.
    pub title: Text,
    /// Shown before the first question.
    pub intro: Text,
    /// What the result is and is not.
    pub disclaimer: Text,
    /// The questions in order; the first is the track question.
    pub questions: Vec<Question>,
    /// The verdict line for `ml` and for each track key.
    pub verdicts: Vec<(String, Text)>,
    /// "What to do next" lines.
    pub advice: Vec<Advice>,
}

impl Bank {
    /// Loads the built-in bank.
    pub fn builtin() -> Result<Bank, BankError> {
        Bank::parse(BUILTIN_NAME, BUILTIN)
    }

    /// Parses and validates a bank; `name` is used in messages.
    pub fn parse(name: &str, text: &str) -> Result<Bank, BankError> {
        validate::parse(text).map_err(|problems| BankError::new(name, text, problems))
    }

    /// Parses and validates a bank for `mlcheck check`, which also reports the warnings:
    /// what leaves the bank valid but is worth knowing (texts in a language the bank does
    /// not list, which the quiz ignores).
    pub fn check(name: &str, text: &str) -> Result<Checked, BankError> {
        let outcome = validate::validate(text);
        let index = LineIndex::new(text);
        let warnings = positioned(&index, outcome.warnings);
        match outcome.bank {
            Some(bank) => Ok(Checked { bank, warnings: Warnings { name: sanitize::escape(name), list: warnings } }),
            None => {
                let mut err = BankError::new(name, text, outcome.problems);
                err.warnings = warnings;
                Err(err)
            }
        }
    }

    /// The index of the question with this id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The track question (validation guarantees it is the first).
    pub fn track(&self) -> &Question {
        &self.questions[0]
    }

    /// The verdict line for a recommendation key (`ml` or a track key).
    pub fn verdict(&self, key: &str) -> &Text {
        self.verdicts.iter().find(|(k, _)| k == key).map(|(_, t)| t).expect("validated: every track has a verdict")
    }

    /// The lowest and highest score any set of answers can reach.
    pub fn score_range(&self) -> (i64, i64) {
        self.questions.iter().map(Question::weight_range).fold((0, 0), |(lo, hi), (min, max)| (lo + min, hi + max))
    }

    /// The language to use: the one asked for if the bank has it, else English if the bank has
    /// it, else the bank's first. `Err` gives back an explicit request the bank can't meet.
    pub fn resolve_lang(&self, requested: Option<Lang>, from_locale: Lang) -> Result<Lang, Lang> {
        if let Some(lang) = requested {
            return if self.languages.contains(&lang) { Ok(lang) } else { Err(lang) };
        }
        Ok([from_locale, Lang::En].into_iter().find(|l| self.languages.contains(l)).unwrap_or(self.languages[0]))
    }
}

/// One problem in a bank, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong and how to fix it; control characters already escaped.
    pub message: String,
}

/// A bank that failed to load: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankError {
    /// The file's name as given, or the built-in bank's.
    pub name: String,
    /// At least one problem.
    pub problems: Vec<Problem>,
    /// Warnings found on the way, for `mlcheck check` (see [`Bank::check`]); not displayed
    /// with the problems.
    pub warnings: Vec<Problem>,
}

impl BankError {
    fn new(name: &str, text: &str, spans: Vec<validate::Diagnostic>) -> BankError {
        let problems = positioned(&LineIndex::new(text), spans);
        BankError { name: sanitize::escape(name), problems, warnings: Vec::new() }
    }

    /// "1 problem" / "3 problems".
    pub fn summary(&self) -> String {
        let n = self.problems.len();
        format!("{}: {n} problem{} found", self.name, if n == 1 { "" } else { "s" })
    }

    /// The warnings, to show beside the problems.
    pub fn warnings(&self) -> Warnings {
        Warnings { name: self.name.clone(), list: self.warnings.clone() }
    }
}

/// Diagnostics at byte offsets as problems at lines and columns, in file order.
fn positioned(index: &LineIndex<'_>, mut spans: Vec<validate::Diagnostic>) -> Vec<Problem> {
    spans.sort_by_key(|d| d.offset);
    spans
        .into_iter()
        .map(|d| {
            let (line, column) = index.position(d.offset);
            Problem { line, column, message: sanitize::escape(&d.message) }
        })
        .collect()
}

/// A bank that is valid, with what `check` has to say about it anyway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The validated bank.
    pub bank: Bank,
    /// Warnings, possibly none.
    pub warnings: Warnings,
}

/// Warnings about one bank, displayed as `NAME:LINE:COLUMN: warning: message` lines, one
/// per warning (nothing at all when there is none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warnings {
    /// The bank's name, escaped.
    pub name: String,
    /// In file order.
    pub list: Vec<Problem>,
}

impl fmt::Display for Warnings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.list {
            writeln!(f, "{}:{}:{}: warning: {}", self.name, p.line, p.column, p.message)?;
        }
        Ok(())
    }
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.problems {
            writeln!(f, "{}:{}:{}: {}", self.name, p.line, p.column, p.message)?;
        }
        write!(f, "{}", self.summary())
    }
}

impl std::error::Error for BankError {}

/// Maps byte offsets to 1-based lines and character columns.
#[derive(Default)]
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, starts }
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_lines_and_characters() {
        let index = LineIndex::new("ab\n한국어 x\n");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(3), (2, 1));
        assert_eq!(index.position(3 + 9 + 1), (2, 5));
        assert_eq!(index.position(999), (3, 1));
    }

    #[test]
    fn the_builtin_bank_loads_and_is_complete() {
        let bank = Bank::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bank.questions[0].id, TRACK_ID);
        for myth in MYTHS {
            let q = bank.question(myth).unwrap();
            assert!(q.is_myth());
            assert!(q.counterpoint.is_some() && q.summary.is_some());
        }
        assert!(bank.questions.iter().filter(|q| matches!(q.kind, Kind::Check { .. })).count() >= 5);
        assert_eq!(bank.languages, vec![Lang::En, Lang::Ko]);
        let (lo, hi) = bank.score_range();
        assert!(lo < bank.threshold && bank.threshold <= hi);
    }

    #[test]
    fn answers_are_numbers_or_keys() {
        let bank = Bank::builtin().unwrap();
        let q = bank.question("hard").unwrap();
        assert_eq!(q.find_choice("1"), Ok(0));
        assert_eq!(q.find_choice(" Strongly-Agree "), Ok(4));
        assert_eq!(q.find_choice("strongly agree"), Ok(4));
        assert_eq!(q.find_choice("0"), Err(ChoiceError::OutOfRange));
        assert_eq!(q.find_choice("99999999999999999999"), Err(ChoiceError::OutOfRange));
        assert_eq!(q.find_choice("-1"), Err(ChoiceError::Unknown));
        assert_eq!(q.find_choice("1.5"), Err(ChoiceError::Unknown));
        assert_eq!(q.find_choice(""), Err(ChoiceError::Unknown));
    }

    #[test]
    fn language_resolution() {
        let bank = Bank::builtin().unwrap();
        assert_eq!(bank.resolve_lang(Some(Lang::Ko), Lang::En), Ok(Lang::Ko));
        assert_eq!(bank.resolve_lang(None, Lang::Ko), Ok(Lang::Ko));
        let mut english_only = bank.clone();
        english_only.languages = vec![Lang::En];
        assert_eq!(english_only.resolve_lang(None, Lang::Ko), Ok(Lang::En));
        assert_eq!(english_only.resolve_lang(Some(Lang::Ko), Lang::En), Err(Lang::Ko));
    }
}
