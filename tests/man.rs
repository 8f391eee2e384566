//! The man pages, as `man` shows them: every page `mlcheck man` can print is rendered by groff
//! with all warnings on, and must render cleanly, have the sections a man page has (no EXTRA
//! dumped from the help), keep each paragraph on one source line so that man, not the source,
//! decides where lines break, and name only pages that exist.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::Run;

/// `None` for mlcheck(1), else the subcommand of every other page, from the clap definition.
fn pages() -> Vec<Option<String>> {
    let names = mlcheck::cli::subcommand_names(&mlcheck::cli::command());
    std::iter::once(None).chain(names.into_iter().map(Some)).collect()
}

/// The roff source of a page, printed by the binary.
fn source(page: &Option<String>) -> String {
    let mut cmd = common::mlcheck();
    cmd.arg("man").args(page);
    Run::of(cmd).expect(0).stdout
}

fn page_name(page: &Option<String>) -> String {
    page.as_ref().map_or("mlcheck".into(), |sub| format!("mlcheck-{sub}"))
}

/// groff's rendering of `roff` for a terminal, and its warnings.
fn groff(roff: &str) -> (String, String) {
    let mut child = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-rLL=80n"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("groff runs");
    child.stdin.take().unwrap().write_all(roff.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "groff failed: {}", String::from_utf8_lossy(&out.stderr));
    // groff -Tutf8 marks bold and underline with backspaces; keep the letters.
    let text = String::from_utf8(out.stdout).unwrap();
    let mut plain = String::new();
    for c in text.chars() {
        if c == '\u{8}' {
            plain.pop();
        } else {
            plain.push(c);
        }
    }
    (plain, String::from_utf8(out.stderr).unwrap())
}

/// The section headings (`.SH`) of a roff source.
fn sections(roff: &str) -> Vec<String> {
    roff.lines().filter_map(|l| l.strip_prefix(".SH ")).map(|h| h.trim_matches('"').to_string()).collect()
}

/// Lines of `roff` where a paragraph was wrapped in the source: a text line that follows
/// another text line, unless the first is the tag of a `.TP` item (its body follows it), or
/// the lines are in no-fill mode. Also a text line that starts with a space, which roff takes
/// as a forced break with indentation.
fn hard_wrapped(roff: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut previous_is_text = false;
    let mut previous_is_tp_tag = false;
    let mut after_tp = false;
    let mut no_fill = false;
    for (n, line) in roff.lines().enumerate() {
        let control = line.starts_with('.') || line.starts_with('\'');
        if control {
            let request = line[1..].split_whitespace().next().unwrap_or("");
            match request {
                "nf" | "EX" => no_fill = true,
                "fi" | "EE" => no_fill = false,
                _ => {}
            }
            after_tp = request == "TP";
            previous_is_text = false;
            previous_is_tp_tag = false;
            continue;
        }
        if no_fill {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            problems.push(format!("line {}: starts with a space: {line:?}", n + 1));
        }
        if previous_is_text && !previous_is_tp_tag {
            problems.push(format!("line {}: continues the paragraph of the line before: {line:?}", n + 1));
        }
        previous_is_tp_tag = after_tp;
        after_tp = false;
        previous_is_text = true;
    }
    problems
}

#[test]
fn the_wrap_check_finds_a_wrapped_paragraph_and_passes_an_item() {
    assert!(hard_wrapped(".SH A\nOne paragraph on\ntwo lines.\n").len() == 1);
    assert!(hard_wrapped(".SH A\n  indented table row\n").len() == 1);
    assert!(hard_wrapped(".SH A\n.TP\ntag\nbody on one line.\n.PP\nNext.\n").is_empty());
    assert!(hard_wrapped(".TP\ntag\nbody\nwrapped body\n").len() == 1);
    assert!(hard_wrapped(".nf\nverbatim\nlines\n.fi\n").is_empty());
}

#[test]
fn every_page_renders_without_a_groff_warning() {
    if !common::tools::available("groff", "groff-base") {
        return;
    }
    for page in pages() {
        let (text, warnings) = groff(&source(&page));
        assert!(warnings.is_empty(), "{}(1): groff warns:\n{warnings}", page_name(&page));
        assert!(text.contains("NAME") && text.contains("SYNOPSIS"), "{}(1) renders:\n{text}", page_name(&page));
        assert!(!text.lines().any(|l| l.trim() == "EXTRA"), "{}(1) has an EXTRA section:\n{text}", page_name(&page));
    }
}

#[test]
fn no_paragraph_is_wrapped_in_the_source() {
    for page in pages() {
        let problems = hard_wrapped(&source(&page));
        assert!(problems.is_empty(), "{}(1):\n{}", page_name(&page), problems.join("\n"));
    }
}

#[test]
fn pages_have_the_sections_of_a_man_page_and_no_extra() {
    let main = sections(&source(&None));
    assert_eq!(
        main,
        [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "SUBCOMMANDS",
            "EXIT STATUS",
            "ENVIRONMENT",
            "ANSWERS FILES",
            "EXAMPLES",
            "VERSION",
            "SEE ALSO"
        ]
    );
    for page in pages() {
        let found = sections(&source(&page));
        for wanted in ["NAME", "SYNOPSIS", "DESCRIPTION", "EXIT STATUS", "SEE ALSO"] {
            assert!(found.iter().any(|s| s == wanted), "{}(1) lacks {wanted}: {found:?}", page_name(&page));
        }
        assert!(!found.iter().any(|s| s.eq_ignore_ascii_case("extra")), "{}(1): {found:?}", page_name(&page));
    }
    let quiz = sections(&source(&Some("quiz".into())));
    for wanted in ["ENVIRONMENT", "ANSWERS FILES"] {
        assert!(quiz.iter().any(|s| s == wanted), "mlcheck-quiz(1) lacks {wanted}: {quiz:?}");
    }
    // A page documents only what its command meets.
    let completions = sections(&source(&Some("completions".into())));
    assert!(!completions.iter().any(|s| s == "ENVIRONMENT" || s == "ANSWERS FILES"), "{completions:?}");
}

#[test]
fn exit_status_and_environment_are_tagged_items() {
    let roff = source(&None);
    let section = |name: &str| -> String {
        let start = roff.find(&format!(".SH {name}\n")).unwrap_or_else(|| panic!("no {name}"));
        let rest = &roff[start + 1..];
        rest[..rest.find("\n.SH").unwrap_or(rest.len())].to_string()
    };
    let exit = section("\"EXIT STATUS\"");
    for code in ["0", "1", "2", "65", "66", "130"] {
        assert!(exit.contains(&format!(".TP\n\\fB{code}\\fR\n")), "EXIT STATUS has no item for {code}:\n{exit}");
    }
    let env = section("ENVIRONMENT");
    for var in ["LANG", "NO_COLOR", "TERM", "COLUMNS"] {
        assert!(env.contains(&format!("\\fB{var}\\fR")), "ENVIRONMENT lacks {var}:\n{env}");
    }
    assert_eq!(env.matches(".TP").count(), 4, "{env}");
}

#[test]
fn every_page_a_page_names_exists() {
    let listed = pages();
    for page in &listed {
        let roff = source(page);
        let mut rest = roff.as_str();
        while let Some(at) = rest.find("mlcheck\\-") {
            let name: String =
                rest[at + "mlcheck\\-".len()..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '-').collect();
            assert!(
                listed.contains(&Some(name.clone())),
                "{}(1) names mlcheck-{name}(1), which `mlcheck man` doesn't print",
                page_name(page)
            );
            rest = &rest[at + 1..];
        }
    }
    assert!(!source(&None).contains("mlcheck\\-help"), "`mlcheck help` has no page");
    let mut cmd = common::mlcheck();
    cmd.args(["man", "help"]);
    Run::of(cmd).expect(2);
}

#[test]
fn the_first_page_lists_every_subcommand_page() {
    let roff = source(&None);
    for page in pages().into_iter().flatten() {
        assert!(roff.contains(&format!("mlcheck\\-{page}(1)")), "mlcheck(1) doesn't list mlcheck-{page}(1)");
        let sub = source(&Some(page.clone()));
        let title = format!(".TH MLCHECK\\-{} 1 ", page.to_uppercase());
        assert!(sub.contains(&title), "{page}: {}", &sub[..200.min(sub.len())]);
    }
}

#[test]
fn the_help_summary_is_not_the_man_page() {
    let help = Run::of({
        let mut cmd = common::mlcheck();
        cmd.arg("--help");
        cmd
    })
    .expect(0)
    .stdout;
    assert!(help.contains("Exit status:"), "--help keeps its summary:\n{help}");
    let roff = source(&None);
    assert!(!roff.contains("Exit status:"), "the man page has its own EXIT STATUS section, not the help's summary");
}
