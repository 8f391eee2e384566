//! A real browser that a test drives and questions over WebDriver: chromedriver on a free
//! loopback port, headless Chromium with a fresh profile, and a blocking API over fantoccini
//! (open a page, size the viewport, run JavaScript, click, type). The pages under test carry no
//! script; the JavaScript here is the test's own, run in the page to measure it.
//!
//! [`Browser::start_with`] takes [`Options`]: pages without JavaScript (the test's own scripts
//! still run, through DevTools), and the languages the browser asks for (Accept-Language).
//!
//! `.ci/run` installs `chromium` and `chromium-driver`. Where they are missing a test skips
//! with a notice, or fails when `CI` is set, as [`super::browser`] does.
//!
//! ```ignore
//! let Some(browser) = webdriver::Browser::start("my_test") else { return };
//! browser.set_viewport(360, 800);
//! browser.open_page(dir.path(), "report", &html);
//! let fits: bool = browser.execute("return document.documentElement.scrollWidth <= innerWidth", vec![]);
//! ```

use std::cell::Cell;
use std::future::Future;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
pub use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// How the browser is started; `Options::default()` is what [`Browser::start`] uses.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    /// Whether pages may run JavaScript. Off, it is blocked by the browser's content settings
    /// (as a reader who turned it off would have it), and [`Browser::execute`] still works.
    pub javascript: bool,
    /// The languages the browser prefers, as it sends them in Accept-Language
    /// (`"ko-KR,ko"`); None leaves Chromium's default.
    pub languages: Option<&'a str>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options { javascript: true, languages: None }
    }
}

/// One headless Chromium session and the chromedriver serving it; both end when this drops.
pub struct Browser {
    runtime: tokio::runtime::Runtime,
    client: Option<Client>,
    driver: Child,
    profile: tempfile::TempDir,
    /// What the window's frame takes from its size, once [`Browser::set_viewport`] knows.
    frame: Cell<(u32, u32)>,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium session in a fresh profile. When either
    /// program is missing: in CI (`CI` set) this panics, since `.ci/run` should have installed
    /// them; elsewhere it prints a notice naming `test` and returns None, and the caller skips.
    pub fn start(test: &str) -> Option<Browser> {
        Browser::start_with(test, Options::default())
    }

    /// [`Browser::start`], with `options`.
    pub fn start_with(test: &str, options: Options) -> Option<Browser> {
        let (Some(chromium), Some(driver)) = (super::which("chromium"), super::which("chromedriver")) else {
            if std::env::var_os("CI").is_some() {
                panic!("CI is set but chromium or chromedriver is missing; .ci/run installs them");
            }
            eprintln!("note: {test} skipped: chromium and chromium-driver are not installed");
            return None;
        };
        Some(Browser::launch(&chromium, &driver, options))
    }

    fn launch(chromium: &Path, driver: &Path, options: Options) -> Browser {
        let port = free_port();
        let driver = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = tempfile::tempdir().unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let mut browser = Browser { runtime, client: None, driver, profile, frame: Cell::new((0, 0)) };
        wait_for_port(port);
        let mut args: Vec<String> = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            // Scrollbars float over the page, as on a phone, instead of taking width from it.
            "--hide-scrollbars",
        ]
        .map(String::from)
        .to_vec();
        args.push(format!("--user-data-dir={}", browser.profile.path().display()));
        let mut prefs = serde_json::Map::new();
        if !options.javascript {
            prefs.insert("profile.managed_default_content_settings.javascript".into(), json!(2));
        }
        if let Some(languages) = options.languages {
            args.push(format!("--lang={}", languages.split(',').next().unwrap_or(languages)));
            args.push(format!("--accept-lang={languages}"));
            prefs.insert("intl.accept_languages".into(), json!(languages));
        }
        let mut caps = serde_json::Map::new();
        caps.insert("goog:chromeOptions".into(), json!({ "binary": chromium, "args": args, "prefs": prefs }));
        let url = format!("http://127.0.0.1:{port}");
        let client = browser
            .runtime
            .block_on(ClientBuilder::new(HttpConnector::new()).capabilities(caps).connect(&url))
            .expect("chromedriver opens a Chromium session");
        browser.client = Some(client);
        browser
    }

    /// The fantoccini client, for what the methods here don't cover; run its futures with
    /// [`Browser::block_on`].
    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("the session is open")
    }

    /// Runs `future` (a fantoccini call) to its end.
    pub fn block_on<F: Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }

    /// Sizes the window so that the page's viewport (`window.innerWidth` and `innerHeight`) is
    /// exactly `width` × `height` CSS pixels, whatever the window's frame takes; panics if the
    /// browser can't make it so.
    pub fn set_viewport(&self, width: u32, height: u32) {
        let (fw, fh) = self.frame.get();
        let (mut w, mut h) = (width + fw, height + fh);
        let mut inner = (0, 0);
        for _ in 0..4 {
            self.block_on(self.client().set_window_size(w, h)).expect("the window resizes");
            // The page sees a resize when it next lays out, which a busy machine delays: wait
            // up to 2 seconds for the size asked, or for another size to hold for 0.3 seconds.
            inner = self.viewport();
            let mut held = 0;
            for _ in 0..100 {
                if inner == (width, height) {
                    self.frame.set((w.saturating_sub(width), h.saturating_sub(height)));
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
                let now = self.viewport();
                held = if now == inner { held + 1 } else { 0 };
                inner = now;
                if held == 15 {
                    break;
                }
            }
            // Add what the frame took, and try again.
            w = (w + width).saturating_sub(inner.0);
            h = (h + height).saturating_sub(inner.1);
        }
        panic!("the viewport can't be made {width}×{height}: it stays {}×{}", inner.0, inner.1);
    }

    /// The page's viewport, `window.innerWidth` × `innerHeight`.
    fn viewport(&self) -> (u32, u32) {
        self.execute("return [window.innerWidth, window.innerHeight]", vec![])
    }

    /// Loads `url` and waits until it has loaded.
    pub fn open(&self, url: &str) {
        self.block_on(self.client().goto(url)).unwrap_or_else(|e| panic!("{url}: {e}"));
    }

    /// Writes `html` to `dir`/`name`.html and loads it from its `file://` URL.
    pub fn open_page(&self, dir: &Path, name: &str, html: &str) -> PathBuf {
        let path = dir.join(format!("{name}.html"));
        std::fs::write(&path, html).unwrap();
        self.open(&format!("file://{}", path.display()));
        path
    }

    /// Runs `script`, the body of a JavaScript function whose `arguments` are `args`, in the
    /// page, and returns what it returns as `T`.
    pub fn execute<T: DeserializeOwned>(&self, script: &str, args: Vec<Value>) -> T {
        let value = self.block_on(self.client().execute(script, args)).unwrap_or_else(|e| panic!("{e}:\n{script}"));
        serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{e}: the script returned {value}"))
    }

    /// Clicks the first element that the CSS selector `css` matches.
    pub fn click(&self, css: &str) {
        self.block_on(async { self.client().find(Locator::Css(css)).await?.click().await })
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Types `text` into the first field that the CSS selector `css` matches.
    pub fn type_into(&self, css: &str, text: &str) {
        self.block_on(async { self.client().find(Locator::Css(css)).await?.send_keys(text).await })
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// The rendered text of the first element that the CSS selector `css` matches.
    pub fn text(&self, css: &str) -> String {
        self.block_on(async { self.client().find(Locator::Css(css)).await?.text().await })
            .unwrap_or_else(|e| panic!("text of {css}: {e}"))
    }

    /// Presses and releases `key` (`Key::Tab`), as a keyboard does, on whatever has the focus.
    pub fn press(&self, key: Key) {
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key.into() })
            .then(KeyAction::Up { value: key.into() });
        self.block_on(self.client().perform_actions(keys)).unwrap_or_else(|e| panic!("press {key:?}: {e}"));
    }

    /// A PNG of what the viewport shows.
    pub fn screenshot(&self) -> Vec<u8> {
        self.block_on(self.client().screenshot()).unwrap_or_else(|e| panic!("screenshot: {e}"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            // Ends the session, which closes Chromium; a failure here must not hide the test's.
            let _ = self.runtime.block_on(client.close());
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A loopback port nothing listens on now.
fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap().local_addr().unwrap().port()
}

/// Waits, up to 20 seconds, until something listens on `port`.
fn wait_for_port(port: u16) {
    let start = Instant::now();
    while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
        assert!(start.elapsed() < Duration::from_secs(20), "chromedriver did not listen on port {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}
