//! What the streams are connected to, and the decisions that follow: interactive or
//! scripted, colour or not, how wide to wrap. Decided once, at start, from one place.

use std::io::IsTerminal;

use crate::cli::ColorWhen;

/// Widest text mlcheck wraps to, even on a wide terminal: long lines are hard to read.
const MAX_WIDTH: usize = 100;
/// Narrowest width results are laid out for: the stacked Korean chart needs 30 columns.
const MIN_WIDTH: usize = 30;
/// Width used when a stream is not a terminal.
pub const DEFAULT_WIDTH: usize = 80;

/// The facts about this process's terminal, read once.
#[derive(Debug, Clone)]
pub struct Terminal {
    /// stdin is a terminal.
    pub stdin_tty: bool,
    /// stderr is a terminal.
    pub stderr_tty: bool,
    /// TERM is "dumb": no cursor movement, no escape sequences.
    pub dumb: bool,
    /// Columns to wrap stdout's text to (COLUMNS overrides 80 when stdout is no terminal).
    pub width_out: usize,
}

impl Terminal {
    /// Reads the streams and the environment, and sets colored's and console's switches to
    /// one decision so prompts and results agree.
    pub fn detect(color: ColorWhen) -> Terminal {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        let no_color = var("NO_COLOR").is_some();
        let dumb = var("TERM").is_some_and(|t| t == "dumb");
        let stdout_tty = std::io::stdout().is_terminal();
        let stderr_tty = std::io::stderr().is_terminal();
        let decide = |tty: bool| match color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => tty && !no_color && !dumb,
        };
        // Colour is not kept: colored (results, stdout) and console (prompts, stderr) each get
        // their switch set here, once.
        let (color_out, color_err) = (decide(stdout_tty), decide(stderr_tty));
        colored::control::set_override(color_out);
        console::set_colors_enabled(color_out);
        console::set_colors_enabled_stderr(color_err);
        Terminal {
            stdin_tty: std::io::stdin().is_terminal(),
            stderr_tty,
            dumb,
            width_out: width(console::Term::stdout(), stdout_tty),
        }
    }
}

/// The columns of a terminal, capped at the widest mlcheck wraps to; `None` when unknown.
pub fn columns(term: &console::Term) -> Option<usize> {
    term.size_checked().map(|(_, c)| c as usize).filter(|&c| c > 0).map(|c| c.min(MAX_WIDTH))
}

/// The width to render stdout's text at: the terminal's; when stdout is not a terminal,
/// COLUMNS if it is a number, else 80; never below the narrowest layout mlcheck draws.
fn width(term: console::Term, tty: bool) -> usize {
    let columns = if tty {
        columns(&term)
    } else {
        std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()).filter(|&c: &usize| c > 0)
    };
    columns.unwrap_or(DEFAULT_WIDTH).clamp(MIN_WIDTH, MAX_WIDTH)
}
