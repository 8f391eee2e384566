//! The participant URL as a QR code, so phones join by scanning it: as inline SVG for the
//! organizer's join view (no script, no external resource), and as half-block characters for
//! a terminal. The qrcode crate makes the code; drawing its modules is a few lines here.

use qrcode::{Color, EcLevel, QrCode};

use crate::render::html::escape;

/// Modules of quiet zone around the code, as the standard asks.
const QUIET: usize = 4;

/// The code's modules, dark as `true`, row by row, with the quiet zone; and its width.
fn modules(url: &str) -> (Vec<bool>, usize) {
    // A URL of a few dozen bytes always fits: the largest code takes over 2,000.
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).expect("a URL fits a QR code");
    let inner = code.width();
    let width = inner + 2 * QUIET;
    let colors = code.to_colors();
    let mut dark = vec![false; width * width];
    for y in 0..inner {
        for x in 0..inner {
            dark[(y + QUIET) * width + x + QUIET] = colors[y * inner + x] == Color::Dark;
        }
    }
    (dark, width)
}

/// The participant URL and its code as SVG, drawn once when the server starts: the join
/// view and the banner show it at every refresh.
pub struct Code {
    url: String,
    width: usize,
    /// The dark modules as one SVG path.
    path: String,
}

impl Code {
    pub fn new(url: &str) -> Code {
        let (width, path) = svg_path(url);
        Code { url: url.to_string(), width, path }
    }

    /// The URL the code holds.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The code as one `<svg>` element, black on white, scaled by its container; `label` is
    /// its text equivalent, plain text.
    pub fn svg(&self, label: &str) -> String {
        let (width, path, label) = (self.width, &self.path, escape(label));
        format!(
            "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {width}\" role=\"img\" \
             aria-label=\"{label}\" shape-rendering=\"crispEdges\"><rect width=\"{width}\" height=\"{width}\" \
             fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
        )
    }
}

/// The code's width in modules and its dark modules as an SVG path, a run of a row a square.
fn svg_path(url: &str) -> (usize, String) {
    let (dark, width) = modules(url);
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if dark[y * width + x] {
                let start = x;
                while x < width && dark[y * width + x] {
                    x += 1;
                }
                path.push_str(&format!("M{start} {y}h{}v1H{start}z", x - start));
            } else {
                x += 1;
            }
        }
    }
    (width, path)
}

/// The code for a terminal: two modules a character cell (`▀`, `▄`, `█`, space), a line a
/// pair of rows. With `colour`, each line is drawn black on white whatever the terminal's
/// own colours, so a dark terminal doesn't invert it; without, dark modules are the blocks.
pub fn terminal(url: &str, colour: bool) -> String {
    let (dark, width) = modules(url);
    let at = |x: usize, y: usize| y < width && dark[y * width + x];
    let mut out = String::new();
    for y in (0..width).step_by(2) {
        if colour {
            out.push_str("\x1b[38;5;16;48;5;231m");
        }
        for x in 0..width {
            out.push(match (at(x, y), at(x, y + 1)) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            });
        }
        if colour {
            out.push_str("\x1b[0m");
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_svg_is_one_self_contained_element() {
        let svg = Code::new("http://192.168.1.20:8080/").svg("QR code of <x>");
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
        assert!(svg.contains("aria-label=\"QR code of &lt;x&gt;\""), "{svg}");
        assert!(!svg.contains("<?xml") && !svg.contains("href") && !svg.contains("<script"));
        assert!(svg.contains("viewBox=\"0 0 "));
    }

    #[test]
    fn the_terminal_code_has_a_line_for_every_two_rows() {
        let (_, width) = modules("http://127.0.0.1:8080/");
        let text = terminal("http://127.0.0.1:8080/", false);
        assert_eq!(text.lines().count(), width.div_ceil(2));
        assert!(text.lines().all(|l| l.chars().count() == width));
        assert!(terminal("http://127.0.0.1:8080/", true).contains("\x1b[0m"));
    }
}
