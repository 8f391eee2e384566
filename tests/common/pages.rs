//! Checks shared by the Markdown and HTML renderings of `report` and `compare`: what a page
//! must hold, or must not, whatever its numbers.

/// Markdown outside code fences holds no raw HTML tag (`<` then a letter or `/`), and every
/// fence is closed.
pub fn assert_markdown_without_html(text: &str) {
    let mut fenced = false;
    for line in text.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            let bytes = line.as_bytes();
            for (i, b) in bytes.iter().enumerate() {
                if *b == b'<' {
                    assert!(
                        !bytes.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/'),
                        "raw HTML: {line}"
                    );
                }
            }
        }
    }
    assert!(!fenced, "every fence is closed");
}

/// An HTML page in `lang` is one self-contained document: no script, no link, nothing
/// fetched from elsewhere, and a print style.
pub fn assert_self_contained_html(page: &str, lang: &str) {
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains(&format!("<html lang=\"{lang}\">")));
    for banned in ["<script", "http://", "https://", "@font-face", "@import", "url(", "<link", "<img"] {
        assert!(!page.contains(banned), "{lang}: {banned} in the page");
    }
    assert!(page.contains("@media print"));
}

/// Each `<svg>` of `page`: its opening tag's attributes, and its body up to `</svg>`.
pub fn svgs(page: &str) -> Vec<(&str, &str)> {
    page.split("<svg")
        .skip(1)
        .map(|svg| (&svg[..svg.find('>').unwrap()], &svg[..svg.find("</svg>").unwrap()]))
        .collect()
}
