//! Shared by the end-to-end tests: runs the built binary in a fixed environment (English
//! locale, no NO_COLOR, no TERM tricks, colour off unless a test asks), as fd's testenv does.

#![allow(dead_code)]

use std::path::PathBuf;

use assert_cmd::Command;

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
