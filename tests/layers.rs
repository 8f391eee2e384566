//! The layering of `src/` that `src/lib.rs` describes, checked: each folder imports only the
//! layers below it, so `model/` and `group/` never drag a terminal, a renderer or a command
//! along and the web server can reuse them. An import is any `crate::NAME` in code (comments
//! left out), `use crate::{a, b}` included.

use std::fs;
use std::path::{Path, PathBuf};

/// Each layer and the top-level modules its files may name after `crate::`.
const LAYERS: &[(&str, &[&str])] = &[
    ("base", &["base"]),
    ("model", &["base", "model"]),
    ("group", &["base", "model", "group"]),
    ("render", &["base", "model", "group", "render"]),
    ("terminal", &["base", "model", "terminal", "cli"]),
    // The web server: over the same model, group and renderers; never the terminal layer,
    // the command line or a command. `error` is for the words of report's refusals.
    ("serve", &["base", "model", "group", "render", "serve", "error"]),
];

/// The top-level modules named after `crate::` in `code`, comments left out.
fn imports(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let inside = group.split('}').next().unwrap_or("");
                found.extend(inside.split(',').map(|n| n.trim().split("::").next().unwrap_or("").to_string()));
            } else {
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                found.push(name);
            }
        }
    }
    found.retain(|n| !n.is_empty() && n != "self");
    found
}

/// What files under `dir` import that `allowed` doesn't allow, as `FILE: crate::NAME`.
fn violations(dir: &Path, allowed: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let code = fs::read_to_string(&path).unwrap();
                for name in imports(&code) {
                    if !allowed.contains(&name.as_str()) {
                        out.push(format!("{}: crate::{name}", path.display()));
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn every_layer_imports_only_the_layers_below_it() {
    let mut all = Vec::new();
    for (layer, allowed) in LAYERS {
        let dir = src().join(layer);
        assert!(dir.is_dir(), "src/{layer}/ is gone: update tests/layers.rs and src/lib.rs together");
        all.extend(violations(&dir, allowed));
    }
    assert!(all.is_empty(), "imports against the layering in src/lib.rs:\n{}", all.join("\n"));
}

#[test]
fn every_folder_of_src_is_a_layer_this_test_knows() {
    let known: Vec<&str> = LAYERS.iter().map(|(l, _)| *l).chain(["commands"]).collect();
    for entry in fs::read_dir(src()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            assert!(known.contains(&name.as_str()), "src/{name}/ is no layer of tests/layers.rs");
        }
    }
}

#[test]
fn the_check_finds_an_import_that_breaks_the_rule() {
    let code = "use crate::base::lang::Lang;\n// crate::terminal in a comment\nuse crate::{model::bank, terminal::term};\nlet x = crate::commands::emit;";
    assert_eq!(imports(code), ["base", "model", "terminal", "commands"]);
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.rs"), code).unwrap();
    let found = violations(dir.path(), &["base", "model", "group"]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].ends_with("bad.rs: crate::commands") && found[1].ends_with("bad.rs: crate::terminal"));
}
