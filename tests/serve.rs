//! `mlcheck serve` end to end: the built binary serves on loopback (`--listen 127.0.0.1:0`)
//! and the tests talk HTTP/1.1 to it as a browser, a script and the organizer would. What
//! lands in DIR is checked against what the command line writes and reads (`quiz
//! --save-answers`, `quiz --answers`, `report`, `compare`), byte for byte where the README
//! promises the same output.
//!
//! Every server is started and stopped by the test that uses it (`common::http::Server` kills
//! it when dropped, even on a panic), listens on loopback only, and every loop of requests is
//! bounded in count and time.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use common::http::{self, Request, Response, Server};
use common::{json_of, run, s, Run};

// ---------------------------------------------------------------------------------------------
// The bank, answers and what the command line makes of them

/// The built-in bank's question ids and choice keys, asked once.
fn bank() -> &'static [(String, Vec<String>)] {
    static BANK: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    BANK.get_or_init(common::bank_questions)
}

/// Answers (id, key) to every question, different for every `n` below the number of
/// possible answer sets: `n` written in the mixed radix of the questions' choice counts.
fn answers(n: usize) -> Vec<(String, String)> {
    let mut rest = n;
    bank()
        .iter()
        .map(|(id, keys)| {
            let key = keys[rest % keys.len()].clone();
            rest /= keys.len();
            (id.clone(), key)
        })
        .collect()
}

/// `answers` as an answers file, one `id = key` line a question.
fn keyed(answers: &[(String, String)]) -> String {
    answers.iter().map(|(id, key)| format!("{id} = {key}\n")).collect()
}

/// A participant id (the cookie's value): 32 hex digits, `tag` and `n` in them.
fn id(tag: u32, n: usize) -> String {
    format!("{tag:08x}{n:024x}")
}

/// Writes `text` to a file in `dir` and returns its path.
fn file_with(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// What `mlcheck quiz --answers FILE --save-answers OUT` writes into OUT.
fn save_answers(text: &str) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let input = file_with(tmp.path(), "in.txt", text);
    let out = tmp.path().join("out.txt");
    Run::of(run(&["quiz", "--quiet", "--answers", s(&input), "--save-answers", s(&out)])).expect(0);
    fs::read_to_string(out).unwrap()
}

/// What `mlcheck quiz --format json --answers FILE [--lang L]` prints.
fn quiz_json(text: &str, lang: Option<&str>) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let input = file_with(tmp.path(), "in.txt", text);
    let mut args = vec!["quiz", "--format", "json", "--answers", s(&input)];
    args.extend(lang.map(|l| ["--lang", l]).into_iter().flatten());
    Run::of(run(&args)).expect(0).stdout
}

/// The message `mlcheck quiz --answers FILE [--lang L]` gives for a bad `bytes`, as
/// `(its whole stderr, the path it named)`.
fn quiz_error(dir: &Path, bytes: &[u8], lang: Option<&str>) -> (String, String) {
    let input = file_with(dir, "bad-answers.txt", bytes);
    let mut args = vec!["quiz", "--answers", s(&input)];
    args.extend(lang.map(|l| ["--lang", l]).into_iter().flatten());
    (Run::of(run(&args)).expect(65).stderr, s(&input).to_string())
}

/// The message of a bad answers file without where it is: what follows `FILE:LINE: ` (or
/// `FILE: `) on the one line `quiz --answers` prints.
fn unlocated(stderr: &str, path: &str) -> String {
    let rest = stderr.strip_prefix(&format!("mlcheck: {path}")).unwrap_or_else(|| panic!("{stderr}"));
    let rest = rest.trim_start_matches(|c: char| c == ':' || c.is_ascii_digit()).trim_start();
    rest.trim_end_matches('\n').to_string()
}

/// `text` as maud writes it into HTML.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The files in `dir`, by name, with their text.
fn files(dir: &Path) -> BTreeMap<String, String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name().into_string().unwrap(), fs::read_to_string(e.path()).unwrap_or_default())
        })
        .collect()
}

/// The names in `dir` of temporary files (`.mlcheck-...`).
fn temp_files(dir: &Path) -> Vec<String> {
    files(dir).into_keys().filter(|n| n.starts_with(".mlcheck-")).collect()
}

/// A file name the server gives: `p-`, 20 hex digits, `.txt`.
fn assert_server_name(name: &str) {
    let hex = name.strip_prefix("p-").and_then(|r| r.strip_suffix(".txt"));
    assert!(
        hex.is_some_and(|h| h.len() == 20 && h.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())),
        "not a name the server gives: {name}"
    );
}

// ---------------------------------------------------------------------------------------------
// Pages

/// The security headers of every response: a Content-Security-Policy that allows no script
/// and no framing, no sniffing, no referrer.
#[track_caller]
fn assert_secure(response: &Response, what: &str) {
    let csp = response.header("content-security-policy").unwrap_or_else(|| panic!("{what}: no CSP"));
    let directives: Vec<&str> = csp.split(';').map(str::trim).collect();
    assert!(directives.contains(&"default-src 'none'"), "{what}: {csp}");
    assert!(directives.contains(&"frame-ancestors 'none'"), "{what}: {csp}");
    assert!(!directives.iter().any(|d| d.starts_with("script-src")), "{what}: {csp}");
    assert!(!csp.contains("unsafe-eval") && !csp.contains("strict-dynamic"), "{what}: {csp}");
    assert_eq!(response.header("x-content-type-options"), Some("nosniff"), "{what}");
    assert_eq!(response.header("referrer-policy"), Some("no-referrer"), "{what}");
    assert_eq!(response.header("cache-control"), Some("no-store"), "{what}");
}

/// The target of the first link on `page` whose target starts with `prefix`, unescaped.
fn link(page: &str, prefix: &str) -> String {
    let at = page.find(&format!("href=\"{}", esc(prefix))).unwrap_or_else(|| panic!("no link to {prefix}:\n{page}"));
    attr(&page[at - 1..], "href")
}

/// The first link of `page` whose address starts with `prefix`, besides the language switch.
fn kept_link(page: &str, prefix: &str) -> String {
    let needle = format!("href=\"{}", esc(prefix));
    page.match_indices(&needle)
        .map(|(at, _)| &page[page[..at].rfind('<').expect("a tag starts")..])
        .find(|tag| !tag[..tag.find('>').expect("a tag ends")].contains("hreflang="))
        .map(|tag| attr(tag, "href"))
        .unwrap_or_else(|| panic!("no link to {prefix} besides the switch:\n{page}"))
}

/// The link to the other language, `code`, of `page`.
fn switch_link(page: &str, code: &str) -> String {
    let at = page.find(&format!("hreflang=\"{code}\"")).unwrap_or_else(|| panic!("no switch to {code}:\n{page}"));
    attr(&page[page[..at].rfind('<').unwrap()..], "href")
}

/// The `<input>` tags of a page, as (type, name, value), values unescaped.
fn inputs(page: &str) -> Vec<(String, String, String)> {
    page.match_indices("<input ")
        .map(|(at, _)| {
            let tag = &page[at..at + page[at..].find('>').expect("a tag ends")];
            (attr(tag, "type"), attr(tag, "name"), attr(tag, "value"))
        })
        .collect()
}

/// The value of attribute `name` in `tag`, unescaped; empty when it has none.
fn attr(tag: &str, name: &str) -> String {
    let Some(at) = tag.find(&format!(" {name}=\"")) else { return String::new() };
    let rest = &tag[at + name.len() + 3..];
    let value = &rest[..rest.find('"').expect("a value ends")];
    value.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// The review page's form: its hidden fields (the token and every answer).
struct Review {
    /// Every page on the way, the review page last.
    pages: Vec<String>,
    /// The form's fields, in order.
    fields: Vec<(String, String)>,
}

impl Review {
    fn token(&self) -> &str {
        &self.fields.iter().find(|(k, _)| k == "_token").expect("the form has a token").1
    }

    /// The fields with the token replaced.
    fn with_token(&self, token: &str) -> Vec<(String, String)> {
        self.fields
            .iter()
            .map(|(k, v)| (k.clone(), if k == "_token" { token.to_string() } else { v.clone() }))
            .collect()
    }
}

/// A browser: keeps the participant cookie the server gives it (or one the test chose),
/// sends its Accept-Language, and checks every response's security headers.
struct Browser<'s> {
    server: &'s Server,
    id: Option<String>,
    accept: Option<&'static str>,
}

impl<'s> Browser<'s> {
    fn new(server: &'s Server) -> Browser<'s> {
        Browser { server, id: None, accept: None }
    }

    fn with_id(server: &'s Server, id: String) -> Browser<'s> {
        Browser { server, id: Some(id), accept: None }
    }

    fn accept(mut self, accept: &'static str) -> Browser<'s> {
        self.accept = Some(accept);
        self
    }

    #[track_caller]
    fn send(&mut self, request: Request) -> Response {
        let mut request = request.cookie(self.id.as_deref());
        if let Some(accept) = self.accept {
            request = request.header("Accept-Language", accept);
        }
        let response = self.server.send(&request);
        assert_secure(&response, &format!("{} {}", request.method, request.target));
        if self.id.is_none() {
            self.id = response.participant_cookie();
        }
        response
    }

    #[track_caller]
    fn get(&mut self, target: &str) -> Response {
        self.send(Request::get(target))
    }

    /// Posts `fields` to /submit as the review page's form does, from the same site.
    #[track_caller]
    fn submit(&mut self, fields: &[(String, String)]) -> Response {
        let origin = format!("http://{}", self.server.addr);
        self.send(Request::form("/submit", fields).header("Origin", &origin))
    }

    /// Takes the quiz page by page as a browser does (each answer goes into the next page's
    /// query), answering as `answers` says, up to the review page.
    #[track_caller]
    fn take_quiz(&mut self, answers: &[(String, String)]) -> Review {
        self.take_quiz_from("/quiz", answers)
    }

    /// As [`Browser::take_quiz`], from the page at `target`.
    #[track_caller]
    fn take_quiz_from(&mut self, target: &str, answers: &[(String, String)]) -> Review {
        let mut target = target.to_string();
        let mut pages = Vec::new();
        for _ in 0..=answers.len() {
            let page = self.get(&target).expect(200).text();
            let found = inputs(&page);
            let hidden: Vec<(String, String)> =
                found.iter().filter(|i| i.0 == "hidden").map(|i| (i.1.clone(), i.2.clone())).collect();
            if page.contains(r#"<form method="post" action="/submit">"#) {
                pages.push(page);
                return Review { pages, fields: hidden };
            }
            let question = found.iter().find(|i| i.0 == "radio").unwrap_or_else(|| panic!("no question:\n{page}"));
            let question = question.1.clone();
            let key = &answers.iter().find(|(id, _)| *id == question).expect("an answer to every question").1;
            assert!(
                found.iter().any(|i| i.0 == "radio" && i.1 == question && i.2 == *key),
                "`{key}` is no choice of `{question}`:\n{page}"
            );
            let mut fields = hidden;
            fields.push((question, key.clone()));
            target = format!("/quiz?{}", http::form_encode(&fields));
            pages.push(page);
        }
        panic!("no review page after {} questions", answers.len());
    }

    /// Takes the quiz and sends it: the 303 to the result, followed.
    #[track_caller]
    fn take_and_submit(&mut self, answers: &[(String, String)]) -> String {
        let review = self.take_quiz(answers);
        let sent = self.submit(&review.fields).expect(303);
        let to = sent.header("location").expect("a redirect says where").to_string();
        assert!(to.starts_with("/result?"), "{to}");
        self.get(&to).expect(200).text()
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Starting

#[test]
fn startup_prints_both_urls_makes_the_folder_and_refuses_what_it_cannot_use() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    let server = Server::start(&dir, &[]);
    let port = server.addr.port();
    assert_ne!(port, 0, "the real port, not 0");
    assert_eq!(server.participant, format!("http://127.0.0.1:{port}/"));
    let secret = server
        .organizer
        .strip_prefix(&format!("http://127.0.0.1:{port}/o/"))
        .and_then(|rest| rest.strip_suffix('/'))
        .unwrap_or_else(|| panic!("the organizer URL: {}", server.organizer));
    assert_eq!(secret.len(), 64, "256 bits in hex: {secret}");
    assert!(secret.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')), "{secret}");
    assert!(dir.is_dir(), "DIR is made");
    server.get("/").expect(200);
    server.get(&server.organizer_path()).expect(200);
    let (participant, organizer) = (server.participant.clone(), server.organizer.clone());
    let stopped = server.terminate();
    assert_eq!(stopped.code, Some(0), "{}", stopped.stderr);
    assert_eq!(
        stopped.stdout,
        format!("{participant}\n{organizer}\n"),
        "the URLs, participant first, and nothing else"
    );
    assert!(
        stopped.stderr.starts_with(&format!("mlcheck: made the folder {} for the answers.\n", dir.display())),
        "{}",
        stopped.stderr
    );
    assert!(!stopped.stderr.contains("anyone on this network"), "not on loopback:\n{}", stopped.stderr);

    // The folder is there now: not made again.
    let again = Server::start(&dir, &[]).terminate();
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    assert!(!again.stderr.contains("made the folder"), "{}", again.stderr);

    // A folder that can't be made: under a regular file, or a regular file itself.
    let file = file_with(tmp.path(), "a-file", "not a folder");
    for bad in [file.join("answers"), file.clone()] {
        let refused = Server::try_start(&bad, &[]).err().unwrap_or_else(|| panic!("{} is refused", bad.display()));
        assert_eq!(refused.code, Some(1), "{}", refused.stderr);
        assert_eq!(refused.stdout, "", "no URL for a server that didn't start");
        assert_eq!(
            refused.stderr,
            format!(
                "mlcheck: cannot write answers into {}: Not a directory. Choose a folder you can write to.\n",
                bad.display()
            )
        );
    }
    assert_eq!(fs::read_to_string(&file).unwrap(), "not a folder");

    // A port in use.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let refused = Server::try_start(&dir, &["--listen", &format!("127.0.0.1:{port}")]).err().expect("refused");
    assert_eq!(refused.code, Some(1), "{}", refused.stderr);
    assert_eq!(refused.stdout, "");
    assert_eq!(
        refused.stderr,
        format!(
            "mlcheck: cannot listen on 127.0.0.1:{port}: Address already in use. \
             Choose another port (--listen 127.0.0.1:0 picks a free one).\n"
        )
    );
    drop(taken);

    // IPv6 loopback, where the machine has it.
    if std::net::TcpListener::bind("[::1]:0").is_ok() {
        let six = Server::start(&dir, &["--listen", "[::1]:0"]);
        let port = six.addr.port();
        assert_eq!(six.participant, format!("http://[::1]:{port}/"));
        assert!(six.organizer.starts_with(&format!("http://[::1]:{port}/o/")));
        six.get("/").expect(200);
        let stopped = six.terminate();
        assert_eq!(stopped.code, Some(0));
        assert!(!stopped.stderr.contains("anyone on this network"), "{}", stopped.stderr);
    } else {
        eprintln!("note: no IPv6 loopback here; --listen [::1]:0 not tried");
    }

    // Every address: a line says who can reach what. Reached here only through 127.0.0.1.
    let open = Server::start(&dir, &["--listen", "0.0.0.0:0"]);
    let port = open.addr.port();
    assert!(open.participant.ends_with(&format!(":{port}/")) && !open.participant.contains("0.0.0.0"));
    open.get("/").expect(200);
    let stopped = open.terminate();
    assert_eq!(stopped.code, Some(0));
    assert!(
        stopped.stderr.contains(&format!(
            "mlcheck: listening on 0.0.0.0:{port}: anyone on this network can open the quiz page; \
             only those with the organizer link (the second line) can see the report.\n"
        )),
        "{}",
        stopped.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Headers

#[test]
fn every_response_carries_the_security_headers() {
    let tmp = tempfile::tempdir().unwrap();
    let server = Server::start(tmp.path(), &["--min-group", "3"]);
    let mut responses: Vec<(String, Response)> = Vec::new();
    let mut keep = |what: &str, response: Response| responses.push((what.to_string(), response));
    let mut browser = Browser::new(&server);
    let review = browser.take_quiz(&answers(7));
    let sent = server.send(&Request::form("/submit", &review.fields).cookie(browser.id.as_deref()));
    let result = sent.header("location").unwrap().to_string();
    keep("the 303 after a submission", sent.expect(303));
    keep("the result", server.get(&result).expect(200));
    let twice = server.send(&Request::form("/submit", &review.fields).cookie(browser.id.as_deref()));
    keep("a form sent twice", twice.expect(409));
    keep("/", server.get("/").expect(200));
    keep("a question", server.get("/quiz?track=backend").expect(200));
    keep("a bad answer", server.get("/quiz?track=nope").expect(400));
    keep("the answers file", server.get(&result.replacen("/result", "/answers.txt", 1)).expect(200));
    keep("the JSON result", server.get(&result.replacen("/result", "/result.json", 1)).expect(200));
    keep("no such page", server.get("/nope").expect(404));
    keep("a wrong secret", server.get(&format!("/o/{}/", "0".repeat(64))).expect(404));
    keep("the wrong method", server.get("/submit").expect(405));
    keep("the organizer, waiting", server.get(&server.organizer_path()).expect(200));
    keep("the join view", server.get(&format!("{}?join", server.organizer_path())).expect(200));
    keep("JSON too early", server.get(&format!("{}?format=json", server.organizer_path())).expect(409));
    keep("a script's answers", server.send(&Request::post("/answers", keyed(&answers(8)))).expect(201));
    keep("a script's bad answers", server.send(&Request::post("/answers", "track = nope\n")).expect(422));
    keep("a body too large", server.send(&Request::post("/answers", vec![b'#'; 70 * 1024])).expect(413));
    let mut big = Request::post("/answers", vec![b'#'; 70 * 1024]);
    big.headers.push(("Transfer-Encoding".into(), "chunked".into()));
    keep("a chunked body too large", send_chunked(&server, &big).expect(413));
    server.send(&Request::post("/answers", keyed(&answers(9)))).expect(201);
    keep("the organizer, live", server.get(&server.organizer_path()).expect(200));
    keep("the report as CSV", server.get(&format!("{}?format=csv", server.organizer_path())).expect(200));
    for (what, response) in &responses {
        assert_secure(response, what);
    }
}

/// Sends `request` with its body in chunks of 1 KiB (`Transfer-Encoding: chunked`).
fn send_chunked(server: &Server, request: &Request) -> Response {
    let mut head =
        format!("{} {} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n", request.method, request.target, server.addr);
    for (name, value) in &request.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut stream = server.connect().unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    for piece in request.body.chunks(1024) {
        // The server may answer 413 and close before the whole body is sent.
        if stream.write_all(format!("{:x}\r\n", piece.len()).as_bytes()).is_err()
            || stream.write_all(piece).is_err()
            || stream.write_all(b"\r\n").is_err()
        {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    http::read_response(&mut stream).expect("a response")
}

// ---------------------------------------------------------------------------------------------
// 3. The form, from the first question to the file in DIR

#[test]
fn a_browser_takes_the_quiz_and_its_answers_land_as_one_file_in_the_save_answers_form() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    let server = Server::start(&dir, &[]);
    let mut browser = Browser::new(&server);
    let first = answers(11);
    let review = browser.take_quiz(&first);
    assert_eq!(review.pages.len(), bank().len() + 1, "a page a question, then the review");
    let cookie = browser.id.clone().expect("the first page gives the browser an id");
    assert_eq!(cookie.len(), 32, "{cookie}");
    assert!(files(&dir).is_empty(), "nothing is written before the form is sent");
    assert!(review.token().len() > 64, "a signed token: {}", review.token());
    let answered: Vec<(String, String)> = review.fields.iter().filter(|(k, _)| !k.starts_with('_')).cloned().collect();
    assert_eq!(answered, first, "the form holds every answer");

    let sent = browser.submit(&review.fields).expect(303);
    let page = browser.get(sent.header("location").unwrap()).expect(200).text();
    let saved = files(&dir);
    assert_eq!(saved.len(), 1, "{saved:?}");
    let (name, text) = saved.iter().next().unwrap();
    assert_server_name(name);
    assert!(!name.contains(&cookie[..20]), "the id itself is not the name");
    assert_eq!(*text, save_answers(&keyed(&first)), "the exact --save-answers text");
    Run::of(run(&["quiz", "--answers", s(&dir.join(name))])).expect(0);

    // The result page says what `quiz --answers FILE --format json` says.
    let json: serde_json::Value = serde_json::from_str(&quiz_json(text, None)).unwrap();
    let verdict = json["verdict"].as_str().unwrap();
    let score = json["score"].as_i64().unwrap();
    let signed = if score > 0 { format!("+{score}") } else { score.to_string() };
    assert!(page.contains(&format!(">{}</h1>", esc(verdict))), "the verdict {verdict}:\n{page}");
    assert!(page.contains(&format!("<strong>Score {signed}</strong>")), "the score {signed}:\n{page}");
    assert!(page.contains("Your answers are saved."), "{page}");
    // Its links give the same answers file and the same JSON.
    let kept = browser.get(&link(&page, "/answers.txt?")).expect(200);
    assert_eq!(kept.header("content-disposition"), Some("attachment; filename=\"mlcheck-answers.txt\""));
    assert_eq!(kept.text(), *text);
    assert_eq!(browser.get(&link(&page, "/result.json?")).expect(200).text(), quiz_json(text, None));

    // The same browser again: the file is replaced, still one.
    let second = answers(12);
    let before = fs::metadata(dir.join(name)).unwrap();
    browser.take_and_submit(&second);
    let saved = files(&dir);
    assert_eq!(saved.keys().collect::<Vec<_>>(), [name], "one person, one result");
    assert_eq!(saved[name], save_answers(&keyed(&second)));

    // The first form sent again: 409, nothing written.
    let replaced = fs::metadata(dir.join(name)).unwrap();
    assert_ne!(before.ino(), replaced.ino(), "a replaced file is a new file renamed into place");
    let again = browser.submit(&review.fields).expect(409);
    assert!(again.text().contains("This form was sent already"), "{}", again.text());
    // Saved the first time: the page says so, as a status, not "Nothing was saved".
    assert!(again.text().contains("<h1>Already saved</h1>") && !again.text().contains("Nothing was saved"));
    assert!(again.text().contains(r#"<p class="saved" role="status">"#), "{}", again.text());
    assert_eq!(files(&dir), saved);
    assert_eq!(fs::metadata(dir.join(name)).unwrap().ino(), replaced.ino(), "not rewritten");
    assert!(temp_files(&dir).is_empty());
}

#[test]
fn the_same_browser_gets_the_same_file_name_in_another_folder_so_compare_pairs_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (before, after) = (tmp.path().join("before"), tmp.path().join("after"));
    let people: Vec<String> = (0..3).map(|n| id(0xc0ffee, n)).collect();
    let names = |dir: &Path| -> Vec<String> { files(dir).into_keys().collect() };
    for (dir, seed) in [(&before, 100), (&after, 200)] {
        let server = Server::start(dir, &[]);
        for (n, person) in people.iter().enumerate() {
            Browser::with_id(&server, person.clone()).take_and_submit(&answers(seed + 37 * n));
        }
        assert_eq!(server.terminate().code, Some(0));
    }
    assert_eq!(names(&before).len(), 3);
    assert_eq!(names(&before), names(&after), "the same browser, the same name");
    let out = Run::of(run(&["compare", s(&before), s(&after), "--min-group", "3", "--format", "json"])).expect(0);
    let json = json_of(&out);
    assert_eq!(json["paired"], 3, "{}", out.stdout);
    assert_eq!(json["unpaired_left_out"]["before"], 0);
    assert_eq!(json["unpaired_left_out"]["after"], 0);
}

#[test]
fn forms_that_must_not_be_saved_get_a_page_that_says_why_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    let chosen = answers(21);
    // A token of an earlier run of the server, for the same browser.
    let person = id(0xf0f0, 1);
    let old = {
        let earlier = Server::start(&tmp.path().join("earlier"), &[]);
        Browser::with_id(&earlier, person.clone()).take_quiz(&chosen)
    };
    let server = Server::start(&dir, &[]);
    let mut browser = Browser::with_id(&server, person.clone());
    let review = browser.take_quiz(&chosen);
    let page_of = |response: Response, status: u16, words: &str| {
        let page = response.expect(status).text();
        assert!(page.contains(&esc(words)), "the page should say {words:?}:\n{page}");
        assert!(page.contains("<h1>Nothing was saved</h1>"), "{page}");
    };

    // Signed by another run: stale.
    page_of(browser.submit(&old.fields), 403, "This form comes from an earlier session of the quiz");
    // Edited: the MAC fails.
    let token = review.token().to_string();
    let last = token.chars().last().unwrap();
    let forged = format!("{}{}", &token[..token.len() - 1], if last == '0' { '1' } else { '0' });
    page_of(browser.submit(&review.with_token(&forged)), 403, "is out of date or was changed");
    let other_id = token.replacen(&person, &id(0xf0f0, 2), 1);
    assert_ne!(other_id, token);
    page_of(browser.submit(&review.with_token(&other_id)), 403, "is out of date or was changed");
    page_of(browser.submit(&review.with_token("")), 403, "is out of date or was changed");
    // Another browser's form.
    let mut stranger = Browser::with_id(&server, id(0xf0f0, 3));
    page_of(stranger.submit(&review.fields), 403, "This form was made for another browser");
    // From another site: Origin, or the browser's Sec-Fetch-Site.
    let evil = Request::form("/submit", &review.fields).cookie(Some(&person)).header("Origin", "http://evil.example");
    page_of(server.send(&evil), 403, "This form was sent from another site");
    let evil = Request::form("/submit", &review.fields).cookie(Some(&person)).header("Sec-Fetch-Site", "cross-site");
    page_of(server.send(&evil), 403, "This form was sent from another site");
    let script = Request::post("/answers", keyed(&chosen)).header("Origin", "http://evil.example");
    assert_eq!(
        server.send(&script).expect(403).text(),
        "This form was sent from another site, so nothing was saved. Take the quiz on this site.\n"
    );

    // Bad answers get the words of `quiz --answers`.
    let mut unknown = review.fields.clone();
    unknown.push(("fnu".into(), "agree".into()));
    let (stderr, path) = quiz_error(tmp.path(), format!("{}fnu = agree\n", keyed(&chosen)).as_bytes(), None);
    page_of(browser.submit(&unknown), 422, &unlocated(&stderr, &path));
    let invalid: Vec<(String, String)> =
        review.fields.iter().map(|(k, v)| (k.clone(), if k == "hard" { "maybe".into() } else { v.clone() })).collect();
    let bad_file = keyed(&chosen).replace("hard = ", "hard = maybe\n# ");
    let (stderr, path) = quiz_error(tmp.path(), bad_file.as_bytes(), None);
    assert!(stderr.contains("`maybe` is not an answer to question `hard`"), "{stderr}");
    page_of(browser.submit(&invalid), 422, &unlocated(&stderr, &path));
    let missing: Vec<(String, String)> =
        review.fields.iter().filter(|(k, _)| k != "mentor" && k != "fun").cloned().collect();
    let partial: String = keyed(&chosen)
        .lines()
        .filter(|l| !l.starts_with("mentor ") && !l.starts_with("fun "))
        .map(|l| format!("{l}\n"))
        .collect();
    let (stderr, path) = quiz_error(tmp.path(), partial.as_bytes(), None);
    assert!(stderr.contains("2 questions without an answer"), "{stderr}");
    page_of(browser.submit(&missing), 422, &unlocated(&stderr, &path));
    let twice = [review.fields.clone(), vec![("hard".to_string(), "agree".to_string())]].concat();
    page_of(browser.submit(&twice), 422, "answered twice");
    page_of(browser.submit(&[("_token".to_string(), token.clone())]), 422, "No answers came with this form.");
    assert!(files(&dir).is_empty(), "nothing written: {:?}", files(&dir));

    // None of that used the token up: the form itself still goes through, once.
    browser.submit(&review.fields).expect(303);
    assert_eq!(files(&dir).len(), 1);
}

#[test]
fn a_refused_token_keeps_the_answers_a_double_tap_shows_the_result_a_restart_sends_again() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    let chosen = answers(33);
    let person = id(0xd0b1e, 1);
    let old = {
        let earlier = Server::start(&tmp.path().join("earlier"), &[]);
        Browser::with_id(&earlier, person.clone()).take_quiz(&chosen)
    };
    let server = Server::start(&dir, &[]);
    let mut browser = Browser::with_id(&server, person.clone());

    // A double tap on the button: the second post is refused, and links to the result.
    let review = browser.take_quiz(&chosen);
    browser.submit(&review.fields).expect(303);
    let twice = browser.submit(&review.fields).expect(409).text();
    let result = browser.get(&kept_link(&twice, "/result?")).expect(200).text();
    assert!(result.contains(&esc(&quiz_verdict(&chosen))), "{result}");
    assert_eq!(files(&dir).len(), 1);

    // A form of an earlier run of the server: back to the answers, and they send from there.
    let name = files(&dir).into_keys().next().unwrap();
    let first = fs::metadata(dir.join(&name)).unwrap().ino();
    let stale = browser.submit(&old.fields).expect(403).text();
    assert!(stale.contains("Please send your answers again"), "{stale}");
    let again = browser.take_quiz_from(&kept_link(&stale, "/quiz?track="), &chosen);
    assert_eq!(again.pages.len(), 1, "straight to the review page");
    browser.submit(&again.fields).expect(303);
    assert_ne!(fs::metadata(dir.join(&name)).unwrap().ino(), first, "saved again");
    assert_eq!(files(&dir).into_values().collect::<Vec<_>>(), [save_answers(&keyed(&chosen))]);
}

#[test]
fn the_language_switch_of_a_refused_form_keeps_the_answers_as_its_link_does() {
    let tmp = tempfile::tempdir().unwrap();
    let chosen = answers(34);
    let person = id(0x5e1c, 1);
    let old = {
        let earlier = Server::start(&tmp.path().join("earlier"), &[]);
        Browser::with_id(&earlier, person.clone()).accept("ko").take_quiz(&chosen)
    };
    let server = Server::start(&tmp.path().join("answers"), &[]);
    let mut browser = Browser::with_id(&server, person).accept("ko");

    // A double tap, in Korean: in English, the result of the answers sent.
    let review = browser.take_quiz(&chosen);
    browser.submit(&review.fields).expect(303);
    let twice = browser.submit(&review.fields).expect(409).text();
    assert!(twice.contains(r#"<html lang="ko">"#), "{twice}");
    let english = browser.get(&switch_link(&twice, "en")).expect(200).text();
    assert!(english.contains(r#"<html lang="en">"#), "{english}");
    assert!(english.contains(&esc(&quiz_verdict(&chosen))), "the result, not the first question:\n{english}");

    // A form of an earlier run: in English, the answers to send again.
    let stale = browser.submit(&old.fields).expect(403).text();
    let again = browser.take_quiz_from(&switch_link(&stale, "en"), &chosen);
    assert_eq!(again.pages.len(), 1, "straight to the review page");
    assert!(again.pages[0].contains(r#"<html lang="en">"#), "{}", again.pages[0]);
    assert!(again.fields.contains(&("_lang".into(), "en".into())), "{:?}", again.fields);

    // English chosen with the switch: starting over from a refused form stays in English.
    let mut chooser = Browser::new(&server).accept("ko");
    let page = chooser.get("/quiz?track=backend").expect(200).text();
    let review = chooser.take_quiz_from(&switch_link(&page, "en"), &chosen);
    chooser.submit(&review.fields).expect(303);
    let twice = chooser.submit(&review.fields).expect(409).text();
    assert!(twice.contains(r#"<html lang="en">"#), "{twice}");
    let first = chooser.get(&kept_link(&twice, "/quiz?_lang=")).expect(200).text();
    assert!(first.contains(r#"<html lang="en">"#) && first.contains("Question 1 of"), "{first}");
}

#[test]
fn a_link_cut_short_goes_on_with_the_quiz_from_the_answers_it_holds() {
    let tmp = tempfile::tempdir().unwrap();
    let chosen = answers(35);
    let server = Server::start(&tmp.path().join("answers"), &[]);
    let mut browser = Browser::new(&server);
    // The first four answers of a result's address, as a chat app might cut it.
    let cut = http::form_encode(&chosen[..4]);
    for path in ["/result", "/answers.txt", "/result.json"] {
        let page = browser.get(&format!("{path}?{cut}")).expect(422).text();
        assert!(page.contains("questions without an answer"), "{page}");
        let review = browser.take_quiz_from(&kept_link(&page, "/quiz?track="), &chosen);
        assert_eq!(review.pages.len(), chosen.len() - 4 + 1, "from the fifth question on:\n{}", review.pages[0]);
    }
    // The same from the form, in Korean.
    let mut korean = Browser::new(&server).accept("ko");
    let review = korean.take_quiz(&chosen);
    let token = ("_token".to_string(), review.token().to_string());
    let page = korean.submit(&[vec![token], chosen[..4].to_vec()].concat()).expect(422).text();
    assert!(page.contains("지금까지의 답으로 퀴즈 이어 하기"), "{page}");
    let again = korean.take_quiz_from(&kept_link(&page, "/quiz?track="), &chosen);
    assert_eq!(again.pages.len(), chosen.len() - 4 + 1);
    korean.submit(&again.fields).expect(303);
}

/// The verdict line of `answers`, as `quiz --format json` gives it.
fn quiz_verdict(answers: &[(String, String)]) -> String {
    let json: serde_json::Value = serde_json::from_str(&quiz_json(&keyed(answers), None)).unwrap();
    json["verdict"].as_str().unwrap().to_string()
}

#[test]
fn korean_browsers_get_korean_pages_and_messages_unless_lang_fixes_english() {
    let tmp = tempfile::tempdir().unwrap();
    let chosen = answers(33);
    let server = Server::start(&tmp.path().join("answers"), &[]);
    let mut browser = Browser::new(&server).accept("ko-KR,ko;q=0.9,en;q=0.5");
    let review = browser.take_quiz(&chosen);
    for page in &review.pages {
        assert!(page.contains(r#"<html lang="ko">"#), "{page}");
    }
    assert!(review.pages[0].contains("질문 1/"), "{}", review.pages[0]);
    assert!(review.pages[0].contains(">다음</button>"), "{}", review.pages[0]);
    assert!(review.pages.last().unwrap().contains("<h1>내 답</h1>"));
    // Not "saved" before it is: seeing the result is what saves.
    assert!(review.pages.last().unwrap().contains("결과를 보면 답이 진행자의 폴더에"));
    let result = browser.take_and_submit(&chosen);
    let json: serde_json::Value = serde_json::from_str(&quiz_json(&keyed(&chosen), Some("ko"))).unwrap();
    assert!(result.contains(&format!(">{}</h1>", esc(json["verdict"].as_str().unwrap()))), "{result}");
    assert!(result.contains("답을 저장했습니다."), "{result}");
    let twice = browser.submit(&browser_fields(&browser, &chosen)).expect(409).text();
    assert!(twice.contains("이 양식은 이미 보냈고") && twice.contains("<h1>이미 저장했습니다</h1>"), "{twice}");
    let mut unknown = review.fields.clone();
    unknown.push(("fnu".into(), "agree".into()));
    let (stderr, path) = quiz_error(tmp.path(), format!("{}fnu = agree\n", keyed(&chosen)).as_bytes(), Some("ko"));
    let words = unlocated(&stderr, &path);
    assert!(words.starts_with("질문 `fnu`: 그런 질문은 없습니다."), "{words}");
    let page = browser.submit(&unknown).expect(422).text();
    assert!(page.contains(&esc(&words)), "{page}");
    assert!(browser.get("/nope").expect(404).text().contains("그런 페이지는 없습니다."));

    // The link to the other language keeps the answers and the choice, up to the result.
    let mut switcher = Browser::new(&server);
    let page = switcher.get("/quiz?track=backend").expect(200).text();
    assert!(page.contains(r#"<html lang="en">"#));
    let korean = switcher.get(&link(&page, "/quiz?")).expect(200).text();
    assert!(korean.contains(r#"<html lang="ko">"#), "{korean}");
    let review = switcher.take_quiz_from(&link(&page, "/quiz?"), &chosen);
    assert!(review.fields.contains(&("_lang".into(), "ko".into())), "{:?}", review.fields);
    assert!(review.fields.contains(&("track".into(), "backend".into())), "{:?}", review.fields);
    let sent = switcher.submit(&review.fields).expect(303);
    let result = switcher.get(sent.header("location").unwrap()).expect(200).text();
    assert!(result.contains(r#"<html lang="ko">"#) && result.contains("답을 저장했습니다."), "{result}");

    // --lang en: English whatever the browser prefers.
    let fixed = Server::start(&tmp.path().join("english"), &["--lang", "en"]);
    let mut browser = Browser::new(&fixed).accept("ko");
    let review = browser.take_quiz(&chosen);
    assert!(review.pages.iter().all(|p| p.contains(r#"<html lang="en">"#) && !p.contains("한국어")));
    let page =
        browser.submit(&[review.fields.clone(), vec![("fnu".into(), "agree".into())]].concat()).expect(422).text();
    assert!(page.contains("there is no question `fnu`; did you mean `fun`?"), "{page}");
}

#[test]
fn switching_language_on_a_question_asked_again_stays_on_that_question() {
    let tmp = tempfile::tempdir().unwrap();
    let chosen = answers(36);
    let server = Server::start(&tmp.path().join("answers"), &[]);
    let mut browser = Browser::new(&server).accept("ko");
    let review = browser.take_quiz(&chosen);
    // Change the first answer, from the review page, then switch to English.
    let change = kept_link(review.pages.last().unwrap(), "/quiz?");
    assert!(change.ends_with("_edit=track"), "{change}");
    let page = browser.get(&change).expect(200).text();
    let english = browser.get(&switch_link(&page, "en")).expect(200).text();
    assert!(english.contains(r#"<html lang="en">"#), "{english}");
    let radios: Vec<_> = inputs(&english).into_iter().filter(|i| i.0 == "radio").collect();
    assert!(!radios.is_empty() && radios.iter().all(|i| i.1 == "track"), "still the question to change:\n{english}");
    assert!(english.contains(&format!(r#"value="{}" required checked"#, chosen[0].1)), "{english}");
}

/// A fresh review form for `browser` answering `chosen` (its token unused).
fn browser_fields(browser: &Browser, chosen: &[(String, String)]) -> Vec<(String, String)> {
    let mut again = Browser { server: browser.server, id: browser.id.clone(), accept: browser.accept };
    let review = again.take_quiz(chosen);
    // Used once, so the next post of it is the second.
    again.submit(&review.fields).expect(303);
    review.fields
}

// ---------------------------------------------------------------------------------------------
// 4. POST /answers

#[test]
fn a_script_posts_an_answers_file_and_gets_what_quiz_prints() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    let server = Server::start(&dir, &[]);
    let text = keyed(&answers(41));
    let created = server.send(&Request::post("/answers", text.clone())).expect(201);
    assert_secure(&created, "POST /answers");
    assert_eq!(created.header("content-type"), Some("application/json"));
    assert_eq!(created.text(), quiz_json(&text, None), "byte for byte what quiz --format json prints");
    let cookie = created.participant_cookie().expect("a fresh participant id");
    let saved = files(&dir);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved.values().next().unwrap(), &save_answers(&text));

    // In Korean, a positional file with CRLF and a BOM, from the same id: replaced.
    let positional: String = answers(42)
        .iter()
        .zip(bank())
        .map(|((_, key), (_, keys))| format!("{}\r\n", keys.iter().position(|k| k == key).unwrap() + 1))
        .collect();
    let korean = Request::post("/answers", format!("\u{feff}{positional}"))
        .cookie(Some(&cookie))
        .header("Accept-Language", "ko");
    let created = server.send(&korean).expect(201);
    assert_eq!(created.text(), quiz_json(&positional, Some("ko")));
    assert_eq!(created.participant_cookie(), None, "the id it had");
    let saved = files(&dir);
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert_eq!(saved.values().next().unwrap(), &save_answers(&keyed(&answers(42))));

    // Bad files: 422 and the message `quiz --answers` prints, named `<body>`.
    let valid = keyed(&answers(43));
    let utf16: Vec<u8> = valid.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let bad: Vec<Vec<u8>> = vec![
        format!("{valid}fnu = agree\n").into_bytes(),
        valid.replace("hard = ", "hard = 9\n# ").into_bytes(),
        valid.lines().skip(3).map(|l| format!("{l}\n")).collect::<String>().into_bytes(),
        format!("{valid}hard = agree\n").into_bytes(),
        format!("{valid}2\n").into_bytes(),
        b"track = backend\nhard = agr\xffee\n".to_vec(),
        utf16,
        Vec::new(),
    ];
    for body in &bad {
        for lang in [None, Some("ko")] {
            let (stderr, path) = quiz_error(tmp.path(), body, lang);
            let expected = stderr.strip_prefix("mlcheck: ").unwrap().replace(&path, "<body>");
            let mut request = Request::post("/answers", body.clone());
            if lang.is_some() {
                request = request.header("Accept-Language", "ko");
            }
            let refused = server.send(&request).expect(422);
            assert_eq!(refused.text(), expected, "for {:?}", String::from_utf8_lossy(body));
        }
    }
    assert_eq!(files(&dir).len(), 1, "nothing more written");

    // Over 64 KiB: 413, nothing written, whether the length is said first or not.
    let mut huge = valid.clone().into_bytes();
    huge.resize(64 * 1024 + 1, b'\n');
    let refused = server.send(&Request::post("/answers", huge.clone())).expect(413);
    assert!(refused.text().contains("That was more than 64 KiB, so nothing was saved."), "{}", refused.text());
    // A script is answered in text, as its 422s are; in the language it asks for.
    assert_eq!(refused.header("content-type"), Some("text/plain; charset=utf-8"));
    let korean = server.send(&Request::post("/answers", huge.clone()).header("Accept-Language", "ko")).expect(413);
    assert!(korean.text().starts_with("64 KiB보다 커서 저장하지 않았습니다."), "{}", korean.text());
    // A browser gets the page, in its language, whether the limit layer or the form refused it.
    let form = Request::post("/submit", huge.clone()).header("Accept-Language", "ko");
    let page = server.send(&form.header("Content-Type", "application/x-www-form-urlencoded")).expect(413);
    assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(page.text().contains("64 KiB보다 커서 저장하지 않았습니다."), "{}", page.text());
    let mut chunked = Request::post("/answers", huge.clone());
    chunked.headers.push(("Transfer-Encoding".into(), "chunked".into()));
    send_chunked(&server, &chunked).expect(413);
    huge.truncate(64 * 1024);
    server.send(&Request::post("/answers", huge)).expect(201);
    assert_eq!(files(&dir).len(), 2, "64 KiB itself is taken");
}

// ---------------------------------------------------------------------------------------------
// 5. The organizer

#[test]
fn the_organizer_url_gives_the_live_report_and_exactly_what_report_prints() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    let server = Server::start(&dir, &["--min-group", "5"]);
    let organizer = server.organizer_path();
    let secret = organizer.trim_start_matches("/o/").trim_end_matches('/').to_string();

    // A wrong secret is a page that doesn't exist.
    let missing = server.get("/no-such-page").expect(404);
    assert!(missing.text().contains("There is no such page."));
    let wrong = [
        format!("/o/{}/", "0".repeat(64)),
        format!("/o/{}/", &secret[..63]),
        format!("/o/{secret}0/"),
        format!("/o/{}/", secret.to_uppercase()),
        format!("/o/{}", &secret[1..]),
        format!("/o/{}/?format=json", &secret[..63]),
        "/o/".to_string(),
    ];
    for path in &wrong {
        let response = server.get(path).expect(404);
        assert_eq!(response.body, missing.body, "{path}");
        assert_eq!(response.header("content-type"), missing.header("content-type"));
    }

    // Below --min-group: how many so far, and 409 with report's message.
    let report = |args: &[&str]| Run::of(run(&[&["report", s(&dir)][..], args].concat()));
    let waiting = server.get(&organizer).expect(200).text();
    assert!(waiting.contains("0 results so far. The report appears at 5 results"), "{waiting}");
    let json = server.get(&format!("{organizer}?format=json")).expect(409);
    assert_eq!(json.text(), report(&[]).expect(65).stderr);
    for n in 0..3 {
        server.send(&Request::post("/answers", keyed(&answers(300 + n)))).expect(201);
    }
    let waiting = server.get(&organizer).expect(200).text();
    assert!(waiting.contains("3 results so far. The report appears at 5 results"), "{waiting}");
    assert!(waiting.contains(r#"<meta http-equiv="refresh""#));
    // The organizer may switch language as participants do; the refresh keeps the URL.
    assert!(waiting.contains(r#"<a href="?_lang=ko" lang="ko" hreflang="ko">한국어</a>"#), "{waiting}");
    let korean = server.get(&format!("{organizer}?_lang=ko")).expect(200).text();
    assert!(korean.contains("지금까지 결과 3개") && korean.contains(r#"<a href="?_lang=en""#), "{korean}");
    let join = server.get(&format!("{organizer}?join&_lang=ko")).expect(200).text();
    assert!(join.contains("퀴즈에 참여하세요") && !join.contains("?_lang="), "only how to join: {join}");
    assert_eq!(server.get(&format!("{organizer}?format=csv")).expect(409).text(), report(&[]).expect(65).stderr);

    for n in 3..6 {
        server.send(&Request::post("/answers", keyed(&answers(300 + 17 * n)))).expect(201);
    }
    for format in ["json", "csv", "markdown", "text", "html"] {
        let served = server.get(&format!("{organizer}?format={format}")).expect(200);
        assert_eq!(served.text(), report(&["--format", format]).expect(0).stdout, "--format {format}");
    }
    let korean = server.send(&Request::get(&format!("{organizer}?format=json")).header("Accept-Language", "ko"));
    assert_eq!(korean.expect(200).text(), report(&["--format", "json", "--lang", "ko"]).expect(0).stdout);
    let served = server.get(&format!("{}?format=json", organizer.trim_end_matches('/'))).expect(200);
    assert_eq!(json_of_text(&served.text())["respondents"], 6);
    // A bad file is left out there as report leaves it out.
    file_with(&dir, "junk.txt", "track = nope\n");
    for format in ["json", "csv", "markdown", "text", "html"] {
        let served = server.get(&format!("{organizer}?format={format}")).expect(200);
        assert_eq!(served.text(), report(&["--format", format]).expect(65).stdout, "--format {format}");
    }
    let served = json_of_text(&server.get(&format!("{organizer}?format=json")).expect(200).text());
    assert_eq!((served["respondents"].as_u64(), served["left_out"].as_u64()), (Some(6), Some(1)));

    let live = server.get(&organizer).expect(200).text();
    assert!(live.contains(r#"<meta http-equiv="refresh" content="5">"#), "{live}");
    assert!(live.contains(&esc(&server.participant)), "the join address on top");
    assert!(live.contains("6 results so far"), "{live}");
    let join = server.get(&format!("{organizer}?join")).expect(200).text();
    assert!(join.contains(&format!(r#"<p class="url">{}</p>"#, esc(&server.participant))), "{join}");
    assert!(join.contains("<svg"), "the QR code");
    assert!(join.contains("6 results so far"));
    assert!(join.contains(r#"<meta http-equiv="refresh""#));
}

#[test]
fn a_mistyped_report_format_says_which_there_are_at_any_count() {
    let tmp = tempfile::tempdir().unwrap();
    let server = Server::start(&tmp.path().join("answers"), &["--min-group", "3"]);
    let organizer = server.organizer_path();
    let said = "There is no report format `jsno`: end the organizer URL with ?format=json, csv, markdown, text or html";
    let mistyped = format!("{organizer}?format=jsno");
    // Below --min-group, not "too few results", which more results would not fix.
    assert!(server.get(&mistyped).expect(404).text().starts_with(said));
    for n in 0..3 {
        server.send(&Request::post("/answers", keyed(&answers(400 + n)))).expect(201);
    }
    let response = server.get(&mistyped).expect(404);
    assert_eq!(response.header("content-type"), Some("text/plain; charset=utf-8"));
    assert!(response.text().starts_with(said), "{}", response.text());
    let korean = server.send(&Request::get(&mistyped).header("Accept-Language", "ko")).expect(404).text();
    assert!(korean.starts_with("보고서 형식 `jsno`: 그런 형식은 없습니다."), "{korean}");
    server.get(&format!("{organizer}?format=JSON")).expect(200);
    // What the client sent comes back with its controls escaped, never raw.
    let text = server.get(&format!("{organizer}?format=js%0Ano%1B")).expect(404).text();
    assert!(text.contains("`js\\nno\\u{1b}`") && !text.contains('\u{1b}'), "{text}");
}

fn json_of_text(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}:\n{text}"))
}

// ---------------------------------------------------------------------------------------------
// 6. Escaping

#[test]
fn a_banks_script_and_textarea_show_as_text_on_every_page() {
    let tmp = tempfile::tempdir().unwrap();
    let evil = "<script>alert(1)</script></textarea>";
    let shipped = fs::read_to_string(common::builtin_bank()).unwrap();
    let mut bank = shipped
        .replacen(
            "prompt = { en = \"What do you work on today?",
            &format!("prompt = {{ en = \"{evil} What do you work on today?"),
            1,
        )
        .replacen("label = { en = \"Front-end (web UI)\"", &format!("label = {{ en = \"Front-end {evil}\""), 1)
        .replacen("disclaimer = { en = \"The result", &format!("disclaimer = {{ en = \"{evil} The result"), 1)
        .replacen("topic = { en = \"Seems hard\"", &format!("topic = {{ en = \"Seems {evil} hard\""), 1);
    bank = bank.replacen("label = { en = \"Yes, I have one", &format!("label = {{ en = \"{evil} Yes, I have one"), 1);
    assert_eq!(bank.matches(evil).count(), 5, "every text replaced");
    let path = file_with(tmp.path(), "evil.toml", &bank);
    Run::of(run(&["check", s(&path)])).expect(0);

    let dir = tmp.path().join("answers");
    let server = Server::start(&dir, &["--questions", s(&path), "--min-group", "3", "--max-results", "3"]);
    let mut pages: Vec<(String, String)> = Vec::new();
    let chosen: Vec<(String, String)> = answers(0)
        .into_iter()
        .map(|(id, key)| match id.as_str() {
            "track" => (id, "frontend".to_string()),
            "mentor" => (id, "yes".to_string()),
            _ => (id, key),
        })
        .collect();
    // The last one starts while there is room, and finishes when there is none.
    let mut late = Browser::with_id(&server, id(0xe5c, 9));
    let review = late.take_quiz(&chosen);
    for n in 0..3 {
        let mut browser = Browser::with_id(&server, id(0xe5c, n));
        let review = browser.take_quiz(&chosen);
        pages.extend(review.pages.iter().map(|p| ("a quiz page".to_string(), p.clone())));
        let result = browser.take_and_submit(&chosen);
        pages.push(("the result".into(), result));
    }
    // Full: the error page with the answers in a textarea.
    let full = late.submit(&review.fields).expect(503).text();
    assert!(full.contains("<textarea"), "{full}");
    pages.push(("the full page".into(), full));
    let organizer = server.organizer_path();
    pages.push(("the live report".into(), server.get(&organizer).expect(200).text()));
    pages.push(("the join view".into(), server.get(&format!("{organizer}?join")).expect(200).text()));
    pages.push(("a bad answer".into(), server.get("/quiz?track=%3Cscript%3E").expect(400).text()));
    pages.push(("the report".into(), server.get(&format!("{organizer}?format=html")).expect(200).text()));

    let shown = esc(evil);
    for (what, page) in &pages {
        assert!(!page.to_ascii_lowercase().contains("<script"), "{what} has a raw <script:\n{page}");
        assert_eq!(page.matches("</textarea>").count(), page.matches("<textarea").count(), "{what}:\n{page}");
    }
    let seen = |needle: &str| pages.iter().filter(|(_, p)| p.contains(needle)).count();
    assert!(seen(&format!("{shown} What do you work on today?")) >= 3, "the prompt, as text");
    assert!(seen(&format!("Front-end {shown}")) >= 3, "the label, as text");
    assert!(seen(&format!("{shown} The result")) >= 3, "the disclaimer, as text");
    assert!(seen(&format!("Seems {shown} hard")) >= 3, "the topic, as text");
    assert!(seen("&lt;script&gt;") >= 1, "the bad answer's echo, as text");
}

// ---------------------------------------------------------------------------------------------
// 7. Limits and faults

#[test]
fn past_max_results_new_people_are_told_the_session_is_full_and_old_ones_may_replace() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    let server = Server::start(&dir, &["--max-results", "2"]);
    let mut first = Browser::with_id(&server, id(0x1, 1));
    first.take_and_submit(&answers(51));
    // The third person starts while there is still room, and finishes once there is none.
    let mut third = Browser::with_id(&server, id(0x1, 3));
    let review = third.take_quiz(&answers(53));
    Browser::with_id(&server, id(0x1, 2)).take_and_submit(&answers(52));
    let before = files(&dir);
    assert_eq!(before.len(), 2);

    let full = third.submit(&review.fields).expect(503).text();
    assert!(full.contains("This session is full: it holds 2 results already, so nothing was saved."), "{full}");
    assert!(full.contains(&esc(&save_answers(&keyed(&answers(53))))), "the answers, kept:\n{full}");
    let script = server.send(&Request::post("/answers", keyed(&answers(54)))).expect(503);
    assert!(script.text().starts_with("This session is full"), "{}", script.text());
    assert_eq!(files(&dir), before, "nothing written");

    // Someone new is told before the first question, not after the last.
    let late = Browser::with_id(&server, id(0x1, 4)).get("/").expect(503).text();
    assert!(late.contains("This session is full: it holds 2 results already"), "{late}");
    assert!(!late.contains("Question 1 of"), "{late}");
    let late = Browser::with_id(&server, id(0x1, 4)).accept("ko").get("/quiz").expect(503).text();
    assert!(late.contains("이 세션은 가득 찼습니다"), "{late}");

    first.take_and_submit(&answers(55));
    let after = files(&dir);
    assert_eq!(after.len(), 2);
    assert_eq!(after.values().filter(|t| **t == save_answers(&keyed(&answers(55)))).count(), 1, "replaced");
}

#[test]
fn a_session_of_one_result_is_full_at_1_result_not_1_results() {
    let tmp = tempfile::tempdir().unwrap();
    let server = Server::start(&tmp.path().join("answers"), &["--max-results", "1"]);
    let mut second = Browser::with_id(&server, id(0x2, 2));
    let review = second.take_quiz(&answers(57));
    Browser::with_id(&server, id(0x2, 1)).take_and_submit(&answers(56));
    let full = second.submit(&review.fields).expect(503).text();
    assert!(full.contains("This session is full: it holds 1 result already, so nothing"), "{full}");
    let script = server.send(&Request::post("/answers", keyed(&answers(58)))).expect(503).text();
    assert!(script.starts_with("This session is full: it holds 1 result already,"), "{script}");
}

#[test]
fn a_folder_removed_mid_session_shows_the_answers_and_the_server_keeps_serving() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    let server = Server::start(&dir, &[]);
    let chosen = answers(61);
    let mut browser = Browser::with_id(&server, id(0xd1, 1));
    let review = browser.take_quiz(&chosen);
    fs::remove_dir_all(&dir).unwrap();

    let failed = browser.submit(&review.fields).expect(500).text();
    assert!(failed.contains("Your answers could not be saved (no such file or directory)."), "{failed}");
    let text = save_answers(&keyed(&chosen));
    assert!(failed.contains(&format!(">{}</textarea>", esc(&text))), "the answers file text:\n{failed}");
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0, "nothing left, no folder made");

    // Still serving; once the folder is back, the same form goes through.
    server.get("/").expect(200);
    server.send(&Request::post("/answers", keyed(&chosen))).expect(500);
    fs::create_dir(&dir).unwrap();
    browser.submit(&review.fields).expect(303);
    let saved = files(&dir);
    assert_eq!(saved.values().collect::<Vec<_>>(), [&text], "{saved:?}");
}

#[test]
fn answers_that_could_not_be_saved_link_back_to_be_sent_again_in_either_language() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    let server = Server::start(&dir, &[]);
    let chosen = answers(62);
    let mut browser = Browser::with_id(&server, id(0xd1, 2)).accept("ko");
    let review = browser.take_quiz(&chosen);
    fs::remove_dir_all(&dir).unwrap();
    let failed = browser.submit(&review.fields).expect(500).text();
    assert!(failed.contains("답을 저장하지 못했습니다"), "{failed}");
    fs::create_dir(&dir).unwrap();

    // The switch keeps the answers too: the review page, in English.
    let english = browser.take_quiz_from(&switch_link(&failed, "en"), &chosen);
    assert_eq!(english.pages.len(), 1, "straight to the review page");
    assert!(english.pages[0].contains(r#"<html lang="en">"#), "{}", english.pages[0]);
    // Back to the answers, and they send from there.
    let again = browser.take_quiz_from(&kept_link(&failed, "/quiz?track="), &chosen);
    assert_eq!(again.pages.len(), 1, "straight to the review page");
    browser.submit(&again.fields).expect(303);
    assert_eq!(files(&dir).into_values().collect::<Vec<_>>(), [save_answers(&keyed(&chosen))]);
}

// ---------------------------------------------------------------------------------------------
// 8. Slow and idle clients

/// The soft limit of open files of this process.
fn open_files_limit() -> usize {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit only writes the struct given.
    let got = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) };
    assert_eq!(got, 0);
    usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX)
}

#[test]
fn a_thousand_idle_connections_do_not_stop_a_submission_and_slow_headers_are_cut_off() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    let server = Server::start(&dir, &[]);

    // Three slow clients, each to be cut off about 10 s from its last byte: half the headers
    // then nothing; a kept-alive connection that asks nothing more after its first answer;
    // a body that stops a tenth of the way.
    let mut slow: Vec<(&str, TcpStream, Instant)> = Vec::new();
    let mut half = server.connect().unwrap();
    half.write_all(b"GET /quiz HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Lang").unwrap();
    slow.push(("half the headers", half, Instant::now()));
    let mut kept = server.connect().unwrap();
    kept.write_all(&Request::get("/").header("Connection", "keep-alive").bytes(server.addr)).unwrap();
    assert_eq!(http::read_response(&mut kept).unwrap().status, 200);
    slow.push(("a kept-alive connection", kept, Instant::now()));
    let mut stalled = server.connect().unwrap();
    let post = Request::post("/answers", keyed(&answers(70))).bytes(server.addr);
    stalled.write_all(&post[..post.len() - 9 * keyed(&answers(70)).len() / 10]).unwrap();
    slow.push(("a stalled body", stalled, Instant::now()));

    // Other tests run beside this one: keep 200 descriptors for them.
    let wanted = 1000;
    let fit = open_files_limit().saturating_sub(200).min(wanted);
    if fit < wanted {
        eprintln!("note: the open files limit lets this test open only {fit} idle connections, not {wanted}");
    }
    let idle: Vec<TcpStream> = (0..fit).map(|_| server.connect().expect("connect")).collect();
    let idle_since = Instant::now();

    let started = Instant::now();
    let mut browser = Browser::with_id(&server, id(0x1d1e, 1));
    browser.take_and_submit(&answers(71));
    let took = started.elapsed();
    assert!(took < Duration::from_secs(5), "a submission beside {fit} idle connections took {took:?}");
    assert_eq!(files(&dir).len(), 1);
    eprintln!("a full quiz and submission beside {fit} idle connections: {took:?}");

    // The slow clients are cut off (closed, or told 408 or 400), not before 10 s and not
    // much after. Nothing of the stalled body was saved.
    for (what, mut stream, since) in slow {
        let mut rest = Vec::new();
        let _ = stream.read_to_end(&mut rest);
        let cut = since.elapsed();
        eprintln!("{what}: cut off after {cut:?}");
        assert!(cut >= Duration::from_secs(9), "{what}: cut off after {cut:?}");
        assert!(cut < Duration::from_secs(16), "{what}: still open after {cut:?}");
        let said = String::from_utf8_lossy(&rest);
        assert!(
            said.is_empty() || said.starts_with("HTTP/1.1 408") || said.starts_with("HTTP/1.1 400"),
            "{what}: {said}"
        );
    }
    assert_eq!(files(&dir).len(), 1);

    // The idle ones too, once their 10 s are up.
    std::thread::sleep((idle_since + Duration::from_secs(12)).saturating_duration_since(Instant::now()));
    let open = idle
        .iter()
        .filter(|stream| {
            stream.set_nonblocking(true).unwrap();
            let mut buffer = [0u8; 64];
            let mut reader: &TcpStream = stream;
            matches!(reader.read(&mut buffer), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock)
        })
        .count();
    assert_eq!(open, 0, "idle connections still open 12 s after they were made");
    drop(idle);
    server.get("/").expect(200);
}

// ---------------------------------------------------------------------------------------------
// 9. Stopping

#[test]
fn sigterm_lets_the_submissions_in_flight_finish_and_says_how_many_results_dir_holds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    fs::create_dir(&dir).unwrap();
    let earlier = save_answers(&keyed(&answers(80)));
    fs::write(dir.join("earlier.txt"), &earlier).unwrap();
    let server = Server::start(&dir, &[]);
    let person = id(0x5e, 0);
    let review = Browser::with_id(&server, person.clone()).take_quiz(&answers(81));
    let origin = format!("http://{}", server.addr);
    let mut requests = vec![Request::form("/submit", &review.fields).cookie(Some(&person)).header("Origin", &origin)];
    requests.extend((2..5).map(|n| Request::post("/answers", keyed(&answers(80 + n))).cookie(Some(&id(0x5e, n)))));

    // Each sends all but the last bytes of its body; the server waits for the rest.
    let mut in_flight: Vec<(TcpStream, Vec<u8>)> = requests
        .iter()
        .map(|request| {
            let bytes = request.bytes(server.addr);
            let mut stream = server.connect().unwrap();
            stream.write_all(&bytes[..bytes.len() - 8]).unwrap();
            (stream, bytes[bytes.len() - 8..].to_vec())
        })
        .collect();
    // Connections with nothing in flight don't hold the stop up.
    let idle: Vec<TcpStream> = (0..10).map(|_| server.connect().unwrap()).collect();
    let mut kept = server.connect().unwrap();
    kept.write_all(&Request::get("/").header("Connection", "keep-alive").bytes(server.addr)).unwrap();
    assert_eq!(http::read_response(&mut kept).unwrap().status, 200);
    std::thread::sleep(Duration::from_millis(500));
    server.send_sigterm();

    // It stops accepting...
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.connect().is_ok() {
        assert!(Instant::now() < deadline, "still accepting 10 s after SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    }
    // ...but the requests it had finish.
    for (n, (stream, rest)) in in_flight.iter_mut().enumerate() {
        stream.write_all(rest).unwrap();
        let response = http::read_response(stream).unwrap_or_else(|e| panic!("request {n}: {e}"));
        assert_eq!(response.status, if n == 0 { 303 } else { 201 }, "request {n}: {}", response.text());
    }
    let answered = Instant::now();
    let stopped = server.wait();
    let took = answered.elapsed();
    assert!(took < Duration::from_secs(5), "stopped {took:?} after the last answer, idle connections open");
    drop((idle, kept));
    assert_eq!(stopped.code, Some(0), "{}", stopped.stderr);
    assert!(
        stopped.stderr.ends_with(&format!("mlcheck: stopped; results in {}: 5.\n", dir.display())),
        "{}",
        stopped.stderr
    );
    let saved = files(&dir);
    assert_eq!(saved.len(), 5, "{saved:?}");
    assert_eq!(saved["earlier.txt"], earlier);
    assert!(temp_files(&dir).is_empty());
}

#[test]
fn sigterm_right_after_the_urls_are_printed_still_stops_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    // A race shows only sometimes: ten tries.
    for attempt in 0..10 {
        let stopped = Server::start(tmp.path(), &[]).terminate();
        assert_eq!(stopped.code, Some(0), "attempt {attempt}: {}", stopped.stderr);
        assert!(stopped.stderr.contains("mlcheck: stopped; results in"), "attempt {attempt}: {}", stopped.stderr);
    }
}

// ---------------------------------------------------------------------------------------------
// 10. Load

/// How long a load may take at most, whatever happens.
const LOAD_BOUND: Duration = Duration::from_secs(120);

/// What a load of submissions got back.
#[derive(Default)]
struct Outcome {
    /// The participants acknowledged with 201.
    acked: Vec<usize>,
    /// How many of each other status.
    statuses: HashMap<u16, usize>,
    /// Requests that got no response (refused, reset).
    failed: usize,
}

/// Posts the answers file of each of `people` (participant `n` answering `answers(n)`, with
/// the cookie `id(tag, n)`) to `POST /answers`, from `threads` threads at once. Bounded: each
/// participant once, and nothing new is sent after `deadline`. `each` is called after every
/// acknowledgement with how many there are.
fn load(
    server: &Server,
    tag: u32,
    people: &[usize],
    threads: usize,
    deadline: Instant,
    each: &(dyn Fn(usize) + Sync),
) -> Outcome {
    let next = AtomicUsize::new(0);
    let acked_count = AtomicUsize::new(0);
    let outcome = Mutex::new(Outcome::default());
    let addr = server.addr;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let at = next.fetch_add(1, Ordering::Relaxed);
                if at >= people.len() || Instant::now() > deadline {
                    break;
                }
                let n = people[at];
                let request = Request::post("/answers", keyed(&answers(n))).cookie(Some(&id(tag, n)));
                let response = http::send(addr, &request);
                let mut outcome = outcome.lock().unwrap();
                match response {
                    Ok(r) if r.status == 201 => {
                        outcome.acked.push(n);
                        drop(outcome);
                        each(acked_count.fetch_add(1, Ordering::Relaxed) + 1);
                    }
                    Ok(r) => *outcome.statuses.entry(r.status).or_default() += 1,
                    Err(_) => outcome.failed += 1,
                }
            });
        }
    });
    outcome.into_inner().unwrap()
}

/// The `respondents` of `mlcheck report DIR --format json`, which must exit 0.
fn reported(dir: &Path) -> u64 {
    let out = Run::of(run(&["report", s(dir), "--format", "json", "--min-group", "3"]));
    assert_eq!(out.code, 0, "report reads every file:\n{}", out.stderr);
    json_of(&out)["respondents"].as_u64().unwrap()
}

/// The comment line `--save-answers` writes before the answers.
fn answers_header() -> String {
    let text = keyed(&answers(0));
    let saved = save_answers(&text);
    saved.strip_suffix(&text).expect("the answers after a header").to_string()
}

/// Checks that DIR holds exactly one file for each of `people`, each the answers that person
/// sent in the `--save-answers` form, and nothing else.
fn assert_holds_exactly(dir: &Path, people: &[usize]) {
    let saved = files(dir);
    let header = answers_header();
    let mut expected: Vec<String> = people.iter().map(|&n| format!("{header}{}", keyed(&answers(n)))).collect();
    let mut found: Vec<String> = saved.values().cloned().collect();
    expected.sort();
    found.sort();
    assert_eq!(found.len(), expected.len(), "one file a participant");
    assert!(found == expected, "every file holds the answers of one participant who sent them");
    for name in saved.keys() {
        assert_server_name(name);
    }
    // quiz --answers reads them (report read them all the same way).
    for name in saved.keys().take(3) {
        Run::of(run(&["quiz", "--quiet", "--answers", s(&dir.join(name))])).expect(0);
    }
}

#[test]
fn two_thousand_participants_over_a_hundred_connections_all_land_even_through_a_sigkill() {
    const PEOPLE: usize = 2000;
    const THREADS: usize = 100;
    let started = Instant::now();
    let deadline = started + LOAD_BOUND;
    let tmp = tempfile::tempdir().unwrap();
    let everyone: Vec<usize> = (0..PEOPLE).collect();

    // A steady load.
    let dir = tmp.path().join("steady");
    let server = Server::start(&dir, &[]);
    let outcome = load(&server, 0x10ad, &everyone, THREADS, deadline, &|_| {});
    let steady = started.elapsed();
    assert!(outcome.statuses.is_empty(), "only 201s: {:?}", outcome.statuses);
    assert_eq!(outcome.failed, 0);
    assert_eq!(outcome.acked.len(), PEOPLE);
    assert_holds_exactly(&dir, &everyone);
    assert_eq!(reported(&dir), PEOPLE as u64);
    let stopped = server.terminate();
    assert_eq!(stopped.code, Some(0));
    assert!(temp_files(&dir).is_empty());
    eprintln!("{PEOPLE} submissions over {THREADS} connections: {steady:?}");

    // The same, killed with SIGKILL halfway.
    let dir = tmp.path().join("killed");
    let server = Server::start(&dir, &[]);
    let pid = server.pid();
    let killed = std::sync::atomic::AtomicBool::new(false);
    let kill_at = |acked: usize| {
        if acked >= PEOPLE / 2 && !killed.swap(true, Ordering::SeqCst) {
            // SAFETY: sends SIGKILL to our own child, which `server` has not reaped yet.
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        }
    };
    let outcome = load(&server, 0xdead, &everyone, THREADS, deadline, &kill_at);
    let stopped = server.wait();
    assert_eq!(stopped.code, None, "killed by the signal");
    assert!(outcome.statuses.keys().all(|s| *s < 500), "no 5xx: {:?}", outcome.statuses);
    let acked = outcome.acked.len();
    assert!((PEOPLE / 2..PEOPLE).contains(&acked), "acknowledged before the kill: {acked}");
    let left = temp_files(&dir).len();
    let counted = reported(&dir);
    assert!(counted >= acked as u64, "report counts {counted}, fewer than the {acked} acknowledged");
    let saved = files(&dir);
    for &n in &outcome.acked {
        let text = keyed(&answers(n));
        assert_eq!(saved.values().filter(|t| t.ends_with(&text)).count(), 1, "participant {n} was acknowledged");
    }
    // What report sees (every file not hidden) is whole: a participant's answers, complete.
    let header = answers_header();
    let whole: std::collections::HashSet<String> =
        everyone.iter().map(|&n| format!("{header}{}", keyed(&answers(n)))).collect();
    let visible: Vec<(&String, &String)> = saved.iter().filter(|(name, _)| !name.starts_with('.')).collect();
    for (name, text) in &visible {
        assert_server_name(name);
        assert!(whole.contains(*text), "{name} is not whole:\n{text}");
    }
    assert_eq!(counted, visible.len() as u64);

    // Restarted on the same folder: the temporary files go, and everyone else gets in.
    let server = Server::start(&dir, &[]);
    assert!(temp_files(&dir).is_empty(), "temporary files left by the kill are cleared");
    let rest: Vec<usize> = everyone.iter().copied().filter(|n| !outcome.acked.contains(n)).collect();
    let second = load(&server, 0xdead, &rest, THREADS, deadline, &|_| {});
    assert!(second.statuses.is_empty() && second.failed == 0, "{:?}, {} failed", second.statuses, second.failed);
    assert_eq!(second.acked.len(), rest.len());
    assert_holds_exactly(&dir, &everyone);
    assert_eq!(reported(&dir), PEOPLE as u64);
    assert_eq!(server.terminate().code, Some(0));
    let took = started.elapsed();
    eprintln!(
        "killed after {acked} acknowledged ({counted} files then, {left} temporary); the whole test took {took:?}"
    );
    assert!(took < LOAD_BOUND, "took {took:?}");
}
