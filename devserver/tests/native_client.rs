//! The sans-IO client driven by a transport on ureq against the stand-in: the same loop
//! the wasm shell runs with fetch (build, send, parse, ask the retry policy), end to end.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly

mod common;

use std::time::{Duration, Instant};

use billing_account_form::api::{
    create_request, get_request, list_request, parse_account, parse_list, update_request, ApiError,
    ApiErrorKind, ClientConfig, ConfigInput, Operation,
};
use billing_account_form::{BillingAccount, BillingAccountList, Locale, Value};
use common::kept_transport::call;
use common::Server;
use serde_json::json;

struct Client {
    config: ClientConfig,
}

impl Client {
    fn new(server: &Server) -> Client {
        Client::with(server, &server.token, None)
    }

    fn with(server: &Server, token: &str, timeout_ms: Option<f64>) -> Client {
        let base = server.base();
        let config = ClientConfig::parse(&ConfigInput {
            token,
            base_url: Some(&base),
            timeout_ms,
            locale: Locale::En,
        })
        .unwrap();
        Client { config }
    }

    fn create(&self, ws: &str, body: serde_json::Value) -> Result<BillingAccount, ApiError> {
        let spec = create_request(&self.config, ws, &Value::from(&body))?;
        call(&self.config, &spec, |r| {
            parse_account(&self.config, Operation::Create, r)
        })
    }

    fn update(
        &self,
        ws: &str,
        id: &str,
        body: serde_json::Value,
    ) -> Result<BillingAccount, ApiError> {
        let spec = update_request(&self.config, ws, id, &Value::from(&body))?;
        call(&self.config, &spec, |r| {
            parse_account(&self.config, Operation::Update, r)
        })
    }

    fn get(&self, ws: &str, id: &str) -> Result<BillingAccount, ApiError> {
        let spec = get_request(&self.config, ws, id)?;
        call(&self.config, &spec, |r| {
            parse_account(&self.config, Operation::Get, r)
        })
    }

    fn list(&self, ws: &str) -> Result<BillingAccountList, ApiError> {
        let spec = list_request(&self.config, ws)?;
        call(&self.config, &spec, |r| parse_list(&self.config, r))
    }
}

fn fault(s: &Server, description: serde_json::Value) {
    let r = s.control("POST", "/__faults", Some(&description.to_string()));
    assert_eq!(r.status, 201, "{}", r.text());
}

fn count(s: &Server, key: &str) -> u64 {
    s.control("GET", "/__stats", None).json()["paths"][key]
        .as_u64()
        .unwrap_or(0)
}

#[test]
fn create_get_list_update_then_get_sees_absent_kept_and_null_cleared() {
    let s = Server::start(&[]);
    let c = Client::new(&s);
    let a = c
        .create("ws_pooled", json!({"name": " ACME ", "email": "billing@acme.com", "phone": "+1 555", "description": "d"}))
        .unwrap();
    assert_eq!((a.name.as_str(), a.currency.as_str()), ("ACME", "usd"));
    assert_eq!(c.get("ws_pooled", &a.id).unwrap(), a);
    let list = c.list("ws_pooled").unwrap();
    assert_eq!((list.data, list.has_more), (vec![a.clone()], false));
    let u = c
        .update("ws_pooled", &a.id, json!({"phone": null, "name": "ACME 2"}))
        .unwrap();
    let later = c.get("ws_pooled", &a.id).unwrap();
    assert_eq!(later, u);
    assert_eq!(later.phone, None);
    assert_eq!(later.description.as_deref(), Some("d"));
    assert_eq!(later.email, "billing@acme.com");
    assert_eq!(later.name, "ACME 2");
}

#[test]
fn each_failure_is_its_kind() {
    let s = Server::start(&[]);
    let c = Client::new(&s);
    let wrong = Client::with(&s, "not-the-token", None);
    assert_eq!(
        wrong.list("ws_pooled").unwrap_err().kind(),
        ApiErrorKind::Unauthorized
    );
    assert_eq!(
        c.get("ws_pooled", "cus_missing").unwrap_err().kind(),
        ApiErrorKind::NotFound
    );
    assert_eq!(
        c.list("ws_other").unwrap_err().kind(),
        ApiErrorKind::NotFound
    );
    c.create("ws_single", json!({"name": "A", "email": "a@b.co"}))
        .unwrap();
    let limit = c
        .create("ws_single", json!({"name": "B", "email": "b@b.co"}))
        .unwrap_err();
    assert_eq!(limit.kind(), ApiErrorKind::Conflict);
    assert_eq!(
        limit.message(),
        "This workspace already has as many billing accounts as its billing mode allows."
    );
    let local = c
        .create("ws_pooled", json!({"name": "", "email": "a@b.co"}))
        .unwrap_err();
    assert_eq!(local.kind(), ApiErrorKind::InvalidInput);
    assert_eq!(local.errors()[0].path(), "name");
    let bad_id = c.get("ws_pooled", "cus_../x").unwrap_err();
    assert_eq!(
        (bad_id.kind(), bad_id.errors()[0].path()),
        (ApiErrorKind::InvalidInput, "billingAccountId")
    );
}

#[test]
fn the_servers_422_arrives_on_the_local_paths() {
    let s = Server::start(&["--faults"]);
    let c = Client::new(&s);
    // The client never sends an invalid body, so make the server refuse a valid one.
    fault(
        &s,
        json!({"fault": "status", "status": 422, "body": json!({"message": "x", "errors": {"address.postal_code": ["The address.postal code field must not be greater than 255 characters."]}}).to_string()}),
    );
    let err = c
        .create("ws_pooled", json!({"name": "A", "email": "a@b.co"}))
        .unwrap_err();
    assert_eq!(err.kind(), ApiErrorKind::Validation);
    assert_eq!(
        (err.errors()[0].path(), err.errors()[0].code().as_str()),
        ("address.postal_code", "too_long")
    );
}

#[test]
fn a_503_is_retried_for_update_and_get_but_never_for_create() {
    let s = Server::start(&["--faults"]);
    let c = Client::new(&s);
    let a = c
        .create("ws_pooled", json!({"name": "A", "email": "a@b.co"}))
        .unwrap();
    let account = format!("/workspaces/ws_pooled/billing-accounts/{}", a.id);

    fault(
        &s,
        json!({"method": "PATCH", "path": account, "fault": "status", "status": 503, "retry_after": "1"}),
    );
    let started = Instant::now();
    let u = c.update("ws_pooled", &a.id, json!({"name": "B"})).unwrap();
    assert_eq!(u.name, "B");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After was honoured"
    );
    assert_eq!(count(&s, &format!("PATCH {account}")), 2);

    fault(
        &s,
        json!({"method": "GET", "path": account, "fault": "status", "status": 502, "times": 1}),
    );
    assert_eq!(c.get("ws_pooled", &a.id).unwrap().name, "B");
    assert_eq!(count(&s, &format!("GET {account}")), 2);

    fault(
        &s,
        json!({"method": "POST", "fault": "status", "status": 503, "retry_after": "0", "times": 5}),
    );
    let err = c
        .create("ws_pooled", json!({"name": "C", "email": "c@b.co"}))
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.status()),
        (ApiErrorKind::Server, Some(503))
    );
    assert_eq!(
        count(&s, "POST /workspaces/ws_pooled/billing-accounts"),
        2,
        "one for the first create, one for this"
    );

    // Three attempts at most, then the error.
    fault(
        &s,
        json!({"method": "GET", "path": account, "fault": "status", "status": 503, "times": 10}),
    );
    assert_eq!(c.get("ws_pooled", &a.id).unwrap_err().status(), Some(503));
    assert_eq!(count(&s, &format!("GET {account}")), 5);
}

#[test]
fn a_dropped_connection_is_a_network_error_retried_for_a_get_not_a_create() {
    let s = Server::start(&["--faults"]);
    let c = Client::new(&s);
    fault(&s, json!({"method": "GET", "fault": "drop"}));
    assert!(c.list("ws_pooled").is_ok());
    assert_eq!(count(&s, "GET /workspaces/ws_pooled/billing-accounts"), 2);
    fault(&s, json!({"method": "POST", "fault": "drop"}));
    let err = c
        .create("ws_pooled", json!({"name": "A", "email": "a@b.co"}))
        .unwrap_err();
    assert_eq!(err.kind(), ApiErrorKind::Network);
    assert_eq!(count(&s, "POST /workspaces/ws_pooled/billing-accounts"), 1);
}

#[test]
fn a_malformed_body_is_invalid_response_and_not_retried() {
    let s = Server::start(&["--faults"]);
    let c = Client::new(&s);
    fault(&s, json!({"fault": "malformed"}));
    assert_eq!(
        c.list("ws_pooled").unwrap_err().kind(),
        ApiErrorKind::InvalidResponse
    );
    assert_eq!(count(&s, "GET /workspaces/ws_pooled/billing-accounts"), 1);
}

#[test]
fn a_slow_server_is_a_timeout() {
    let s = Server::start(&["--faults"]);
    let c = Client::with(&s, &s.token, Some(300.0));
    fault(&s, json!({"fault": "delay", "delay_ms": 1500}));
    let started = Instant::now();
    assert_eq!(
        c.list("ws_pooled").unwrap_err().kind(),
        ApiErrorKind::Timeout
    );
    assert!(started.elapsed() < Duration::from_millis(1200));
}

#[test]
fn a_server_that_is_not_running_is_a_network_error() {
    let s = Server::start(&[]);
    let c = Client::with(&s, "t", Some(2_000.0));
    s.kill();
    let started = Instant::now();
    let err = c.list("ws_pooled").unwrap_err();
    assert_eq!(err.kind(), ApiErrorKind::Network);
    assert!(started.elapsed() < Duration::from_millis(2_000));
    let err = c
        .create("ws_pooled", json!({"name": "A", "email": "a@b.co"}))
        .unwrap_err();
    assert_eq!(err.kind(), ApiErrorKind::Network);
}
