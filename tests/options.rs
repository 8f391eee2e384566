//! Where `--questions`, `--lang` and `--color` are offered and taken: in the help of the
//! commands they act on and nowhere else, after the command or before it, and with their
//! values (and `--format`'s) in any case.

mod common;

use common::Run;

/// `mlcheck ARGS` in the hermetic environment, without the `--color never` of `common::run`.
fn bare(args: &[&str]) -> Run {
    let mut cmd = common::mlcheck();
    cmd.args(args);
    Run::of(cmd)
}

/// The option names (`--lang`, ...) listed by `mlcheck SUBCOMMAND --help`.
fn listed_options(subcommand: &str) -> Vec<String> {
    let help = bare(&[subcommand, "--help"]).expect(0).stdout;
    help.lines()
        .filter_map(|line| line.trim_start().split([' ', ',']).find(|word| word.starts_with("--")))
        .map(|word| word.split('<').next().unwrap().trim().to_string())
        .collect()
}

const SHARED: [&str; 3] = ["--questions", "--lang", "--color"];

#[test]
fn shared_options_are_listed_only_where_they_act() {
    for sub in ["quiz", "questions", "myths"] {
        let listed = listed_options(sub);
        for option in SHARED {
            assert!(listed.iter().any(|o| o == option), "`mlcheck {sub} --help` should list {option}: {listed:?}");
        }
    }
    for sub in ["check", "completions", "man"] {
        let listed = listed_options(sub);
        for option in SHARED {
            assert!(
                !listed.iter().any(|o| o == option),
                "`mlcheck {sub} --help` lists {option}, which does nothing there"
            );
        }
    }
    let top = bare(&["--help"]).expect(0).stdout;
    for option in SHARED {
        assert!(!top.contains(&format!("{option} <")), "`mlcheck --help` lists {option}:\n{top}");
    }
}

#[test]
fn shared_options_work_after_the_command() {
    let korean = bare(&["myths", "fun", "--lang", "ko", "--color", "never"]).expect(0).stdout;
    assert!(korean.contains("재미"), "{korean}");
    let bank = common::fixture("banks/english-only.toml");
    let bank = bank.to_str().unwrap();
    let out = bare(&["questions", "--questions", bank, "--format", "json"]).expect(0).stdout;
    assert!(out.contains("Zorblax"), "`questions --questions FILE` should read FILE:\n{out}");
}

#[test]
fn shared_options_still_work_before_the_command() {
    let korean = bare(&["--lang", "ko", "--color", "never", "myths", "fun"]).expect(0).stdout;
    assert!(korean.contains("재미"), "{korean}");
    let coloured = bare(&["--color", "always", "myths", "fun"]).expect(0).stdout;
    assert!(coloured.contains('\u{1b}'), "--color always before the command should colour:\n{coloured}");
}

#[test]
fn after_the_command_wins_over_before() {
    let out = bare(&["--lang", "en", "myths", "fun", "--lang", "ko"]).expect(0).stdout;
    assert!(out.contains("재미"), "{out}");
    let out = bare(&["--color", "always", "myths", "fun", "--color", "never"]).expect(0).stdout;
    assert!(!out.contains('\u{1b}'), "{out}");
}

#[test]
fn a_shared_option_after_a_command_without_it_is_a_usage_error() {
    for args in
        [&["completions", "bash", "--lang", "ko"][..], &["man", "--color", "never"], &["check", "--questions", "x"]]
    {
        let run = bare(args).expect(2);
        assert!(run.stderr.contains("unexpected argument"), "{args:?}:\n{}", run.stderr);
    }
}

#[test]
fn values_are_case_insensitive() {
    let json = bare(&["questions", "--format", "JSON", "--color", "Never"]).expect(0).stdout;
    assert!(json.trim_start().starts_with('{'), "--format JSON should print JSON:\n{json}");
    let korean = bare(&["myths", "fun", "--lang", "KO", "--color", "NEVER"]).expect(0).stdout;
    assert!(korean.contains("재미"), "{korean}");
    let before = bare(&["--lang", "Ko", "--color", "ALWAYS", "myths", "fun"]).expect(0).stdout;
    assert!(before.contains("재미") && before.contains('\u{1b}'), "{before}");
    let answers = common::all_nth(1);
    let mut cmd = common::mlcheck();
    cmd.args(["quiz", "--format", "Json", "--lang", "kO"]).write_stdin(answers);
    let run = Run::of(cmd).expect(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("quiz --format Json prints JSON");
    assert_eq!(v["lang"], "ko");
}

#[test]
fn an_unknown_value_still_lists_the_valid_ones() {
    let run = bare(&["myths", "--lang", "fr"]).expect(2);
    assert!(run.stderr.contains("[possible values: en, ko]"), "{}", run.stderr);
    let run = bare(&["--color", "sometimes", "myths"]).expect(2);
    assert!(run.stderr.contains("[possible values: auto, always, never]"), "{}", run.stderr);
}
