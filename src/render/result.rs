//! The text result: verdict first, then the gauge, the chart, the myths believed, the
//! reasons, what to do next and what the result is. Scripted runs get a transcript first.

use std::io::{self, Write};

use colored::Colorize;

use super::{chart, signed, View};
use crate::model::answers::Answers;
use crate::model::bank::Question;
use crate::model::flips::Flip;
use crate::model::scoring::{Recommendation, Score};

/// Writes one question and the answer given, and the counterpoint for a myth.
pub fn transcript_entry(
    w: &mut dyn Write,
    view: &View,
    position: (usize, usize),
    question: &Question,
    choice: usize,
) -> io::Result<()> {
    let lang = view.lang;
    let marker = format!("{:>2}/{}", position.0, position.1);
    let indent = marker.len() + 2;
    view.paragraph(w, &marker, indent, question.prompt.get(lang))?;
    let answer = format!("→ {}", question.choices[choice].label.get(lang));
    view.paragraph(w, "", indent, &answer)?;
    if let Some(counterpoint) = &question.counterpoint {
        let text = format!("{} {}", view.msg().article_says, counterpoint.get(lang));
        view.paragraph_dimmed(w, "", indent, &text)?;
    }
    Ok(())
}

/// Writes the transcript of a scripted run.
pub fn transcript(w: &mut dyn Write, view: &View, answers: &Answers) -> io::Result<()> {
    writeln!(w, "{}", view.msg().transcript_heading.bold())?;
    let total = view.bank.questions.len();
    for (i, (q, c)) in answers.iter(view.bank).enumerate() {
        transcript_entry(w, view, (i + 1, total), q, c)?;
    }
    writeln!(w)
}

/// Writes the result.
pub fn result(w: &mut dyn Write, view: &View, answers: &Answers, score: &Score, flips: &[Flip]) -> io::Result<()> {
    let bank = view.bank;
    let lang = view.lang;
    let msg = view.msg();
    let verdict = bank.verdict(score.recommendation.key()).get(lang);
    let verdict = match score.recommendation {
        Recommendation::Ml => verdict.bold().green(),
        Recommendation::Stay(_) => verdict.bold().cyan(),
    };
    writeln!(w, "{verdict}")?;
    writeln!(w)?;
    chart::gauge(w, view, score)?;
    writeln!(w)?;
    chart::myths(w, view, score)?;
    writeln!(w)?;

    writeln!(w, "{}", msg.believed_heading.bold())?;
    let believed: Vec<_> = score.myths.iter().filter(|m| m.believed).collect();
    if believed.is_empty() {
        view.paragraph(w, "  ", 2, msg.believed_none)?;
    }
    for m in believed {
        let q = &bank.questions[m.question];
        let summary = q.summary.as_ref().map(|s| s.get(lang)).unwrap_or_default();
        view.paragraph(w, "  •", 4, &format!("{}: {summary}", q.topic.get(lang)))?;
    }
    writeln!(w)?;

    writeln!(w, "{}", msg.reasons_heading.bold())?;
    if score.reasons.is_empty() {
        view.paragraph(w, "  ", 2, &super::reasons_short(view, score))?;
    }
    for &i in &score.reasons {
        let q = &bank.questions[i];
        let c = &q.choices[answers.choice(i)];
        let line = format!("{}: {} ({})", q.topic.get(lang), c.label.get(lang), signed(c.weight));
        view.paragraph(w, "  •", 4, &line)?;
    }
    writeln!(w)?;
    what_would_change(w, view, score, flips)?;
    if !score.advice.is_empty() {
        writeln!(w)?;
        writeln!(w, "{}", msg.next_heading.bold())?;
        for &a in &score.advice {
            view.paragraph(w, "  •", 4, bank.advice[a].text.get(lang))?;
        }
    }
    writeln!(w)?;
    view.paragraph_dimmed(w, "", 0, bank.disclaimer.get(lang))
}

/// Writes "What would change it": how far the score is from the threshold, and the smallest
/// sets of changed answers that would flip the verdict, worded as conditions.
fn what_would_change(w: &mut dyn Write, view: &View, score: &Score, flips: &[Flip]) -> io::Result<()> {
    let msg = view.msg();
    writeln!(w, "{}", msg.flips_heading.bold())?;
    view.paragraph(w, "  ", 2, &super::margin_line(view, score))?;
    let Some(first) = flips.first() else {
        return view.paragraph(w, "  ", 2, msg.flips_none);
    };
    view.paragraph(w, "  ", 2, &super::flips_intro(view, first.changes.len()))?;
    for (i, flip) in flips.iter().enumerate() {
        if i > 0 && flip.changes.len() > 1 {
            view.paragraph(w, "  •", 4, &super::flip_variant(view, first, flip, |s| s.into()))?;
            continue;
        }
        let last = flip.changes.len() - 1;
        for (n, change) in flip.changes.iter().enumerate() {
            let mut line = super::change_text(view, change, |s| s.into());
            if n > 0 {
                line = format!("{} {line}", msg.flips_and);
            }
            if n == last {
                // A no-break space keeps the arrow with the verdict when the line wraps.
                line = format!("{line} →\u{a0}{}.", super::verdict_after(view, score, flip));
            }
            view.paragraph(w, if n == 0 { "  •" } else { "" }, 4, &line)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::Lang;

    fn render(lang: Lang, clear_flips: bool) -> String {
        let bank = crate::model::builtin_bank();
        let answers = Answers::new(&bank, vec![0, 2, 2, 3, 1, 2, 2, 1, 0, 4, 2, 0]);
        let score = crate::model::scoring::score(&bank, &answers);
        let flips = if clear_flips { Vec::new() } else { crate::model::flips::find(&bank, answers.choices()) };
        let view = View { bank: &bank, lang, width: 60 };
        let mut out = Vec::new();
        result(&mut out, &view, &answers, &score, &flips).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn says_so_when_nothing_would_change_the_verdict() {
        // No validated bank gets here (its threshold is reached by some answers and missed by
        // others, and the track weighs nothing), so the score is built without flips.
        for lang in Lang::ALL {
            let msg = crate::base::messages::get(lang);
            let text = render(lang, true);
            let after = text.split(msg.flips_heading).nth(1).expect("the section is there");
            let section = after.split("\n\n").next().unwrap();
            let words = section.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(words.contains(msg.flips_none), "{lang:?}:\n{text}");
            assert!(!section.contains('→'), "{lang:?}:\n{text}");
            assert!(render(lang, false).contains('→'));
        }
    }
}
