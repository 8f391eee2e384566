//! The command line, as clap sees it. `lib.rs` turns it into work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::lang::Lang;

/// The end of `mlcheck --help` and of the man page: what the short help has no room for.
const AFTER_LONG_HELP: &str = "\
Answers files (mlcheck quiz --answers FILE, or a pipe):
  One answer per line: the choice number or key (`mlcheck questions` lists them). A line
  `ID = ANSWER` answers question ID; a plain line answers the next unanswered question.
  Blank lines and # comments are ignored. --save-answers writes this form.

Exit status:
  0 done (a closed pipe is a normal end), 1 any other failure (stdout can't be written,
  --save-answers failed), 2 usage error, 65 bad data (answers file or question bank),
  66 an input file can't be opened, 130 cancelled (Ctrl-C).

Environment:
  LC_ALL, LC_MESSAGES, LANG  the first set picks the language (ko... is Korean)
  NO_COLOR                   set and not empty: no colour with --color auto
  TERM=dumb                  plain numbered prompts and no escape sequences
  COLUMNS                    the width when stdout is not a terminal (default 80)";

/// Should you, a software engineer, move into machine learning? A quiz on five myths.
#[derive(Debug, Parser)]
#[command(
    name = "mlcheck",
    version,
    about = "Should you, a software engineer, move into machine learning? A quiz on five myths.",
    long_about = "Should you, a software engineer, move into machine learning?\n\n\
                  mlcheck walks you through the five usual reasons (ML seems hard, the jobs, the \
                  wages, being future-proof, the fun), shows the counterpoints of Roman Orac's \
                  article \"5 Reasons You Don't Need to Learn Machine Learning\", asks a few \
                  reality checks and recommends: go into ML, or stay in front-end, back-end or mobile.",
    arg_required_else_help = true,
    max_term_width = 100,
    after_long_help = AFTER_LONG_HELP
)]
pub struct Cli {
    /// Use this question bank instead of the built-in one
    #[arg(long, global = true, value_name = "FILE")]
    pub questions: Option<PathBuf>,

    /// Language of the texts [default: from LC_ALL, LC_MESSAGES or LANG; else English]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,

    /// When to use colour (NO_COLOR turns off "auto")
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Take the quiz: interactive in a terminal, scripted when answers come from a file or a pipe
    Quiz(QuizArgs),
    /// Print the question bank: ids, prompts, numbered choices with keys and weights
    Questions {
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Read the five myths with their counterpoints and reality checks, without the quiz
    Myths {
        /// Output format
        #[arg(long, value_enum, default_value_t = ReadingFormat::Text)]
        format: ReadingFormat,

        /// Print only this myth
        #[arg(ignore_case = true, value_parser = clap::builder::PossibleValuesParser::new(crate::bank::MYTHS))]
        id: Option<String>,
    },
    /// Check a question bank and report every problem as FILE:LINE:COLUMN
    Check {
        /// The bank to check [default: --questions, else the built-in bank]
        file: Option<PathBuf>,
    },
    /// Print a completion script for a shell
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), for `man -l -` or a man directory
    Man {
        /// The page of this subcommand (mlcheck-quiz(1) and so on) instead of mlcheck(1)
        #[arg(value_parser = ["quiz", "questions", "myths", "check", "completions", "man"])]
        subcommand: Option<String>,
    },
}

/// Options of `mlcheck quiz`.
#[derive(Debug, Args)]
pub struct QuizArgs {
    /// Read answers from FILE ("-" for stdin) instead of asking
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Answer the first question (your track) up front
    #[arg(long, value_name = "KEY", ignore_case = true,
          value_parser = clap::builder::PossibleValuesParser::new(crate::bank::TRACKS))]
    pub track: Option<String>,

    /// Write the answers given to FILE, in the keyed form --answers reads
    #[arg(long, value_name = "FILE")]
    pub save_answers: Option<PathBuf>,

    /// Output format of the result
    #[arg(long, value_enum, default_value_t = ResultFormat::Text)]
    pub format: ResultFormat,

    /// In scripted text mode, print only the result, not the transcript
    #[arg(long, short)]
    pub quiet: bool,
}

/// The output format of `mlcheck questions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for people
    Text,
    /// One JSON object for scripts
    Json,
}

/// The output format of a quiz's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResultFormat {
    /// Text for people
    Text,
    /// One JSON object for scripts
    Json,
    /// GitHub-flavoured Markdown, to paste into an issue, a wiki or a chat
    Markdown,
}

/// The output format of the reading mode (`mlcheck myths`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReadingFormat {
    /// Text for people
    Text,
    /// GitHub-flavoured Markdown, to paste into an issue, a wiki or a chat
    Markdown,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// When the stream is a terminal, NO_COLOR is unset and TERM is not "dumb"
    Auto,
    /// Always, even into a pipe
    Always,
    /// Never
    Never,
}

/// `--lang` values. Kept here so that `lang.rs` needs no clap (build.rs compiles it too).
impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &Lang::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let help = match self {
            Lang::En => "English",
            Lang::Ko => "Korean",
        };
        Some(clap::builder::PossibleValue::new(self.code()).help(help))
    }
}

/// Ends the process for a command line clap could not take. Help and version go to stdout
/// as clap prints them; errors go to stderr as plain text with control characters escaped,
/// since clap repeats what was typed and that may hold escape sequences.
pub fn exit_with(err: clap::Error) -> ! {
    if !err.use_stderr() {
        let _ = err.print();
        std::process::exit(0);
    }
    let text = err.render().to_string();
    let lines: Vec<String> = text.lines().map(crate::sanitize::escape).collect();
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{}", lines.join("\n"));
    std::process::exit(err.exit_code())
}

/// The clap command, for completions, the man page and tests.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_cli() {
        super::command().debug_assert();
    }
}
