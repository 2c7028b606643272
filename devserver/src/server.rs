//! Connections on hyper: accepting, the connection cap that sheds the slowest idle connection,
//! timeouts and size limits, the hyper request turned into the handlers' `Request`, shutdown.
//!
//! Parsing, framing, keep-alive, `Expect: 100-continue`, HEAD and the header-read timeout are
//! hyper's. hyper starts that timer whenever it waits for a request head, so the same bound
//! closes a connection that drips its headers and one that sits idle between requests.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Body, Incoming};
use hyper::header::{HeaderName, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};

use crate::app::{self, App, Outcome};
use crate::message::{Request, Response, MAX_BODY};

/// The bounds of the server; `Limits::default()` is what `devserver` runs with.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Connections open at once. At the cap, a new connection pushes out the open one that has
    /// waited longest for its client's next request (the slowest sender, or the longest idle);
    /// one being answered is never pushed out; if every one is, the new one gets a 503.
    pub max_connections: usize,
    /// From waiting for a request head to having all of it (also the keep-alive idle time).
    pub header_timeout: Duration,
    /// From the head to the end of the body.
    pub body_timeout: Duration,
    /// How long shutdown waits for answers in progress.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_connections: 512,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// Request line and headers together; hyper answers 431 beyond it.
const MAX_HEAD_BYTES: usize = 32 * 1024;
const MAX_HEADERS: usize = 100;
/// What the cap looks at, per connection.
struct Tracked {
    /// Since when it has been waiting for a request from the client: its acceptance, or the end
    /// of its last answer. The one waiting longest is the slowest to send one.
    waiting_since: Mutex<Instant>,
    /// Requests being answered on it (0 or 1 in HTTP/1.1).
    answering: AtomicUsize,
    shed: Notify,
}

#[derive(Default)]
struct Registry {
    open: Mutex<HashMap<u64, Arc<Tracked>>>,
    next: AtomicU64,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Registry {
    /// Makes room for one more connection and registers it; `None` when all are being answered.
    fn admit(&self, max: usize, now: Instant) -> Option<(u64, Arc<Tracked>)> {
        let mut open = lock(&self.open);
        while open.len() >= max.max(1) {
            // A connection being answered is never pushed out; of the others, the one that
            // has waited longest for its client (a dripping head, or idle since its answer).
            let victim = open
                .iter()
                .filter(|(_, t)| t.answering.load(Ordering::SeqCst) == 0)
                .min_by_key(|(_, t)| *lock(&t.waiting_since))
                .map(|(id, _)| *id)?;
            if let Some(t) = open.remove(&victim) {
                t.shed.notify_one();
            }
        }
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let tracked = Arc::new(Tracked {
            waiting_since: Mutex::new(now),
            answering: AtomicUsize::new(0),
            shed: Notify::new(),
        });
        open.insert(id, Arc::clone(&tracked));
        Some((id, tracked))
    }

    fn remove(&self, id: u64) {
        lock(&self.open).remove(&id);
    }

    fn count(&self) -> usize {
        lock(&self.open).len()
    }
}

/// Marks a connection as answering while alive, so the cap never pushes it out mid-answer.
struct Answering(Arc<Tracked>);

impl Answering {
    fn new(tracked: &Arc<Tracked>) -> Answering {
        tracked.answering.fetch_add(1, Ordering::SeqCst);
        Answering(Arc::clone(tracked))
    }
}

impl Drop for Answering {
    fn drop(&mut self) {
        *lock(&self.0.waiting_since) = Instant::now();
        self.0.answering.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Why the connection is to be closed without an answer (a `drop` fault).
#[derive(Debug)]
struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("dropped by a fault")
    }
}

impl std::error::Error for Dropped {}

fn to_hyper(response: Response) -> hyper::Response<Full<Bytes>> {
    let mut out = hyper::Response::new(Full::new(Bytes::from(response.body)));
    *out.status_mut() =
        hyper::StatusCode::from_u16(response.status).unwrap_or(hyper::StatusCode::OK);
    let headers = out.headers_mut();
    for (name, value) in response.headers {
        // Values are ours; one that is not a valid header value is left out rather than sent.
        let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value.replace(['\r', '\n'], " ")),
        ) else {
            continue;
        };
        headers.append(name, value);
    }
    out
}

/// The head as the handlers see it, or the status that refuses it.
fn read_head(head: &hyper::http::request::Parts) -> Result<Request, u16> {
    let mut headers = Vec::with_capacity(head.headers.len());
    for (name, value) in &head.headers {
        // Header values that are not text (obs-text in Latin-1) are refused, never guessed at.
        let value = std::str::from_utf8(value.as_bytes()).map_err(|_| 400u16)?;
        headers.push((name.as_str().to_string(), value.trim().to_string()));
    }
    let method = head.method.as_str().to_string();
    // hyper reads a body by Transfer-Encoding when Content-Length is sent too (and closes the
    // connection after); a GET or HEAD with a body at all is refused.
    if matches!(method.as_str(), "GET" | "HEAD")
        && head.headers.contains_key(hyper::header::TRANSFER_ENCODING)
    {
        return Err(400);
    }
    Ok(Request {
        method,
        path: head.uri.path().to_string(),
        headers,
        body: Vec::new(),
    })
}

async fn read_body(body: Incoming, timeout: Duration) -> Result<Vec<u8>, u16> {
    if body.size_hint().lower() > u64::try_from(MAX_BODY).unwrap_or(u64::MAX) {
        return Err(413);
    }
    match tokio::time::timeout(timeout, Limited::new(body, MAX_BODY).collect()).await {
        Err(_) => Err(408),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => Err(413),
        Ok(Err(_)) => Err(400),
        Ok(Ok(collected)) => Ok(collected.to_bytes().to_vec()),
    }
}

/// Whether answering may wait on the disk: files, the data file (`/__reset` writes it too).
fn may_block(app: &App, request: &Request) -> bool {
    let api = request.path.starts_with("/workspaces/");
    let writes = !matches!(request.method.as_str(), "GET" | "HEAD" | "OPTIONS");
    !api || (writes && app.data.is_some())
}

async fn answer(
    app: Arc<App>,
    limits: Limits,
    tracked: Arc<Tracked>,
    request: hyper::Request<Incoming>,
) -> Result<hyper::Response<Full<Bytes>>, Dropped> {
    let _answering = Answering::new(&tracked);
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let mut request = match read_head(&parts) {
        Ok(r) => r,
        Err(status) => return Ok(to_hyper(refusal(status))),
    };
    match read_body(body, limits.body_timeout).await {
        Ok(bytes) => request.body = bytes,
        Err(status) => return Ok(to_hyper(refusal(status))),
    }
    let blocking = may_block(&app, &request);
    let fault = app::take_fault(&app, &request);
    // The request is answered in a task of its own: a client that gives up (a timeout, a
    // closed tab) does not cancel what the server was doing, as with a real server. A delayed
    // create still creates; that is what a lost answer leaves behind, and what clients must
    // be tested against. The task keeps its answer counted until it is done.
    let work = tokio::spawn(async move {
        let _answering = _answering;
        if let Some(delay) = fault.as_ref().map(|f| f.delay_ms).filter(|ms| *ms > 0) {
            tokio::time::sleep(Duration::from_millis(delay)).await;
        }
        let handle = move || {
            let outcome = app::handle(&app, &request, fault);
            app::log(&app, &request, &outcome, started);
            outcome
        };
        // Work that may block (files, the data file) runs on the blocking pool, off the
        // async workers. An in-memory API answer takes microseconds under a lock: it runs here.
        if blocking {
            tokio::task::spawn_blocking(handle).await.ok()
        } else {
            Some(handle())
        }
    });
    let handled = work.await.ok().flatten().ok_or(());
    match handled {
        Ok(Outcome::Respond(response)) => Ok(to_hyper(response)),
        Ok(Outcome::Drop) => Err(Dropped),
        Err(_) => Ok(to_hyper(refusal(500))),
    }
}

/// The answer to a request refused before any handler saw it; the connection closes after it.
fn refusal(status: u16) -> Response {
    Response::text(status, crate::message::reason(status)).header("Connection", "close")
}

/// The answer to a connection over the cap while every open one is being answered.
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 22\r\nConnection: close\r\n\r\nToo many connections.\n";

/// Serves one connection until it ends, is pushed out, or shutdown has waited long enough.
async fn serve_connection(
    app: Arc<App>,
    limits: Limits,
    stream: TcpStream,
    tracked: Arc<Tracked>,
    mut shutdown: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let io = TokioIo::new(stream);
    let service_tracked = Arc::clone(&tracked);
    let service = service_fn(move |request| {
        answer(
            Arc::clone(&app),
            limits,
            Arc::clone(&service_tracked),
            request,
        )
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_headers(MAX_HEADERS)
        .max_header_size(MAX_HEAD_BYTES)
        .max_buf_size(2 * MAX_HEAD_BYTES)
        // `Content-Length`, as curl and browsers' devtools show them; names are case-blind anyway.
        .title_case_headers(true)
        .keep_alive(true);
    let connection = builder.serve_connection(io, service);
    let mut connection = std::pin::pin!(connection);
    let mut closing = false;
    if *shutdown.borrow() {
        return;
    }
    loop {
        tokio::select! {
            _ = connection.as_mut() => return,
            // Pushed out by a newer connection: dropping the connection closes the socket.
            () = tracked.shed.notified() => return,
            changed = shutdown.changed(), if !closing => {
                closing = true;
                // A connection waiting for its client (idle, a preconnect, a head dripping in)
                // closes now; one being answered finishes its answer first, then closes.
                if changed.is_err() || tracked.answering.load(Ordering::SeqCst) == 0 {
                    return;
                }
                connection.as_mut().graceful_shutdown();
            }
        }
    }
}

/// Accepts connections until `stop` resolves, then waits (at most `shutdown_grace`) for the
/// answers in progress. Writes to the data file run to their end in any case: they are blocking
/// tasks the runtime waits for.
pub async fn run(
    app: Arc<App>,
    listener: TcpListener,
    limits: Limits,
    stop: impl std::future::Future<Output = ()>,
) {
    let registry = Arc::new(Registry::default());
    let (tell, shutdown) = watch::channel(false);
    let mut stop = std::pin::pin!(stop);
    loop {
        let accepted = tokio::select! {
            () = stop.as_mut() => break,
            accepted = listener.accept() => accepted,
        };
        let mut stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors, say: wait a little rather than spin.
                eprintln!("devserver: cannot accept a connection: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Some((id, tracked)) = registry.admit(limits.max_connections, Instant::now()) else {
            tokio::spawn(async move {
                let _ = tokio::time::timeout(Duration::from_secs(1), stream.write_all(BUSY)).await;
            });
            continue;
        };
        let app = Arc::clone(&app);
        let registry = Arc::clone(&registry);
        let shutdown = shutdown.clone();
        tokio::spawn(async move {
            serve_connection(app, limits, stream, tracked, shutdown).await;
            registry.remove(id);
        });
    }
    drop(listener);
    let _ = tell.send(true);
    let deadline = Instant::now() + limits.shutdown_grace;
    while registry.count() > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_pushes_out_the_longest_waiting_connection_and_never_one_being_answered() {
        let r = Registry::default();
        let t0 = Instant::now();
        let at = |s: u64| t0 + Duration::from_secs(s);
        let (a, _) = r.admit(3, at(0)).unwrap();
        let (b, tb) = r.admit(3, at(1)).unwrap();
        let (c, _) = r.admit(3, at(2)).unwrap();
        let open = |r: &Registry| {
            let mut v: Vec<u64> = lock(&r.open).keys().copied().collect();
            v.sort_unstable();
            v
        };
        // a has waited longest: it goes.
        let (d, _) = r.admit(3, at(3)).unwrap();
        assert_eq!(open(&r), vec![b, c, d]);
        // b is being answered: c goes, although b is older.
        let answering = Answering::new(&tb);
        let (e, _) = r.admit(3, at(4)).unwrap();
        assert_eq!(open(&r), vec![b, d, e]);
        // Its answer done, b waits from now: d goes next.
        drop(answering);
        *lock(&tb.waiting_since) = at(5);
        let (f, _) = r.admit(3, at(6)).unwrap();
        assert_eq!(open(&r), vec![b, e, f]);
        let _ = a;
        // All being answered: no room, the caller answers 503.
        let guards: Vec<Answering> = lock(&r.open).values().map(Answering::new).collect();
        assert!(r.admit(3, at(7)).is_none());
        drop(guards);
    }
}
