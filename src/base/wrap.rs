//! Wraps text by display width, breaking only at spaces. Hangul and other wide characters
//! count two columns (unicode-width), and a Korean word is never cut between syllables;
//! only a word wider than the whole line is split, and then between characters.
//!
//! Greedy first fit by hand: textwrap can be told to do the same (ASCII-space separator, no
//! hyphenation), but its general machinery cost a third of a scripted run's instructions
//! (callgrind), for output this one loop gives.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    // Printable ASCII is one column a byte; texts reaching here hold no control characters.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        s.len()
    } else {
        UnicodeWidthStr::width(s)
    }
}

/// Wraps `text` to `width` columns; each paragraph (separated by `\n`) wraps on its own.
/// The lines are slices of `text`: nothing is copied, and the spaces between the words of a
/// line are kept as written.
pub fn wrap(text: &str, width: usize) -> Vec<&str> {
    let width = width.max(2);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        // The current line is paragraph[start..end], `used` columns wide.
        let (mut start, mut end, mut used) = (0, 0, 0);
        let mut open = false;
        let mut offset = 0;
        for word in paragraph.split(' ') {
            let word_start = offset;
            offset += word.len() + 1;
            if word.is_empty() {
                continue;
            }
            let word_end = word_start + word.len();
            let w = self::width(word);
            let gap = word_start - end;
            if open && used + gap + w <= width {
                end = word_end;
                used += gap + w;
                continue;
            }
            if open {
                lines.push(&paragraph[start..end]);
            }
            (start, end, used, open) = (word_start, word_end, w, true);
            if w > width {
                // Wider than a whole line: split between characters, never inside one.
                used = 0;
                for (i, c) in word.char_indices() {
                    let cw = c.width().unwrap_or(0);
                    if used + cw > width && used > 0 {
                        lines.push(&paragraph[start..word_start + i]);
                        start = word_start + i;
                        used = 0;
                    }
                    used += cw;
                }
            }
        }
        lines.push(if open { &paragraph[start..end] } else { "" });
    }
    lines
}

/// Wraps `text` to `width` columns and indents every line but the first by `indent` spaces.
pub fn wrap_hanging(text: &str, width: usize, indent: usize) -> String {
    let lines = wrap(text, width.saturating_sub(indent));
    lines.join(&format!("\n{}", " ".repeat(indent)))
}

/// Pads `s` with spaces on the right to `columns` display columns.
pub fn pad(s: &str, columns: usize) -> String {
    let w = width(s);
    format!("{s}{}", " ".repeat(columns.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_breaks_only_at_spaces_and_fits() {
        let text = "머신러닝 엔지니어는 대부분의 시간을 학습 데이터를 만들고 인프라를 구축하는 데 씁니다.";
        let lines = wrap(text, 20);
        for line in &lines {
            assert!(width(line) <= 20, "{line:?} is {} wide", width(line));
        }
        let words: Vec<&str> = text.split(' ').collect();
        let rejoined: Vec<String> = lines.iter().flat_map(|l| l.split(' ').map(str::to_string)).collect();
        assert_eq!(rejoined, words, "a word was split");
    }

    #[test]
    fn overlong_word_is_split_between_characters() {
        let lines = wrap("가나다라마바사아자차카타파하", 10);
        assert!(lines.iter().all(|l| width(l) <= 10));
        assert_eq!(lines.concat(), "가나다라마바사아자차카타파하");
    }

    #[test]
    fn paragraphs_and_blank_lines_are_kept() {
        assert_eq!(wrap("a b\n\nc", 10), vec!["a b", "", "c"]);
        assert_eq!(wrap("", 10), vec![""]);
        assert_eq!(wrap("one  two", 3), vec!["one", "two"]);
        assert_eq!(wrap("one  two", 8), vec!["one  two"]);
    }

    proptest::proptest! {
        #[test]
        fn lines_fit_and_words_survive(
            words in proptest::collection::vec("[a-z]{1,12}|[가-힣]{1,8}|[a-z가-힣]{1,30}", 0..40),
            width in 2usize..60,
        ) {
            let text = words.join(" ");
            let lines = wrap(&text, width);
            for line in &lines {
                proptest::prop_assert!(super::width(line) <= width, "{:?} wider than {}", line, width);
            }
            // Every word that fits a line comes out whole on one line.
            let out: Vec<&str> = lines.iter().flat_map(|l| l.split(' ')).collect();
            for word in words.iter().filter(|w| super::width(w) <= width) {
                proptest::prop_assert!(out.contains(&word.as_str()), "{:?} was cut", word);
            }
            proptest::prop_assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        }
    }

    #[test]
    fn padding_uses_display_width() {
        assert_eq!(pad("연봉", 6), "연봉  ");
        assert_eq!(pad("pay", 6), "pay   ");
    }
}
