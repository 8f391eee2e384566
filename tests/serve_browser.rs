//! `mlcheck serve` in a real browser with JavaScript off, as a room takes the quiz: Chromium
//! over WebDriver clicks the answers by their labels, goes back once to change one, checks
//! the answers and sends them, in English and in Korean (the browser's Accept-Language, and
//! the page's switch), at a phone's size and a desktop's. The result page must say what
//! `mlcheck quiz --answers --format json` says for the same answers, DIR must hold one file
//! that replays to it, and the Back button and a reload must not send the answers again.
//! Each question page is checked as a keyboard and a screen reader meet it: a fieldset and
//! legend, labelled radio buttons, a visible focus ring, the page's language. Every page must
//! fit its width (tests/common/pages.rs `measure`, as for the report's pages), each Change link
//! stand beside its own answer, and the organizer's pages show the URL on one line.
//!
//! The QR codes must decode to the participant URL: the join view's and the live report's
//! (a screenshot read back with rqrr), and the one drawn in half blocks on a terminal (the
//! server run in a pseudo-terminal); none is drawn with `--no-qr` or when a stream is not a
//! terminal.
//!
//! Screenshots are kept in `target/serve-screenshots/` for a person to look at. Every server
//! listens on 127.0.0.1 only and is stopped by its guard, also when a test panics.

#![cfg(unix)]

mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::browser::{decode_png, is_ink, Image};
use common::webdriver::{Browser, Key, Options};
use common::{pages, run, s};
use fantoccini::Locator;
use mlcheck::base::lang::Lang;
use serde_json::Value;

/// How long anything may take to appear: a server's URLs, a page after a click.
const PATIENCE: Duration = Duration::from_secs(15);
/// A phone's viewport and a desktop's, in CSS pixels.
const PHONE: (u32, u32) = (390, 844);
const DESKTOP: (u32, u32) = (1280, 900);

/// The words of the pages a person clicks or looks for, as the server writes them.
struct Words {
    /// The link to the other language, in that language.
    other_language: &'static str,
    next: &'static str,
    back: &'static str,
    review_heading: &'static str,
    submit: &'static str,
    report_heading: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            other_language: "한국어",
            next: "Next",
            back: "Back to the question before",
            review_heading: "Your answers",
            submit: "See my result",
            report_heading: "What the group believes",
        },
        Lang::Ko => Words {
            other_language: "English",
            next: "다음",
            back: "앞 질문으로",
            review_heading: "내 답",
            submit: "결과 보기",
            report_heading: "모임이 믿는 것",
        },
    }
}

// ---------------------------------------------------------------------------------------
// The server, started on a free loopback port and stopped when its guard drops.

/// `mlcheck serve DIR --listen 127.0.0.1:0`, running; SIGTERM, then SIGKILL, when dropped.
struct Server {
    child: Child,
    participant: String,
    organizer: String,
}

impl Server {
    fn start(dir: &Path, extra: &[&str]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_mlcheck"));
        for var in ["NO_COLOR", "LC_ALL", "LC_MESSAGES", "LANG", "COLUMNS", "TERM"] {
            command.env_remove(var);
        }
        command
            .env("LANG", "en_US.UTF-8")
            .args(["serve", s(dir), "--listen", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let mut child = command.spawn().expect("mlcheck serve starts");
        let stdout = child.stdout.take().unwrap();
        // The guard exists before the wait, so a server that never prints is still stopped.
        let mut server = Server { child, participant: String::new(), organizer: String::new() };
        let (tx, lines) = mpsc::channel();
        // Reads to the end, so the server never writes into a closed pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let _ = tx.send(line.unwrap_or_default());
            }
        });
        let deadline = Instant::now() + PATIENCE;
        let next = || {
            lines
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .expect("mlcheck serve prints its two URLs")
        };
        server.participant = next();
        server.organizer = next();
        assert!(server.participant.starts_with("http://127.0.0.1:"), "{}", server.participant);
        assert!(server.organizer.starts_with(&format!("{}o/", server.participant)), "{}", server.organizer);
        server
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SAFETY: kill(2) on our own child's pid, which is not reaped yet.
        unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM) };
        for _ in 0..100 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------------------
// The bank and what the command line says of a set of answers.

struct Question {
    id: String,
    prompt: String,
    labels: Vec<String>,
    keys: Vec<String>,
}

/// The built-in bank in `lang`, from `mlcheck questions --format json`.
fn bank(lang: Lang) -> Vec<Question> {
    let out = run(&["--lang", lang.code(), "questions", "--format", "json"]).output().unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = |v: &Value| v.as_str().unwrap().to_string();
    json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| Question {
            id: text(&q["id"]),
            prompt: norm(q["prompt"].as_str().unwrap()),
            labels: q["choices"].as_array().unwrap().iter().map(|c| norm(c["label"].as_str().unwrap())).collect(),
            keys: q["choices"].as_array().unwrap().iter().map(|c| text(&c["key"])).collect(),
        })
        .collect()
}

/// `text` with its runs of white space made one space, trimmed: as a browser renders it.
fn norm(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The keyed answers file of `choices` (0-based), as `--save-answers` writes it.
fn answers_file(bank: &[Question], choices: &[usize]) -> String {
    bank.iter().zip(choices).map(|(q, &c)| format!("{} = {}\n", q.id, q.keys[c])).collect()
}

/// `mlcheck --lang LANG quiz --answers FILE --format json`.
fn quiz_json(lang: Lang, file: &Path) -> Value {
    let out = run(&["--lang", lang.code(), "quiz", "--answers", s(file), "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every entry of `dir`, hidden ones too.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    all.sort();
    all
}

// ---------------------------------------------------------------------------------------
// Driving and reading the page.

/// `text` as an XPath string literal.
fn xpath_literal(text: &str) -> String {
    if !text.contains('"') {
        format!("\"{text}\"")
    } else if !text.contains('\'') {
        format!("'{text}'")
    } else {
        let parts: Vec<String> = text.split('"').map(|p| format!("\"{p}\"")).collect();
        format!("concat({})", parts.join(", '\"', "))
    }
}

/// Clicks the `tag` element whose rendered text is `text`, as a person would.
fn click_text(browser: &Browser, tag: &str, text: &str) {
    let xpath = format!("//{tag}[normalize-space(.)={}]", xpath_literal(text));
    browser
        .block_on(async { browser.client().find(Locator::XPath(&xpath)).await?.click().await })
        .unwrap_or_else(|e| panic!("click the {tag} {text:?}: {e}\n{}", page_text(browser)));
}

/// The page's text, for a failure's message.
fn page_text(browser: &Browser) -> String {
    let text: String = browser.execute("return document.body ? document.body.innerText : ''", vec![]);
    format!("{}\n--- page:\n{text}", current_url(browser))
}

fn current_url(browser: &Browser) -> String {
    browser.block_on(browser.client().current_url()).map(|u| u.to_string()).unwrap_or_default()
}

/// The normalised text of the first `css` element, or None when there is none.
fn text_of(browser: &Browser, css: &str) -> Option<String> {
    let text: Option<String> = browser.execute(
        "const el = document.querySelector(arguments[0]); return el ? el.innerText : null",
        vec![Value::from(css)],
    );
    text.map(|t| norm(&t))
}

/// The page's `lang`.
fn page_lang(browser: &Browser) -> String {
    browser.execute("return document.documentElement.lang", vec![])
}

/// Waits, up to [`PATIENCE`], until the first `css` element reads `want`.
fn wait_for_text(browser: &Browser, css: &str, want: &str) {
    let deadline = Instant::now() + PATIENCE;
    for _ in 0..1000 {
        if text_of(browser, css).as_deref() == Some(want) {
            return;
        }
        if Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("waited for {css} to read {want:?}\n{}", page_text(browser));
}

/// The values of the checked radio buttons.
fn checked(browser: &Browser) -> Vec<String> {
    browser.execute("return [...document.querySelectorAll('input[type=radio]:checked')].map(r => r.value)", vec![])
}

/// JavaScript is really off: a page's own script doesn't run, and its `<noscript>` shows.
fn assert_javascript_off(browser: &Browser, scratch: &Path) {
    let page = "<!doctype html><title>x</title><script>document.title = 'ran'</script>\
                <noscript><p id=\"off\">no script</p></noscript>";
    browser.open_page(scratch, "javascript", page);
    let title: String = browser.execute("return document.title", vec![]);
    assert_eq!(title, "x", "the page's script ran: JavaScript is on");
    assert_eq!(text_of(browser, "#off").as_deref(), Some("no script"), "<noscript> is not shown");
}

/// Each page must fit the viewport: no horizontal scroll, nothing past an edge or cut, no text
/// under 12 px (tests/common/pages.rs, as for the report's pages).
fn assert_fits(browser: &Browser, what: &str) {
    let (smallest, problems) = pages::measure(browser);
    assert!(problems.is_empty(), "{what}:\n{}", problems.join("\n"));
    assert!((12.0..100.0).contains(&smallest), "{what}: the smallest text is {smallest} px");
}

/// The question page a keyboard and a screen reader meet: the page's language, one fieldset
/// whose first child is the legend holding the prompt, and every radio button inside a label
/// that is its one label, holding the choice's text.
fn assert_question_page(browser: &Browser, lang: Lang, question: &Question, what: &str) {
    #[derive(serde::Deserialize)]
    struct Found {
        lang: String,
        legends: Vec<String>,
        labels: Vec<String>,
        values: Vec<String>,
        problems: Vec<String>,
    }
    let found: Found = browser.execute(
        r#"
const problems = [];
const sets = [...document.querySelectorAll('fieldset')];
const radios = [...document.querySelectorAll('input[type=radio]')];
for (const f of sets) {
  const first = f.firstElementChild;
  if (!first || first.localName !== 'legend') problems.push('a fieldset whose first child is not its legend');
}
for (const r of radios) {
  const label = r.closest('label');
  if (!r.closest('fieldset')) problems.push(`radio ${r.value} is outside a fieldset`);
  if (!label) problems.push(`radio ${r.value} is not inside a label`);
  else if (r.labels.length !== 1 || r.labels[0] !== label) problems.push(`radio ${r.value} has ${r.labels.length} labels`);
}
return {
  lang: document.documentElement.lang,
  legends: sets.map(f => f.querySelector('legend') ? f.querySelector('legend').innerText : ''),
  labels: radios.map(r => r.closest('label') ? r.closest('label').innerText : ''),
  values: radios.map(r => r.value),
  problems,
};
"#,
        vec![],
    );
    assert!(found.problems.is_empty(), "{what}: {}", found.problems.join("; "));
    assert_eq!(found.lang, lang.code(), "{what}: <html lang>");
    assert_eq!(found.legends.iter().map(|l| norm(l)).collect::<Vec<_>>(), [question.prompt.as_str()], "{what}");
    assert_eq!(found.labels.iter().map(|l| norm(l)).collect::<Vec<_>>(), question.labels, "{what}");
    assert_eq!(found.values, question.keys, "{what}");
}

/// From a page just loaded, Tab (WebDriver key presses) until a radio button has the focus,
/// and assert it shows: an outline on the button or on its label (`:focus-within`).
fn assert_focus_ring(browser: &Browser, what: &str) {
    let mut on_radio = false;
    for _ in 0..12 {
        browser.press(Key::Tab);
        on_radio = browser.execute("return document.activeElement.matches('input[type=radio]')", vec![]);
        if on_radio {
            break;
        }
    }
    assert!(on_radio, "{what}: Tab never reached a radio button");
    let rings: Vec<Option<String>> = browser.execute(
        r#"
const el = document.activeElement;
const ring = e => {
  const s = getComputedStyle(e);
  return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : null;
};
return [ring(el), el.closest('label') ? ring(el.closest('label')) : null];
"#,
        vec![],
    );
    assert!(rings.iter().any(Option::is_some), "{what}: the focused radio button shows no outline, nor does its label");
}

/// On the review page, each answer's Change link stands beside that answer: its middle lies
/// between the top of the question's name and the bottom of the answer.
fn assert_change_links_beside_their_answers(browser: &Browser, what: &str) {
    let misplaced: Vec<String> = browser.execute(
        r#"
const misplaced = [];
const links = [...document.querySelectorAll('dl.answers a')];
const names = [...document.querySelectorAll('dl.answers dt')];
const answers = [...document.querySelectorAll('dl.answers dd')];
if (links.length !== names.length || answers.length !== names.length) return [`${names.length} questions, ${answers.length} answers, ${links.length} links`];
links.forEach((link, i) => {
  const r = link.getBoundingClientRect();
  const middle = (r.top + r.bottom) / 2;
  const top = names[i].getBoundingClientRect().top, bottom = answers[i].getBoundingClientRect().bottom;
  if (middle < top || middle > bottom) misplaced.push(`${names[i].innerText}: its link's middle is at ${middle.toFixed(0)} px, the answer spans ${top.toFixed(0)} to ${bottom.toFixed(0)} px`);
});
return misplaced;
"#,
        vec![],
    );
    assert!(misplaced.is_empty(), "{what}, review: a Change link beside another answer:\n{}", misplaced.join("\n"));
}

/// The participant URL on the organizer's page (`.url`) is on one line, not broken inside.
fn assert_url_on_one_line(browser: &Browser, what: &str) {
    let lines: u32 = browser.execute(
        "const range = document.createRange(); range.selectNodeContents(document.querySelector('.url')); \
         return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size",
        vec![],
    );
    assert_eq!(lines, 1, "{what}: the participant URL is broken over {lines} lines");
}

// ---------------------------------------------------------------------------------------
// Screenshots, kept for a person to look at.

/// Where screenshots are kept: `target/serve-screenshots/`.
fn shots_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("serve-screenshots");
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// A screenshot of the viewport, or of the whole page (the viewport made as tall as the page
/// for it, then put back), saved as `name`.png and decoded.
fn screenshot(browser: &Browser, name: &str, whole: bool) -> Image {
    let (width, height, full): (u32, u32, u32) =
        browser.execute("return [innerWidth, innerHeight, document.documentElement.scrollHeight]", vec![]);
    let tall = whole && full > height;
    if tall {
        browser.set_viewport(width, full.min(8000));
    }
    let png = browser.screenshot();
    if tall {
        browser.set_viewport(width, height);
    }
    fs::write(shots_dir().join(format!("{name}.png")), &png).unwrap();
    decode_png(&png)
}

/// A screenshot is not blank: ink in its top part, and ink is neither nothing nor everything.
fn assert_not_blank(image: &Image, name: &str) {
    let ink = image.pixels.iter().filter(|&&p| is_ink(p)).count();
    let share = ink as f64 / image.pixels.len() as f64;
    assert!((0.005..0.9).contains(&share), "{name}: {:.1}% of the pixels are ink", share * 100.0);
    let top = &image.pixels[..image.width * image.height.min(300)];
    assert!(top.iter().any(|&p| is_ink(p)), "{name}: nothing drawn at the top");
}

// ---------------------------------------------------------------------------------------
// Taking the quiz.

/// One way through the quiz.
struct Case {
    /// Names the screenshots.
    name: &'static str,
    /// The browser's language.
    accept: Lang,
    /// Switch to the other language with the page's link on this question's page.
    switch_at: Option<usize>,
    size: (u32, u32),
    /// The choice (0-based) of question `q` of `n` choices, before the one change.
    pick: fn(usize, usize) -> usize,
    /// Answer this question, then, on the next one, go back to it and change its answer.
    back_at: usize,
}

fn other(lang: Lang) -> Lang {
    if lang == Lang::En {
        Lang::Ko
    } else {
        Lang::En
    }
}

/// Takes the quiz as `case` says on a fresh server and checks the result, the file, and that
/// Back and a reload send nothing again.
fn take_quiz(browser: &Browser, case: &Case) {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("answers");
    let server = Server::start(&dir, &[]);
    let banks = [(Lang::En, bank(Lang::En)), (Lang::Ko, bank(Lang::Ko))];
    let bank_in = |lang: Lang| &banks.iter().find(|(l, _)| *l == lang).unwrap().1;
    let n = banks[0].1.len();
    let mut choices: Vec<usize> = (0..n).map(|q| (case.pick)(q, banks[0].1[q].keys.len())).collect();
    browser.set_viewport(case.size.0, case.size.1);
    browser.open(&server.participant);
    let mut lang = case.accept;
    assert_eq!(page_lang(browser), lang.code(), "{}: the browser's Accept-Language picks the page's", case.name);

    // q indexes both banks and the choices, which change on the way.
    #[allow(clippy::needless_range_loop)]
    for q in 0..n {
        // The page of question q, before anything on it is clicked.
        wait_for_text(browser, "legend", &bank_in(lang)[q].prompt);
        if case.switch_at == Some(q) {
            click_text(browser, "a", words(lang).other_language);
            lang = other(lang);
            wait_for_text(browser, "legend", &bank_in(lang)[q].prompt);
            // The answers so far are kept: the page asks the same question.
            assert_eq!(page_lang(browser), lang.code(), "{}: the switch link", case.name);
        }
        let question = &bank_in(lang)[q];
        let what = format!("{}, question {} ({})", case.name, q + 1, question.id);
        assert_question_page(browser, lang, question, &what);
        assert_fits(browser, &what);
        if q == 0 || case.switch_at == Some(q) {
            assert_focus_ring(browser, &what);
            if q == 0 {
                screenshot(browser, &format!("{}-focus", case.name), false);
            }
        }
        if q == 2 {
            let shot = format!("{}-question", case.name);
            assert_not_blank(&screenshot(browser, &shot, true), &shot);
        }
        click_text(browser, "label", &question.labels[choices[q]]);
        assert_eq!(checked(browser), [question.keys[choices[q]].clone()], "{what}: the click checks the radio");
        click_text(browser, "button", words(lang).next);
        if q == case.back_at {
            // On the next question: back once, the answer given is checked, change it.
            wait_for_text(browser, "legend", &bank_in(lang)[q + 1].prompt);
            click_text(browser, "a", words(lang).back);
            wait_for_text(browser, "legend", &question.prompt);
            assert_eq!(checked(browser), [question.keys[choices[q]].clone()], "{what}: back shows the answer given");
            choices[q] = (choices[q] + 1) % question.keys.len();
            click_text(browser, "label", &question.labels[choices[q]]);
            assert_eq!(checked(browser), [question.keys[choices[q]].clone()], "{what}: the changed answer");
            click_text(browser, "button", words(lang).next);
        }
    }

    // The answers to check: each as chosen, the changed one changed.
    let msg = words(lang);
    wait_for_text(browser, "h1", msg.review_heading);
    let listed: Vec<String> =
        browser.execute("return [...document.querySelectorAll('dl.answers dd')].map(d => d.innerText)", vec![]);
    let want: Vec<String> = bank_in(lang).iter().zip(&choices).map(|(q, &c)| q.labels[c].clone()).collect();
    assert_eq!(listed.iter().map(|l| norm(l)).collect::<Vec<_>>(), want, "{}: the review lists the answers", case.name);
    assert_fits(browser, &format!("{}, review", case.name));
    assert_change_links_beside_their_answers(browser, case.name);
    let shot = format!("{}-review", case.name);
    assert_not_blank(&screenshot(browser, &shot, true), &shot);
    assert!(entries(&dir).is_empty(), "{}: nothing is saved before the answers are sent", case.name);
    click_text(browser, "button", msg.submit);

    // The result is the command line's for the same answers, in the same language.
    let file = scratch.path().join("mine.txt");
    fs::write(&file, answers_file(bank_in(lang), &choices)).unwrap();
    let expected = quiz_json(lang, &file);
    let verdict = expected["verdict"].as_str().unwrap();
    wait_for_text(browser, "h1", verdict);
    let assert_result = |when: &str| {
        let what = format!("{}, result {when}", case.name);
        assert_eq!(page_lang(browser), lang.code(), "{what}");
        let class: String = browser.execute("return document.querySelector('h1').className", vec![]);
        let ml = expected["recommendation"] == "ml";
        assert!(class.split(' ').any(|c| c == if ml { "ml" } else { "stay" }), "{what}: <h1 class={class:?}>");
        let score = text_of(browser, ".big strong").unwrap();
        let total = expected["score"].as_i64().unwrap();
        let signed = if total > 0 { format!("+{total}") } else { total.to_string() };
        assert_eq!(score.rsplit(' ').next(), Some(signed.as_str()), "{what}: the score in {score:?}");
        let line = text_of(browser, ".big").unwrap();
        assert!(line.contains(&expected["threshold"].to_string()), "{what}: the threshold in {line:?}");
    };
    assert_result("after sending");
    assert!(text_of(browser, ".saved").is_some(), "{}: the result says the answers are saved", case.name);
    assert_fits(browser, &format!("{}, result", case.name));
    let shot = format!("{}-result", case.name);
    assert_not_blank(&screenshot(browser, &shot, true), &shot);

    // One file in DIR, named by the server, replaying to the same result.
    let saved = entries(&dir);
    assert_eq!(saved.len(), 1, "{}: {saved:?}", case.name);
    let name = saved[0].file_name().unwrap().to_str().unwrap().to_string();
    assert!(
        name.strip_prefix("p-")
            .and_then(|n| n.strip_suffix(".txt"))
            .is_some_and(|h| h.len() == 20 && h.bytes().all(|b| b.is_ascii_hexdigit())),
        "{}: {name}",
        case.name
    );
    assert_eq!(quiz_json(lang, &saved[0]), expected, "{}: the saved file replays to the result", case.name);
    let written = fs::metadata(&saved[0]).unwrap();

    // Back, forward and a reload show pages; none sends the answers again.
    browser.block_on(browser.client().back()).unwrap();
    wait_for_text(browser, "h1", msg.review_heading);
    browser.block_on(browser.client().forward()).unwrap();
    wait_for_text(browser, "h1", verdict);
    browser.block_on(browser.client().refresh()).unwrap();
    wait_for_text(browser, "h1", verdict);
    assert_result("after Back, Forward and a reload");
    let after = entries(&dir);
    assert_eq!(after, saved, "{}: still one file", case.name);
    let now = fs::metadata(&after[0]).unwrap();
    assert_eq!(
        (now.ino(), now.mtime(), now.mtime_nsec()),
        (written.ino(), written.mtime(), written.mtime_nsec()),
        "{}: the file was written again",
        case.name
    );
    drop(server);
}

// ---------------------------------------------------------------------------------------
// QR codes.

/// The texts of the QR codes rqrr finds in `image` (grey levels; rqrr thresholds them).
fn decode_qr(image: &Image) -> Vec<String> {
    let (w, h) = (image.width, image.height);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        let (r, g, b) = image.pixels[y * w + x];
        ((r * 299 + g * 587 + b * 114) / 1000) as u8
    });
    prepared.detect_grids().iter().map(|grid| grid.decode().map(|(_, text)| text).unwrap_or_default()).collect()
}

/// The join view, the organizer's page while too few have taken part, and the live report,
/// in `lang` at a phone's size and a desktop's: each page's QR code decodes to the
/// participant URL.
fn scan_organizer_codes(browser: &Browser, lang: Lang) {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("answers");
    let server = Server::start(&dir, &["--min-group", "3"]);
    let pages_now = |results: &str, names: &[(&str, &str)]| {
        for (size, (width, height)) in [("desktop", DESKTOP), ("phone", PHONE)] {
            browser.set_viewport(width, height);
            for &(query, page) in names {
                let name = format!("{}-{size}-{page}{results}", lang.code());
                browser.open(&format!("{}{query}", server.organizer));
                assert_eq!(page_lang(browser), lang.code(), "{name}: <html lang>");
                assert_fits(browser, &name);
                assert_url_on_one_line(browser, &name);
                if page == "join" {
                    let (full, screen): (u32, u32) =
                        browser.execute("return [document.documentElement.scrollHeight, innerHeight]", vec![]);
                    assert!(full <= screen, "{name}: the join view is {full} px tall on a {screen} px screen");
                }
                // Both screenshots first: the page reloads itself every 5 seconds.
                let image = screenshot(browser, &name, false);
                if page == "organizer" {
                    // The live report is taller than a screen: all of it, for a person to look at.
                    screenshot(browser, &format!("{name}-whole"), true);
                }
                assert_not_blank(&image, &name);
                assert_eq!(decode_qr(&image), [server.participant.as_str()], "{name}: the QR code");
            }
        }
    };
    pages_now("", &[("?join", "join"), ("", "waiting")]);
    for n in 1..=3 {
        fs::write(dir.join(format!("r{n}.txt")), common::all_nth(n)).unwrap();
    }
    pages_now("", &[("", "organizer")]);
    let heading = words(lang).report_heading;
    assert!(text_of(browser, "h1").is_some_and(|h| h.contains(heading)), "{lang:?}: the live report's heading");
    drop(server);
}

/// A browser with JavaScript off that prefers `lang`.
fn browser_in(test: &str, lang: Lang) -> Option<Browser> {
    let languages = if lang == Lang::Ko { "ko-KR,ko" } else { "en-US,en" };
    Browser::start_with(test, Options { javascript: false, languages: Some(languages) })
}

#[test]
fn a_browser_in_english_takes_the_quiz_and_reads_the_join_codes() {
    let Some(browser) = browser_in("a_browser_in_english_takes_the_quiz_and_reads_the_join_codes", Lang::En) else {
        return;
    };
    let scratch = tempfile::tempdir().unwrap();
    assert_javascript_off(&browser, scratch.path());
    take_quiz(
        &browser,
        &Case { name: "en-phone", accept: Lang::En, switch_at: None, size: PHONE, pick: |_, _| 0, back_at: 3 },
    );
    take_quiz(
        &browser,
        &Case {
            name: "en-to-ko-desktop",
            accept: Lang::En,
            switch_at: Some(0),
            size: DESKTOP,
            pick: |q, n| (2 * q + 1) % n,
            back_at: 6,
        },
    );
    scan_organizer_codes(&browser, Lang::En);
}

#[test]
fn a_browser_in_korean_takes_the_quiz_and_reads_the_join_codes() {
    let Some(browser) = browser_in("a_browser_in_korean_takes_the_quiz_and_reads_the_join_codes", Lang::Ko) else {
        return;
    };
    let scratch = tempfile::tempdir().unwrap();
    assert_javascript_off(&browser, scratch.path());
    take_quiz(
        &browser,
        &Case {
            name: "ko-phone",
            accept: Lang::Ko,
            switch_at: None,
            size: PHONE,
            pick: |q, n| (q + 1) % n,
            back_at: 1,
        },
    );
    take_quiz(
        &browser,
        &Case {
            name: "ko-to-en-desktop",
            accept: Lang::Ko,
            switch_at: Some(5),
            size: DESKTOP,
            pick: |q, n| q % n,
            back_at: 8,
        },
    );
    scan_organizer_codes(&browser, Lang::Ko);
}

// ---------------------------------------------------------------------------------------
// The terminal's QR code.

/// `mlcheck serve` in a pseudo-terminal (through `sh -c`, for redirections); killed when
/// dropped if it is still running.
struct PtyServer {
    session: expectrl::Session,
}

impl PtyServer {
    /// Runs `mlcheck serve ARGS... SHELL_TAIL` with `env` in a pty; `shell_tail` may
    /// redirect a stream (`>file`).
    fn start(args: &[&str], shell_tail: &str, env: &[(&str, &str)]) -> PtyServer {
        let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
        let mut script = format!("exec {}", quote(env!("CARGO_BIN_EXE_mlcheck")));
        for arg in ["serve"].iter().chain(args) {
            script.push(' ');
            script.push_str(&quote(arg));
        }
        script.push_str(shell_tail);
        let mut command = Command::new("/bin/sh");
        command.arg("-c").arg(script).env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            command.env("PATH", path);
        }
        command.env("LANG", "en_US.UTF-8").env("TERM", "xterm-256color");
        for (name, value) in env {
            command.env(name, value);
        }
        let mut session = expectrl::Session::spawn(command).expect("mlcheck serve starts in a pty");
        session.set_expect_timeout(Some(PATIENCE));
        PtyServer { session }
    }

    /// What the terminal showed up to the line that says how to stop the server (the last of
    /// the start), with ANSI escapes and carriage returns taken out.
    fn start_text(&mut self) -> String {
        let found = self.session.expect("Ctrl-C stops the server").expect("mlcheck serve says how to stop it");
        strip_escapes(&String::from_utf8_lossy(found.before()))
    }

    /// SIGTERM, and the server ends by itself within 5 seconds.
    fn stop(&mut self) {
        self.session.get_process_mut().kill(expectrl::Signal::SIGTERM).unwrap();
        for _ in 0..100 {
            if !matches!(self.session.get_process().status(), Ok(expectrl::WaitStatus::StillAlive)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("mlcheck serve did not stop within 5 seconds of SIGTERM");
    }
}

impl Drop for PtyServer {
    fn drop(&mut self) {
        let process = self.session.get_process_mut();
        if matches!(process.status(), Ok(expectrl::WaitStatus::StillAlive)) {
            let _ = process.kill(expectrl::Signal::SIGKILL);
            let _ = process.wait();
        }
    }
}

/// `text` without CSI escapes (`ESC [ ... final`) and carriage returns.
fn strip_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => {
                if chars.next() == Some('[') {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
            }
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

const HALF_BLOCKS: [char; 3] = ['▀', '▄', '█'];

/// The modules of the half-block QR code in `lines`: each character two modules, the upper
/// and the lower half, dark where drawn. Every line must be as wide as the first.
fn modules_of(lines: &[&str]) -> Vec<Vec<bool>> {
    let width = lines[0].chars().count();
    let mut rows = Vec::new();
    for line in lines {
        assert_eq!(line.chars().count(), width, "a line of the QR code of another width: {line:?}");
        let (upper, lower): (Vec<bool>, Vec<bool>) =
            line.chars().map(|c| (c == '▀' || c == '█', c == '▄' || c == '█')).unzip();
        rows.push(upper);
        rows.push(lower);
    }
    rows
}

/// The text of the QR code drawn in `modules`, read from a bitmap of it (6 pixels a module),
/// after checking the code has its quiet zone of 4 light modules.
fn decode_modules(modules: &[Vec<bool>]) -> Vec<String> {
    let (width, height) = (modules[0].len(), modules.len());
    for (y, row) in modules.iter().enumerate() {
        for (x, &dark) in row.iter().enumerate() {
            let quiet = x < 4 || y < 4 || x + 4 >= width || y + 4 >= height - 1;
            assert!(!(quiet && dark), "a dark module at ({x}, {y}), in the quiet zone");
        }
    }
    let scale = 6;
    let mut prepared =
        rqrr::PreparedImage::prepare_from_bitmap(width * scale, height * scale, |x, y| modules[y / scale][x / scale]);
    prepared.detect_grids().iter().map(|grid| grid.decode().map(|(_, text)| text).unwrap_or_default()).collect()
}

#[test]
fn the_terminal_draws_the_participant_url_as_a_qr_code_only_on_a_terminal() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("answers");
    let dir = s(&dir);
    let listen = ["--listen", "127.0.0.1:0"];
    // In colour (black on white whatever the terminal's colours) and without.
    for env in [&[][..], &[("NO_COLOR", "1")][..]] {
        let mut server = PtyServer::start(&[dir, listen[0], listen[1]], "", env);
        let text = server.start_text();
        server.stop();
        let lines: Vec<&str> = text.lines().collect();
        let organizer = lines.iter().position(|l| l.contains("/o/")).unwrap_or_else(|| panic!("no URL:\n{text}"));
        let participant = lines[organizer - 1];
        assert!(participant.starts_with("http://127.0.0.1:") && participant.ends_with('/'), "{text}");
        let end = organizer + lines[organizer..].iter().position(|l| l.starts_with("mlcheck:")).unwrap();
        let code = &lines[organizer + 1..end];
        assert!(
            code.len() > 10 && code.iter().all(|l| l.chars().all(|c| c == ' ' || HALF_BLOCKS.contains(&c))),
            "{env:?}: the lines between the URLs and the advice are not a QR code:\n{text}"
        );
        assert_eq!(decode_modules(&modules_of(code)), [participant], "{env:?}: the terminal's QR code");
    }
    // Not with --no-qr, nor when stdout or stderr is not the terminal.
    let out = scratch.path().join("stream.txt");
    let to_file = format!(" >{}", s(&out));
    let err_to_file = format!(" 2>{}", s(&out));
    for (args, tail) in [
        (&[dir, listen[0], listen[1], "--no-qr"][..], ""),
        (&[dir, listen[0], listen[1]][..], to_file.as_str()),
        (&[dir, listen[0], listen[1]][..], err_to_file.as_str()),
    ] {
        let _ = fs::remove_file(&out);
        let mut server = PtyServer::start(args, tail, &[]);
        let shown = if tail == err_to_file {
            // The terminal gets stdout only: wait for the second URL.
            let found = server.session.expect("/o/").expect("the organizer URL");
            String::from_utf8_lossy(found.before()).into_owned()
        } else {
            server.start_text()
        };
        server.stop();
        let redirected = fs::read_to_string(&out).unwrap_or_default();
        for (stream, text) in [("terminal", &shown), ("file", &redirected)] {
            assert!(!text.contains(HALF_BLOCKS), "{args:?}{tail}: a QR code on the {stream}:\n{text}");
        }
        if tail == to_file {
            let urls: Vec<&str> = redirected.lines().collect();
            assert!(urls.len() == 2 && urls[1].starts_with(urls[0]), "stdout in a file: {redirected:?}");
        }
    }
}
