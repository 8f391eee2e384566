//! `mlcheck completions SHELL`: a completion script generated from the clap definition.
//!
//! clap_complete's fish backend completes no values for positional arguments (clap issue
//! #6295), so `mlcheck myths <TAB>` offered nothing in fish. The fish script gets lines of
//! its own for them, read from the same definition: the values can't drift from the parser.

use std::fmt::Write as _;

use clap_complete::Shell;

use crate::cli;
use crate::commands::emit;
use crate::error::Error;

/// Prints the completion script for `shell`.
pub fn run(shell: Shell) -> Result<(), Error> {
    let script = script(shell);
    emit(|w| w.write_all(script.as_bytes()))
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> String {
    let mut command = cli::command();
    // clap_complete panics when a write fails; generate in memory, then write.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "mlcheck", &mut script);
    let mut script = String::from_utf8(script).expect("completion scripts are UTF-8");
    if shell == Shell::Fish {
        script.push_str(&fish_positionals(&command));
    }
    script
}

/// Fish lines that complete the possible values of each subcommand's positional arguments,
/// each at its own position: `mlcheck myths f<TAB>` offers `fun` and `future-proof`, and
/// after one id no more ids.
fn fish_positionals(command: &clap::Command) -> String {
    let mut out = String::from(
        "\n# Values of positional arguments, which clap_complete's fish backend leaves out\n\
         # (clap issue #6295); added by mlcheck from the same definition.\n\
         # __fish_mlcheck_at_positional SUB N SPEC...: the word being completed is the Nth\n\
         # positional argument of subcommand SUB, whose options argparse reads with SPEC.\n\
         function __fish_mlcheck_at_positional\n\
         \x20   set -l sub $argv[1]\n\
         \x20   set -l nth $argv[2]\n\
         \x20   set -l specs $argv[3..-1]\n\
         \x20   set -l words (commandline -opc)\n\
         \x20   set -e words[1]\n",
    );
    let _ = writeln!(out, "    argparse -s {} -- $words 2>/dev/null", fish_specs(command).join(" "));
    out.push_str(
        "    or return 1\n\
         \x20   test \"$argv[1]\" = \"$sub\"\n\
         \x20   or return 1\n\
         \x20   set -e argv[1]\n\
         \x20   argparse $specs -- $argv 2>/dev/null\n\
         \x20   or return 1\n\
         \x20   test (count $argv) -eq (math $nth - 1)\n\
         end\n",
    );
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set() && sub.get_name() != "help") {
        // A subcommand that takes no file offers none where a positional argument could go
        // (its file options, such as --questions, still complete file names).
        if !sub.get_positionals().any(|arg| arg.get_value_hint() == clap::ValueHint::AnyPath) {
            let condition = format!("__fish_mlcheck_using_subcommand {}", sub.get_name());
            let _ = writeln!(out, "complete -c mlcheck -n {} -f", fish_quote(&condition));
        }
        let specs = fish_specs(sub).join(" ");
        for (i, arg) in sub.get_positionals().enumerate() {
            let condition = format!("__fish_mlcheck_at_positional {} {} {specs}", sub.get_name(), i + 1);
            for value in arg.get_possible_values().iter().filter(|v| !v.is_hide_set()) {
                let _ = write!(
                    out,
                    "complete -c mlcheck -n {} -f -a {}",
                    fish_quote(&condition),
                    fish_quote(value.get_name())
                );
                if let Some(help) = value.get_help() {
                    let _ = write!(out, " -d {}", fish_quote(&help.to_string()));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// The argparse option specs of `command`'s options: `h/help`, `lang=`.
fn fish_specs(command: &clap::Command) -> Vec<String> {
    let mut specs = Vec::new();
    for arg in command.get_arguments().filter(|arg| !arg.is_positional()) {
        let mut spec = match (arg.get_short(), arg.get_long()) {
            (Some(short), Some(long)) => format!("{short}/{long}"),
            (Some(short), None) => short.to_string(),
            (None, Some(long)) => long.to_string(),
            (None, None) => continue,
        };
        if arg.get_action().takes_values() {
            spec.push('=');
        }
        specs.push(spec);
    }
    specs
}

/// `text` as one fish word, in single quotes.
fn fish_quote(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fish_gets_the_myth_ids_from_the_definition() {
        let script = script(Shell::Fish);
        for id in crate::model::bank::MYTHS {
            assert!(
                script.contains(&format!(
                    "__fish_mlcheck_at_positional myths 1 format= questions= lang= color= h/help' -f -a '{id}'"
                )),
                "{id} is not offered after `mlcheck myths`"
            );
        }
    }

    #[test]
    fn quoting_keeps_quotes_and_backslashes() {
        assert_eq!(fish_quote(r"it's a \ test"), r"'it\'s a \\ test'");
    }
}
