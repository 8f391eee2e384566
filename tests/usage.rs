//! The README's command reference must be the commands' own help, so the docs cannot
//! drift from the binary. `python3 scripts/sync-usage.py` rewrites the blocks.

mod common;

use std::collections::BTreeSet;

const README: &str = include_str!("../README.md");
const MARK: &str = "<!-- usage: ";

/// `(args, block)` for every usage block of the README.
fn blocks() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = README;
    while let Some(start) = rest.find(MARK) {
        rest = &rest[start + MARK.len()..];
        let end = rest.find(" -->").expect("usage marker is closed");
        let args = rest[..end].to_string();
        let body_start = rest.find("```text\n").expect("usage block follows its marker") + "```text\n".len();
        let body_len = rest[body_start..].find("```").expect("usage block is closed");
        out.push((args, rest[body_start..body_start + body_len].to_string()));
        rest = &rest[body_start + body_len..];
    }
    out
}

#[test]
fn readme_usage_matches_help() {
    let blocks = blocks();
    assert!(!blocks.is_empty(), "README has no usage blocks");
    for (args, block) in &blocks {
        let mut words = args.split_whitespace();
        assert_eq!(words.next(), Some("mlcheck"));
        let out = common::mlcheck().args(words).output().unwrap();
        assert!(out.status.success(), "`{args}` failed");
        let help = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            block, &help,
            "README's block for `{args}` differs from the binary's help; run: cargo build && python3 scripts/sync-usage.py"
        );
    }
}

#[test]
fn every_subcommand_has_a_usage_block() {
    let documented: BTreeSet<String> = blocks().into_iter().map(|(args, _)| args).collect();
    let mut wanted = vec!["mlcheck -h".to_string()];
    for sub in mlcheck::cli::command().get_subcommands() {
        wanted.push(format!("mlcheck {} -h", sub.get_name()));
    }
    for w in wanted {
        assert!(documented.contains(&w), "README lacks a usage block for `{w}`");
    }
}
