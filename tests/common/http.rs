//! For the tests of `mlcheck serve`: a small HTTP/1.1 client over `std::net::TcpStream` and a
//! guard that starts the built binary as a server on loopback, reads the two URLs it prints,
//! collects its stderr and always stops it, even when a test panics.
//!
//! Every connection goes to a loopback address (checked before connecting), every read and
//! write has a timeout, and every wait for the server is bounded.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a request may take, connecting, sending and reading, before the test fails.
pub const IO_TIMEOUT: Duration = Duration::from_secs(30);
/// How long the server may take to print its URLs, or to stop after a signal.
const WAIT: Duration = Duration::from_secs(30);

/// A request to send.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: &'static str,
    /// The path and query, starting with `/`.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn get(target: &str) -> Request {
        Request { method: "GET", target: target.to_string(), headers: Vec::new(), body: Vec::new() }
    }

    pub fn post(target: &str, body: impl Into<Vec<u8>>) -> Request {
        Request { method: "POST", target: target.to_string(), headers: Vec::new(), body: body.into() }
    }

    /// A form post of `fields`, as a browser encodes it.
    pub fn form(target: &str, fields: &[(String, String)]) -> Request {
        Request::post(target, form_encode(fields)).header("Content-Type", "application/x-www-form-urlencoded")
    }

    pub fn header(mut self, name: &str, value: &str) -> Request {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// With the participant cookie `mlcheck_id=ID`, when there is one.
    pub fn cookie(self, id: Option<&str>) -> Request {
        match id {
            Some(id) => self.header("Cookie", &format!("mlcheck_id={id}")),
            None => self,
        }
    }

    /// The request's bytes, `Host` first and `Connection: close` unless given.
    pub fn bytes(&self, addr: SocketAddr) -> Vec<u8> {
        let mut head = format!("{} {} HTTP/1.1\r\nHost: {addr}\r\n", self.method, self.target);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if !self.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("connection")) {
            head.push_str("Connection: close\r\n");
        }
        if self.method == "POST" || !self.body.is_empty() {
            head.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        }
        head.push_str("\r\n");
        let mut out = head.into_bytes();
        out.extend_from_slice(&self.body);
        out
    }
}

/// `fields` as `application/x-www-form-urlencoded`.
pub fn form_encode(fields: &[(String, String)]) -> String {
    fields.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

/// Percent-encodes all but unreserved characters.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A response, read whole.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The first value of header `name`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// Every value of header `name`.
    pub fn headers_named(&self, name: &str) -> Vec<&str> {
        self.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str()).collect()
    }

    /// The body as UTF-8; panics when it is not.
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap_or_else(|e| panic!("the body is not UTF-8: {e}"))
    }

    /// The participant id the response's `Set-Cookie` gives, if any.
    pub fn participant_cookie(&self) -> Option<String> {
        self.headers_named("set-cookie")
            .into_iter()
            .filter_map(|v| v.split(';').next()?.trim().strip_prefix("mlcheck_id=").map(str::to_string))
            .next()
    }

    /// Panics with the body when the status is not `status`.
    #[track_caller]
    pub fn expect(self, status: u16) -> Response {
        assert_eq!(self.status, status, "status; the body:\n{}", String::from_utf8_lossy(&self.body));
        self
    }
}

/// Opens a connection to `addr`, which must be a loopback address, with I/O timeouts.
pub fn connect(addr: SocketAddr) -> io::Result<TcpStream> {
    assert!(addr.ip().is_loopback(), "tests only talk to loopback, not {addr}");
    let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    Ok(stream)
}

/// Sends `request` on a new connection to `addr` and reads the response.
pub fn send(addr: SocketAddr, request: &Request) -> io::Result<Response> {
    let mut stream = connect(addr)?;
    stream.write_all(&request.bytes(addr))?;
    read_response(&mut stream)
}

/// A reader that fails once `until` has passed, however slowly bytes keep coming.
struct Deadline<'r, R> {
    inner: &'r mut R,
    until: Instant,
}

impl<R: Read> Read for Deadline<'_, R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        if Instant::now() > self.until {
            return Err(io::Error::new(io::ErrorKind::TimedOut, "the response took too long"));
        }
        self.inner.read(buffer)
    }
}

/// Reads one response from `stream`: a Content-Length or chunked body, or up to the end;
/// in [`IO_TIMEOUT`] at most.
pub fn read_response(stream: &mut impl Read) -> io::Result<Response> {
    let stream = &mut Deadline { inner: stream, until: Instant::now() + IO_TIMEOUT };
    let bad = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    let head_end = loop {
        if let Some(at) = find(&buffer, b"\r\n\r\n") {
            break at;
        }
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "closed before the headers ended"));
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = std::str::from_utf8(&buffer[..head_end]).map_err(|_| bad("headers not UTF-8"))?.to_string();
    let mut rest = buffer[head_end + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().ok_or_else(|| bad("no status line"))?;
    let status = status_line
        .strip_prefix("HTTP/1.1 ")
        .and_then(|s| s.get(..3))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad(&format!("bad status line {status_line:?}")))?;
    let headers: Vec<(String, String)> = lines
        .map(|line| {
            let (name, value) = line.split_once(':').unwrap_or((line, ""));
            (name.trim().to_string(), value.trim().to_string())
        })
        .collect();
    let named = |name: &str| headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone());
    let mut read_more = |rest: &mut Vec<u8>| -> io::Result<bool> {
        let n = stream.read(&mut chunk)?;
        rest.extend_from_slice(&chunk[..n]);
        Ok(n > 0)
    };
    let body = if named("transfer-encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
        let mut body = Vec::new();
        loop {
            let line_end = loop {
                if let Some(at) = find(&rest, b"\r\n") {
                    break at;
                }
                if !read_more(&mut rest)? {
                    return Err(bad("closed inside a chunk size"));
                }
            };
            let size_text = std::str::from_utf8(&rest[..line_end]).map_err(|_| bad("chunk size"))?;
            let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
                .map_err(|_| bad("chunk size"))?;
            while rest.len() < line_end + 2 + size + 2 {
                if !read_more(&mut rest)? {
                    return Err(bad("closed inside a chunk"));
                }
            }
            body.extend_from_slice(&rest[line_end + 2..line_end + 2 + size]);
            rest.drain(..line_end + 2 + size + 2);
            if size == 0 {
                break body;
            }
        }
    } else if let Some(length) = named("content-length") {
        let length: usize = length.parse().map_err(|_| bad("content-length"))?;
        while rest.len() < length {
            if !read_more(&mut rest)? {
                return Err(bad("closed inside the body"));
            }
        }
        rest.truncate(length);
        rest
    } else {
        while read_more(&mut rest)? {}
        rest
    };
    Ok(Response { status, headers, body })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `mlcheck` as a `std::process::Command`, in the environment of `super::mlcheck`.
pub fn mlcheck_command() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("mlcheck"));
    for var in ["NO_COLOR", "LC_ALL", "LC_MESSAGES", "LANG", "COLUMNS", "TERM", "CLICOLOR", "CLICOLOR_FORCE"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "en_US.UTF-8");
    cmd
}

/// How a server run ended.
#[derive(Debug)]
pub struct Stopped {
    /// The exit status, `None` when a signal ended it.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// A running `mlcheck serve`, stopped (SIGKILL) when dropped if a test did not stop it.
pub struct Server {
    child: Child,
    /// The participant URL, as printed.
    pub participant: String,
    /// The organizer URL, as printed.
    pub organizer: String,
    /// Where to connect: the printed port on 127.0.0.1, or on ::1 when the server listens there.
    pub addr: SocketAddr,
    stdout: Arc<Mutex<Vec<u8>>>,
    stderr: Arc<Mutex<Vec<u8>>>,
    readers: Vec<JoinHandle<()>>,
}

/// Copies `stream` into `into` until it ends.
fn drain(mut stream: impl Read + Send + 'static, into: Arc<Mutex<Vec<u8>>>) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = stream.read(&mut buffer) {
            if n == 0 {
                break;
            }
            into.lock().unwrap().extend_from_slice(&buffer[..n]);
        }
    })
}

impl Server {
    /// `mlcheck --color never serve DIR --no-qr ARGS...`, on `127.0.0.1:0` unless ARGS has
    /// `--listen`; panics with its stderr when it does not start.
    pub fn start(dir: &Path, args: &[&str]) -> Server {
        Server::try_start(dir, args).unwrap_or_else(|s| panic!("the server did not start: {s:?}"))
    }

    /// As [`Server::start`], or how the server ended when it did not start.
    pub fn try_start(dir: &Path, args: &[&str]) -> Result<Server, Stopped> {
        let mut cmd = mlcheck_command();
        cmd.args(["--color", "never", "serve"]).arg(dir).arg("--no-qr").args(args);
        if !args.contains(&"--listen") {
            cmd.args(["--listen", "127.0.0.1:0"]);
        }
        Server::spawn(cmd)
    }

    /// Starts `cmd` (an `mlcheck serve`) and reads its two URLs.
    pub fn spawn(mut cmd: Command) -> Result<Server, Stopped> {
        let mut child =
            cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("mlcheck starts");
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let err_reader = drain(child.stderr.take().unwrap(), Arc::clone(&stderr));
        let (lines, urls) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        let kept = Arc::clone(&stdout);
        let out_reader = std::thread::spawn(move || {
            let mut out = BufReader::new(out);
            let mut line = String::new();
            while matches!(out.read_line(&mut line), Ok(n) if n > 0) {
                kept.lock().unwrap().extend_from_slice(line.as_bytes());
                let _ = lines.send(line.trim_end().to_string());
                line.clear();
            }
        });
        let mut server = Server {
            child,
            participant: String::new(),
            organizer: String::new(),
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            stdout,
            stderr,
            readers: vec![err_reader, out_reader],
        };
        let mut got = Vec::new();
        let deadline = Instant::now() + WAIT;
        while got.len() < 2 {
            match urls.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(line) => got.push(line),
                Err(mpsc::RecvTimeoutError::Disconnected) => return Err(server.wait_stopped()),
                Err(mpsc::RecvTimeoutError::Timeout) => panic!("no URLs in {WAIT:?}; stderr:\n{}", server.stderr()),
            }
        }
        server.participant = got[0].clone();
        server.organizer = got[1].clone();
        let (host, port) = server
            .participant
            .strip_prefix("http://")
            .and_then(|rest| rest.strip_suffix('/'))
            .and_then(|host_port| host_port.rsplit_once(':'))
            .and_then(|(host, port)| Some((host, port.parse::<u16>().ok()?)))
            .unwrap_or_else(|| panic!("no port in the participant URL {:?}", server.participant));
        // IPv6 loopback when the server listens there; 127.0.0.1 for anything else, even
        // when the URL names the machine's network address.
        let ip = if host == "[::1]" { IpAddr::V6(Ipv6Addr::LOCALHOST) } else { IpAddr::V4(Ipv4Addr::LOCALHOST) };
        server.addr = SocketAddr::new(ip, port);
        Ok(server)
    }

    /// The path of the organizer URL (`/o/SECRET/`).
    pub fn organizer_path(&self) -> String {
        let at = self.organizer.find("/o/").unwrap_or_else(|| panic!("no /o/ in {}", self.organizer));
        self.organizer[at..].to_string()
    }

    /// What the server wrote on stderr so far.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends `request` and reads the response; panics when that fails.
    #[track_caller]
    pub fn send(&self, request: &Request) -> Response {
        send(self.addr, request).unwrap_or_else(|e| {
            panic!("{} {} failed: {e}; server stderr:\n{}", request.method, request.target, self.stderr())
        })
    }

    #[track_caller]
    pub fn get(&self, target: &str) -> Response {
        self.send(&Request::get(target))
    }

    /// A new connection to the server.
    pub fn connect(&self) -> io::Result<TcpStream> {
        connect(self.addr)
    }

    fn signal(&self, signal: i32) {
        // SAFETY: kill only sends a signal to our own child, which hasn't been reaped yet.
        unsafe {
            libc::kill(self.child.id() as i32, signal);
        }
    }

    /// Waits (bounded) for the process to end, SIGKILL past the bound, and collects its output.
    fn wait_stopped(&mut self) -> Stopped {
        let deadline = Instant::now() + WAIT;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("waiting for the server") {
                break status;
            }
            if Instant::now() > deadline {
                self.signal(libc::SIGKILL);
                let _ = self.child.wait();
                panic!("the server did not stop within {WAIT:?}; stderr:\n{}", self.stderr());
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        for reader in self.readers.drain(..) {
            let _ = reader.join();
        }
        Stopped {
            code: status.code(),
            stdout: String::from_utf8_lossy(&self.stdout.lock().unwrap()).into_owned(),
            stderr: self.stderr(),
        }
    }

    /// SIGTERM, then waits (bounded) for the server to stop.
    pub fn terminate(mut self) -> Stopped {
        self.signal(libc::SIGTERM);
        self.wait_stopped()
    }

    /// Sends SIGTERM and returns at once.
    pub fn send_sigterm(&self) {
        self.signal(libc::SIGTERM);
    }

    /// Waits (bounded) for the server to stop by itself.
    pub fn wait(mut self) -> Stopped {
        self.wait_stopped()
    }

    /// SIGKILL, then waits for the process to end.
    pub fn kill(mut self) -> Stopped {
        self.signal(libc::SIGKILL);
        self.wait_stopped()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.signal(libc::SIGKILL);
            let _ = self.child.wait();
        }
    }
}
