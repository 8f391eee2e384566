//! The bank as written in TOML: every field optional and spanned, so that validation can
//! report every problem at its line instead of stopping at the first missing field.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// A text: one string per language code, as `{ en = "...", ko = "..." }`.
pub type RawText = Spanned<BTreeMap<String, Spanned<String>>>;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBank {
    pub version: Option<Spanned<i64>>,
    pub languages: Option<Spanned<Vec<Spanned<String>>>>,
    pub threshold: Option<Spanned<i64>>,
    pub title: Option<RawText>,
    pub intro: Option<RawText>,
    pub disclaimer: Option<RawText>,
    pub agreement: Option<Spanned<RawAgreement>>,
    pub questions: Option<Spanned<Vec<Spanned<RawQuestion>>>>,
    pub results: Option<Spanned<BTreeMap<String, Spanned<RawResult>>>>,
    pub advice: Option<Vec<Spanned<RawAdvice>>>,
}

/// The five labels of the agreement scale, from strongly disagree to strongly agree.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawAgreement {
    pub strongly_disagree: Option<RawText>,
    pub disagree: Option<RawText>,
    pub neutral: Option<RawText>,
    pub agree: Option<RawText>,
    pub strongly_agree: Option<RawText>,
}

/// One `[[questions]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub myth: Option<Spanned<String>>,
    pub topic: Option<RawText>,
    pub prompt: Option<RawText>,
    pub choices: Option<Spanned<Vec<Spanned<RawChoice>>>>,
    pub weights: Option<Spanned<Vec<Spanned<i64>>>>,
    pub summary: Option<RawText>,
    pub counterpoint: Option<RawText>,
}

/// One choice of a track or check question.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub key: Option<Spanned<String>>,
    pub weight: Option<Spanned<i64>>,
    pub label: Option<RawText>,
}

/// One `[results.KEY]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResult {
    pub verdict: Option<RawText>,
}

/// One `[[advice]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAdvice {
    pub verdict: Option<Spanned<String>>,
    pub when: Option<Spanned<RawWhen>>,
    pub text: Option<RawText>,
}

/// The condition of an advice line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWhen {
    pub question: Option<Spanned<String>>,
    pub choices: Option<Spanned<Vec<Spanned<String>>>>,
}
