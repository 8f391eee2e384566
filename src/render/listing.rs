//! `mlcheck questions` (text) and `mlcheck myths`: the bank for reading.

use std::io::{self, Write};

use colored::Colorize;

use super::{signed, View};
use crate::base::wrap::{pad, width};
use crate::model::bank::{Kind, Question};

/// The narrowest a choice label may wrap to beside its number, key and weight.
const NARROWEST_LABEL: usize = 16;

/// Writes every question with its numbered choices, keys and weights.
pub fn questions(w: &mut dyn Write, view: &View) -> io::Result<()> {
    let bank = view.bank;
    let lang = view.lang;
    writeln!(w, "{}", bank.title.get(lang).bold())?;
    let (lo, hi) = bank.score_range();
    let line = view
        .msg()
        .threshold_line
        .replace("{threshold}", &bank.threshold.to_string())
        .replace("{min}", &lo.to_string())
        .replace("{max}", &hi.to_string());
    view.paragraph(w, "", 0, &line)?;
    for (i, q) in bank.questions.iter().enumerate() {
        writeln!(w)?;
        let kind = match &q.kind {
            Kind::Track => "track".to_string(),
            Kind::Myth => "myth".to_string(),
            Kind::Check { myth } => format!("check, myth {myth}"),
        };
        writeln!(w, "{}/{} {} {}", i + 1, bank.questions.len(), q.id.bold(), format!("({kind})").dimmed())?;
        view.paragraph(w, "", 2, q.prompt.get(lang))?;
        let key_w = q.choices.iter().map(|c| c.key.len()).max().unwrap_or(0);
        for (n, c) in q.choices.iter().enumerate() {
            let head = format!("  {:>2}  {}  {:>3}  ", n + 1, pad(&c.key, key_w), signed(c.weight));
            let indent = width(&head);
            if view.width >= indent + NARROWEST_LABEL {
                view.paragraph(w, &head, indent, c.label.get(lang))?;
            } else {
                // Too narrow for the label beside the key: it goes on its own lines.
                writeln!(w, "{}", head.trim_end())?;
                view.paragraph(w, "", 6, c.label.get(lang))?;
            }
        }
        if let Some(cp) = &q.counterpoint {
            view.paragraph_dimmed(w, "", 2, &format!("{} {}", view.msg().article_says, cp.get(lang)))?;
        }
    }
    Ok(())
}

/// Writes the five myths (or the one with id `only`) with counterpoints and reality checks.
pub fn myths(w: &mut dyn Write, view: &View, only: Option<&str>) -> io::Result<()> {
    let bank = view.bank;
    let lang = view.lang;
    let msg = view.msg();
    let myths: Vec<(usize, &Question)> = bank.questions.iter().filter(|q| q.is_myth()).enumerate().collect();
    let mut first = true;
    for (n, q) in myths {
        if only.is_some_and(|id| id != q.id) {
            continue;
        }
        if !first {
            writeln!(w)?;
        }
        first = false;
        let heading = msg.myth_heading.replace("{n}", &(n + 1).to_string());
        writeln!(w, "{} · {}", heading.bold(), q.topic.get(lang).bold())?;
        view.paragraph(w, "  “", 3, &format!("{}”", q.prompt.get(lang)))?;
        writeln!(w)?;
        if let Some(cp) = &q.counterpoint {
            view.paragraph(w, "", 2, cp.get(lang))?;
        }
        let checks: Vec<&Question> =
            bank.questions.iter().filter(|c| c.kind == Kind::Check { myth: q.id.clone() }).collect();
        if !checks.is_empty() {
            writeln!(w)?;
            writeln!(w, "  {}", msg.checks_heading.dimmed())?;
            for c in checks {
                view.paragraph(w, "  •", 4, c.prompt.get(lang))?;
            }
        }
    }
    Ok(())
}
