//! Completion scripts, run in the real shells: what `mlcheck completions fish` and `bash`
//! offer at a given command line, as a user pressing Tab would see it.

mod common;

use std::path::Path;
use std::process::Command;

use common::Run;

/// The script `mlcheck completions SHELL` prints, saved in `dir`.
fn script(shell: &str, dir: &Path) -> std::path::PathBuf {
    let mut cmd = common::mlcheck();
    cmd.args(["completions", shell]);
    let path = dir.join(format!("mlcheck.{shell}"));
    std::fs::write(&path, Run::of(cmd).expect(0).stdout).unwrap();
    path
}

/// A directory with a question bank and an answers file to complete.
fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bank.toml"), "").unwrap();
    std::fs::write(dir.path().join("answers.txt"), "").unwrap();
    dir
}

/// What fish offers for `line`, sorted, descriptions dropped.
fn fish(script: &Path, dir: &Path, line: &str) -> Vec<String> {
    let out = Command::new("fish")
        .args(["--no-config", "-c", "source $argv[1]; complete -C $argv[2]"])
        .arg(script)
        .arg(line)
        .current_dir(dir)
        .output()
        .expect("fish runs");
    assert!(out.status.success(), "fish failed on {line:?}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "fish complains on {line:?}: {}", String::from_utf8_lossy(&out.stderr));
    let mut words: Vec<String> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| l.split('\t').next().unwrap().to_string()).collect();
    words.sort();
    words
}

/// What bash's completion function puts in COMPREPLY for `line`, sorted, and whether bash
/// falls back to file names when it is empty (`complete -o default`).
fn bash(script: &Path, dir: &Path, line: &str) -> (Vec<String>, bool) {
    const DRIVER: &str = r#"
        source "$1"
        read -ra COMP_WORDS <<< "$2"
        [[ "$2" == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMP_LINE="$2"
        COMP_POINT=${#2}
        _mlcheck mlcheck "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\n' "${COMPREPLY[@]}"
        complete -p mlcheck >&2
    "#;
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", DRIVER, "bash"])
        .arg(script)
        .arg(line)
        .current_dir(dir)
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "bash failed on {line:?}: {}", String::from_utf8_lossy(&out.stderr));
    let mut words: Vec<String> =
        String::from_utf8(out.stdout).unwrap().lines().filter(|l| !l.is_empty()).map(String::from).collect();
    words.sort();
    let falls_back_to_files = String::from_utf8(out.stderr).unwrap().contains("-o default");
    (words, falls_back_to_files)
}

fn sorted(words: &[&str]) -> Vec<String> {
    let mut words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    words.sort();
    words
}

#[test]
fn fish_offers_the_myth_ids_after_myths() {
    if !common::tools::available("fish", "fish") {
        return;
    }
    let dir = workdir();
    let script = script("fish", dir.path());
    let at = |line: &str| fish(&script, dir.path(), line);
    assert_eq!(at("mlcheck myths f"), sorted(&["fun", "future-proof"]));
    assert_eq!(at("mlcheck myths "), sorted(&mlcheck::model::bank::MYTHS));
    assert_eq!(at("mlcheck myths --lang ko f"), sorted(&["fun", "future-proof"]), "after an option and its value");
    assert_eq!(at("mlcheck --lang ko myths f"), sorted(&["fun", "future-proof"]), "after an option before the command");
    assert_eq!(at("mlcheck myths fun "), Vec::<String>::new(), "one id only, and myths takes no file");
    assert_eq!(at("mlcheck myths --lang "), sorted(&["en", "ko"]), "an option's values, not the ids");
}

#[test]
fn fish_offers_the_values_of_every_positional() {
    if !common::tools::available("fish", "fish") {
        return;
    }
    let dir = workdir();
    let script = script("fish", dir.path());
    let at = |line: &str| fish(&script, dir.path(), line);
    assert_eq!(at("mlcheck completions f"), sorted(&["fish"]));
    let pages = mlcheck::cli::subcommand_names(&mlcheck::cli::command());
    assert_eq!(at("mlcheck man "), sorted(&pages.iter().map(String::as_str).collect::<Vec<_>>()));
    assert_eq!(at("mlcheck quiz --track b"), sorted(&["backend"]));
}

#[test]
fn fish_completes_file_names_where_a_file_goes() {
    if !common::tools::available("fish", "fish") {
        return;
    }
    let dir = workdir();
    let script = script("fish", dir.path());
    let at = |line: &str| fish(&script, dir.path(), line);
    assert_eq!(at("mlcheck check b"), sorted(&["bank.toml"]));
    assert_eq!(at("mlcheck quiz --answers a"), sorted(&["answers.txt"]));
    assert_eq!(at("mlcheck quiz --save-answers a"), sorted(&["answers.txt"]));
    assert_eq!(at("mlcheck quiz --questions b"), sorted(&["bank.toml"]));
    assert_eq!(at("mlcheck myths --questions b"), sorted(&["bank.toml"]));
    assert_eq!(at("mlcheck --questions b"), sorted(&["bank.toml"]));
}

#[test]
fn bash_offers_the_ids_and_file_names() {
    let dir = workdir();
    let script = script("bash", dir.path());
    let at = |line: &str| bash(&script, dir.path(), line);
    assert_eq!(at("mlcheck myths f").0, sorted(&["fun", "future-proof"]));
    assert_eq!(at("mlcheck man q").0, sorted(&["questions", "quiz"]));
    assert_eq!(at("mlcheck quiz --answers a").0, sorted(&["answers.txt"]));
    assert_eq!(at("mlcheck quiz --questions b").0, sorted(&["bank.toml"]));
    assert_eq!(at("mlcheck --questions b").0, sorted(&["bank.toml"]));
    // After `check`, the script offers nothing and bash completes file names itself.
    let (words, falls_back_to_files) = at("mlcheck check b");
    assert!(words.is_empty() && falls_back_to_files, "{words:?}, -o default: {falls_back_to_files}");
}
