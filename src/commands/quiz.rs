//! `mlcheck quiz`: picks interactive or scripted mode, gathers the answers, saves them if
//! asked, scores them and renders the result.

use std::io::Write;
use std::path::Path;

use crate::base::input::{self, ANSWERS_LIMIT};
use crate::base::sanitize;
use crate::cli::{QuizArgs, ResultFormat};
use crate::commands::{emit, Context};
use crate::error::Error;
use crate::model::answers::{self, Answers};
use crate::model::scoring;
use crate::render::{json, markdown, result};

/// Where the answers come from.
enum Mode<'a> {
    /// A file, or stdin when the path is `-` or stdin is not a terminal.
    Scripted(Option<&'a Path>),
    /// Prompts on the terminal.
    Interactive,
}

/// Runs the quiz.
pub fn run(ctx: &Context, args: &QuizArgs) -> Result<(), Error> {
    let bank = &ctx.bank;
    // clap limits --track to the track keys, which validation requires of every bank.
    let track = args.track.as_deref().map(|key| bank.track().find_choice(key).expect("a track key"));
    let mode = match args.answers.as_deref() {
        Some(path) if input::is_stdin(path) => {
            if ctx.stdin_is_keyboard() {
                return Err(Error::StdinIsKeyboard);
            }
            Mode::Scripted(None)
        }
        Some(path) => Mode::Scripted(Some(path)),
        None if !ctx.stdin_is_keyboard() => Mode::Scripted(None),
        None if !ctx.term.stderr_tty => return Err(Error::NoTerminal),
        None => Mode::Interactive,
    };

    let scripted = matches!(mode, Mode::Scripted(_));
    // Someone about to answer every question by hand learns now, not after the last one, that
    // the answers could not be saved where asked. (A scripted run has its answers in a file
    // already: it shows the result and reports the failed save, as before.)
    if let (Mode::Interactive, Some(path)) = (&mode, args.save_answers.as_deref()) {
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty() && !f.is_dir()) {
            return Err(Error::SaveFolder {
                path: sanitize::escape(&path.display().to_string()),
                folder: sanitize::escape(&folder.display().to_string()),
            });
        }
    }
    let answers = match mode {
        Mode::Scripted(path) => {
            let source = match path {
                Some(path) => input::read_path(path, ANSWERS_LIMIT, "the answers file")?,
                None => input::read_stdin(ANSWERS_LIMIT, "the answers on stdin")?,
            };
            let lines = answers::parse(&source.text);
            answers::resolve(bank, &lines, track)
                .map_err(|error| Error::Answers { source_name: source.name.clone(), error: Box::new(error) })?
        }
        Mode::Interactive => crate::terminal::prompt::run(bank, ctx.lang, track, ctx.term.dumb)
            .map_err(|e| Error::Terminal(input::io_reason(&e)))?,
    };

    // Saved before the result is written, so a closed pipe can't lose the answers; a failed
    // save still shows the result, then reports the failure (with the answers) and exits 1.
    let saved = args.save_answers.as_deref().map(|path| save(ctx, path, &answers, scripted)).unwrap_or(Ok(()));

    let score = scoring::score(bank, &answers);
    // What would change the verdict is searched for here, for the one result shown; `report`
    // and `compare` score thousands of results and never show it.
    let flips = crate::model::flips::find(bank, answers.choices());
    let view = ctx.view();
    if args.format == ResultFormat::Markdown {
        crate::render::plain_only();
    }
    emit(|w| match args.format {
        ResultFormat::Json => json::result(w, &view, &answers, &score, &flips),
        ResultFormat::Markdown => markdown::result(w, &view, &answers, &score, &flips),
        ResultFormat::Text => {
            if scripted && !args.quiet {
                result::transcript(w, &view, &answers)?;
            }
            result::result(w, &view, &answers, &score, &flips)
        }
    })?;
    if !scripted && args.save_answers.is_none() {
        save_hint(ctx);
    }
    saved
}

/// After an interactive result, one dim note on stderr: how to keep the answers, now that
/// the result is there to want them for. Wrapped to stderr's width, each line dimmed alone.
fn save_hint(ctx: &Context) {
    let width =
        crate::terminal::term::columns(&console::Term::stderr()).unwrap_or(crate::terminal::term::DEFAULT_WIDTH);
    let mut stderr = std::io::stderr().lock();
    for line in crate::base::wrap::wrap(ctx.msg().save_hint, width) {
        let _ = writeln!(stderr, "{}", console::style(line).for_stderr().dim());
    }
}

fn save(ctx: &Context, path: &Path, answers: &Answers, scripted: bool) -> Result<(), Error> {
    let keyed = answers.to_keyed(&ctx.bank);
    let shown = sanitize::escape(&path.display().to_string());
    crate::base::save::save(path, &keyed).map_err(|e| Error::Save {
        path: shown.clone(),
        reason: input::io_reason(&e),
        answers: keyed.clone(),
    })?;
    if !scripted {
        let note = ctx.msg().saved.replace("{path}", &shown);
        let _ = writeln!(std::io::stderr(), "{}", console::style(note).for_stderr().dim());
    }
    Ok(())
}
