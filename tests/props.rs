//! Property tests for mlcheck's two parsers: the answers file (`input::decode` →
//! `answers::parse` → `answers::resolve`) and the question bank (`input::decode` →
//! `Bank::parse`). They feed arbitrary bytes, token soups and mutated copies of valid files,
//! and check that nothing panics, that every error is typed, names a real position and
//! carries no raw control character, and that valid answers round-trip and score sensibly.
//!
//! Case counts are moderate so the file runs in seconds in a debug build; set
//! `PROPTEST_CASES` to run more. Failures are not persisted to disk (no regressions file).

use std::ops::Range;
use std::sync::LazyLock;

use mlcheck::base::input::{self, InputError};
use mlcheck::base::lang::Lang;
use mlcheck::model::answers::{self, Answered, Answers, AnswersError, Line};
use mlcheck::model::bank::{Bank, BankError, Kind, Question, Text, BUILTIN, MYTHS, TRACKS};
use mlcheck::model::scoring::{self, Recommendation};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::TestCaseError;

static BANK: LazyLock<Bank> = LazyLock::new(|| Bank::builtin().unwrap_or_else(|e| panic!("built-in bank: {e}")));

/// `cases` unless `PROPTEST_CASES` asks for another number; no failure files on disk.
fn config(cases: u32) -> ProptestConfig {
    let default = ProptestConfig::default();
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() { default.cases } else { cases };
    ProptestConfig { cases, failure_persistence: None, ..default }
}

// ---------------------------------------------------------------------------------------
// Checks shared by the properties
// ---------------------------------------------------------------------------------------

/// What must never reach a terminal raw: C0 and C1 controls (tab, CR, LF, ESC included),
/// DEL, and the bidirectional overrides/isolates that can reorder what the user reads.
fn is_raw_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn assert_printable(what: &str, shown: &str) -> Result<(), TestCaseError> {
    if let Some(c) = shown.chars().find(|&c| is_raw_control(c)) {
        return Err(TestCaseError::fail(format!("{what} contains raw U+{:04X}: {shown:?}", c as u32)));
    }
    prop_assert!(!shown.trim().is_empty(), "{what} is empty");
    Ok(())
}

/// Physical lines as the error positions count them: the text split at every `\n`.
fn physical_lines(text: &str) -> Vec<&str> {
    text.split('\n').collect()
}

/// The bytes `decode` works on: at most one leading BOM dropped.
fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn line_at(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// `decode` against an oracle: Ok exactly for NUL-free UTF-8, and every error names the
/// right line (and byte). Returns the text on success.
fn check_decode(bytes: &[u8], result: Result<String, InputError>) -> Result<Option<String>, TestCaseError> {
    let body = without_bom(bytes);
    let first_nul = body.iter().position(|&b| b == 0);
    let utf8 = std::str::from_utf8(body);
    match result {
        Ok(text) => {
            prop_assert!(first_nul.is_none(), "decode accepted a NUL byte");
            prop_assert_eq!(Ok(text.as_str()), utf8, "decode changed the text");
            Ok(Some(text))
        }
        Err(err) => {
            assert_printable("the decode error", &err.to_string())?;
            prop_assert!(err.is_bad_data(), "decode gave a non-data error: {err:?}");
            match &err {
                InputError::Nul { line, .. } => {
                    let pos = first_nul.ok_or_else(|| TestCaseError::fail("Nul error without a NUL byte"))?;
                    prop_assert_eq!(*line, line_at(body, pos), "wrong line for the NUL byte");
                }
                InputError::NotUtf8 { line, byte, .. } => {
                    let pos =
                        utf8.err().ok_or_else(|| TestCaseError::fail("NotUtf8 error for valid UTF-8"))?.valid_up_to();
                    prop_assert_eq!(*line, line_at(body, pos), "wrong line for the invalid byte");
                    prop_assert_eq!(*byte, body[pos], "wrong invalid byte");
                }
                InputError::WideText { .. } => {
                    let bom = body.starts_with(b"\xFF\xFE") || body.starts_with(b"\xFE\xFF");
                    prop_assert!(bom || first_nul.is_some(), "UTF-16 or UTF-32 without a BOM or a NUL byte");
                }
                other => prop_assert!(false, "decode cannot fail with {other:?}"),
            }
            Ok(None)
        }
    }
}

/// An answers error: printable, and if it has a line, that line is one of the meaningful
/// lines `parse` found (so it is within the file too).
fn check_answers_error(text: &str, lines: &[Line], err: &AnswersError) -> Result<(), TestCaseError> {
    assert_printable("the answers error", &err.to_string())?;
    if let Some(line) = err.line() {
        prop_assert!((1..=physical_lines(text).len()).contains(&line), "line {line} is outside the file: {err:?}");
        prop_assert!(lines.iter().any(|l| l.number == line), "line {line} is blank or a comment: {err:?}");
    }
    match err {
        AnswersError::Missing { ids, .. } => {
            prop_assert!(!ids.is_empty());
            for id in ids {
                prop_assert!(BANK.question_index(id).is_some(), "missing id `{id}` is not in the bank");
            }
        }
        AnswersError::Twice { line, first: Answered::Line(first), .. } => prop_assert!(first < line),
        AnswersError::UnknownId { suggestion: Some(s), .. } => prop_assert!(BANK.question_index(s).is_some()),
        _ => {}
    }
    Ok(())
}

/// Resolved answers are one valid choice per question, and replay through the keyed form.
fn check_answers(bank: &Bank, answers: &Answers) -> Result<(), TestCaseError> {
    for (i, q) in bank.questions.iter().enumerate() {
        prop_assert!(answers.choice(i) < q.choices.len(), "question `{}`: choice out of range", q.id);
    }
    let keyed = answers.to_keyed(bank);
    let again = answers::resolve(bank, &answers::parse(&keyed), None);
    prop_assert_eq!(again.as_ref(), Ok(answers), "keyed form does not replay:\n{}", keyed);
    check_score(bank, answers)
}

fn check_score(bank: &Bank, answers: &Answers) -> Result<(), TestCaseError> {
    let score = scoring::score(bank, answers);
    let (lo, hi) = bank.score_range();
    prop_assert_eq!(score.range, (lo, hi));
    prop_assert!(lo <= score.total && score.total <= hi, "total {} outside {lo}..={hi}", score.total);
    let sum: i64 = answers.iter(bank).map(|(q, c)| q.choices[c].weight).sum();
    prop_assert_eq!(score.total, sum);
    prop_assert_eq!(score.threshold, bank.threshold);
    prop_assert_eq!(score.recommendation.key() == "ml", score.total >= bank.threshold);
    let track = &bank.track().choices[answers.choice(0)].key;
    prop_assert_eq!(&score.track, track);
    match &score.recommendation {
        Recommendation::Ml => {}
        Recommendation::Stay(t) => prop_assert_eq!(t, track),
    }
    prop_assert_eq!(score.myths.len(), MYTHS.len());
    for m in &score.myths {
        let q = &bank.questions[m.question];
        prop_assert_eq!(q.id.as_str(), m.id);
        prop_assert_eq!(m.believed, answers.choice(m.question) >= 3, "myth `{}`", m.id);
    }
    Ok(())
}

/// Every text a loaded bank holds, with a label for messages.
fn bank_texts(bank: &Bank) -> Vec<(String, &Text)> {
    let mut texts = vec![
        ("title".to_string(), &bank.title),
        ("intro".to_string(), &bank.intro),
        ("disclaimer".to_string(), &bank.disclaimer),
    ];
    for q in &bank.questions {
        texts.push((format!("{}.topic", q.id), &q.topic));
        texts.push((format!("{}.prompt", q.id), &q.prompt));
        texts.extend(q.summary.iter().map(|t| (format!("{}.summary", q.id), t)));
        texts.extend(q.counterpoint.iter().map(|t| (format!("{}.counterpoint", q.id), t)));
        texts.extend(q.choices.iter().map(|c| (format!("{}.{}.label", q.id, c.key), &c.label)));
    }
    texts.extend(bank.verdicts.iter().map(|(k, t)| (format!("results.{k}"), t)));
    texts.extend(bank.advice.iter().enumerate().map(|(i, a)| (format!("advice[{i}]"), &a.text)));
    texts
}

fn is_id(s: &str) -> bool {
    !s.is_empty() && !s.starts_with('-') && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A bank that loaded keeps the model's promises, and scores any answers without a panic.
fn check_bank(bank: &Bank) -> Result<(), TestCaseError> {
    prop_assert!(!bank.languages.is_empty());
    prop_assert!(!bank.questions.is_empty());
    prop_assert_eq!(bank.track().id.as_str(), "track");
    prop_assert_eq!(&bank.track().kind, &Kind::Track);
    let mut keys: Vec<&str> = bank.track().choices.iter().map(|c| c.key.as_str()).collect();
    keys.sort_unstable();
    let mut tracks = TRACKS.to_vec();
    tracks.sort_unstable();
    prop_assert_eq!(keys, tracks);
    for myth in MYTHS {
        let q = bank.question(myth).ok_or_else(|| TestCaseError::fail(format!("myth `{myth}` missing")))?;
        prop_assert!(q.is_myth() && q.choices.len() == 5 && q.summary.is_some() && q.counterpoint.is_some());
    }
    for (i, q) in bank.questions.iter().enumerate() {
        prop_assert!(is_id(&q.id), "bad id {:?}", q.id);
        prop_assert_eq!(bank.question_index(&q.id), Some(i), "duplicate id {}", q.id);
        prop_assert!(q.choices.len() >= 2, "question `{}` has {} choices", q.id, q.choices.len());
        for c in &q.choices {
            prop_assert!(is_id(&c.key), "bad key {:?}", c.key);
            prop_assert!(c.weight.abs() <= mlcheck::model::bank::MAX_WEIGHT);
        }
    }
    for (label, text) in bank_texts(bank) {
        for &lang in &bank.languages {
            let s = text.get(lang);
            prop_assert!(!s.trim().is_empty(), "{label}: empty `{lang}` text");
            let bad = s.chars().find(|&c| c != '\n' && is_raw_control(c));
            prop_assert!(bad.is_none(), "{label}: `{lang}` text holds a raw control character: {s:?}");
        }
    }
    for key in std::iter::once("ml").chain(TRACKS) {
        let _ = bank.verdict(key);
    }
    let (lo, hi) = bank.score_range();
    prop_assert!(lo < bank.threshold && bank.threshold <= hi, "threshold {} vs {lo}..={hi}", bank.threshold);
    // The lowest, highest, first, last and prompt-default answers all score.
    let pick = |f: &dyn Fn(&Question) -> usize| bank.questions.iter().map(f).collect::<Vec<usize>>();
    let argmin = |q: &Question| (0..q.choices.len()).min_by_key(|&i| q.choices[i].weight).unwrap_or(0);
    let argmax = |q: &Question| (0..q.choices.len()).max_by_key(|&i| q.choices[i].weight).unwrap_or(0);
    for choices in
        [pick(&argmin), pick(&argmax), pick(&|_| 0), pick(&|q| q.choices.len() - 1), pick(&Question::default_choice)]
    {
        check_score(bank, &Answers::new(bank, choices))?;
    }
    let low = scoring::score(bank, &Answers::new(bank, pick(&argmin)));
    let high = scoring::score(bank, &Answers::new(bank, pick(&argmax)));
    prop_assert_eq!((low.total, high.total), (lo, hi));
    Ok(())
}

/// A bank error: at least one problem, each on a real line and column, in file order,
/// printable; the display is one line per problem plus the summary.
fn check_bank_error(text: &str, err: &BankError) -> Result<(), TestCaseError> {
    prop_assert!(!err.problems.is_empty(), "a bank error with no problem");
    let lines = physical_lines(text);
    // The brief's bound: within 1..=number of lines + 1. The columns must fit that line too.
    prop_assert!(lines.len() <= text.lines().count() + 1);
    for p in &err.problems {
        prop_assert!((1..=lines.len()).contains(&p.line), "line {} outside 1..={}: {p:?}", p.line, lines.len());
        let width = lines[p.line - 1].chars().count();
        prop_assert!((1..=width + 1).contains(&p.column), "column {} outside 1..={}: {p:?}", p.column, width + 1);
        assert_printable("a bank problem", &p.message)?;
    }
    let order: Vec<(usize, usize)> = err.problems.iter().map(|p| (p.line, p.column)).collect();
    prop_assert!(order.windows(2).all(|w| w[0] <= w[1]), "problems out of file order: {order:?}");
    let shown = err.to_string();
    let shown_lines: Vec<&str> = shown.split('\n').collect();
    prop_assert_eq!(shown_lines.len(), err.problems.len() + 1, "display: {}", shown);
    for (line, p) in shown_lines.iter().zip(&err.problems) {
        assert_printable("a bank error line", line)?;
        let expected = format!("{}:{}:{}: ", err.name, p.line, p.column);
        prop_assert!(line.starts_with(&expected), "{line:?} does not start with {expected:?}");
    }
    let summary = shown_lines[err.problems.len()];
    assert_printable("the bank error summary", summary)?;
    prop_assert!(summary.ends_with(" found"), "summary: {summary:?}");
    Ok(())
}

/// The whole answers pipeline on bytes: decode, parse, resolve against the built-in bank.
fn run_answers_bytes(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Some(text) = check_decode(bytes, input::decode(bytes.to_vec(), "answers.txt"))? else { return Ok(()) };
    run_answers_text(&text)
}

fn run_answers_text(text: &str) -> Result<(), TestCaseError> {
    let lines = answers::parse(text);
    let count = physical_lines(text).len();
    for w in lines.windows(2) {
        prop_assert!(w[0].number < w[1].number);
    }
    for l in &lines {
        prop_assert!((1..=count).contains(&l.number));
        prop_assert!(!l.answer.contains('#') && !l.answer.contains('\n'));
        prop_assert_eq!(l.answer.trim(), l.answer.as_str());
    }
    match answers::resolve(&BANK, &lines, None) {
        Ok(answers) => check_answers(&BANK, &answers),
        Err(err) => check_answers_error(text, &lines, &err),
    }
}

/// The whole bank pipeline on bytes: decode, then parse and validate.
fn run_bank_bytes(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Some(text) = check_decode(bytes, input::decode(bytes.to_vec(), "bank.toml"))? else { return Ok(()) };
    run_bank_text(&text).map(drop)
}

fn run_bank_text(text: &str) -> Result<Option<Bank>, TestCaseError> {
    match Bank::parse("bank.toml", text) {
        Ok(bank) => {
            check_bank(&bank)?;
            Ok(Some(bank))
        }
        Err(err) => {
            check_bank_error(text, &err)?;
            Ok(None)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------

/// Pieces of answers files, valid and not, as bytes.
const ANSWER_TOKENS: &[&[u8]] = &[
    b"track",
    b"hard",
    b"mentor",
    b"jobs",
    b"data",
    b"wages",
    b"same-pay",
    b"future-proof",
    b"colleague",
    b"fun",
    b"data-work",
    b"enjoy-track",
    b"TRACK",
    b"Fun",
    b"fnu",
    b"trak",
    b"frontend",
    b"backend",
    b"Mobile",
    b"yes",
    b"no",
    b"path",
    b"unsure",
    b"somewhat",
    b"strongly-disagree",
    b"disagree",
    b"neutral",
    b"agree",
    b"Strongly-Agree",
    b"1",
    b"2",
    b"3",
    b"4",
    b"5",
    b"0",
    b"6",
    b"007",
    b"18446744073709551616",
    b"-1",
    b"+1",
    b"1.5",
    b"=",
    b" = ",
    b"==",
    b"#",
    b"# comment",
    b" ",
    b"\t",
    b"\n",
    b"\r\n",
    b"\r",
    b"\x0b",
    b"\x0c",
    b"\xEF\xBB\xBF",
    b"\0",
    b"\xFF",
    b"\xC3",
    b"\xE2\x82",
    b"\xED\xA0\x80",
    b"\x1b[31m",
    b"\x1b]0;x\x07",
    b"\x7f",
    b"\xC2\x85",
    b"\xC2\x9B",
    b"\xE2\x80\xAE",
    b"\xE2\x81\xA6",
    b"\xE3\x80\x80",
    b"\xC2\xA0",
    "한국어".as_bytes(),
    b"\\u001b",
    b"\\e",
];

fn answers_bytes() -> impl Strategy<Value = Vec<u8>> {
    token_soup(ANSWER_TOKENS)
}

/// Raw bytes; tokens mixed with raw bytes; and tokens that are text alone, so that most
/// cases get past `decode` to the parser.
fn token_soup(tokens: &'static [&'static [u8]]) -> impl Strategy<Value = Vec<u8>> {
    let text_tokens: Vec<&'static [u8]> =
        tokens.iter().copied().filter(|t| std::str::from_utf8(t).is_ok() && !t.contains(&0)).collect();
    let token = prop_oneof![
        4 => select(tokens).prop_map(<[u8]>::to_vec),
        1 => any::<u8>().prop_map(|b| vec![b]),
    ];
    let text_token = prop_oneof![
        6 => select(text_tokens).prop_map(<[u8]>::to_vec),
        1 => any::<char>().prop_filter("not NUL", |&c| c != '\0').prop_map(|c| c.to_string().into_bytes()),
    ];
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..300),
        1 => proptest::collection::vec(token, 0..60).prop_map(|ts| ts.concat()),
        3 => proptest::collection::vec(text_token, 0..60).prop_map(|ts| ts.concat()),
    ]
}

/// Pieces of TOML banks, valid and not.
const BANK_TOKENS: &[&[u8]] = &[
    b"version = 1\n",
    b"version = 2\n",
    b"languages = [\"en\", \"ko\"]\n",
    b"languages = [\"en\"]\n",
    b"languages = []\n",
    b"languages = [\"fr\", \"en\", \"en\"]\n",
    b"threshold = 12\n",
    b"threshold = -5\n",
    b"title = { en = \"T\", ko = \"T\" }\n",
    b"intro = { en = \"I\" }\n",
    b"disclaimer = { en = \"\\u001b[2J\" }\n",
    b"[agreement]\n",
    b"neutral = { en = \"N\" }\n",
    b"[[questions]]\n",
    b"id = \"track\"\n",
    b"id = \"hard\"\n",
    b"id = \"Bad Id\"\n",
    b"kind = \"track\"\n",
    b"kind = \"myth\"\n",
    b"kind = \"check\"\n",
    b"kind = \"other\"\n",
    b"myth = \"hard\"\n",
    b"myth = \"nope\"\n",
    b"weights = [2, 1, 0, -1, -2]\n",
    b"weights = [1, 2]\n",
    b"topic = { en = \"t\" }\n",
    b"prompt = { en = \"p\", ko = \"p\" }\n",
    b"choices = [{ key = \"frontend\", weight = 0, label = { en = \"F\" } }, { key = \"backend\", weight = 0 }]\n",
    b"choices = [{ key = \"yes\", weight = 3 }]\n",
    b"summary = { en = \"s\" }\n",
    b"counterpoint = { en = \"c\" }\n",
    b"[results.ml]\n",
    b"[results.nope]\n",
    b"verdict = { en = \"V\" }\n",
    b"[[advice]]\n",
    b"verdict = \"stay\"\n",
    b"when = { question = \"mentor\", choices = [\"maybe\"] }\n",
    b"text = { en = \"x\" }\n",
    b"unknown = 1\n",
    b"\"",
    b"'''",
    b"\"\"\"",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b"=",
    b".",
    b"#",
    b"\n",
    b"\r\n",
    b"\r",
    b" ",
    b"\t",
    b"\xEF\xBB\xBF",
    b"\0",
    b"\xFF",
    b"\x1b",
    b"\x7f",
    b"\xE2\x80\xAE",
    "한".as_bytes(),
    b"\\u001b",
    b"\\e",
    b"\\U0000202E",
    b"\\",
    b"1979-05-27",
    b"inf",
    b"9223372036854775807",
    b"99999999999999999999",
];

fn bank_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => token_soup(BANK_TOKENS),
        // A cut-off copy of the shipped bank, maybe cut inside a character, plus junk.
        1 => (any::<Index>(), proptest::collection::vec(any::<u8>(), 0..8)).prop_map(|(cut, tail)| {
            let mut bytes = BUILTIN.as_bytes()[..cut.index(BUILTIN.len() + 1)].to_vec();
            bytes.extend(tail);
            bytes
        }),
    ]
}

/// What an edit inserts: any character, control characters raw, and escapes as TOML or a
/// shell would write them.
fn insertion() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "\u{1b}",
        "\u{1b}[2J",
        "\u{7f}",
        "\u{85}",
        "\u{9b}",
        "\u{202e}",
        "\u{2066}",
        "\u{200f}",
        "\0",
        "\t",
        "\r",
        "\n",
        "\r\n",
        "\\u001b",
        "\\u001B[31m",
        "\\e",
        "\\x1b",
        "\\u007f",
        "\\u0085",
        "\\u202E",
        "\\U0000001B",
        "\\t",
        "\\r",
        "\\n",
        "\\b",
        "\\",
        "\"",
        "'",
        "\"\"\"",
        "'''",
        "[",
        "]",
        "[[",
        "]]",
        "{",
        "}",
        ",",
        "=",
        ".",
        "#",
        " ",
        "-",
        "+",
        "0",
        "1",
        "999",
        "-9223372036854775808",
        "9223372036854775807",
        "99999999999999999999",
        "1e3",
        "inf",
        "nan",
        "true",
        "1979-05-27",
        "en",
        "ko",
        "fr",
        "track",
        "myth",
        "check",
        "hard",
        "fun",
        "yes",
        "strongly-agree",
        "key",
        "weight",
        "\u{feff}",
        "한",
    ];
    prop_oneof![
        2 => any::<char>().prop_map(String::from),
        1 => (0u32..0x20).prop_map(|c| char::from_u32(c).map(String::from).unwrap_or_default()),
        4 => select(PIECES).prop_map(String::from),
    ]
}

/// One random edit of a text file.
#[derive(Debug, Clone)]
enum Edit {
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    ReplaceChar(Index, String),
    Insert(Index, String),
    /// Replaces the n-th integer after `=`, `[` or `,` with this value.
    ReplaceNumber(Index, i64),
}

fn extreme_i64() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(i64::MIN),
        Just(i64::MAX),
        Just(i64::MIN + 1),
        Just(-1001i64),
        Just(1001i64),
        any::<i64>(),
        -30i64..30,
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        1 => any::<Index>().prop_map(Edit::DeleteLine),
        1 => any::<Index>().prop_map(Edit::DuplicateLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        1 => (any::<Index>(), insertion()).prop_map(|(i, s)| Edit::ReplaceChar(i, s)),
        3 => (any::<Index>(), insertion()).prop_map(|(i, s)| Edit::Insert(i, s)),
        1 => (any::<Index>(), extreme_i64()).prop_map(|(i, n)| Edit::ReplaceNumber(i, n)),
    ]
}

/// Byte ranges of the integer literals that follow `=`, `[` or `,` (weights, the
/// threshold, the version; answer numbers).
fn integer_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        if bytes[i] == b'-' {
            i += 1;
        }
        let digits = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i > digits {
            let before = bytes[..start].iter().rev().find(|b| !b.is_ascii_whitespace());
            let after = bytes.get(i).copied().unwrap_or(b'\n');
            if matches!(before, Some(b'=' | b'[' | b',')) && matches!(after, b' ' | b',' | b']' | b'\n' | b'\r' | b'}')
            {
                spans.push(start..i);
            }
        } else {
            i = start + 1;
        }
    }
    spans
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let chars: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let replace = |range: Range<usize>, with: &str| format!("{}{with}{}", &text[..range.start], &text[range.end..]);
    match edit {
        Edit::DeleteLine(i) if !lines.is_empty() => {
            lines.remove(i.index(lines.len()));
            lines.concat()
        }
        Edit::DuplicateLine(i) if !lines.is_empty() => {
            let at = i.index(lines.len());
            let mut line = lines[at].clone();
            if !line.ends_with('\n') {
                line.push('\n');
            }
            lines.insert(at, line);
            lines.concat()
        }
        Edit::SwapLines(a, b) if !lines.is_empty() => {
            let n = lines.len();
            if !lines[n - 1].ends_with('\n') {
                lines[n - 1].push('\n');
            }
            lines.swap(a.index(n), b.index(n));
            lines.concat()
        }
        Edit::ReplaceChar(i, with) if !chars.is_empty() => {
            let at = chars[i.index(chars.len())];
            let len = text[at..].chars().next().map_or(0, char::len_utf8);
            replace(at..at + len, with)
        }
        Edit::Insert(i, with) => {
            let at = if chars.is_empty() { 0 } else { chars[i.index(chars.len())] };
            replace(at..at, with)
        }
        Edit::ReplaceNumber(i, n) => {
            let spans = integer_spans(text);
            if spans.is_empty() {
                return text.to_string();
            }
            replace(spans[i.index(spans.len())].clone(), &n.to_string())
        }
        _ => text.to_string(),
    }
}

fn apply_all(text: &str, edits: &[Edit]) -> String {
    edits.iter().fold(text.to_string(), |t, e| apply(&t, e))
}

/// One valid choice index per question of the built-in bank.
fn choices() -> impl Strategy<Value = Vec<usize>> {
    BANK.questions.iter().map(|q| 0..q.choices.len()).collect::<Vec<_>>()
}

fn answers_of(choices: Vec<usize>) -> Answers {
    Answers::new(&BANK, choices)
}

fn line_of_offset(text: &str, offset: usize) -> usize {
    line_at(text.as_bytes(), offset)
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(256))]

    /// Arbitrary bytes through decode → parse → resolve: no panic; typed, printable errors
    /// on real lines; whatever resolves replays and scores.
    #[test]
    fn answers_pipeline_on_arbitrary_bytes(bytes in answers_bytes()) {
        run_answers_bytes(&bytes)?;
    }

    /// Arbitrary bytes through decode → Bank::parse: no panic; every problem on a line
    /// within the file (1..=lines+1) and column within that line; printable messages.
    #[test]
    fn bank_pipeline_on_arbitrary_bytes(bytes in bank_bytes()) {
        run_bank_bytes(&bytes)?;
    }

    /// decode's errors are printable whatever name the file has: a file name is untrusted
    /// text too (`mlcheck quiz --answers "$(printf 'a\033[2Jb')"`).
    #[test]
    fn decode_errors_never_print_raw_control_chars_of_the_name(
        name in "[a-z]{0,4}[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202e}][a-z.]{0,4}",
        bytes in prop_oneof![Just(b"x\n\0".to_vec()), Just(b"a\n\xFF".to_vec())],
    ) {
        let err = input::decode(bytes, &name).expect_err("NUL and 0xFF are refused");
        assert_printable("the decode error", &err.to_string())?;
    }

    /// A valid keyed answers file, randomly edited: resolve gives answers or a typed,
    /// printable error on a meaningful line; never a panic.
    #[test]
    fn mutated_keyed_answers_resolve_or_fail_cleanly(
        choices in choices(),
        edits in proptest::collection::vec(edit(), 1..6),
        bom in any::<bool>(),
    ) {
        let keyed = answers_of(choices).to_keyed(&BANK);
        let text = apply_all(&keyed, &edits);
        run_answers_text(&text)?;
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend(text.as_bytes());
        run_answers_bytes(&bytes)?;
    }

    /// Single-line edits of a keyed file give the error the contract names, at its line.
    #[test]
    fn keyed_answers_line_edits_give_the_matching_error(choices in choices(), which in any::<Index>()) {
        let keyed = answers_of(choices.clone()).to_keyed(&BANK);
        let lines: Vec<&str> = keyed.split_inclusive('\n').collect();
        let n = BANK.questions.len();
        prop_assert_eq!(lines.len(), n + 1, "header plus one line per question:\n{}", keyed);
        let q = which.index(n);
        let line_no = q + 2; // 1-based, after the header comment
        let mut deleted = lines.clone();
        deleted.remove(q + 1);
        match answers::resolve(&BANK, &answers::parse(&deleted.concat()), None) {
            Err(AnswersError::Missing { ids, .. }) => prop_assert_eq!(ids, vec![BANK.questions[q].id.clone()]),
            other => prop_assert!(false, "deleting line {line_no}: {other:?}"),
        }
        let mut doubled = lines.clone();
        doubled.insert(q + 1, lines[q + 1]);
        match answers::resolve(&BANK, &answers::parse(&doubled.concat()), None) {
            Err(AnswersError::Twice { line, id, first: Answered::Line(first) }) => {
                prop_assert_eq!((line, first), (line_no + 1, line_no));
                prop_assert_eq!(id, BANK.questions[q].id.clone());
            }
            other => prop_assert!(false, "doubling line {line_no}: {other:?}"),
        }
        let extra = format!("{keyed}{}\n", choices[q] + 1);
        let result = answers::resolve(&BANK, &answers::parse(&extra), None);
        let extra_ok = matches!(result, Err(AnswersError::Extra { line, .. }) if line == n + 2);
        prop_assert!(extra_ok, "one line too many: {:?}", result);
        let unknown = format!("{keyed}{}x = 1\n", BANK.questions[q].id);
        match answers::resolve(&BANK, &answers::parse(&unknown), None) {
            Err(AnswersError::UnknownId { line, suggestion, .. }) => {
                prop_assert_eq!(line, n + 2);
                prop_assert_eq!(suggestion, Some(BANK.questions[q].id.clone()));
            }
            other => prop_assert!(false, "unknown id: {other:?}"),
        }
    }

    /// Any valid answers → to_keyed → parse/resolve gives the same answers; so does the
    /// positional form, and a keyed form reordered, re-cased, CRLF'd and commented.
    #[test]
    fn valid_answers_round_trip(
        choices in choices(),
        order in Just((0..BANK.questions.len()).collect::<Vec<usize>>()).prop_shuffle(),
        by_number in proptest::collection::vec(any::<bool>(), BANK.questions.len()),
        upper in any::<bool>(),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let answers = answers_of(choices.clone());
        let resolve = |text: &str| answers::resolve(&BANK, &answers::parse(text), None);
        let keyed = answers.to_keyed(&BANK);
        prop_assert_eq!(resolve(&keyed), Ok(answers.clone()), "keyed:\n{}", keyed);

        let positional: String = choices.iter().map(|c| format!("{}\n", c + 1)).collect();
        prop_assert_eq!(resolve(&positional), Ok(answers.clone()), "positional:\n{}", positional);

        let eol = if crlf { "\r\n" } else { "\n" };
        let mut shuffled = format!("# reordered{eol}{eol}");
        for &i in &order {
            let q = &BANK.questions[i];
            let key = &q.choices[choices[i]].key;
            let answer = if by_number[i] { (choices[i] + 1).to_string() }
                else if upper { key.to_ascii_uppercase() } else { key.clone() };
            shuffled.push_str(&format!("  {} =  {answer}  # {i}{eol}", q.id));
        }
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend(shuffled.as_bytes());
        let text = input::decode(bytes, "answers.txt").map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(resolve(&text), Ok(answers.clone()), "reordered:\n{}", shuffled);
    }

    /// --track answers the first question; a keyed file that repeats the same track still
    /// resolves, a different one is answered twice.
    #[test]
    fn track_flag_and_keyed_file_agree(choices in choices(), other in 1..TRACKS.len()) {
        let answers = answers_of(choices.clone());
        let keyed = answers.to_keyed(&BANK);
        let t = choices[0];
        prop_assert_eq!(answers::resolve(&BANK, &answers::parse(&keyed), Some(t)), Ok(answers.clone()));
        let without_track: String = keyed.lines().filter(|l| !l.starts_with("track ")).map(|l| format!("{l}\n")).collect();
        prop_assert_eq!(answers::resolve(&BANK, &answers::parse(&without_track), Some(t)), Ok(answers.clone()));
        let different = (t + other) % TRACKS.len();
        let result = answers::resolve(&BANK, &answers::parse(&keyed), Some(different));
        let twice = matches!(result, Err(AnswersError::Twice { first: Answered::TrackFlag, .. }));
        prop_assert!(twice, "--track and a different track line: {:?}", result);
    }

    /// Random valid answers score within the bank's range, and recommend ML exactly when
    /// the total reaches the threshold.
    #[test]
    fn scores_of_valid_answers_are_consistent(choices in choices()) {
        let answers = answers_of(choices);
        let score = scoring::score(&BANK, &answers);
        let (lo, hi) = BANK.score_range();
        prop_assert!(lo <= score.total && score.total <= hi);
        prop_assert_eq!(score.recommendation.key() == "ml", score.total >= BANK.threshold);
        prop_assert_eq!(score.recommendation == Recommendation::Ml, score.total >= BANK.threshold);
        check_score(&BANK, &answers)?;
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// The shipped bank, randomly edited (lines deleted, doubled, swapped; characters
    /// replaced or inserted, control characters and escapes included; numbers replaced):
    /// Bank::parse gives a bank that keeps its promises or an error with ≥1 problem.
    #[test]
    fn mutated_builtin_bank_parses_or_fails_cleanly(edits in proptest::collection::vec(edit(), 1..5)) {
        let text = apply_all(BUILTIN, &edits);
        run_bank_text(&text)?;
    }

    /// Any i64 as any weight: no panic; a weight beyond ±MAX_WEIGHT is an error on its line.
    #[test]
    fn any_weight_value_is_validated(which in any::<Index>(), value in extreme_i64()) {
        let spans: Vec<Range<usize>> = integer_spans(BUILTIN)
            .into_iter()
            .filter(|s| {
                let start = BUILTIN[..s.start].rfind('\n').map_or(0, |i| i + 1);
                BUILTIN[start..s.start].contains("weight")
            })
            .collect();
        prop_assert!(spans.len() > 20, "found only {} weights", spans.len());
        let span = spans[which.index(spans.len())].clone();
        let text = format!("{}{value}{}", &BUILTIN[..span.start], &BUILTIN[span.end..]);
        let line = line_of_offset(&text, span.start);
        match run_bank_text(&text)? {
            Some(_) => prop_assert!(value.unsigned_abs() <= mlcheck::model::bank::MAX_WEIGHT as u64),
            None if value.unsigned_abs() > mlcheck::model::bank::MAX_WEIGHT as u64 => {
                let err = Bank::parse("bank.toml", &text).expect_err("failed above");
                prop_assert!(
                    err.problems.iter().any(|p| p.line == line && p.message.contains("out of range")),
                    "weight {value} on line {line}: {err}"
                );
            }
            None => {}
        }
    }

    /// A control character or escape sequence written into any text of the shipped bank
    /// is an error on that line that names the character; a raw one is refused too.
    #[test]
    fn escapes_in_bank_texts_are_errors_with_position(
        which in any::<Index>(),
        within in any::<Index>(),
        escape in select(&[
            ("\\u001b", "U+001B"), ("\\u001B[31m", "U+001B"), ("\\e", "U+001B"), ("\\u0007", "U+0007"),
            ("\\t", "U+0009"), ("\\r", "U+000D"), ("\\b", "U+0008"), ("\\f", "U+000C"), ("\\u007f", "U+007F"),
            ("\\u0085", "U+0085"), ("\\u009b", "U+009B"), ("\\u202E", "U+202E"), ("\\u2066", "U+2066"),
            ("\\U0000200F", "U+200F"), ("\u{202e}", "U+202E"), ("\u{85}", "U+0085"), ("\t", "U+0009"),
        ][..]),
        raw in select(&["\u{1b}", "\u{7}", "\u{7f}", "\u{0}", "\r"][..]),
    ) {
        // Every text value: `en = "` or `ko = "` opens it.
        let starts: Vec<usize> = BUILTIN
            .match_indices("en = \"")
            .chain(BUILTIN.match_indices("ko = \""))
            .map(|(i, m)| i + m.len())
            .collect();
        prop_assert!(starts.len() > 50);
        let open = starts[which.index(starts.len())];
        let close = open + BUILTIN[open..].find('"').expect("closed string");
        let offsets: Vec<usize> = BUILTIN[open..=close].char_indices().map(|(i, _)| open + i).collect();
        let at = offsets[within.index(offsets.len())];
        let line = line_of_offset(BUILTIN, at);

        let (escape, names) = escape;
        let text = format!("{}{escape}{}", &BUILTIN[..at], &BUILTIN[at..]);
        match Bank::parse("bank.toml", &text) {
            Ok(_) => prop_assert!(false, "{escape:?} on line {line} was accepted"),
            Err(err) => {
                check_bank_error(&text, &err)?;
                prop_assert!(
                    err.problems.iter().any(|p| p.line == line && p.message.contains(names)),
                    "{escape:?} on line {line}: {err}"
                );
            }
        }
        let text = format!("{}{raw}{}", &BUILTIN[..at], &BUILTIN[at..]);
        match Bank::parse("bank.toml", &text) {
            Ok(_) => prop_assert!(false, "raw {raw:?} on line {line} was accepted"),
            Err(err) => {
                check_bank_error(&text, &err)?;
                prop_assert!(err.problems.iter().any(|p| p.line == line), "raw {raw:?} on line {line}: {err}");
            }
        }
    }
}

/// The generators above reach what they are meant to: these pin the helpers down so a
/// property cannot pass vacuously.
#[test]
fn helpers_find_what_they_should() {
    assert!(integer_spans(BUILTIN).len() > 30);
    assert_eq!(integer_spans("a = -3\nb = [1, 2]\nc = \"x 5\"\n"), vec![4..6, 12..13, 15..16]);
    assert!(run_bank_text(BUILTIN).is_ok_and(|b| b.is_some()));
    let all_first: String = BANK.questions.iter().map(|_| "1\n").collect();
    assert!(run_answers_text(&all_first).is_ok());
    assert!(BANK.languages.contains(&Lang::En));
}
