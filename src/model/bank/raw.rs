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

/// The shape of the file as far as which keys belong where: validation walks the parsed
/// document with it first, to report every unknown key (typos) at once instead of stopping
/// at the first as serde's `deny_unknown_fields` would. Must list every field of the
/// structs above: the built-in bank uses them all, and its tests would fail otherwise.
pub enum Shape {
    /// Anything: a value, or a text whose keys are languages (checked by validation).
    Any,
    /// A table with exactly these keys.
    Table(&'static [(&'static str, Shape)]),
    /// An array of items of this shape.
    Array(&'static Shape),
    /// A table with any keys, each value of this shape.
    Map(&'static Shape),
}

const CHOICE: Shape = Shape::Table(&[("key", Shape::Any), ("weight", Shape::Any), ("label", Shape::Any)]);
const QUESTION: Shape = Shape::Table(&[
    ("id", Shape::Any),
    ("kind", Shape::Any),
    ("myth", Shape::Any),
    ("topic", Shape::Any),
    ("prompt", Shape::Any),
    ("choices", Shape::Array(&CHOICE)),
    ("weights", Shape::Any),
    ("summary", Shape::Any),
    ("counterpoint", Shape::Any),
]);
const AGREEMENT: Shape = Shape::Table(&[
    ("strongly-disagree", Shape::Any),
    ("disagree", Shape::Any),
    ("neutral", Shape::Any),
    ("agree", Shape::Any),
    ("strongly-agree", Shape::Any),
]);
const RESULT: Shape = Shape::Table(&[("verdict", Shape::Any)]);
const WHEN: Shape = Shape::Table(&[("question", Shape::Any), ("choices", Shape::Any)]);
const ADVICE: Shape = Shape::Table(&[("verdict", Shape::Any), ("when", WHEN), ("text", Shape::Any)]);

/// The whole file.
pub const BANK: Shape = Shape::Table(&[
    ("version", Shape::Any),
    ("languages", Shape::Any),
    ("threshold", Shape::Any),
    ("title", Shape::Any),
    ("intro", Shape::Any),
    ("disclaimer", Shape::Any),
    ("agreement", AGREEMENT),
    ("questions", Shape::Array(&QUESTION)),
    ("results", Shape::Map(&RESULT)),
    ("advice", Shape::Array(&ADVICE)),
]);
