//! Shared question banks: `mlcheck check [FILE]` and `--questions FILE`.
//!
//! Every fixture under tests/fixtures/banks is a copy of questions.toml with one defect
//! (or, for several-problems.toml, three), marked by a `# DEFECT` comment on the line the
//! problem must be reported at. The expected line is found from that marker, never
//! hard-coded, so editing a fixture keeps its test honest.

mod common;

use common::{line_with, lines_with, Run};

use std::path::{Path, PathBuf};

fn banks_dir() -> PathBuf {
    common::fixture("banks")
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `mlcheck --color never ARGS` run from `dir`, so file names in messages are as given.
fn run_in(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = common::run(args);
    cmd.current_dir(dir);
    Run::of(cmd)
}

/// Same, with `stdin` as standard input.
fn run_with_stdin(dir: &Path, args: &[&str], stdin: &str) -> Run {
    let mut cmd = common::run(args);
    cmd.current_dir(dir).write_stdin(stdin);
    Run::of(cmd)
}

fn bank_text(name: &str) -> String {
    std::fs::read_to_string(banks_dir().join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

fn column_of(text: &str, line: usize, needle: &str) -> usize {
    let l = text.lines().nth(line - 1).unwrap();
    let byte = l.find(needle).unwrap_or_else(|| panic!("line {line} has no {needle:?}: {l}"));
    l[..byte].chars().count() + 1
}

/// One `FILE:LINE:COLUMN: message` line.
#[derive(Debug)]
struct Problem {
    line: usize,
    column: usize,
    message: String,
}

/// The `NAME:LINE:COLUMN: message` lines of `output`, warnings included.
fn diagnostics(output: &str, name: &str) -> Vec<Problem> {
    let prefix = format!("{name}:");
    output
        .lines()
        .filter_map(|l| {
            let rest = l.strip_prefix(&prefix)?;
            let mut parts = rest.splitn(3, ':');
            let line = parts.next()?.parse().ok()?;
            let column = parts.next()?.parse().ok()?;
            let message = parts.next()?.strip_prefix(' ')?.to_string();
            Some(Problem { line, column, message })
        })
        .collect()
}

/// The `NAME:LINE:COLUMN: message` problem lines of `output`.
fn problems(output: &str, name: &str) -> Vec<Problem> {
    diagnostics(output, name).into_iter().filter(|p| !p.message.starts_with("warning: ")).collect()
}

/// The `NAME:LINE:COLUMN: warning: message` lines of `output`, `warning: ` removed.
fn warnings(output: &str, name: &str) -> Vec<Problem> {
    diagnostics(output, name)
        .into_iter()
        .filter_map(|p| Some(Problem { message: p.message.strip_prefix("warning: ")?.to_string(), ..p }))
        .collect()
}

/// Asserts the summary line `NAME: N problem(s) found` is there, with `n` matching the listed lines.
fn assert_summary(run: &Run, name: &str, n: usize) {
    let listed = problems(&run.stderr, name).len();
    assert_eq!(listed, n, "{n} problem line(s) expected on stderr:\n{}", run.stderr);
    let want = format!("{name}: {n} problem{} found", if n == 1 { "" } else { "s" });
    assert!(run.stderr.lines().any(|l| l == want), "summary `{want}` missing from stderr:\n{}", run.stderr);
}

/// Asserts some problem is reported at `line` (and `column`, if given) with every one of `words` in its message.
fn assert_problem(run: &Run, name: &str, line: usize, column: Option<usize>, words: &[&str]) {
    let all = problems(&run.stderr, name);
    let found = all.iter().any(|p| {
        p.line == line
            && column.is_none_or(|c| c == p.column)
            && words.iter().all(|w| p.message.to_lowercase().contains(&w.to_lowercase()))
    });
    assert!(
        found,
        "expected a problem at {name}:{line}{} mentioning {words:?}; got:\n{}",
        column.map(|c| format!(":{c}")).unwrap_or_default(),
        run.stderr
    );
}

/// `mlcheck check NAME` from the fixtures folder: exit 65 and nothing on stdout.
fn check_fixture(name: &str) -> Run {
    let run = run_in(&banks_dir(), &["check", name]).expect(65);
    assert!(run.stdout.is_empty(), "a failed check prints nothing on stdout: {}", run.stdout);
    run.assert_no_raw_controls();
    run
}

/// Checks a one-defect fixture: one problem, at the `# DEFECT` line (and `column` if
/// given, computed from the text), mentioning `words`, and the summary.
fn one_defect(name: &str, column_at: Option<&str>, words: &[&str]) -> Run {
    let text = bank_text(name);
    let line = line_with(&text, "# DEFECT");
    let column = column_at.map(|needle| column_of(&text, line, needle));
    let run = check_fixture(name);
    assert_problem(&run, name, line, column, words);
    assert_summary(&run, name, 1);
    run
}

// ---------------------------------------------------------------------------------------
// One fixture per kind of problem.

#[test]
fn digit_choice_key_is_refused() {
    // A key "0" would be confused with choice numbers: answering `1` picks the first choice,
    // whatever its key, and a saved `same-pay = 0` would replay as "no choice 0".
    let text = bank_text("digit-choice-key.toml");
    let line = line_with(&text, "# DEFECT");
    assert!(text.lines().nth(line - 1).unwrap().contains("key = \"0\""), "the fixture's marker moved");
    one_defect("digit-choice-key.toml", Some("\"0\""), &["same-pay", "`0`", "must start with a lowercase letter"]);
}

#[test]
fn toml_syntax_error() {
    one_defect("syntax-error.toml", None, &["TOML"]);
}

#[test]
fn duplicate_question_id() {
    // The message says where the first question with that id is.
    let ids = lines_with(&bank_text("duplicate-id.toml"), "id = \"colleague\"");
    assert_eq!(ids.len(), 2, "the fixture has the id twice");
    let first = format!("line {}", ids[0]);
    one_defect("duplicate-id.toml", Some("\"colleague\""), &["duplicate", "colleague", &first]);
}

#[test]
fn duplicate_choice_key() {
    let text = bank_text("duplicate-choice-key.toml");
    let line = line_with(&text, "# DEFECT");
    assert!(text.lines().nth(line - 1).unwrap().contains("key = \"yes\""), "the fixture's marker moved");
    // The first `yes` of the same question: the last one above the defect.
    let first = lines_with(&text, "key = \"yes\"").into_iter().filter(|&l| l < line).max().unwrap();
    let first = format!("line {first}");
    one_defect("duplicate-choice-key.toml", Some("\"yes\""), &["duplicate", "yes", "data-work", &first]);
}

#[test]
fn missing_myth() {
    let name = "missing-myth.toml";
    let text = bank_text(name);
    assert!(!text.contains("id = \"wages\""), "the fixture must lack the wages question");
    let run = check_fixture(name);
    assert_summary(&run, name, 1);
    let p = &problems(&run.stderr, name)[0];
    assert!(p.message.contains("wages"), "the problem names the missing myth: {}", p.message);
    // Nothing to point at but the questions: the report must land on a `[[questions]]` header.
    let headers = lines_with(&text, "[[questions]]");
    assert!(headers.contains(&p.line), "line {} is not a [[questions]] header ({headers:?})", p.line);
}

#[test]
fn missing_translation() {
    one_defect("missing-translation.toml", Some("{ en = \"Wages\""), &["ko", "wages", "topic"]);
}

#[test]
fn unknown_field() {
    one_defect("unknown-field.toml", Some("sumary"), &["sumary"]);
}

#[test]
fn wrong_kind() {
    // One defect, one problem: the question with a bad kind must not also be reported as
    // missing wherever it is referenced (the advice `when = { question = "same-pay" ... }`).
    one_defect("wrong-kind.toml", Some("\"chek\""), &["kind", "chek", "same-pay"]);
}

#[test]
fn myth_weights_not_strictly_decreasing() {
    one_defect("weights-not-decreasing.toml", Some("["), &["weights", "jobs"]);
}

#[test]
fn agreeing_weight_above_zero() {
    // Points at the offending weight: the fourth, "agree", which is 2.
    one_defect("agreeing-weight-positive.toml", Some("2, 1]"), &["fun", "agree"]);
}

#[test]
fn unreachable_threshold() {
    one_defect("threshold-unreachable.toml", Some("999"), &["999", "unreachable"]);
}

#[test]
fn always_reached_threshold() {
    let name = "threshold-always-reached.toml";
    let text = bank_text(name);
    let line = line_with(&text, "# DEFECT");
    let run = check_fixture(name);
    assert_problem(&run, name, line, Some(column_of(&text, line, "-26")), &["-26", "always"]);
    // It is also reached by the myths alone; both are true, both may be said, nothing else.
    let all = problems(&run.stderr, name);
    assert!(all.iter().all(|p| p.line == line), "every problem is about the threshold line:\n{}", run.stderr);
    assert_summary(&run, name, all.len());
}

#[test]
fn threshold_reachable_by_myths_alone() {
    one_defect("threshold-myths-alone.toml", Some("10"), &["myths"]);
}

#[test]
fn escape_sequence_in_a_prompt() {
    let name = "escape-sequence.toml";
    let text = bank_text(name);
    assert!(text.contains("\\u001b[31m") && !text.contains('\u{1b}'), "the fixture holds the TOML escape only");
    let run = one_defect(name, Some("\"Machine learning pays"), &["wages", "prompt", "U+001B"]);
    run.assert_no_raw_controls();
    // Loading it for a command refuses it the same way, without letting ESC through.
    for cmd in [&["quiz"][..], &["questions"], &["myths"]] {
        let mut args = vec!["--questions", name];
        args.extend_from_slice(cmd);
        let run = run_with_stdin(&banks_dir(), &args, &common::all_nth(1)).expect(65);
        run.assert_no_raw_controls();
        assert!(run.stdout.is_empty(), "{cmd:?} printed from an invalid bank: {}", run.stdout);
        assert_summary(&run, name, 1);
    }
}

#[test]
fn bidi_override_in_a_topic() {
    let name = "bidi-override.toml";
    let run = one_defect(name, Some("\"Data \\u202E"), &["data-work", "U+202E"]);
    run.assert_absent('\u{202E}');
}

#[test]
fn raw_c1_control_in_a_text() {
    // U+009B (CSI) is legal in a TOML string, so only mlcheck's own check can stop it.
    let dir = tempfile::tempdir().unwrap();
    let text = bank_text("escape-sequence.toml").replace("\\u001b[31m", "\u{9b}31m").replace("\\u001b[0m", "");
    std::fs::write(dir.path().join("c1.toml"), &text).unwrap();
    let line = line_with(&text, "# DEFECT");
    let run = run_in(dir.path(), &["check", "c1.toml"]).expect(65);
    assert_problem(&run, "c1.toml", line, Some(column_of(&text, line, "\"Machine")), &["U+009B"]);
    assert_summary(&run, "c1.toml", 1);
    run.assert_absent('\u{9b}');
}

#[test]
fn unknown_language_in_a_text() {
    let name = "unknown-language.toml";
    let text = bank_text(name);
    let line = line_with(&text, "# DEFECT");
    let run = check_fixture(name);
    // The key `fr` or its value: either is the right spot.
    let (key, value) = (column_of(&text, line, "fr ="), column_of(&text, line, "\"Mentor\" }"));
    let p = problems(&run.stderr, name);
    assert!(
        p.iter().any(|p| p.line == line && (p.column == key || p.column == value) && p.message.contains("fr")),
        "expected a problem at {name}:{line}:{key} or :{value} naming `fr`:\n{}",
        run.stderr
    );
    assert_summary(&run, name, 1);
}

#[test]
fn advice_naming_a_missing_question() {
    // Nothing close enough to guess: the message lists the questions there are.
    let run =
        one_defect("advice-missing-question.toml", Some("\"same-salary\""), &["same-salary", "the questions are"]);
    for (id, _) in common::bank_questions() {
        assert!(run.stderr.contains(&id), "the list names `{id}`:\n{}", run.stderr);
    }
}

#[test]
fn advice_naming_a_question_with_a_typo_gets_a_guess() {
    one_defect("advice-question-typo.toml", Some("\"colleage\""), &["`colleage`", "did you mean `colleague`?"]);
}

#[test]
fn advice_naming_a_missing_choice_lists_the_choices() {
    one_defect(
        "advice-unknown-choice.toml",
        Some("\"nope\""),
        &["same-pay", "`nope`", "did you mean `no`?", "its choices are: yes, unsure, no"],
    );
}

#[test]
fn empty_languages_says_what_was_written_and_what_is_allowed() {
    let run = one_defect("languages-empty.toml", Some("[]"), &["`languages = []`", "[\"en\"]", "[\"ko\"]"]);
    // No follow-up about "the bank's languages (en)": nothing was listed, nothing is assumed.
    assert!(warnings(&run.stderr, "languages-empty.toml").is_empty(), "{}", run.stderr);
    assert!(!run.stderr.contains("(en)"), "{}", run.stderr);
}

#[test]
fn uppercase_language_codes_get_a_guess_and_count_as_fixed() {
    let name = "languages-uppercase.toml";
    let text = bank_text(name);
    let line = line_with(&text, "# DEFECT");
    let run = check_fixture(name);
    for (code, guess) in [("EN", "en"), ("KO", "ko")] {
        let column = column_of(&text, line, &format!("\"{code}\""));
        let words = ["`languages = [\"EN\", \"KO\"]`", &format!("`{code}`"), &format!("did you mean `{guess}`?")];
        assert_problem(&run, name, line, Some(column), &words);
    }
    // Read as `["en", "ko"]`, the rest of the bank is fine: nothing else is reported.
    assert_summary(&run, name, 2);
    assert!(warnings(&run.stderr, name).is_empty(), "{}", run.stderr);
}

#[test]
fn texts_in_an_unlisted_language_are_ignored_with_one_warning() {
    // A copy of the shipped bank cut to English by its `languages` line alone.
    let name = "unlisted-language.toml";
    let text = bank_text(name);
    let shipped = std::fs::read_to_string(common::builtin_bank()).unwrap();
    let changed: Vec<_> = shipped.lines().zip(text.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed.len(), 1, "one line differs from questions.toml: {changed:?}");
    assert_eq!(shipped.lines().count(), text.lines().count());
    assert!(changed[0].1.starts_with("languages = [\"en\"]"), "{changed:?}");

    let run = run_in(&banks_dir(), &["check", name]).expect(0);
    assert_eq!(run.stdout, format!("{name}: valid: 12 questions, in en\n"));
    // One warning, at the first Korean text, with how many there are; nothing else.
    let korean = text.matches("ko = \"").count();
    assert!(korean > 50, "the fixture keeps its Korean texts");
    let first = lines_with(&text, "ko = \"")[0];
    let found = warnings(&run.stderr, name);
    assert_eq!(run.stderr.lines().count(), 1, "one line on stderr:\n{}", run.stderr);
    assert_eq!(found.len(), 1, "{}", run.stderr);
    assert_eq!((found[0].line, found[0].column), (first, column_of(&text, first, "ko = \"") + 5), "{}", run.stderr);
    for words in [&format!("{korean} texts in `ko`"), "ignored", "`languages = [\"en\"]`", "add \"ko\""] {
        assert!(found[0].message.contains(words), "the warning says {words:?}: {}", found[0].message);
    }

    // The quiz ignores them: English as from the built-in bank, no Korean, no warning.
    let dir = manifest_dir();
    let fixture = banks_dir().join(name);
    let fixture = fixture.to_str().unwrap();
    for args in [&["quiz"][..], &["quiz", "--format", "json"]] {
        let built_in = run_with_stdin(&dir, args, &common::all_nth(2)).expect(0);
        let mut with_file = vec!["--questions", fixture];
        with_file.extend_from_slice(args);
        let custom = run_with_stdin(&dir, &with_file, &common::all_nth(2)).expect(0);
        assert_eq!(custom.stdout, built_in.stdout, "{args:?}");
        assert!(custom.stderr.is_empty(), "{args:?}: {}", custom.stderr);
    }
    let run = run_in(&dir, &["--questions", fixture, "--lang", "ko", "questions"]).expect(2);
    assert!(run.stderr.contains("`ko`") && run.stderr.contains("--lang en"), "{}", run.stderr);
}

#[test]
fn a_problem_and_an_unlisted_language_report_both() {
    // Cut to English with a typo on the way: the warning is still said, beside the problem,
    // and not counted as one.
    let dir = tempfile::tempdir().unwrap();
    let text = bank_text("unlisted-language.toml").replacen("summary = ", "sumary = ", 1);
    std::fs::write(dir.path().join("both.toml"), &text).unwrap();
    let run = run_in(dir.path(), &["check", "both.toml"]).expect(65);
    assert_eq!(warnings(&run.stderr, "both.toml").len(), 1, "{}", run.stderr);
    assert_problem(&run, "both.toml", line_with(&text, "sumary = "), Some(1), &["did you mean `summary`?"]);
    assert_summary(&run, "both.toml", 1);
}

#[test]
fn a_text_in_an_unknown_language_is_still_an_error() {
    // `kr` is no language mlcheck knows: ignoring it would lose texts silently.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::builtin_bank()).unwrap().replace(", ko = \"", ", kr = \"");
    std::fs::write(dir.path().join("kr.toml"), &text).unwrap();
    let run = run_in(dir.path(), &["check", "kr.toml"]).expect(65);
    let first = lines_with(&text, "kr = \"")[0];
    let count = text.matches("kr = \"").count();
    let more = format!("and {} more texts", count - 1);
    assert_problem(&run, "kr.toml", first, None, &["unknown language `kr`", &more, "did you mean `ko`?"]);
    // Said once, and read as `ko`: no text is also reported as lacking its Korean.
    assert_summary(&run, "kr.toml", 1);
}

#[test]
fn results_missing_a_track() {
    let name = "results-missing-track.toml";
    let text = bank_text(name);
    assert!(!text.contains("[results.mobile]"), "the fixture must lack [results.mobile]");
    let run = check_fixture(name);
    assert_summary(&run, name, 1);
    let p = &problems(&run.stderr, name)[0];
    assert!(p.message.contains("mobile"), "the problem names the missing result: {}", p.message);
    let results = lines_with(&text, "[results.");
    assert!(results.contains(&p.line), "line {} is not a [results.*] header ({results:?})", p.line);
}

#[test]
fn several_problems_are_all_reported_and_counted() {
    let name = "several-problems.toml";
    let text = bank_text(name);
    let marked = lines_with(&text, "# DEFECT");
    assert_eq!(marked.len(), 3, "the fixture has three defects");
    let run = check_fixture(name);
    let found = problems(&run.stderr, name);
    for (line, words) in marked.iter().zip([&["jobs", "kind"][..], &["wages", "ko"], &["duplicate", "colleague"]]) {
        assert_problem(&run, name, *line, None, words);
    }
    // In file order, each on its own line, and nothing about what is not wrong (the `jobs`
    // question is there, with a bad kind: it is not a missing myth).
    let lines: Vec<usize> = found.iter().map(|p| p.line).collect();
    assert_eq!(lines, marked, "one problem per defect, in file order:\n{}", run.stderr);
    assert_summary(&run, name, 3);
}

#[test]
fn syntax_error_line_with_raw_escape_bytes_is_not_echoed() {
    // TOML refuses raw control characters anywhere; its own error display would repeat the
    // line, ESC included. mlcheck must report the position without the raw byte.
    let shipped = std::fs::read_to_string(common::builtin_bank()).unwrap();
    let cases = [
        ("comment", "threshold = 12 # \u{1b}[31mred\u{1b}[0m"),
        ("bare-key", "thres\u{1b}[2Jhold = 12"),
        ("quoted-key", "\"thres\u{1b}[2Jhold\" = 12"),
        ("string", "threshold = \"\u{1b}[31m12\""),
        ("del", "threshold = 12 # \u{7f}"),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (what, line_text) in cases {
        let text = shipped.replacen("threshold = 12\n", &format!("{line_text}\n"), 1);
        assert_ne!(text, shipped);
        let name = format!("{what}.toml");
        std::fs::write(dir.path().join(&name), &text).unwrap();
        let line = line_with(&text, line_text);
        for args in [vec!["check", name.as_str()], vec!["--questions", name.as_str(), "questions"]] {
            let run = run_in(dir.path(), &args).expect(65);
            run.assert_no_raw_controls();
            assert!(
                problems(&run.stderr, &name).iter().any(|p| p.line == line),
                "{what}: no problem reported on line {line}:\n{}",
                run.stderr
            );
        }
    }
}

#[test]
fn escaped_control_in_an_unknown_key_is_escaped_in_the_message() {
    // `"\u001b[2J" = 1` is valid TOML; the unknown-field message quotes the key.
    let shipped = std::fs::read_to_string(common::builtin_bank()).unwrap();
    let text = shipped.replacen("threshold = 12\n", "threshold = 12\n\"\\u001b[2Jx\" = 1\n", 1);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("key.toml"), &text).unwrap();
    let run = run_in(dir.path(), &["check", "key.toml"]).expect(65);
    run.assert_no_raw_controls();
    assert_problem(&run, "key.toml", line_with(&text, "[2Jx"), None, &[]);
    assert_summary(&run, "key.toml", 1);
}

// ---------------------------------------------------------------------------------------
// The shipped bank and valid custom banks.

#[test]
fn shipped_bank_is_valid() {
    let run = run_in(&manifest_dir(), &["check", "questions.toml"]).expect(0);
    assert_eq!(run.stdout, "questions.toml: valid: 12 questions, in en, ko\n");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn check_without_a_file_checks_the_built_in_bank() {
    let run = run_in(&banks_dir(), &["check"]).expect(0);
    assert!(run.stdout.contains(": valid: 12 questions, in en, ko"), "{}", run.stdout);
}

#[test]
fn check_uses_the_questions_option_without_a_file() {
    let name = "duplicate-id.toml";
    let run = run_in(&banks_dir(), &["--questions", name, "check"]).expect(65);
    assert_summary(&run, name, 1);
    let run = run_in(&manifest_dir(), &["--questions", "questions.toml", "check"]).expect(0);
    assert_eq!(run.stdout, "questions.toml: valid: 12 questions, in en, ko\n");
}

#[test]
fn shipped_bank_from_a_file_works_like_the_built_in_one() {
    let dir = manifest_dir();
    let answer_sets =
        [common::all_nth(1), common::all_nth(2), "mobile\n5\n3\n4\n2\n1\n1\n3\nno\n2\nsomewhat\n3\n".into()];
    for answers in &answer_sets {
        for format in [&["--format", "text"][..], &["--format", "json"], &["--quiet"]] {
            let mut args = vec!["quiz"];
            args.extend_from_slice(format);
            let built_in = run_with_stdin(&dir, &args, answers).expect(0);
            let mut with_file = vec!["--questions", "questions.toml"];
            with_file.extend_from_slice(&args);
            let from_file = run_with_stdin(&dir, &with_file, answers).expect(0);
            assert!(!built_in.stdout.is_empty());
            assert_eq!(from_file.stdout, built_in.stdout, "{format:?} differs for answers {answers:?}");
        }
    }
    for args in [&["questions"][..], &["questions", "--format", "json"], &["myths"], &["myths", "wages"]] {
        let built_in = run_in(&dir, args).expect(0);
        let mut with_file = vec!["--questions", "questions.toml"];
        with_file.extend_from_slice(args);
        assert_eq!(run_in(&dir, &with_file).expect(0).stdout, built_in.stdout, "{args:?} differs");
    }
}

#[test]
fn english_only_bank_is_valid_and_answers_in_english() {
    let dir = banks_dir();
    let name = "english-only.toml";
    assert!(!bank_text(name).contains("ko ="), "the fixture has no Korean texts");
    let run = run_in(&dir, &["check", name]).expect(0);
    assert_eq!(run.stdout, format!("{name}: valid: 12 questions, in en\n"));

    let run = run_with_stdin(&dir, &["--questions", name, "--lang", "en", "quiz"], &common::all_nth(1)).expect(0);
    assert!(run.stdout.contains("Zorblax"), "the transcript shows the file's prompts:\n{}", run.stdout);
    let run =
        run_with_stdin(&dir, &["--questions", name, "--lang", "en", "quiz", "--format", "json"], &common::all_nth(2))
            .expect(0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["lang"], "en");
}

#[test]
fn english_only_bank_refuses_korean_naming_its_languages() {
    let dir = banks_dir();
    let name = "english-only.toml";
    for cmd in [&["quiz"][..], &["questions"], &["myths"]] {
        let mut args = vec!["--questions", name, "--lang", "ko"];
        args.extend_from_slice(cmd);
        let run = run_with_stdin(&dir, &args, &common::all_nth(1)).expect(2);
        assert!(run.stdout.is_empty(), "{cmd:?}: {}", run.stdout);
        let words: Vec<&str> = run.stderr.split(|c: char| !c.is_alphanumeric()).collect();
        assert!(words.contains(&"ko") && words.contains(&"en"), "{cmd:?}: names ko and en:\n{}", run.stderr);
    }
}

#[test]
fn english_only_bank_falls_back_to_english_from_a_korean_locale() {
    let mut cmd = common::run(&["--questions", "english-only.toml", "myths", "hard"]);
    cmd.current_dir(banks_dir()).env("LANG", "ko_KR.UTF-8");
    let run = Run::of(cmd).expect(0);
    assert!(run.stdout.contains("Zorblax"), "{}", run.stdout);
}

#[test]
fn questions_option_applies_to_questions_myths_and_quiz() {
    let dir = banks_dir();
    let name = "english-only.toml";
    let stdin = common::all_nth(1);
    let cases: [&[&str]; 5] =
        [&["questions"], &["questions", "--format", "json"], &["myths"], &["myths", "hard"], &["quiz"]];
    for cmd in cases {
        let mut args = vec!["--questions", name];
        args.extend_from_slice(cmd);
        let custom = run_with_stdin(&dir, &args, &stdin).expect(0);
        assert!(custom.stdout.contains("Zorblax"), "{cmd:?} ignores --questions:\n{}", custom.stdout);
        let built_in = run_with_stdin(&dir, cmd, &stdin).expect(0);
        assert!(!built_in.stdout.contains("Zorblax"), "{cmd:?}: the built-in bank has no Zorblax");
    }
}

#[test]
fn questions_option_with_an_invalid_bank_fails_every_command() {
    let dir = banks_dir();
    let name = "missing-translation.toml";
    let line = line_with(&bank_text(name), "# DEFECT");
    for cmd in [&["quiz"][..], &["questions"], &["myths"], &["check"]] {
        let mut args = vec!["--questions", name];
        args.extend_from_slice(cmd);
        let run = run_with_stdin(&dir, &args, &common::all_nth(1)).expect(65);
        assert!(run.stdout.is_empty(), "{cmd:?}: {}", run.stdout);
        assert_problem(&run, name, line, None, &["ko"]);
        assert_summary(&run, name, 1);
    }
}

#[test]
fn check_file_argument_wins_over_the_questions_option() {
    let dir = banks_dir();
    let run = run_in(&dir, &["--questions", "english-only.toml", "check", "duplicate-id.toml"]).expect(65);
    assert_summary(&run, "duplicate-id.toml", 1);
}

#[test]
fn every_fixture_bank_fails_the_check_except_the_valid_one() {
    // Guards the fixtures themselves: a defect fixture that became valid tests nothing.
    for entry in std::fs::read_dir(banks_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let want = if ["english-only.toml", "unlisted-language.toml"].contains(&name.as_str()) { 0 } else { 65 };
        run_in(&banks_dir(), &["check", &name]).expect(want);
    }
}

// ---------------------------------------------------------------------------------------
// `check -` and several banks in one run.

#[test]
fn check_reads_a_bank_from_stdin() {
    let shipped = std::fs::read_to_string(common::builtin_bank()).unwrap();
    let run = run_with_stdin(&manifest_dir(), &["check", "-"], &shipped).expect(0);
    assert_eq!(run.stdout, "<stdin>: valid: 12 questions, in en, ko\n");
    assert!(run.stderr.is_empty(), "{}", run.stderr);

    let text = bank_text("duplicate-id.toml");
    let run = run_with_stdin(&banks_dir(), &["check", "-"], &text).expect(65);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert_problem(&run, "<stdin>", line_with(&text, "# DEFECT"), None, &["duplicate", "colleague"]);
    assert_summary(&run, "<stdin>", 1);
}

#[test]
fn check_several_banks_reports_each_and_exits_with_the_worst() {
    let dir = banks_dir();
    // Valid ones only: one line each on stdout, in order, exit 0.
    let run = run_in(&dir, &["check", "english-only.toml", "../../../questions.toml"]).expect(0);
    assert_eq!(
        run.stdout,
        "english-only.toml: valid: 12 questions, in en\n../../../questions.toml: valid: 12 questions, in en, ko\n"
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);

    // A valid and an invalid one, the bank from stdin among them: 65, each reported.
    let stdin = bank_text("english-only.toml");
    let run = run_with_stdin(&dir, &["check", "duplicate-id.toml", "-", "wrong-kind.toml"], &stdin).expect(65);
    assert_eq!(run.stdout, "<stdin>: valid: 12 questions, in en\n");
    assert_summary(&run, "duplicate-id.toml", 1);
    assert_summary(&run, "wrong-kind.toml", 1);
    let at = |needle: &str| run.stderr.find(needle).unwrap_or_else(|| panic!("{needle:?} missing:\n{}", run.stderr));
    assert!(at("duplicate-id.toml: 1 problem found") < at("wrong-kind.toml:"), "in order:\n{}", run.stderr);

    // One that can't be opened outranks one that is invalid: 66, and the rest still checked.
    let run = run_in(&dir, &["check", "duplicate-id.toml", "no-such-bank.toml", "english-only.toml"]).expect(66);
    assert_eq!(run.stdout, "english-only.toml: valid: 12 questions, in en\n");
    assert_summary(&run, "duplicate-id.toml", 1);
    assert!(
        run.stderr.lines().any(|l| l == "mlcheck: no-such-bank.toml: cannot open: no such file or directory."),
        "{}",
        run.stderr
    );
    let run = run_in(&dir, &["check", "no-such-bank.toml", "duplicate-id.toml"]).expect(66);
    assert_summary(&run, "duplicate-id.toml", 1);
}

#[test]
fn check_refuses_stdin_twice() {
    let run = run_with_stdin(&banks_dir(), &["check", "-", "-"], "").expect(2);
    assert!(run.stderr.starts_with("mlcheck: ") && run.stderr.contains("stdin"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn readme_sample_of_the_language_warning_is_what_check_prints() {
    let readme = include_str!("../README.md");
    let marker = "$ mlcheck check mine.toml\n";
    let start = readme.find(marker).expect("README shows the warning") + marker.len();
    let sample: Vec<&str> = readme[start..].lines().take(2).collect();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.toml"), bank_text("unlisted-language.toml")).unwrap();
    let run = run_in(dir.path(), &["check", "mine.toml"]).expect(0);
    assert_eq!(sample, [run.stderr.trim_end(), run.stdout.trim_end()], "README's sample differs from the output");
}
