//! Just enough HTTP/1.1 for browsers, fetch and curl: bounded request parsing, keep-alive, responses.

use std::io::{self, BufRead, Read, Write};

/// The longest request line or header line accepted.
const MAX_LINE: usize = 8 * 1024;
/// All header lines of one request together.
const MAX_HEADER_BYTES: usize = 32 * 1024;
const MAX_HEADERS: usize = 100;
/// The largest body accepted; a billing account is a few hundred bytes.
pub const MAX_BODY: usize = 1024 * 1024;

#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// The path without the query, as sent (still percent-encoded).
    pub path: String,
    /// Header names in lower case, in the order received.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Whether the client wants the connection kept open after the answer.
    pub keep_alive: bool,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why no request could be read.
#[derive(Debug)]
pub enum ReadError {
    /// The connection closed (or went idle) between requests: nothing to answer.
    Closed,
    /// A request that cannot be served; answer with this status, then close.
    Bad(u16),
}

impl From<io::Error> for ReadError {
    fn from(_: io::Error) -> Self {
        ReadError::Closed
    }
}

/// One line without its CRLF (or LF), at most `MAX_LINE` bytes. `None` at end of stream.
fn read_line(reader: &mut impl BufRead) -> Result<Option<String>, ReadError> {
    let mut line = Vec::new();
    let limit = u64::try_from(MAX_LINE + 2).unwrap_or(u64::MAX);
    let n = reader.by_ref().take(limit).read_until(b'\n', &mut line)?;
    if n == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') {
        return Err(ReadError::Bad(431));
    }
    line.pop();
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    String::from_utf8(line)
        .map(Some)
        .map_err(|_| ReadError::Bad(400))
}

/// Reads one request. `continue_writer` receives `100 Continue` when the client asks for it.
pub fn read_request(
    reader: &mut impl BufRead,
    continue_writer: &mut impl Write,
) -> Result<Request, ReadError> {
    // Tolerate empty lines between requests (RFC 9112 §2.2).
    let mut line = String::new();
    for _ in 0..4 {
        match read_line(reader)? {
            None => return Err(ReadError::Closed),
            Some(l) if l.is_empty() => continue,
            Some(l) => {
                line = l;
                break;
            }
        }
    }
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Bad(400));
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(ReadError::Bad(400));
    }
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(ReadError::Bad(505)),
    };
    if !target.starts_with('/') {
        return Err(ReadError::Bad(400));
    }
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();

    let mut headers = Vec::new();
    let mut header_bytes = 0;
    loop {
        let Some(line) = read_line(reader)? else {
            return Err(ReadError::Closed);
        };
        if line.is_empty() {
            break;
        }
        header_bytes += line.len();
        if header_bytes > MAX_HEADER_BYTES || headers.len() >= MAX_HEADERS {
            return Err(ReadError::Bad(431));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(ReadError::Bad(400));
        };
        if name.is_empty() || name.bytes().any(|b| b.is_ascii_whitespace()) {
            return Err(ReadError::Bad(400));
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
    }

    let mut request = Request {
        method: method.to_string(),
        path,
        headers,
        body: Vec::new(),
        keep_alive: false,
    };
    let connection = request
        .header("connection")
        .unwrap_or("")
        .to_ascii_lowercase();
    request.keep_alive = if http11 {
        !connection.split(',').any(|t| t.trim() == "close")
    } else {
        connection.split(',').any(|t| t.trim() == "keep-alive")
    };

    let chunked = request
        .header("transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    if chunked && request.header("content-length").is_some() {
        // Both framings at once is how requests get smuggled.
        return Err(ReadError::Bad(400));
    }
    // Every Content-Length must be the same number: two that differ are how a request is
    // smuggled past a proxy that reads the other one (RFC 9112 §6.3).
    let mut length = None;
    for (_, v) in request
        .headers
        .iter()
        .filter(|(n, _)| n == "content-length")
    {
        let n = v.parse::<usize>().map_err(|_| ReadError::Bad(400))?;
        if length.is_some_and(|l| l != n) {
            return Err(ReadError::Bad(400));
        }
        length = Some(n);
    }
    if length.is_some_and(|n| n > MAX_BODY) {
        return Err(ReadError::Bad(413));
    }
    let expects_body = chunked || length.is_some_and(|n| n > 0);
    if expects_body
        && request
            .header("expect")
            .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"))
    {
        continue_writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
        continue_writer.flush()?;
    }
    if chunked {
        request.body = read_chunked(reader)?;
    } else if let Some(n) = length {
        let mut body = vec![0; n];
        reader.read_exact(&mut body)?;
        request.body = body;
    }
    Ok(request)
}

fn read_chunked(reader: &mut impl BufRead) -> Result<Vec<u8>, ReadError> {
    let mut body = Vec::new();
    loop {
        let Some(line) = read_line(reader)? else {
            return Err(ReadError::Closed);
        };
        let size_text = line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| ReadError::Bad(400))?;
        if size == 0 {
            // Trailers, up to the empty line.
            while let Some(line) = read_line(reader)? {
                if line.is_empty() {
                    return Ok(body);
                }
            }
            return Err(ReadError::Closed);
        }
        if body.len() + size > MAX_BODY {
            return Err(ReadError::Bad(413));
        }
        let start = body.len();
        body.resize(start + size, 0);
        if let Some(chunk) = body.get_mut(start..) {
            reader.read_exact(chunk)?;
        }
        match read_line(reader)? {
            Some(l) if l.is_empty() => {}
            _ => return Err(ReadError::Bad(400)),
        }
    }
}

/// An answer to send.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }

    pub fn body(mut self, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        self.headers
            .push(("Content-Type", content_type.to_string()));
        self.body = body.into();
        self
    }

    pub fn json(status: u16, value: &serde_json::Value) -> Response {
        Response::new(status).body("application/json", value.to_string())
    }

    pub fn text(status: u16, text: &str) -> Response {
        Response::new(status).body("text/plain; charset=utf-8", text)
    }
}

pub fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "Status",
    }
}

/// Writes `response`; `head_only` leaves the body out (HEAD) but keeps its length.
pub fn write_response(
    out: &mut impl Write,
    response: &Response,
    keep_alive: bool,
    head_only: bool,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        head.push_str(name);
        head.push_str(": ");
        // Values are ours; a line break would still never reach the wire.
        head.push_str(&value.replace(['\r', '\n'], " "));
        head.push_str("\r\n");
    }
    head.push_str(&format!("Content-Length: {}\r\n", response.body.len()));
    head.push_str(&format!("Date: {}\r\n", crate::clock::http_date_now()));
    if !keep_alive {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if !head_only {
        out.write_all(&response.body)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(raw: &str) -> Result<Request, ReadError> {
        let mut sink = Vec::new();
        read_request(&mut io::Cursor::new(raw.as_bytes().to_vec()), &mut sink)
    }

    #[test]
    fn reads_a_request_with_a_body() {
        let r = parse("POST /a/b?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n{}").unwrap();
        assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/a/b"));
        assert_eq!(r.header("HOST"), Some("h"));
        assert_eq!(r.body, b"{}");
        assert!(r.keep_alive);
    }

    #[test]
    fn reads_chunked_bodies() {
        let r = parse("PATCH / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{\"\r\n3;x=y\r\na\":\r\n1\r\n1\r\n0\r\n\r\n").unwrap();
        assert_eq!(r.body, b"{\"a\":1");
    }

    #[test]
    fn refuses_malformed_and_oversized_requests() {
        let bad = |raw: &str| match parse(raw) {
            Err(ReadError::Bad(s)) => s,
            other => panic!("{other:?}"),
        };
        assert_eq!(bad("GET /\r\n\r\n"), 400);
        assert_eq!(bad("GET / HTTP/2\r\n\r\n"), 505);
        assert_eq!(bad("get / HTTP/1.1\r\n\r\n"), 400);
        assert_eq!(bad("GET x HTTP/1.1\r\n\r\n"), 400);
        assert_eq!(bad("GET / HTTP/1.1\r\nNoColon\r\n\r\n"), 400);
        assert_eq!(bad("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n"), 400);
        assert_eq!(
            bad("POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n"),
            413
        );
        assert_eq!(
            bad("POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"),
            400
        );
        assert_eq!(
            bad("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 0\r\n\r\n"),
            400
        );
        assert_eq!(
            bad("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: x\r\n\r\n"),
            400
        );
        assert_eq!(
            bad(&format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_LINE))),
            431
        );
        assert!(matches!(parse(""), Err(ReadError::Closed)));
        assert!(matches!(
            parse("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n{}"),
            Err(ReadError::Closed)
        ));
    }

    #[test]
    fn http_1_0_closes_unless_asked_and_1_1_keeps_alive_unless_asked() {
        assert!(!parse("GET / HTTP/1.0\r\n\r\n").unwrap().keep_alive);
        assert!(
            parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                .unwrap()
                .keep_alive
        );
        assert!(
            !parse("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
                .unwrap()
                .keep_alive
        );
    }
}
