//! The interactive quiz in a pseudo-terminal: keys in, screen out.
//!
//! Each test starts `mlcheck` inside a pty (expectrl) of a fixed size, in a fixed
//! environment, and feeds every byte it writes into three vt100 parsers: one the size of the
//! window (what the user sees now), one as wide but very tall (every row the session ever
//! showed, nothing scrolled away) and one tall and much wider (rows as mlcheck wrote them,
//! so a row too wide for the window shows as such). Keys are sent only after the screen
//! shows what the previous key should have produced, so no assertion depends on timing;
//! every wait has a generous deadline and dumps the screen when it runs out.
//!
//! Reading is done by a thread on a duplicate of the pty master that hands chunks over a
//! channel, rather than by expectrl's `expect`: the tests wait for states of the parsed
//! screen (a redraw can move text around), not for byte patterns in the stream.

#![cfg(unix)]

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use expectrl::{Session, WaitStatus};
use unicode_width::UnicodeWidthStr;

const TIMEOUT: Duration = Duration::from_secs(10);
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";
const CTRL_D: &str = "\x04";
const HIDE_CURSOR: &str = "\x1b[?25l";
const SHOW_CURSOR: &str = "\x1b[?25h";
/// Rows of the tall parsers; a whole session fits in them many times over.
const TALL_ROWS: u16 = 3000;
/// Extra columns of the wide parser, which shows rows as mlcheck wrote them, unwrapped.
const EXTRA_COLS: u16 = 80;

// ---------------------------------------------------------------------------------------
// The bank, as `mlcheck questions --format json` describes it.

struct Question {
    id: String,
    prompt: String,
    labels: Vec<String>,
    keys: Vec<String>,
    weights: Vec<i64>,
    counterpoint: Option<String>,
}

impl Question {
    /// The choice a prompt starts on (the contract: the one with the smallest weight either
    /// way, the first of equals: neutral on a myth, "not sure" on most reality checks).
    fn default_choice(&self) -> usize {
        (0..self.weights.len()).min_by_key(|&i| self.weights[i].abs()).unwrap_or(0)
    }
}

fn bank(lang: &str) -> Vec<Question> {
    let out = common::run(&["--lang", lang, "questions", "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "mlcheck questions failed: {}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = |v: &serde_json::Value| v.as_str().unwrap().to_string();
    json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| Question {
            id: text(&q["id"]),
            prompt: text(&q["prompt"]),
            labels: q["choices"].as_array().unwrap().iter().map(|c| text(&c["label"])).collect(),
            keys: q["choices"].as_array().unwrap().iter().map(|c| text(&c["key"])).collect(),
            weights: q["choices"].as_array().unwrap().iter().map(|c| c["weight"].as_i64().unwrap()).collect(),
            counterpoint: q["counterpoint"].as_str().map(str::to_string),
        })
        .collect()
}

/// The defaults of every question: what pressing Enter all the way through answers.
fn default_choices(bank: &[Question]) -> Vec<usize> {
    bank.iter().map(Question::default_choice).collect()
}

/// The output of `mlcheck --lang LANG quiz --answers FILE --quiet --color never` for these
/// 0-based choices, one trimmed line per row; the first line is the verdict.
fn scripted_result(dir: &Path, lang: &str, choices: &[usize]) -> Vec<String> {
    let file = dir.join("scripted-answers.txt");
    let text: String = choices.iter().map(|c| format!("{}\n", c + 1)).collect();
    std::fs::write(&file, text).unwrap();
    let out = common::run(&["--lang", lang, "quiz", "--answers", file.to_str().unwrap(), "--quiet"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "scripted run failed: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<String> = stdout.lines().map(|l| l.trim_end().to_string()).collect();
    assert!(lines.first().is_some_and(|l| !l.trim().is_empty()), "no verdict line in {stdout:?}");
    lines
}

/// The note after an interactive result run without --save-answers, in English and Korean.
const SAVE_HINTS: [&str; 2] = [
    "To keep these answers for next time or for a group report, run the quiz with --save-answers\u{a0}FILE.",
    "다음에 다시 보거나 여럿의 결과를 모아 보려면 --save-answers\u{a0}FILE을 붙여 답변을 저장하세요.",
];

/// Splits the session's rows into what came before the save hint and the hint itself (its
/// rows joined by spaces), when the session ends with one.
fn split_save_hint(mut history: Vec<String>) -> (Vec<String>, Option<String>) {
    for hint in SAVE_HINTS {
        let first = hint.split(' ').take(3).collect::<Vec<_>>().join(" ");
        if let Some(at) = history.iter().rposition(|r| r.starts_with(&first)) {
            let text = history[at..].iter().map(|r| r.trim()).collect::<Vec<_>>().join(" ");
            if text == hint {
                history.truncate(at);
                return (history, Some(text));
            }
        }
    }
    (history, None)
}

/// Asserts that the session ended with exactly the result a scripted run prints (the
/// interactive result goes to the same 80- or 40-column terminal the scripted one wraps to),
/// and then, on stderr, at most the note on saving the answers.
fn assert_result_matches(pty: &Pty, expected: &[String]) {
    let (history, _) = split_save_hint(pty.history());
    let verdict = &expected[0];
    assert!(
        history.iter().any(|r| r == verdict),
        "the verdict {verdict:?} of the scripted run is not on the screen.\n{}",
        history.join("\n")
    );
    let tail = &history[history.len().saturating_sub(expected.len())..];
    assert_eq!(
        tail,
        expected,
        "the result on the screen differs from the scripted result.\n--- screen ---\n{}\n--- scripted ---\n{}",
        tail.join("\n"),
        expected.join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// The pty harness.

/// How to start mlcheck in the pty.
struct Setup {
    cols: u16,
    rows: u16,
    /// Environment changes on top of the fixed one: `Some` sets, `None` removes.
    env: Vec<(&'static str, Option<&'static str>)>,
    /// Send mlcheck's stderr to this file instead of the pty.
    stderr_to: Option<PathBuf>,
    /// Send mlcheck's stdout to this file instead of the pty.
    stdout_to: Option<PathBuf>,
    /// Keep the terminal's echo on, as in a real terminal. ptyprocess turns it off, which
    /// suits key-by-key prompts (raw mode turns it off anyway) but not line input.
    echo: bool,
    /// Run mlcheck from the shell instead of exec'ing it, and then print TERMINAL-RESTORED or
    /// TERMINAL-CHANGED: whether the terminal's settings (`stty -g`) are what they were before.
    check_terminal_after: bool,
}

impl Setup {
    fn new(cols: u16, rows: u16) -> Setup {
        Setup {
            cols,
            rows,
            env: Vec::new(),
            stderr_to: None,
            stdout_to: None,
            echo: false,
            check_terminal_after: false,
        }
    }

    fn env(mut self, name: &'static str, value: Option<&'static str>) -> Setup {
        self.env.push((name, value));
        self
    }
}

enum Chunk {
    Bytes(Vec<u8>),
    Eof,
}

struct Pty {
    session: Session,
    chunks: mpsc::Receiver<Chunk>,
    screen: vt100::Parser,
    /// The window with a scrollback: what the user can read by scrolling back.
    scrolled: vt100::Parser,
    tall: vt100::Parser,
    wide: vt100::Parser,
    raw: Vec<u8>,
    eof: bool,
    height: u16,
    cols: u16,
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

impl Pty {
    /// Starts `mlcheck ARGS...` in a pty of the setup's size.
    ///
    /// ptyprocess sets the window to 80x24 from the parent after the fork, racing with
    /// anything the child does first; so the child's shell waits for a line from us (sent
    /// once `spawn` has returned, i.e. after that reset), then sets the size with stty and
    /// only then runs mlcheck, which can never see another size.
    fn spawn(setup: &Setup, args: &[&str]) -> Pty {
        let echo = if setup.echo { " echo" } else { "" };
        let mut script =
            format!("IFS= read -r go || exit 96; stty cols {} rows {}{echo} || exit 97;", setup.cols, setup.rows);
        // The shell survives a Ctrl-C that reaches the whole process group (a trap, not an
        // ignore, so mlcheck still gets the default SIGINT to install its handler on).
        script.push_str(if setup.check_terminal_after { " trap true INT; before=$(stty -g);" } else { " exec" });
        script.push_str(&format!(" {}", shell_quote(env!("CARGO_BIN_EXE_mlcheck"))));
        for arg in args {
            script.push_str(&format!(" {}", shell_quote(arg)));
        }
        if let Some(path) = &setup.stderr_to {
            script.push_str(&format!(" 2>{}", shell_quote(path.to_str().unwrap())));
        }
        if let Some(path) = &setup.stdout_to {
            script.push_str(&format!(" >{}", shell_quote(path.to_str().unwrap())));
        }
        if setup.check_terminal_after {
            script.push_str(
                "; status=$?; if [ \"$(stty -g)\" = \"$before\" ]; then echo TERMINAL-RESTORED; \
                 else echo TERMINAL-CHANGED; fi; exit $status",
            );
        }
        let mut command = Command::new("/bin/sh");
        command.arg("-c").arg(script);
        command.env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            command.env("PATH", path);
        }
        command.env("LANG", "en_US.UTF-8").env("TERM", "xterm-256color");
        for (name, value) in &setup.env {
            match value {
                Some(value) => command.env(name, value),
                None => command.env_remove(name),
            };
        }
        let mut session = Session::spawn(command).expect("spawn mlcheck in a pty");
        session.send("go\n").expect("start the shell in the pty");
        // A blocking reader on a duplicate of the master: chunks arrive on a channel, so
        // waiting is `recv_timeout`, never a sleep.
        let mut master = session.get_process().get_raw_handle().expect("the pty master");
        let (tx, chunks) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match master.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        if tx.send(Chunk::Bytes(buf[..n].to_vec())).is_err() {
                            return;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    // EIO: every slave descriptor is closed, the child is gone.
                    Err(_) => break,
                }
            }
            let _ = tx.send(Chunk::Eof);
        });
        Pty {
            session,
            chunks,
            screen: vt100::Parser::new(setup.rows, setup.cols, 0),
            scrolled: vt100::Parser::new(setup.rows, setup.cols, usize::from(TALL_ROWS)),
            tall: vt100::Parser::new(TALL_ROWS, setup.cols, 0),
            wide: vt100::Parser::new(TALL_ROWS, setup.cols + EXTRA_COLS, 0),
            raw: Vec::new(),
            eof: false,
            height: setup.rows,
            cols: setup.cols,
        }
    }

    fn feed(&mut self, chunk: Chunk) {
        match chunk {
            Chunk::Bytes(bytes) => {
                self.screen.process(&bytes);
                self.scrolled.process(&bytes);
                self.tall.process(&bytes);
                self.wide.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
            Chunk::Eof => self.eof = true,
        }
    }

    /// Reads until `done` holds; panics with the screen if it doesn't within the timeout.
    fn wait_until(&mut self, what: &str, done: impl Fn(&Pty) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            // Take everything already there first, so `done` sees the latest screen.
            while let Ok(chunk) = self.chunks.try_recv() {
                self.feed(chunk);
            }
            if done(self) {
                return;
            }
            if self.eof {
                panic!("mlcheck ended before {what}.\n{}", self.dump());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.feed(chunk),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    panic!("timed out after {TIMEOUT:?} waiting for {what}.\n{}", self.dump())
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => self.eof = true,
            }
        }
    }

    /// Waits until `text` is on the visible screen.
    fn wait_for(&mut self, text: &str) {
        let what = format!("{text:?} on the screen");
        self.wait_until(&what, |p| p.screen_text().contains(text));
    }

    /// Waits until the prompt of question `n` (of `total`) is drawn with its last choice.
    fn wait_for_prompt(&mut self, n: usize, total: usize, last_label: &str) {
        let marker = format!("[{n}/{total}]");
        let first_word = last_label.split(' ').next().unwrap().to_string();
        let what = format!("the prompt {marker}");
        self.wait_until(&what, |p| {
            let rows = p.rows();
            let Some(at) = rows.iter().position(|r| r.starts_with("? ") && r.contains(&marker)) else {
                return false;
            };
            rows[at..].iter().any(|r| (r.starts_with("  ") || r.starts_with("❯ ")) && r.contains(&first_word))
        });
    }

    /// Sends keys to mlcheck.
    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("write to the pty");
    }

    /// Reads until mlcheck closes the pty, then returns its exit status.
    fn finish(&mut self) -> WaitStatus {
        self.wait_until("the end of the output", |p| p.eof);
        self.session.get_process().wait().expect("waitpid")
    }

    /// Like `finish`, but insists on a normal exit and returns the code.
    fn exit_code(&mut self) -> i32 {
        match self.finish() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("mlcheck did not exit normally: {other:?}\n{}", self.dump()),
        }
    }

    /// The visible screen as text.
    fn screen_text(&self) -> String {
        self.screen.screen().contents()
    }

    /// The visible rows, trailing spaces trimmed.
    fn rows(&self) -> Vec<String> {
        self.screen.screen().rows(0, self.cols).map(|r| r.trim_end().to_string()).collect()
    }

    /// Every row the session showed, scrolled away or not, trailing spaces trimmed, up to
    /// the last non-empty one.
    fn history(&self) -> Vec<String> {
        let mut rows: Vec<String> = self.tall.screen().rows(0, self.cols).map(|r| r.trim_end().to_string()).collect();
        while rows.last().is_some_and(|r| r.is_empty()) {
            rows.pop();
        }
        rows
    }

    /// Every row the user can read: those scrolled out of the window, as they were when they
    /// left it (nothing can erase them any more), then the window. Unlike `history`, which
    /// never scrolls, this is what a real terminal keeps.
    fn transcript(&mut self) -> Vec<String> {
        let cols = self.cols;
        let row0 = |p: &vt100::Parser| p.screen().rows(0, cols).next().unwrap_or_default().trim_end().to_string();
        self.scrolled.set_scrollback(usize::MAX);
        let back = self.scrolled.screen().scrollback();
        let mut rows = Vec::new();
        for offset in (1..=back).rev() {
            self.scrolled.set_scrollback(offset);
            rows.push(row0(&self.scrolled));
        }
        self.scrolled.set_scrollback(0);
        rows.extend(self.rows());
        while rows.last().is_some_and(|r| r.is_empty()) {
            rows.pop();
        }
        rows
    }

    /// Rows mlcheck wrote wider than the window, which the terminal had to wrap.
    fn overflowing_rows(&self) -> Vec<String> {
        overflowing_rows(&self.wide, self.cols)
    }

    /// Everything mlcheck wrote, as lossy text.
    fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw).into_owned()
    }

    /// The text after the selection marker "❯ ", if a row has it.
    fn selected(&self) -> Option<String> {
        self.rows().iter().find_map(|r| r.strip_prefix("❯ ").map(|s| s.trim().to_string()))
    }

    fn dump(&self) -> String {
        let tail = &self.raw[self.raw.len().saturating_sub(1500)..];
        format!(
            "--- screen ({}x{}) ---\n{}\n--- end of screen; last bytes written ---\n{:?}",
            self.cols,
            self.height,
            self.rows().join("\n"),
            String::from_utf8_lossy(tail)
        )
    }
}

/// Rows of `wide` (a parser wider than the window, so that nothing wraps) wider than
/// `cols`. vt100 marks rows it wraps, but not when a wide character moves to the next row
/// because only one column was left, so the check measures instead.
fn overflowing_rows(wide: &vt100::Parser, cols: u16) -> Vec<String> {
    let (_, wide_cols) = wide.screen().size();
    wide.screen()
        .rows(0, wide_cols)
        .map(|r| r.trim_end().to_string())
        .filter(|r| r.width() > usize::from(cols))
        .map(|r| format!("{r:?} ({} columns)", r.width()))
        .collect()
}

/// Whether the row text `selected` (the first row of a possibly wrapped label) is `label`.
fn is_label(selected: &str, label: &str) -> bool {
    selected == label || label.starts_with(&format!("{selected} "))
}

/// Waits for question `n` (1-based, of `bank`), checks that its default is selected, moves
/// the selection to `choice` one key at a time (checking each step and that the prompt
/// stays), and presses Enter.
fn answer(pty: &mut Pty, bank: &[Question], n: usize, choice: usize) {
    let q = &bank[n - 1];
    pty.wait_for_prompt(n, bank.len(), q.labels.last().unwrap());
    let mut at = q.default_choice();
    check_selected(pty, q, at);
    while at != choice {
        let (key, next) = if choice > at { (DOWN, at + 1) } else { (UP, at - 1) };
        pty.send(key);
        let label = q.labels[next].clone();
        let what = format!("the selection to move to {label:?} at [{n}/{}]", bank.len());
        pty.wait_until(&what, |p| p.selected().is_some_and(|s| is_label(&s, &label)));
        let marker = format!("? [{n}/{}]", bank.len());
        assert!(
            pty.rows().iter().any(|r| r.starts_with(&marker)),
            "moving the selection at [{n}/{}] erased the question's prompt.\n{}",
            bank.len(),
            pty.dump()
        );
        at = next;
    }
    pty.send(ENTER);
}

fn check_selected(pty: &mut Pty, q: &Question, choice: usize) {
    let label = q.labels[choice].clone();
    let what = format!("{label:?} selected in question {}", q.id);
    pty.wait_until(&what, |p| p.selected().is_some_and(|s| is_label(&s, &label)));
}

/// Asserts that the output shows the cursor again after it last hid it.
fn assert_cursor_restored(pty: &Pty) {
    let raw = pty.raw_text();
    if let Some(hidden) = raw.rfind(HIDE_CURSOR) {
        assert!(raw[hidden..].contains(SHOW_CURSOR), "the cursor was hidden and never shown again.\n{}", pty.dump());
    }
}

/// Texts that only the result (stdout) contains, in English.
const RESULT_TEXTS: [&str; 4] = ["What pushed you", "Myths you believed", "What decided it", "What to do next"];

fn assert_no_result(pty: &Pty) {
    let raw = pty.raw_text();
    for text in RESULT_TEXTS.iter().chain(&["Stay in", "Go into machine learning", "Score"]) {
        assert!(!raw.contains(text), "result text {text:?} was printed after a cancel.\n{}", pty.dump());
    }
}

fn quiz_setup() -> Setup {
    Setup::new(80, 30).env("NO_COLOR", None)
}

/// Asserts that the verdict line of a scripted run is a row of the session.
fn assert_verdict(pty: &Pty, expected: &[String]) {
    let history = pty.history();
    let verdict = expected[0].trim();
    assert!(
        history.iter().any(|r| r.trim() == verdict),
        "the verdict {verdict:?} of the scripted run is not on the screen.\n{}",
        history.join("\n")
    );
}

/// The indexes of history rows that start with `prefix`.
fn rows_starting(history: &[String], prefix: &str) -> Vec<usize> {
    history.iter().enumerate().filter(|(_, r)| r.starts_with(prefix)).map(|(i, _)| i).collect()
}

/// The report "✔ [n/total] prompt · answer" of question n, which must be on exactly one
/// row of `history`, with its continuation rows joined by single spaces.
fn report_of(history: &[String], n: usize, total: usize) -> String {
    let marker = format!("✔ [{n}/{total}]");
    let at = rows_starting(history, &marker);
    assert_eq!(at.len(), 1, "{marker} is on {} rows.\n{}", at.len(), history.join("\n"));
    let mut text = history[at[0]].trim().to_string();
    for row in history[at[0] + 1..].iter().take(4) {
        let stop = row.trim().is_empty()
            || row.starts_with("✔ ")
            || row.starts_with("? ")
            || row.contains("The article:")
            || row.contains("글의 반론:");
        if stop {
            break;
        }
        text.push(' ');
        text.push_str(row.trim());
    }
    text
}

/// Whether question n's report names `label` as the answer.
fn report_says(history: &[String], n: usize, total: usize, label: &str) -> bool {
    let text = report_of(history, n, total);
    let needle = format!("· {label}");
    text.match_indices(&needle).any(|(i, _)| {
        let rest = &text[i + needle.len()..];
        rest.is_empty() || rest.starts_with(' ')
    })
}

/// Colour or style SGR sequences (`ESC [ ... m` with parameters other than a plain reset).
fn style_sequences(raw: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < raw.len() {
        if raw[i] == 0x1b && raw[i + 1] == b'[' {
            let start = i + 2;
            let mut end = start;
            while end < raw.len() && !(0x40..=0x7e).contains(&raw[end]) {
                end += 1;
            }
            if end < raw.len() && raw[end] == b'm' {
                let params = String::from_utf8_lossy(&raw[start..end]).into_owned();
                if !params.is_empty() && params != "0" {
                    found.push(format!("ESC[{params}m"));
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// Answers every question from `from` (1-based) on with its default.
fn answer_defaults_from(pty: &mut Pty, bank: &[Question], from: usize) {
    for n in from..=bank.len() {
        answer(pty, bank, n, bank[n - 1].default_choice());
    }
}

fn cancelled_shown(pty: &Pty) -> bool {
    pty.history().iter().any(|r| r.trim() == "cancelled.")
}

// ---------------------------------------------------------------------------------------
// 0. The harness itself: the overflow check must be able to see an overflow.

#[test]
fn harness_sees_rows_wider_than_the_window() {
    let mut wide = vt100::Parser::new(4, 40 + EXTRA_COLS, 0);
    wide.process(format!("{}\r\n{}\r\n", "x".repeat(40), "가".repeat(20)).as_bytes());
    assert!(overflowing_rows(&wide, 40).is_empty(), "40 columns seen as too wide");
    wide.process(format!("{}\r\nx{}\r\n", "가".repeat(21), "가".repeat(20)).as_bytes());
    assert_eq!(overflowing_rows(&wide, 40).len(), 2, "41- and 42-column rows not both seen");
}

// ---------------------------------------------------------------------------------------
// 1. A full run.

#[test]
fn enter_on_every_default_reaches_the_scripted_result() {
    let bank = bank("en");
    let dir = tempfile::tempdir().unwrap();
    let choices = default_choices(&bank);
    let expected = scripted_result(dir.path(), "en", &choices);

    let mut pty = Pty::spawn(&quiz_setup(), &["quiz"]);
    pty.wait_for("Do you need machine learning?");
    for (i, &choice) in choices.iter().enumerate() {
        answer(&mut pty, &bank, i + 1, choice);
        if let Some(cp) = &bank[i].counterpoint {
            // The article's counterpoint follows the answer to every myth.
            let start: Vec<&str> = cp.split(' ').take(3).collect();
            pty.wait_for(&format!("The article: {}", start.join(" ")));
        }
    }
    assert_eq!(pty.exit_code(), 0, "{}", pty.dump());
    assert_result_matches(&pty, &expected);
    let history = pty.history();
    // Without --save-answers, the session ends with the note on keeping the answers.
    assert_eq!(split_save_hint(history.clone()).1.as_deref(), Some(SAVE_HINTS[0]), "{}", history.join("\n"));
    assert!(pty.raw_text().contains("\x1b[2mTo keep these answers"), "the note is not dim");
    for (i, q) in bank.iter().enumerate() {
        let label = &q.labels[choices[i]];
        assert!(
            report_says(&history, i + 1, bank.len(), label),
            "question {} reported as {:?}, not {label:?}",
            q.id,
            report_of(&history, i + 1, bank.len())
        );
    }
    assert!(!history.iter().any(|r| r.starts_with("? [")), "a prompt was left on the screen:\n{}", history.join("\n"));
    assert!(!cancelled_shown(&pty));
    let overflowing = pty.overflowing_rows();
    assert!(overflowing.is_empty(), "rows wider than 80 columns: {overflowing:?}");
    assert_cursor_restored(&pty);
    // With colour on auto in a terminal (the control for the NO_COLOR test), there is colour.
    assert!(!style_sequences(&pty.raw).is_empty(), "no colour at all without NO_COLOR");
}

#[test]
fn track_option_skips_the_first_question() {
    let bank = bank("en");
    let dir = tempfile::tempdir().unwrap();
    let mut choices = default_choices(&bank);
    choices[0] = 2; // mobile
    let expected = scripted_result(dir.path(), "en", &choices);

    let mut pty = Pty::spawn(&quiz_setup(), &["quiz", "--track", "mobile"]);
    let rest = &bank[1..];
    for n in 1..=rest.len() {
        answer(&mut pty, rest, n, rest[n - 1].default_choice());
    }
    assert_eq!(pty.exit_code(), 0, "{}", pty.dump());
    assert_result_matches(&pty, &expected);
    let history = pty.history();
    assert!(report_of(&history, 1, 11).contains(&bank[1].prompt), "[1/11] is not the second question");
    assert!(!history.iter().any(|r| r.contains("/12]")), "a question was counted out of 12 with --track");
}

// ---------------------------------------------------------------------------------------
// 2. Ctrl-C.

fn ctrl_c_at(question: usize) {
    let bank = bank("en");
    let mut pty = Pty::spawn(&quiz_setup(), &["quiz"]);
    for n in 1..question {
        answer(&mut pty, &bank, n, bank[n - 1].default_choice());
    }
    pty.wait_for_prompt(question, bank.len(), bank[question - 1].labels.last().unwrap());
    pty.send(CTRL_C);
    let status = pty.finish();
    assert!(
        matches!(status, WaitStatus::Exited(_, 130)),
        "Ctrl-C at [{question}/12] ended with {status:?}, not exit status 130.\n{}",
        pty.dump()
    );
    assert!(cancelled_shown(&pty), "no \"cancelled\" line after Ctrl-C.\n{}", pty.dump());
    assert_cursor_restored(&pty);
    assert!(pty.raw_text().contains(HIDE_CURSOR), "the prompt never hid the cursor: the check above proves nothing");
    assert_no_result(&pty);
}

#[test]
fn two_quick_ctrl_c_leave_the_terminal_as_it_was() {
    let bank = bank("en");
    let mut setup = quiz_setup();
    setup.check_terminal_after = true;
    let mut pty = Pty::spawn(&setup, &["quiz"]);
    pty.wait_until("the first prompt", |p| p.screen_text().contains(bank[0].labels.last().unwrap().as_str()));
    pty.send(&format!("{CTRL_C}{CTRL_C}"));
    pty.wait_until("the shell's verdict on the terminal", |p| p.raw_text().contains("TERMINAL-"));
    let status = pty.finish();
    assert!(matches!(status, WaitStatus::Exited(_, 130)), "ended with {status:?}.\n{}", pty.dump());
    assert!(pty.raw_text().contains("TERMINAL-RESTORED"), "raw mode or other settings left behind.\n{}", pty.dump());
    assert_eq!(pty.raw_text().matches("cancelled").count(), 1, "said once.\n{}", pty.dump());
    assert_cursor_restored(&pty);
}

#[test]
fn ctrl_c_at_the_first_question_cancels_with_130() {
    ctrl_c_at(1);
}

#[test]
fn ctrl_c_at_the_third_question_cancels_with_130() {
    ctrl_c_at(3);
}

// ---------------------------------------------------------------------------------------
// 3. Esc.

#[test]
fn esc_goes_back_to_the_previous_question_with_its_answer_selected() {
    let bank = bank("en");
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("saved.txt");
    let hard = bank.iter().position(|q| q.id == "hard").expect("the hard myth");
    assert_eq!(hard, 1, "the bank's second question is the hard myth");
    let agree = bank[hard].keys.iter().position(|k| k == "agree").unwrap();
    let disagree = bank[hard].keys.iter().position(|k| k == "disagree").unwrap();

    let mut pty = Pty::spawn(&quiz_setup(), &["quiz", "--save-answers", saved.to_str().unwrap()]);
    answer(&mut pty, &bank, 1, 0);
    answer(&mut pty, &bank, 2, agree);
    pty.wait_for_prompt(3, bank.len(), bank[2].labels.last().unwrap());
    assert!(pty.screen_text().contains("The article: Tutorials"), "no counterpoint after the myth.\n{}", pty.dump());

    pty.send(ESC);
    pty.wait_until("question 2 asked again after Esc", |p| {
        let rows = p.rows();
        rows.iter().any(|r| r.starts_with("? [2/12]"))
            && !rows.iter().any(|r| r.contains("[3/12]"))
            && rows.iter().any(|r| r.starts_with("  ") && r.contains("Strongly agree"))
    });
    // The earlier answer is where the prompt starts.
    check_selected(&mut pty, &bank[hard], agree);
    let rows = pty.rows();
    assert!(
        !rows.iter().any(|r| r.starts_with("✔ [2/12]")),
        "the report of the question being asked again is still on the screen.\n{}",
        pty.dump()
    );
    assert!(
        !rows.iter().any(|r| r.contains("The article: Tutorials")),
        "the counterpoint of the question being asked again is still on the screen.\n{}",
        pty.dump()
    );
    assert_eq!(rows_starting(&rows, "✔ [1/12]").len(), 1, "going back erased question 1's report.\n{}", pty.dump());

    // Change the answer, then finish with the defaults.
    let mut choices = default_choices(&bank);
    choices[0] = 0;
    choices[hard] = disagree;
    for _ in 0..agree - disagree {
        pty.send(UP);
    }
    let label = bank[hard].labels[disagree].clone();
    pty.wait_until("Disagree selected", |p| p.selected().is_some_and(|s| is_label(&s, &label)));
    pty.send(ENTER);
    answer_defaults_from(&mut pty, &bank, 3);
    assert_eq!(pty.exit_code(), 0, "{}", pty.dump());

    let history = pty.history();
    let report = report_of(&history, 2, 12);
    assert!(report_says(&history, 2, 12, "Disagree"), "question 2 reported as {report:?} after the change");
    let counterpoints = history.iter().filter(|r| r.contains("The article: Tutorials")).count();
    assert_eq!(counterpoints, 1, "the counterpoint is shown {counterpoints} times.\n{}", history.join("\n"));
    assert!(history.iter().any(|r| r.contains("Saved your answers to")), "no note about the saved answers");
    assert!(!pty.raw_text().contains("--save-answers\u{a0}FILE"), "the note on saving although they were saved");

    let saved_text = std::fs::read_to_string(&saved).expect("--save-answers wrote the file");
    let saved_lines: Vec<&str> = saved_text.lines().map(str::trim).collect();
    assert!(saved_lines.contains(&"hard = disagree"), "the saved answers lack the changed answer:\n{saved_text}");
    assert!(!saved_lines.contains(&"hard = agree"), "the saved answers keep the first answer:\n{saved_text}");

    let expected = scripted_result(dir.path(), "en", &choices);
    assert_result_matches(&pty, &expected);
    // And the saved file itself replays to the same verdict.
    let out = common::run(&["quiz", "--answers", saved.to_str().unwrap(), "--quiet"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().next().map(str::trim), Some(expected[0].trim()));
}

#[test]
fn esc_on_the_first_question_asks_it_again() {
    let bank = bank("en");
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&quiz_setup(), &["quiz"]);
    pty.wait_for_prompt(1, 12, bank[0].labels.last().unwrap());
    let asked = pty.raw_text().matches("[1/12]").count();
    pty.send(ESC);
    let last = bank[0].labels.last().unwrap().clone();
    pty.wait_until("question 1 asked again", |p| {
        p.raw_text().matches("[1/12]").count() > asked
            && p.rows().iter().any(|r| r.starts_with("  ") && r.contains(last.as_str()))
    });
    let rows = pty.rows();
    let prompts = rows.iter().filter(|r| r.contains("[1/12]")).count();
    assert_eq!(prompts, 1, "question 1 is on the screen {prompts} times after Esc.\n{}", pty.dump());
    let hints = rows.iter().filter(|r| r.contains("Esc or q goes back (this is the first question)")).count();
    assert_eq!(hints, 1, "the key hint is on the screen {hints} times after Esc.\n{}", pty.dump());
    check_selected(&mut pty, &bank[0], 0);

    // Still usable: pick back-end and finish.
    let mut choices = default_choices(&bank);
    choices[0] = 1;
    answer(&mut pty, &bank, 1, 1);
    answer_defaults_from(&mut pty, &bank, 2);
    assert_eq!(pty.exit_code(), 0, "{}", pty.dump());
    let history = pty.history();
    let report = report_of(&history, 1, 12);
    assert!(report_says(&history, 1, 12, &bank[0].labels[1]), "question 1 reported as {report:?}");
    assert_result_matches(&pty, &scripted_result(dir.path(), "en", &choices));
}

// ---------------------------------------------------------------------------------------
// 4. Ctrl-D.

#[test]
fn ctrl_d_at_a_prompt_is_ignored_or_cancels_cleanly() {
    let bank = bank("en");
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&quiz_setup(), &["quiz"]);
    answer(&mut pty, &bank, 1, 0);
    let q = &bank[1];
    pty.wait_for_prompt(2, 12, q.labels.last().unwrap());
    pty.send(CTRL_D);
    // Probe with Down: if Ctrl-D was ignored the selection moves, if it cancelled the
    // output ends. (The write may fail if mlcheck is already gone; that's the second case.)
    let _ = pty.session.send(DOWN);
    let moved = q.labels[q.default_choice() + 1].clone();
    pty.wait_until("the selection to move, or mlcheck to end, after Ctrl-D then Down", |p| {
        p.eof || p.selected().is_some_and(|s| is_label(&s, &moved))
    });
    if pty.eof {
        // Either: a cancel, said and done like Ctrl-C.
        let status = pty.finish();
        assert!(matches!(status, WaitStatus::Exited(_, 130)), "Ctrl-D ended mlcheck with {status:?}.\n{}", pty.dump());
        assert!(cancelled_shown(&pty), "Ctrl-D ended mlcheck without saying \"cancelled\".\n{}", pty.dump());
        assert_cursor_restored(&pty);
        assert_no_result(&pty);
        return;
    }
    // Or: ignored, and the prompt is intact and usable.
    let rows = pty.rows();
    assert_eq!(rows.iter().filter(|r| r.contains("[2/12]")).count(), 1, "prompt drawn twice.\n{}", pty.dump());
    assert!(!pty.screen_text().contains("^D") && !pty.screen_text().contains('\u{4}'), "garbage.\n{}", pty.dump());
    assert_eq!(rows_starting(&rows, "✔ [1/12]").len(), 1, "Ctrl-D erased question 1's report.\n{}", pty.dump());
    let mut choices = default_choices(&bank);
    choices[1] = q.default_choice() + 1;
    pty.send(ENTER);
    answer_defaults_from(&mut pty, &bank, 3);
    assert_eq!(pty.exit_code(), 0, "{}", pty.dump());
    assert_result_matches(&pty, &scripted_result(dir.path(), "en", &choices));
}

// ---------------------------------------------------------------------------------------
// 5. Korean in 40 columns.

fn korean_setup() -> Setup {
    Setup::new(40, 40).env("NO_COLOR", None)
}

#[test]
fn korean_at_40_columns_fits_and_keeps_words_whole() {
    let bank = bank("ko");
    let dir = tempfile::tempdir().unwrap();
    let choices = default_choices(&bank);
    let expected = scripted_result(dir.path(), "ko", &choices);
    let total = bank.len();

    let mut pty = Pty::spawn(&korean_setup(), &["--lang", "ko", "quiz"]);
    for n in 1..=total {
        let q = &bank[n - 1];
        pty.wait_for_prompt(n, total, q.labels.last().unwrap());
        check_selected(&mut pty, q, q.default_choice());
        // Everything so far, this prompt included, fits: the terminal wrapped no row.
        let wrapped = pty.overflowing_rows();
        assert!(wrapped.is_empty(), "rows wider than 40 columns at [{n}/{total}]: {wrapped:?}\n{}", pty.dump());
        pty.send(ENTER);
    }
    assert_eq!(pty.exit_code(), 0, "{}", pty.dump());

    let history = pty.history();
    let wrapped = pty.overflowing_rows();
    assert!(wrapped.is_empty(), "rows wider than 40 columns: {wrapped:?}\n{}", history.join("\n"));
    for row in &history {
        assert!(row.width() <= 40, "{row:?} is {} columns wide", row.width());
    }
    for (i, q) in bank.iter().enumerate() {
        let label = &q.labels[choices[i]];
        assert!(
            report_says(&history, i + 1, total, label),
            "question {} reported as {:?}, not {label:?}",
            q.id,
            report_of(&history, i + 1, total)
        );
    }
    // Every word of every counterpoint is on one row, whole: no syllable was cut off.
    let tokens: std::collections::HashSet<&str> = history.iter().flat_map(|r| r.split_whitespace()).collect();
    for q in &bank {
        if let Some(cp) = &q.counterpoint {
            for word in cp.split_whitespace() {
                assert!(
                    tokens.contains(word),
                    "the word {word:?} of {}'s counterpoint is not whole on any row.\n{}",
                    q.id,
                    history.join("\n")
                );
            }
        }
    }
    assert!(history.iter().any(|r| r.contains("글의 반론:")), "no Korean counterpoint label");
    assert_verdict(&pty, &expected);
    // The note on keeping the answers comes last, in Korean, wrapped to the 40 columns.
    assert_eq!(split_save_hint(history.clone()).1.as_deref(), Some(SAVE_HINTS[1]), "{}", history.join("\n"));
}

#[test]
fn korean_at_40_columns_arrow_keys_keep_the_prompt_and_earlier_answers() {
    korean_arrow_keys(korean_setup());
}

#[test]
fn korean_at_80_columns_arrow_keys_keep_the_prompt_and_earlier_answers() {
    korean_arrow_keys(Setup::new(80, 40).env("NO_COLOR", None));
}

/// Down and Up on every question of the Korean quiz: the prompt and the answers above it
/// survive dialoguer's redraws.
fn korean_arrow_keys(setup: Setup) {
    let bank = bank("ko");
    let dir = tempfile::tempdir().unwrap();
    let choices = default_choices(&bank);
    let total = bank.len();
    let cols = setup.cols;

    let mut pty = Pty::spawn(&setup, &["--lang", "ko", "quiz"]);
    for n in 1..=total {
        let q = &bank[n - 1];
        let default = q.default_choice();
        pty.wait_for_prompt(n, total, q.labels.last().unwrap());
        check_selected(&mut pty, q, default);
        // Down and back up: dialoguer redraws the choices after each key.
        for (key, name, to) in [(DOWN, "Down", default + 1), (UP, "Up", default)] {
            pty.send(key);
            let label = q.labels[to].clone();
            let what = format!("{label:?} selected at [{n}/{total}]");
            pty.wait_until(&what, |p| p.selected().is_some_and(|s| is_label(&s, &label)));
            let rows = pty.rows();
            let marker = format!("? [{n}/{total}]");
            assert!(
                rows.iter().any(|r| r.starts_with(&marker)),
                "after {name} at [{n}/{total}] the question's prompt is gone from the screen.\n{}",
                pty.dump()
            );
            if n > 1 {
                let previous = format!("✔ [{}/{total}]", n - 1);
                assert!(
                    rows.iter().any(|r| r.starts_with(&previous)),
                    "after {name} at [{n}/{total}] the report of question {} was erased.\n{}",
                    n - 1,
                    pty.dump()
                );
            }
        }
        pty.send(ENTER);
    }
    assert_eq!(pty.exit_code(), 0, "{}", pty.dump());
    let history = pty.history();
    for (i, q) in bank.iter().enumerate() {
        assert!(report_says(&history, i + 1, total, &q.labels[choices[i]]), "question {} misreported", q.id);
    }
    let wrapped = pty.overflowing_rows();
    assert!(wrapped.is_empty(), "rows wider than {cols} columns: {wrapped:?}\n{}", history.join("\n"));
    assert_verdict(&pty, &scripted_result(dir.path(), "ko", &choices));
}

// ---------------------------------------------------------------------------------------
// 6. TERM=dumb.

fn dumb_setup() -> Setup {
    let mut setup = quiz_setup().env("TERM", Some("dumb"));
    setup.echo = true;
    setup
}

#[test]
fn dumb_terminal_gets_plain_numbered_prompts_and_no_escapes() {
    let bank = bank("en");
    let dir = tempfile::tempdir().unwrap();
    let total = bank.len();
    let mut pty = Pty::spawn(&dumb_setup(), &["quiz"]);
    let asked = |p: &Pty, n: usize| p.raw_text().matches(&format!("[{n}/{total}]")).count();
    let ready = |p: &Pty| p.rows().iter().rev().find(|r| !r.is_empty()).is_some_and(|r| r == ">");

    // Question 1: a plain numbered list.
    pty.wait_until("question 1 as a numbered list", |p| asked(p, 1) == 1 && ready(p));
    let rows = pty.rows();
    for (i, label) in bank[0].labels.iter().enumerate() {
        let line = format!("  {}) {label}", i + 1);
        assert!(rows.contains(&line), "{line:?} is not a row of the plain prompt.\n{}", pty.dump());
    }
    // Not an answer, then "2".
    pty.send("9\r");
    pty.wait_until("the plain prompt to ask again", |p| {
        p.screen_text().contains("Not an answer to this question.") && ready(p)
    });
    pty.send("2\r");
    // Question 2 (a myth): Enter alone takes the default.
    pty.wait_until("question 2", |p| asked(p, 2) == 1 && ready(p));
    pty.send("\r");
    // Question 3: "<" goes back to question 2, answered "1" this time.
    pty.wait_until("question 3", |p| asked(p, 3) == 1 && ready(p));
    pty.send("<\r");
    pty.wait_until("question 2 again", |p| asked(p, 2) == 2 && ready(p));
    pty.send("1\r");
    pty.wait_until("question 3 again", |p| asked(p, 3) == 2 && ready(p));
    pty.send("\r");
    for n in 4..=total {
        pty.wait_until(&format!("question {n}"), |p| asked(p, n) == 1 && ready(p));
        pty.send("\r");
    }
    assert_eq!(pty.exit_code(), 0, "{}", pty.dump());

    let raw = pty.raw_text();
    if let Some(at) = raw.find('\x1b') {
        let context = &raw[at.saturating_sub(60)..(at + 20).min(raw.len())];
        panic!("an escape sequence with TERM=dumb, near {context:?}");
    }
    let mut choices = default_choices(&bank);
    choices[0] = 1;
    choices[1] = 0;
    assert_result_matches(&pty, &scripted_result(dir.path(), "en", &choices));
}

fn dumb_cancel(key: &str, name: &str) {
    let bank = bank("en");
    let mut pty = Pty::spawn(&dumb_setup(), &["quiz"]);
    pty.wait_until("the plain prompt", |p| {
        p.screen_text().contains(bank[0].labels.last().unwrap().as_str())
            && p.rows().iter().rev().find(|r| !r.is_empty()).is_some_and(|r| r == ">")
    });
    pty.send(key);
    let status = pty.finish();
    assert!(
        matches!(status, WaitStatus::Exited(_, 130)),
        "{name} with TERM=dumb ended with {status:?}.\n{}",
        pty.dump()
    );
    assert!(cancelled_shown(&pty), "no \"cancelled\" after {name} with TERM=dumb.\n{}", pty.dump());
    assert_no_result(&pty);
    let raw = pty.raw_text();
    assert!(
        !raw.contains('\x1b'),
        "{name} with TERM=dumb wrote an escape sequence: {:?}",
        &raw[raw.find('\x1b').unwrap().saturating_sub(40)..]
    );
}

#[test]
fn dumb_terminal_ctrl_d_cancels_without_escapes() {
    dumb_cancel(CTRL_D, "Ctrl-D");
}

#[test]
fn dumb_terminal_ctrl_c_cancels_without_escapes() {
    dumb_cancel(CTRL_C, "Ctrl-C");
}

// ---------------------------------------------------------------------------------------
// 7. Streams that are not all the terminal.

#[test]
fn stdin_a_terminal_but_stderr_not_exits_2_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let err = dir.path().join("stderr.txt");
    let mut setup = quiz_setup();
    setup.stderr_to = Some(err.clone());
    let mut pty = Pty::spawn(&setup, &["quiz"]);
    assert_eq!(pty.exit_code(), 2, "{}", pty.dump());
    let message = std::fs::read_to_string(&err).unwrap();
    assert!(message.contains("--answers"), "the error does not mention --answers: {message:?}");
    assert!(pty.raw.is_empty(), "wrote to the terminal although stderr is a file: {:?}", pty.raw_text());
}

#[test]
fn a_save_folder_that_does_not_exist_is_reported_before_the_first_question() {
    // Answering twelve questions only to learn that the answers can't be saved would lose
    // them: the folder is checked first, in the quiz's language.
    for (lang, words) in [("en", ["there is no folder", "mkdir -p"]), ("ko", ["폴더가 없습니다", "mkdir -p"])] {
        let mut pty = Pty::spawn(&quiz_setup(), &["--lang", lang, "quiz", "--save-answers", "no-such-folder/me.txt"]);
        assert_eq!(pty.exit_code(), 1, "{}", pty.dump());
        let text = pty.screen_text();
        assert!(words.iter().all(|w| text.contains(w)) && text.contains("no-such-folder"), "{}", pty.dump());
        assert!(!text.contains("[1/"), "a question was asked: {}", pty.dump());
    }
}

#[test]
fn check_dash_from_the_keyboard_exits_2_without_waiting_for_a_bank() {
    // `check -` reads a bank from stdin; from a terminal it would sit waiting for a bank to be
    // typed, so it says how to pipe one in instead.
    let mut pty = Pty::spawn(&quiz_setup(), &["check", "-"]);
    assert_eq!(pty.exit_code(), 2, "{}", pty.dump());
    let text = pty.screen_text();
    assert!(text.contains("stdin is the keyboard") && text.contains("mlcheck check - < bank.toml"), "{}", pty.dump());
}

#[test]
fn report_and_compare_dash_from_the_keyboard_exit_2_naming_their_own_command() {
    // Results piped into `-`: from a terminal they would be waited for forever.
    for (args, example) in [
        (&["report", "-"][..], "| mlcheck report -"),
        (&["compare", "-", "after"][..], "| mlcheck compare - AFTER"),
        (&["--lang", "ko", "compare", "before", "-"][..], "| mlcheck compare - AFTER"),
    ] {
        let mut pty = Pty::spawn(&quiz_setup(), args);
        assert_eq!(pty.exit_code(), 2, "{}", pty.dump());
        let text = pty.screen_text();
        assert!(text.contains(example), "{args:?}: {}", pty.dump());
    }
}

#[test]
fn stdout_redirected_gets_the_plain_result_while_prompts_stay_on_the_terminal() {
    let bank = bank("en");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("stdout.txt");
    let mut setup = quiz_setup();
    setup.stdout_to = Some(out.clone());
    let mut pty = Pty::spawn(&setup, &["quiz"]);
    answer_defaults_from(&mut pty, &bank, 1);
    assert_eq!(pty.exit_code(), 0, "{}", pty.dump());
    let result = std::fs::read_to_string(&out).unwrap();
    assert!(!result.contains('\x1b'), "escape sequences in the redirected result: {result:?}");
    let lines: Vec<String> = result.lines().map(|l| l.trim_end().to_string()).collect();
    assert_eq!(lines, scripted_result(dir.path(), "en", &default_choices(&bank)));
    let history = pty.history();
    assert!(!history.iter().any(|r| r == &lines[0]), "the verdict reached the terminal too");
}

// ---------------------------------------------------------------------------------------
// 8. NO_COLOR.

#[test]
fn no_color_in_a_pty_means_no_colour_sequences() {
    let bank = bank("en");
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&quiz_setup().env("NO_COLOR", Some("1")), &["quiz"]);
    answer_defaults_from(&mut pty, &bank, 1);
    assert_eq!(pty.exit_code(), 0, "{}", pty.dump());
    let styles = style_sequences(&pty.raw);
    assert!(styles.is_empty(), "colour or style sequences with NO_COLOR=1: {styles:?}");
    assert!(pty.raw_text().contains("\x1b["), "no cursor movement at all: not the interactive prompts?");
    assert_result_matches(&pty, &scripted_result(dir.path(), "en", &default_choices(&bank)));
}

// ---------------------------------------------------------------------------------------
// 7. Going back after the reports scrolled out of the window, q, Ctrl-C in Korean, and
//    what Enter alone answers.

/// Whether `row` is the first row of a question's report: "✔ [n/total]".
fn is_report(row: &str) -> bool {
    row.starts_with("✔ [")
}

/// Asserts that every report in `rows` (a window) is whole from its first row on: its
/// counterpoint, if it has one, runs to its last word. A report cut off by the window's top
/// is fine; one whose end was erased (or written over) is not.
fn assert_reports_whole(rows: &[String], bank: &[Question], label: &str, dump: &str) {
    for (i, row) in rows.iter().enumerate() {
        if !is_report(row) {
            continue;
        }
        let n: usize = row[row.find('[').unwrap() + 1..row.find('/').unwrap()].parse().unwrap();
        let Some(cp) = &bank[n - 1].counterpoint else { continue };
        let start = rows[i + 1..].iter().position(|r| r.contains("글의 반론:") || r.contains("The article:"));
        let start =
            start.map(|s| i + 1 + s).unwrap_or_else(|| panic!("{label}: report {n} has no counterpoint.\n{dump}"));
        let text: Vec<&str> = rows[start..].iter().take_while(|r| !r.trim().is_empty()).map(|r| r.trim()).collect();
        let text = text.join(" ");
        assert!(text.ends_with(cp.as_str()), "{label}: the counterpoint of report {n} is cut off: {text:?}.\n{dump}");
    }
}

#[test]
fn esc_back_six_questions_after_scrolling_erases_whole_reports_and_marks_the_change() {
    let bank = bank("ko");
    let total = bank.len();
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&Setup::new(80, 30).env("NO_COLOR", None), &["--lang", "ko", "quiz"]);
    for n in 1..=9 {
        answer(&mut pty, &bank, n, bank[n - 1].default_choice());
    }
    pty.wait_for_prompt(10, total, bank[9].labels.last().unwrap());
    assert!(
        !pty.rows().iter().any(|r| r.starts_with("✔ [4/12]")),
        "question 4's report is still in the window: the test would not test scrolling.\n{}",
        pty.dump()
    );
    for n in (4..=9).rev() {
        pty.send(ESC);
        let marker = format!("? [{n}/{total}]");
        pty.wait_until(&format!("question {n} asked again"), |p| p.rows().iter().any(|r| r.starts_with(&marker)));
        check_selected(&mut pty, &bank[n - 1], bank[n - 1].default_choice());
        let rows = pty.rows();
        let reports: Vec<&String> = rows.iter().filter(|r| is_report(r)).collect();
        let numbers: Vec<usize> =
            reports.iter().map(|r| r[r.find('[').unwrap() + 1..r.find('/').unwrap()].parse().unwrap()).collect();
        assert!(
            numbers.iter().all(|&m| m < n),
            "after going back to question {n} the window still shows reports {numbers:?}.\n{}",
            pty.dump()
        );
        assert_reports_whole(&rows, &bank, &format!("back at {n}"), &pty.dump());
    }
    // Change question 4's answer (neutral → agree), then take the defaults again.
    let q4 = &bank[3];
    let changed = q4.default_choice() + 1;
    pty.send(DOWN);
    let label = q4.labels[changed].clone();
    pty.wait_until("the changed answer selected", |p| p.selected().is_some_and(|s| is_label(&s, &label)));
    pty.send(ENTER);
    let mut choices = default_choices(&bank);
    choices[3] = changed;
    for n in 5..=7 {
        answer(&mut pty, &bank, n, choices[n - 1]);
    }
    pty.wait_for_prompt(8, total, bank[7].labels.last().unwrap());

    let rows = pty.rows();
    for n in 1..=total {
        let marker = format!("✔ [{n}/{total}]");
        let count = rows.iter().filter(|r| r.starts_with(&marker)).count();
        assert!(count <= 1, "{marker} is in the window {count} times.\n{}", pty.dump());
    }
    assert_reports_whole(&rows, &bank, "after the change", &pty.dump());

    // Question 4's first report scrolled out of view and stays there; the new one is
    // marked, in Korean, as the one that counts.
    let transcript = pty.transcript();
    let dump = transcript.join("\n");
    let fours = rows_starting(&transcript, "✔ [4/12]");
    assert_eq!(fours.len(), 2, "question 4 reported {} times in all.\n{dump}", fours.len());
    assert!(transcript[fours[0]].ends_with(&format!("· {}", q4.labels[q4.default_choice()])), "{dump}");
    assert!(transcript[fours[1]].ends_with(&format!("· {label}")), "{dump}");
    let note = &transcript[fours[1] - 1];
    assert!(note.starts_with("↺ 4번 질문의 답을 바꿨습니다."), "no note above the changed answer: {note:?}.\n{dump}");
    for n in [1, 2, 3, 5, 6, 7] {
        let count = rows_starting(&transcript, &format!("✔ [{n}/{total}]")).len();
        assert!(count <= 2, "question {n} reported {count} times.\n{dump}");
        if count == 2 {
            let again = rows_starting(&transcript, &format!("✔ [{n}/{total}]"))[1];
            assert!(transcript[again - 1].starts_with(&format!("↺ {n}번 질문")), "{n} again, unmarked.\n{dump}");
        }
    }
    for n in 8..=total {
        answer(&mut pty, &bank, n, choices[n - 1]);
    }
    assert_eq!(pty.exit_code(), 0, "{}", pty.dump());
    assert_verdict(&pty, &scripted_result(dir.path(), "ko", &choices));
}

#[test]
fn q_goes_back_as_the_hint_says() {
    let bank = bank("en");
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&quiz_setup(), &["quiz"]);
    answer(&mut pty, &bank, 1, 2);
    pty.wait_for_prompt(2, 12, bank[1].labels.last().unwrap());
    assert!(
        pty.rows().iter().any(|r| r.contains("Esc or q back to the previous question")),
        "the hint doesn't say what q does.\n{}",
        pty.dump()
    );
    pty.send("q");
    pty.wait_until("question 1 asked again after q", |p| {
        p.rows().iter().any(|r| r.starts_with("? [1/12]")) && !p.rows().iter().any(|r| r.contains("[2/12]"))
    });
    check_selected(&mut pty, &bank[0], 2);
    let mut choices = default_choices(&bank);
    choices[0] = 2;
    pty.send(ENTER);
    answer_defaults_from(&mut pty, &bank, 2);
    assert_eq!(pty.exit_code(), 0, "{}", pty.dump());
    assert_result_matches(&pty, &scripted_result(dir.path(), "en", &choices));
}

#[test]
fn ctrl_c_in_korean_says_so_in_korean() {
    let bank = bank("ko");
    let mut pty = Pty::spawn(&quiz_setup().env("LANG", Some("ko_KR.UTF-8")), &["quiz"]);
    answer(&mut pty, &bank, 1, 0);
    pty.wait_for_prompt(2, 12, bank[1].labels.last().unwrap());
    pty.send(CTRL_C);
    let status = pty.finish();
    assert!(matches!(status, WaitStatus::Exited(_, 130)), "ended with {status:?}.\n{}", pty.dump());
    let history = pty.history();
    assert!(history.iter().any(|r| r.trim() == "취소했습니다."), "no Korean \"cancelled\".\n{}", pty.dump());
    assert!(!pty.raw_text().contains("cancelled"), "\"cancelled\" in English.\n{}", pty.dump());
    assert_cursor_restored(&pty);
}

#[test]
fn enter_alone_leans_neither_way() {
    let bank = bank("en");
    for q in &bank {
        assert_eq!(q.weights[q.default_choice()], 0, "question {} starts on a choice that moves the score", q.id);
    }
    let mut pty = Pty::spawn(&quiz_setup(), &["quiz"]);
    for n in 1..=bank.len() {
        pty.wait_for_prompt(n, bank.len(), bank[n - 1].labels.last().unwrap());
        check_selected(&mut pty, &bank[n - 1], bank[n - 1].default_choice());
        pty.send(ENTER);
    }
    assert_eq!(pty.exit_code(), 0, "{}", pty.dump());
    let history = pty.history();
    let score = history.iter().find(|r| r.starts_with("Score ")).expect("a score line");
    assert!(score.ends_with(" 0"), "Enter alone all the way gave {score:?}, not 0");
}

/// Asserts that question n's report keeps its answer whole and with the question's last
/// word ("jobs. · Agree"), or, when the two don't fit a row together, on rows of its own: a
/// short answer is never alone on a row, and no row holds only part of an answer.
fn assert_answer_whole(history: &[String], n: usize, total: usize, q: &Question, label: &str, cols: usize) {
    let at = rows_starting(history, &format!("✔ [{n}/{total}]"));
    assert_eq!(at.len(), 1, "report {n} is on {} rows", at.len());
    let end = history[at[0] + 1..]
        .iter()
        .position(|r| {
            r.trim().is_empty() || is_report(r) || r.starts_with('↺') || r.contains("반론:") || r.contains("article:")
        })
        .map_or(history.len(), |e| at[0] + 1 + e);
    let rows = &history[at[0]..end];
    let shown = rows.join("\n");
    let together = format!("{} · {label}", q.prompt.rsplit(' ').next().unwrap());
    if together.width() + 2 <= cols {
        assert!(rows.iter().any(|r| r.ends_with(&together)), "{together:?} is not on one row:\n{shown}");
    } else if label.width() + 4 <= cols {
        assert!(rows.iter().any(|r| *r == format!("  · {label}")), "{label:?} is not whole on a row:\n{shown}");
    } else {
        assert!(rows.iter().any(|r| r.starts_with("  · ")), "{label:?} does not start a row:\n{shown}");
    }
}

#[test]
fn reports_keep_each_answer_whole_at_40_and_80_columns_in_both_languages() {
    for (lang, cols) in [("en", 40), ("en", 80), ("ko", 40), ("ko", 80)] {
        let bank = bank(lang);
        let total = bank.len();
        // Two runs: one picks each question's longest label, the other takes the defaults
        // (Enter through), so long and short answers both get reported.
        let choices: Vec<usize> =
            bank.iter().map(|q| (0..q.labels.len()).max_by_key(|&i| q.labels[i].width()).unwrap_or(0)).collect();
        for picks in [choices, default_choices(&bank)] {
            let mut pty = Pty::spawn(&Setup::new(cols, 40).env("NO_COLOR", None), &["--lang", lang, "quiz"]);
            for n in 1..=total {
                answer(&mut pty, &bank, n, picks[n - 1]);
            }
            assert_eq!(pty.exit_code(), 0, "{}", pty.dump());
            let history = pty.history();
            for n in 1..=total {
                let label = &bank[n - 1].labels[picks[n - 1]];
                assert_answer_whole(&history, n, total, &bank[n - 1], label, usize::from(cols));
            }
        }
    }
}
