//! A real browser for the HTML pages: chromium-headless-shell takes a screenshot, and the
//! PNG's pixels say whether anything was drawn. `.ci/run` installs the browser.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The headless browser's path. When there is none: in CI (`CI` set) this panics, since
/// `.ci/run` should have installed it; elsewhere it prints a notice naming `test` and returns
/// None, and the caller skips.
pub fn browser(test: &str) -> Option<PathBuf> {
    let found = ["chromium-headless-shell", "chromium", "chromium-browser"].iter().find_map(|name| super::which(name));
    if found.is_none() {
        if std::env::var_os("CI").is_some() {
            panic!("CI is set but chromium-headless-shell is missing; .ci/run installs it");
        }
        eprintln!("note: {test} skipped: chromium-headless-shell is not installed");
    }
    found
}

/// Writes `page` to `dir`/`name`.html and has `browser` take a screenshot of it in a window
/// of `(width, height)`; returns the pixels of `dir`/`name`.png as (red, green, blue). The PNG
/// is copied to the folder MLCHECK_KEEP_PNG names, as `keep_as`, when that is set.
pub fn screenshot(
    browser: &Path,
    dir: &Path,
    name: &str,
    page: &str,
    (width, height): (u32, u32),
    keep_as: &str,
) -> Vec<(i32, i32, i32)> {
    let html = dir.join(format!("{name}.html"));
    fs::write(&html, page).unwrap();
    let png = dir.join(format!("{name}.png"));
    let profile = dir.join(format!("profile-{name}"));
    let status = Command::new(browser)
        .args([
            "--no-sandbox",
            "--disable-gpu",
            "--headless",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("file://{}", html.display()))
        .stdin(Stdio::null())
        .output()
        .expect("the browser runs");
    assert!(status.status.success(), "{name}: {}", String::from_utf8_lossy(&status.stderr));
    if let Some(keep) = std::env::var_os("MLCHECK_KEEP_PNG") {
        fs::copy(&png, Path::new(&keep).join(keep_as)).unwrap();
    }
    pixels(&png)
}

/// Whether (red, green, blue) is not white.
pub fn is_ink((r, g, b): (i32, i32, i32)) -> bool {
    r < 245 || g < 245 || b < 245
}

fn pixels(path: &Path) -> Vec<(i32, i32, i32)> {
    decode_png(&fs::read(path).unwrap()).pixels
}

/// A decoded PNG: its size and its pixels as (red, green, blue), row by row.
pub struct Image {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<(i32, i32, i32)>,
}

/// Decodes a PNG of 8-bit RGB or RGBA (what browsers' screenshots are); panics on another.
pub fn decode_png(bytes: &[u8]) -> Image {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "an 8-bit PNG");
    let channels = info.color_type.samples();
    assert!(channels >= 3, "an RGB or RGBA PNG, not {:?}", info.color_type);
    let pixels =
        buf[..info.buffer_size()].chunks(channels).map(|px| (px[0] as i32, px[1] as i32, px[2] as i32)).collect();
    Image { width: info.width as usize, height: info.height as usize, pixels }
}
