//! mlcheck: a quiz on whether a software engineer should move into machine learning, built
//! on Roman Orac's article "5 Reasons You Don't Need to Learn Machine Learning".
//!
//! `src/` is laid out by layer, each folder importing only the folders listed before it:
//! - `base/`: the ground every layer stands on: the interface's words in English and Korean,
//!   languages, escaping, wrapping, bounded reading of files, exit codes.
//! - `model/`: the quiz itself: the question bank, answers, scoring, what would change it.
//! - `group/`: many results: gathering them from PATHs, counting them under the privacy
//!   rules, pairing before and after, the sign test.
//! - `render/`: text, Markdown, JSON, CSV and HTML of what `model` and `group` computed.
//! - `serve/`: `mlcheck serve`, the quiz and the live report in a browser; beside `terminal/`,
//!   never importing it.
//! - `terminal/`: the interactive prompts and what the streams are connected to.
//! - `commands/`: one file a subcommand; `cli.rs` (the command line) and `error.rs` (how a
//!   run ends) sit beside them.
//!
//! No lower layer imports a higher one: `model` and `group` never see a terminal or a
//! command, so the web server can reuse them. `tests/layers.rs` fails when one does.

#![deny(clippy::all)]

pub mod base;
pub mod cli;
mod commands;
pub mod error;
pub mod group;
pub mod model;
pub mod render;
pub mod serve;
mod terminal;

use std::io::{self, Write};

use base::lang::{self, Lang};
use cli::Cli;
use error::Error;

/// Runs the command line; the caller turns the result into an exit code. `locale` is the
/// language the environment asks for (see [`Lang::from_locale`]).
pub fn run(cli: Cli, locale: Lang) -> Result<(), Error> {
    commands::run(cli, locale)
}

/// Replaces the default panic message and status 101 with a short note and status 1.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let term = console::Term::stderr();
        if term.is_term() && std::env::var_os("TERM").is_none_or(|t| t != "dumb") {
            let _ = term.show_cursor();
        }
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
        let _ = match lang::interface() {
            Lang::En => writeln!(
                io::stderr(),
                "mlcheck: internal error{}. This is a bug in mlcheck, not in what you typed; \
                 please report it with the command you ran.",
                place.map(|p| format!(" at {p}")).unwrap_or_default()
            ),
            Lang::Ko => writeln!(
                io::stderr(),
                "mlcheck: 내부 오류가 났습니다{}. 입력한 내용이 아니라 mlcheck 자체의 버그이니, \
                 실행한 명령과 함께 알려 주세요.",
                place.map(|p| format!(" ({p})")).unwrap_or_default()
            ),
        };
        base::exit_codes::ExitCode::GeneralError.exit();
    }));
}
