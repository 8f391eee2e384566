//! The command line, as clap sees it. `lib.rs` turns it into work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::base::lang::Lang;

/// The end of `mlcheck --help`: a summary of what the short help has no room for. The man
/// page leaves it out and has full sections instead (`commands/man.rs`).
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
                  reality checks and recommends: go into ML, or stay in front-end, back-end or mobile.\n\n\
                  The options of a command follow it (mlcheck quiz --help lists them); --questions, \
                  --lang and --color may also come before it, as in mlcheck --lang ko quiz.",
    arg_required_else_help = true,
    max_term_width = 100,
    after_long_help = AFTER_LONG_HELP,
    // Before the command, the bank options are hidden, so that help shows each only after
    // the commands it acts on. (Completion scripts still offer them there, with the same help.)
    mut_arg("questions", |arg| arg.hide(true)),
    mut_arg("lang", |arg| arg.hide(true)),
    mut_arg("color", |arg| arg.hide(true))
)]
pub struct Cli {
    /// `--questions`, `--lang` and `--color` given before the command (`mlcheck --lang ko
    /// quiz`): hidden from help, they apply to a command that takes them. [`Cli::bank_args`]
    /// merges them with the command's own.
    #[command(flatten)]
    pub leading: BankArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// The options of every command that reads a bank and shows its texts. A subcommand that
/// acts on them flattens this struct into its own arguments (`#[command(flatten)] bank:
/// BankArgs`) and returns it from [`Command::bank_args`]; one that doesn't, leaves it out,
/// so its help doesn't list options that would do nothing there.
#[derive(Debug, Clone, Default, Args)]
pub struct BankArgs {
    /// The question bank, instead of the built-in one.
    #[arg(long, value_name = "FILE", help = QUESTIONS_HELP)]
    pub questions: Option<PathBuf>,

    /// The language of the texts, instead of the locale's.
    #[arg(long, value_enum, value_name = "LANG", ignore_case = true, help = LANG_HELP)]
    pub lang: Option<Lang>,

    /// When to colour output (`None`: auto).
    #[arg(long, value_enum, value_name = "WHEN", ignore_case = true, help = COLOR_HELP)]
    pub color: Option<ColorWhen>,
}

/// Help of `--questions`, before or after the command.
const QUESTIONS_HELP: &str = "Use this question bank instead of the built-in one";
/// Help of `--lang`, before or after the command.
const LANG_HELP: &str = "Language of the texts [default: from LC_ALL, LC_MESSAGES or LANG; else English]";
/// Help of `--color`, before or after the command.
const COLOR_HELP: &str = "When to use colour [default: auto] (NO_COLOR turns off \"auto\")";

impl Cli {
    /// The bank, language and colour options in effect: the command's own, else those given
    /// before it. A command without [`BankArgs`] gets the leading ones; `--lang` still picks
    /// the language of its errors.
    pub fn bank_args(&self) -> BankArgs {
        let own = self.command.bank_args().cloned().unwrap_or_default();
        let lead = &self.leading;
        BankArgs {
            questions: own.questions.or_else(|| lead.questions.clone()),
            lang: own.lang.or(lead.lang),
            color: own.color.or(lead.color),
        }
    }
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Take the quiz: interactive in a terminal, scripted when answers come from a file or a pipe
    ///
    /// In a terminal, the questions are asked on standard error (arrow keys to move, Enter to
    /// choose, Esc to go back) and the article's counterpoint follows each myth. With --answers
    /// or a pipe on standard input, mlcheck never waits for the keyboard: it prints a transcript
    /// of the questions and answers, then the result.
    ///
    /// The result, on standard output, recommends going into machine learning or staying on
    /// your track, and shows the score against the threshold, what pushed it myth by myth, the
    /// answers that decided it, the fewest changed answers that would change it and what to do
    /// next. --format json and --format markdown give the same result for scripts and for pasting.
    Quiz(QuizArgs),
    /// Print the question bank: ids, prompts, numbered choices with keys and weights
    ///
    /// Every question with its id, its prompt and its numbered choices, each with its key and
    /// weight: what an answers file may use. The score is the sum of the chosen weights.
    Questions {
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text, ignore_case = true)]
        format: Format,

        #[command(flatten)]
        bank: BankArgs,
    },
    /// Read the five myths with their counterpoints and reality checks, without the quiz
    ///
    /// Each myth of the article with its counterpoint and the reality checks that go with it;
    /// with an ID, only that myth.
    Myths {
        /// Output format
        #[arg(long, value_enum, default_value_t = ReadingFormat::Text, ignore_case = true)]
        format: ReadingFormat,

        /// Print only this myth
        #[arg(ignore_case = true, value_parser = clap::builder::PossibleValuesParser::new(crate::model::bank::MYTHS))]
        id: Option<String>,

        #[command(flatten)]
        bank: BankArgs,
    },
    /// What a whole group believes: one report from many answers files and JSON results
    #[command(after_long_help = REPORT_AFTER_LONG_HELP)]
    Report(ReportArgs),
    /// Before and after: did a session change minds? Two groups' results side by side
    #[command(after_long_help = COMPARE_AFTER_LONG_HELP)]
    Compare(CompareArgs),
    /// Run the quiz for a room in the browser: answers land in DIR, the organizer sees the live report
    #[command(after_long_help = SERVE_AFTER_LONG_HELP)]
    Serve(ServeArgs),
    /// Check question banks and report every problem as FILE:LINE:COLUMN
    ///
    /// Reads each bank, reports every problem found as FILE:LINE:COLUMN followed by what is
    /// wrong, and a valid bank gets a one-line summary. With several banks the exit status is
    /// the worst one: 66 if a file can't be opened, else 65 if any bank is invalid.
    Check {
        /// The banks to check ("-" for stdin) [default: the built-in bank]
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print a completion script for a shell
    ///
    /// Prints the script for SHELL on standard output, to be saved where the shell looks for
    /// completions, for example: mlcheck completions bash >
    /// ~/.local/share/bash-completion/completions/mlcheck
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), for "man -l -" or a man directory
    ///
    /// Prints mlcheck(1), or with SUBCOMMAND the page of that subcommand, as roff on standard
    /// output: read it with mlcheck man | man -l -, or install it, for example with mlcheck man
    /// quiz > ~/.local/share/man/man1/mlcheck-quiz.1
    Man {
        /// The page of this subcommand (mlcheck-quiz(1) and so on) instead of mlcheck(1)
        // Every visible subcommand, in order: `man_takes_every_subcommand_and_nothing_else`
        // holds this list to the definition, so it costs nothing at run time.
        #[arg(value_name = "SUBCOMMAND", value_parser = ["quiz", "questions", "myths", "report", "compare", "serve", "check", "completions", "man"])]
        subcommand: Option<String>,
    },
}

impl Command {
    /// The [`BankArgs`] this command takes, if it takes them. Every command that flattens
    /// them returns them here (the match has no catch-all, so a new command must choose).
    pub fn bank_args(&self) -> Option<&BankArgs> {
        match self {
            Command::Quiz(args) => Some(&args.bank),
            Command::Report(args) => Some(&args.bank),
            Command::Compare(args) => Some(&args.bank),
            Command::Serve(args) => Some(&args.bank),
            Command::Questions { bank, .. } | Command::Myths { bank, .. } => Some(bank),
            Command::Check { .. } | Command::Completions { .. } | Command::Man { .. } => None,
        }
    }
}

/// Options of `mlcheck quiz`.
#[derive(Debug, Args)]
pub struct QuizArgs {
    /// Read answers from FILE ("-" for stdin) instead of asking
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Answer the first question (your track) up front
    #[arg(long, value_name = "KEY", ignore_case = true,
          value_parser = clap::builder::PossibleValuesParser::new(crate::model::bank::TRACKS))]
    pub track: Option<String>,

    /// Write the answers given to FILE, in the keyed form --answers reads
    #[arg(long, value_name = "FILE")]
    pub save_answers: Option<PathBuf>,

    /// Output format of the result
    #[arg(long, value_enum, default_value_t = ResultFormat::Text, ignore_case = true)]
    pub format: ResultFormat,

    /// In scripted text mode, print only the result, not the transcript
    #[arg(long, short)]
    pub quiet: bool,

    #[command(flatten)]
    pub bank: BankArgs,
}

/// Options of `mlcheck report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Answers files, JSON results, or directories holding them; - reads JSON results from stdin
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Output format of the report
    #[arg(long, value_enum, ignore_case = true, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,

    /// Hide any track with fewer than N results; refuse a report of fewer than N (at least 3)
    #[arg(long, value_name = "N", default_value_t = crate::group::aggregate::MIN_GROUP_DEFAULT, value_parser = parse_min_group)]
    pub min_group: u64,

    #[command(flatten)]
    pub bank: BankArgs,
}

/// The end of `mlcheck report --help`.
const REPORT_AFTER_LONG_HELP: &str = "\
Input:
  A directory stands for the files in it and below it (names starting with `.` are
  skipped). A file starting with `{` holds JSON results as `mlcheck quiz --format json`
  writes them: one, several appended, or one a line (JSON Lines). Any other file is an
  answers file, as `mlcheck quiz --answers` reads it. Every result is scored again from
  its answers; a bad file or result is reported as FILE:LINE and left out.

Privacy:
  With fewer than --min-group results in all, there is no report. A track with fewer
  is hidden, and more are hidden when the hidden ones together hold fewer, so no one can
  be singled out by subtracting.

Exit status:
  0 every file read, 65 something was left out, 66 a PATH or file could not be opened
  (the report is printed in both cases); 65 too without a report: no valid result, or
  fewer than --min-group; 2 usage error.";

fn parse_min_group(value: &str) -> Result<u64, String> {
    let floor = crate::group::aggregate::MIN_GROUP_FLOOR;
    match value.trim().parse::<u64>() {
        Ok(n) if n >= floor => Ok(n),
        Ok(_) => Err(format!("must be at least {floor}: smaller groups could single people out")),
        Err(_) => Err(format!("must be a whole number, at least {floor}")),
    }
}

/// Options of `mlcheck compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The results before: a file or a directory, read as `report` reads a PATH
    #[arg(value_name = "BEFORE")]
    pub before: PathBuf,

    /// The results after, the same way
    #[arg(value_name = "AFTER")]
    pub after: PathBuf,

    /// Output format of the comparison
    #[arg(long, value_enum, ignore_case = true, default_value_t = CompareFormat::Text)]
    pub format: CompareFormat,

    /// Refuse a side with fewer than N results; hide how people moved below N pairs (at least 3)
    #[arg(long, value_name = "N", default_value_t = crate::group::aggregate::MIN_GROUP_DEFAULT, value_parser = parse_min_group)]
    pub min_group: u64,

    #[command(flatten)]
    pub bank: BankArgs,
}

/// The end of `mlcheck compare --help`.
const COMPARE_AFTER_LONG_HELP: &str = "\
Pairing:
  A result in BEFORE and one in AFTER are the same person when their files have the
  same path under BEFORE and AFTER (before/alice.txt and after/alice.txt), compared in
  Unicode NFC. Results in a file that holds several (appended JSON, JSON Lines) are not
  paired and count in their side as they are.

Sign test:
  For each myth, the paired people who moved toward agreeing are set against those who
  moved toward disagreeing (those who stayed are left out): p = min(1, 2 x sum over
  i <= k of C(n, i) / 2^n), n movers, k the smaller direction. Below 0.05, with at
  least 6 movers, the change is called unlikely to be chance.

Privacy:
  With fewer than --min-group results on a side, there is no comparison. With fewer
  than --min-group pairs, how the paired people moved is not shown. Results alone in
  their file without a partner count only when a side has none or at least
  --min-group of them: 1 to --min-group - 1 are left out of that side, and the output
  says so, since the difference of the two sides would be their answers.

Exit status:
  As `mlcheck report`: 0 every file read, 65 something was left out, 66 a PATH or file
  could not be opened (the comparison is printed in both cases); 65 too without a
  comparison: a side with no valid result or fewer than --min-group; 2 usage error.";

/// A format of `mlcheck compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Text with arrow charts, for a terminal
    Text,
    /// GitHub-flavoured Markdown: tables, and the charts in a code block
    Markdown,
    /// One JSON object for scripts, with each side's report
    Json,
    /// One self-contained HTML page with SVG charts
    Html,
}

/// Options of `mlcheck serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The folder the answers land in, one answers file a participant (made if missing)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Where to listen: an IP address and port; port 0 picks a free one. 0.0.0.0:8080 lets
    /// the room's network in
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080", value_parser = parse_listen)]
    pub listen: std::net::SocketAddr,

    /// Hide any track with fewer than N results in the live report; no report below N (at least 3)
    #[arg(long, value_name = "N", default_value_t = crate::group::aggregate::MIN_GROUP_DEFAULT, value_parser = parse_min_group)]
    pub min_group: u64,

    /// Take at most N results; past it, a page says the session is full
    #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_results: u64,

    /// Don't draw the QR code of the participant URL in the terminal
    #[arg(long)]
    pub no_qr: bool,

    #[command(flatten)]
    pub bank: BankArgs,
}

/// The end of `mlcheck serve --help`.
const SERVE_AFTER_LONG_HELP: &str = "\
URLs:
  stdout gets two lines: the participant URL (the room opens it, or scans the QR code
  drawn on stderr), then the organizer URL, which holds a random secret: the live report,
  refreshing itself; ?join shows only how to join, for the projector; ?format=json, csv
  or markdown gives what `mlcheck report DIR --format ...` prints now.

Answers:
  Each finished quiz is one answers file in DIR, named from a random id the browser keeps
  in a cookie: taking the quiz again replaces it, and the same browser gets the same name
  in another folder, so `compare before/ after/` pairs it. Scripts may POST an answers
  file to {participant URL}answers.

Privacy:
  Listens on 127.0.0.1 unless --listen says otherwise. The live report keeps report's
  rules (--min-group). Pages carry no script and no external resource.

Exit status:
  0 stopped with Ctrl-C or SIGTERM; 1 DIR can't be written or ADDR can't be listened on;
  2 usage error.";

fn parse_listen(value: &str) -> Result<std::net::SocketAddr, String> {
    value.trim().parse().map_err(|_| {
        "must be an IP address and a port, such as 127.0.0.1:8080, 0.0.0.0:8080 or [::1]:0 (no host names)".to_string()
    })
}

/// A format of `mlcheck report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Text with block-element charts, for a terminal
    Text,
    /// GitHub-flavoured Markdown: tables, and the charts in a code block
    Markdown,
    /// One JSON object for scripts
    Json,
    /// The counts in long form: question,choice,count,share
    Csv,
    /// One self-contained HTML page with SVG charts
    Html,
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// When the stream is a terminal, NO_COLOR is unset and TERM is not "dumb"
    #[default]
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
    let lines: Vec<String> = text.lines().map(crate::base::sanitize::escape).collect();
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{}", lines.join("\n"));
    std::process::exit(err.exit_code())
}

/// The clap command, for completions, the man page and tests.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// The names of the visible subcommands of `command`, in their order (not clap's own `help`,
/// which is added only when the command is built).
pub fn subcommand_names(command: &clap::Command) -> Vec<String> {
    command.get_subcommands().filter(|sub| !sub.is_hide_set()).map(|sub| sub.get_name().to_string()).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_cli() {
        super::command().debug_assert();
    }

    #[test]
    fn man_takes_every_subcommand_and_nothing_else() {
        let command = super::command();
        let man = command.find_subcommand("man").unwrap();
        let arg = man.get_arguments().find(|a| a.get_id() == "subcommand").unwrap();
        let values: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
        assert_eq!(values, ["quiz", "questions", "myths", "report", "compare", "serve", "check", "completions", "man"]);
        assert_eq!(values, super::subcommand_names(&command));
    }
}
