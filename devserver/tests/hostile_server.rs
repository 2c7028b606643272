//! The client against a hostile server: a raw `TcpListener` in this process serves scripted
//! misbehaviour (slow drip, endless or 10 MB bodies, invalid UTF-8, wrong Content-Type, a 200
//! carrying an error, redirects to another origin, resets, garbage), and the stand-in's own fault
//! flags do the rest. Every case must end in its typed `ApiError` within the call's timeout.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use billing_account_form::api::{
    create_request, get_request, list_request, parse_account, parse_list, ApiError, ApiErrorKind,
    ClientConfig, ConfigInput, Operation,
};
use billing_account_form::{Locale, Value};
use common::transport::call;
use common::Server;
use serde_json::json;

const TOKEN: &str = "hostile-test-token";

/// No scripted misbehaviour runs longer than this, whatever the client does.
const SCRIPT_LIMIT: Duration = Duration::from_secs(15);

type Script = Arc<dyn Fn(&mut TcpStream, Instant) + Send + Sync>;

/// A listener on a free loopback port that runs `script` on every connection it accepts.
struct Hostile {
    addr: SocketAddr,
    connections: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl Hostile {
    fn start(script: Script) -> Hostile {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let connections = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (count, halt) = (Arc::clone(&connections), Arc::clone(&stop));
        thread::spawn(move || {
            let started = Instant::now();
            while !halt.load(Ordering::SeqCst) && started.elapsed() < SCRIPT_LIMIT * 2 {
                match listener.accept() {
                    Ok((mut stream, _)) => {
                        count.fetch_add(1, Ordering::SeqCst);
                        stream.set_nonblocking(false).unwrap();
                        let script = Arc::clone(&script);
                        thread::spawn(move || script(&mut stream, Instant::now()));
                    }
                    Err(_) => thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Hostile {
            addr,
            connections,
            stop,
        }
    }

    fn config(&self, timeout_ms: f64) -> ClientConfig {
        let base = format!("http://{}", self.addr);
        ClientConfig::parse(&ConfigInput {
            token: TOKEN,
            base_url: Some(&base),
            timeout_ms: Some(timeout_ms),
            locale: Locale::En,
        })
        .unwrap()
    }
}

impl Drop for Hostile {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Reads the request's head and body (by Content-Length), so the client is not reset early.
fn read_request(stream: &mut TcpStream) -> Vec<u8> {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut data = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_ascii_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .map_or(0, |v| v.trim().parse().unwrap());
            if data.len() >= end + 4 + length {
                return data;
            }
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return data,
            Ok(n) => data.extend_from_slice(&chunk[..n]),
        }
    }
}

/// Writes `bytes`, ignoring a client that has gone (it is allowed to stop reading).
fn send(stream: &mut TcpStream, bytes: &[u8]) -> bool {
    stream.write_all(bytes).is_ok() && stream.flush().is_ok()
}

fn account() -> String {
    json!({
        "id": "cus_1", "workspace_id": "ws_pooled", "name": "A", "email": "a@b.co",
        "phone": null, "description": null, "currency": "usd", "address": null,
        "created_at": "2025-10-29T00:40:06.000000Z", "updated_at": "2025-10-29T00:40:06.000000Z"
    })
    .to_string()
}

/// An answer with a JSON body and a correct length.
fn answer(status: &str, content_type: Option<&str>, extra: &str, body: &[u8]) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n{extra}");
    if let Some(ct) = content_type {
        head.push_str(&format!("Content-Type: {ct}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut out = head.into_bytes();
    out.extend_from_slice(body);
    out
}

/// Answers every request with the same bytes.
fn replies(bytes: Vec<u8>) -> Script {
    Arc::new(move |s, _| {
        read_request(s);
        send(s, &bytes);
    })
}

/// Streams `total` bytes of `fill` after `head`, a piece at a time.
fn streams(head: String, fill: u8, total: usize) -> Script {
    Arc::new(move |s, started| {
        read_request(s);
        if !send(s, head.as_bytes()) {
            return;
        }
        let piece = vec![fill; 64 * 1024];
        let mut sent = 0;
        while sent < total && started.elapsed() < SCRIPT_LIMIT {
            if !send(s, &piece) {
                return;
            }
            sent += piece.len();
        }
    })
}

/// Writes `head` (possibly empty), then `drip` every `every`, until the client goes or time is up.
fn drips(head: &'static str, drip: &'static [u8], every: Duration) -> Script {
    Arc::new(move |s, started| {
        read_request(s);
        if !send(s, head.as_bytes()) {
            return;
        }
        while started.elapsed() < SCRIPT_LIMIT {
            thread::sleep(every);
            if !send(s, drip) {
                return;
            }
        }
    })
}

struct Case {
    name: &'static str,
    script: Script,
    operation: Operation,
    timeout_ms: u32,
    expected: ApiErrorKind,
    /// How many connections the client may open (retries of a get), at most.
    max_connections: usize,
}

fn case(
    name: &'static str,
    operation: Operation,
    timeout_ms: u32,
    expected: ApiErrorKind,
    script: Script,
) -> Case {
    Case {
        name,
        script,
        operation,
        timeout_ms,
        expected,
        max_connections: if operation.may_repeat() { 3 } else { 1 },
    }
}

fn run(config: &ClientConfig, operation: Operation) -> Result<(), ApiError> {
    let body = Value::Object(vec![
        ("name".into(), Value::String("A".into())),
        ("email".into(), Value::String("a@b.co".into())),
    ]);
    match operation {
        Operation::Create => {
            let spec = create_request(config, "ws_pooled", &body)?;
            call(config, &spec, |r| parse_account(config, operation, r)).map(|_| ())
        }
        Operation::List => {
            let spec = list_request(config, "ws_pooled")?;
            call(config, &spec, |r| parse_list(config, r)).map(|_| ())
        }
        _ => {
            let spec = get_request(config, "ws_pooled", "cus_1")?;
            call(config, &spec, |r| parse_account(config, operation, r)).map(|_| ())
        }
    }
}

fn cases() -> Vec<Case> {
    use ApiErrorKind::*;
    use Operation::*;
    let ms = Duration::from_millis;
    let ten_mb = 10 * 1024 * 1024;
    let json = Some("application/json");
    vec![
        // Time: nothing, or too little too slowly.
        case("accepts and never answers", Get, 600, Timeout, Arc::new(|s, _| {
            read_request(s);
            thread::sleep(Duration::from_secs(3));
        })),
        case("drips the status line", Create, 600, Timeout, drips("", b"H", ms(50))),
        case("drips headers forever", Get, 600, Timeout, drips("HTTP/1.1 200 OK\r\n", b"X-A: b\r\n", ms(30))),
        case("drips the body a byte at a time", Create, 800, Timeout,
            drips("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n", b"{", ms(20))),
        case("sends 100 Continue forever", List, 600, Timeout, drips("", b"HTTP/1.1 100 Continue\r\n\r\n", ms(20))),
        // Size: bodies far past the cap, with a length, without one, chunked, and endless.
        case("10 MB body with Content-Length", Get, 5_000, InvalidResponse, streams(
            format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {ten_mb}\r\n\r\n"), b' ', ten_mb)),
        case("10 MB body until close", List, 5_000, InvalidResponse, streams(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n".into(), b'[', ten_mb)),
        case("endless body", Get, 5_000, InvalidResponse, streams(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n".into(), b'x', usize::MAX)),
        case("a chunk of 2^64 - 1 bytes", Get, 5_000, InvalidResponse, streams(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n".into(), b'x', 2 * 1024 * 1024)),
        case("a 10 MB 422", Create, 5_000, InvalidResponse, streams(
            format!("HTTP/1.1 422 Unprocessable Content\r\nContent-Type: application/json\r\nContent-Length: {ten_mb}\r\n\r\n"), b'{', ten_mb)),
        case("a megabyte of headers", Get, 5_000, Network, streams(
            "HTTP/1.1 200 OK\r\nX-Big: ".into(), b'a', 1024 * 1024)),
        // Content: not UTF-8, not JSON, or JSON that says something else.
        case("invalid UTF-8 in the body", Get, 2_000, InvalidResponse,
            replies(answer("200 OK", json, "", &{ let mut b = account().into_bytes(); b[30] = 0xff; b }))),
        case("invalid UTF-8 in a 422", Create, 2_000, InvalidResponse,
            replies(answer("422 Unprocessable Content", json, "", b"{\"message\":\"\xc3\x28\",\"errors\":{\"name\":[\"\xff\"]}}"))),
        case("invalid UTF-8 in the headers", Get, 2_000, InvalidResponse,
            replies(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Bad: \xff\xfe\r\nContent-Length: 8\r\n\r\nnot json".to_vec())),
        case("an account as text/html", Get, 2_000, InvalidResponse,
            replies(answer("200 OK", Some("text/html; charset=utf-8"), "", account().as_bytes()))),
        case("an account with no Content-Type", Create, 2_000, InvalidResponse,
            replies(answer("201 Created", None, "", account().as_bytes()))),
        case("a login page with 200", List, 2_000, InvalidResponse,
            replies(answer("200 OK", Some("text/html"), "", b"<!doctype html><form action=/login>"))),
        case("200 with an error body", Get, 2_000, InvalidResponse,
            replies(answer("200 OK", json, "", br#"{"message":"Unauthenticated."}"#))),
        case("201 with a 422 body", Create, 2_000, InvalidResponse,
            replies(answer("201 Created", json, "", br#"{"message":"x","errors":{"name":["The name field is required."]}}"#))),
        case("a body shorter than its length, then close", Get, 2_000, Network,
            replies(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"id\":".to_vec())),
        // Redirects: never followed, whichever origin they point to.
        case("302 to another origin", Get, 2_000, InvalidResponse,
            replies(answer("302 Found", None, "Location: http://evil.example:9/steal\r\n", b""))),
        case("307 to another origin", Create, 2_000, InvalidResponse,
            replies(answer("307 Temporary Redirect", None, "Location: https://evil.example/\r\n", b""))),
        case("308 to this origin with an account", Get, 2_000, InvalidResponse,
            replies(answer("308 Permanent Redirect", json, "Location: /workspaces/ws_pooled/billing-accounts/cus_1\r\n", account().as_bytes()))),
        // Connections: reset, closed, or not HTTP at all.
        // Closing with the request unread makes the kernel answer with RST.
        case("reset before answering", Create, 2_000, Network, Arc::new(|_, _| {
            thread::sleep(Duration::from_millis(50));
        })),
        case("closed without a byte", Get, 2_000, Network, Arc::new(|s, _| {
            read_request(s);
        })),
        case("answers SSH", Create, 2_000, Network, replies(b"SSH-2.0-OpenSSH_9.6\r\n".to_vec())),
        case("a four-digit status", Get, 2_000, Network, replies(b"HTTP/1.1 2000 OK\r\n\r\n".to_vec())),
        case("a header line without a colon", Create, 2_000, Network,
            replies(b"HTTP/1.1 200 OK\r\nContent-Type application/json\r\n\r\n{}".to_vec())),
        case("a bad chunk size", Get, 2_000, Network,
            replies(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n".to_vec())),
        case("a Content-Length that is not a number", Create, 2_000, Network,
            replies(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n{}".to_vec())),
        // Statuses the client must not wait on forever.
        case("429 asking for a day", Get, 2_000, RateLimited,
            replies(answer("429 Too Many Requests", json, "Retry-After: 86400\r\n", b"{}"))),
        case("503 asking for 99999999999999999999 s", List, 2_000, Server,
            replies(answer("503 Service Unavailable", json, "Retry-After: 99999999999999999999\r\n", b"{}"))),
        case("503 again and again", Get, 5_000, Server,
            replies(answer("503 Service Unavailable", Some("text/html"), "Retry-After: 0\r\n", b"<h1>down</h1>"))),
    ]
}

#[test]
fn every_hostile_answer_is_a_typed_error_in_bounded_time() {
    let cases = cases();
    let mut failures = Vec::new();
    let total = cases.len();
    // Four at a time: the slow cases overlap, and the machine stays usable.
    for pair in cases.chunks(4) {
        let handles: Vec<_> = pair
            .iter()
            .map(|c| {
                let server = Hostile::start(Arc::clone(&c.script));
                let config = server.config(f64::from(c.timeout_ms));
                let (name, op, expected, timeout, max_conn) =
                    (c.name, c.operation, c.expected, c.timeout_ms, c.max_connections);
                thread::spawn(move || {
                    let started = Instant::now();
                    let outcome = run(&config, op);
                    let elapsed = started.elapsed();
                    let connections = server.connections.load(Ordering::SeqCst);
                    let bound = Duration::from_millis(u64::from(timeout) + 500);
                    let problem = match &outcome {
                        Ok(()) => Some("succeeded".to_string()),
                        Err(e) if e.kind() != expected => {
                            Some(format!("{:?} instead of {expected:?}", e.kind()))
                        }
                        Err(_) if elapsed > bound => Some(format!("took {elapsed:?}")),
                        Err(_) if connections > max_conn => {
                            Some(format!("{connections} connections"))
                        }
                        Err(e) if format!("{e:?}").contains(TOKEN) => {
                            Some("the token is in the error".into())
                        }
                        Err(_) => None,
                    };
                    println!(
                        "hostile: {name:<40} {op:<6?} -> {:<16} in {:>5} ms, {connections} connection(s){}",
                        outcome.as_ref().err().map_or("ok", |e| e.kind().as_str()),
                        elapsed.as_millis(),
                        problem.as_deref().map_or(String::new(), |p| format!("  FAIL: {p}")),
                    );
                    problem.map(|p| format!("{name}: {p}"))
                })
            })
            .collect();
        failures.extend(handles.into_iter().filter_map(|h| h.join().unwrap()));
    }
    println!(
        "hostile: {total} scripted faults, {} failed",
        failures.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

fn fault(s: &Server, description: serde_json::Value) {
    let r = s.control("POST", "/__faults", Some(&description.to_string()));
    assert_eq!(r.status, 201, "{}", r.text());
}

#[test]
fn the_stand_ins_faults_are_typed_errors_in_bounded_time() {
    use ApiErrorKind::*;
    let s = common::Server::start(&["--faults"]);
    let base = s.base();
    let config = |timeout_ms: f64| {
        ClientConfig::parse(&ConfigInput {
            token: &s.token,
            base_url: Some(&base),
            timeout_ms: Some(timeout_ms),
            locale: Locale::En,
        })
        .unwrap()
    };
    let acct = account();
    let faults: Vec<(serde_json::Value, Operation, ApiErrorKind)> = vec![
        (
            json!({"fault": "delay", "delay_ms": 1500}),
            Operation::Create,
            Timeout,
        ),
        (json!({"fault": "drop"}), Operation::Create, Network),
        (
            json!({"fault": "malformed"}),
            Operation::Get,
            InvalidResponse,
        ),
        (
            json!({"fault": "status", "status": 200, "body": "{\"message\":\"Unauthenticated.\"}"}),
            Operation::Get,
            InvalidResponse,
        ),
        (
            json!({"fault": "status", "status": 200, "body": acct, "content_type": "text/html"}),
            Operation::Get,
            InvalidResponse,
        ),
        (
            json!({"fault": "status", "status": 201, "body": acct, "content_type": "text/plain"}),
            Operation::Create,
            InvalidResponse,
        ),
        (
            json!({"fault": "status", "status": 200, "body": "<html>Sign in</html>", "content_type": "text/html"}),
            Operation::List,
            InvalidResponse,
        ),
        (
            json!({"fault": "status", "status": 200, "body": "\u{feff}{}"}),
            Operation::List,
            InvalidResponse,
        ),
        (
            json!({"fault": "status", "status": 302, "body": ""}),
            Operation::Get,
            InvalidResponse,
        ),
        (
            json!({"fault": "status", "status": 422, "body": "<h1>422</h1>", "content_type": "text/html"}),
            Operation::Create,
            InvalidResponse,
        ),
        (
            json!({"fault": "status", "status": 422, "body": "{\"message\":\"x\",\"errors\":{\"name\":[\"The name field is required.\"]}}"}),
            Operation::Create,
            Validation,
        ),
        (
            json!({"fault": "status", "status": 429, "retry_after": "86400"}),
            Operation::Get,
            RateLimited,
        ),
        (
            json!({"fault": "status", "status": 503, "retry_after": "Wed, 21 Oct 2099 07:28:00 GMT", "times": 5}),
            Operation::Get,
            Server,
        ),
        (
            json!({"fault": "status", "status": 500, "body": "Server Error", "content_type": "text/plain"}),
            Operation::Create,
            Server,
        ),
        (
            json!({"fault": "status", "status": 418}),
            Operation::List,
            Server,
        ),
    ];
    let n = faults.len();
    for (description, op, expected) in faults {
        s.control("POST", "/__reset", None);
        fault(&s, description.clone());
        let c = config(800.0);
        let started = Instant::now();
        let outcome = run(&c, op);
        let elapsed = started.elapsed();
        let kind = outcome.as_ref().err().map(ApiError::kind);
        let shown: String = description.to_string().chars().take(90).collect();
        println!(
            "hostile: stand-in {shown} {op:?} -> {} in {} ms",
            kind.map_or("ok", ApiErrorKind::as_str),
            elapsed.as_millis()
        );
        assert_eq!(kind, Some(expected), "{description}");
        assert!(
            elapsed < Duration::from_millis(1_300),
            "{description}: {elapsed:?}"
        );
    }
    println!("hostile: {n} stand-in faults injected, each a typed error");
}
