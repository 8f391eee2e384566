//! `mlcheck serve`: the room takes the quiz in a browser, each finished quiz lands in DIR as
//! an answers file, and the organizer's URL shows the live report. Over the same bank,
//! scoring and report renderer as the command line; it imports `base/`, `model/`, `group/`
//! and `render/`, never the terminal layer or a command.
//!
//! axum routes requests ([`routes`]) on a tokio runtime that only this command starts, so no
//! other command pays for it. Connections are accepted here and served by hyper's HTTP/1
//! builder, whose header-read timeout closes idle and slow clients (axum's own `serve`
//! never does), under a cap on open connections and a graceful shutdown on SIGINT or
//! SIGTERM that lets the submissions in flight finish.

pub mod flow;
pub mod pages;
pub mod qr;
pub mod routes;
pub mod storage;
pub mod tokens;

use std::io::{self, IsTerminal, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

use crate::base::lang::Lang;
use crate::base::sanitize;
use crate::group::gather;
use crate::model::bank::Bank;
use routes::App;
use storage::{Opened, Store};
use tokens::Keys;

/// The largest request body: an answers file is a few hundred bytes.
pub const BODY_LIMIT: usize = 64 * 1024;
/// How long a client has to send a request's headers, an idle connection included.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a client has between two pieces of a body.
const BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a whole request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The most connections open at once; one more is closed at once.
const MAX_CONNECTIONS: usize = 4096;
/// The accept queue: a room connecting at once must not overflow the default of 128.
const BACKLOG: u32 = 1024;
/// How long a shutdown waits for the requests in flight.
const DRAIN: Duration = Duration::from_secs(20);

/// What `mlcheck serve` was asked to do.
pub struct Settings {
    /// Where the answers land.
    pub dir: PathBuf,
    /// Where to listen.
    pub listen: SocketAddr,
    /// `--lang`: every page in this language.
    pub lang: Option<Lang>,
    /// `--min-group`.
    pub min_group: u64,
    /// `--max-results`.
    pub max_results: u64,
    /// `--no-qr`.
    pub no_qr: bool,
    /// Whether stderr takes colour (`--color`, `NO_COLOR`, `TERM=dumb`, as decided for every
    /// command): the terminal's QR code is then drawn black on white whatever its colours.
    pub colour: bool,
}

/// Why the server could not start.
#[derive(Debug)]
pub enum StartError {
    /// DIR can't be made or written.
    Dir { dir: String, reason: String },
    /// The address can't be listened on.
    Listen { addr: SocketAddr, reason: String },
    /// The runtime could not start.
    Runtime(String),
}

impl StartError {
    /// What went wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        crate::base::messages::sentence(self.words(lang))
    }

    /// The message before it is ended as a sentence.
    fn words(&self, lang: Lang) -> String {
        let ko = lang == Lang::Ko;
        match self {
            StartError::Dir { dir, reason } if ko => {
                let reason = crate::base::input::reason_in(reason, lang);
                format!("{dir} 폴더에 답을 쓸 수 없습니다: {reason}. 쓸 수 있는 폴더를 고르세요.")
            }
            StartError::Dir { dir, reason } => {
                format!("cannot write answers into {dir}: {reason}. Choose a folder you can write to.")
            }
            StartError::Listen { addr, reason } if ko => format!(
                "{addr}에서 기다릴 수 없습니다: {}. 다른 포트를 고르세요(--listen {}은 빈 포트를 고릅니다).",
                crate::base::input::reason_in(reason, lang),
                SocketAddr::new(addr.ip(), 0)
            ),
            StartError::Listen { addr, reason } => format!(
                "cannot listen on {addr}: {reason}. Choose another port (--listen {} picks a free one).",
                SocketAddr::new(addr.ip(), 0)
            ),
            StartError::Runtime(reason) => format!("cannot start the server: {reason}."),
        }
    }
}

/// Runs the server until SIGINT or SIGTERM. `bank` is validated, `lang` the language of the
/// terminal's lines.
pub fn run(bank: Bank, lang: Lang, settings: Settings) -> Result<(), StartError> {
    raise_open_files_limit();
    // Nothing the server renders may carry terminal colour.
    crate::render::plain_only();
    let dir_name = sanitize::escape(&settings.dir.display().to_string());
    let (store, opened) = Store::open(&settings.dir, settings.max_results)
        .map_err(|e| StartError::Dir { dir: dir_name.clone(), reason: crate::base::input::io_reason(&e) })?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(8)
        .build()
        .map_err(|e| StartError::Runtime(e.to_string()))?;
    runtime.block_on(async move {
        let listener = listen(settings.listen)
            .map_err(|e| StartError::Listen { addr: settings.listen, reason: crate::base::input::io_reason(&e) })?;
        let local = listener.local_addr().map_err(|e| StartError::Runtime(e.to_string()))?;
        // Caught from before the URLs are printed: a SIGTERM right after them still stops
        // the server cleanly rather than killing it.
        let stop = stop_signal();
        let keys = Keys::generate();
        // An IPv6 host in brackets, as SocketAddr writes it.
        let participant_url = format!("http://{}/", SocketAddr::new(url_host(local.ip()), local.port()));
        let organizer_url = format!("{participant_url}o/{}/", keys.organizer());
        announce(lang, &settings, &dir_name, opened, local, &participant_url, &organizer_url);
        let app = Arc::new(App {
            bank,
            fixed_lang: settings.lang,
            min_group: settings.min_group,
            store,
            keys,
            join: qr::Code::new(&participant_url),
        });
        serve(listener, Arc::clone(&app), stop).await;
        let held = held(&app.bank, lang, app.store.dir());
        let msg = crate::base::messages::serve_terminal(lang);
        eprintln!("mlcheck: {}", msg.stopped.replace("{dir}", &dir_name).replace("{n}", &crate::render::count(held)));
        Ok(())
    })
}

/// How many valid results DIR holds.
fn held(bank: &Bank, lang: Lang, dir: &Path) -> u64 {
    gather::gather(bank, lang, &[dir.to_path_buf()], &mut |_| {}).results
}

/// The lines that start a session: the two URLs on stdout, the participant one first; on
/// stderr, whether DIR was made, who can reach what on a network address, and the QR code
/// of the participant URL with the advice to project the browser's join view.
fn announce(
    lang: Lang,
    settings: &Settings,
    dir: &str,
    opened: Opened,
    local: SocketAddr,
    participant_url: &str,
    organizer_url: &str,
) {
    let msg = crate::base::messages::serve_terminal(lang);
    let mut err = io::stderr().lock();
    if opened == Opened::Made {
        let _ = writeln!(err, "mlcheck: {}", msg.made_dir.replace("{dir}", dir));
    }
    if !local.ip().is_loopback() {
        let _ = writeln!(err, "mlcheck: {}", msg.network.replace("{addr}", &local.to_string()));
    }
    let mut out = io::stdout().lock();
    let _ = writeln!(out, "{participant_url}");
    let _ = writeln!(out, "{organizer_url}");
    let _ = out.flush();
    if !settings.no_qr && io::stdout().is_terminal() && io::stderr().is_terminal() {
        let _ = write!(err, "{}", qr::terminal(participant_url, settings.colour));
    }
    let _ = writeln!(err, "mlcheck: {}", msg.project.replace("{join}", &format!("{organizer_url}?join")));
    let _ = writeln!(err, "mlcheck: {}", msg.stop);
}

/// The host of the URLs: the address listened on, or, for every address (0.0.0.0, ::), this
/// machine's first address on a network, so phones in the room can reach it.
fn url_host(ip: IpAddr) -> IpAddr {
    if !ip.is_unspecified() {
        return ip;
    }
    network_address(ip.is_ipv6()).unwrap_or(if ip.is_ipv6() {
        IpAddr::V6(Ipv6Addr::LOCALHOST)
    } else {
        IpAddr::V4(Ipv4Addr::LOCALHOST)
    })
}

/// The first address of an interface that is up and not loopback, IPv4 unless `v6`.
#[cfg(unix)]
fn network_address(v6: bool) -> Option<IpAddr> {
    let mut found = None;
    // SAFETY: getifaddrs fills a list that freeifaddrs frees; it is only read in between.
    unsafe {
        let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
        if libc::getifaddrs(&mut list) != 0 {
            return None;
        }
        let mut at = list;
        while !at.is_null() && found.is_none() {
            let entry = &*at;
            let up = entry.ifa_flags & (libc::IFF_UP as u32) != 0;
            let loopback = entry.ifa_flags & (libc::IFF_LOOPBACK as u32) != 0;
            if up && !loopback && !entry.ifa_addr.is_null() {
                let family = i32::from((*entry.ifa_addr).sa_family);
                if family == libc::AF_INET && !v6 {
                    let addr = &*(entry.ifa_addr as *const libc::sockaddr_in);
                    found = Some(IpAddr::V4(Ipv4Addr::from(u32::from_be(addr.sin_addr.s_addr))));
                } else if family == libc::AF_INET6 && v6 {
                    let addr = &*(entry.ifa_addr as *const libc::sockaddr_in6);
                    let ip = Ipv6Addr::from(addr.sin6_addr.s6_addr);
                    // A link-local address needs a zone the URL can't carry.
                    if ip.segments()[0] & 0xffc0 != 0xfe80 {
                        found = Some(IpAddr::V6(ip));
                    }
                }
            }
            at = entry.ifa_next;
        }
        libc::freeifaddrs(list);
    }
    found
}

#[cfg(not(unix))]
fn network_address(_v6: bool) -> Option<IpAddr> {
    None
}

/// Raises the soft limit of open files to the hard one, so a room's connections fit.
fn raise_open_files_limit() {
    #[cfg(unix)]
    // SAFETY: getrlimit and setrlimit read and write the struct given, nothing else.
    unsafe {
        let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// A listening socket with a deep accept queue, reusing the address right after a stop.
fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = if addr.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

/// Catches SIGINT and SIGTERM from now on; the future resolves at the first of them. (Must
/// be called on the runtime.)
fn stop_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let signals = (signal(SignalKind::interrupt()), signal(SignalKind::terminate()));
        async move {
            match signals {
                (Ok(mut int), Ok(mut term)) => {
                    tokio::select! {
                        _ = int.recv() => {}
                        _ = term.recv() => {}
                    }
                }
                _ => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

/// Accepts connections until a stop signal, then lets the requests in flight finish.
async fn serve(listener: TcpListener, app: Arc<App>, stop: impl std::future::Future<Output = ()>) {
    let too_large_app = Arc::clone(&app);
    // The headers go on outside the limits: the body limit and the timeouts answer by
    // themselves, and their responses must carry them too.
    let router = routes::router(app)
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(RequestBodyTimeoutLayer::new(BODY_TIMEOUT))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(axum::middleware::from_fn(move |request: Request, next: Next| {
            let app = Arc::clone(&too_large_app);
            async move {
                // Every body over the limit, refused by the limit layer or by a handler's
                // extractor, gets one answer: a page in the request's language, or for a
                // script posting to /answers, the message as text.
                let (lang, script) = routes::asked_by(&app, &request);
                let response = next.run(request).await;
                let response = match response.status() {
                    StatusCode::PAYLOAD_TOO_LARGE => routes::too_large(&app, lang, script),
                    _ => response,
                };
                routes::headers(response)
            }
        }));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(HEADER_TIMEOUT).keep_alive(true);
    let graceful = GracefulShutdown::new();
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let mut stop = pin!(stop);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            _ = &mut stop => break,
        };
        let Ok(permit) = Arc::clone(&connections).try_acquire_owned() else {
            continue; // Over the cap: dropped, so closed at once.
        };
        let _ = stream.set_nodelay(true);
        let connection =
            graceful.watch(http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(router.clone())));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        _ = graceful.shutdown() => {}
        _ = tokio::time::sleep(DRAIN) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_errors_in_korean_give_the_reason_in_korean() {
        let addr: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        let busy = StartError::Listen { addr, reason: "Address already in use".into() };
        let text = busy.message(Lang::Ko);
        assert!(text.contains("다른 프로그램이 이미 쓰고 있습니다") && !text.contains("Address"), "{text}");
        assert!(busy.message(Lang::En).contains("Address already in use"));
        let file = StartError::Dir { dir: "answers.txt".into(), reason: "Not a directory".into() };
        let text = file.message(Lang::Ko);
        assert!(text.contains("폴더가 아닙니다") && !text.contains("Not a"), "{text}");
        let missing = StartError::Dir { dir: "/proc/x".into(), reason: "no such file or directory".into() };
        assert!(missing.message(Lang::Ko).contains("파일이나 폴더가 없습니다"));
    }
}
