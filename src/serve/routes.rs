//! What each URL does. The participant's side (`/`, `/quiz`, `/submit`, `/result`, the two
//! downloads, and `POST /answers` for scripts) and the organizer's (`/o/SECRET/`), over one
//! shared [`App`]. Every response gets the same security headers ([`headers`]); a wrong
//! organizer secret gets the same 404 page as a path that doesn't exist.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};

use super::flow::{self, Progress, EDIT_FIELD, LANG_FIELD, SAVED_FIELD, TOKEN_FIELD};
use super::pages::{self, Page};
use super::qr::Code;
use super::storage::{SaveError, Store};
use super::tokens::{Keys, ParticipantId, TokenError};
use super::BODY_LIMIT;
use crate::base::input;
use crate::base::lang::Lang;
use crate::base::messages;
use crate::error::Error;
use crate::group::aggregate::{Report, Tally};
use crate::group::gather::{self, Event};
use crate::model::answers::{self, Answers};
use crate::model::bank::Bank;
use crate::model::{flips, scoring};
use crate::render::{self, View};

/// A form's fields, in order, as the browser sent them.
type Fields = Vec<(String, String)>;

/// The cookie that keeps a browser's participant id.
const COOKIE: &str = "mlcheck_id";

/// Everything the handlers share.
pub struct App {
    /// The bank in use.
    pub bank: Bank,
    /// `--lang`, which fixes every page's language.
    pub fixed_lang: Option<Lang>,
    /// `--min-group`.
    pub min_group: u64,
    /// DIR and its writer.
    pub store: Store,
    /// The secrets of this run.
    pub keys: Keys,
    /// The participant URL and its QR code, as the join view and the banner show them.
    pub join: Code,
}

/// The routes over `app`.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(quiz))
        .route("/quiz", get(quiz))
        .route("/submit", post(submit))
        .route("/result", get(result))
        .route("/answers.txt", get(answers_file))
        .route("/result.json", get(result_json))
        .route("/answers", post(post_answers))
        .route("/o/{secret}", get(organizer))
        .route("/o/{secret}/", get(organizer))
        .fallback(not_found)
        .with_state(app)
}

/// The headers of every response: no script and no external resource, no sniffing, no
/// referrer at all (a page's address holds the answers), no framing, nothing cached. Under
/// `no-referrer` a browser sends `Origin: null` with its own form's POST; [`cross_site`]
/// goes by `Sec-Fetch-Site` first, which says `same-origin` then.
pub fn headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    let set = |h: &mut HeaderMap, name: header::HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::CACHE_CONTROL, "no-store");
    response
}

/// The language of a page: `--lang`, else the reader's choice (`_lang`), else the browser's
/// Accept-Language, else English; always one the bank has. Also whether the reader chose it.
fn language(app: &App, headers: &HeaderMap, fields: &[(String, String)]) -> (Lang, bool) {
    let has = |l: &Lang| app.bank.languages.contains(l);
    if let Some(lang) = app.fixed_lang {
        return (lang, false);
    }
    let chosen = fields.iter().find(|(k, _)| k == LANG_FIELD).and_then(|(_, v)| Lang::from_code(v)).filter(has);
    if let Some(lang) = chosen {
        return (lang, true);
    }
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    (preferred(accept).into_iter().find(has).unwrap_or_else(|| app.bank.languages[0]), false)
}

/// The languages of an Accept-Language header that mlcheck speaks, most wanted first (by
/// `q`, then by order), English last when it isn't named.
fn preferred(accept: &str) -> Vec<Lang> {
    let mut wanted: Vec<(f32, usize, Lang)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let primary = tag.split('-').next()?.to_ascii_lowercase();
            let lang = Lang::from_code(&primary)?;
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0).then_some((q, i, lang))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<Lang> = Vec::new();
    for (_, _, lang) in wanted {
        if !out.contains(&lang) {
            out.push(lang);
        }
    }
    if !out.contains(&Lang::En) {
        out.push(Lang::En);
    }
    out
}

fn page<'a>(app: &'a App, lang: Lang) -> Page<'a> {
    Page { bank: &app.bank, lang, switchable: app.fixed_lang.is_none() && app.bank.languages.len() > 1 }
}

/// The participant id in the request's cookie, if it holds a well-formed one.
fn cookie_id(headers: &HeaderMap) -> Option<ParticipantId> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, value)| ParticipantId::from_hex(value.trim()))
}

/// The browser's participant id, and the header that gives it one when it had none.
fn participant(headers: &HeaderMap) -> (ParticipantId, Option<HeaderValue>) {
    match cookie_id(headers) {
        Some(id) => (id, None),
        None => {
            let id = ParticipantId::fresh();
            // A year: the same browser is the same person before and after a session.
            let cookie = format!("{COOKIE}={id}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly");
            (id, HeaderValue::from_str(&cookie).ok())
        }
    }
}

/// An HTML page with `status`, and the participant cookie when it is new.
fn html(status: StatusCode, body: String, cookie: Option<HeaderValue>) -> Response {
    let mut response = (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response();
    if let Some(cookie) = cookie {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

/// Whether a POST comes from another site. A browser says where a request comes from in
/// `Sec-Fetch-Site`, which wins: `same-origin` (or `none`, typed by the user) is let
/// through even with `Origin: null`, which `Referrer-Policy: no-referrer` makes a browser
/// send with its own forms. Without it (an older browser), an Origin naming another host is
/// refused. Scripts send neither and are let through; a browser's cross-site post would
/// also lack the participant's cookie (SameSite=Lax) and so fail its token.
fn cross_site(headers: &HeaderMap) -> bool {
    let text = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    match text(header::HeaderName::from_static("sec-fetch-site")) {
        Some("same-origin" | "none") => return false,
        Some(_) => return true,
        None => {}
    }
    match (text(header::ORIGIN), text(header::HOST)) {
        (None | Some("null"), _) => false,
        (Some(origin), Some(host)) => origin.split_once("://").map(|(_, rest)| rest) != Some(host),
        (Some(_), None) => true,
    }
}

fn fields_of(query: Result<Query<Vec<(String, String)>>, QueryRejection>) -> Option<Vec<(String, String)>> {
    query.ok().map(|Query(fields)| fields)
}

/// `GET /` and `/quiz`: the next question, the question asked for again (`_edit`), or, with
/// every question answered, the answers to check and send.
async fn quiz(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let (id, cookie) = participant(&headers);
    let fields = fields_of(query).unwrap_or_default();
    let (lang, chosen) = language(&app, &headers, &fields);
    let p = page(&app, lang);
    let progress = match Progress::from_fields(&app.bank, &fields) {
        Ok(progress) => progress,
        Err(e) => return html(StatusCode::BAD_REQUEST, pages::error(&p, &e.message(lang)), cookie),
    };
    let edit = fields.iter().find(|(k, _)| k == EDIT_FIELD).and_then(|(_, id)| app.bank.question_index(id));
    // A full session says so before the first question, not after the last one.
    if progress.answered() == 0 && !app.store.takes(&Store::name_for(&id)) {
        return html(StatusCode::SERVICE_UNAVAILABLE, pages::error(&p, &full(&app, lang)), cookie);
    }
    let body = match edit.or_else(|| progress.next()) {
        Some(q) => pages::question(&p, &progress, q, chosen),
        None => {
            let answers = progress.complete(&app.bank).expect("no question left without an answer");
            pages::review(&p, &answers, &app.keys.token(&id), chosen)
        }
    };
    html(StatusCode::OK, body, cookie)
}

/// Why `fields` are not every answer, in the words `quiz --answers` uses (a missing answer as
/// a file's missing line), and the answers so far when they are only incomplete.
struct Incomplete {
    message: String,
    so_far: Option<Progress>,
}

impl Incomplete {
    /// The error page: for answers that are only incomplete, with a link that goes on with
    /// the quiz from them.
    fn page(&self, p: &Page, lang_chosen: bool) -> String {
        match &self.so_far {
            Some(progress) => pages::incomplete(p, &self.message, progress, lang_chosen),
            None => pages::error(p, &self.message),
        }
    }
}

/// Every answer from `fields`, or what is wrong with them.
fn complete(app: &App, p: &Page, fields: &[(String, String)]) -> Result<Answers, Incomplete> {
    let progress = Progress::from_fields(&app.bank, fields)
        .map_err(|e| Incomplete { message: e.message(p.lang), so_far: None })?;
    if progress.answered() == 0 {
        return Err(Incomplete { message: messages::serve(p.lang).no_answers.to_string(), so_far: None });
    }
    // A missing answer is said as `quiz --answers` says a file's missing line.
    progress.complete(&app.bank).map_err(|e| Incomplete { message: e.message(p.lang), so_far: Some(progress.clone()) })
}

/// `POST /submit`: the form that sends the answers. Checked (same site, a token of this run
/// for this browser, not sent before, every answer valid, room left), saved durably, then
/// the browser is sent to its result (POST, redirect, GET: a reload sends nothing again).
async fn submit(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let cookie = cookie_id(&headers);
    let fields = match form {
        Ok(Form(fields)) => fields,
        Err(rejection) => {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                // The page is made where every 413 gets it (see `too_large`).
                return rejection.into_response();
            }
            let (lang, _) = language(&app, &headers, &[]);
            let p = page(&app, lang);
            return html(StatusCode::BAD_REQUEST, pages::error(&p, messages::serve(lang).no_answers), None);
        }
    };
    let (lang, chosen) = language(&app, &headers, &fields);
    let p = page(&app, lang);
    let msg = messages::serve(lang);
    let fail = |status, message: &str| html(status, pages::error(&p, message), None);
    if cross_site(&headers) {
        return fail(StatusCode::FORBIDDEN, msg.cross_site);
    }
    let answers = match complete(&app, &p, &fields) {
        Ok(answers) => answers,
        Err(incomplete) => return html(StatusCode::UNPROCESSABLE_ENTITY, incomplete.page(&p, chosen), None),
    };
    let token = fields.iter().find(|(k, _)| k == TOKEN_FIELD).map(|(_, v)| v.as_str()).unwrap_or("");
    // The answers are whole: the page keeps them, so a double tap or a restarted server
    // doesn't send anyone back to the first question.
    let refused = |status, message: &str, to_result| {
        html(status, pages::token_error(&p, message, &answers, to_result, chosen), None)
    };
    let id = match app.keys.redeem(token, cookie.as_ref()) {
        Ok(id) => id,
        Err(TokenError::Used) => return refused(StatusCode::CONFLICT, msg.posted_twice, true),
        Err(TokenError::Foreign) => return refused(StatusCode::FORBIDDEN, msg.foreign, false),
        Err(TokenError::Stale) => return refused(StatusCode::FORBIDDEN, msg.stale, false),
    };
    let text = answers.to_keyed(&app.bank);
    match app.store.save(&Store::name_for(&id), text.clone()).await {
        Ok(()) => {
            let mut to = Progress::of(&answers).fields(&app.bank, None);
            to.push((SAVED_FIELD, "1"));
            if chosen {
                to.push((LANG_FIELD, lang.code()));
            }
            Redirect::to(&format!("/result?{}", flow::query(&to))).into_response()
        }
        Err(error) => {
            app.keys.release(token);
            saving_failed(&app, &p, &answers, chosen, error, &text)
        }
    }
}

/// The page (and status) for a submission that could not be saved: full, or the disk failed,
/// with the answers file text so nothing is lost, and a link back to the answers to send
/// them again once the organizer has seen to it.
fn saving_failed(app: &App, p: &Page, answers: &Answers, lang_chosen: bool, error: SaveError, text: &str) -> Response {
    let (status, message) = not_saved(app, p.lang, error);
    html(status, pages::not_saved(p, &message, text, answers, lang_chosen), None)
}

/// Why a result was not saved, and the status that says it, for the form and for scripts.
fn not_saved(app: &App, lang: Lang, error: SaveError) -> (StatusCode, String) {
    match error {
        SaveError::Full => (StatusCode::SERVICE_UNAVAILABLE, full(app, lang)),
        SaveError::Io(e) => {
            let reason = input::reason_in(&input::io_reason(&e), lang);
            (StatusCode::INTERNAL_SERVER_ERROR, messages::serve(lang).save_failed.replace("{reason}", &reason))
        }
    }
}

/// What a participant past `--max-results` is told: "1 result", "2 results".
fn full(app: &App, lang: Lang) -> String {
    render::counted(messages::serve(lang).full, app.store.max())
}

/// A plain-text answer, for scripts and the organizer's formats: `text` and a newline.
fn plain(status: StatusCode, text: String) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text + "\n").into_response()
}

/// The language of `request`'s answer, and whether it comes from a script (`POST /answers`,
/// which is answered in text): for answers made after the request is gone.
pub fn asked_by(app: &App, request: &axum::extract::Request) -> (Lang, bool) {
    let (lang, _) = language(app, request.headers(), &[]);
    (lang, request.uri().path() == "/answers")
}

/// The answer to a body over [`BODY_LIMIT`]: the page, or for a script the message as text.
pub fn too_large(app: &App, lang: Lang, script: bool) -> Response {
    let message = messages::serve(lang).too_large.replace("{limit}", &format!("{} KiB", BODY_LIMIT / 1024));
    match script {
        true => plain(StatusCode::PAYLOAD_TOO_LARGE, message),
        false => html(StatusCode::PAYLOAD_TOO_LARGE, pages::error(&page(app, lang), &message), None),
    }
}

/// A finished quiz's URL: its answers, its fields, and the language of its pages (`chosen`
/// with the page's switch).
struct Finished {
    answers: Answers,
    fields: Fields,
    lang: Lang,
    chosen: bool,
}

/// The answers of a finished quiz's URL, or the error page.
fn finished(
    app: &App,
    headers: &HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Finished, Box<Response>> {
    let fields = fields_of(query).unwrap_or_default();
    let (lang, chosen) = language(app, headers, &fields);
    let p = page(app, lang);
    match complete(app, &p, &fields) {
        Ok(answers) => Ok(Finished { answers, fields, lang, chosen }),
        Err(incomplete) => Err(Box::new(html(StatusCode::UNPROCESSABLE_ENTITY, incomplete.page(&p, chosen), None))),
    }
}

/// `GET /result`: the result of the answers in the URL (a reload recomputes it, saves nothing).
async fn result(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let Finished { answers, fields, lang, chosen } = match finished(&app, &headers, query) {
        Ok(found) => found,
        Err(page) => return *page,
    };
    let saved = fields.iter().any(|(k, v)| k == SAVED_FIELD && v == "1");
    let score = scoring::score(&app.bank, &answers);
    let found = flips::find(&app.bank, answers.choices());
    html(StatusCode::OK, pages::result(&page(&app, lang), &answers, &score, &found, saved, chosen), None)
}

fn download(content_type: &'static str, name: &'static str, body: String) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CONTENT_DISPOSITION, name)], body).into_response()
}

/// `GET /answers.txt`: the answers file, exactly as `--save-answers` writes it.
async fn answers_file(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    match finished(&app, &headers, query) {
        Ok(found) => download(
            "text/plain; charset=utf-8",
            "attachment; filename=\"mlcheck-answers.txt\"",
            found.answers.to_keyed(&app.bank),
        ),
        Err(page) => *page,
    }
}

/// The result as `quiz --format json` prints it.
fn json(app: &App, lang: Lang, answers: &Answers) -> String {
    let score = scoring::score(&app.bank, answers);
    let found = flips::find(&app.bank, answers.choices());
    let view = View { bank: &app.bank, lang, width: 80 };
    let mut out = Vec::new();
    // Writing into memory can't fail.
    let _ = render::json::result(&mut out, &view, answers, &score, &found);
    String::from_utf8(out).unwrap_or_default()
}

/// `GET /result.json`: the result as `quiz --format json` prints it.
async fn result_json(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    match finished(&app, &headers, query) {
        Ok(found) => download(
            "application/json",
            "attachment; filename=\"mlcheck-result.json\"",
            json(&app, found.lang, &found.answers),
        ),
        Err(page) => *page,
    }
}

/// `POST /answers`: an answers file (the `--answers` text) from a script or a web form. 201
/// with the result as `quiz --format json` prints it, the file written as the form writes
/// it; 422 with `quiz --answers`'s message for a bad file, nothing written.
async fn post_answers(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
    body: Bytes,
) -> Response {
    let fields = fields_of(query).unwrap_or_default();
    let (lang, _) = language(&app, &headers, &fields);
    if cross_site(&headers) {
        return plain(StatusCode::FORBIDDEN, messages::serve(lang).cross_site.to_string());
    }
    let name = "<body>";
    let text = match input::decode(body.to_vec(), name) {
        Ok(text) => text,
        Err(e) => return plain(StatusCode::UNPROCESSABLE_ENTITY, e.message(lang)),
    };
    let answers = match answers::resolve(&app.bank, &answers::parse(&text), None) {
        Ok(answers) => answers,
        Err(e) => return plain(StatusCode::UNPROCESSABLE_ENTITY, e.located(name, lang)),
    };
    let (id, cookie) = participant(&headers);
    let keyed = answers.to_keyed(&app.bank);
    if let Err(error) = app.store.save(&Store::name_for(&id), keyed.clone()).await {
        let (status, message) = not_saved(&app, lang, error);
        return plain(status, format!("{message}\n{keyed}"));
    }
    let mut response =
        (StatusCode::CREATED, [(header::CONTENT_TYPE, "application/json")], json(&app, lang, &answers)).into_response();
    if let Some(cookie) = cookie {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

/// What DIR holds now: the counts of every valid result, how many were left out, quietly
/// (the errors would go to the organizer's terminal at every refresh).
fn gather_dir(app: &App, lang: Lang) -> (Tally, gather::Summary) {
    let mut tally = Tally::new(&app.bank);
    let summary = gather::gather(&app.bank, lang, &[app.store.dir().to_path_buf()], &mut |event| {
        if let Event::Result(found) = event {
            tally.add(found.answers, found.score);
        }
    });
    (tally, summary)
}

/// A `?format=` of the organizer URL: what `mlcheck report DIR --format ...` prints.
#[derive(Clone, Copy)]
enum Format {
    Json,
    Csv,
    Markdown,
    Text,
    Html,
}

impl Format {
    fn parse(asked: &str) -> Option<Format> {
        Some(match asked.to_ascii_lowercase().as_str() {
            "json" => Format::Json,
            "csv" => Format::Csv,
            "markdown" | "md" => Format::Markdown,
            "text" => Format::Text,
            "html" => Format::Html,
            _ => return None,
        })
    }
}

/// `GET /o/SECRET/`: the live report for the projector, `?format=` for what `mlcheck report
/// DIR --format ...` prints now, `?join` for the join view. Without the right secret, the
/// 404 page of any path that doesn't exist.
async fn organizer(
    State(app): State<Arc<App>>,
    Path(secret): Path<String>,
    headers: HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let fields = fields_of(query).unwrap_or_default();
    let (lang, _) = language(&app, &headers, &fields);
    if !app.keys.is_organizer(&secret) {
        return html(StatusCode::NOT_FOUND, pages::not_found(&page(&app, lang)), None);
    }
    let format = match fields.iter().find(|(k, _)| k == "format") {
        None => None,
        Some((_, asked)) => match Format::parse(asked) {
            Some(format) => Some(format),
            // A mistyped format is said to be one at any count, before DIR is read. What the
            // URL held is shown with its controls escaped: it comes from the client.
            None => {
                let asked = crate::base::sanitize::escape(asked);
                return plain(StatusCode::NOT_FOUND, messages::serve(lang).unknown_format.replace("{format}", &asked));
            }
        },
    };
    let join = fields.iter().any(|(k, _)| k == "join");
    let worker = Arc::clone(&app);
    // Reading DIR is blocking work: off the runtime's threads.
    let built = tokio::task::spawn_blocking(move || live(&worker, lang, format, join)).await;
    built.unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// The organizer's page or report, from DIR as it is now.
fn live(app: &App, lang: Lang, format: Option<Format>, join: bool) -> Response {
    let p = page(app, lang);
    let (tally, summary) = gather_dir(app, lang);
    if join {
        return html(StatusCode::OK, pages::join(&p, &app.join, summary.results), None);
    }
    let view = View { bank: &app.bank, lang, width: 80 };
    // No report below --min-group, for the reason `report` gives.
    let report = match Error::no_report(&summary, app.min_group) {
        None => Ok(Report::new(tally, summary.left_out, app.min_group)),
        Some(refusal) => Err(refusal),
    };
    let Some(format) = format else {
        let banner = pages::banner(&p, &app.join, summary.results);
        return match report {
            Err(_) => html(StatusCode::OK, pages::waiting(&p, banner, summary.results, app.min_group), None),
            Ok(report) => {
                let head = pages::live_head();
                let banner = banner.into_string();
                let extras = render::html::Extras { head: &head, banner: &banner };
                html(StatusCode::OK, render::report::html::page(&view, &report, extras), None)
            }
        };
    };
    let report = match report {
        Ok(report) => report,
        // As `report` says it, on stderr, when it prints no report.
        Err(refusal) => return plain(StatusCode::CONFLICT, format!("mlcheck: {}", refusal.message(lang))),
    };
    let mut out = Vec::new();
    let (content_type, written) = match format {
        Format::Json => ("application/json", render::report::json::report(&mut out, &view, &report)),
        Format::Csv => ("text/csv; charset=utf-8", render::report::csv::report(&mut out, &view, &report)),
        Format::Markdown => {
            ("text/markdown; charset=utf-8", render::report::markdown::report(&mut out, &view, &report))
        }
        Format::Text => ("text/plain; charset=utf-8", render::report::text::report(&mut out, &view, &report)),
        Format::Html => ("text/html; charset=utf-8", render::report::html::report(&mut out, &view, &report)),
    };
    match written {
        Ok(()) => ([(header::CONTENT_TYPE, content_type)], out).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Any other path.
async fn not_found(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    let (lang, _) = language(&app, &headers, &[]);
    html(StatusCode::NOT_FOUND, pages::not_found(&page(&app, lang)), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_korean_only_when_it_is_preferred() {
        assert_eq!(preferred("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7"), [Lang::Ko, Lang::En]);
        assert_eq!(preferred("en-US,en;q=0.9,ko;q=0.8"), [Lang::En, Lang::Ko]);
        assert_eq!(preferred("fr-FR, ko;q=0.5"), [Lang::Ko, Lang::En]);
        assert_eq!(preferred("en;q=0.4, ko;q=0.6"), [Lang::Ko, Lang::En]);
        assert_eq!(preferred("ko;q=0"), [Lang::En]);
        assert_eq!(preferred(""), [Lang::En]);
        assert_eq!(preferred("*"), [Lang::En]);
    }

    #[test]
    fn a_post_from_another_site_is_told_apart_from_a_script() {
        let headers = |pairs: &[(&str, &str)]| {
            let mut h = HeaderMap::new();
            for (k, v) in pairs {
                h.insert(header::HeaderName::from_bytes(k.as_bytes()).unwrap(), HeaderValue::from_str(v).unwrap());
            }
            h
        };
        assert!(!cross_site(&headers(&[])), "curl");
        assert!(!cross_site(&headers(&[("host", "127.0.0.1:8080"), ("origin", "http://127.0.0.1:8080")])));
        assert!(cross_site(&headers(&[("host", "127.0.0.1:8080"), ("origin", "http://evil.example")])));
        assert!(cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(cross_site(&headers(&[("sec-fetch-site", "same-site"), ("origin", "http://127.0.0.1:8080")])));
        assert!(!cross_site(&headers(&[("sec-fetch-site", "same-origin")])));
        // What Chromium sends with the page's own form under Referrer-Policy: no-referrer.
        let own = [("host", "127.0.0.1:8080"), ("origin", "null"), ("sec-fetch-site", "same-origin")];
        assert!(!cross_site(&headers(&own)));
        assert!(cross_site(&headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "null"),
            ("sec-fetch-site", "cross-site")
        ])));
    }

    #[test]
    fn a_cookie_gives_the_id_only_when_well_formed() {
        let id = ParticipantId::fresh();
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_str(&format!("a=b; {COOKIE}={id}; c=d")).unwrap());
        assert_eq!(cookie_id(&h), Some(id));
        h.insert(header::COOKIE, HeaderValue::from_static("mlcheck_id=../../x"));
        assert_eq!(cookie_id(&h), None);
        let (_, set) = participant(&h);
        let set = set.unwrap();
        assert!(set.to_str().unwrap().contains("HttpOnly") && set.to_str().unwrap().contains("SameSite=Lax"));
    }
}
