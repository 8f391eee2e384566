//! A bounded load generator for `mlcheck serve`, and the floors its figures are read against;
//! `scripts/bench.sh` runs it. Standard library only, so it builds wherever mlcheck does and
//! needs no program beyond the Rust toolchain.
//!
//! ```text
//! serve_load post URL BODY-FILE N CONNECTIONS SECONDS [LATENCIES]   # N POSTs of BODY-FILE, one participant each
//! serve_load get URL N CONNECTIONS SECONDS [LATENCIES]              # N GETs of URL (HTTP without the disk)
//! serve_load writes DIR BODY-FILE N BATCH               # N durable files written as the server does, no HTTP
//! ```
//!
//! `post` and `get` keep CONNECTIONS keep-alive connections busy (closed loop: each sends its
//! next request when the last answer is read) until N requests were sent or SECONDS passed,
//! whichever comes first; each request is timed from its first byte sent to its last byte read.
//! Every POST carries its own `Cookie: mlcheck_id=<32 hex digits>`, so each is a distinct
//! participant and lands in its own file. Only loopback addresses are accepted: this is a tool
//! to measure a server on this machine, never to load another.
//!
//! `writes` is the floor of durable submissions: the steps of `src/serve/storage.rs` (a hidden
//! temporary file written and flushed, renamed, the folder flushed once a batch), in one thread,
//! with nothing of HTTP, parsing or scoring.
//!
//! The result is one line of `key=value` pairs on stdout (rates per second, times in ms);
//! LATENCIES, when given, is a file to write every answered request's latency to, in
//! microseconds, one a line, so latencies can be pooled over several runs.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How long one read, write or connect may block before the request counts as failed.
const IO_TIMEOUT: Duration = Duration::from_secs(10);
/// Upper bounds, whatever the command line asks: the load stays bounded in count and time.
const MAX_REQUESTS: usize = 1_000_000;
const MAX_CONNECTIONS: usize = 1_000;
const MAX_SECONDS: u64 = 600;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args.iter().map(String::as_str).collect::<Vec<_>>()) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("serve_load: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[&str]) -> Result<String, String> {
    let read = |path: &str| fs::read(path).map_err(|e| format!("cannot read {path}: {e}"));
    match *args {
        ["post", url, body, n, conns, secs, ref latencies @ ..] if latencies.len() <= 1 => {
            let (n, conns) = (number(n, MAX_REQUESTS)?, number(conns, MAX_CONNECTIONS)?);
            load(Method::Post(read(body)?), url, n, conns, secs, latencies.first().copied())
        }
        ["get", url, n, conns, secs, ref latencies @ ..] if latencies.len() <= 1 => {
            let (n, conns) = (number(n, MAX_REQUESTS)?, number(conns, MAX_CONNECTIONS)?);
            load(Method::Get, url, n, conns, secs, latencies.first().copied())
        }
        ["writes", dir, body, n, batch] => {
            writes(Path::new(dir), &read(body)?, number(n, MAX_REQUESTS)?, number(batch, 10_000)?)
        }
        _ => Err("usage: serve_load post URL BODY-FILE N CONNECTIONS SECONDS [LATENCIES] \
                  | get URL N CONNECTIONS SECONDS [LATENCIES] | writes DIR BODY-FILE N BATCH"
            .into()),
    }
}

fn number(text: &str, max: usize) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(format!("'{text}' is not a number from 1 to {max}")),
    }
}

enum Method {
    Get,
    Post(Vec<u8>),
}

/// `http://HOST:PORT/PATH` with HOST a loopback IP address → the address and the path.
fn parse_url(url: &str) -> Result<(SocketAddr, String), String> {
    let rest = url.strip_prefix("http://").ok_or_else(|| format!("{url}: only http:// URLs"))?;
    let (authority, path) = rest.find('/').map_or((rest, "/"), |i| (&rest[..i], &rest[i..]));
    let addr: SocketAddr =
        authority.parse().map_err(|_| format!("{url}: the host must be an IP address with a port"))?;
    let loopback = match addr.ip() {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => v6.is_loopback(),
    };
    if !loopback {
        return Err(format!("{url}: only loopback addresses (127.0.0.0/8, [::1]) may be loaded"));
    }
    Ok((addr, path.to_string()))
}

/// What one connection saw.
#[derive(Default)]
struct Tally {
    /// Each answered request's latency.
    latencies: Vec<Duration>,
    /// Answers by status: 2xx as expected (201 for POST, 200 for GET), other statuses.
    ok: usize,
    other: usize,
    /// Requests that got no whole answer (connection refused, reset, timed out).
    failed: usize,
}

fn load(
    method: Method,
    url: &str,
    n: usize,
    conns: usize,
    secs: &str,
    latencies: Option<&str>,
) -> Result<String, String> {
    let (addr, path) = parse_url(url)?;
    let secs = number(secs, MAX_SECONDS as usize)? as u64;
    // Participant ids unique to this run: its start time, then the request's number.
    let run = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0);
    let method = Arc::new(method);
    let path = Arc::new(path);
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let deadline = start + Duration::from_secs(secs);
    let workers: Vec<_> = (0..conns.min(n))
        .map(|_| {
            let (method, path, next) = (Arc::clone(&method), Arc::clone(&path), Arc::clone(&next));
            thread::spawn(move || connection(addr, &path, &method, run, &next, n, deadline))
        })
        .collect();
    let mut all = Tally::default();
    for worker in workers {
        let t = worker.join().map_err(|_| "a connection thread panicked".to_string())?;
        all.latencies.extend(t.latencies);
        all.ok += t.ok;
        all.other += t.other;
        all.failed += t.failed;
    }
    let seconds = start.elapsed().as_secs_f64();
    let sent = all.ok + all.other + all.failed;
    if let Some(path) = latencies {
        let mut out = String::with_capacity(8 * all.latencies.len());
        for d in &all.latencies {
            out.push_str(&format!("{}\n", d.as_micros()));
        }
        fs::write(path, out).map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    all.latencies.sort_unstable();
    let ms = |q: f64| {
        if all.latencies.is_empty() {
            return 0.0;
        }
        // Nearest rank: the smallest latency with at least q of them at or below it.
        let rank = ((q * all.latencies.len() as f64).ceil() as usize).clamp(1, all.latencies.len());
        all.latencies[rank - 1].as_secs_f64() * 1e3
    };
    let ok = if matches!(*method, Method::Post(_)) { "status_201" } else { "status_200" };
    Ok(format!(
        "sent={sent} {ok}={} other_status={} failed={} unsent={} seconds={seconds:.3} rate={:.1} \
         p50_ms={:.2} p99_ms={:.2} max_ms={:.2}",
        all.ok,
        all.other,
        all.failed,
        n - sent,
        all.ok as f64 / seconds,
        ms(0.50),
        ms(0.99),
        ms(1.0)
    ))
}

/// One keep-alive connection, sending requests until N were taken or the deadline passed;
/// after a failure or a `Connection: close` it connects again.
fn connection(
    addr: SocketAddr,
    path: &str,
    method: &Method,
    run: u64,
    next: &AtomicUsize,
    n: usize,
    deadline: Instant,
) -> Tally {
    let mut tally = Tally::default();
    let mut stream: Option<TcpStream> = None;
    let mut request = Vec::with_capacity(1024);
    let mut buf = Vec::with_capacity(8192);
    while Instant::now() < deadline {
        let i = next.fetch_add(1, Ordering::Relaxed);
        if i >= n {
            break;
        }
        request.clear();
        match method {
            Method::Get => {
                write!(request, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").expect("to memory");
            }
            Method::Post(body) => {
                let id = (u128::from(run) << 64) | i as u128;
                write!(
                    request,
                    "POST {path} HTTP/1.1\r\nHost: {addr}\r\nCookie: mlcheck_id={id:032x}\r\n\
                     Content-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
                    body.len()
                )
                .expect("to memory");
                request.extend_from_slice(body);
            }
        }
        let began = Instant::now();
        let answer = (|| -> io::Result<(u16, bool)> {
            if stream.is_none() {
                let s = TcpStream::connect_timeout(&addr, IO_TIMEOUT)?;
                s.set_read_timeout(Some(IO_TIMEOUT))?;
                s.set_write_timeout(Some(IO_TIMEOUT))?;
                s.set_nodelay(true)?;
                stream = Some(s);
            }
            let s = stream.as_mut().expect("connected above");
            s.write_all(&request)?;
            read_response(s, &mut buf)
        })();
        match answer {
            Ok((status, keep)) => {
                tally.latencies.push(began.elapsed());
                let expected = if matches!(method, Method::Post(_)) { 201 } else { 200 };
                if status == expected {
                    tally.ok += 1;
                } else {
                    tally.other += 1;
                }
                if !keep {
                    stream = None;
                }
            }
            Err(_) => {
                tally.failed += 1;
                stream = None;
            }
        }
    }
    tally
}

/// Reads one HTTP/1.1 response (headers and a Content-Length body) → its status and whether
/// the connection stays open.
fn read_response(s: &mut TcpStream, buf: &mut Vec<u8>) -> io::Result<(u16, bool)> {
    buf.clear();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        if buf.len() > 64 * 1024 {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "headers too long"));
        }
        let got = s.read(&mut chunk)?;
        if got == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..got]);
    };
    let head = std::str::from_utf8(&buf[..head_end]).map_err(|_| io::Error::from(io::ErrorKind::InvalidData))?;
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|code| code.parse::<u16>().ok())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "no status line"))?;
    let (mut length, mut keep) = (0usize, true);
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = value.parse().map_err(|_| io::Error::from(io::ErrorKind::InvalidData))?;
        } else if name.eq_ignore_ascii_case("connection") && value.eq_ignore_ascii_case("close") {
            keep = false;
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            // mlcheck sends every body with its length; anything else is read to the end.
            keep = false;
            length = usize::MAX;
        }
    }
    let mut have = buf.len() - head_end;
    while have < length {
        let got = s.read(&mut chunk)?;
        if got == 0 {
            if length == usize::MAX {
                break;
            }
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        have += got;
    }
    Ok((status, keep))
}

/// The floor: N files made durable the way the server's writer does, BATCH at a time.
fn writes(dir: &Path, body: &[u8], n: usize, batch: usize) -> Result<String, String> {
    let io = |e: io::Error| format!("{}: {e}", dir.display());
    fs::create_dir_all(dir).map_err(io)?;
    let start = Instant::now();
    let mut done = 0;
    while done < n {
        let names: Vec<String> = (done..n.min(done + batch)).map(|i| format!("p-{i:020x}.txt")).collect();
        for name in &names {
            let temp = dir.join(format!(".mlcheck-{name}.tmp"));
            let mut file = OpenOptions::new().write(true).create_new(true).open(&temp).map_err(io)?;
            file.write_all(body).map_err(io)?;
            file.sync_all().map_err(io)?;
        }
        for name in &names {
            fs::rename(dir.join(format!(".mlcheck-{name}.tmp")), dir.join(name)).map_err(io)?;
        }
        File::open(dir).and_then(|d| d.sync_all()).map_err(io)?;
        done += names.len();
    }
    let seconds = start.elapsed().as_secs_f64();
    Ok(format!("written={done} seconds={seconds:.3} rate={:.1}", done as f64 / seconds))
}
