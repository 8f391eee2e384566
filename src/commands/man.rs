//! `mlcheck man [SUBCOMMAND]`: mlcheck(1), or mlcheck-SUBCOMMAND(1).
//!
//! clap_mangen renders what the clap definition knows: name, synopsis, description, options,
//! subcommands and version. The sections a man page has and clap has no field for (EXIT
//! STATUS, ENVIRONMENT, ANSWERS FILES, EXAMPLES, SEE ALSO) are written here with roff, the
//! crate clap_mangen is built on. Every paragraph is one source line, so `man` fills and wraps
//! it to the reader's width; nothing is wrapped in the source. What a subcommand's page says
//! beyond its clap definition (DESCRIPTION, sections of its own, what its exit statuses
//! mean, examples) is data in `pages.rs`.

mod pages;

use std::io::{self, Write};

use clap::ValueHint;
use clap_mangen::Man;
use roff::{bold, italic, roman, Inline, Roff};

use self::pages::{PageText, Para};
use crate::cli;
use crate::commands::emit;
use crate::error::Error;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What roff (and so clap_mangen) writes before every document it renders: a string for
/// apostrophes. A page is rendered in parts, and needs it once.
const PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";

/// Prints the page asked for.
pub fn run(subcommand: Option<&str>) -> Result<(), Error> {
    let page = page(subcommand);
    emit(|w| w.write_all(page.as_bytes()))
}

/// The roff source of mlcheck(1) (`None`) or of mlcheck-SUBCOMMAND(1). Which sections a page
/// has follows from its options, so a new subcommand gets a fitting page with no change here.
pub fn page(subcommand: Option<&str>) -> String {
    let mut root = cli::command()
        // `mlcheck help` is `--help` under another name: no page of its own, none listed.
        .disable_help_subcommand(true)
        // The end of `--help` sums up what this page gives sections of its own.
        .after_long_help(None::<&str>)
        .subcommand_value_name("COMMAND");
    root.build();
    let names = cli::subcommand_names(&root);
    let (command, see_also): (clap::Command, Vec<String>) = match subcommand {
        None => (root.clone(), names.iter().map(|n| format!("mlcheck-{n}")).collect()),
        Some(name) => {
            let sub = root.find_subcommand(name).expect("clap checked the name").clone();
            let sub = sub.name(format!("mlcheck-{name}")).bin_name(format!("mlcheck {name}")).version(VERSION);
            let others = names.iter().filter(|n| *n != name).map(|n| format!("mlcheck-{n}"));
            (sub, std::iter::once("mlcheck".to_string()).chain(others).collect())
        }
    };
    let is_main = subcommand.is_none();
    let text_of: Option<&PageText> = subcommand.and_then(pages::find);
    let command = without_repeated_summary(command);
    let takes = |id: &str| command.get_arguments().any(|arg| arg.get_id() == id);
    let reads_files = is_main || command.get_arguments().any(|arg| arg.get_value_hint() == ValueHint::AnyPath);

    let man = Man::new(command.clone());
    let mut page = String::from(PREAMBLE);
    page.push_str(&title(command.get_name()));
    part(&mut page, |w| man.render_name_section(w));
    page.push_str(&synopsis(&command));
    match text_of {
        Some(own) if !own.description.is_empty() => part(&mut page, |w| description(own).to_writer(w)),
        _ => part(&mut page, |w| man.render_description_section(w)),
    }
    if command.get_arguments().any(|arg| !arg.is_hide_set()) {
        part(&mut page, |w| man.render_options_section(w));
    }
    if command.has_subcommands() {
        part(&mut page, |w| man.render_subcommands_section(w));
    }

    let mut roff = Roff::new();
    let statuses = Statuses {
        saves: is_main || takes("save_answers"),
        asks: is_main || takes("answers"),
        lang: is_main || takes("lang"),
        reads_files,
    };
    exit_status(&mut roff, &statuses, text_of.map_or(&[], |t| t.exit));
    if is_main || takes("lang") || takes("color") {
        environment(&mut roff);
    }
    if is_main || takes("answers") {
        answers_files(&mut roff);
    }
    for section in text_of.map_or(&[][..], |t| t.sections) {
        roff.control("SH", [section.heading]);
        paras(&mut roff, section.paras);
    }
    if is_main {
        examples(&mut roff);
    } else if let Some(own) = text_of.filter(|t| !t.examples.is_empty()) {
        roff.control("SH", ["EXAMPLES"]);
        for (line, what) in own.examples {
            item(&mut roff, line, what);
        }
    }
    part(&mut page, |w| roff.to_writer(w));
    part(&mut page, |w| man.render_version_section(w));
    part(&mut page, |w| see_also_section(&see_also).to_writer(w));
    page
}

/// The `.TH` line and the page's settings. clap_mangen's leaves the date out unquoted, which shifts the source into
/// the date's place; this one gives every field.
fn title(name: &str) -> String {
    let name = name.to_uppercase().replace('-', "\\-");
    // No hyphenation (an option split as `--ques-tions` reads as another option) and a ragged
    // right margin, as pages generated from text usually set.
    format!(".TH {name} 1 \"\" \"mlcheck {VERSION}\" \"User Commands\"\n.nh\n.ad l\n")
}

/// The command with a long description that doesn't open with its summary again: NAME
/// already gives it.
fn without_repeated_summary(command: clap::Command) -> clap::Command {
    let (Some(about), Some(long)) = (command.get_about(), command.get_long_about()) else { return command };
    match long.to_string().strip_prefix(&format!("{about}\n\n")) {
        Some(rest) => {
            let rest = rest.to_string();
            command.long_about(rest)
        }
        None => command,
    }
}

/// SYNOPSIS: the command and each visible option with its value, as `[--answers FILE]`
/// (clap_mangen's leaves the values out), then the positional arguments and the subcommand.
/// Written as roff directly: an unbreakable space (`\ `) keeps each bracketed group on one
/// output line, which the roff crate (escaping every backslash) can't express.
fn synopsis(command: &clap::Command) -> String {
    let escape = |s: &str| s.replace('\\', "\\\\").replace('-', "\\-");
    let b = |s: &str| format!("\\fB{}\\fR", escape(s));
    let i = |s: &str| format!("\\fI{}\\fR", escape(s));
    let value = |arg: &clap::Arg| {
        arg.get_value_names().map(|names| names.join(" ")).unwrap_or_else(|| arg.get_id().to_string())
    };
    let mut words = vec![b(command.get_bin_name().unwrap_or_else(|| command.get_name()))];
    let visible: Vec<&clap::Arg> = command.get_arguments().filter(|arg| !arg.is_hide_set()).collect();
    for arg in visible.iter().filter(|arg| !arg.is_positional()) {
        let mut word = match (arg.get_short(), arg.get_long()) {
            (Some(short), Some(long)) => format!("{}|{}", b(&format!("-{short}")), b(&format!("--{long}"))),
            (Some(short), None) => b(&format!("-{short}")),
            (None, Some(long)) => b(&format!("--{long}")),
            (None, None) => continue,
        };
        if arg.get_action().takes_values() {
            word = format!("{word}\\ {}", i(&value(arg)));
        }
        words.push(format!("[{word}]"));
    }
    for arg in visible.iter().filter(|arg| arg.is_positional()) {
        let many = arg.get_num_args().is_some_and(|range| range.max_values() > 1);
        let word = if many { format!("{}...", i(&value(arg))) } else { i(&value(arg)) };
        words.push(if arg.is_required_set() { word } else { format!("[{word}]") });
    }
    if command.has_subcommands() {
        words.push(format!("{} ...", i("COMMAND")));
    }
    format!(".SH SYNOPSIS\n{}\n", words.join(" "))
}

/// Appends what `render` writes, without the preamble the page already has.
fn part(page: &mut String, render: impl FnOnce(&mut dyn Write) -> io::Result<()>) {
    let mut buf = Vec::new();
    render(&mut buf).expect("writing to memory can't fail");
    let text = String::from_utf8(buf).expect("roff from UTF-8 text is UTF-8");
    page.push_str(text.strip_prefix(PREAMBLE).unwrap_or(&text));
}

/// A line of text with light markup: `code` in bold, <PLACEHOLDER> in italics.
fn text(markup: &str) -> Vec<Inline> {
    let mut inlines = Vec::new();
    let mut rest = markup;
    while let Some(start) = rest.find(['`', '<']) {
        if start > 0 {
            inlines.push(roman(&rest[..start]));
        }
        let (close, style): (char, fn(String) -> Inline) =
            if rest[start..].starts_with('`') { ('`', bold) } else { ('>', italic) };
        let after = &rest[start + 1..];
        let end = after.find(close).unwrap_or_else(|| panic!("unclosed {close} in {markup:?}"));
        inlines.push(style(after[..end].to_string()));
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        inlines.push(roman(rest));
    }
    inlines
}

/// A `.TP` item: a tag line, then its paragraph on one line.
fn item(roff: &mut Roff, tag: &str, body: &str) {
    roff.control("TP", []);
    roff.text(text(tag));
    roff.text(text(body));
}

/// What a page's command can meet, for its EXIT STATUS section.
struct Statuses {
    /// It takes `--save-answers`.
    saves: bool,
    /// It can ask on a terminal.
    asks: bool,
    /// It takes `--lang`.
    lang: bool,
    /// It reads files: a bank or answers.
    reads_files: bool,
}

/// EXIT STATUS: the general meanings of the codes the command can meet, or the command's
/// own meaning where `own` gives one (and codes only it has), in numeric order.
fn exit_status(roff: &mut Roff, statuses: &Statuses, own: &[(u8, &str)]) {
    let mut general: Vec<(u8, String)> = Vec::new();
    general_exit_status(&mut general, statuses);
    for &(code, meaning) in own {
        match general.iter_mut().find(|(c, _)| *c == code) {
            Some(entry) => entry.1 = meaning.to_string(),
            None => general.push((code, meaning.to_string())),
        }
    }
    general.sort_by_key(|(code, _)| *code);
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in general {
        item(roff, &format!("`{code}`"), &meaning);
    }
}

/// The general meanings of the exit statuses a command with `statuses` can meet.
fn general_exit_status(out: &mut Vec<(u8, String)>, statuses: &Statuses) {
    out.push((0, "Done. A closed pipe on standard output, as in `mlcheck questions | head`, is a normal end.".into()));
    let mut other = String::from("Any other failure, such as standard output that can't be written (a full disk)");
    if statuses.saves {
        other.push_str(
            "; or `--save-answers` failed, in which case the result is still shown and the answers are printed \
             on standard error so that nothing is lost",
        );
    }
    out.push((1, format!("{other}.")));
    let mut usage = vec!["an unknown option or value"];
    if statuses.lang {
        usage.push("a `--lang` the question bank doesn't have");
    }
    if statuses.asks {
        usage.push("no terminal to ask on");
    }
    let last = usage.pop().expect("one reason at least");
    let usage = if usage.is_empty() { last.to_string() } else { format!("{}, or {last}", usage.join(", ")) };
    out.push((2, format!("A usage error: {usage}.")));
    if statuses.reads_files {
        out.push((
            65,
            "Bad data: an invalid answers file or question bank. The message says where: the file, the line, the \
             question."
                .into(),
        ));
        out.push((66, "An input file can't be opened: it is missing, a directory, or not readable.".into()));
    }
    if statuses.asks {
        out.push((130, "Cancelled with Ctrl-C.".into()));
    }
}

/// DESCRIPTION from a page's own paragraphs.
fn description(own: &PageText) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["DESCRIPTION"]);
    for (i, para) in own.description.iter().enumerate() {
        if i > 0 {
            roff.control("PP", []);
        }
        roff.text(text(para));
    }
    roff
}

/// A section's paragraphs: plain ones separated by `.PP`, items as `.TP`.
fn paras(roff: &mut Roff, paras: &[Para]) {
    for (i, para) in paras.iter().enumerate() {
        match para {
            Para::Text(body) => {
                if i > 0 {
                    roff.control("PP", []);
                }
                roff.text(text(body));
            }
            Para::Item(tag, body) => item(roff, tag, body),
        }
    }
}

fn environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    item(
        roff,
        "`LC_ALL`, `LC_MESSAGES`, `LANG`",
        "Without `--lang`, the first of these that is set and not empty picks the language: a locale of Korean \
         (`ko`, `ko_KR.UTF-8`) means Korean, any other English.",
    );
    item(roff, "`NO_COLOR`", "When set and not empty, `--color auto` uses no colour.");
    item(
        roff,
        "`TERM`",
        "When `dumb`: no colour and no escape sequences, and the prompts are plain numbered lists (type a \
         number or a key and Enter; `<` goes back).",
    );
    item(
        roff,
        "`COLUMNS`",
        "The width text is wrapped to when standard output is not a terminal (default 80). Text is never \
         wrapped wider than 100 columns.",
    );
}

fn answers_files(roff: &mut Roff) {
    roff.control("SH", ["ANSWERS FILES"]);
    roff.text(text(
        "`mlcheck quiz --answers` <FILE> (`-` for standard input), or a pipe into `mlcheck quiz`, reads one \
         answer per line. Blank lines and lines starting with `#` are ignored; CRLF line endings and a UTF-8 \
         byte order mark are fine. An answer is the 1-based choice number or the choice key, in any case; \
         `mlcheck questions` lists both.",
    ));
    item(roff, "<ANSWER>", "A plain line answers the next question that has no answer yet.");
    item(roff, "<ID> `=` <ANSWER>", "Answers question <ID>, in any order. `--save-answers` writes this form.");
    roff.control("PP", []);
    roff.text(text(
        "Every question must be answered exactly once. Positional, keyed and mixed files with the same answers \
         give the same result. A file is at most 1 MiB.",
    ));
}

fn examples(roff: &mut Roff) {
    roff.control("SH", ["EXAMPLES"]);
    item(roff, "`mlcheck quiz`", "Take the quiz in a terminal.");
    item(roff, "`mlcheck quiz --lang ko --track backend`", "Take it in Korean, as a back-end developer.");
    item(
        roff,
        "`mlcheck quiz --save-answers answers.txt`",
        "Keep the answers; `mlcheck quiz --answers answers.txt` gives the same result again.",
    );
    item(roff, "`mlcheck quiz --answers answers.txt --format json`", "The result as one JSON object, for scripts.");
    item(roff, "`mlcheck myths wages`", "Read one myth and its counterpoint, without the quiz.");
    item(roff, "`mlcheck check my-bank.toml`", "Check a question bank of your own before using it with `--questions`.");
}

/// SEE ALSO: the pages named, comma-separated, as man pages write them.
fn see_also_section(pages: &[String]) -> Roff {
    let mut line = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            line.push(roman(", "));
        }
        line.push(bold(page));
        line.push(roman("(1)"));
    }
    let mut roff = Roff::new();
    roff.control("SH", ["SEE ALSO"]);
    roff.text(line);
    roff
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_marks_code_and_placeholders() {
        assert_eq!(
            text("a `b` <C> d"),
            vec![roman("a "), bold("b".to_string()), roman(" "), italic("C".to_string()), roman(" d")]
        );
    }

    #[test]
    fn the_preamble_is_what_roff_writes() {
        let mut buf = Vec::new();
        Roff::new().to_writer(&mut buf).unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), PREAMBLE);
    }

    #[test]
    fn every_page_text_belongs_to_a_subcommand_and_says_something() {
        let names = cli::subcommand_names(&cli::command());
        for own in pages::PAGES {
            assert!(names.iter().any(|n| n == own.name), "pages.rs has text for no subcommand {:?}", own.name);
            let mut codes: Vec<u8> = own.exit.iter().map(|e| e.0).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), own.exit.len(), "{}: an exit code twice", own.name);
            for para in own.description {
                assert!(!para.contains('\n') && !para.trim().is_empty(), "{}: {para:?}", own.name);
            }
        }
    }

    #[test]
    fn a_page_text_replaces_the_description_and_exit_meanings() {
        let page = page(Some("report"));
        let section = |name: &str| {
            let start = page.find(&format!(".SH {name}\n")).unwrap_or_else(|| panic!("no {name}"));
            let rest = &page[start + 1..];
            rest[..rest.find("\n.SH").unwrap_or(rest.len())].to_string()
        };
        let description = section("DESCRIPTION");
        assert_eq!(description.matches(".PP").count(), pages::find("report").unwrap().description.len() - 1);
        assert!(description.contains("pooled") && description.contains("\\fBhtml\\fR"), "{description}");
        let exit = section("\"EXIT STATUS\"");
        assert!(exit.contains("Something was left out") && exit.contains("66 wins over 65"), "{exit}");
        // The general meanings stay where the page has none of its own: 1 here.
        assert!(exit.contains("Any other failure"), "{exit}");
        let codes: Vec<&str> = exit.lines().filter(|l| l.starts_with("\\fB") && l.ends_with("\\fR")).collect();
        assert_eq!(codes, ["\\fB0\\fR", "\\fB1\\fR", "\\fB2\\fR", "\\fB65\\fR", "\\fB66\\fR"]);
        assert!(section("INPUT").contains(".TP"));
        assert!(section("EXAMPLES").contains("mlcheck report answers/"));
        assert!(page.contains("\\fIPATH\\fR..."), "a PATH or more in the synopsis");
    }

    #[test]
    fn every_page_has_one_preamble_and_one_title() {
        for sub in [None, Some("quiz"), Some("man")] {
            let page = page(sub);
            assert_eq!(page.matches(".ds Aq").count(), 2, "{sub:?}");
            assert_eq!(page.matches(".TH ").count(), 1, "{sub:?}");
        }
    }
}
