//! The interactive quiz: dialoguer's Select on stderr when the terminal can move its
//! cursor, plain numbered questions when TERM=dumb. Knows nothing of scoring.
//!
//! dialoguer clears a prompt by counting the newlines it wrote, not the rows the terminal
//! wrapped them into, so every prompt and label is wrapped here, by display width, first.
//!
//! Going back (Esc, or q, which dialoguer reads as Esc) erases the reports of the answers
//! taken back, but only the rows still on the screen ([`Onscreen`]); a report that scrolled
//! out of view can't be erased, so the new answer to its question comes with a dim line
//! saying that the one above no longer counts.

use std::io::{self, BufRead, Write};

use console::{style, Term};
use dialoguer::theme::ColorfulTheme;
use dialoguer::Select;

use crate::base::lang::Lang;
use crate::base::messages::{self, Messages};
use crate::base::wrap;
use crate::model::answers::Answers;
use crate::model::bank::{Bank, Question};
use crate::terminal::cancel;
use crate::terminal::onscreen::Onscreen;

/// A choice label wrapped for dialoguer's Select on a `width`-column terminal. Select decides
/// how many rows to clear by each item line's length in bytes, not columns, so each line
/// must fit `width` in bytes too: Hangul takes 3 bytes for 2 columns, so Korean labels wrap
/// narrower than their display width alone would need.
fn select_item(label: &str, width: usize) -> String {
    let mut columns = width.saturating_sub(4);
    loop {
        let item = wrap::wrap(label, columns).join("\n  ");
        if columns <= 8 || item.split('\n').all(|line| line.len() <= width) {
            return item;
        }
        columns -= 2;
    }
}

/// What the user did at a prompt.
enum Reply {
    /// Picked this choice.
    Choice(usize),
    /// Asked to go back to the previous question.
    Back,
}

/// The lines reporting an answer: "✔ [n/total] prompt · answer", wrapped to `width`
/// columns. The answer is never split from the question's last word, so a short answer
/// can't end up alone on a row; an answer too long for that starts a row of its own, whole.
fn report_lines(marker: &str, prompt: &str, label: &str, width: usize) -> Vec<String> {
    let question = format!("✔ {marker} {prompt}");
    let indent = |lines: Vec<&str>| -> Vec<String> {
        lines.into_iter().enumerate().map(|(i, l)| if i == 0 { l.to_string() } else { format!("  {l}") }).collect()
    };
    // The marker always precedes the prompt, so there is a space to split at.
    let (head, last_word) = question.rsplit_once(' ').unwrap_or(("", &question));
    let tail = format!("{last_word} · {label}");
    let mut lines = indent(wrap::wrap(head, width.saturating_sub(2)));
    let last = lines.last_mut().expect("wrap gives a line");
    if wrap::width(last) + 1 + wrap::width(&tail) <= width {
        last.push(' ');
        last.push_str(&tail);
        return lines;
    }
    if wrap::width(&tail) + 2 <= width {
        lines.push(format!("  {tail}"));
        return lines;
    }
    let mut lines = indent(wrap::wrap(&question, width.saturating_sub(2)));
    for (i, line) in wrap::wrap(label, width.saturating_sub(4)).into_iter().enumerate() {
        lines.push(format!("{}{line}", if i == 0 { "  · " } else { "    " }));
    }
    lines
}

/// Where the quiz is, for the progress marker and the hint.
struct Step<'a> {
    /// The question's index in the bank.
    index: usize,
    question: &'a Question,
    number: usize,
    total: usize,
    default: usize,
}

impl Step<'_> {
    fn marker(&self) -> String {
        format!("[{}/{}]", self.number, self.total)
    }
}

/// Runs the quiz on the terminal and returns the answers. `track` is the `--track` choice,
/// which skips the first question. Ctrl-C ends the process through [`cancel`].
pub fn run(bank: &Bank, lang: Lang, track: Option<usize>, dumb: bool) -> io::Result<Answers> {
    cancel::install(dumb);
    let msg = messages::get(lang);
    let term = Term::stderr();
    let height = term.size_checked().map_or(24, |(rows, _)| usize::from(rows));
    let mut screen = Screen {
        term: term.clone(),
        lang,
        msg,
        dumb,
        written: Vec::new(),
        onscreen: Onscreen::new(height),
        out_of_view: vec![None; bank.questions.len()],
    };
    let width = screen.width();
    let intro = wrap::wrap(bank.intro.get(lang), width);
    screen.onscreen.wrote_fixed(intro.len() + 2);
    let _ = (|| -> io::Result<()> {
        writeln!(&term, "{}", style(bank.title.get(lang)).for_stderr().bold())?;
        for line in intro {
            writeln!(&term, "{}", style(line).for_stderr().dim())?;
        }
        writeln!(&term)
    })();

    let order: Vec<usize> = (0..bank.questions.len()).filter(|&i| !(i == 0 && track.is_some())).collect();
    let mut choices: Vec<Option<usize>> = vec![None; bank.questions.len()];
    choices[0] = track;
    let mut at = 0;
    while at < order.len() {
        let index = order[at];
        let question = &bank.questions[index];
        let step = Step {
            index,
            question,
            number: at + 1,
            total: order.len(),
            default: choices[index].unwrap_or_else(|| question.default_choice()),
        };
        match screen.ask(&step, at == 0)? {
            Reply::Choice(c) => {
                choices[index] = Some(c);
                screen.report(&step, c)?;
                at += 1;
            }
            Reply::Back if at > 0 => {
                at -= 1;
                screen.forget_last()?;
            }
            Reply::Back => {}
        }
    }
    // A blank line between the last answer and the result that follows on stdout.
    term.write_line("")?;
    Ok(Answers::new(bank, choices.into_iter().map(|c| c.unwrap_or(0)).collect()))
}

/// The report written for an answered question.
struct Report {
    /// The question's index in the bank.
    index: usize,
    /// The choice it reports.
    choice: usize,
    /// Its lines, unstyled, so that erasing them can count the rows they take at the
    /// terminal's width of the moment.
    lines: Vec<String>,
}

/// The prompts' screen: what has been written for each answered question, so that going
/// back can erase it.
struct Screen {
    term: Term,
    lang: Lang,
    msg: &'static Messages,
    dumb: bool,
    /// The reports of the answered questions, most recent last.
    written: Vec<Report>,
    /// Which of the rows written are still on the screen.
    onscreen: Onscreen,
    /// For each question, the choice named by its latest report that scrolled (partly) out
    /// of view before it was taken back: that report stays, so the next one says it no
    /// longer counts.
    out_of_view: Vec<Option<usize>>,
}

/// How many terminal rows `lines` take on a `columns`-wide terminal (a resized terminal
/// re-wraps what it shows, so a count taken at writing time can be wrong by now).
fn rows(lines: &[String], columns: usize) -> usize {
    lines.iter().map(|l| wrap::width(l).max(1).div_ceil(columns.max(1))).sum()
}

impl Screen {
    fn width(&self) -> usize {
        crate::terminal::term::columns(&self.term).unwrap_or(crate::terminal::term::DEFAULT_WIDTH)
    }

    /// Tells the model of the screen about a resized window.
    fn measure(&mut self) {
        if let Some((rows, _)) = self.term.size_checked() {
            self.onscreen.resize(usize::from(rows));
        }
    }

    fn ask(&mut self, step: &Step, first: bool) -> io::Result<Reply> {
        if self.dumb {
            self.ask_plain(step, first)
        } else {
            self.ask_select(step, first)
        }
    }

    fn ask_select(&mut self, step: &Step, first: bool) -> io::Result<Reply> {
        let width = self.width();
        let q = step.question;
        // ColorfulTheme draws "? " before and " ›" after the prompt, "❯ " before an item.
        let prompt =
            wrap::wrap_hanging(&format!("{} {}", step.marker(), q.prompt.get(self.lang)), width.saturating_sub(4), 2);
        let items: Vec<String> = q.choices.iter().map(|c| select_item(c.label.get(self.lang), width)).collect();
        let hint = if first { self.msg.keys_hint_first } else { self.msg.keys_hint };
        let hint_lines: Vec<String> = wrap::wrap(hint, width).into_iter().map(str::to_string).collect();
        for line in &hint_lines {
            self.term.write_line(&style(line).for_stderr().dim().to_string())?;
        }
        let result = Select::with_theme(&ColorfulTheme::default())
            .with_prompt(&prompt)
            .items(&items)
            .default(step.default)
            .report(false)
            .interact_on_opt(&self.term);
        let picked = match result {
            Ok(picked) => picked,
            Err(dialoguer::Error::IO(e)) if e.kind() == io::ErrorKind::Interrupted => cancel::cancel(),
            Err(dialoguer::Error::IO(e)) => return Err(e),
        };
        let hint_rows = rows(&hint_lines, self.width());
        self.term.clear_last_lines(hint_rows)?;
        // The hint and dialoguer's prompt (one row a line, as wrapped above) came and went.
        let select_rows = prompt.split('\n').count() + items.iter().map(|i| i.split('\n').count()).sum::<usize>();
        self.measure();
        self.onscreen.drew_and_erased(hint_rows + select_rows);
        Ok(picked.map_or(Reply::Back, Reply::Choice))
    }

    fn ask_plain(&mut self, step: &Step, first: bool) -> io::Result<Reply> {
        let width = self.width();
        let q = step.question;
        let mut err = io::stderr();
        let marker = step.marker();
        writeln!(err, "{}", wrap::wrap_hanging(&format!("{marker} {}", q.prompt.get(self.lang)), width, 2))?;
        for (n, c) in q.choices.iter().enumerate() {
            let head = format!("  {}) ", n + 1);
            writeln!(err, "{head}{}", wrap::wrap_hanging(c.label.get(self.lang), width, wrap::width(&head)))?;
        }
        let hint = if first { self.msg.plain_hint_first } else { self.msg.plain_hint };
        let hint = hint.replace("{default}", &(step.default + 1).to_string());
        writeln!(err, "{}", wrap::wrap(&hint, width).join("\n"))?;
        let stdin = io::stdin();
        loop {
            write!(err, "> ")?;
            err.flush()?;
            let mut bytes = Vec::new();
            if stdin.lock().read_until(b'\n', &mut bytes)? == 0 {
                // Ctrl-D: end of input at a prompt is a cancel, said the same way.
                cancel::cancel();
            }
            // Bytes that are not UTF-8 are just another wrong answer.
            let line = String::from_utf8_lossy(&bytes);
            let answer = line.trim();
            if answer.is_empty() {
                return Ok(Reply::Choice(step.default));
            }
            if answer == "<" {
                return Ok(Reply::Back);
            }
            match q.find_choice(answer) {
                Ok(c) => return Ok(Reply::Choice(c)),
                Err(_) => {
                    let keys: Vec<&str> = q.choices.iter().map(|c| c.key.as_str()).collect();
                    let valid = self
                        .msg
                        .plain_valid
                        .replace("{max}", &q.choices.len().to_string())
                        .replace("{keys}", &keys.join(", "));
                    let text = format!("{} {valid}", self.msg.plain_again);
                    writeln!(err, "{}", wrap::wrap(&text, width).join("\n"))?;
                }
            }
        }
    }

    /// Shows the answer given and, for a myth, the article's counterpoint.
    fn report(&mut self, step: &Step, choice: usize) -> io::Result<()> {
        let width = self.width();
        let q = step.question;
        let label = q.choices[choice].label.get(self.lang);
        let mut lines: Vec<String> = Vec::new();
        if self.dumb {
            // Plain prompts echo nothing themselves: say which choice was taken.
            let text = format!("→ {label}");
            for line in wrap::wrap(&text, width.saturating_sub(2)) {
                self.term.write_line(&format!("  {line}"))?;
                lines.push(format!("  {line}"));
            }
        } else {
            if let Some(before) = self.out_of_view[step.index] {
                let note = if before == choice { self.msg.answer_kept } else { self.msg.answer_changed };
                let note = note.replace("{n}", &step.number.to_string());
                for (i, line) in wrap::wrap(&note, width.saturating_sub(2)).into_iter().enumerate() {
                    let line = if i == 0 { line.to_string() } else { format!("  {line}") };
                    self.term.write_line(&style(&line).for_stderr().dim().to_string())?;
                    lines.push(line);
                }
            }
            let report = report_lines(&step.marker(), q.prompt.get(self.lang), label, width);
            for (i, plain) in report.into_iter().enumerate() {
                let shown = if i == 0 {
                    plain.replacen('✔', &style("✔").for_stderr().green().to_string(), 1)
                } else {
                    plain.clone()
                };
                self.term.write_line(&shown)?;
                lines.push(plain);
            }
        }
        if let Some(cp) = &q.counterpoint {
            let text = format!("{} {}", self.msg.article_says, cp.get(self.lang));
            for line in wrap::wrap(&text, width.saturating_sub(2)) {
                self.term.write_line(&format!("  {}", style(line).for_stderr().dim()))?;
                lines.push(format!("  {line}"));
            }
            self.term.write_line("")?;
            lines.push(String::new());
        }
        self.measure();
        self.onscreen.wrote_kept(rows(&lines, width));
        self.written.push(Report { index: step.index, choice, lines });
        Ok(())
    }

    /// Erases what was written for the last answered question, before asking it again: the
    /// rows still on the screen, whole. If some scrolled out of view, they stay, and the
    /// question's next report says so.
    fn forget_last(&mut self) -> io::Result<()> {
        let Some(report) = self.written.pop() else { return Ok(()) };
        if self.dumb {
            return Ok(());
        }
        self.measure();
        let total = rows(&report.lines, self.width());
        let visible = self.onscreen.erase_kept(total);
        self.term.clear_last_lines(visible)?;
        if visible < total {
            self.out_of_view[report.index] = Some(report.choice);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{report_lines, select_item};
    use crate::base::lang::Lang;

    #[test]
    fn reports_keep_the_answer_whole_and_fit_the_width() {
        let bank = crate::model::builtin_bank();
        for width in [40, 80] {
            for lang in Lang::ALL {
                for (n, q) in bank.questions.iter().enumerate() {
                    for c in &q.choices {
                        let (prompt, label) = (q.prompt.get(lang), c.label.get(lang));
                        let marker = format!("[{}/12]", n + 1);
                        let lines = report_lines(&marker, prompt, label, width);
                        let shown = format!("{width} {lang} {}: {lines:#?}", q.id);
                        assert!(lines.iter().all(|l| crate::base::wrap::width(l) <= width), "{shown}");
                        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
                        let expected = words(&format!("✔ {marker} {prompt} · {label}"));
                        assert_eq!(words(&lines.join(" ")), expected, "{shown}");
                        // The answer shares a row with the question's last word, whole, or
                        // (when the two don't fit a row together) starts a row of its own.
                        let last_word = prompt.rsplit(' ').next().unwrap();
                        let together = format!("{last_word} · {label}");
                        if crate::base::wrap::width(&together) + 2 <= width {
                            assert!(lines.iter().any(|l| l.ends_with(&together)), "{shown}");
                        } else {
                            assert!(lines.iter().any(|l| l.starts_with("  · ")), "{shown}");
                            if crate::base::wrap::width(label) + 4 <= width {
                                assert!(lines.iter().any(|l| l == &format!("  · {label}")), "{shown}");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn rows_count_what_a_terminal_wraps() {
        let lines = vec!["x".repeat(10), String::new(), "한".repeat(10)];
        assert_eq!(super::rows(&lines, 80), 3);
        assert_eq!(super::rows(&lines, 10), 1 + 1 + 2);
        assert_eq!(super::rows(&lines, 4), 3 + 1 + 5);
    }

    #[test]
    fn select_items_fit_the_width_in_bytes() {
        for width in [20, 40, 80] {
            for label in
                ["아직 없지만 인턴십 지원 등으로 구할 수 있어요", "Not yet, but I could, e.g. via an internship"]
            {
                let item = select_item(label, width);
                assert!(item.split('\n').all(|l| l.len() <= width), "{width}: {item:?}");
                assert_eq!(item.split_whitespace().collect::<Vec<_>>(), label.split_whitespace().collect::<Vec<_>>());
            }
        }
    }
}
