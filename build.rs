//! Validates the built-in question bank when mlcheck is built, so a broken questions.toml
//! fails the build with `FILE:LINE:COLUMN` messages, and stores the validated bank as JSON
//! in OUT_DIR for `src/lib.rs` to load without parsing or validating TOML at run time.
//!
//! It compiles the crate's own bank loader (`src/bank`, `src/lang.rs`, `src/sanitize.rs`),
//! so the build checks with exactly the rules `mlcheck check` uses.

#![allow(dead_code, unused_imports)]

#[path = "src/bank/mod.rs"]
mod bank;
#[path = "src/lang.rs"]
mod lang;
#[path = "src/sanitize.rs"]
mod sanitize;

use std::path::PathBuf;

fn main() {
    for path in ["questions.toml", "src/bank", "src/lang.rs", "src/sanitize.rs", "build.rs"] {
        println!("cargo:rerun-if-changed={path}");
    }
    let bank = match bank::Bank::builtin() {
        Ok(bank) => bank,
        Err(err) => {
            for line in err.to_string().lines() {
                println!("cargo:warning={line}");
            }
            eprintln!("{err}");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin-bank.json");
    let json = serde_json::to_string(&bank).expect("a bank serializes");
    std::fs::write(&out, json).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
