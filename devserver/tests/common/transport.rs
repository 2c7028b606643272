//! A native transport for the sans-IO client on `std::net`: the loop the wasm shell runs with
//! fetch (build, send, parse, ask the retry policy), with the bounds a hostile server needs.
//!
//! - One deadline for the whole call, checked before every read: a server that drips a byte at a
//!   time is a `timeout` when the config's timeout runs out, not after each read's.
//! - At most `MAX_HEAD` bytes of status line and headers (more is `network`, as fetch rejects
//!   oversized headers), and at most `MAX_RESPONSE_BYTES + 1` bytes of body: the core calls a
//!   longer one `invalid_response` without reading it.
//! - Redirects are never followed: a 3xx goes to the core, which calls it `invalid_response`.
//!   (The wasm transport does the same with `redirect: "manual"` or `"error"`.)
//! - A 2xx or 422 whose `Content-Type` is not JSON is `invalid_response`.
//! - A head that is not HTTP, a body cut short, a reset connection: `network`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use billing_account_form::api::{
    content_type_error, ApiError, ClientConfig, HttpResponse, RequestSpec, RetryPolicy,
    MAX_RESPONSE_BYTES,
};

/// Status line and headers together.
pub const MAX_HEAD: usize = 64 * 1024;

/// What a transport hands the core.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub retry_after: Option<String>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

enum Failure {
    Network,
    Timeout,
}

struct Reader {
    stream: TcpStream,
    deadline: Instant,
    buf: Vec<u8>,
    eof: bool,
}

impl Reader {
    /// Reads more bytes into `buf`; false at end of stream.
    fn fill(&mut self) -> Result<bool, Failure> {
        if self.eof {
            return Ok(false);
        }
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Failure::Timeout);
        }
        self.stream
            .set_read_timeout(Some(left))
            .map_err(|_| Failure::Network)?;
        let mut chunk = [0u8; 16 * 1024];
        match self.stream.read(&mut chunk) {
            Ok(0) => {
                self.eof = true;
                Ok(false)
            }
            Ok(n) => {
                self.buf.extend_from_slice(&chunk[..n]);
                Ok(true)
            }
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                Err(Failure::Timeout)
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Ok(true),
            Err(_) => Err(Failure::Network),
        }
    }

    /// The bytes up to and without `\r\n`, consumed; `limit` bounds the search.
    fn line(&mut self, limit: usize) -> Result<Vec<u8>, Failure> {
        loop {
            if let Some(at) = self.buf.windows(2).position(|w| w == b"\r\n") {
                let line = self.buf[..at].to_vec();
                self.buf.drain(..at + 2);
                return Ok(line);
            }
            if self.buf.len() > limit || !self.fill()? {
                return Err(Failure::Network);
            }
        }
    }

    /// Exactly `n` bytes (the caller bounds `n`).
    fn exact(&mut self, n: usize) -> Result<Vec<u8>, Failure> {
        while self.buf.len() < n {
            if !self.fill()? {
                return Err(Failure::Network);
            }
        }
        Ok(self.buf.drain(..n).collect())
    }

    /// Up to `cap` bytes, until the end of the stream.
    fn until_end(&mut self, cap: usize) -> Result<Vec<u8>, Failure> {
        while self.buf.len() < cap && self.fill()? {}
        self.buf.truncate(cap);
        Ok(std::mem::take(&mut self.buf))
    }
}

/// The status line and headers (1xx answers skipped), within `MAX_HEAD` bytes in all.
fn read_head(r: &mut Reader) -> Result<(u16, Vec<(String, String)>), Failure> {
    let mut head_bytes = 0;
    loop {
        let status_line = r.line(MAX_HEAD)?;
        head_bytes += status_line.len() + 2;
        let text = std::str::from_utf8(&status_line).map_err(|_| Failure::Network)?;
        let mut parts = text.splitn(3, ' ');
        let (Some(version), Some(code)) = (parts.next(), parts.next()) else {
            return Err(Failure::Network);
        };
        if !version.starts_with("HTTP/1.") || code.len() != 3 {
            return Err(Failure::Network);
        }
        let status: u16 = code.parse().map_err(|_| Failure::Network)?;
        let mut headers = Vec::new();
        loop {
            let line = r.line(MAX_HEAD)?;
            head_bytes += line.len() + 2;
            if head_bytes > MAX_HEAD {
                return Err(Failure::Network);
            }
            if line.is_empty() {
                break;
            }
            // A header that is not text is dropped, as a Latin-1 reading would never match ours.
            let Ok(line) = String::from_utf8(line) else {
                continue;
            };
            let (name, value) = line.split_once(':').ok_or(Failure::Network)?;
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
        if !(100..200).contains(&status) {
            return Ok((status, headers));
        }
    }
}

/// A chunked body, stopping once it is longer than `cap`.
fn read_chunked(r: &mut Reader, cap: usize) -> Result<Vec<u8>, Failure> {
    let mut body = Vec::new();
    loop {
        let line = r.line(1024)?;
        let text = std::str::from_utf8(&line).map_err(|_| Failure::Network)?;
        let size_text = text.split(';').next().unwrap_or("").trim();
        if size_text.is_empty() || size_text.len() > 16 {
            return Err(Failure::Network);
        }
        let size = u64::from_str_radix(size_text, 16).map_err(|_| Failure::Network)?;
        if size == 0 {
            return Ok(body);
        }
        let room = cap - body.len();
        let take = usize::try_from(size).unwrap_or(usize::MAX).min(room);
        body.extend(r.exact(take)?);
        if body.len() >= cap {
            return Ok(body);
        }
        if !r.line(2)?.is_empty() {
            return Err(Failure::Network);
        }
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn exchange(spec: &RequestSpec, deadline: Instant) -> Result<Answer, Failure> {
    let rest = spec.url.strip_prefix("http://").ok_or(Failure::Network)?;
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let addr: SocketAddr = authority.parse().map_err(|_| Failure::Network)?;
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(Failure::Timeout);
    }
    let stream = TcpStream::connect_timeout(&addr, left).map_err(|e| {
        if e.kind() == std::io::ErrorKind::TimedOut {
            Failure::Timeout
        } else {
            Failure::Network
        }
    })?;
    stream
        .set_write_timeout(Some(left))
        .map_err(|_| Failure::Network)?;
    let mut head = format!(
        "{} {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n",
        spec.method.as_str()
    );
    for (name, value) in &spec.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let body = spec.body.clone().unwrap_or_default();
    head.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    (&stream)
        .write_all(head.as_bytes())
        .map_err(|_| Failure::Network)?;

    let mut r = Reader {
        stream,
        deadline,
        buf: Vec::new(),
        eof: false,
    };
    let (status, headers) = read_head(&mut r)?;
    let cap = MAX_RESPONSE_BYTES + 1;
    let chunked =
        header(&headers, "transfer-encoding").is_some_and(|te| te.eq_ignore_ascii_case("chunked"));
    let body = if chunked {
        read_chunked(&mut r, cap)?
    } else if let Some(length) = header(&headers, "content-length") {
        let length: u64 = length.parse().map_err(|_| Failure::Network)?;
        let take = usize::try_from(length).unwrap_or(usize::MAX).min(cap);
        r.exact(take)?
    } else {
        r.until_end(cap)?
    };
    Ok(Answer {
        status,
        retry_after: header(&headers, "retry-after").map(str::to_string),
        content_type: header(&headers, "content-type").map(str::to_string),
        body,
    })
}

/// Sends `spec` once, within `deadline`; the transport's own failures are `network` or `timeout`.
pub fn send_once(
    config: &ClientConfig,
    spec: &RequestSpec,
    deadline: Instant,
) -> Result<Answer, ApiError> {
    exchange(spec, deadline).map_err(|f| match f {
        Failure::Timeout => ApiError::timeout(config.locale),
        Failure::Network if Instant::now() >= deadline => ApiError::timeout(config.locale),
        Failure::Network => ApiError::network(config.locale),
    })
}

fn now_unix_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Sends `spec` and parses the answer, retrying as the policy says, within the config's timeout.
pub fn call<T>(
    config: &ClientConfig,
    spec: &RequestSpec,
    parse: impl Fn(&HttpResponse<'_>) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    call_with(config, spec, parse, send_once)
}

/// `call` over another way of sending one request (`send_once`'s contract).
pub fn call_with<T>(
    config: &ClientConfig,
    spec: &RequestSpec,
    parse: impl Fn(&HttpResponse<'_>) -> Result<T, ApiError>,
    send_once: impl Fn(&ClientConfig, &RequestSpec, Instant) -> Result<Answer, ApiError>,
) -> Result<T, ApiError> {
    let policy = RetryPolicy::default();
    let deadline = Instant::now() + Duration::from_millis(u64::from(config.timeout_ms));
    let mut attempts: u32 = 0;
    loop {
        attempts += 1;
        let outcome = send_once(config, spec, deadline).and_then(|a| {
            if let Some(e) = content_type_error(config, a.status, a.content_type.as_deref()) {
                return Err(e);
            }
            parse(&HttpResponse {
                status: a.status,
                retry_after: a.retry_after.as_deref(),
                body: &a.body,
                now_unix_seconds: now_unix_seconds(),
            })
        });
        let error = match outcome {
            Ok(value) => return Ok(value),
            Err(e) => e,
        };
        let remaining = u64::try_from(
            deadline
                .saturating_duration_since(Instant::now())
                .as_millis(),
        )
        .unwrap_or(u64::MAX);
        let jitter = attempts.wrapping_mul(2_654_435_761);
        match policy.should_retry(spec.operation, &error, attempts, jitter, remaining) {
            Some(ms) => std::thread::sleep(Duration::from_millis(u64::from(ms))),
            None => return Err(error),
        }
    }
}
