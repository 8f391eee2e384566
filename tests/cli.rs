//! End-to-end tests of the `mlcheck` binary: answers files in every form, stdin, the JSON
//! shapes, exit codes and their messages, `--save-answers`, `--track`, languages and locales,
//! `--quiet`, personas, colour, the listing commands, and what happens when stdout goes away.
//!
//! Every run goes through the hermetic helpers of `tests/common` (English locale, no
//! NO_COLOR, no TERM), or the same environment rebuilt for shell pipelines.

mod common;

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// The built-in bank, as the contract describes it, and answer sets over it.
// ---------------------------------------------------------------------------------------------

const AGREEMENT: &[&str] = &["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"];

/// Question ids and choice keys of the built-in bank, in bank order.
const BANK: [(&str, &[&str]); 12] = [
    ("track", &["frontend", "backend", "mobile"]),
    ("hard", AGREEMENT),
    ("mentor", &["yes", "path", "unsure", "no"]),
    ("jobs", AGREEMENT),
    ("data", &["yes", "unsure", "no"]),
    ("wages", AGREEMENT),
    ("same-pay", &["yes", "unsure", "no"]),
    ("future-proof", AGREEMENT),
    ("colleague", &["yes", "unsure", "no"]),
    ("fun", AGREEMENT),
    ("data-work", &["yes", "somewhat", "unsure", "no"]),
    ("enjoy-track", &["yes", "somewhat", "no"]),
];

const MYTHS: [&str; 5] = ["hard", "jobs", "wages", "future-proof", "fun"];

/// A full set of answers: one choice key per question, in bank order.
type Keys = [&'static str; 12];

/// Weights 0 -1 +1 0 0 -2 -3 +1 +2 +2 +1 -2 = -1: stays in mobile; believes hard and wages.
const STAY_MOBILE: Keys = [
    "mobile",
    "agree",
    "path",
    "neutral",
    "unsure",
    "strongly-agree",
    "no",
    "disagree",
    "no",
    "strongly-disagree",
    "somewhat",
    "yes",
];

/// Weights 0 +1 +3 -2 +3 0 +3 -1 +2 +1 +3 0 = 13: machine learning; believes jobs and future-proof.
const GO_ML: Keys = [
    "frontend",
    "disagree",
    "yes",
    "strongly-agree",
    "yes",
    "neutral",
    "yes",
    "agree",
    "no",
    "disagree",
    "yes",
    "somewhat",
];

/// GO_ML with `hard` answered neutral: exactly 12, the threshold.
const AT_THRESHOLD: Keys = [
    "backend",
    "neutral",
    "yes",
    "strongly-agree",
    "yes",
    "neutral",
    "yes",
    "agree",
    "no",
    "disagree",
    "yes",
    "somewhat",
];

/// AT_THRESHOLD with `enjoy-track` somewhat→yes: 10, below the threshold.
const BELOW_THRESHOLD: Keys =
    ["backend", "neutral", "yes", "strongly-agree", "yes", "neutral", "yes", "agree", "no", "disagree", "yes", "yes"];

/// The 1-based number of `key` in question `q`.
fn number(q: usize, key: &str) -> usize {
    BANK[q].1.iter().position(|k| *k == key).unwrap_or_else(|| panic!("`{key}` is not a choice of {}", BANK[q].0)) + 1
}

/// One number per line, in bank order.
fn positional(keys: &Keys) -> String {
    keys.iter().enumerate().map(|(q, k)| format!("{}\n", number(q, k))).collect()
}

/// `id = key` lines in bank order.
fn keyed(keys: &Keys) -> String {
    keyed_in_order(keys, &(0..12).collect::<Vec<_>>())
}

/// `id = key` lines in the given question order.
fn keyed_in_order(keys: &Keys, order: &[usize]) -> String {
    order.iter().map(|&q| format!("{} = {}\n", BANK[q].0, keys[q])).collect()
}

/// A shuffled order of the twelve questions (fixed, so the test is repeatable).
const SHUFFLED: [usize; 12] = [9, 0, 11, 4, 7, 2, 10, 1, 6, 3, 8, 5];

/// Keyed lines, plain numbers and plain keys mixed, with comments, blank lines, odd case and
/// spaces: track and data keyed before the plain lines reach them, enjoy-track keyed in the
/// middle, the rest plain in bank order.
fn mixed(keys: &Keys) -> String {
    let mut text = String::from("# mixed answers\n\n");
    text.push_str(&format!("track = {}   # keyed, upper-case key\n", keys[0].to_uppercase()));
    text.push_str(&format!("  data=  {}\n", number(4, keys[4])));
    let keyed_here = [0usize, 4, 11];
    let plain: Vec<usize> = (0..12).filter(|q| !keyed_here.contains(q)).collect();
    for (i, &q) in plain.iter().enumerate() {
        if i == 3 {
            text.push_str(&format!("enjoy-track = {}\n\n", keys[11]));
        }
        // Alternate numbers and keys for the plain lines.
        if i % 2 == 0 {
            text.push_str(&format!("{}\n", number(q, keys[q])));
        } else {
            text.push_str(&format!("  {}  # a key\n", keys[q].to_uppercase()));
        }
    }
    text
}

/// Keyed answers for a persona: the track, one answer for all five myths, then the checks.
fn persona(track: &str, myths: &str, checks: &[(&str, &str)]) -> String {
    let mut text = format!("track = {track}\n");
    for m in MYTHS {
        text.push_str(&format!("{m} = {myths}\n"));
    }
    for (id, key) in checks {
        text.push_str(&format!("{id} = {key}\n"));
    }
    text
}

/// Checks answered with no condition for ML met.
const NO_CONDITIONS: [(&str, &str); 6] = [
    ("mentor", "no"),
    ("data", "no"),
    ("same-pay", "no"),
    ("data-work", "no"),
    ("colleague", "yes"),
    ("enjoy-track", "yes"),
];

/// Checks answered with every condition for ML met.
const EVERY_CONDITION: [(&str, &str); 6] = [
    ("mentor", "yes"),
    ("data", "yes"),
    ("same-pay", "yes"),
    ("data-work", "yes"),
    ("colleague", "no"),
    ("enjoy-track", "no"),
];

const TRACKS: [&str; 3] = ["frontend", "backend", "mobile"];

fn stay_verdict(track: &str) -> &'static str {
    match track {
        "frontend" => "Stay in front-end",
        "backend" => "Stay in back-end",
        "mobile" => "Stay in mobile",
        other => panic!("no track {other}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Running the binary.
// ---------------------------------------------------------------------------------------------

fn tempdir() -> TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

fn write(dir: &TempDir, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, contents).expect("write a test file");
    path
}

/// `mlcheck --color never [global...] quiz --answers PATH [args...]`.
fn quiz_file(path: &Path, args: &[&str]) -> Command {
    let mut cmd = common::run(&["quiz", "--answers"]);
    cmd.arg(path).args(args);
    cmd
}

/// `mlcheck --color never quiz [args...]` with `stdin` piped in.
fn quiz_stdin(stdin: &str, args: &[&str]) -> Command {
    let mut cmd = common::run(&["quiz"]);
    cmd.args(args).write_stdin(stdin.to_string());
    cmd
}

/// Runs `cmd`, expects exit 0 and an empty stderr, returns stdout.
fn success(cmd: &mut Command) -> Vec<u8> {
    let assert = cmd.assert().code(0).stderr(predicate::str::is_empty());
    assert.get_output().stdout.clone()
}

/// Runs `cmd`, expects exit 0 and an empty stderr, returns stdout as text.
fn success_text(cmd: &mut Command) -> String {
    String::from_utf8(success(cmd)).expect("stdout is UTF-8")
}

/// Runs `cmd`, expects exit `code` and nothing on stdout, returns stderr.
fn failure(cmd: &mut Command, code: i32) -> String {
    let assert = cmd.assert().code(code).stdout(predicate::str::is_empty());
    String::from_utf8(assert.get_output().stderr.clone()).expect("stderr is UTF-8")
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(bytes)))
}

/// The result of a scripted quiz as JSON.
fn quiz_json(dir: &TempDir, answers: &str, args: &[&str]) -> Value {
    let path = write(dir, "answers.txt", answers);
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    json(&success(&mut quiz_file(&path, &all)))
}

/// The path of the built binary.
fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("mlcheck")
}

/// The hermetic environment of `common::mlcheck`, for commands that are not mlcheck itself.
fn hermetic_std(cmd: &mut std::process::Command) {
    for var in ["NO_COLOR", "LC_ALL", "LC_MESSAGES", "LANG", "COLUMNS", "TERM", "CLICOLOR", "CLICOLOR_FORCE"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "en_US.UTF-8");
}

/// `bash -c SCRIPT BIN ARGS...`: in the script, `$0` is mlcheck and `$1`... are `args`.
fn bash(script: &str, args: &[&OsStr]) -> Command {
    let mut std_cmd = std::process::Command::new("bash");
    hermetic_std(&mut std_cmd);
    std_cmd.arg("-c").arg(script).arg(bin()).args(args);
    Command::from_std(std_cmd)
}

fn has_escape(bytes: &[u8]) -> bool {
    bytes.contains(&0x1b)
}

// ---------------------------------------------------------------------------------------------
// The bank the tests assume.
// ---------------------------------------------------------------------------------------------

#[test]
fn the_builtin_bank_is_the_one_these_tests_assume() {
    let actual = common::bank_questions();
    let expected: Vec<(String, Vec<String>)> =
        BANK.iter().map(|(id, keys)| (id.to_string(), keys.iter().map(|k| k.to_string()).collect())).collect();
    assert_eq!(actual, expected);
}

// ---------------------------------------------------------------------------------------------
// Answers files: positional, keyed, mixed, shuffled.
// ---------------------------------------------------------------------------------------------

fn same_output_for_every_form(format: &str, keys: &Keys) {
    let dir = tempdir();
    let forms = [
        ("positional", positional(keys)),
        ("keyed", keyed(keys)),
        ("mixed", mixed(keys)),
        (
            "keyed with numbers",
            keys.iter().enumerate().map(|(q, k)| format!("{} = {}\n", BANK[q].0, number(q, k))).collect(),
        ),
    ];
    let mut outputs = Vec::new();
    for (name, text) in &forms {
        let path = write(&dir, &format!("{}.txt", name.replace(' ', "-")), text);
        outputs.push((name, success(&mut quiz_file(&path, &["--format", format]))));
    }
    let (first_name, first) = &outputs[0];
    assert!(!first.is_empty());
    for (name, out) in &outputs[1..] {
        assert!(
            out == first,
            "{name} answers gave different {format} output than {first_name} answers:\n--- {first_name}\n{}\n--- {name}\n{}",
            String::from_utf8_lossy(first),
            String::from_utf8_lossy(out)
        );
    }
}

#[test]
fn positional_keyed_and_mixed_answers_give_identical_text() {
    same_output_for_every_form("text", &STAY_MOBILE);
    same_output_for_every_form("text", &GO_ML);
}

#[test]
fn positional_keyed_and_mixed_answers_give_identical_json() {
    same_output_for_every_form("json", &STAY_MOBILE);
    same_output_for_every_form("json", &GO_ML);
}

#[test]
fn keyed_lines_in_shuffled_order_give_identical_output() {
    let dir = tempdir();
    let in_order = write(&dir, "ordered.txt", keyed(&STAY_MOBILE));
    let shuffled = write(&dir, "shuffled.txt", keyed_in_order(&STAY_MOBILE, &SHUFFLED));
    let reversed: Vec<usize> = (0..12).rev().collect();
    let backwards = write(&dir, "reversed.txt", keyed_in_order(&STAY_MOBILE, &reversed));
    for format in ["text", "json"] {
        let expected = success(&mut quiz_file(&in_order, &["--format", format]));
        assert_eq!(success(&mut quiz_file(&shuffled, &["--format", format])), expected, "{format}, shuffled");
        assert_eq!(success(&mut quiz_file(&backwards, &["--format", format])), expected, "{format}, reversed");
    }
}

#[test]
fn comments_blank_lines_crlf_and_bom_do_not_change_the_result() {
    let dir = tempdir();
    let plain = write(&dir, "plain.txt", positional(&GO_ML));
    let decorated: String = positional(&GO_ML)
        .lines()
        .enumerate()
        .map(|(i, l)| format!("# question {}\r\n\r\n  {l}  # trailing comment\r\n", i + 1))
        .collect();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(decorated.as_bytes());
    let fancy = write(&dir, "fancy.txt", bytes);
    let expected = success(&mut quiz_file(&plain, &[]));
    assert_eq!(success(&mut quiz_file(&fancy, &[])), expected);
}

// ---------------------------------------------------------------------------------------------
// Where the answers come from: a pipe, --answers FILE, --answers -.
// ---------------------------------------------------------------------------------------------

fn same_output_from_every_source(format: &str, text: &str) {
    let dir = tempdir();
    let path = write(&dir, "answers.txt", text);
    let from_file = success(&mut quiz_file(&path, &["--format", format]));
    let from_pipe = success(&mut quiz_stdin(text, &["--format", format]));
    let from_dash = success(&mut quiz_stdin(text, &["--answers", "-", "--format", format]));
    assert!(!from_file.is_empty());
    assert_eq!(from_pipe, from_file, "{format}: stdin pipe vs --answers FILE");
    assert_eq!(from_dash, from_file, "{format}: --answers - vs --answers FILE");
}

#[test]
fn stdin_pipe_answers_dash_and_answers_file_give_identical_text() {
    same_output_from_every_source("text", &positional(&STAY_MOBILE));
    same_output_from_every_source("text", &mixed(&GO_ML));
}

#[test]
fn stdin_pipe_answers_dash_and_answers_file_give_identical_json() {
    same_output_from_every_source("json", &keyed(&GO_ML));
    same_output_from_every_source("json", &positional(&STAY_MOBILE));
}

#[test]
fn errors_in_answers_from_stdin_name_stdin_and_the_line() {
    let stderr = failure(&mut quiz_stdin("backend\n# comment\nmaybe\n", &[]), 65);
    assert!(stderr.contains("<stdin>:3:"), "{stderr}");
    assert!(stderr.contains("`hard`"), "{stderr}");
}

// ---------------------------------------------------------------------------------------------
// JSON shapes.
// ---------------------------------------------------------------------------------------------

fn assert_quiz_json_shape(v: &Value, keys: &Keys, lang: &str) {
    let obj = v.as_object().expect("an object");
    let fields = [
        "recommendation",
        "verdict",
        "track",
        "score",
        "threshold",
        "min_score",
        "max_score",
        "answers",
        "myths",
        "reasons",
        "advice",
        "lang",
    ];
    for f in fields {
        assert!(obj.contains_key(f), "missing field {f}: {v}");
    }
    let rec = v["recommendation"].as_str().expect("recommendation is a string");
    assert!(["ml", "frontend", "backend", "mobile"].contains(&rec), "recommendation {rec}");
    assert!(!v["verdict"].as_str().expect("verdict is a string").is_empty());
    assert_eq!(v["track"].as_str(), Some(keys[0]));
    let score = v["score"].as_i64().expect("score is an integer");
    assert_eq!(v["threshold"].as_i64(), Some(12));
    let min = v["min_score"].as_i64().expect("min_score is an integer");
    let max = v["max_score"].as_i64().expect("max_score is an integer");
    assert!(min <= score && score <= max, "{min} <= {score} <= {max}");
    assert_eq!((min, max), (-26, 26));
    assert_eq!(v["lang"].as_str(), Some(lang));

    let answers = v["answers"].as_array().expect("answers is an array");
    assert_eq!(answers.len(), 12);
    let mut sum = 0;
    for (q, a) in answers.iter().enumerate() {
        assert_eq!(a["id"].as_str(), Some(BANK[q].0), "answer {q} in bank order");
        assert_eq!(a["choice"].as_str(), Some(keys[q]), "answer {q} is the choice key");
        sum += a["weight"].as_i64().expect("weight is an integer");
    }
    assert_eq!(score, sum, "score is the sum of the answers' weights");
    if score >= 12 {
        assert_eq!(rec, "ml");
    } else {
        assert_eq!(rec, keys[0]);
    }

    let weight_of = |id: &str| answers.iter().find(|a| a["id"] == id).and_then(|a| a["weight"].as_i64()).unwrap();
    let myths = v["myths"].as_array().expect("myths is an array");
    assert_eq!(myths.len(), 5);
    for (m, id) in myths.iter().zip(MYTHS) {
        assert_eq!(m["id"].as_str(), Some(id));
        let q = BANK.iter().position(|(qid, _)| *qid == id).unwrap();
        let believed = keys[q] == "agree" || keys[q] == "strongly-agree";
        assert_eq!(m["believed"].as_bool(), Some(believed), "myth {id} answered {}", keys[q]);
        assert_eq!(m["weight"].as_i64(), Some(weight_of(id)), "myth {id} weight");
        assert!(m["checks_weight"].is_i64(), "checks_weight is an integer");
    }
    // The checks of each myth, from the contract's bank.
    let checks: [(&str, &[&str]); 5] = [
        ("hard", &["mentor"]),
        ("jobs", &["data"]),
        ("wages", &["same-pay"]),
        ("future-proof", &["colleague"]),
        ("fun", &["data-work", "enjoy-track"]),
    ];
    for (m, (id, ids)) in myths.iter().zip(checks) {
        let expected: i64 = ids.iter().map(|c| weight_of(c)).sum();
        assert_eq!(m["checks_weight"].as_i64(), Some(expected), "checks_weight of {id}");
    }

    let ids: Vec<&str> = BANK.iter().map(|(id, _)| *id).collect();
    for r in v["reasons"].as_array().expect("reasons is an array") {
        let r = r.as_str().expect("a reason is a question id");
        assert!(ids.contains(&r), "reason {r} is a question id");
    }
    for a in v["advice"].as_array().expect("advice is an array") {
        assert!(!a.as_str().expect("advice lines are strings").is_empty());
    }
}

#[test]
fn quiz_json_has_every_field_with_the_right_type_and_values() {
    let dir = tempdir();
    for keys in [&STAY_MOBILE, &GO_ML, &AT_THRESHOLD, &BELOW_THRESHOLD] {
        let v = quiz_json(&dir, &positional(keys), &[]);
        assert_quiz_json_shape(&v, keys, "en");
    }
}

#[test]
fn quiz_json_values_of_known_answer_sets() {
    let dir = tempdir();
    let v = quiz_json(&dir, &positional(&STAY_MOBILE), &[]);
    assert_eq!(v["recommendation"], "mobile");
    assert_eq!(v["verdict"], "Stay in mobile");
    assert_eq!(v["score"], -1);
    let believed: Vec<&str> = v["myths"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["believed"] == true)
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(believed, ["hard", "wages"]);

    let v = quiz_json(&dir, &positional(&GO_ML), &[]);
    assert_eq!(v["recommendation"], "ml");
    assert_eq!(v["verdict"], "Go into machine learning");
    assert_eq!(v["track"], "frontend");
    assert_eq!(v["score"], 13);
    let believed: Vec<&str> = v["myths"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["believed"] == true)
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(believed, ["jobs", "future-proof"]);
}

#[test]
fn a_score_at_the_threshold_recommends_ml_and_one_below_stays() {
    let dir = tempdir();
    let v = quiz_json(&dir, &keyed(&AT_THRESHOLD), &[]);
    assert_eq!(v["score"], 12);
    assert_eq!(v["recommendation"], "ml");
    let v = quiz_json(&dir, &keyed(&BELOW_THRESHOLD), &[]);
    assert_eq!(v["score"], 10);
    assert_eq!(v["recommendation"], "backend");
}

#[test]
fn quiz_json_is_one_object_with_nothing_after_it() {
    let dir = tempdir();
    let path = write(&dir, "a.txt", positional(&GO_ML));
    let out = success(&mut quiz_file(&path, &["--format", "json"]));
    let mut stream = serde_json::Deserializer::from_slice(&out).into_iter::<Value>();
    assert!(stream.next().expect("one value").expect("valid JSON").is_object());
    assert!(stream.next().is_none(), "more than one JSON value");
    assert!(out.ends_with(b"}\n"), "ends with the object and a newline");
}

#[test]
fn questions_json_has_every_field_with_the_right_type() {
    let v = json(&success(&mut common::run(&["questions", "--format", "json"])));
    assert_eq!(v["lang"], "en");
    assert_eq!(v["threshold"], 12);
    assert_eq!(v["min_score"], -26);
    assert_eq!(v["max_score"], 26);
    let questions = v["questions"].as_array().expect("questions is an array");
    assert_eq!(questions.len(), 12);
    let check_of: [(&str, &str); 6] = [
        ("mentor", "hard"),
        ("data", "jobs"),
        ("same-pay", "wages"),
        ("colleague", "future-proof"),
        ("data-work", "fun"),
        ("enjoy-track", "fun"),
    ];
    for (q, (id, keys)) in questions.iter().zip(BANK) {
        assert_eq!(q["id"].as_str(), Some(id));
        for f in ["topic", "prompt"] {
            assert!(!q[f].as_str().unwrap_or_else(|| panic!("{id}.{f} is a string")).is_empty());
        }
        let choices = q["choices"].as_array().expect("choices is an array");
        let got: Vec<&str> = choices.iter().map(|c| c["key"].as_str().expect("a key is a string")).collect();
        assert_eq!(got, keys, "choices of {id}");
        for c in choices {
            assert!(!c["label"].as_str().expect("a label is a string").is_empty());
            assert!(c["weight"].is_i64(), "a weight is an integer");
        }
        let kind = q["kind"].as_str().expect("kind is a string");
        if id == "track" {
            assert_eq!(kind, "track");
            assert!(q["myth"].is_null(), "track has a null myth");
            assert!(q.as_object().unwrap().contains_key("myth"));
        } else if MYTHS.contains(&id) {
            assert_eq!(kind, "myth");
            assert_eq!(q["myth"].as_str(), Some(id), "a myth's myth is its own id");
            let weights: Vec<i64> = choices.iter().map(|c| c["weight"].as_i64().unwrap()).collect();
            assert_eq!(weights, [2, 1, 0, -1, -2], "weights of {id}");
            assert!(
                !q["counterpoint"].as_str().unwrap_or_else(|| panic!("{id} has a counterpoint")).is_empty(),
                "counterpoint of {id}"
            );
        } else {
            assert_eq!(kind, "check");
            let myth = check_of.iter().find(|(c, _)| *c == id).map(|(_, m)| *m).unwrap();
            assert_eq!(q["myth"].as_str(), Some(myth), "the myth of check {id}");
        }
        assert!(q.as_object().unwrap().contains_key("counterpoint"), "{id} has a counterpoint field");
    }
}

// ---------------------------------------------------------------------------------------------
// Exit codes and messages.
// ---------------------------------------------------------------------------------------------

#[test]
fn exit_0_for_a_complete_answers_file() {
    let dir = tempdir();
    let path = write(&dir, "a.txt", positional(&GO_ML));
    let out = success_text(&mut quiz_file(&path, &[]));
    assert!(out.contains("Go into machine learning"), "{out}");
}

#[test]
fn exit_2_for_an_unknown_flag() {
    let stderr = failure(&mut common::run(&["quiz", "--no-such-flag"]), 2);
    assert!(stderr.contains("--no-such-flag"), "{stderr}");
    let stderr = failure(&mut common::run(&["--bogus", "questions"]), 2);
    assert!(stderr.contains("--bogus"), "{stderr}");
}

#[test]
fn exit_2_for_an_unknown_subcommand_and_no_subcommand() {
    failure(&mut common::run(&["nosuchcommand"]), 2);
    let out = common::run(&[]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "no subcommand: {out:?}");
}

#[test]
fn exit_2_for_a_bad_track_value() {
    let stderr = failure(&mut quiz_stdin(&positional(&GO_ML)[2..], &["--track", "ml"]), 2);
    assert!(stderr.contains("'ml'") || stderr.contains("`ml`"), "{stderr}");
    for key in TRACKS {
        assert!(stderr.contains(key), "lists {key}: {stderr}");
    }
}

#[test]
fn exit_2_for_a_bad_lang() {
    let mut cmd = common::run(&["--lang", "fr", "quiz"]);
    cmd.write_stdin(positional(&GO_ML));
    let stderr = failure(&mut cmd, 2);
    assert!(stderr.contains("fr"), "{stderr}");
    assert!(stderr.contains("en") && stderr.contains("ko"), "lists the languages: {stderr}");
}

#[test]
fn exit_2_for_an_unknown_myth() {
    let stderr = failure(&mut common::run(&["myths", "nosuch"]), 2);
    assert!(stderr.contains("nosuch"), "{stderr}");
    for m in MYTHS {
        assert!(stderr.contains(m), "lists {m}: {stderr}");
    }
}

const AGREEMENT_CHOICES: &str = "strongly-disagree, disagree, neutral, agree, strongly-agree";

/// An answers file whose line 4 answers question `hard` with `answer`.
fn bad_hard_answer(answer: &str) -> (TempDir, PathBuf, String) {
    let dir = tempdir();
    let path = write(&dir, "bad-answer.txt", format!("# my answers\nbackend\n\n{answer}\n1\n"));
    let stderr = failure(&mut quiz_file(&path, &[]), 65);
    (dir, path, stderr)
}

fn assert_bad_hard_answer(answer: &str) {
    let (_dir, path, stderr) = bad_hard_answer(answer);
    let prefix = format!("{}:4:", path.display());
    assert!(stderr.contains(&prefix), "names file and line ({prefix}): {stderr}");
    assert!(stderr.contains("`hard`"), "names the question: {stderr}");
    assert!(stderr.contains(answer), "repeats the answer: {stderr}");
    assert!(stderr.contains("1 to 5"), "gives the number range: {stderr}");
    assert!(stderr.contains(AGREEMENT_CHOICES), "lists the valid keys: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
}

#[test]
fn exit_65_for_answer_zero() {
    assert_bad_hard_answer("0");
}

#[test]
fn exit_65_for_answer_minus_one() {
    assert_bad_hard_answer("-1");
}

#[test]
fn exit_65_for_answer_one_point_five() {
    assert_bad_hard_answer("1.5");
}

#[test]
fn exit_65_for_a_huge_answer_number() {
    assert_bad_hard_answer("99999999999999999999");
}

#[test]
fn exit_65_for_answer_six_one_past_the_last_choice() {
    assert_bad_hard_answer("6");
}

#[test]
fn exit_65_for_a_word_that_is_no_key() {
    assert_bad_hard_answer("maybe");
}

#[test]
fn exit_65_for_a_bad_track_answer_lists_the_track_keys() {
    let dir = tempdir();
    let path = write(&dir, "a.txt", "maybe\n");
    let stderr = failure(&mut quiz_file(&path, &[]), 65);
    assert!(stderr.contains(&format!("{}:1:", path.display())), "{stderr}");
    assert!(stderr.contains("`track`"), "{stderr}");
    assert!(stderr.contains("frontend, backend, mobile"), "{stderr}");
}

#[test]
fn exit_65_for_an_unknown_id_with_a_suggestion() {
    let dir = tempdir();
    let path = write(&dir, "a.txt", "backend\nfnu = 1\n");
    let stderr = failure(&mut quiz_file(&path, &[]), 65);
    assert!(stderr.contains(&format!("{}:2:", path.display())), "{stderr}");
    assert!(stderr.contains("fnu"), "{stderr}");
    assert!(stderr.contains("did you mean"), "{stderr}");
    assert!(stderr.contains("`fun`"), "{stderr}");

    let path = write(&dir, "b.txt", "# x\nmentr = yes\n");
    let stderr = failure(&mut quiz_file(&path, &[]), 65);
    assert!(stderr.contains(&format!("{}:2:", path.display())), "{stderr}");
    assert!(stderr.contains("did you mean `mentor`"), "{stderr}");
}

#[test]
fn exit_65_for_an_unknown_id_far_from_any_gives_no_suggestion() {
    let dir = tempdir();
    let path = write(&dir, "a.txt", "zzzzzzzzzzzz = 1\n");
    let stderr = failure(&mut quiz_file(&path, &[]), 65);
    assert!(stderr.contains(&format!("{}:1:", path.display())), "{stderr}");
    assert!(stderr.contains("zzzzzzzzzzzz"), "{stderr}");
    assert!(!stderr.contains("did you mean"), "{stderr}");
}

#[test]
fn exit_65_for_a_question_answered_twice() {
    let dir = tempdir();
    let path = write(&dir, "a.txt", "track = backend\n\ntrack = mobile\n");
    let stderr = failure(&mut quiz_file(&path, &[]), 65);
    assert!(stderr.contains(&format!("{}:3:", path.display())), "{stderr}");
    assert!(stderr.contains("`track`"), "{stderr}");
    assert!(stderr.contains("twice"), "{stderr}");
    assert!(stderr.contains("line 1"), "names the first line: {stderr}");

    // A plain answer, then the same question by id.
    let path = write(&dir, "b.txt", "backend\nagree\ntrack = mobile\n");
    let stderr = failure(&mut quiz_file(&path, &[]), 65);
    assert!(stderr.contains(&format!("{}:3:", path.display())), "{stderr}");
    assert!(stderr.contains("`track`") && stderr.contains("twice"), "{stderr}");
}

#[test]
fn exit_65_for_an_extra_answer() {
    let dir = tempdir();
    let path = write(&dir, "a.txt", format!("{}# one more\n1\n", positional(&GO_ML)));
    let stderr = failure(&mut quiz_file(&path, &[]), 65);
    assert!(stderr.contains(&format!("{}:14:", path.display())), "{stderr}");
    assert!(stderr.contains("12"), "{stderr}");
}

#[test]
fn exit_65_for_missing_answers_lists_the_ids() {
    let dir = tempdir();
    let path = write(&dir, "a.txt", "backend\nagree\n");
    let stderr = failure(&mut quiz_file(&path, &[]), 65);
    assert!(stderr.contains(&path.display().to_string()), "{stderr}");
    for (id, _) in &BANK[2..] {
        assert!(stderr.contains(&format!("`{id}`")), "lists {id}: {stderr}");
    }
    assert!(!stderr.contains("`track`") && !stderr.contains("`hard`"), "only the missing ones: {stderr}");
    assert!(stderr.contains("10 questions"), "{stderr}");

    // Missing in the middle.
    let order: Vec<usize> = (0..12).filter(|&q| BANK[q].0 != "wages" && BANK[q].0 != "fun").collect();
    let path = write(&dir, "b.txt", keyed_in_order(&GO_ML, &order));
    let stderr = failure(&mut quiz_file(&path, &[]), 65);
    assert!(stderr.contains("`wages`") && stderr.contains("`fun`"), "{stderr}");
    assert!(!stderr.contains("`mentor`"), "{stderr}");
    assert!(stderr.contains("2 questions"), "{stderr}");
}

#[test]
fn exit_65_for_an_empty_answers_file() {
    let dir = tempdir();
    let path = write(&dir, "a.txt", "# nothing yet\n\n");
    let stderr = failure(&mut quiz_file(&path, &[]), 65);
    // Called empty: listing all twelve questions as unanswered would bury that.
    assert!(stderr.contains("no answers: the file is empty, or holds only comments and blank lines"), "{stderr}");
    assert!(!stderr.contains("without an answer"), "{stderr}");
}

#[test]
fn exit_66_for_a_missing_answers_file() {
    let dir = tempdir();
    let path = dir.path().join("no-such-answers.txt");
    let stderr = failure(&mut quiz_file(&path, &[]), 66);
    assert!(stderr.contains(&path.display().to_string()), "names the file: {stderr}");
    assert!(stderr.starts_with("mlcheck: "), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn exit_66_for_a_directory_as_answers_file() {
    let dir = tempdir();
    let stderr = failure(&mut quiz_file(dir.path(), &[]), 66);
    assert!(stderr.contains(&dir.path().display().to_string()), "names the directory: {stderr}");
    assert!(stderr.contains("directory"), "{stderr}");
}

#[test]
fn exit_66_for_a_missing_question_bank() {
    let dir = tempdir();
    let path = dir.path().join("no-such-bank.toml");
    let mut cmd = common::run(&["--questions"]);
    cmd.arg(&path).arg("questions");
    let stderr = failure(&mut cmd, 66);
    assert!(stderr.contains(&path.display().to_string()), "{stderr}");
}

// ---------------------------------------------------------------------------------------------
// --save-answers.
// ---------------------------------------------------------------------------------------------

fn save_and_replay(format: &str, keys: &Keys) {
    let dir = tempdir();
    let answers = write(&dir, "answers.txt", positional(keys));
    let saved = dir.path().join("saved.txt");
    let mut first = quiz_file(&answers, &["--format", format, "--save-answers"]);
    first.arg(&saved);
    let first = success(&mut first);
    let replay = success(&mut quiz_file(&saved, &["--format", format]));
    assert!(
        replay == first,
        "replaying the saved answers changed the {format} output:\n--- first\n{}\n--- replay\n{}",
        String::from_utf8_lossy(&first),
        String::from_utf8_lossy(&replay)
    );
}

/// Every built-in question and every choice, saved and replayed, comes back as the same
/// answer: a saved key is never read as a choice number.
#[test]
fn every_built_in_choice_survives_save_and_replay() {
    let bank = common::bank_questions();
    let most = bank.iter().map(|(_, keys)| keys.len()).max().unwrap();
    for n in 1..=most {
        let dir = tempdir();
        let picked: Vec<(String, String)> =
            bank.iter().map(|(id, keys)| (id.clone(), keys[n.min(keys.len()) - 1].clone())).collect();
        let numbers: String = bank.iter().map(|(_, keys)| format!("{}\n", n.min(keys.len()))).collect();
        let answers = write(&dir, "answers.txt", numbers);
        let saved = dir.path().join("saved.txt");
        let mut first = quiz_file(&answers, &["--format", "json", "--save-answers"]);
        first.arg(&saved);
        let first: serde_json::Value = serde_json::from_slice(&success(&mut first)).unwrap();
        let replay: serde_json::Value =
            serde_json::from_slice(&success(&mut quiz_file(&saved, &["--format", "json"]))).unwrap();
        let chosen = |json: &serde_json::Value| -> Vec<(String, String)> {
            json["answers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| (a["id"].as_str().unwrap().to_string(), a["choice"].as_str().unwrap().to_string()))
                .collect()
        };
        assert_eq!(chosen(&first), picked, "choice number {n} picks the nth key of every question");
        assert_eq!(
            chosen(&replay),
            picked,
            "the saved file replays choice {n} unchanged:\n{}",
            fs::read_to_string(&saved).unwrap()
        );
    }
}

#[test]
fn save_answers_round_trip_gives_identical_text() {
    save_and_replay("text", &STAY_MOBILE);
    save_and_replay("text", &GO_ML);
}

#[test]
fn save_answers_round_trip_gives_identical_json() {
    save_and_replay("json", &STAY_MOBILE);
    save_and_replay("json", &GO_ML);
}

#[test]
fn saved_answers_are_keyed_id_equals_key_lines_in_bank_order() {
    let dir = tempdir();
    let answers = write(&dir, "answers.txt", positional(&STAY_MOBILE));
    let saved = dir.path().join("saved.txt");
    let mut cmd = quiz_file(&answers, &["--quiet", "--save-answers"]);
    cmd.arg(&saved);
    success(&mut cmd);
    let text = fs::read_to_string(&saved).expect("the saved file exists");
    let lines: Vec<&str> =
        text.lines().map(|l| l.split('#').next().unwrap().trim()).filter(|l| !l.is_empty()).collect();
    let expected: Vec<String> = BANK.iter().zip(STAY_MOBILE).map(|((id, _), key)| format!("{id} = {key}")).collect();
    assert_eq!(lines, expected, "saved file:\n{text}");
    // Only the two files remain: no temporary left behind.
    let mut names: Vec<String> =
        fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["answers.txt", "saved.txt"]);
}

#[test]
fn save_answers_from_stdin_replaces_an_existing_file() {
    let dir = tempdir();
    let saved = write(&dir, "saved.txt", "old contents\n");
    let mut cmd = quiz_stdin(&mixed(&GO_ML), &["--format", "json", "--save-answers"]);
    cmd.arg(&saved);
    let first = success(&mut cmd);
    let text = fs::read_to_string(&saved).unwrap();
    assert!(!text.contains("old contents"), "{text}");
    assert!(text.contains("track = frontend"), "{text}");
    assert_eq!(success(&mut quiz_file(&saved, &["--format", "json"])), first);
}

#[test]
fn track_flag_with_a_saved_file_holding_the_same_track_works() {
    let dir = tempdir();
    let rest: String = positional(&STAY_MOBILE).lines().skip(1).map(|l| format!("{l}\n")).collect();
    let answers = write(&dir, "answers.txt", rest);
    let saved = dir.path().join("saved.txt");
    let mut cmd = quiz_file(&answers, &["--track", "mobile", "--save-answers"]);
    cmd.arg(&saved);
    let first = success(&mut cmd);
    let text = fs::read_to_string(&saved).unwrap();
    assert!(text.lines().any(|l| l.trim() == "track = mobile"), "the saved file holds the track:\n{text}");
    let replay = success(&mut quiz_file(&saved, &["--track", "mobile"]));
    assert_eq!(replay, first, "--track mobile + saved file");
    let replay = success(&mut quiz_file(&saved, &[]));
    assert_eq!(replay, first, "saved file alone");
}

#[test]
fn track_flag_with_a_saved_file_holding_another_track_conflicts() {
    let dir = tempdir();
    let saved = write(&dir, "saved.txt", keyed(&STAY_MOBILE));
    let stderr = failure(&mut quiz_file(&saved, &["--track", "backend"]), 65);
    assert!(stderr.contains(&format!("{}:1:", saved.display())), "{stderr}");
    assert!(stderr.contains("`track`"), "{stderr}");
    assert!(stderr.contains("--track"), "{stderr}");
}

// ---------------------------------------------------------------------------------------------
// --track.
// ---------------------------------------------------------------------------------------------

#[test]
fn track_flag_skips_the_track_question() {
    let dir = tempdir();
    let rest: String = positional(&GO_ML).lines().skip(1).map(|l| format!("{l}\n")).collect();
    assert_eq!(rest.lines().count(), 11);
    let path = write(&dir, "eleven.txt", &rest);
    let v = json(&success(&mut quiz_file(&path, &["--track", "backend", "--format", "json"])));
    assert_eq!(v["track"], "backend");
    assert_eq!(v["answers"][0]["id"], "track");
    assert_eq!(v["answers"][0]["choice"], "backend");
    let mut expected = GO_ML;
    expected[0] = "backend";
    assert_quiz_json_shape(&v, &expected, "en");

    // Same through stdin, and the text names the track in the transcript.
    let text = success_text(&mut quiz_stdin(&rest, &["--track", "backend"]));
    assert!(text.contains("Back-end"), "{text}");
}

#[test]
fn track_flag_with_twelve_plain_answers_has_one_too_many() {
    let dir = tempdir();
    // Twelve plain `1` lines: with --track the first answers `hard`, so the twelfth is one too many.
    let path = write(&dir, "twelve.txt", common::all_nth(1));
    let stderr = failure(&mut quiz_file(&path, &["--track", "backend"]), 65);
    assert!(stderr.contains(&format!("{}:12:", path.display())), "{stderr}");
}

// ---------------------------------------------------------------------------------------------
// Languages and locales.
// ---------------------------------------------------------------------------------------------

/// A quiz run with the hermetic environment plus `env` and `args` before `quiz`.
fn quiz_with_env(env: &[(&str, &str)], global: &[&str], quiz: &[&str], answers: &str) -> Vec<u8> {
    let mut cmd = common::mlcheck();
    cmd.env_remove("LANG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(["--color", "never"]).args(global).arg("quiz").args(quiz).write_stdin(answers.to_string());
    success(&mut cmd)
}

fn has_hangul(text: &str) -> bool {
    text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

#[test]
fn lang_ko_gives_korean_verdict_and_texts() {
    let text =
        String::from_utf8(quiz_with_env(&[("LANG", "en_US.UTF-8")], &["--lang", "ko"], &[], &keyed(&STAY_MOBILE)))
            .unwrap();
    assert!(text.contains("모바일을 계속하세요"), "{text}");
    assert!(text.contains("내 답변"), "Korean transcript heading: {text}");
    assert!(text.contains("믿고 있던 통념"), "{text}");
    assert!(!text.contains("Your answers") && !text.contains("Myths you believed"), "no English frame: {text}");
    assert!(!text.contains("Stay in mobile"), "{text}");

    let backend = keyed(&BELOW_THRESHOLD);
    let text = String::from_utf8(quiz_with_env(&[], &["--lang", "ko"], &["-q"], &backend)).unwrap();
    assert_eq!(text.lines().next(), Some("백엔드를 계속하세요"), "{text}");
    let text = String::from_utf8(quiz_with_env(&[], &["--lang", "ko"], &["-q"], &keyed(&GO_ML))).unwrap();
    assert_eq!(text.lines().next(), Some("머신러닝으로 가 보세요"), "{text}");
}

#[test]
fn lang_ko_json_says_ko_and_has_korean_texts() {
    let v = json(&quiz_with_env(&[], &["--lang", "ko"], &["--format", "json"], &positional(&GO_ML)));
    assert_eq!(v["lang"], "ko");
    assert_eq!(v["verdict"], "머신러닝으로 가 보세요");
    assert_eq!(v["recommendation"], "ml", "keys stay English");
    assert_eq!(v["answers"][1]["choice"], "disagree", "choice keys stay English");
    for a in v["advice"].as_array().unwrap() {
        assert!(has_hangul(a.as_str().unwrap()), "advice in Korean: {a}");
    }
    assert_quiz_json_shape(&v, &GO_ML, "ko");

    let mut cmd = common::run(&["--lang", "ko", "questions", "--format", "json"]);
    let v = json(&success(&mut cmd));
    assert_eq!(v["lang"], "ko");
    assert!(has_hangul(v["questions"][0]["prompt"].as_str().unwrap()));
}

/// The `lang` of `quiz --format json` under `env` (with LANG removed first).
fn lang_under(env: &[(&str, &str)], global: &[&str]) -> String {
    let v = json(&quiz_with_env(env, global, &["--format", "json"], &positional(&GO_ML)));
    v["lang"].as_str().unwrap().to_string()
}

#[test]
fn locale_lang_ko_gives_korean() {
    assert_eq!(lang_under(&[("LANG", "ko_KR.UTF-8")], &[]), "ko");
    let text = String::from_utf8(quiz_with_env(&[("LANG", "ko_KR.UTF-8")], &[], &["-q"], &positional(&GO_ML))).unwrap();
    assert_eq!(text.lines().next(), Some("머신러닝으로 가 보세요"), "{text}");
}

#[test]
fn locale_lc_all_overrides_lang() {
    assert_eq!(lang_under(&[("LANG", "ko_KR.UTF-8"), ("LC_ALL", "en_US.UTF-8")], &[]), "en");
    assert_eq!(lang_under(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "ko_KR.UTF-8")], &[]), "ko");
    assert_eq!(lang_under(&[("LC_MESSAGES", "en_US.UTF-8"), ("LC_ALL", "ko_KR.UTF-8")], &[]), "ko");
}

#[test]
fn locale_lc_messages_overrides_lang() {
    assert_eq!(lang_under(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "ko_KR.UTF-8")], &[]), "ko");
    assert_eq!(lang_under(&[("LANG", "ko_KR.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")], &[]), "en");
}

#[test]
fn locale_empty_or_unset_or_c_falls_back_sensibly() {
    assert_eq!(lang_under(&[("LC_ALL", ""), ("LANG", "ko_KR.UTF-8")], &[]), "ko", "empty LC_ALL is ignored");
    assert_eq!(lang_under(&[], &[]), "en", "no locale at all");
    assert_eq!(lang_under(&[("LANG", "C")], &[]), "en");
}

#[test]
fn lang_flag_overrides_the_locale() {
    assert_eq!(lang_under(&[("LANG", "ko_KR.UTF-8")], &["--lang", "en"]), "en");
    assert_eq!(lang_under(&[("LC_ALL", "ko_KR.UTF-8")], &["--lang", "en"]), "en");
    assert_eq!(lang_under(&[("LC_ALL", "en_US.UTF-8")], &["--lang", "ko"]), "ko");
    let text =
        String::from_utf8(quiz_with_env(&[("LANG", "ko_KR.UTF-8")], &["--lang", "en"], &["-q"], &positional(&GO_ML)))
            .unwrap();
    assert_eq!(text.lines().next(), Some("Go into machine learning"), "{text}");
    assert!(!has_hangul(&text), "{text}");
}

// ---------------------------------------------------------------------------------------------
// --quiet.
// ---------------------------------------------------------------------------------------------

#[test]
fn quiet_drops_the_transcript_and_starts_with_the_verdict() {
    let dir = tempdir();
    let path = write(&dir, "a.txt", positional(&STAY_MOBILE));
    let full = success_text(&mut quiz_file(&path, &[]));
    assert!(full.starts_with("Your answers"), "{full}");
    assert!(full.contains(" 1/12") && full.contains("12/12"), "{full}");
    assert!(full.contains("→ "), "{full}");
    assert!(full.contains("The article: "), "{full}");

    for flag in ["--quiet", "-q"] {
        let quiet = success_text(&mut quiz_file(&path, &[flag]));
        assert_eq!(quiet.lines().next(), Some("Stay in mobile"), "{flag}: {quiet}");
        assert!(!quiet.contains("Your answers"), "{flag}: {quiet}");
        assert!(!quiet.contains("1/12"), "{flag}: {quiet}");
        assert!(!quiet.contains("The article:"), "{flag}: {quiet}");
        assert!(!quiet.contains("→ "), "{flag}: {quiet}");
        assert!(full.ends_with(&quiet), "{flag}: the rest is unchanged");
        for heading in ["Myths you believed", "What decided it"] {
            assert!(quiet.contains(heading), "{flag}: {heading}: {quiet}");
        }
    }
}

#[test]
fn quiet_does_not_change_json() {
    let dir = tempdir();
    let path = write(&dir, "a.txt", positional(&STAY_MOBILE));
    let plain = success(&mut quiz_file(&path, &["--format", "json"]));
    let quiet = success(&mut quiz_file(&path, &["--format", "json", "--quiet"]));
    assert_eq!(quiet, plain);
}

// ---------------------------------------------------------------------------------------------
// Personas.
// ---------------------------------------------------------------------------------------------

#[test]
fn persona_agrees_with_every_myth_and_meets_no_condition_stays_in_own_track() {
    let dir = tempdir();
    for track in TRACKS {
        for myths in ["agree", "strongly-agree"] {
            let answers = persona(track, myths, &NO_CONDITIONS);
            let v = quiz_json(&dir, &answers, &[]);
            assert_eq!(v["recommendation"], track, "{track}/{myths}: {v}");
            assert_eq!(v["verdict"], stay_verdict(track));
            assert!(v["myths"].as_array().unwrap().iter().all(|m| m["believed"] == true), "{v}");
            let path = write(&dir, "persona.txt", &answers);
            let text = success_text(&mut quiz_file(&path, &["--quiet"]));
            assert_eq!(text.lines().next(), Some(stay_verdict(track)), "{text}");
        }
    }
}

#[test]
fn persona_meets_every_condition_and_believes_no_myth_goes_into_ml() {
    let dir = tempdir();
    for track in TRACKS {
        for myths in ["strongly-disagree", "disagree", "neutral"] {
            let answers = persona(track, myths, &EVERY_CONDITION);
            let v = quiz_json(&dir, &answers, &[]);
            assert_eq!(v["recommendation"], "ml", "{track}/{myths}: {v}");
            assert_eq!(v["track"], track);
            assert!(v["myths"].as_array().unwrap().iter().all(|m| m["believed"] == false), "{v}");
            let path = write(&dir, "persona.txt", &answers);
            let text = success_text(&mut quiz_file(&path, &["--quiet"]));
            assert_eq!(text.lines().next(), Some("Go into machine learning"), "{text}");
            assert!(text.contains("You believed none of the five myths."), "{text}");
        }
    }
}

#[test]
fn persona_disagrees_with_every_myth_but_lacks_mentor_data_and_will_stays() {
    let checks = [
        ("mentor", "no"),
        ("data", "no"),
        ("data-work", "no"),
        ("same-pay", "no"),
        ("colleague", "no"),
        ("enjoy-track", "no"),
    ];
    let dir = tempdir();
    for track in TRACKS {
        for myths in ["strongly-disagree", "disagree"] {
            let v = quiz_json(&dir, &persona(track, myths, &checks), &[]);
            assert_eq!(v["recommendation"], track, "{track}/{myths}: {v}");
            assert_eq!(v["verdict"], stay_verdict(track));
            assert!(v["myths"].as_array().unwrap().iter().all(|m| m["believed"] == false), "{v}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Colour.
// ---------------------------------------------------------------------------------------------

/// stdout of `mlcheck ARGS` (no forced --color) with `env` added, answers on stdin.
fn colour_run(env: &[(&str, &str)], args: &[&str]) -> Vec<u8> {
    let mut cmd = common::mlcheck();
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(args).write_stdin(positional(&GO_ML));
    success(&mut cmd)
}

#[test]
fn color_always_puts_escapes_into_a_pipe() {
    assert!(has_escape(&colour_run(&[], &["--color", "always", "quiz"])), "quiz");
    assert!(has_escape(&colour_run(&[], &["--color", "always", "questions"])), "questions");
    assert!(has_escape(&colour_run(&[], &["--color", "always", "myths"])), "myths");
}

#[test]
fn color_never_puts_no_escapes() {
    for args in [&["--color", "never", "quiz"][..], &["--color", "never", "questions"], &["--color", "never", "myths"]]
    {
        assert!(!has_escape(&colour_run(&[], args)), "{args:?}");
    }
    assert!(!has_escape(&colour_run(&[], &["--color", "never", "--lang", "ko", "quiz"])));
}

#[test]
fn color_auto_into_a_pipe_puts_no_escapes() {
    assert!(!has_escape(&colour_run(&[], &["quiz"])));
    assert!(!has_escape(&colour_run(&[], &["--color", "auto", "questions"])));
}

#[test]
fn no_color_with_auto_puts_no_escapes() {
    assert!(!has_escape(&colour_run(&[("NO_COLOR", "1")], &["quiz"])));
    assert!(!has_escape(&colour_run(&[("NO_COLOR", "1")], &["--color", "auto", "questions"])));
}

#[test]
fn no_color_with_color_always_still_colours_the_flag_wins() {
    assert!(has_escape(&colour_run(&[("NO_COLOR", "1")], &["--color", "always", "quiz"])));
    assert!(has_escape(&colour_run(&[("NO_COLOR", "1")], &["--color", "always", "questions"])));
}

#[test]
fn json_never_carries_escapes_even_with_color_always() {
    let out = colour_run(&[], &["--color", "always", "quiz", "--format", "json"]);
    assert!(!has_escape(&out), "{}", String::from_utf8_lossy(&out));
    json(&out);
    let out = colour_run(&[], &["--color", "always", "questions", "--format", "json"]);
    assert!(!has_escape(&out));
    json(&out);
}

/// stdout+stderr of `mlcheck ARGS` run inside a pseudo-terminal, read to the end.
#[cfg(unix)]
fn in_pty(env: &[(&str, &str)], args: &[&str]) -> Vec<u8> {
    let mut cmd = std::process::Command::new(bin());
    hermetic_std(&mut cmd);
    cmd.envs(env.iter().copied()).args(args);
    let mut session = expectrl::Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(None);
    match session.expect(expectrl::Eof) {
        Ok(found) => found.as_bytes().to_vec(),
        Err(e) => panic!("reading the pty: {e}"),
    }
}

#[cfg(unix)]
#[test]
fn color_auto_on_a_terminal_colours_unless_no_color() {
    let coloured = in_pty(&[], &["questions"]);
    assert!(coloured.len() > 100, "{}", String::from_utf8_lossy(&coloured));
    assert!(has_escape(&coloured), "auto on a terminal colours: {}", String::from_utf8_lossy(&coloured));
    let plain = in_pty(&[("NO_COLOR", "1")], &["questions"]);
    assert!(plain.len() > 100, "{}", String::from_utf8_lossy(&plain));
    assert!(!has_escape(&plain), "NO_COLOR: {}", String::from_utf8_lossy(&plain));
    let never = in_pty(&[], &["--color", "never", "questions"]);
    assert!(!has_escape(&never), "--color never: {}", String::from_utf8_lossy(&never));
}

// ---------------------------------------------------------------------------------------------
// The other commands.
// ---------------------------------------------------------------------------------------------

#[test]
fn questions_lists_every_id_and_numbered_choices_with_keys() {
    let text = success_text(&mut common::run(&["questions"]));
    let lines: Vec<&str> = text.lines().collect();
    for (q, (id, keys)) in BANK.iter().enumerate() {
        let header = [format!("{}/12", q + 1), id.to_string()];
        let is_header = |l: &&str| l.split_whitespace().next().is_some_and(|w| w.ends_with("/12"));
        let start = lines
            .iter()
            .position(|l| l.split_whitespace().take(2).map(str::to_string).eq(header.iter().cloned()))
            .unwrap_or_else(|| panic!("no header `{header:?}`:\n{text}"));
        let end = lines[start + 1..].iter().position(is_header).map_or(lines.len(), |e| start + 1 + e);
        let choices: Vec<(String, String)> = lines[start + 1..end]
            .iter()
            .filter_map(|l| {
                let mut words = l.split_whitespace();
                let n = words.next()?;
                let key = words.next()?;
                n.parse::<usize>().ok().map(|_| (n.to_string(), key.to_string()))
            })
            .collect();
        let expected: Vec<(String, String)> =
            keys.iter().enumerate().map(|(i, k)| ((i + 1).to_string(), k.to_string())).collect();
        assert_eq!(choices, expected, "choices of {id}:\n{}", lines[start..end].join("\n"));
    }
}

#[test]
fn myths_prints_the_five_myths() {
    let text = success_text(&mut common::run(&["myths"]));
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("Myth ") && l.contains(" of 5")).collect();
    assert_eq!(headings.len(), 5, "{text}");
    for (n, topic) in ["Seems hard", "Jobs", "Wages", "Future-proof", "Fun"].iter().enumerate() {
        let heading = format!("Myth {} of 5", n + 1);
        assert!(headings.iter().any(|h| h.starts_with(&heading) && h.contains(topic)), "{heading} · {topic}: {text}");
    }
    assert!(text.contains("Reality checks"), "{text}");
}

#[test]
fn myths_with_an_id_prints_only_that_myth() {
    let text = success_text(&mut common::run(&["myths", "fun"]));
    let headings: Vec<&str> = text.lines().filter(|l| l.contains(" of 5")).collect();
    assert_eq!(headings.len(), 1, "{text}");
    assert!(headings[0].starts_with("Myth 5 of 5") && headings[0].contains("Fun"), "{text}");
    for other in ["Seems hard", "Wages", "Future-proof"] {
        assert!(!text.contains(other), "{other}: {text}");
    }
    let hard = success_text(&mut common::run(&["myths", "hard"]));
    assert_eq!(hard.lines().filter(|l| l.contains(" of 5")).count(), 1, "{hard}");
    assert!(hard.starts_with("Myth 1 of 5"), "{hard}");
}

#[test]
fn check_says_the_builtin_bank_is_valid() {
    let text = success_text(&mut common::run(&["check"]));
    assert!(text.contains("valid: 12 questions, in en, ko"), "{text}");
    assert_eq!(text.lines().count(), 1, "{text}");

    let bank = common::builtin_bank();
    let mut cmd = common::run(&["check"]);
    cmd.arg(&bank);
    let text = success_text(&mut cmd);
    assert_eq!(text, format!("{}: valid: 12 questions, in en, ko\n", bank.display()));
}

#[test]
fn version_prints_name_and_version() {
    let text = success_text(&mut common::run(&["--version"]));
    assert_eq!(text.trim_end(), format!("mlcheck {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn completions_bash_is_a_script_for_mlcheck() {
    let text = success_text(&mut common::run(&["completions", "bash"]));
    assert!(text.contains("mlcheck"), "{text}");
    assert!(text.contains("complete"), "{text}");
    assert!(text.contains("quiz") && text.contains("--answers"), "{text}");
    for shell in ["zsh", "fish"] {
        let text = success_text(&mut common::run(&["completions", shell]));
        assert!(text.contains("mlcheck"), "{shell}: {text}");
    }
    failure(&mut common::run(&["completions", "nosuchshell"]), 2);
}

// ---------------------------------------------------------------------------------------------
// stdout going away: a closed pipe, a full disk.
// ---------------------------------------------------------------------------------------------

#[test]
fn broken_pipe_questions_into_head_is_quiet_and_exits_0() {
    let first_line = success_text(&mut common::run(&["questions"])).lines().next().unwrap().to_string();
    let mut cmd = bash(r#""$0" --color never questions | head -n 1; exit "${PIPESTATUS[0]}""#, &[]);
    let assert = cmd.assert().code(0).stderr(predicate::str::is_empty());
    assert_eq!(String::from_utf8_lossy(&assert.get_output().stdout).trim_end(), first_line);
}

#[test]
fn broken_pipe_quiz_into_head_bytes_is_quiet_and_exits_0() {
    let dir = tempdir();
    let path = write(&dir, "a.txt", positional(&GO_ML));
    let mut cmd =
        bash(r#""$0" --color never quiz --answers "$1" | head -c 10; exit "${PIPESTATUS[0]}""#, &[path.as_os_str()]);
    let assert = cmd.assert().code(0).stderr(predicate::str::is_empty());
    assert_eq!(assert.get_output().stdout.len(), 10);
}

#[test]
fn broken_pipe_other_commands_into_head_are_quiet_and_exit_0() {
    for args in ["myths", "man", "questions --format json", "--version", "--help"] {
        let script = format!(r#""$0" --color never {args} | head -c 1 >/dev/null; exit "${{PIPESTATUS[0]}}""#);
        bash(&script, &[]).assert().code(0).stderr(predicate::str::is_empty());
    }
}

/// Whether the pipe is already closed when mlcheck writes depends on timing, so a wrong
/// mlcheck may pass this now and then; `closed_stdout_pipe_is_quiet_and_exits_0_for_completions`
/// checks the same deterministically.
#[test]
fn broken_pipe_completions_into_head_is_quiet_and_exits_0() {
    let script = r#""$0" --color never completions bash | head -n 1 >/dev/null; exit "${PIPESTATUS[0]}""#;
    bash(script, &[]).assert().code(0).stderr(predicate::str::is_empty());
}

/// Runs `mlcheck ARGS` with stdout a pipe whose read end is already closed, so the first
/// write fails with EPIPE whatever the timing. Returns (exit code, stderr).
#[cfg(target_os = "linux")]
fn with_closed_stdout(args: &[&str], stdin: Option<&Path>) -> (Option<i32>, String) {
    use std::os::fd::FromRawFd;
    use std::process::Stdio;

    let mut fds = [0; 2];
    // SAFETY: pipe2 writes two new descriptors into `fds`; both are owned below.
    let rc = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    assert_eq!(rc, 0, "pipe2");
    // SAFETY: fds[0] and fds[1] are open descriptors that nothing else owns.
    let (reader, writer) = unsafe { (std::fs::File::from_raw_fd(fds[0]), std::fs::File::from_raw_fd(fds[1])) };
    drop(reader);
    let mut cmd = std::process::Command::new(bin());
    hermetic_std(&mut cmd);
    cmd.arg("--color").arg("never").args(args).stdout(Stdio::from(writer)).stderr(Stdio::piped());
    match stdin {
        Some(path) => cmd.stdin(fs::File::open(path).unwrap()),
        None => cmd.stdin(Stdio::null()),
    };
    let out = cmd.output().expect("run mlcheck");
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[cfg(target_os = "linux")]
#[test]
fn closed_stdout_pipe_is_quiet_and_exits_0_for_listing_and_quiz() {
    let dir = tempdir();
    let answers = write(&dir, "a.txt", positional(&GO_ML));
    let cases: [(&[&str], Option<&Path>); 6] = [
        (&["questions"], None),
        (&["questions", "--format", "json"], None),
        (&["myths"], None),
        (&["check"], None),
        (&["quiz"], Some(&answers)),
        (&["quiz", "--format", "json"], Some(&answers)),
    ];
    for (args, stdin) in cases {
        let (code, stderr) = with_closed_stdout(args, stdin);
        assert_eq!((code, stderr.as_str()), (Some(0), ""), "{args:?}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn closed_stdout_pipe_is_quiet_and_exits_0_for_completions() {
    let (code, stderr) = with_closed_stdout(&["completions", "bash"], None);
    assert_eq!((code, stderr.as_str()), (Some(0), ""), "completions bash");
}

#[cfg(target_os = "linux")]
#[test]
fn closed_stdout_pipe_is_quiet_and_exits_0_for_man_version_and_help() {
    for args in [&["man"][..], &["--version"], &["--help"], &["quiz", "--help"]] {
        let (code, stderr) = with_closed_stdout(args, None);
        assert_eq!((code, stderr.as_str()), (Some(0), ""), "{args:?}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn dev_full_as_stdout_exits_1_with_one_line_on_stderr() {
    let dir = tempdir();
    let answers = write(&dir, "a.txt", positional(&GO_ML));
    for script in [
        r#""$0" --color never questions > /dev/full"#,
        r#""$0" --color never myths > /dev/full"#,
        r#""$0" --color never quiz --answers "$1" > /dev/full"#,
        r#""$0" --color never quiz --format json --answers "$1" > /dev/full"#,
    ] {
        let assert = bash(script, &[answers.as_os_str()]).assert().code(1);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert_eq!(stderr.lines().count(), 1, "{script}: one line: {stderr:?}");
        assert!(stderr.starts_with("mlcheck: "), "{script}: {stderr:?}");
        assert!(!stderr.contains("internal error") && !stderr.contains("panicked"), "{script}: {stderr:?}");
    }
}

#[test]
fn command_line_errors_never_echo_raw_escape_sequences() {
    for args in [&["--lang", "\u{1b}[31mRED", "quiz"][..], &["quiz", "--track", "\u{1b}]0;title\u{7}x"][..]] {
        let out = common::run(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            !out.stderr.contains(&0x1b) && !out.stderr.contains(&0x07),
            "{args:?}: {:?}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn track_and_myth_ids_ignore_case_and_complete() {
    let text = success_text(&mut common::run(&["myths", "Wages"]));
    assert!(text.contains("Myth 3 of 5"), "{text}");
    let bash = success_text(&mut common::run(&["completions", "bash"]));
    assert!(bash.contains("frontend backend mobile"), "--track completes its keys");
    assert!(bash.contains("hard jobs wages future-proof fun"), "myths completes the ids");
}

#[test]
fn errors_speak_korean_with_lang_ko_or_a_korean_locale() {
    let mut by_flag = common::run(&["--lang", "ko", "quiz"]);
    by_flag.write_stdin("backend\nfnu = 1\n");
    let stderr = failure(&mut by_flag, 65);
    assert_eq!(stderr, "mlcheck: <stdin>:2: 질문 `fnu`: 그런 질문은 없습니다. 혹시 `fun` 질문인가요?\n");

    let mut by_locale = common::run(&["quiz", "--answers", "/nonexistent/answers.txt"]);
    by_locale.env("LANG", "ko_KR.UTF-8");
    let stderr = failure(&mut by_locale, 66);
    assert_eq!(stderr, "mlcheck: /nonexistent/answers.txt: 열 수 없습니다: 파일이나 폴더가 없습니다.\n");

    let mut english = common::run(&["--lang", "en", "quiz"]);
    english.env("LANG", "ko_KR.UTF-8").write_stdin("backend\nfnu = 1\n");
    assert!(failure(&mut english, 65).contains("there is no question `fnu`"));
}

/// A Hangul syllable right after a closing backtick: a particle guessed for an id whose
/// reading isn't known (`track` is read 트랙, which takes 은, not 는).
fn particle_after_code(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut open = false;
    for (i, &c) in chars.iter().enumerate() {
        if c == '`' {
            if open && chars.get(i + 1).is_some_and(|n| ('\u{AC00}'..='\u{D7A3}').contains(n)) {
                return Some(chars[i.saturating_sub(12)..(i + 4).min(chars.len())].iter().collect());
            }
            open = !open;
        }
    }
    None
}

#[test]
fn korean_answers_errors_put_no_particle_after_an_id() {
    let bad = |stdin: &str, args: &[&str]| {
        let mut cmd = common::run(&["--lang", "ko", "quiz"]);
        cmd.args(args).write_stdin(stdin.to_string());
        failure(&mut cmd, 65)
    };
    let messages = [
        bad("backend\nfnu = 1\n", &[]),
        bad("backend\nzzz = 1\n", &[]),
        bad("backend\n9\n", &[]),
        bad("backend\nmaybe\n", &[]),
        bad("backend\nmentor: yes\n", &[]),
        bad("track = backend\ntrack = mobile\n", &[]),
        bad("track = backend\n", &["--track", "mobile"]),
        bad("backend\n", &[]),
    ];
    for message in &messages {
        assert!(message.starts_with("mlcheck: <stdin>"), "{message}");
        assert!(!message.is_ascii(), "not in Korean: {message}");
        assert_eq!(particle_after_code(message), None, "a particle after an id in {message:?}");
    }
    assert_eq!(messages[6], "mlcheck: <stdin>:1: 질문 `track`: 이미 --track으로 답했습니다. 둘 중 하나를 지우세요.\n");
}

#[test]
fn valid_answers_are_listed_with_korean_labels_in_korean() {
    let mut cmd = common::run(&["--lang", "ko", "quiz"]);
    cmd.write_stdin("backend\n2\nmaybe\n");
    let stderr = failure(&mut cmd, 65);
    assert_eq!(
        stderr,
        "mlcheck: <stdin>:3: 질문 `mentor`: 선택지에 없는 답입니다(`maybe`). 답할 수 있는 것: \
         1번 ‘네, 멘토가 있거나 인턴십이 정해졌어요’, 2번 ‘아직 없지만 인턴십 지원 등으로 구할 수 있어요’, \
         3번 ‘잘 모르겠어요’, 4번 ‘아니요, 구할 방법도 떠오르지 않아요’ 또는 키 yes, path, unsure, no.\n"
    );
    // The answers that are missing are listed the same way.
    let mut cmd = common::run(&["quiz"]);
    cmd.env("LANG", "ko_KR.UTF-8").write_stdin("backend\n");
    let stderr = failure(&mut cmd, 65);
    assert!(
        stderr.contains(
            "`hard` 질문에 답할 수 있는 것: 1번 ‘전혀 동의하지 않음’, 2번 ‘동의하지 않음’, 3번 ‘보통’, \
         4번 ‘동의함’, 5번 ‘매우 동의함’ 또는 키 strongly-disagree, disagree, neutral, agree, strongly-agree.\n"
        ),
        "{stderr}"
    );
    // English keeps the keys, which are English words.
    let mut cmd = common::run(&["quiz"]);
    cmd.write_stdin("backend\n2\nmaybe\n");
    assert_eq!(
        failure(&mut cmd, 65),
        "mlcheck: <stdin>:3: `maybe` is not an answer to question `mentor`; answer with a number from 1 to 4 \
         or a key: yes, path, unsure, no.\n"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn output_and_save_failures_speak_korean() {
    let dir = tempdir();
    let answers = write(&dir, "a.txt", positional(&GO_ML));
    let assert = bash(r#"LANG=ko_KR.UTF-8 "$0" --color never quiz --answers "$1" > /dev/full"#, &[answers.as_os_str()])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert_eq!(stderr, "mlcheck: 결과를 출력하지 못했습니다: 디스크에 남은 공간이 없습니다.\n");

    let target = dir.path().join("missing-folder").join("saved.txt");
    let mut cmd = quiz_file(&answers, &["--quiet", "--save-answers", target.to_str().unwrap()]);
    cmd.env("LANG", "ko_KR.UTF-8");
    let out = cmd.assert().code(1).get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "mlcheck: 답변을 저장하지 못했습니다: {}: 파일이나 폴더가 없습니다.",
            target.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("mentor = yes"), "the answers are kept: {stderr}");
}

#[test]
fn a_language_the_bank_lacks_is_refused_in_that_language() {
    let bank = common::fixture("banks/english-only.toml");
    let mut cmd = common::run(&["--lang", "ko", "--questions", bank.to_str().unwrap(), "quiz"]);
    cmd.write_stdin("");
    assert_eq!(
        failure(&mut cmd, 2),
        "mlcheck: 이 질문 목록에는 `ko` 텍스트가 없습니다. 쓸 수 있는 언어: en (예: --lang en).\n"
    );
    // Under a Korean locale the English-only bank runs in English, and so do its errors.
    let mut cmd = common::run(&["--questions", bank.to_str().unwrap(), "quiz"]);
    cmd.env("LANG", "ko_KR.UTF-8").write_stdin("backend\nfnu = 1\n");
    let stderr = failure(&mut cmd, 65);
    assert!(stderr.contains("there is no question `fnu`"), "{stderr}");
}

/// The note on keeping the answers is for interactive runs only: a scripted run, which read its
/// answers from a file already, says nothing of it, in any format.
#[test]
fn scripted_runs_print_no_note_on_saving_the_answers() {
    for format in ["text", "json", "markdown"] {
        let mut cmd = common::run(&["quiz", "--format", format]);
        cmd.write_stdin(common::all_nth(1));
        let run = common::Run::of(cmd).expect(0);
        assert!(run.stderr.is_empty(), "{format}: stderr of a scripted run: {:?}", run.stderr);
    }
}

/// `margin` and `flips` in JSON hold up end to end: replaying the answers with a flip's changes
/// gives that flip's score and the other verdict, and every flip has the same number of changes.
#[test]
fn json_flips_replayed_change_the_verdict() {
    let quiz = |answers: &str| -> serde_json::Value {
        let mut cmd = common::run(&["quiz", "--format", "json"]);
        cmd.write_stdin(answers.to_string());
        serde_json::from_str(&common::Run::of(cmd).expect(0).stdout).unwrap()
    };
    let keyed = |answers: &serde_json::Value| -> Vec<(String, String)> {
        answers
            .as_array()
            .unwrap()
            .iter()
            .map(|a| (a["id"].as_str().unwrap().to_string(), a["choice"].as_str().unwrap().to_string()))
            .collect()
    };
    let mixed = "backend\ndisagree\nno\nagree\nunsure\nneutral\nno\ndisagree\nyes\nstrongly-agree\nno\nyes\n";
    for answers in [common::all_nth(1), common::all_nth(2), mixed.to_string()] {
        let result = quiz(&answers);
        let score = result["score"].as_i64().unwrap();
        let threshold = result["threshold"].as_i64().unwrap();
        assert_eq!(result["margin"].as_i64().unwrap(), score - threshold);
        let flips = result["flips"].as_array().unwrap();
        assert!(!flips.is_empty() && flips.len() <= 3, "{result}");
        let size = flips[0]["changes"].as_array().unwrap().len();
        for flip in flips {
            let changes = flip["changes"].as_array().unwrap();
            assert_eq!(changes.len(), size, "every flip has the smallest size: {flip}");
            let mut answers = keyed(&result["answers"]);
            for change in changes {
                let id = change["id"].as_str().unwrap();
                assert_ne!(id, "track");
                let slot = answers.iter_mut().find(|(q, _)| q == id).unwrap();
                assert_eq!(slot.1, change["from"].as_str().unwrap());
                slot.1 = change["to"].as_str().unwrap().to_string();
            }
            let text: String = answers.iter().map(|(q, c)| format!("{q} = {c}\n")).collect();
            let replayed = quiz(&text);
            assert_eq!(replayed["score"], flip["score"], "{flip}");
            assert_ne!(replayed["recommendation"], result["recommendation"], "{flip} did not flip");
            let deltas: i64 = changes.iter().map(|c| c["delta"].as_i64().unwrap()).sum();
            assert_eq!(score + deltas, flip["score"].as_i64().unwrap());
        }
    }
}
