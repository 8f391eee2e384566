//! Shared by the end-to-end tests: runs the built binary in a fixed environment (English
//! locale, no NO_COLOR, no TERM tricks, colour off unless a test asks), as fd's testenv does.

#![allow(dead_code)]

pub mod browser;
pub mod http;
pub mod pages;
mod snapshot;
pub mod tools;
pub mod webdriver;

// Not every test binary takes snapshots; dead_code above doesn't cover a re-export.
#[allow(unused_imports)]
pub use snapshot::{readme_sample, snapshot};

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The program `name` as found on PATH.
pub fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| Path::new(d).join(name)).find(|p| p.is_file())
}

/// The built `mlcheck`, with a hermetic environment.
pub fn mlcheck() -> Command {
    let mut cmd = Command::cargo_bin("mlcheck").expect("the binary is built");
    for var in ["NO_COLOR", "LC_ALL", "LC_MESSAGES", "LANG", "COLUMNS", "TERM", "CLICOLOR", "CLICOLOR_FORCE"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "en_US.UTF-8");
    cmd
}

/// `mlcheck --color never ARGS...`.
pub fn run(args: &[&str]) -> Command {
    let mut cmd = mlcheck();
    cmd.arg("--color").arg("never").args(args);
    cmd
}

/// A file under tests/fixtures.
pub fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}

/// `path` as a command-line argument.
pub fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The JSON `run` printed; panics with the text when it is not JSON.
pub fn json_of(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}:\n{}", run.stdout))
}

/// The shipped bank's path.
pub fn builtin_bank() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("questions.toml")
}

/// The question ids and choice keys of the built-in bank, from `mlcheck questions --format json`.
pub fn bank_questions() -> Vec<(String, Vec<String>)> {
    let out = run(&["questions", "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let keys =
                q["choices"].as_array().unwrap().iter().map(|c| c["key"].as_str().unwrap().to_string()).collect();
            (q["id"].as_str().unwrap().to_string(), keys)
        })
        .collect()
}

/// A positional answers file answering every question with the 1-based choice `n`.
pub fn all_nth(n: usize) -> String {
    bank_questions().iter().map(|_| format!("{n}\n")).collect()
}

/// What one run of mlcheck produced; building one asserts it did not panic.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub raw_stdout: Vec<u8>,
    pub raw_stderr: Vec<u8>,
}

impl Run {
    /// Runs `cmd` and collects what it produced.
    pub fn of(mut cmd: Command) -> Run {
        Run::from_output(cmd.output().expect("mlcheck runs"))
    }

    pub fn from_output(out: std::process::Output) -> Run {
        let code = out.status.code().expect("mlcheck exits normally, not by a signal");
        let run = Run {
            code,
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            raw_stdout: out.stdout,
            raw_stderr: out.stderr,
        };
        assert_ne!(run.code, 101, "mlcheck panicked:\n{}", run.stderr);
        assert!(!run.stderr.contains("internal error"), "mlcheck hit an internal error:\n{}", run.stderr);
        run
    }

    pub fn expect(self, code: i32) -> Run {
        assert_eq!(self.code, code, "exit status\n--- stdout:\n{}\n--- stderr:\n{}", self.stdout, self.stderr);
        self
    }

    /// The error is one `mlcheck: ...` message that starts with `prefix`, nothing is on
    /// stdout, and no raw control byte is anywhere.
    pub fn expect_error(self, code: i32, prefix: &str) -> Run {
        let run = self.expect(code);
        assert!(
            run.stderr.starts_with(&format!("mlcheck: {prefix}")),
            "stderr should start with `mlcheck: {prefix}`:\n{}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "nothing on stdout after an error:\n{}", run.stdout);
        run.assert_no_raw_controls();
        run
    }

    /// Neither stream carries a raw C0 control (but newline) or DEL.
    pub fn assert_no_raw_controls(&self) {
        for (stream, bytes) in [("stdout", &self.raw_stdout), ("stderr", &self.raw_stderr)] {
            if let Some(b) = bytes.iter().find(|&&b| (b < 0x20 && b != b'\n') || b == 0x7F) {
                panic!("raw control byte 0x{b:02X} on {stream}:\n{}", String::from_utf8_lossy(bytes).escape_debug());
            }
        }
    }

    /// Neither stream carries `needle` (a character that must only ever appear escaped).
    pub fn assert_absent(&self, needle: char) {
        assert!(
            !self.stdout.contains(needle) && !self.stderr.contains(needle),
            "raw U+{:04X} in the output:\n{}\n{}",
            needle as u32,
            self.stdout.escape_debug(),
            self.stderr.escape_debug()
        );
    }

    pub fn stderr_has(&self, words: &[&str]) -> &Run {
        for w in words {
            assert!(self.stderr.contains(w), "stderr should mention {w:?}:\n{}", self.stderr);
        }
        self
    }
}

/// The 1-based numbers of the lines of `text` containing `needle`.
pub fn lines_with(text: &str, needle: &str) -> Vec<usize> {
    text.lines().enumerate().filter(|(_, l)| l.contains(needle)).map(|(i, _)| i + 1).collect()
}

/// The 1-based number of the one line of `text` containing `needle`.
pub fn line_with(text: &str, needle: &str) -> usize {
    let lines = lines_with(text, needle);
    assert_eq!(lines.len(), 1, "exactly one line should contain {needle:?}, found {lines:?}");
    lines[0]
}
