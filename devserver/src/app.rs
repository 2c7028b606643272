//! The stand-in's answers: routing, auth, CORS, page headers, faults and the test controls.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use serde_json::json;

use crate::api;
use crate::faults::{Action, Fault, Faults};
use crate::files;
use crate::message::{self as http, Request, Response};
use crate::store::{Store, DEFAULT_WORKSPACE, WORKSPACES};

/// The page's Content-Security-Policy: no inline script; wasm may be compiled; the API is same-origin.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
frame-ancestors 'none'; form-action 'self'";

pub struct App {
    pub token: String,
    pub store: Mutex<Store>,
    /// Where accounts are kept across restarts; in memory only when `None`.
    pub data: Option<PathBuf>,
    /// Fault injection and request counts; `None` unless started with `--faults`.
    pub faults: Option<Mutex<Faults>>,
    pub www: PathBuf,
    pub pkg: PathBuf,
    pub quiet: bool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A handler never panics while holding a lock; if one did, the data is still usable.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl App {
    pub fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.store)
    }
}

/// What to do with a request.
pub enum Outcome {
    Respond(Response),
    /// Close the connection without answering (fault injection).
    Drop,
}

/// One line a request: method, path (never the query, never a header) and outcome.
pub fn log(app: &App, request: &Request, outcome: &Outcome, started: Instant) {
    if !app.quiet {
        let outcome = match outcome {
            Outcome::Respond(r) => r.status.to_string(),
            Outcome::Drop => "dropped".to_string(),
        };
        eprintln!(
            "devserver: {} {} -> {} ({} ms)",
            request.method,
            request.path,
            outcome,
            started.elapsed().as_millis()
        );
    }
}

/// With `--faults`, counts an API request and takes the first fault it matches. The caller
/// waits the fault's `delay_ms` (without holding a thread), then calls `handle` with it.
pub fn take_fault(app: &App, request: &Request) -> Option<Fault> {
    let faults = app.faults.as_ref()?;
    if !local_host(request.header("host")) || request.method == "OPTIONS" {
        return None;
    }
    let (route, _, _) = api::route(&request.path)?;
    lock(faults).on_request(&request.method, route, &request.path, &request.body)
}

/// Whether `Host` names this machine: a page elsewhere that rebinds its DNS name to 127.0.0.1
/// cannot read the token from `/config.json`.
fn local_host(host: Option<&str>) -> bool {
    let Some(host) = host else { return false };
    let name = if host.starts_with('[') {
        host.split_once(']')
            .map_or(host, |(h, _)| h)
            .trim_start_matches('[')
    } else {
        host.split(':').next().unwrap_or(host)
    };
    matches!(
        name.to_ascii_lowercase().as_str(),
        "127.0.0.1" | "localhost" | "::1"
    )
}

/// The fault queued for this API request, if any, once its delay is over (`take_fault`).
pub fn handle(app: &App, request: &Request, fault: Option<Fault>) -> Outcome {
    if !local_host(request.header("host")) {
        return Outcome::Respond(page_headers(Response::text(
            421,
            "This server answers only to localhost.\n",
        )));
    }
    let path = request.path.as_str();
    if path == "/workspaces" || path.starts_with("/workspaces/") {
        return api_request(app, request, fault).map(cors);
    }
    if path.starts_with("/__") {
        return Outcome::Respond(control(app, request));
    }
    Outcome::Respond(page_headers(page(app, request)))
}

impl Outcome {
    fn map(self, f: impl FnOnce(Response) -> Response) -> Outcome {
        match self {
            Outcome::Respond(r) => Outcome::Respond(f(r)),
            Outcome::Drop => Outcome::Drop,
        }
    }
}

/// Any origin may call the API: it is authorized by a bearer token, never by cookies.
fn cors(response: Response) -> Response {
    response
        .header("Access-Control-Allow-Origin", "*")
        .header("Access-Control-Expose-Headers", "Retry-After, Date")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
}

fn preflight() -> Response {
    Response::new(204)
        .header(
            "Access-Control-Allow-Methods",
            "GET, POST, PATCH, DELETE, OPTIONS",
        )
        .header(
            "Access-Control-Allow-Headers",
            "Authorization, Content-Type, Accept, Idempotency-Key",
        )
        .header("Access-Control-Max-Age", "600")
}

fn page_headers(response: Response) -> Response {
    response
        .header("Content-Security-Policy", CSP)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY")
        .header("Cross-Origin-Opener-Policy", "same-origin")
        .header("Cache-Control", "no-cache")
}

/// Compares without stopping at the first difference, so timing does not tell how much matched.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn authorized(app: &App, request: &Request) -> bool {
    let Some(value) = request.header("authorization") else {
        return false;
    };
    let Some((scheme, token)) = value.split_once(' ') else {
        return false;
    };
    scheme.eq_ignore_ascii_case("bearer") && same(token.trim().as_bytes(), app.token.as_bytes())
}

fn api_request(app: &App, request: &Request, fault: Option<Fault>) -> Outcome {
    if request.method == "OPTIONS" {
        return Outcome::Respond(preflight());
    }
    let Some((route, workspace, id)) = api::route(&request.path) else {
        return Outcome::Respond(Response::json(404, &json!({"message": "Not Found."})));
    };
    if let Some(fault) = fault {
        match fault.action {
            Action::Delay => {}
            Action::Drop => return Outcome::Drop,
            Action::Malformed => {
                let cut = r#"{"id":"cus_"#;
                return Outcome::Respond(Response::new(200).body("application/json", cut));
            }
            Action::Status {
                status,
                retry_after,
                body,
                content_type,
            } => {
                let (ct, body) = match (body, content_type) {
                    (Some(b), ct) => (ct.unwrap_or_else(|| "application/json".into()), b),
                    (None, _) => (
                        "application/json".into(),
                        json!({"message": http::reason(status)}).to_string(),
                    ),
                };
                let mut r = Response::new(status).body(&ct, body);
                if let Some(ra) = retry_after {
                    r = r.header("Retry-After", ra);
                }
                return Outcome::Respond(r);
            }
        }
    }
    if !authorized(app, request) {
        return Outcome::Respond(
            Response::json(401, &json!({"message": "Unauthenticated."}))
                .header("WWW-Authenticate", "Bearer"),
        );
    }
    Outcome::Respond(api::handle(app, request, route, workspace, id))
}

/// Whether `origin` is a page on this machine (`http://127.0.0.1:PORT`, `localhost`, `[::1]`).
fn loopback_origin(origin: &str) -> bool {
    origin
        .strip_prefix("http://")
        .is_some_and(|host| !host.contains(['/', '@', '?', '#']) && local_host(Some(host)))
}

/// The test controls' CORS: a page on this machine (wasm-bindgen-test's runner serves its page
/// from another local port) may call them with the token; no other origin is offered anything.
fn control_cors(request: &Request, response: Response) -> Response {
    let response = response
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .header("Vary", "Origin");
    match request.header("origin") {
        Some(origin) if loopback_origin(origin) => {
            response.header("Access-Control-Allow-Origin", origin.to_string())
        }
        _ => response,
    }
}

/// The test controls of `--faults`: queue faults, read counts, reset. They need the token: a
/// page elsewhere cannot wipe the accounts or read the counts with a simple request.
fn control(app: &App, request: &Request) -> Response {
    let not_found = || Response::json(404, &json!({"message": "Not Found."}));
    let Some(faults) = &app.faults else {
        return not_found();
    };
    if request.method == "OPTIONS" {
        let loopback = request.header("origin").is_some_and(loopback_origin);
        if !loopback {
            return Response::json(
                403,
                &json!({"message": "The test controls are not offered to other origins."}),
            );
        }
        let answer = Response::new(204)
            .header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS")
            .header(
                "Access-Control-Allow-Headers",
                "Authorization, Content-Type",
            )
            .header("Access-Control-Max-Age", "600");
        return control_cors(request, answer);
    }
    if !authorized(app, request) {
        let refused = Response::json(401, &json!({"message": "Unauthenticated."}))
            .header("WWW-Authenticate", "Bearer");
        return control_cors(request, refused);
    }
    control_cors(request, control_authorized(app, faults, request))
}

fn control_authorized(app: &App, faults: &Mutex<Faults>, request: &Request) -> Response {
    let not_found = || Response::json(404, &json!({"message": "Not Found."}));
    let body = || serde_json::from_slice::<serde_json::Value>(&request.body);
    match (request.method.as_str(), request.path.as_str()) {
        ("GET", "/__stats") => Response::json(200, &lock(faults).stats()),
        ("DELETE", "/__stats") => {
            lock(faults).reset_stats();
            Response::new(204)
        }
        ("GET", "/__faults") => Response::json(200, &lock(faults).list()),
        ("POST", "/__faults") => match body() {
            Ok(v) => match lock(faults).add(&v) {
                Ok(described) => Response::json(201, &described),
                Err(why) => Response::json(400, &json!({"message": why})),
            },
            Err(_) => Response::json(400, &json!({"message": "The body must be JSON."})),
        },
        ("DELETE", "/__faults") => {
            lock(faults).clear();
            Response::new(204)
        }
        ("POST", "/__reset") => {
            let mut store = app.store();
            store.idempotency.clear();
            let before = std::mem::take(&mut store.accounts);
            if let Some(path) = &app.data {
                if let Err(e) = store.save(path) {
                    store.accounts = before;
                    eprintln!("devserver: cannot write {}: {e}", path.display());
                    return Response::json(500, &json!({"message": "Server Error"}));
                }
            }
            let mut f = lock(faults);
            f.clear();
            f.reset_stats();
            Response::new(204)
        }
        (method, path) => match path.strip_prefix("/__faults/").map(str::parse::<u64>) {
            Some(Ok(id)) if method == "GET" => lock(faults)
                .get(id)
                .map_or_else(not_found, |f| Response::json(200, &f)),
            _ => not_found(),
        },
    }
}

/// The settings the page reads at start, so the demo needs nothing typed.
fn page_config(app: &App, request: &Request) -> Response {
    let host = request.header("host").unwrap_or("127.0.0.1");
    let workspaces: Vec<serde_json::Value> = WORKSPACES
        .iter()
        .map(|(id, mode)| json!({"id": id, "billingMode": mode.as_str(), "limit": mode.limit()}))
        .collect();
    Response::json(
        200,
        &json!({
            "baseUrl": format!("http://{host}"),
            "token": app.token,
            "workspaceId": DEFAULT_WORKSPACE,
            "workspaces": workspaces,
        }),
    )
}

fn page(app: &App, request: &Request) -> Response {
    if request.method != "GET" && request.method != "HEAD" {
        return Response::text(405, "Method Not Allowed\n").header("Allow", "GET, HEAD");
    }
    let path = request.path.as_str();
    if path == "/config.json" {
        return page_config(app, request);
    }
    if let Some(rest) = path.strip_prefix("/pkg/") {
        return files::serve(&app.pkg, rest);
    }
    if path == "/pkg" {
        return Response::new(301).header("Location", "/pkg/");
    }
    let served = files::serve(&app.www, path);
    if served.status == 404 && (path == "/" || path == "/index.html") {
        return Response::new(200).body("text/html; charset=utf-8", files::PLACEHOLDER);
    }
    served
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_hosts_are_answered() {
        for ok in [
            "127.0.0.1",
            "127.0.0.1:8080",
            "localhost:1",
            "LOCALHOST",
            "[::1]:8080",
            "[::1]",
        ] {
            assert!(local_host(Some(ok)), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:8080",
            "127.0.0.1.evil.example",
            "",
            "[::2]",
        ] {
            assert!(!local_host(Some(bad)), "{bad}");
        }
        assert!(!local_host(None));
    }

    #[test]
    fn only_pages_on_this_machine_are_loopback_origins() {
        for ok in [
            "http://127.0.0.1:8000",
            "http://localhost:5173",
            "http://[::1]:80",
            "http://127.0.0.1",
        ] {
            assert!(loopback_origin(ok), "{ok}");
        }
        for bad in [
            "https://evil.example",
            "http://127.0.0.1.evil.example",
            "http://evil.example@127.0.0.1",
            "http://127.0.0.1:8000/path",
            "https://localhost:8000",
            "null",
            "",
        ] {
            assert!(!loopback_origin(bad), "{bad}");
        }
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"ab"));
    }
}
