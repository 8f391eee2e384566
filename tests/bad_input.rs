//! Bad input: answers files (`quiz --answers FILE`) and question banks (`--questions FILE`,
//! `check FILE`) that are empty, not text, too large, endless, missing or a folder; odd
//! answers; and `--save-answers` failing or replacing a file.
//!
//! Small inputs live in tests/fixtures/answers; big or binary ones are written at test time
//! into a temporary folder, which is also where every command runs, so that file names in
//! messages are exactly as given.

mod common;

use common::{line_with, Run};

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

const MIB: usize = 1024 * 1024;
const ANSWERS_LIMIT: usize = MIB;
const BANK_LIMIT: usize = 4 * MIB;
/// Only a guard against a hang (a run that reads /dev/zero forever); no test asserts speed.
const HANG_GUARD: Duration = Duration::from_secs(60);

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = common::run(args);
    cmd.current_dir(dir).timeout(HANG_GUARD);
    Run::of(cmd)
}

/// A temporary folder holding copies of the named fixtures of tests/fixtures/answers.
fn workdir(fixtures: &[&str]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in fixtures {
        fs::copy(answers_fixture(name), dir.path().join(name)).unwrap();
    }
    dir
}

fn answers_fixture(name: &str) -> PathBuf {
    common::fixture("answers").join(name)
}

fn read_fixture(name: &str) -> String {
    fs::read_to_string(answers_fixture(name)).unwrap()
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout))
}

/// `quiz --answers NAME --format json` in `dir`, which must succeed.
fn quiz_json(dir: &Path, name: &str) -> serde_json::Value {
    json(&run_in(dir, &["quiz", "--answers", name, "--format", "json"]).expect(0))
}

fn ids() -> Vec<String> {
    common::bank_questions().into_iter().map(|(id, _)| id).collect()
}

/// Writes `size` bytes: `head`, then `fill` repeated, without holding it all in memory twice.
fn write_big(path: &Path, head: &[u8], fill: u8, size: usize) {
    let mut file = std::io::BufWriter::new(fs::File::create(path).unwrap());
    file.write_all(head).unwrap();
    let chunk = vec![fill; MIB];
    let mut left = size - head.len();
    while left > 0 {
        let n = left.min(chunk.len());
        file.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    file.flush().unwrap();
}

/// `text` padded with `#` comment lines to exactly `size` bytes.
fn padded(text: &str, size: usize) -> Vec<u8> {
    let mut out = text.as_bytes().to_vec();
    assert!(out.ends_with(b"\n") && out.len() + 2 <= size);
    while out.len() < size {
        let room = size - out.len();
        let line = room.min(100);
        out.push(b'#');
        out.extend(std::iter::repeat_n(b'x', line.saturating_sub(2)));
        if line >= 2 {
            out.push(b'\n');
        }
    }
    assert_eq!(out.len(), size);
    out
}

fn shipped_bank() -> String {
    fs::read_to_string(common::builtin_bank()).unwrap()
}

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

fn with_bom(text: &str) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend_from_slice(text.as_bytes());
    out
}

/// The size limit is stated clearly: the file, that it is too large, and the limit.
fn assert_too_large(run: Run, name: &str, limit: &str) {
    let run = run.expect_error(65, &format!("{name}: "));
    run.stderr_has(&[limit]);
    let lower = run.stderr.to_lowercase();
    assert!(lower.contains("larger") || lower.contains("too large"), "says it is too large:\n{}", run.stderr);
}

// ---------------------------------------------------------------------------------------
// Answers files: empty, comments, not text.

#[test]
fn answers_empty_file() {
    // Called empty, not "12 questions without an answer": nothing was answered at all.
    let dir = workdir(&["empty.txt"]);
    run_in(dir.path(), &["quiz", "--answers", "empty.txt"])
        .expect_error(65, "empty.txt: no answers: the file is empty, or holds only comments and blank lines");
    let run = run_in(dir.path(), &["--lang", "ko", "quiz", "--answers", "empty.txt"]).expect(65);
    run.stderr_has(&["empty.txt: 답이 하나도 없습니다. 파일이 비어 있거나"]);
    // report words it alike, and leaves it out.
    let run = run_in(dir.path(), &["report", "empty.txt"]).expect(65);
    run.stderr_has(&["empty.txt: no answers: the file is empty"]);
}

#[test]
fn answers_only_comments() {
    // The commented-out `#track = backend` answers nothing: the file holds no answer.
    let dir = workdir(&["comments-only.txt"]);
    run_in(dir.path(), &["quiz", "--answers", "comments-only.txt"])
        .expect_error(65, "comments-only.txt: no answers: the file is empty, or holds only comments and blank lines");
}

#[test]
fn answers_not_utf8_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("latin1.txt"), b"backend\n2\nd\xE9j\xE0 vu\n4\n").unwrap();
    let run = run_in(dir.path(), &["quiz", "--answers", "latin1.txt"]).expect_error(65, "latin1.txt:3: ");
    run.stderr_has(&["UTF-8"]);
}

#[test]
fn answers_nul_byte_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("nul.txt"), b"backend\n2\npath\n4\0\n").unwrap();
    let run = run_in(dir.path(), &["quiz", "--answers", "nul.txt"]).expect_error(65, "nul.txt:4: ");
    run.stderr_has(&["NUL"]);
}

/// `text` in UTF-16, little- or big-endian, with or without a byte order mark.
fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let units = std::iter::once(0xFEFF).filter(|_| bom).chain(text.encode_utf16());
    units.flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
}

/// Every UTF-16 form of `text`: (file name, bytes, the encoding the message must name).
fn utf16_forms(text: &str, ext: &str) -> Vec<(String, Vec<u8>, &'static str)> {
    let mut forms = Vec::new();
    for (big_endian, encoding) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        for bom in [true, false] {
            let name = format!("{}-{}.{ext}", encoding.to_lowercase(), if bom { "bom" } else { "nobom" });
            forms.push((name, utf16(text, big_endian, bom), encoding));
        }
    }
    forms
}

#[test]
fn answers_in_utf16_are_told_to_be_saved_as_utf8() {
    // What Windows PowerShell 5's `>` writes: UTF-16LE with a BOM. Without a BOM, the NULs
    // of wide ASCII text give it away; either way, not "contains a NUL byte".
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, encoding) in utf16_forms(&read_fixture("plain.txt"), "txt") {
        fs::write(dir.path().join(&name), &bytes).unwrap();
        let run = run_in(dir.path(), &["quiz", "--answers", &name]).expect_error(65, &format!("{name}: "));
        run.stderr_has(&[encoding, "save the file as UTF-8"]);
        assert!(!run.stderr.contains("NUL"), "{name}: not a NUL-byte message:\n{}", run.stderr);
        // From a pipe too.
        let mut cmd = common::run(&["quiz", "--answers", "-"]);
        cmd.timeout(HANG_GUARD).write_stdin(bytes);
        Run::of(cmd).expect_error(65, "<stdin>: ").stderr_has(&[encoding, "UTF-8"]);
    }
}

#[test]
fn answers_in_utf16_are_told_in_korean_too() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), utf16(&read_fixture("plain.txt"), false, true)).unwrap();
    for (env, args) in [("en_US.UTF-8", &["--lang", "ko"][..]), ("ko_KR.UTF-8", &[][..])] {
        let mut cmd = common::run(args);
        cmd.args(["quiz", "--answers", "a.txt"]).current_dir(dir.path()).env("LANG", env).timeout(HANG_GUARD);
        let run = Run::of(cmd).expect_error(65, "a.txt: ");
        run.stderr_has(&["UTF-16LE", "UTF-8로 저장하세요"]);
    }
}

#[test]
fn answers_crlf_and_bom_give_the_same_result_as_lf() {
    let dir = workdir(&["plain.txt", "messy-keys.txt"]);
    for source in ["plain.txt", "messy-keys.txt"] {
        let text = read_fixture(source);
        fs::write(dir.path().join("crlf.txt"), crlf(&text)).unwrap();
        fs::write(dir.path().join("bom.txt"), with_bom(&text)).unwrap();
        fs::write(dir.path().join("both.txt"), with_bom(&crlf(&text))).unwrap();
        for format in ["text", "json"] {
            let want = run_in(dir.path(), &["quiz", "--answers", source, "--format", format]).expect(0).stdout;
            for name in ["crlf.txt", "bom.txt", "both.txt"] {
                let got = run_in(dir.path(), &["quiz", "--answers", name, "--format", format]).expect(0);
                assert_eq!(got.stdout, want, "{name} (from {source}, {format}) differs from the LF file");
            }
        }
    }
}

#[test]
fn answers_crlf_errors_name_the_same_line() {
    let dir = workdir(&["twice.txt"]);
    let text = read_fixture("twice.txt");
    fs::write(dir.path().join("crlf.txt"), with_bom(&crlf(&text))).unwrap();
    let line = line_with(&text, "SECOND");
    run_in(dir.path(), &["quiz", "--answers", "crlf.txt"]).expect_error(65, &format!("crlf.txt:{line}: "));
}

// ---------------------------------------------------------------------------------------
// Answers files: size.

#[test]
fn answers_single_100mb_line_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write_big(&dir.path().join("line.txt"), b"", b'1', 100 * MIB);
    assert_too_large(run_in(dir.path(), &["quiz", "--answers", "line.txt"]), "line.txt", "1 MiB");
}

#[test]
fn answers_just_over_the_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // Valid answers, padded with comments: only the size is wrong.
    fs::write(dir.path().join("big.txt"), padded(&read_fixture("plain.txt"), ANSWERS_LIMIT + 1)).unwrap();
    assert_too_large(run_in(dir.path(), &["quiz", "--answers", "big.txt"]), "big.txt", "1 MiB");
}

#[test]
fn answers_at_the_limit_are_read() {
    let dir = workdir(&["plain.txt"]);
    fs::write(dir.path().join("big.txt"), padded(&read_fixture("plain.txt"), ANSWERS_LIMIT)).unwrap();
    assert_eq!(quiz_json(dir.path(), "big.txt"), quiz_json(dir.path(), "plain.txt"));
}

#[test]
fn answers_from_dev_zero_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    assert_too_large(run_in(dir.path(), &["quiz", "--answers", "/dev/zero"]), "/dev/zero", "1 MiB");
}

#[test]
fn answers_on_an_endless_stdin_are_refused() {
    // stdin is /dev/zero itself (assert_cmd can only pipe a finite buffer).
    let mut child = Command::new(env!("CARGO_BIN_EXE_mlcheck"))
        .args(["--color", "never", "quiz", "--answers", "-"])
        .env_remove("NO_COLOR")
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::from(fs::File::open("/dev/zero").unwrap()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > HANG_GUARD {
            child.kill().unwrap();
            panic!("mlcheck kept reading an endless stdin");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let run = Run::from_output(child.wait_with_output().unwrap());
    assert_too_large(run, "<stdin>", "1 MiB");
}

#[test]
fn size_limit_message_reads_well() {
    // "larger than 1 MiB", not "larger than 1 MiB bytes".
    let dir = tempfile::tempdir().unwrap();
    for args in [&["quiz", "--answers", "/dev/zero"][..], &["check", "/dev/zero"]] {
        let run = run_in(dir.path(), args).expect(65);
        assert!(!run.stderr.contains("MiB bytes"), "{args:?}: unit said twice:\n{}", run.stderr);
    }
}

// ---------------------------------------------------------------------------------------
// Answers: values.

/// `value` as the answer to `hard`, positionally on line 2 and keyed on line 1.
fn bad_value(value: &str) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("pos.txt"), format!("backend\n{value}\n")).unwrap();
    let run = run_in(dir.path(), &["quiz", "--answers", "pos.txt"]).expect_error(65, "pos.txt:2: ");
    run.stderr_has(&[value, "`hard`", "strongly-disagree", "strongly-agree", "5"]);

    fs::write(dir.path().join("keyed.txt"), format!("mentor = {value}\n")).unwrap();
    let run = run_in(dir.path(), &["quiz", "--answers", "keyed.txt"]).expect_error(65, "keyed.txt:1: ");
    run.stderr_has(&[value, "`mentor`", "yes, path, unsure, no"]);
}

#[test]
fn answer_zero() {
    bad_value("0");
}

#[test]
fn answer_minus_one() {
    bad_value("-1");
}

#[test]
fn answer_fraction() {
    bad_value("1.5");
}

#[test]
fn answer_number_too_big_for_any_integer() {
    bad_value("99999999999999999999");
}

#[test]
fn answer_keys_in_other_cases_and_with_spaces_are_accepted() {
    let dir = workdir(&["plain.txt", "keyed.txt", "messy-keys.txt"]);
    let want = quiz_json(dir.path(), "plain.txt");
    assert_eq!(quiz_json(dir.path(), "keyed.txt"), want);
    assert_eq!(quiz_json(dir.path(), "messy-keys.txt"), want);
}

#[test]
fn answer_with_an_unknown_id_suggests_the_closest() {
    let dir = workdir(&["unknown-id.txt"]);
    let line = line_with(&read_fixture("unknown-id.txt"), "TYPO");
    let run = run_in(dir.path(), &["quiz", "--answers", "unknown-id.txt"])
        .expect_error(65, &format!("unknown-id.txt:{line}: "));
    run.stderr_has(&["futur-proof", "`future-proof`"]);
}

#[test]
fn answer_with_an_unknown_id_in_capitals_suggests_the_closest() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "backend\nFNU = 1\n").unwrap();
    run_in(dir.path(), &["quiz", "--answers", "a.txt"]).expect_error(65, "a.txt:2: ").stderr_has(&["`fun`"]);
}

#[test]
fn answer_for_a_question_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "salary-expectations = 1\n").unwrap();
    let run = run_in(dir.path(), &["quiz", "--answers", "a.txt"]).expect_error(65, "a.txt:1: ");
    run.stderr_has(&["salary-expectations"]);
    assert!(!run.stderr.contains("did you mean"), "nothing is close enough to suggest:\n{}", run.stderr);
}

#[test]
fn answer_beyond_the_last_question() {
    let dir = workdir(&["too-many.txt"]);
    let line = line_with(&read_fixture("too-many.txt"), "EXTRA");
    let run =
        run_in(dir.path(), &["quiz", "--answers", "too-many.txt"]).expect_error(65, &format!("too-many.txt:{line}: "));
    run.stderr_has(&["12"]);
}

#[test]
fn the_same_id_answered_twice() {
    let dir = workdir(&["twice.txt"]);
    let text = read_fixture("twice.txt");
    let (first, second) = (line_with(&text, "FIRST"), line_with(&text, "SECOND"));
    let run =
        run_in(dir.path(), &["quiz", "--answers", "twice.txt"]).expect_error(65, &format!("twice.txt:{second}: "));
    run.stderr_has(&["`hard`", &format!("line {first}")]);
}

#[test]
fn a_positional_answer_then_the_same_question_keyed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "backend\n2\n\ntrack = mobile\n").unwrap();
    run_in(dir.path(), &["quiz", "--answers", "a.txt"])
        .expect_error(65, "a.txt:4: ")
        .stderr_has(&["`track`", "line 1"]);
}

// ---------------------------------------------------------------------------------------
// Answers files that can't be opened.

#[test]
fn answers_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    run_in(dir.path(), &["quiz", "--answers", "nowhere.txt"]).expect_error(66, "nowhere.txt: ");
}

#[test]
fn answers_directory() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("folder")).unwrap();
    run_in(dir.path(), &["quiz", "--answers", "folder"]).expect_error(66, "folder: ");
}

#[test]
fn file_names_with_escape_sequences_are_escaped_in_messages() {
    // The name is untrusted too: a missing file called ESC[2J must not clear the screen.
    let dir = tempfile::tempdir().unwrap();
    let name = "\u{1b}[2Jgone.txt";
    for args in [&["quiz", "--answers", name][..], &["--questions", name, "quiz"], &["check", name]] {
        let run = run_in(dir.path(), args).expect(66);
        run.assert_no_raw_controls();
        run.stderr_has(&["gone.txt"]);
    }
}

// ---------------------------------------------------------------------------------------
// Banks: empty, comments, not text.

/// `check NAME` and `--questions NAME quiz` in `dir`: both exit `code` with stderr starting `prefix`.
fn bank_fails(dir: &Path, name: &str, code: i32, prefix: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    for args in [&["check", name][..], &["--questions", name, "quiz"], &["--questions", name, "questions"]] {
        let mut cmd = common::run(args);
        cmd.current_dir(dir).timeout(HANG_GUARD).write_stdin(common::all_nth(1));
        let run = Run::from_output(cmd.output().unwrap()).expect(code);
        assert!(run.stderr.starts_with(prefix), "{args:?}: stderr should start with {prefix:?}:\n{}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}: nothing on stdout:\n{}", run.stdout);
        run.assert_no_raw_controls();
        runs.push(run);
    }
    runs
}

/// The `NAME:LINE:COLUMN: ` problem lines and the `NAME: N problems found` summary agree.
fn assert_bank_problems(run: &Run, name: &str) -> usize {
    let listed = run.stderr.lines().filter(|l| l.starts_with(&format!("{name}:")) && !l.ends_with(" found")).count();
    assert!(listed >= 1, "at least one problem line:\n{}", run.stderr);
    let want = format!("{name}: {listed} problem{} found", if listed == 1 { "" } else { "s" });
    assert!(run.stderr.lines().any(|l| l == want), "summary `{want}` missing:\n{}", run.stderr);
    listed
}

#[test]
fn bank_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.toml"), "").unwrap();
    for run in bank_fails(dir.path(), "empty.toml", 65, "empty.toml:1:1: ") {
        assert_bank_problems(&run, "empty.toml");
        run.stderr_has(&["version", "questions"]);
    }
}

#[test]
fn bank_only_comments() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("c.toml"), "# a bank\n\n# to be written\n").unwrap();
    for run in bank_fails(dir.path(), "c.toml", 65, "c.toml:") {
        assert_bank_problems(&run, "c.toml");
        run.stderr_has(&["version", "questions"]);
    }
}

#[test]
fn bank_not_utf8_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = shipped_bank();
    let line = line_with(&text, "id = \"wages\"");
    // 0xFF can't be in a Rust string: patch the byte in after the id.
    let mut bytes = text.into_bytes();
    let pos = find(&bytes, b"id = \"wages").unwrap() + b"id = \"wages".len();
    bytes.insert(pos, 0xFF);
    fs::write(dir.path().join("latin1.toml"), &bytes).unwrap();
    for run in bank_fails(dir.path(), "latin1.toml", 65, &format!("mlcheck: latin1.toml:{line}: ")) {
        run.stderr_has(&["UTF-8"]);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn bank_nul_byte_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = shipped_bank();
    let line = line_with(&text, "id = \"fun\"");
    let text = text.replacen("id = \"fun\"", "id = \"f\0un\"", 1);
    fs::write(dir.path().join("nul.toml"), &text).unwrap();
    for run in bank_fails(dir.path(), "nul.toml", 65, &format!("mlcheck: nul.toml:{line}: ")) {
        run.stderr_has(&["NUL"]);
    }
}

#[test]
fn bank_in_utf16_is_told_to_be_saved_as_utf8() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, encoding) in utf16_forms(&shipped_bank(), "toml") {
        fs::write(dir.path().join(&name), &bytes).unwrap();
        for run in bank_fails(dir.path(), &name, 65, &format!("mlcheck: {name}: ")) {
            run.stderr_has(&[encoding, "save the file as UTF-8"]);
            assert!(!run.stderr.contains("NUL"), "{name}: not a NUL-byte message:\n{}", run.stderr);
        }
    }
}

#[test]
fn bank_crlf_and_bom_work_like_lf() {
    let dir = tempfile::tempdir().unwrap();
    let text = shipped_bank();
    fs::write(dir.path().join("lf.toml"), &text).unwrap();
    fs::write(dir.path().join("crlf.toml"), crlf(&text)).unwrap();
    fs::write(dir.path().join("bom.toml"), with_bom(&text)).unwrap();
    fs::write(dir.path().join("both.toml"), with_bom(&crlf(&text))).unwrap();
    fs::write(dir.path().join("a.txt"), read_fixture("plain.txt")).unwrap();
    let quiz = |bank: &str| {
        run_in(dir.path(), &["--questions", bank, "quiz", "--answers", "a.txt", "--format", "json"]).expect(0).stdout
    };
    let want = quiz("lf.toml");
    for name in ["crlf.toml", "bom.toml", "both.toml"] {
        let run = run_in(dir.path(), &["check", name]).expect(0);
        assert_eq!(run.stdout, format!("{name}: valid: 12 questions, in en, ko\n"));
        assert_eq!(quiz(name), want, "{name}: the quiz differs from the LF bank");
        let questions = run_in(dir.path(), &["--questions", name, "questions", "--format", "json"]).expect(0);
        assert!(!questions.stdout.contains("\\r"), "{name}: a carriage return leaked into the texts");
    }
}

#[test]
fn bank_crlf_and_bom_problems_are_at_the_same_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = shipped_bank().replacen("topic = { en = \"Wages\", ko = \"연봉\" }", "topic = { en = \"Wages\" }", 1);
    fs::write(dir.path().join("lf.toml"), &text).unwrap();
    fs::write(dir.path().join("both.toml"), with_bom(&crlf(&text))).unwrap();
    let lf = run_in(dir.path(), &["check", "lf.toml"]).expect(65);
    let both = run_in(dir.path(), &["check", "both.toml"]).expect(65);
    assert_eq!(lf.stderr.replace("lf.toml", "X"), both.stderr.replace("both.toml", "X"));
    let line = line_with(&text, "en = \"Wages\" }");
    assert!(lf.stderr.starts_with(&format!("lf.toml:{line}:")), "{}", lf.stderr);
}

// ---------------------------------------------------------------------------------------
// Banks: size.

#[test]
fn bank_single_100mb_line_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write_big(&dir.path().join("line.toml"), b"# ", b'x', 100 * MIB);
    for run in bank_fails(dir.path(), "line.toml", 65, "mlcheck: line.toml: ") {
        run.stderr_has(&["4 MiB"]);
    }
}

#[test]
fn bank_just_over_the_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("big.toml"), padded(&shipped_bank(), BANK_LIMIT + 1)).unwrap();
    for run in bank_fails(dir.path(), "big.toml", 65, "mlcheck: big.toml: ") {
        run.stderr_has(&["4 MiB"]);
        let lower = run.stderr.to_lowercase();
        assert!(lower.contains("larger") || lower.contains("too large"), "{}", run.stderr);
    }
}

#[test]
fn bank_at_the_limit_is_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("big.toml"), padded(&shipped_bank(), BANK_LIMIT)).unwrap();
    let run = run_in(dir.path(), &["check", "big.toml"]).expect(0);
    assert_eq!(run.stdout, "big.toml: valid: 12 questions, in en, ko\n");
}

#[test]
fn bank_from_dev_zero_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for run in bank_fails(dir.path(), "/dev/zero", 65, "mlcheck: /dev/zero: ") {
        run.stderr_has(&["4 MiB"]);
    }
}

// ---------------------------------------------------------------------------------------
// Banks that can't be opened.

#[test]
fn bank_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    bank_fails(dir.path(), "nowhere.toml", 66, "mlcheck: nowhere.toml: ");
}

#[test]
fn bank_directory() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("folder.toml")).unwrap();
    bank_fails(dir.path(), "folder.toml", 66, "mlcheck: folder.toml: ");
}

// ---------------------------------------------------------------------------------------
// --save-answers.

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// The keyed `id = key` lines of `text`, in order.
fn keyed_lines(text: &str) -> Vec<String> {
    let ids = ids();
    text.lines()
        .map(str::trim)
        .filter(|l| l.split_once(" = ").is_some_and(|(id, _)| ids.iter().any(|i| i == id)))
        .map(String::from)
        .collect()
}

/// A failed save still shows the result the user answered for, then says why the save
/// failed (exit 1), with no raw control bytes anywhere.
fn failed_save_shows_result_then_error(run: Run) -> Run {
    let run = run.expect(1);
    assert!(run.stdout.contains("\nStay in ") || run.stdout.contains("\nGo into"), "result shown:\n{}", run.stdout);
    assert!(run.stderr.starts_with("mlcheck: cannot save the answers to "), "{}", run.stderr);
    run.assert_no_raw_controls();
    run
}

#[test]
fn save_answers_into_a_missing_directory_fails_and_keeps_the_answers() {
    let dir = workdir(&["plain.txt"]);
    fs::write(dir.path().join("saved.txt"), "previous answers\n").unwrap();
    let before = listing(dir.path());
    let run = run_in(dir.path(), &["quiz", "--answers", "plain.txt", "--save-answers", "missing/saved.txt"]);
    let run = failed_save_shows_result_then_error(run);
    run.stderr_has(&["missing/saved.txt"]);
    // Nothing created or changed: no temporary file left, no folder made, the old file intact.
    assert_eq!(listing(dir.path()), before);
    assert_eq!(fs::read_to_string(dir.path().join("saved.txt")).unwrap(), "previous answers\n");
    assert_eq!(read_fixture("plain.txt"), fs::read_to_string(dir.path().join("plain.txt")).unwrap());
    // Every answer is on stderr, in the keyed form, and replaying them gives the same result.
    let lines = keyed_lines(&run.stderr);
    assert_eq!(lines.len(), 12, "all 12 answers on stderr:\n{}", run.stderr);
    fs::write(dir.path().join("replay.txt"), lines.join("\n") + "\n").unwrap();
    assert_eq!(quiz_json(dir.path(), "replay.txt"), quiz_json(dir.path(), "plain.txt"));
}

#[test]
fn save_answers_over_a_directory_fails_and_leaves_it_alone() {
    let dir = workdir(&["plain.txt"]);
    fs::create_dir(dir.path().join("saved")).unwrap();
    fs::write(dir.path().join("saved/keep.txt"), "keep me").unwrap();
    let before = listing(dir.path());
    let run = failed_save_shows_result_then_error(run_in(
        dir.path(),
        &["quiz", "--answers", "plain.txt", "--save-answers", "saved"],
    ));
    assert_eq!(listing(dir.path()), before, "no temporary file left");
    assert_eq!(listing(&dir.path().join("saved")), ["keep.txt"]);
    assert_eq!(fs::read_to_string(dir.path().join("saved/keep.txt")).unwrap(), "keep me");
    assert_eq!(keyed_lines(&run.stderr).len(), 12, "the answers are on stderr:\n{}", run.stderr);
}

#[test]
fn save_answers_in_a_read_only_directory_keeps_the_previous_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workdir(&["plain.txt"]);
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("saved.txt"), "previous answers\n").unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    if fs::File::create(locked.join("probe")).is_ok() {
        // Running as root: permissions don't stop writes, so this failure can't be made here.
        fs::remove_file(locked.join("probe")).unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: a read-only directory is writable for this user");
        return;
    }
    let run = run_in(dir.path(), &["quiz", "--answers", "plain.txt", "--save-answers", "locked/saved.txt"]);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    let run = run.expect_error(1, "");
    assert_eq!(fs::read_to_string(locked.join("saved.txt")).unwrap(), "previous answers\n");
    assert_eq!(listing(&locked), ["saved.txt"]);
    assert_eq!(keyed_lines(&run.stderr).len(), 12);
}

#[test]
fn save_answers_replaces_an_existing_file_whole() {
    let dir = workdir(&["plain.txt"]);
    // Longer than what will be written, so a partial overwrite would leave a tail.
    let old = "# OLD-CONTENT\n".to_string() + &"hard = strongly-agree # OLD-CONTENT\n".repeat(200);
    fs::write(dir.path().join("saved.txt"), &old).unwrap();
    let run = run_in(dir.path(), &["quiz", "--answers", "plain.txt", "--save-answers", "saved.txt"]).expect(0);
    assert!(!run.stdout.is_empty());
    let saved = fs::read_to_string(dir.path().join("saved.txt")).unwrap();
    assert!(!saved.contains("OLD-CONTENT"), "old content left behind:\n{saved}");
    let lines = keyed_lines(&saved);
    let order: Vec<String> = lines.iter().map(|l| l.split(" = ").next().unwrap().to_string()).collect();
    assert_eq!(order, ids(), "one `id = key` line per question, in bank order");
    let other: Vec<&str> = saved.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).collect();
    assert_eq!(other.len(), 12, "nothing but comments and the 12 answers:\n{saved}");
    assert_eq!(listing(dir.path()), ["plain.txt", "saved.txt"], "no temporary file left");
    assert_eq!(quiz_json(dir.path(), "saved.txt"), quiz_json(dir.path(), "plain.txt"));
}

#[test]
fn save_answers_is_not_written_when_the_answers_are_wrong() {
    let dir = workdir(&["twice.txt"]);
    fs::write(dir.path().join("saved.txt"), "previous answers\n").unwrap();
    run_in(dir.path(), &["quiz", "--answers", "twice.txt", "--save-answers", "saved.txt"]).expect(65);
    run_in(dir.path(), &["quiz", "--answers", "twice.txt", "--save-answers", "new.txt"]).expect(65);
    assert_eq!(fs::read_to_string(dir.path().join("saved.txt")).unwrap(), "previous answers\n");
    assert_eq!(listing(dir.path()), ["saved.txt", "twice.txt"]);
}

/// A huge bad answer is echoed cut short: one error, not a screenful of it.
#[test]
fn a_huge_bad_answer_is_echoed_cut_short() {
    let long = "x".repeat(900_000);
    let mut cmd = common::run(&["quiz"]);
    cmd.write_stdin(format!("backend\n{long}\n"));
    let run = Run::of(cmd).expect(65);
    assert!(run.stderr.len() < 1_000, "{} bytes on stderr", run.stderr.len());
    assert!(run.stderr.contains(&format!("`{}…`", "x".repeat(60))), "{}", run.stderr);
}
