//! Wraps text by display width, breaking only at spaces. Hangul and other wide characters
//! count two columns (unicode-width), and a Korean word is never cut between syllables;
//! only a word wider than the whole line is split, and then between characters.

use textwrap::{Options, WordSeparator, WordSplitter};
use unicode_width::UnicodeWidthStr;

/// The display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Wraps `text` to `width` columns; each paragraph (separated by `\n`) wraps on its own.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let options = Options::new(width.max(2))
        .word_separator(WordSeparator::AsciiSpace)
        .word_splitter(WordSplitter::NoHyphenation)
        .break_words(true);
    text.split('\n')
        .flat_map(|paragraph| {
            if paragraph.trim().is_empty() {
                vec![String::new()]
            } else {
                textwrap::wrap(paragraph, &options).into_iter().map(|line| line.into_owned()).collect()
            }
        })
        .collect()
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
    fn padding_uses_display_width() {
        assert_eq!(pad("연봉", 6), "연봉  ");
        assert_eq!(pad("pay", 6), "pay   ");
    }
}
