//! A quiz under way in a browser, with no script and nothing kept on the server: every page
//! is a GET whose query holds the answers so far (`track=backend&hard=agree`), so the Back
//! button and a reload show the same page and never lose or send anything. The form's own
//! fields start with `_`, which no question id can: `_lang`, `_edit`, `_token`.
//!
//! Answers are read by the answers-file rules (`model::answers`), so an unknown question, an
//! answer that is no choice or a question answered twice get the words `quiz --answers`
//! gives them.

use crate::model::answers::{self, Answers, AnswersError, Line};
use crate::model::bank::Bank;

/// The form field of the page's language.
pub const LANG_FIELD: &str = "_lang";
/// The form field naming the question to answer again.
pub const EDIT_FIELD: &str = "_edit";
/// The form field of the token that sends the answers.
pub const TOKEN_FIELD: &str = "_token";
/// The form field set on the result page right after the answers were saved.
pub const SAVED_FIELD: &str = "_saved";

/// The answers given so far, one a question in bank order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    choices: Vec<Option<usize>>,
}

impl Progress {
    /// Reads the answers among a form's `fields` (its own `_` fields are skipped).
    pub fn from_fields(bank: &Bank, fields: &[(String, String)]) -> Result<Progress, AnswersError> {
        let lines: Vec<Line> = fields
            .iter()
            .filter(|(name, _)| !name.starts_with('_'))
            .enumerate()
            .map(|(i, (name, value))| Line { number: i + 1, id: Some(name.clone()), answer: value.clone() })
            .collect();
        Ok(Progress { choices: answers::resolve_some(bank, &lines, None)? })
    }

    /// The first question without an answer, in bank order.
    pub fn next(&self) -> Option<usize> {
        self.choices.iter().position(Option::is_none)
    }

    /// The answer to question `q`, if any.
    pub fn choice(&self, q: usize) -> Option<usize> {
        self.choices[q]
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.choices.iter().filter(|c| c.is_some()).count()
    }

    /// The last question before `q`, in bank order, that has an answer.
    pub fn answered_before(&self, q: usize) -> Option<usize> {
        (0..q).rev().find(|&i| self.choices[i].is_some())
    }

    /// The answers, when every question has one; else which are missing, as a file's
    /// missing lines are told.
    pub fn complete(&self, bank: &Bank) -> Result<Answers, AnswersError> {
        answers::complete(bank, self.choices.clone())
    }

    /// The answers as form fields (`id`, `key`), in bank order, leaving out question `except`.
    pub fn fields<'b>(&self, bank: &'b Bank, except: Option<usize>) -> Vec<(&'b str, &'b str)> {
        self.choices
            .iter()
            .enumerate()
            .filter(|&(q, _)| Some(q) != except)
            .filter_map(|(q, c)| c.map(|c| (bank.questions[q].id.as_str(), bank.questions[q].choices[c].key.as_str())))
            .collect()
    }

    /// Every question answered as in `answers`.
    pub fn of(answers: &Answers) -> Progress {
        Progress { choices: answers.choices().iter().map(|&c| Some(c)).collect() }
    }

    /// Without the answer to question `q`.
    pub fn without(&self, q: usize) -> Progress {
        let mut choices = self.choices.clone();
        choices[q] = None;
        Progress { choices }
    }
}

/// `fields` as a URL query (`a=b&c=d`), every part percent-encoded.
pub fn query(fields: &[(&str, &str)]) -> String {
    fields.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

/// Percent-encodes everything but unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn answers_so_far_and_the_next_question() {
        let bank = crate::model::builtin_bank();
        let p =
            Progress::from_fields(&bank, &fields(&[("_lang", "ko"), ("track", "backend"), ("hard", "Agree")])).unwrap();
        assert_eq!(p.next(), Some(2));
        assert_eq!(p.answered(), 2);
        assert_eq!(p.answered_before(2), Some(1));
        assert_eq!(p.fields(&bank, None), [("track", "backend"), ("hard", "agree")]);
        assert_eq!(p.fields(&bank, Some(0)), [("hard", "agree")]);
        assert!(p.complete(&bank).is_err());
        assert_eq!(query(&p.fields(&bank, None)), "track=backend&hard=agree");
    }

    #[test]
    fn bad_fields_get_the_answers_file_words() {
        let bank = crate::model::builtin_bank();
        let err = Progress::from_fields(&bank, &fields(&[("fnu", "agree")])).unwrap_err();
        assert!(matches!(err, AnswersError::UnknownId { ref suggestion, .. } if suggestion.as_deref() == Some("fun")));
        let err = Progress::from_fields(&bank, &fields(&[("fun", "maybe")])).unwrap_err();
        assert!(matches!(err, AnswersError::BadAnswer { .. }));
        let err = Progress::from_fields(&bank, &fields(&[("fun", "agree"), ("fun", "agree")])).unwrap_err();
        assert!(matches!(err, AnswersError::Twice { .. }));
    }

    #[test]
    fn a_whole_form_is_the_answers() {
        let bank = crate::model::builtin_bank();
        let all: Vec<(String, String)> =
            bank.questions.iter().map(|q| (q.id.clone(), q.choices.last().unwrap().key.clone())).collect();
        let p = Progress::from_fields(&bank, &all).unwrap();
        let answers = p.complete(&bank).unwrap();
        assert_eq!(Progress::of(&answers), p);
        assert_eq!(p.without(3).next(), Some(3));
        assert_eq!(query(&[("a b", "ü&=")]), "a%20b=%C3%BC%26%3D");
    }
}
