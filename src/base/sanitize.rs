//! Makes untrusted text (from a bank, an answers file or a parser's message) safe to print:
//! control characters and bidirectional overrides become visible escapes, so no input can
//! move the cursor, change colours or reorder what the user reads.

/// True for characters that must never reach a terminal raw: C0 and C1 controls (except a
/// plain newline, which the caller decides about), DEL, and the Unicode bidirectional
/// embedding, override and isolate controls.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n') || is_bidi_control(c) || is_separator(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Line and paragraph separators: a terminal may break the line where the text doesn't show it.
fn is_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// Returns `s` with every forbidden character (newlines included) written as an escape.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\n' || is_forbidden(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// What a message echoes of something a user wrote: escaped like [`escape`], and cut after
/// `max` characters with "…", so a 900 KB line can't flood the terminal with one error.
pub fn excerpt(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", escape(&s[..end])),
        None => escape(s),
    }
}

/// How much of a user's answer or id an error message repeats.
pub const ECHO: usize = 60;

/// A readable name for a forbidden character, for error messages.
pub fn describe(c: char) -> String {
    let name = match c {
        '\u{1b}' => " (escape)",
        '\0' => " (NUL)",
        '\t' => " (tab)",
        '\r' => " (carriage return)",
        '\u{7f}' => " (delete)",
        c if is_bidi_control(c) => " (bidirectional control)",
        c if is_separator(c) => " (line or paragraph separator)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_sequences_and_keeps_hangul() {
        assert_eq!(escape("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(escape("한국어 ok"), "한국어 ok");
        assert_eq!(escape("x\ny"), "x\\ny");
        assert_eq!(escape("\u{202E}abc"), "\\u{202e}abc");
    }

    #[test]
    fn excerpts_cut_long_input_at_a_character_boundary() {
        assert_eq!(excerpt("short", 60), "short");
        assert_eq!(excerpt(&"x".repeat(900_000), 60), format!("{}…", "x".repeat(60)));
        assert_eq!(excerpt("가나다라", 2), "가나…");
        assert_eq!(excerpt("a\u{1b}bc", 2), "a\\u{1b}…");
    }

    #[test]
    fn describes_characters() {
        assert_eq!(describe('\u{1b}'), "U+001B (escape)");
        assert_eq!(describe('\u{85}'), "U+0085");
    }
}
