//! Whole-file snapshots under tests/rendered/, as tealdeer's `*.expected` files: a change in
//! wording or layout shows up as a readable diff. `UPDATE_EXPECTED=1 cargo test` rewrites
//! them; review the diff before committing.

use std::fs;
use std::path::PathBuf;

/// Compares `actual` with tests/rendered/`name`, or rewrites that file when UPDATE_EXPECTED
/// is set. On a difference, panics with the first five lines that differ.
pub fn snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/rendered").join(name);
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        fs::write(&path, actual).unwrap();
        return;
    }
    let rerun = format!("UPDATE_EXPECTED=1 cargo test --test {}", test_binary());
    let expected = fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing; run {rerun}", path.display()));
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .filter(|(_, (e, a))| e != a)
            .take(5)
            .map(|(i, (e, a))| format!("line {}:\n  expected: {e}\n  actual:   {a}", i + 1))
            .collect();
        panic!(
            "{name} differs from {} ({} vs {} lines)\n{}\nrun {rerun} and review the diff",
            path.display(),
            expected.lines().count(),
            actual.lines().count(),
            diff.join("\n")
        );
    }
}

/// Asserts that the README block marked `<!-- sample: tests/rendered/NAME -->` shows exactly
/// that snapshot (`python3 scripts/sync-samples.py` copies them in).
pub fn readme_sample(name: &str) {
    let readme = include_str!("../../README.md");
    let marker = format!("<!-- sample: tests/rendered/{name} -->\n```text\n");
    let start = readme.find(&marker).unwrap_or_else(|| panic!("README shows no sample of {name}")) + marker.len();
    let len = readme[start..].find("```").unwrap();
    let expected =
        fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/rendered").join(name)).unwrap();
    assert_eq!(&readme[start..start + len], expected, "README's sample differs from tests/rendered/{name}");
}

/// The name of the running test binary (`report` for target/debug/deps/report-1a2b3c).
fn test_binary() -> String {
    let exe = std::env::current_exe().unwrap_or_default();
    let stem = exe.file_stem().and_then(|s| s.to_str()).unwrap_or("rendered");
    stem.rsplit_once('-').map_or(stem, |(name, _hash)| name).to_string()
}
