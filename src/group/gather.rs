//! Turns the PATH arguments of `mlcheck report` (and `compare`) into a stream of scored
//! results, one at a time, so memory depends on the bank and not on how many results
//! there are.
//!
//! # What is read
//! - A PATH is a file or a directory. A directory stands for the files in it and in its
//!   subdirectories; entries whose names start with `.` are skipped, symlinks are followed,
//!   and every directory is walked at most once (by device and inode), so a symlink loop
//!   ends and a directory named twice counts once. A file reached twice (named directly and
//!   through its directory, through a symlink, or through a hard link) counts once; two files
//!   with identical contents count twice.
//! - A file whose first non-blank character (after a UTF-8 BOM) is `{` is JSON: results as
//!   `mlcheck quiz --format json` writes them, back to back (one pretty object, several
//!   appended, or JSON Lines). It is read as a stream; each result may be at most 1 MiB.
//!   Any other file is an answers file, read as `quiz --answers` reads it (1 MiB at most).
//! - Every result is re-scored from its answers against the bank: a score in a file is never
//!   trusted. JSON results only need `answers`, a list of `{"id", "choice"}`; other fields
//!   are ignored.
//!
//! # What comes out
//! [`gather`] calls its callback with an [`Event`] for each valid result ([`Found`]: the
//! answers, the score, the path relative to the PATH argument it was found under, and
//! whether its file holds exactly one result) and for each problem ([`Problem`]: one line
//! `FILE:LINE: what is wrong`, in the wording `quiz` uses for the same mistake). A bad file,
//! or a bad result inside a JSON file, is left out and counted; the rest carry on. The
//! returned [`Summary`] has the counts and the exit code they call for (66 if a PATH or file
//! could not be opened, else 65 if anything was left out, else 0).
//!
//! Results come in walk order, which depends on directory listings: callers that print
//! something must make it independent of that order (the report only adds counts up).
//!
//! # Memory
//! Nothing is kept per plain file. What is remembered: each directory walked, each file with
//! several hard links, and the files reached through a symlink or named directly (read after
//! the walk, so they can be matched against the directories it covered).

use std::borrow::Cow;
use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::base::exit_codes::ExitCode;
use crate::base::input::{self, InputError, ANSWERS_LIMIT};
use crate::base::lang::Lang;
use crate::base::messages;
use crate::base::sanitize;
use crate::model::answers::{self, Answers, Line};
use crate::model::bank::Bank;
use crate::model::scoring::{self, Score};

/// The largest single result inside a JSON file.
pub const RESULT_LIMIT: u64 = 1024 * 1024;

/// One valid, re-scored result.
pub struct Found<'a> {
    /// Index of the PATH argument it was found under.
    pub root: usize,
    /// Its file's path relative to that PATH argument (empty when the PATH is the file).
    pub relative: &'a Path,
    /// The file's name as messages show it (the PATH joined with `relative`, escaped).
    pub name: &'a str,
    /// The line of the file where the result starts (1 for an answers file).
    pub line: usize,
    /// Whether its file holds exactly this one result (an answers file always does).
    pub single: bool,
    /// The answers, resolved against the bank.
    pub answers: &'a Answers,
    /// The score computed from them.
    pub score: &'a Score,
}

/// A file or result that was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `FILE: what is wrong` or `FILE:LINE: what is wrong`, escaped, in the language asked for.
    pub text: String,
    /// Whether the file (or PATH) could not be opened or read at all.
    pub unopened: bool,
}

/// What [`gather`] reports as it goes.
pub enum Event<'a> {
    /// A valid result.
    Result(Found<'a>),
    /// A problem; the file or result is left out.
    Problem(Problem),
}

/// The counts at the end of a gathering.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Valid results delivered.
    pub results: u64,
    /// Results, files and PATHs left out (each problem counts one).
    pub left_out: u64,
    /// Of those, files or PATHs that could not be opened or read.
    pub unopened: u64,
}

impl Summary {
    /// 66 if anything could not be opened, else 65 if anything was left out, else 0.
    pub fn exit_code(&self) -> ExitCode {
        if self.unopened > 0 {
            ExitCode::NoInput
        } else if self.left_out > 0 {
            ExitCode::DataError
        } else {
            ExitCode::Success
        }
    }
}

/// Reads every result under `paths`, calling `on` for each result and each problem.
/// Problem texts are in `lang`.
/// The callback is a trait object: `report` and each side of `compare` pass different
/// closures, and the walk is compiled once for all of them.
pub fn gather(bank: &Bank, lang: Lang, paths: &[PathBuf], on: &mut dyn FnMut(Event<'_>)) -> Summary {
    let mut walker = Walker {
        bank,
        lang,
        paths,
        on,
        summary: Summary::default(),
        dirs: HashSet::new(),
        linked: HashSet::new(),
        later: Vec::new(),
        later_seen: HashSet::new(),
        buf: Vec::new(),
    };
    for (root, path) in paths.iter().enumerate() {
        // The same PATH named twice is one PATH: read once, and reported once if it can't be.
        if paths[..root].contains(path) {
            continue;
        }
        if input::is_stdin(path) {
            walker.read_stdin(root);
            continue;
        }
        match fs::metadata(path) {
            Err(e) => walker.unopened(&display(path), &e),
            Ok(meta) if meta.is_dir() => walker.walk(root),
            Ok(meta) => walker.later.push((root, PathBuf::new(), meta)),
        }
    }
    for (root, relative, meta) in std::mem::take(&mut walker.later) {
        walker.read_later(root, &relative, &meta);
    }
    walker.summary
}

/// [`gather`] for a command: each valid result goes to `each`, each problem to stderr as it
/// is found (one line, `FILE:LINE: what is wrong`). `report` and both sides of `compare`
/// read their PATHs through it, so they read alike.
pub fn results(bank: &Bank, lang: Lang, paths: &[PathBuf], each: &mut dyn FnMut(&Found<'_>)) -> Summary {
    let mut stderr = io::stderr().lock();
    gather(bank, lang, paths, &mut |event| match event {
        Event::Result(found) => each(&found),
        Event::Problem(problem) => {
            let _ = writeln!(stderr, "{}", problem.text);
        }
    })
}

/// A file's identity: device and inode.
type Id = (u64, u64);

#[cfg(unix)]
fn id_of(meta: &fs::Metadata) -> Id {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(unix)]
fn links_of(meta: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

#[cfg(not(unix))]
fn id_of(_: &fs::Metadata) -> Id {
    (0, 0)
}

#[cfg(not(unix))]
fn links_of(_: &fs::Metadata) -> u64 {
    1
}

fn display(path: &Path) -> String {
    sanitize::escape(&path.display().to_string())
}

fn hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Where [`Walker::read_source`] reads from: a file may hold answers or JSON, stdin only JSON.
#[derive(Clone, Copy)]
enum Origin {
    File,
    Stdin,
}

struct Walker<'a> {
    bank: &'a Bank,
    lang: Lang,
    paths: &'a [PathBuf],
    on: &'a mut dyn FnMut(Event<'_>),
    summary: Summary,
    /// Directories walked.
    dirs: HashSet<Id>,
    /// Files with more than one hard link, read already.
    linked: HashSet<Id>,
    /// Files reached through a symlink or named directly, with what `fs::metadata` said of
    /// them when they were met: read after the walk.
    later: Vec<(usize, PathBuf, fs::Metadata)>,
    /// Of those, the ones read already.
    later_seen: HashSet<Id>,
    /// The bytes of the JSON result being read, reused.
    buf: Vec<u8>,
}

impl Walker<'_> {
    /// The path of `relative` under PATH `root` (the PATH itself when `relative` is empty;
    /// `join("")` would add a slash).
    fn full(&self, root: usize, relative: &Path) -> PathBuf {
        if relative.as_os_str().is_empty() {
            self.paths[root].clone()
        } else {
            self.paths[root].join(relative)
        }
    }

    fn problem(&mut self, text: String, unopened: bool) {
        self.summary.left_out += 1;
        if unopened {
            self.summary.unopened += 1;
        }
        (self.on)(Event::Problem(Problem { text: messages::sentence(text), unopened }));
    }

    fn unopened(&mut self, name: &str, e: &io::Error) {
        let error = InputError::Open { name: name.to_string(), reason: input::io_reason(e) };
        self.problem(error.message(self.lang), true);
    }

    fn input_error(&mut self, error: InputError) {
        let unopened = !error.is_bad_data();
        self.problem(error.message(self.lang), unopened);
    }

    /// Walks the directory PATH `root`, depth first, without recursion.
    fn walk(&mut self, root: usize) {
        let mut stack = vec![PathBuf::new()];
        while let Some(relative) = stack.pop() {
            let dir = self.full(root, &relative);
            match fs::metadata(&dir) {
                Ok(meta) if !self.dirs.insert(id_of(&meta)) => continue,
                Ok(_) => {}
                Err(e) => {
                    self.unopened(&display(&dir), &e);
                    continue;
                }
            }
            let entries = match fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) => {
                    self.unopened(&display(&dir), &e);
                    continue;
                }
            };
            for entry in entries {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(e) => {
                        self.unopened(&display(&dir), &e);
                        break;
                    }
                };
                let name = entry.file_name();
                if hidden(&name) {
                    continue;
                }
                let relative = relative.join(&name);
                let kind = match entry.file_type() {
                    Ok(kind) => kind,
                    Err(e) => {
                        self.unopened(&display(&entry.path()), &e);
                        continue;
                    }
                };
                if kind.is_dir() {
                    stack.push(relative);
                } else if kind.is_file() {
                    self.read_walked(root, &relative);
                } else if kind.is_symlink() {
                    match fs::metadata(entry.path()) {
                        Ok(meta) if meta.is_dir() => stack.push(relative),
                        Ok(meta) if meta.is_file() => self.later.push((root, relative, meta)),
                        Ok(_) => self.not_a_file(&entry.path()),
                        Err(e) => self.unopened(&display(&entry.path()), &e),
                    }
                } else {
                    self.not_a_file(&entry.path());
                }
            }
        }
    }

    fn not_a_file(&mut self, path: &Path) {
        let text = messages::report(self.lang).not_a_file.replace("{name}", &display(path));
        self.problem(text, false);
    }

    /// Reads a plain file met in the walk: its only name, unless it has several hard links.
    fn read_walked(&mut self, root: usize, relative: &Path) {
        let path = self.full(root, relative);
        let name = display(&path);
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(e) => return self.unopened(&name, &e),
        };
        if let Ok(meta) = file.metadata() {
            if links_of(&meta) > 1 && !self.linked.insert(id_of(&meta)) {
                return;
            }
        }
        self.read_file(file, root, relative, &name);
    }

    /// Reads a file named directly or reached through a symlink, unless the walk read it.
    /// `meta` is what `fs::metadata` said when it was met (never a directory: those are walked).
    fn read_later(&mut self, root: usize, relative: &Path, meta: &fs::Metadata) {
        let path = self.full(root, relative);
        let name = display(&path);
        let id = id_of(meta);
        let walked = if links_of(meta) > 1 { !self.linked.insert(id) } else { self.walked(&path) };
        if walked || !self.later_seen.insert(id) {
            return;
        }
        match File::open(&path) {
            Ok(file) => self.read_file(file, root, relative, &name),
            Err(e) => self.unopened(&name, &e),
        }
    }

    /// Whether the walk read the file at `path` (which has one hard link): its directory was
    /// walked and its name is not hidden.
    fn walked(&self, path: &Path) -> bool {
        let Ok(real) = fs::canonicalize(path) else { return false };
        let (Some(parent), Some(name)) = (real.parent(), real.file_name()) else { return false };
        !hidden(name) && fs::metadata(parent).is_ok_and(|meta| self.dirs.contains(&id_of(&meta)))
    }

    /// Reads one file: JSON or an answers file, told apart by the first non-blank character.
    fn read_file(&mut self, file: File, root: usize, relative: &Path, name: &str) {
        self.read_source(file, Origin::File, root, relative, name);
    }

    /// Reads PATH `-`: JSON results on stdin, one, appended or one a line, as a file of them
    /// is read. Answers files can't be told apart in one stream, so anything else is refused.
    fn read_stdin(&mut self, root: usize) {
        self.read_source(io::stdin().lock(), Origin::Stdin, root, Path::new(""), input::STDIN_NAME);
    }

    /// Reads a file or stdin, as [`Walker::read_file`] and [`Walker::read_stdin`] say.
    fn read_source(&mut self, source: impl Read, from: Origin, root: usize, relative: &Path, name: &str) {
        let mut reader = BufReader::with_capacity(64 * 1024, source);
        // UTF-16 JSON starts with `{` too, a NUL after it: tell it to be saved as UTF-8, as an
        // answers file is, before it is read as broken JSON.
        if let Some(encoding) = reader.fill_buf().ok().and_then(input::wide_encoding) {
            return self.input_error(InputError::WideText { name: name.to_string(), encoding });
        }
        let msg = messages::report(self.lang);
        match (first_non_blank(&mut reader), from) {
            (Err(e), _) => self.input_error(InputError::Read { name: name.to_string(), reason: input::io_reason(&e) }),
            (Ok(Some(b'{')), _) => self.read_json(reader, root, relative, name),
            // `[` would be read as a (long) answer: say what it is instead.
            (Ok(Some(b'[')), Origin::File) => self.problem(format!("{name}: {}", msg.json_array), false),
            (Ok(_), Origin::File) => self.read_answers(reader, root, relative, name),
            (Ok(None), Origin::Stdin) => self.problem(format!("{name}: {}", msg.stdin_empty), false),
            (Ok(Some(_)), Origin::Stdin) => self.problem(format!("{name}: {}", msg.stdin_not_json), false),
        }
    }

    fn read_answers(&mut self, reader: impl Read, root: usize, relative: &Path, name: &str) {
        // `name` is escaped already.
        let source = match input::read_text(reader, name.to_string(), ANSWERS_LIMIT, "the answers file") {
            Ok(source) => source,
            Err(e) => return self.input_error(e),
        };
        match answers::resolve(self.bank, &answers::parse(&source.text), None) {
            Ok(answers) => {
                let score = scoring::score(self.bank, &answers);
                self.deliver(root, relative, name, 1, true, &answers, &score);
            }
            Err(error) => {
                // Worded as `quiz --answers` words it: the same error, the same message.
                self.problem(error.located(name, self.lang), false);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn deliver(
        &mut self,
        root: usize,
        relative: &Path,
        name: &str,
        line: usize,
        single: bool,
        answers: &Answers,
        score: &Score,
    ) {
        self.summary.results += 1;
        (self.on)(Event::Result(Found { root, relative, name, line, single, answers, score }));
    }

    /// Reads the results of a JSON file one at a time; see [`Splitter`].
    fn read_json(&mut self, mut reader: impl BufRead, root: usize, relative: &Path, name: &str) {
        let mut split = Splitter::new();
        let mut buf = std::mem::take(&mut self.buf);
        // The first valid result waits until the file shows whether it holds only that one.
        let mut pending: Option<(usize, Answers, Score)> = None;
        let mut count = 0usize;
        loop {
            let chunk = match reader.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.input_error(InputError::Read { name: name.to_string(), reason: input::io_reason(&e) });
                    break;
                }
            };
            if chunk.is_empty() {
                break;
            }
            let len = chunk.len();
            let mut at = 0;
            while at < len {
                let (used, piece) = split.feed(&chunk[at..], &mut buf);
                at += used;
                if let Some(piece) = piece {
                    count += 1;
                    if let Some((line, answers, score)) = pending.take() {
                        self.deliver(root, relative, name, line, false, &answers, &score);
                    }
                    match self.json_result(piece, &buf, name) {
                        Ok((line, answers, score)) if count == 1 => pending = Some((line, answers, score)),
                        Ok((line, answers, score)) => self.deliver(root, relative, name, line, false, &answers, &score),
                        Err(text) => self.problem(text, false),
                    }
                }
            }
            reader.consume(len);
        }
        if let Some(piece) = split.finish() {
            count += 1;
            if let Some((line, answers, score)) = pending.take() {
                self.deliver(root, relative, name, line, false, &answers, &score);
            }
            if let Err(text) = self.json_result(piece, &buf, name) {
                self.problem(text, false);
            }
        }
        if let Some((line, answers, score)) = pending {
            self.deliver(root, relative, name, line, count == 1, &answers, &score);
        }
        buf.clear();
        self.buf = buf;
    }

    /// Checks and scores one result the splitter cut out.
    fn json_result(&self, piece: Piece, buf: &[u8], name: &str) -> Result<(usize, Answers, Score), String> {
        let msg = messages::report(self.lang);
        let line = piece.line;
        let at = format!("{name}:{line}");
        match piece.kind {
            PieceKind::Stray => return Err(format!("{at}: {}", msg.stray)),
            PieceKind::Incomplete => return Err(format!("{at}: {}", msg.incomplete)),
            PieceKind::TooLarge => {
                let error = InputError::TooLarge { name: at, what: "a result", limit: RESULT_LIMIT };
                return Err(error.message(self.lang));
            }
            PieceKind::Object => {}
        }
        let raw: RawResult = serde_json::from_slice(buf).map_err(|e| {
            let text = e.to_string();
            let text = text.find(" at line ").map_or(text.as_str(), |i| &text[..i]);
            let where_ = msg.json_at.replace("{line}", &(line + e.line().max(1) - 1).to_string());
            format!("{at}: {} {}{where_}", msg.not_result, sanitize::excerpt(text, 4 * sanitize::ECHO))
        })?;
        let lines: Vec<Line> = raw
            .answers
            .into_iter()
            .map(|a| Line { number: line, id: Some(a.id.into_owned()), answer: a.choice.into_owned() })
            .collect();
        let answers =
            answers::resolve(self.bank, &lines, None).map_err(|e| format!("{at}: {}", e.message(self.lang)))?;
        let score = scoring::score(self.bank, &answers);
        Ok((line, answers, score))
    }
}

/// The part of a `quiz --format json` result that is read: the answers. A score or a verdict
/// in the file is never trusted.
#[derive(Deserialize)]
struct RawResult<'a> {
    #[serde(borrow)]
    answers: Vec<RawAnswer<'a>>,
}

#[derive(Deserialize)]
struct RawAnswer<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    choice: Cow<'a, str>,
}

/// The first byte that is not a BOM or ASCII white space among the first buffered bytes,
/// without consuming anything. A file that starts with more blank bytes than the buffer
/// holds is read as an answers file.
fn first_non_blank(reader: &mut impl BufRead) -> io::Result<Option<u8>> {
    let chunk = loop {
        match reader.fill_buf() {
            Ok(chunk) => break chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    };
    let chunk = chunk.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(chunk);
    Ok(chunk.iter().find(|b| !b.is_ascii_whitespace()).copied())
}

/// What the splitter cut out of a JSON stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// The line where it starts.
    line: usize,
    kind: PieceKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PieceKind {
    /// A balanced `{ ... }`, in the buffer.
    Object,
    /// An object that did not end before the file did, or before a line starting with `{`.
    Incomplete,
    /// An object larger than [`RESULT_LIMIT`] (not kept).
    TooLarge,
    /// Text between results that is not one.
    Stray,
}

/// Cuts a stream of JSON objects into results by counting brackets outside strings, so
/// pretty objects back to back, appended files and JSON Lines all work, and a broken result
/// can't swallow the ones after it: a line that starts with `{` always starts a new result
/// (in `quiz`'s pretty output, nested brackets are indented). Keeps only the current object,
/// at most [`RESULT_LIMIT`] bytes.
struct Splitter {
    line: usize,
    at_line_start: bool,
    depth: usize,
    in_string: bool,
    escape: bool,
    start: usize,
    too_large: bool,
    stray: Option<usize>,
    first: bool,
}

impl Splitter {
    fn new() -> Splitter {
        Splitter {
            line: 1,
            at_line_start: true,
            depth: 0,
            in_string: false,
            escape: false,
            start: 0,
            too_large: false,
            stray: None,
            first: true,
        }
    }

    /// Reads from `bytes` until a piece is complete; returns how many bytes it used and the
    /// piece, if one ended. An object's bytes are in `buf`.
    fn feed(&mut self, bytes: &[u8], buf: &mut Vec<u8>) -> (usize, Option<Piece>) {
        let mut i = 0;
        if self.first {
            self.first = false;
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                i = 3;
            }
        }
        while i < bytes.len() {
            let b = bytes[i];
            if self.depth > 0 && self.at_line_start && b == b'{' {
                // A new result starts while the last one is open: that one is cut short.
                self.depth = 0;
                self.in_string = false;
                self.escape = false;
                return (i, Some(Piece { line: self.start, kind: PieceKind::Incomplete }));
            }
            if self.depth == 0 {
                if b == b'{' {
                    if let Some(line) = self.stray.take() {
                        // Report the stray text first; this `{` is read again next time.
                        return (i, Some(Piece { line, kind: PieceKind::Stray }));
                    }
                    self.depth = 1;
                    self.start = self.line;
                    self.too_large = false;
                    buf.clear();
                    buf.push(b);
                } else if b == b'\n' {
                    self.line += 1;
                } else if !b.is_ascii_whitespace() {
                    self.stray.get_or_insert(self.line);
                }
                self.at_line_start = b == b'\n';
                i += 1;
                continue;
            }
            self.at_line_start = b == b'\n';
            i += 1;
            if !self.too_large {
                if buf.len() as u64 >= RESULT_LIMIT {
                    self.too_large = true;
                    buf.clear();
                } else {
                    buf.push(b);
                }
            }
            if b == b'\n' {
                self.line += 1;
            }
            if self.in_string {
                if self.escape {
                    self.escape = false;
                } else if b == b'\\' {
                    self.escape = true;
                } else if b == b'"' {
                    self.in_string = false;
                }
                continue;
            }
            match b {
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => {
                    self.depth -= 1;
                    if self.depth == 0 {
                        let kind = if self.too_large { PieceKind::TooLarge } else { PieceKind::Object };
                        return (i, Some(Piece { line: self.start, kind }));
                    }
                }
                _ => {}
            }
        }
        (i, None)
    }

    /// The piece left open at the end of the file, if any.
    fn finish(&mut self) -> Option<Piece> {
        if self.depth > 0 {
            self.depth = 0;
            Some(Piece { line: self.start, kind: PieceKind::Incomplete })
        } else {
            self.stray.take().map(|line| Piece { line, kind: PieceKind::Stray })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits `text` fed in chunks of `step` bytes; objects come back as text.
    fn split(text: &str, step: usize) -> Vec<(usize, PieceKind, String)> {
        let mut s = Splitter::new();
        let mut buf = Vec::new();
        let mut out = Vec::new();
        for chunk in text.as_bytes().chunks(step) {
            let mut at = 0;
            while at < chunk.len() {
                let (used, piece) = s.feed(&chunk[at..], &mut buf);
                at += used;
                if let Some(p) = piece {
                    let body = if p.kind == PieceKind::Object {
                        String::from_utf8(buf.clone()).unwrap()
                    } else {
                        String::new()
                    };
                    out.push((p.line, p.kind, body));
                }
            }
        }
        if let Some(p) = s.finish() {
            out.push((p.line, p.kind, String::new()));
        }
        out
    }

    #[test]
    fn splits_pretty_appended_and_lines_alike() {
        let text = "{\n  \"a\": {\"b\": \"}{\"}\n}\n{\"c\": [1, {\"d\": \"\\\"}\"}]}{\"e\": 1}\n\n{\"f\": 2}\n";
        for step in [1, 3, 7, 1000] {
            let pieces = split(text, step);
            let lines: Vec<usize> = pieces.iter().map(|p| p.0).collect();
            assert_eq!(lines, vec![1, 4, 4, 6], "step {step}");
            assert!(pieces.iter().all(|p| p.1 == PieceKind::Object));
            assert_eq!(pieces[0].2, "{\n  \"a\": {\"b\": \"}{\"}\n}");
            assert_eq!(pieces[2].2, "{\"e\": 1}");
        }
    }

    #[test]
    fn a_broken_result_does_not_swallow_the_next_line() {
        let text = "{\"a\": 1}\n{\"b\": [1, 2\n{\"c\": 3}\n";
        for step in [1, 5, 1000] {
            let kinds: Vec<(usize, PieceKind)> = split(text, step).iter().map(|p| (p.0, p.1)).collect();
            assert_eq!(kinds, vec![(1, PieceKind::Object), (2, PieceKind::Incomplete), (3, PieceKind::Object)]);
        }
        let kinds: Vec<(usize, PieceKind)> = split("{\"a\": 1}\n{\"b\": \"", 4).iter().map(|p| (p.0, p.1)).collect();
        assert_eq!(kinds, vec![(1, PieceKind::Object), (2, PieceKind::Incomplete)]);
    }

    #[test]
    fn stray_text_is_one_piece_and_the_next_result_survives() {
        for step in [1, 2, 1000] {
            let kinds: Vec<(usize, PieceKind)> =
                split("{}\nnot json\nstill not\n{\"x\": 1}\ntail", step).iter().map(|p| (p.0, p.1)).collect();
            assert_eq!(
                kinds,
                vec![(1, PieceKind::Object), (2, PieceKind::Stray), (4, PieceKind::Object), (5, PieceKind::Stray)],
                "step {step}"
            );
        }
    }

    #[test]
    fn a_huge_result_is_refused_but_not_kept() {
        let big = format!("{{\"a\": \"{}\"}}\n{{}}", "x".repeat(RESULT_LIMIT as usize + 10));
        let kinds: Vec<(usize, PieceKind)> = split(&big, 4096).iter().map(|p| (p.0, p.1)).collect();
        assert_eq!(kinds, vec![(1, PieceKind::TooLarge), (2, PieceKind::Object)]);
    }

    /// Gathers `paths` against the built-in bank: (relative path, line, single) of each
    /// result, sorted, and the problem texts.
    fn gather_all(paths: &[PathBuf]) -> (Vec<(String, usize, bool)>, Vec<String>, Summary) {
        let bank = crate::model::builtin_bank();
        let (mut found, mut problems) = (Vec::new(), Vec::new());
        let summary = gather(&bank, Lang::En, paths, &mut |event| match event {
            Event::Result(f) => found.push((f.relative.display().to_string(), f.line, f.single)),
            Event::Problem(p) => problems.push(p.text),
        });
        found.sort();
        (found, problems, summary)
    }

    const ANSWERS: &str = "backend\ndisagree\nno\nagree\nunsure\nneutral\nno\ndisagree\nyes\nstrongly-agree\nno\nyes\n";

    #[cfg(unix)]
    #[test]
    fn walks_once_through_links_loops_and_repeated_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("answers");
        fs::create_dir_all(root.join("sub")).unwrap();
        fs::write(root.join("a.txt"), ANSWERS).unwrap();
        fs::write(root.join("sub/b.txt"), ANSWERS).unwrap();
        fs::write(root.join("same.txt"), ANSWERS).unwrap();
        fs::write(root.join(".hidden.txt"), "nonsense").unwrap();
        std::os::unix::fs::symlink("..", root.join("sub/loop")).unwrap();
        std::os::unix::fs::symlink("a.txt", root.join("link.txt")).unwrap();
        fs::hard_link(root.join("sub/b.txt"), root.join("hard.txt")).unwrap();
        let paths = [root.clone(), root.join("a.txt"), root.join("sub"), root.clone()];
        let (found, problems, summary) = gather_all(&paths);
        assert!(problems.is_empty(), "{problems:?}");
        let names: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(names.len(), 3, "a, b (also a hard link), same: {names:?}");
        assert!(names.contains(&"same.txt"));
        assert_eq!(summary, Summary { results: 3, left_out: 0, unopened: 0 });
        // A hidden file named directly is read.
        let (found, problems, _) = gather_all(&[root.join(".hidden.txt")]);
        assert!(found.is_empty());
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn json_results_carry_their_line_and_whether_they_are_alone() {
        let dir = tempfile::tempdir().unwrap();
        let one = "{\"answers\": [{\"id\": \"track\", \"choice\": \"mobile\"}, {\"id\": \"hard\", \"choice\": \"agree\"},
 {\"id\": \"mentor\", \"choice\": \"no\"}, {\"id\": \"jobs\", \"choice\": \"agree\"}, {\"id\": \"data\", \"choice\": \"no\"},
 {\"id\": \"wages\", \"choice\": \"agree\"}, {\"id\": \"same-pay\", \"choice\": \"no\"}, {\"id\": \"future-proof\", \"choice\": \"agree\"},
 {\"id\": \"colleague\", \"choice\": \"yes\"}, {\"id\": \"fun\", \"choice\": \"agree\"}, {\"id\": \"data-work\", \"choice\": \"no\"},
 {\"id\": \"enjoy-track\", \"choice\": \"yes\"}], \"score\": 99}";
        fs::write(dir.path().join("one.json"), format!("\u{FEFF}{one}\n")).unwrap();
        let bad = one.replace("\"mobile\"", "\"desktop\"");
        fs::write(dir.path().join("many.json"), format!("{one}\n{bad}\n{one}\n")).unwrap();
        let (found, problems, summary) = gather_all(&[dir.path().to_path_buf()]);
        assert_eq!(
            found,
            vec![("many.json".into(), 1, false), ("many.json".into(), 11, false), ("one.json".into(), 1, true)]
        );
        assert_eq!(problems.len(), 1);
        assert!(problems[0].ends_with("many.json:6: `desktop` is not an answer to question `track`; answer with a number from 1 to 3 or a key: frontend, backend, mobile."), "{problems:?}");
        assert_eq!(summary.exit_code(), ExitCode::DataError);
    }
}
