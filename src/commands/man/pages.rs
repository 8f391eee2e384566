//! What the man pages say that the clap definition can't: for each subcommand that needs
//! more than its `--help`, a DESCRIPTION, sections of its own, what its exit statuses mean
//! and examples. Data only: `man.rs` lays it out, so a new subcommand gets a full page by
//! adding an entry to [`PAGES`].
//!
//! Texts use the light markup of `man.rs`: `code` is bold, <PLACEHOLDER> italic. Each
//! string is one paragraph; `man` fills and wraps it to the reader's width.

/// One paragraph of a section.
pub enum Para {
    /// Plain text.
    Text(&'static str),
    /// A tagged item (`.TP`): the tag, then its text.
    Item(&'static str, &'static str),
}

/// A section of a page: its heading and paragraphs.
pub struct Section {
    /// The heading, in capitals.
    pub heading: &'static str,
    /// The paragraphs, in order.
    pub paras: &'static [Para],
}

/// What the page of one subcommand adds to its clap definition.
pub struct PageText {
    /// The subcommand's name.
    pub name: &'static str,
    /// DESCRIPTION's paragraphs, instead of the `--help` text.
    pub description: &'static [&'static str],
    /// Sections after EXIT STATUS and ENVIRONMENT, in order.
    pub sections: &'static [Section],
    /// Exit statuses whose meaning for this subcommand differs from the general one, or
    /// that only it has: (code, meaning). Codes not listed keep the general meaning.
    pub exit: &'static [(u8, &'static str)],
    /// EXAMPLES: (command line, what it does).
    pub examples: &'static [(&'static str, &'static str)],
}

/// The page text of `name`, if it has one.
pub fn find(name: &str) -> Option<&'static PageText> {
    PAGES.iter().find(|p| p.name == name)
}

/// Every page with text of its own.
pub const PAGES: &[PageText] = &[REPORT, COMPARE, SERVE];

const REPORT: PageText = PageText {
    name: "report",
    description: &[
        "Reads the answers of a whole group, from many answers files and JSON results, and prints one report of what the group believes, made to be shown to the room and shared: how many results, the verdicts, each myth as a diverging bar of the five answers with the share who believe it, how the answers to each reality check split, the score distribution with the threshold marked, and a breakdown by track.",
        "Each <PATH> is a file or a directory, which stands for every file in it and below it. A file whose first non-blank character is `{` holds JSON results, as `mlcheck quiz --format json` writes them; any other file is an answers file, as `mlcheck quiz --answers` reads it. Every result is scored again from its answers against the question bank in use (`--questions`, else the built-in one), so a score written in a file is never trusted. A <PATH> of `-` reads JSON results from standard input (`cat export.jsonl | mlcheck report -`); answers files can't be told apart in one stream, so anything else there is refused. A bad file or result is reported on standard error and left out, and the report says how many were left out. INPUT below has the details.",
        "The report never singles anyone out. With fewer than `--min-group` <N> valid results in all (default 5, at least 3) there is no report, only a message saying how many there are. A track with fewer than <N> results is hidden; when the hidden tracks together hold fewer than <N>, the next smallest is hidden too, and when a hidden track's size could still be worked out from what is shown, no track is shown at all. A hidden track's size and verdicts are never shown on their own, only pooled with the other hidden tracks (\"Stay in back-end or mobile\"), and the report names the hidden tracks and says why. These rules protect one report: two reports of nearly the same people (a rerun after one late file) differ by exactly that person's answers, so share the last one only.",
        "`--format` picks the output. `text` (the default) draws block-element charts that read without colour and fit the terminal, down to 30 columns. `markdown` is GitHub-flavoured, with tables and the charts in code blocks, and pastes into an issue, a wiki or a chat. `json` is one object for scripts; its fields are described in the README. `csv` has the counts in long form: headline rows for the results (`results,all` and `results,left_out`) and the verdicts (`verdict,ml` and one a track), then one row per question and choice (`question,choice,count,share`, then the topic and the label). `html` is one self-contained page with SVG charts and no script, for a projector, an e-mail or a course site, and it reads on a phone as well. Every format speaks English and Korean (`--lang`).",
        "The same files give the same bytes, whatever the order of the <PATH>s or of directory listings.",
    ],
    sections: &[Section {
        heading: "INPUT",
        paras: &[
            Para::Item(
                "<DIRECTORY>",
                "Stands for the files in it and in its subdirectories. Entries whose names start with `.` are skipped; a symlink loop can't make it hang or count a file twice.",
            ),
            Para::Item(
                "JSON results",
                "A file whose first non-blank character is `{`: results as `mlcheck quiz --format json` writes them, one pretty object, several appended by a shell loop, or one compact result a line (JSON Lines). An error names the line where the bad result starts. The file is read as a stream and may be any size; each result is at most 1 MiB.",
            ),
            Para::Item(
                "Answers file",
                "Any other file, in any form `mlcheck quiz --answers` reads: positional, keyed or mixed, with CRLF line endings or a byte order mark (see mlcheck-quiz(1)). At most 1 MiB.",
            ),
            Para::Text(
                "The same file named twice, directly and through its directory, counts once; two different files with the same contents count twice, since two people can answer alike. A result whose question ids or choices don't fit the bank in use is invalid and left out, with the words `quiz` uses for the same mistake.",
            ),
        ],
    }],
    exit: &[
        (0, "Done: every result found was read and counted. A closed pipe on standard output is a normal end."),
        (
            2,
            "A usage error: an unknown option or value (such as a `--min-group` below 3), no <PATH>, or a `--lang` the question bank doesn't have.",
        ),
        (
            65,
            "Something was left out: a bad answers file or JSON result, each reported on standard error as <FILE>`:`<LINE>`:` and what is wrong; the report over the rest is still printed. Also 65, with no report: no valid result at all, fewer valid results than `--min-group`, or an invalid `--questions` bank.",
        ),
        (
            66,
            "A <PATH>, or a file found in a directory, couldn't be opened; the report over everything else is still printed. 66 wins over 65, with or without a report.",
        ),
    ],
    examples: &[
        ("`mlcheck report answers/`", "The report of every file in answers/, as text."),
        ("`mlcheck report answers/ --format html > report.html`", "One page for a projector, an e-mail or a course site."),
        ("`mlcheck report all.jsonl --format json`", "The counts as one JSON object, for scripts."),
        ("`mlcheck report --lang ko --min-group 8 answers/`", "In Korean, showing only tracks with at least 8 results."),
    ],
};

const COMPARE: PageText = PageText {
    name: "compare",
    description: &[
        "Answers one question for a group that took the quiz before a session and again after it: did the session change minds? It prints each side's size and how many people answered both times, the verdicts before and after with the change, for each myth the share who believe it before and after as an arrow on one axis, how the answers to each reality check moved, and, for the people who answered both times, how each of them moved on each myth.",
        "<BEFORE> and <AFTER> are each a file or a directory, read exactly as `mlcheck report` reads a <PATH> (see mlcheck-report(1)): answers files and JSON results, every result scored again against the bank in use, bad files and results reported on standard error and left out.",
        "A result in <BEFORE> and one in <AFTER> are the same person when they have the same path relative to <BEFORE> and <AFTER>: `before/alice.txt` and `after/alice.txt`, or `before/week1/bob.json` and `after/week1/bob.json` holding one result each. Names are compared in their Unicode NFC form, so a name written by macOS pairs with the same name written elsewhere. Results in a JSON file that holds several (a shell loop's output, JSON Lines) are not paired and count in their side as they are. When no one pairs, a note on standard error names one file without a partner on each side.",
        "Whether a change could be chance is told by a sign test over the paired people: for each myth, count who answered closer to agreeing after and who answered closer to disagreeing, leave out those who gave the same answer, and ask how likely a split at least that uneven would be if each person were as likely to move one way as the other. That chance is the p-value, printed with a plain reading: \"could easily be chance\", or \"unlikely to be chance at the 5% level\" when it is below 0.05. With five movers or fewer no split can get below 0.05, and the output says there are too few to tell rather than call anything significant.",
        "The rules of `mlcheck report` hold on each side and on the pairs. A side with fewer than `--min-group` <N> valid results (default 5, at least 3) refuses the whole comparison, with a message saying which side and how many. With fewer than <N> pairs, how people moved is not shown, and the output says why. The same tracks are hidden on both sides: every track either side would hide on its own, and more while a hidden track's size could still be worked out on either side, up to every track. A hidden track's stays appear only pooled with the other hidden tracks', on both sides, so putting before and after side by side doesn't uncover a small track by subtraction. The track breakdown itself is not repeated here. People who took only one of the two quizzes are protected the same way: on each side, the results alone in their file without a partner count only when there are none or at least <N> of them; 1 to <N> - 1 are left out of that side's figures in every format, and the output says how many and why, since the two sides' difference would otherwise be their answers.",
        "`--format` picks the output: `text` (the default) with arrow charts that read without colour and fit the terminal, `markdown` for an issue, a wiki or a chat, `json` for scripts (it embeds each side's report object; its fields are described in the README), and `html`, one self-contained page with SVG charts. Every format speaks English and Korean (`--lang`). The same files give the same bytes.",
    ],
    sections: &[],
    exit: &[
        (0, "Done: every result on both sides was read and counted. A closed pipe on standard output is a normal end."),
        (
            2,
            "A usage error: an unknown option or value (such as a `--min-group` below 3), a missing <BEFORE> or <AFTER>, the same folder or file given as both (however spelt or linked) or one inside the other, or a `--lang` the question bank doesn't have.",
        ),
        (
            65,
            "Something was left out on either side: a bad answers file or JSON result, each reported on standard error as <FILE>`:`<LINE>`:` and what is wrong; the comparison over the rest is still printed. Also 65, with no comparison: a side with fewer valid results than `--min-group`, or an invalid `--questions` bank.",
        ),
        (
            66,
            "<BEFORE> or <AFTER> doesn't exist (no comparison); or a path on either side, or a file found in one of its directories, couldn't be opened; the comparison over everything else is still printed when both sides are large enough. 66 wins over 65.",
        ),
    ],
    examples: &[
        ("`mlcheck compare before/ after/`", "The comparison of two folders of answers, as text."),
        ("`mlcheck compare before/ after/ --format html > change.html`", "One page to show the room after the session."),
        ("`mlcheck compare before/ after/ --format json`", "The numbers as one JSON object, with each side's report."),
        ("`mlcheck compare --lang ko --min-group 8 before/ after/`", "In Korean, with groups of at least 8."),
    ],
};

const SERVE: PageText = PageText {
    name: "serve",
    description: &[
        "Runs the quiz for a room: the people in it take the quiz in a browser, on a phone or a laptop, with no Rust toolchain and no file to hand in, and each finished quiz becomes an answers file in <DIR>, the folder `mlcheck report` and `mlcheck compare` read. The organizer's URL shows the live report, as `mlcheck report` <DIR> `--format html` draws it, refreshing itself every few seconds, for the projector.",
        "On start it prints two lines on standard output: the participant URL, which the room opens, then the organizer URL, which holds a random secret of 256 bits. On standard error, when both streams are terminals and `--no-qr` isn't given, it draws a QR code of the participant URL; to show the room how to join, project the organizer URL with `?join` in a browser rather than the terminal, which shows the secret.",
        "The server listens on 127.0.0.1:8080 unless `--listen` names another address; port 0 picks a free one. `--listen 0.0.0.0:8080` lets in the room's network: anyone on it can open the quiz page, and only those with the organizer URL can see the report. The URLs then carry the machine's first network address.",
        "Participants get the same quiz as the terminal: the track, each myth followed by the article's counterpoint, the reality checks, a page to check the answers, then the result with everything the text result has, and links to keep the answers as a file and the result as JSON. The pages have no script, work at a phone's width and with a keyboard or a screen reader, and speak Korean when the browser prefers it (English otherwise, with a link to switch; `--lang` fixes the language). The Back button and a reload never lose an answer or send one twice.",
        "Each finished quiz is written to <DIR> whole or not at all (a hidden temporary file, flushed to disk and renamed, the folder flushed too) before the participant is told it is saved. Its name comes from a random participant id the browser keeps in a cookie, so taking the quiz again replaces it, and the same browser gets the same name in another folder: `mlcheck compare` pairs a browser's answers before and after a session. A cleared cookie makes a new person. Scripts may POST an answers file to the participant URL followed by `answers`: 201 with the result as `mlcheck quiz --format json` prints it, or 422 with the message `mlcheck quiz --answers` gives for a bad file.",
        "The organizer URL with `?format=json`, `?format=csv` or `?format=markdown` gives what `mlcheck report` <DIR> `--format` prints at that moment, with the same privacy rules (`--min-group`); below it, the page says only how many results there are so far. Any other `?format=` gets 404 and a line naming these. Any organizer path without the right secret answers 404, as a page that doesn't exist does.",
        "Limits: a request body over 64 KiB gets 413; at most `--max-results` results (default 10,000), then a page says the session is full; slow and idle connections are closed after 10 seconds without a request's headers. When the disk is full or <DIR> is removed, the participant sees their answers file text and a link back to them to send again, so nothing is lost, and the server keeps serving. Ctrl-C or SIGTERM lets the submissions in flight finish, prints how many results <DIR> holds, and exits 0.",
    ],
    sections: &[],
    exit: &[
        (0, "Stopped with Ctrl-C or SIGTERM, after the submissions in flight finished."),
        (1, "<DIR> can't be made or written, or the address can't be listened on (in use, or not this machine's)."),
        (2, "A usage error: an unknown option, an address that isn't an IP address and port, or a `--lang` the question bank doesn't have."),
        (65, "The `--questions` bank is invalid."),
    ],
    examples: &[
        ("`mlcheck serve answers/`", "The quiz on this machine only (127.0.0.1:8080), answers into answers/."),
        ("`mlcheck serve answers/ --listen 0.0.0.0:8080`", "The room joins over the network; project the organizer URL with ?join while people join."),
        ("`mlcheck serve before/ --listen 0.0.0.0:8080`, later `mlcheck serve after/ --listen 0.0.0.0:8080`", "Before and after a talk; then `mlcheck compare before/ after/`."),
        ("`curl --data-binary @answers.txt http://127.0.0.1:8080/answers`", "A script hands in an answers file."),
    ],
};
