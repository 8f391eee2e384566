//! Turns a `RawBank` into a `Bank`, collecting every problem with its byte offset.

use std::collections::HashMap;

use serde::Deserialize;
use toml::de::{DeTable, DeValue, Deserializer};
use toml::Spanned;

use super::raw::{self, RawAdvice, RawBank, RawChoice, RawQuestion, RawText, Shape};
use super::{
    Advice, Bank, Choice, Direction, Kind, LineIndex, Question, Text, AGREEMENT_KEYS, MYTHS, TRACKS, TRACK_ID,
};
use crate::base::lang::Lang;
use crate::base::sanitize;

/// Weights must lie within ±this, so that no bank can overflow a score.
pub const MAX_WEIGHT: i64 = 1000;
/// The schema version this build reads.
const VERSION: i64 = 1;

/// A problem at a byte offset of the source.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Where in the source, in bytes.
    pub offset: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// What validation found: the bank if it is valid, the problems that make it invalid, and
/// warnings that leave it valid (texts in a language `languages` doesn't list, which the quiz
/// ignores).
#[derive(Debug, Default)]
pub struct Outcome {
    /// The bank, when there is no problem.
    pub bank: Option<Bank>,
    /// What makes the bank invalid.
    pub problems: Vec<Diagnostic>,
    /// What is worth knowing but does not make the bank invalid.
    pub warnings: Vec<Diagnostic>,
}

/// Parses TOML text and validates it.
pub fn parse(text: &str) -> Result<Bank, Vec<Diagnostic>> {
    let outcome = validate(text);
    outcome.bank.ok_or(outcome.problems)
}

/// Parses TOML text and validates it, keeping the warnings too.
pub fn validate(text: &str) -> Outcome {
    match validate_inner(text) {
        Ok(outcome) => outcome,
        Err(problems) => Outcome { problems, ..Outcome::default() },
    }
}

fn validate_inner(text: &str) -> Result<Outcome, Vec<Diagnostic>> {
    // Syntax first. toml can recover and go on, but what follows an unclosed string is
    // mostly echoes of it, so only the first syntax error is reported.
    let (mut doc, errors) = DeTable::parse_recoverable(text);
    if let Some(first) = errors.iter().min_by_key(|e| e.span().map_or(0, |s| s.start)) {
        return Err(vec![toml_problem(first)]);
    }
    // Every unknown key at once. A likely typo is read as the key it resembles (so it causes
    // no second "missing" problem); other unknown keys are dropped; serde sees known keys only.
    let mut unknown = Vec::new();
    if let Shape::Table(fields) = raw::BANK {
        strip_unknown(doc.get_mut(), fields, &mut unknown);
    }
    let raw = RawBank::deserialize(Deserializer::from(doc)).map_err(|err| {
        // A value of the wrong type: serde stops at the first.
        let mut problems = unknown.clone();
        problems.push(toml_problem(&err));
        problems
    })?;
    let mut v = Validator { problems: unknown, lines: LineIndex::new(text), ..Validator::default() };
    let bank = v.bank(raw).filter(|_| v.problems.is_empty());
    Ok(Outcome { bank, problems: v.problems, warnings: v.warnings })
}

/// A toml or serde error as a problem; toml's own Display repeats the source line, control
/// bytes and all, so the message is built from its parts.
fn toml_problem(err: &toml::de::Error) -> Diagnostic {
    Diagnostic { offset: err.span().map(|s| s.start).unwrap_or(0), message: humanize(err.message().trim()) }
}

/// Removes from `table` every key its shape does not list, reporting each, and walks on.
fn strip_unknown(table: &mut DeTable<'_>, fields: &'static [(&'static str, Shape)], out: &mut Vec<Diagnostic>) {
    let known: Vec<&'static str> = fields.iter().map(|(name, _)| *name).collect();
    let unknown: Vec<_> = table.keys().filter(|key| !known.contains(&key.get_ref().as_ref())).cloned().collect();
    for key in unknown {
        let name: &str = key.get_ref();
        let guess = closest(name, &known);
        let hint = match guess {
            Some(k) => format!("did you mean `{k}`?"),
            None => format!("the fields here are: {}", known.join(", ")),
        };
        out.push(Diagnostic { offset: key.span().start, message: format!("unknown field `{name}`; {hint}") });
        let value = table.remove(&key).expect("the key was just listed");
        if let Some(k) = guess.filter(|k| !table.contains_key(*k)) {
            table.insert(Spanned::new(key.span(), std::borrow::Cow::Borrowed(k)), value);
        }
    }
    for (key, value) in table.iter_mut() {
        let name: &str = key.get_ref().as_ref();
        if let Some((_, shape)) = fields.iter().find(|(n, _)| *n == name) {
            strip_value(value.get_mut(), shape, out);
        }
    }
}

fn strip_value(value: &mut DeValue<'_>, shape: &'static Shape, out: &mut Vec<Diagnostic>) {
    match (shape, value) {
        (Shape::Table(fields), DeValue::Table(table)) => strip_unknown(table, fields, out),
        (Shape::Array(item), DeValue::Array(array)) => {
            for v in array.iter_mut() {
                strip_value(v.get_mut(), item, out);
            }
        }
        (Shape::Map(item), DeValue::Table(table)) => {
            for (_, v) in table.iter_mut() {
                strip_value(v.get_mut(), item, out);
            }
        }
        // A value of another type than the shape expects is serde's to report.
        _ => {}
    }
}

/// The known name closest to `name`, if close enough to be a likely typo.
fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(name, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Rewords a toml/serde message for bank authors: Rust type names become TOML words, an
/// unknown field gets the closest known one, and a likely unclosed string is named.
fn humanize(message: &str) -> String {
    let message = message
        .replace("expected i64", "expected a whole number")
        .replace("expected a sequence", "expected an array like [\"en\", \"ko\"]")
        .replace("expected a map", "expected a table")
        .replace("floating point", "number");
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some((field, known)) = rest.split_once('`') {
            let known: Vec<&str> = known.split('`').skip(1).step_by(2).collect();
            let hint = match closest(field, &known) {
                Some(k) => format!("did you mean `{k}`?"),
                None => format!("the fields here are: {}", known.join(", ")),
            };
            return format!("unknown field `{field}`; {hint}");
        }
    }
    // serde's messages are about the schema; anything else is the TOML syntax itself.
    const SCHEMA: [&str; 7] = [
        "invalid type",
        "missing field",
        "invalid value",
        "invalid length",
        "duplicate field",
        "unknown variant",
        "custom",
    ];
    if SCHEMA.iter().any(|p| message.starts_with(p)) {
        return message;
    }
    let hint = if message.starts_with("missing comma between key-value pairs") {
        " (is a string's closing quote missing?)"
    } else {
        ""
    };
    format!("TOML syntax: {message}{hint}")
}

#[derive(Default)]
struct Validator<'a> {
    problems: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// Where each line starts, to name the line of an earlier definition.
    lines: LineIndex<'a>,
    languages: Vec<Lang>,
    /// `languages` as written (`["EN", "KO"]`), for messages that refer to it.
    languages_written: String,
    /// `languages` is missing or names no language: texts are checked without asking for
    /// any language, so that one problem is not echoed by every text.
    languages_unknown: bool,
    /// Every question id written in the file, valid or not, so that a question rejected for
    /// one problem is not reported a second time as missing.
    declared: std::collections::HashSet<String>,
    /// Texts in a known language `languages` doesn't list: code -> (first offset, its field,
    /// count). The quiz ignores them; a warning says so once per language.
    unlisted: std::collections::BTreeMap<Lang, (usize, String, usize)>,
    /// Texts in codes that are no language mlcheck knows: code -> (first offset, its field,
    /// count). An error once per code (a typo such as `kr` would lose texts silently).
    unknown: std::collections::BTreeMap<String, (usize, String, usize)>,
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

/// A choice key is an id that starts with a letter, so it can never be read as a choice
/// number: answers files and prompts take both, and a key "2" would replay as choice 2.
fn valid_key(s: &str) -> bool {
    valid_id(s) && s.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Counts one more text under `key`, remembering where and in which field the first was.
fn tally<K: Ord>(map: &mut std::collections::BTreeMap<K, (usize, String, usize)>, key: K, at: usize, what: &str) {
    map.entry(key).or_insert_with(|| (at, what.to_string(), 0)).2 += 1;
}

/// The language a code that is not one probably means: `EN`, `kr`, `english`, `ko-KR`.
fn likely_lang(code: &str) -> Option<Lang> {
    let code = code.trim().to_ascii_lowercase().replace('_', "-");
    let base = code.split('-').next().unwrap_or_default();
    match base {
        "en" | "eng" | "english" => Some(Lang::En),
        "ko" | "kr" | "kor" | "korean" | "한국어" => Some(Lang::Ko),
        _ => None,
    }
}

impl Validator<'_> {
    fn error(&mut self, offset: usize, message: impl Into<String>) {
        self.problems.push(Diagnostic { offset, message: message.into() });
    }

    fn require<'a, T>(&mut self, field: &'a Option<T>, owner: usize, what: &str) -> Option<&'a T> {
        if field.is_none() {
            self.error(owner, format!("missing {what}"));
        }
        field.as_ref()
    }

    fn bank(&mut self, raw: RawBank) -> Option<Bank> {
        match &raw.version {
            None => self.error(0, format!("missing `version`; add `version = {VERSION}` at the top")),
            Some(v) if *v.get_ref() != VERSION => self.error(
                v.span().start,
                format!("unsupported `version = {}`; this mlcheck reads version {VERSION}", v.get_ref()),
            ),
            Some(_) => {}
        }
        self.languages(&raw);
        let threshold = self.require(&raw.threshold, 0, "`threshold` (the score from which ML is recommended)");
        let threshold = threshold.map(|t| (*t.get_ref(), t.span().start));
        let title = self.text_field(&raw.title, 0, "`title`");
        let intro = self.text_field(&raw.intro, 0, "`intro`");
        let disclaimer = self.text_field(&raw.disclaimer, 0, "`disclaimer`");
        let agreement = self.agreement(&raw);
        let questions = self.questions(&raw, &agreement);
        let verdicts = self.results(&raw, &questions);
        let advice = self.advice(raw.advice.as_deref().unwrap_or(&[]), &questions);

        self.report_other_languages();
        let (threshold, threshold_at) = threshold?;
        let bank = Bank {
            languages: self.languages.clone(),
            threshold,
            title,
            intro,
            disclaimer,
            questions: questions.into_iter().map(|(q, _)| q).collect(),
            verdicts,
            advice,
        };
        self.scores(&bank, threshold_at);
        Some(bank)
    }

    fn languages(&mut self, raw: &RawBank) {
        let Some(list) = raw.languages.as_ref() else {
            self.error(0, "missing `languages`; add `languages = [\"en\", \"ko\"]` (or only the one the texts are in)");
            self.languages_unknown = true;
            return;
        };
        let written: Vec<String> =
            list.get_ref().iter().map(|c| format!("\"{}\"", sanitize::escape(c.get_ref()))).collect();
        self.languages_written = format!("languages = [{}]", written.join(", "));
        let allowed = "mlcheck speaks `en` (English) and `ko` (Korean)";
        for code in list.get_ref() {
            let (at, name) = (code.span().start, sanitize::escape(code.get_ref()));
            let lang = match Lang::from_code(code.get_ref()) {
                Some(lang) => Some(lang),
                None => {
                    // A likely slip (`EN`, `kr`) is reported and read as the code it means.
                    let guess = likely_lang(code.get_ref());
                    let hint = match guess {
                        Some(lang) => format!(
                            "did you mean `{lang}`? A language is given by its lowercase code: `en` (English), \
                             `ko` (Korean)"
                        ),
                        None => format!("{allowed}; a third language needs a change to mlcheck itself"),
                    };
                    self.error(at, format!("`{}`: unknown language `{name}`; {hint}", self.languages_written));
                    guess
                }
            };
            match lang {
                Some(lang) if self.languages.contains(&lang) => {
                    self.error(at, format!("`{}`: language `{lang}` is listed twice", self.languages_written))
                }
                Some(lang) => self.languages.push(lang),
                None => {}
            }
        }
        if list.get_ref().is_empty() {
            self.error(
                list.span().start,
                "`languages = []` lists no language; list the ones the texts are written in: \
                 `[\"en\"]`, `[\"ko\"]` or `[\"en\", \"ko\"]`",
            );
        }
        self.languages_unknown = self.languages.is_empty();
    }

    fn text_field(&mut self, raw: &Option<RawText>, owner: usize, what: &str) -> Text {
        match raw {
            None => {
                self.error(owner, format!("missing {what}"));
                Text::default()
            }
            Some(text) => self.text(text, what),
        }
    }

    fn text(&mut self, raw: &RawText, what: &str) -> Text {
        let mut out = Text::default();
        let mut slipped = Vec::new();
        for (code, value) in raw.get_ref() {
            let at = value.span().start;
            // Texts in other languages are counted and reported once per language at the
            // end, at the first: a bank cut to English only would otherwise get one report
            // per Korean string.
            match Lang::from_code(code) {
                Some(lang) if self.languages_unknown || self.languages.contains(&lang) => {
                    out.set(lang, value.get_ref().clone())
                }
                Some(lang) => {
                    tally(&mut self.unlisted, lang, at, what);
                    continue;
                }
                None => {
                    tally(&mut self.unknown, code.clone(), at, what);
                    // A slip such as `kr` for `ko` is reported once and read as what it
                    // means, so the text is not also reported as missing its `ko`.
                    if let Some(lang) = likely_lang(code).filter(|l| self.languages.contains(l)) {
                        out.set(lang, value.get_ref().clone());
                        slipped.push(lang);
                    }
                    continue;
                }
            }
            let s = value.get_ref();
            if s.trim().is_empty() {
                self.error(at, format!("{what}: the `{code}` text is empty"));
            }
            if let Some((n, c)) = s.chars().enumerate().find(|&(_, c)| sanitize::is_forbidden(c)) {
                self.error(
                    at,
                    format!(
                        "{what}: the `{code}` text contains {} at character {}; banks may not contain \
                         control characters or terminal escape sequences",
                        sanitize::describe(c),
                        n + 1
                    ),
                );
            }
        }
        for lang in self.languages.clone() {
            if !raw.get_ref().contains_key(lang.code()) && !slipped.contains(&lang) {
                self.error(
                    raw.span().start,
                    format!("{what} has no `{}` text; add `{} = \"...\"`", lang.code(), lang.code()),
                );
            }
        }
        out
    }

    /// One warning per listed-out language, one error per unknown code, each at its first text.
    fn report_other_languages(&mut self) {
        let texts = |n: usize| if n == 1 { "1 text".to_string() } else { format!("{n} texts") };
        for (lang, (at, what, count)) in std::mem::take(&mut self.unlisted) {
            let (verb, them) = if count == 1 { ("is", "it") } else { ("are", "them") };
            self.warnings.push(Diagnostic {
                offset: at,
                message: format!(
                    "{} in `{lang}` {verb} ignored (the first is {what}, here): `{}` does not list \
                     `{lang}`; add \"{lang}\" to `languages` to use {them}",
                    texts(count),
                    self.languages_written
                ),
            });
        }
        for (code, (at, what, count)) in std::mem::take(&mut self.unknown) {
            let code = sanitize::escape(&code);
            let others = match count {
                1 => String::new(),
                2 => " (and 1 more text)".to_string(),
                n => format!(" (and {} more texts)", n - 1),
            };
            let hint = match likely_lang(&code) {
                Some(lang) => format!("did you mean `{lang}`?"),
                None => "mlcheck speaks `en` and `ko`".to_string(),
            };
            self.error(at, format!("{what} has text in unknown language `{code}`{others}; {hint}"));
        }
    }

    /// The 1-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.lines.position(offset).0
    }

    fn agreement(&mut self, raw: &RawBank) -> Vec<Text> {
        let Some(agreement) = self.require(&raw.agreement, 0, "`[agreement]` (the labels of the five-point scale)")
        else {
            return vec![Text::default(); 5];
        };
        let a = agreement.get_ref();
        let at = agreement.span().start;
        [&a.strongly_disagree, &a.disagree, &a.neutral, &a.agree, &a.strongly_agree]
            .into_iter()
            .zip(AGREEMENT_KEYS)
            .map(|(field, key)| self.text_field(field, at, &format!("`agreement.{key}`")))
            .collect()
    }

    /// Validates every question; returns each with its offset, for later references.
    fn questions(&mut self, raw: &RawBank, agreement: &[Text]) -> Vec<(Question, usize)> {
        let Some(list) = self.require(&raw.questions, 0, "`[[questions]]`") else {
            return Vec::new();
        };
        let mut out: Vec<(Question, usize)> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (position, q) in list.get_ref().iter().enumerate() {
            if let Some(id) = &q.get_ref().id {
                self.declared.insert(id.get_ref().clone());
            }
            let Some(question) = self.question(q, agreement) else { continue };
            let at = q.span().start;
            let id_at = q.get_ref().id.as_ref().map(|s| s.span().start).unwrap_or(at);
            if let Some(&first) = seen.get(&question.id) {
                self.error(
                    id_at,
                    format!(
                        "duplicate question id `{}`: the first question with it is on line {}; \
                         every id must be unique",
                        question.id,
                        self.line_of(first)
                    ),
                );
                continue;
            }
            if question.kind == Kind::Track && position != 0 {
                self.error(at, "the `track` question must come first");
            }
            seen.insert(question.id.clone(), id_at);
            out.push((question, at));
        }
        let end = list.span().start;
        if !out.iter().any(|(q, _)| q.kind == Kind::Track) && !self.declared.contains(TRACK_ID) {
            self.error(end, "missing the `track` question (id = \"track\", kind = \"track\")");
        }
        for myth in MYTHS {
            if !self.declared.contains(myth) {
                self.error(end, format!("missing the myth question `{myth}` (kind = \"myth\")"));
            }
        }
        // Keep the track question first even if the file misplaced it, so the model holds its promise.
        out.sort_by_key(|(q, _)| q.kind != Kind::Track);
        out
    }

    fn question(&mut self, q: &Spanned<RawQuestion>, agreement: &[Text]) -> Option<Question> {
        let at = q.span().start;
        let raw = q.get_ref();
        let id = self.require(&raw.id, at, "`id` in a question").map(|id| (id.get_ref().clone(), id.span().start));
        let label = match &id {
            Some((id, _)) => format!("question `{}`", sanitize::escape(id)),
            None => "question".to_string(),
        };
        if let Some((id, id_at)) = &id {
            if !valid_id(id) {
                self.error(
                    *id_at,
                    format!("{label}: ids use lowercase letters, digits and hyphens (like `future-proof`)"),
                );
            } else if [super::CSV_RESULTS_ID, super::CSV_VERDICT_ID].contains(&id.as_str()) {
                self.error(
                    *id_at,
                    format!(
                        "{label}: the id `{id}` is reserved: `report --format csv` names its headline rows `{}` \
                         and `{}`; choose another id",
                        super::CSV_RESULTS_ID,
                        super::CSV_VERDICT_ID
                    ),
                );
            }
        }
        let kind = self.require(&raw.kind, at, &format!("`kind` in {label} (\"track\", \"myth\" or \"check\")"));
        let kind = kind.map(|k| (k.get_ref().as_str(), k.span().start));
        let topic = self.text_field(&raw.topic, at, &format!("{label}: `topic`"));
        let prompt = self.text_field(&raw.prompt, at, &format!("{label}: `prompt`"));
        let summary = raw.summary.as_ref().map(|t| self.text(t, &format!("{label}: `summary`")));
        let counterpoint = raw.counterpoint.as_ref().map(|t| self.text(t, &format!("{label}: `counterpoint`")));
        let (id, id_at) = id?;
        let (kind, kind_at) = kind?;

        let reserved_for = if id == TRACK_ID {
            Some("track")
        } else if MYTHS.contains(&id.as_str()) {
            Some("myth")
        } else {
            None
        };
        if let Some(wanted) = reserved_for.filter(|&w| w != kind && matches!(kind, "track" | "myth" | "check")) {
            self.error(
                kind_at,
                format!("{label}: the id `{id}` is reserved for the {wanted} question; use kind = \"{wanted}\" or another id"),
            );
            return None;
        }
        let kind = match kind {
            "track" => {
                if id != TRACK_ID {
                    self.error(id_at, format!("{label}: the track question must have id = \"{TRACK_ID}\""));
                }
                self.forbid(&raw.myth, &label, "myth", "the track question");
                self.forbid(&raw.weights, &label, "weights", "the track question");
                self.forbid(&raw.summary, &label, "summary", "the track question (only myths have one)");
                Kind::Track
            }
            "myth" => {
                if !MYTHS.contains(&id.as_str()) {
                    self.error(id_at, format!("{label}: a myth's id must be one of: {}", MYTHS.join(", ")));
                }
                self.forbid(&raw.myth, &label, "myth", "a myth (it is its own myth)");
                self.forbid(&raw.choices, &label, "choices", "a myth (give `weights` for the agreement scale)");
                if raw.summary.is_none() {
                    self.error(at, format!("{label}: missing `summary` (a one-line counterpoint)"));
                }
                if raw.counterpoint.is_none() {
                    self.error(at, format!("{label}: missing `counterpoint`"));
                }
                Kind::Myth
            }
            "check" => {
                self.forbid(&raw.weights, &label, "weights", "a reality check (give `choices`)");
                self.forbid(&raw.summary, &label, "summary", "a reality check (only myths have one)");
                let myth = self.require(&raw.myth, at, &format!("`myth` in {label} (the myth this check belongs to)"));
                let myth = myth?;
                if !MYTHS.contains(&myth.get_ref().as_str()) {
                    self.error(
                        myth.span().start,
                        format!(
                            "{label}: `myth = \"{}\"` is not a myth; use one of: {}",
                            sanitize::escape(myth.get_ref()),
                            MYTHS.join(", ")
                        ),
                    );
                }
                Kind::Check { myth: myth.get_ref().clone() }
            }
            other => {
                self.error(
                    kind_at,
                    format!(
                        "{label}: unknown kind `{}`; use \"track\", \"myth\" or \"check\"",
                        sanitize::escape(other)
                    ),
                );
                return None;
            }
        };

        let choices = if kind == Kind::Myth {
            self.myth_choices(raw, at, &label, agreement)
        } else {
            self.choices(raw, at, &label, &kind)
        };
        Some(Question { id, kind, topic, prompt, choices, summary, counterpoint })
    }

    fn forbid<T>(&mut self, field: &Option<Spanned<T>>, label: &str, name: &str, whom: &str) {
        if let Some(f) = field {
            self.error(f.span().start, format!("{label}: `{name}` does not belong in {whom}"));
        }
    }

    fn weight(&mut self, w: &Spanned<i64>, label: &str) -> i64 {
        let value = *w.get_ref();
        if !(-MAX_WEIGHT..=MAX_WEIGHT).contains(&value) {
            self.error(
                w.span().start,
                format!("{label}: weight {value} is out of range (-{MAX_WEIGHT} to {MAX_WEIGHT})"),
            );
            return 0;
        }
        value
    }

    fn myth_choices(&mut self, raw: &RawQuestion, at: usize, label: &str, agreement: &[Text]) -> Vec<Choice> {
        let Some(weights) =
            self.require(&raw.weights, at, &format!("`weights` in {label} (five, strongly disagree first)"))
        else {
            return Vec::new();
        };
        let list = weights.get_ref();
        if list.len() != 5 {
            self.error(
                weights.span().start,
                format!("{label}: `weights` needs 5 numbers (strongly disagree … strongly agree), not {}", list.len()),
            );
            return Vec::new();
        }
        let values: Vec<i64> = list.iter().map(|w| self.weight(w, label)).collect();
        if values.windows(2).any(|pair| pair[0] <= pair[1]) {
            self.error(
                weights.span().start,
                format!("{label}: `weights` must go strictly down: the more someone agrees with a myth, the lower the weight"),
            );
        }
        if let Some(w) = list[3..].iter().find(|w| *w.get_ref() > 0) {
            self.error(
                w.span().start,
                format!("{label}: agreeing with a myth must never count toward ML (weight ≤ 0)"),
            );
        }
        AGREEMENT_KEYS
            .iter()
            .zip(agreement)
            .zip(values)
            .map(|((key, label), weight)| Choice { key: key.to_string(), label: label.clone(), weight })
            .collect()
    }

    fn choices(&mut self, raw: &RawQuestion, at: usize, label: &str, kind: &Kind) -> Vec<Choice> {
        let Some(list) = self.require(&raw.choices, at, &format!("`choices` in {label}")) else {
            return Vec::new();
        };
        if list.get_ref().len() < 2 {
            self.error(list.span().start, format!("{label}: needs at least two choices"));
        }
        let mut out: Vec<Choice> = Vec::new();
        let mut keys: HashMap<String, usize> = HashMap::new();
        for c in list.get_ref() {
            if let Some(choice) = self.choice(c, label) {
                let key_at = c.get_ref().key.as_ref().map(|k| k.span().start).unwrap_or(c.span().start);
                if let Some(&first) = keys.get(&choice.key) {
                    let key = sanitize::escape(&choice.key);
                    let line = self.line_of(first);
                    self.error(key_at, format!("{label}: duplicate choice key `{key}`: the first is on line {line}"));
                    continue;
                }
                keys.insert(choice.key.clone(), key_at);
                if *kind == Kind::Track && choice.weight != 0 {
                    let w_at = c.get_ref().weight.as_ref().map(|w| w.span().start).unwrap_or(c.span().start);
                    self.error(w_at, format!("{label}: the track question's weights must be 0"));
                }
                out.push(choice);
            }
        }
        if *kind == Kind::Track {
            let mut keys: Vec<&str> = out.iter().map(|c| c.key.as_str()).collect();
            keys.sort_unstable();
            let mut want = TRACKS.to_vec();
            want.sort_unstable();
            if keys != want && out.len() == list.get_ref().len() {
                self.error(
                    list.span().start,
                    format!("{label}: the track choices must be exactly: {}", TRACKS.join(", ")),
                );
            }
        }
        out
    }

    fn choice(&mut self, c: &Spanned<RawChoice>, label: &str) -> Option<Choice> {
        let at = c.span().start;
        let raw = c.get_ref();
        let key = self.require(&raw.key, at, &format!("`key` in a choice of {label}"));
        let weight = self.require(&raw.weight, at, &format!("`weight` in a choice of {label}"));
        let key_name = key.map(|k| sanitize::escape(k.get_ref())).unwrap_or_default();
        let text = self.text_field(&raw.label, at, &format!("{label}, choice `{key_name}`: `label`"));
        let (key, weight) = (key?, weight?);
        if !valid_key(key.get_ref()) {
            self.error(
                key.span().start,
                format!(
                    "{label}: choice key `{key_name}` must start with a lowercase letter, then use lowercase \
                     letters, digits and hyphens (an answer of digits is read as a choice number, so a key \
                     like `2` could never be told from it; try `option-2`)"
                ),
            );
        }
        let weight = self.weight(weight, label);
        Some(Choice { key: key.get_ref().clone(), label: text, weight })
    }

    fn results(&mut self, raw: &RawBank, questions: &[(Question, usize)]) -> Vec<(String, Text)> {
        let Some(results) = self.require(&raw.results, 0, "`[results]` (the verdict line for ml and each track)")
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let wanted: Vec<&str> = std::iter::once("ml").chain(TRACKS).collect();
        for (key, result) in results.get_ref() {
            if !wanted.contains(&key.as_str()) {
                self.error(
                    result.span().start,
                    format!("unknown result `{}`; results are: {}", sanitize::escape(key), wanted.join(", ")),
                );
                continue;
            }
            let text =
                self.text_field(&result.get_ref().verdict, result.span().start, &format!("`results.{key}.verdict`"));
            out.push((key.clone(), text));
        }
        let has_track = questions.iter().any(|(q, _)| q.kind == Kind::Track);
        for key in wanted {
            if !results.get_ref().contains_key(key) && (key == "ml" || has_track) {
                self.error(results.span().start, format!("missing `[results.{key}]` with its `verdict`"));
            }
        }
        out
    }

    fn advice(&mut self, list: &[Spanned<RawAdvice>], questions: &[(Question, usize)]) -> Vec<Advice> {
        let mut out = Vec::new();
        for a in list {
            let at = a.span().start;
            let raw = a.get_ref();
            let text = self.text_field(&raw.text, at, "advice: `text`");
            let verdict = match self.require(&raw.verdict, at, "`verdict` in advice (\"ml\" or \"stay\")") {
                Some(v) if v.get_ref() == "ml" => Some(Direction::Ml),
                Some(v) if v.get_ref() == "stay" => Some(Direction::Stay),
                Some(v) => {
                    self.error(v.span().start, "advice: `verdict` must be \"ml\" or \"stay\"");
                    None
                }
                None => None,
            };
            let when = raw.when.as_ref().and_then(|w| self.when(w, questions));
            if let (Some(verdict), true) = (verdict, raw.when.is_none() || when.is_some()) {
                out.push(Advice { verdict, when, text });
            }
        }
        out
    }

    fn when(
        &mut self,
        w: &Spanned<super::raw::RawWhen>,
        questions: &[(Question, usize)],
    ) -> Option<(usize, Vec<usize>)> {
        let at = w.span().start;
        let question = self.require(&w.get_ref().question, at, "`question` in advice `when`")?;
        let choices = self.require(&w.get_ref().choices, at, "`choices` in advice `when`")?;
        let Some(index) = questions.iter().position(|(q, _)| &q.id == question.get_ref()) else {
            if self.declared.contains(question.get_ref()) {
                // The question exists but was rejected; that problem is reported already.
                return None;
            }
            let ids: Vec<&str> = questions.iter().map(|(q, _)| q.id.as_str()).collect();
            let hint = match closest(question.get_ref(), &ids) {
                Some(id) => format!("did you mean `{id}`?"),
                None => format!("the questions are: {}", ids.join(", ")),
            };
            self.error(
                question.span().start,
                format!(
                    "advice: `when` names question `{}`, which does not exist; {hint}",
                    sanitize::escape(question.get_ref())
                ),
            );
            return None;
        };
        let q = &questions[index].0;
        if choices.get_ref().is_empty() {
            self.error(choices.span().start, "advice: `when` has no choices, so the line would never show");
            return None;
        }
        let keys: Vec<&str> = q.choices.iter().map(|c| c.key.as_str()).collect();
        let mut picked = Vec::new();
        for key in choices.get_ref() {
            match keys.iter().position(|k| k == key.get_ref()) {
                Some(i) => picked.push(i),
                None => {
                    let guess =
                        closest(key.get_ref(), &keys).map(|k| format!("did you mean `{k}`? ")).unwrap_or_default();
                    self.error(
                        key.span().start,
                        format!(
                            "advice: question `{}` has no choice `{}`; {guess}its choices are: {}",
                            q.id,
                            sanitize::escape(key.get_ref()),
                            keys.join(", ")
                        ),
                    )
                }
            }
        }
        (picked.len() == choices.get_ref().len()).then_some((index, picked))
    }

    fn scores(&mut self, bank: &Bank, threshold_at: usize) {
        if !self.problems.is_empty() {
            return;
        }
        let (lo, hi) = bank.score_range();
        let t = bank.threshold;
        if t > hi {
            self.error(threshold_at, format!("threshold {t} is unreachable: the highest possible score is {hi}"));
        } else if t <= lo {
            self.error(threshold_at, format!("threshold {t} is always reached: the lowest possible score is {lo}"));
        }
        let myths_alone: i64 = bank
            .questions
            .iter()
            .filter(|q| q.is_myth())
            .map(|q| q.choices.iter().map(|c| c.weight).max().unwrap_or(0))
            .sum();
        if myths_alone >= t {
            self.error(
                threshold_at,
                format!(
                    "threshold {t} is reached by disagreeing with the myths alone ({myths_alone}); \
                     only the reality checks may carry someone over it"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        parse(text).err().unwrap_or_default().into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn the_csv_headline_ids_are_reserved() {
        for id in ["results", "verdict"] {
            let bank = super::super::BUILTIN.replacen("id = \"mentor\"", &format!("id = \"{id}\""), 1);
            let bank = bank.replace("question = \"mentor\"", &format!("question = \"{id}\""));
            let found = problems(&bank);
            assert_eq!(found.len(), 1, "{found:?}");
            assert!(found[0].contains(&format!("the id `{id}` is reserved")), "{found:?}");
        }
    }

    #[test]
    fn reserved_ids_need_their_kind() {
        let bank = super::super::BUILTIN;
        let fake_myth =
            bank.replacen("id = \"hard\"\nkind = \"myth\"", "id = \"hard\"\nkind = \"check\"\nmyth = \"jobs\"", 1);
        assert_ne!(fake_myth, bank);
        let found = problems(&fake_myth);
        assert!(found.iter().any(|p| p.contains("reserved for the myth")), "{found:?}");
    }

    #[test]
    fn the_lowest_integer_weight_is_out_of_range_not_a_panic() {
        let bank = super::super::BUILTIN.replacen("weight = 3,", "weight = -9223372036854775808,", 1);
        let found = problems(&bank);
        assert!(found.iter().any(|p| p.contains("out of range")), "{found:?}");
    }

    #[test]
    fn toml_messages_are_reworded_for_bank_authors() {
        assert_eq!(
            humanize("unknown field `promt`, expected one of `id`, `kind`, `prompt`"),
            "unknown field `promt`; did you mean `prompt`?"
        );
        assert_eq!(
            humanize("invalid type: string \"12\", expected i64"),
            "invalid type: string \"12\", expected a whole number"
        );
        assert!(
            humanize("unknown field `zzzzzz`, expected one of `id`, `kind`").contains("the fields here are: id, kind")
        );
    }

    #[test]
    fn every_unknown_field_is_reported_once_and_typos_count_as_fixed() {
        let bank = super::super::BUILTIN
            .replacen("prompt = ", "promt = ", 1)
            .replacen("counterpoint = ", "counterpiont = ", 1)
            .replacen("threshold = 12", "threshold = 12\ncolour = \"red\"", 1);
        let found = problems(&bank);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(found.iter().any(|p| p.contains("`promt`; did you mean `prompt`?")), "{found:#?}");
        assert!(found.iter().any(|p| p.contains("`counterpiont`; did you mean `counterpoint`?")), "{found:#?}");
        assert!(found.iter().any(|p| p.contains("`colour`; the fields here are")), "{found:#?}");
    }

    #[test]
    fn a_syntax_error_is_reported_at_its_start_without_its_echoes() {
        let bank = super::super::BUILTIN.replacen("ko = \"멘토\"", "ko = \"멘토", 1);
        let diagnostics = parse(&bank).unwrap_err();
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        let line_of = |offset: usize| bank[..offset].matches('\n').count() + 1;
        let broken = bank.find("ko = \"멘토").unwrap();
        assert!(diagnostics[0].message.starts_with("TOML syntax"), "{diagnostics:#?}");
        assert_eq!(line_of(diagnostics[0].offset), line_of(broken), "{diagnostics:#?}");
    }

    #[test]
    fn likely_languages() {
        for (code, lang) in
            [("EN", Lang::En), ("english", Lang::En), ("en_US", Lang::En), ("kr", Lang::Ko), ("ko-KR", Lang::Ko)]
        {
            assert_eq!(likely_lang(code), Some(lang), "{code}");
        }
        for code in ["fr", "", "e", "kok"] {
            assert_eq!(likely_lang(code), None, "{code}");
        }
    }

    #[test]
    fn a_missing_or_empty_languages_list_is_one_problem_not_one_per_text() {
        let bank = super::super::BUILTIN;
        for line in ["", "languages = []"] {
            let text = bank.replacen("languages = [\"en\", \"ko\"]", line, 1);
            assert_ne!(text, bank);
            let found = problems(&text);
            assert_eq!(found.len(), 1, "{line:?}: {found:#?}");
            assert!(found[0].contains("languages"), "{found:#?}");
            assert!(validate(&text).warnings.is_empty(), "{line:?}");
        }
    }

    #[test]
    fn ids_are_kebab_case() {
        assert!(valid_id("future-proof"));
        assert!(valid_id("q1"));
        assert!(!valid_id("Future"));
        assert!(!valid_id("-x"));
        assert!(!valid_id(""));
        assert!(!valid_id("a b"));
    }
}
