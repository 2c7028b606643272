//! The API client in a real JS engine against the running stand-in: every outcome, over real `fetch` (cross-origin in Chromium). Runs in Node and headless Chromium.
//!
//! `scripts/test-wasm` starts `devserver --faults` and builds this file with `STANDIN_URL`,
//! `STANDIN_TOKEN` and `STANDIN_CLOSED_URL` (a port nothing listens on). Faults are scoped to
//! paths or body text no other test uses, so tests do not see each other's faults; the runner
//! runs them one at a time, so request counts read before and after a call are the call's.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use billing_account_form::wasm::{
    create_billing_account, get_billing_account, is_api_error, list_billing_accounts,
    update_billing_account, validate_create, validate_update, Options,
};
use gloo_net::http::Request;
use js_sys::{Function, Reflect, JSON};
use tsify::Ts;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

const NOT_BUILT: &str = "STANDIN_URL, STANDIN_TOKEN and STANDIN_CLOSED_URL are set at build time: run scripts/test-wasm";

fn base() -> &'static str {
    match option_env!("STANDIN_URL") {
        Some(v) => v,
        None => panic!("{NOT_BUILT}"),
    }
}

fn token() -> &'static str {
    match option_env!("STANDIN_TOKEN") {
        Some(v) => v,
        None => panic!("{NOT_BUILT}"),
    }
}

fn closed() -> &'static str {
    match option_env!("STANDIN_CLOSED_URL") {
        Some(v) => v,
        None => panic!("{NOT_BUILT}"),
    }
}

/// The value of a JavaScript expression.
fn js(expr: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expr});"))
        .call0(&JsValue::NULL)
        .expect("test expression threw")
}

/// Calls `f(value)` in JavaScript: checks written as JS expressions.
fn check(value: &JsValue, body: &str) -> JsValue {
    Function::new_with_args("r", body)
        .call1(&JsValue::NULL, value)
        .expect("check threw")
}

fn json(v: &JsValue) -> String {
    JSON::stringify(v).map(String::from).unwrap_or_default()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn text(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_default()
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

/// The stand-in's config with `extra` members (a JS object literal's inside).
fn config(extra: &str) -> JsValue {
    js(&format!(
        "{{ token: {token:?}, baseUrl: {base:?}, {extra} }}",
        token = token(),
        base = base()
    ))
}

/// Letters and digits no other test uses, for names and IDs.
fn unique(prefix: &str) -> String {
    format!("{prefix}{}", (js_sys::Math::random() * 1e12) as u64)
}

fn in_browser() -> bool {
    js("typeof window !== 'undefined'").is_truthy()
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A test control of the stand-in (`/__faults`, `/__stats`): status and body text.
async fn control(method: &str, path: &str, body: Option<&str>) -> (u16, String) {
    let url = format!("{}{path}", base());
    let request = match method {
        "GET" => Request::get(&url),
        "POST" => Request::post(&url),
        other => panic!("no control uses {other}"),
    }
    .header("Authorization", &format!("Bearer {}", token()));
    let response = match body {
        Some(b) => {
            request
                .header("Content-Type", "application/json")
                .body(b)
                .unwrap()
                .send()
                .await
        }
        None => request.send().await,
    }
    .expect("the stand-in's controls answer");
    (response.status(), response.text().await.unwrap())
}

/// Queues a fault (see devserver/src/faults.rs).
async fn fault(description: &str) {
    let (status, body) = control("POST", "/__faults", Some(description)).await;
    assert_eq!(status, 201, "fault refused: {body}");
}

/// Requests the stand-in has counted for `"METHOD /path"`.
async fn count(key: &str) -> u64 {
    let (_, body) = control("GET", "/__stats", None).await;
    let stats = JSON::parse(&body).unwrap();
    get(&get(&stats, "paths"), key).as_f64().unwrap_or(0.0) as u64
}

/// Every API request the stand-in has counted.
async fn total() -> u64 {
    let (_, body) = control("GET", "/__stats", None).await;
    let stats = JSON::parse(&body).unwrap();
    check(
        &get(&stats, "paths"),
        "return Object.values(r).reduce((a, b) => a + b, 0)",
    )
    .as_f64()
    .unwrap() as u64
}

fn list_path(ws: &str) -> String {
    format!("/workspaces/{ws}/billing-accounts")
}

fn account_path(ws: &str, id: &str) -> String {
    format!("/workspaces/{ws}/billing-accounts/{id}")
}

fn ok(outcome: Result<JsValue, JsValue>) -> JsValue {
    match outcome {
        Ok(v) => v,
        Err(e) => panic!("expected success, got {}", json(&e)),
    }
}

/// The rejection, checked to be a real `ApiError` with no trace of the token anywhere in it.
fn err(outcome: Result<JsValue, JsValue>) -> JsValue {
    let e = match outcome {
        Ok(v) => panic!("expected an ApiError, got {}", json(&v)),
        Err(e) => e,
    };
    assert!(e.is_instance_of::<js_sys::Error>(), "not an Error: {e:?}");
    assert!(is_api_error(e.clone()));
    assert_eq!(text(&e, "name"), "ApiError");
    let everything = format!(
        "{} {}",
        json(&e),
        check(&e, "return String(r) + ' ' + r.stack")
            .as_string()
            .unwrap()
    );
    assert!(
        !everything.contains(token()),
        "the token is in the error: {everything}"
    );
    e
}

fn kind(e: &JsValue) -> String {
    text(e, "kind")
}

/// `"path:code"` for each field error.
fn paths(e: &JsValue) -> String {
    check(
        e,
        "return (r.errors || []).map(e => e.path + ':' + e.code).join(' ')",
    )
    .as_string()
    .unwrap()
}

type Validate = fn(JsValue, Option<Ts<Options>>) -> Result<JsValue, JsValue>;

/// What the package's client entry hands the client module: the body as the validation module
/// judged it, in the config's locale (English when the config names none it knows).
fn judged(validate: Validate, cfg: &JsValue, input: JsValue) -> JsValue {
    let options = check(
        cfg,
        "const l = r && r.locale; return ['en', 'ar', 'id'].includes(l) ? { locale: l } : {}",
    );
    validate(input, Some(Ts::new_unchecked(options))).unwrap()
}

async fn create(cfg: &JsValue, ws: &str, input: &str) -> Result<JsValue, JsValue> {
    create_with_key(cfg, ws, input, JsValue::UNDEFINED).await
}

async fn create_with_key(
    cfg: &JsValue,
    ws: &str,
    input: &str,
    key: JsValue,
) -> Result<JsValue, JsValue> {
    let body = judged(validate_create, cfg, js(input));
    JsFuture::from(create_billing_account(cfg.clone(), s(ws), body, key)).await
}

async fn update(cfg: &JsValue, ws: &str, id: &str, patch: &str) -> Result<JsValue, JsValue> {
    let body = judged(validate_update, cfg, js(patch));
    JsFuture::from(update_billing_account(cfg.clone(), s(ws), s(id), body)).await
}

async fn fetch_one(cfg: &JsValue, ws: &str, id: &str) -> Result<JsValue, JsValue> {
    JsFuture::from(get_billing_account(cfg.clone(), s(ws), s(id))).await
}

async fn list(cfg: &JsValue, ws: &str) -> Result<JsValue, JsValue> {
    JsFuture::from(list_billing_accounts(cfg.clone(), s(ws))).await
}

/// A new account in `ws`; its ID.
async fn new_account(ws: &str) -> String {
    let name = unique("Acct ");
    let input = format!("{{ name: {name:?}, email: 'billing@acme.com' }}");
    text(&ok(create(&config(""), ws, &input).await), "id")
}

#[wasm_bindgen_test]
async fn create_get_list_update_then_a_later_get_sees_absent_kept_and_null_cleared() {
    let cfg = config("");
    let name = unique("Flow ");
    let input = format!(
        "{{ name: '  {name} ', email: 'billing@acme.com', phone: '+27 21 555 0100', description: 'Head office', currency: 'zar', address: {{ country: 'ZA', city: 'Cape Town' }} }}"
    );
    let created = ok(create(&cfg, "ws_pooled", &input).await);
    let id = text(&created, "id");
    assert!(id.starts_with("cus_"), "{id}");
    assert_eq!(text(&created, "name"), name, "trimmed before sending");
    assert_eq!(text(&created, "workspace_id"), "ws_pooled");
    assert_eq!(text(&created, "currency"), "zar");
    // The server sends null for the address's empty lines; `Address` leaves them out, as typed.
    assert_eq!(
        json(&get(&created, "address")),
        r#"{"country":"ZA","city":"Cape Town"}"#
    );

    let fetched = ok(fetch_one(&cfg, "ws_pooled", &id).await);
    assert_eq!(json(&fetched), json(&created));

    let listed = ok(list(&cfg, "ws_pooled").await);
    assert_eq!(get(&listed, "has_more"), JsValue::FALSE);
    let found = check(
        &listed,
        &format!("return JSON.stringify(r.data.find(a => a.id === {id:?}))"),
    );
    assert_eq!(found.as_string().unwrap(), json(&created));

    // Absent: email, description, address stay. null: phone is cleared. A value: name changes.
    let updated = ok(update(&cfg, "ws_pooled", &id, "{ name: 'Flow Two', phone: null }").await);
    let later = ok(fetch_one(&cfg, "ws_pooled", &id).await);
    assert_eq!(json(&later), json(&updated));
    assert_eq!(text(&later, "name"), "Flow Two");
    assert!(get(&later, "phone").is_null(), "null, not undefined");
    assert_eq!(text(&later, "email"), "billing@acme.com");
    assert_eq!(text(&later, "description"), "Head office");
    assert_eq!(text(&get(&later, "address"), "city"), "Cape Town");

    // `undefined` is absent, as JSON has it; null clears the address and the description.
    ok(update(
        &cfg,
        "ws_pooled",
        &id,
        "{ email: undefined, address: null, description: null }",
    )
    .await);
    let last = ok(fetch_one(&cfg, "ws_pooled", &id).await);
    assert!(get(&last, "address").is_null());
    assert!(get(&last, "description").is_null());
    assert_eq!(text(&last, "email"), "billing@acme.com");
    assert_eq!(text(&last, "name"), "Flow Two");
}

#[wasm_bindgen_test]
async fn an_invalid_body_rejects_with_the_validators_errors_and_nothing_is_sent() {
    let cfg = config("locale: 'id'");
    let before = total().await;
    let input =
        "{ name: ' ', email: 'billing@@acme', currency: 'EUR', address: { postalCode: '8001' } }";
    let e = err(create(&cfg, "ws_pooled", input).await);
    assert_eq!(kind(&e), "invalid_input");
    assert!(get(&e, "status").is_undefined());
    assert_eq!(
        text(&e, "message"),
        "Beberapa nilai perlu diperbaiki sebelum dapat dikirim."
    );
    let local = validate_create(
        js(input),
        Some(tsify::Ts::new_unchecked(js("{ locale: 'id' }"))),
    )
    .unwrap();
    assert_eq!(json(&get(&e, "errors")), json(&get(&local, "errors")));
    assert_eq!(
        paths(&e),
        "name:required email:email currency:currency address.postalCode:unknown_field"
    );

    let patch = "{ currency: 'usd', phone: 5 }";
    let e = err(update(&config(""), "ws_pooled", "cus_1", patch).await);
    let local = validate_update(js(patch), None).unwrap();
    assert_eq!(json(&get(&e, "errors")), json(&get(&local, "errors")));
    assert_eq!(total().await, before, "nothing was sent");
}

#[wasm_bindgen_test]
async fn ids_are_checked_before_any_url_is_built() {
    let cfg = config("");
    let before = total().await;
    let body = "{ name: 'Acme', email: 'billing@acme.com' }";
    let e = err(create(&cfg, "ws_pooled/../ws_single", body).await);
    assert_eq!(
        (kind(&e), paths(&e)),
        ("invalid_input".into(), "workspaceId:format".into())
    );
    let e = err(fetch_one(&cfg, "ws_pooled", "cus_1?x=1").await);
    assert_eq!(paths(&e), "billingAccountId:format");
    // Both IDs and the body, all at once; IDs first.
    let e = err(update(&cfg, "", "cus_", "{ name: null }").await);
    assert_eq!(
        paths(&e),
        "workspaceId:required billingAccountId:format name:required"
    );
    // A number where an ID belongs is malformed, not missing.
    let e = err(JsFuture::from(list_billing_accounts(cfg.clone(), JsValue::from(7))).await);
    assert_eq!(paths(&e), "workspaceId:format");
    assert_eq!(total().await, before, "nothing was sent");
}

#[wasm_bindgen_test]
async fn a_bad_config_is_invalid_input_and_a_token_with_a_line_break_is_never_sent() {
    let before = total().await;
    let evil = js(&format!(
        "{{ token: {:?}, baseUrl: {:?} }}",
        format!("{}\r\nX-Injected: 1", token()),
        base()
    ));
    let e = err(list(&evil, "ws_pooled").await);
    assert_eq!(
        (kind(&e), paths(&e)),
        ("invalid_input".into(), "token:format".into())
    );
    assert!(!json(&e).contains("X-Injected"));

    let e = err(list(&js("undefined"), "ws_pooled").await);
    assert_eq!(paths(&e), "token:required");
    let e = err(list(
        &config("baseUrl: 'ftp://x', timeoutMs: 0, locale: 'fr', signal: {}"),
        "ws_pooled",
    )
    .await);
    assert_eq!(
        paths(&e),
        "baseUrl:format timeoutMs:format locale:format signal:format"
    );
    let e = err(list(&config("timeoutMs: '300', locale: 'ar'"), "ws_pooled").await);
    assert_eq!(paths(&e), "timeoutMs:format");
    assert_eq!(text(&e, "message"), "بعض القيم تحتاج إلى تصحيح قبل الإرسال.");
    assert_eq!(total().await, before, "nothing was sent");
}

#[wasm_bindgen_test]
async fn a_wrong_token_is_unauthorized() {
    let cfg = js(&format!(
        "{{ token: 'not-the-token', baseUrl: {:?} }}",
        base()
    ));
    let e = err(list(&cfg, "ws_pooled").await);
    assert_eq!(
        json(&e),
        r#"{"kind":"unauthorized","status":401,"message":"The API token was refused. Sign in again or check the token."}"#
    );
}

#[wasm_bindgen_test]
async fn a_missing_account_or_workspace_is_not_found_in_the_configs_locale() {
    let e = err(fetch_one(&config(""), "ws_pooled", &unique("cus_none")).await);
    assert_eq!(
        (kind(&e), get(&e, "status")),
        ("not_found".into(), JsValue::from(404))
    );
    assert_eq!(
        text(&e, "message"),
        "The billing account was not found in this workspace."
    );
    let e = err(list(&config("locale: 'ar'"), "ws_nowhere").await);
    assert_eq!(kind(&e), "not_found");
    assert_eq!(text(&e, "message"), "لم يتم العثور على مساحة العمل.");
}

#[wasm_bindgen_test]
async fn the_billing_modes_limit_is_a_conflict() {
    // ws_single allows one account: the second create at the latest is refused.
    let cfg = config("");
    let body = "{ name: 'Only One', email: 'billing@acme.com' }";
    let mut outcome = create(&cfg, "ws_single", body).await;
    if outcome.is_ok() {
        outcome = create(&cfg, "ws_single", body).await;
    }
    let e = err(outcome);
    assert_eq!(
        json(&e),
        r#"{"kind":"conflict","status":409,"message":"This workspace already has as many billing accounts as its billing mode allows."}"#
    );
}

#[wasm_bindgen_test]
async fn a_422_maps_to_the_same_paths_and_codes_as_local_errors() {
    let marker = unique("Marker");
    // The server's errors arrive out of local order, one in Laravel 8 wording, one echoing the token.
    let body = format!(
        r#"{{"message":"The email field must be a valid email address. (and 3 more errors)","errors":{{"email":["The email field must be a valid email address."],"name":["The name may not be greater than 100 characters."],"address.country":["The selected address.country is invalid."],"tax_id":["Token {token} is not valid for tax_id."]}}}}"#,
        token = token()
    );
    let description = format!(
        r#"{{"method":"POST","body_contains":{marker:?},"fault":"status","status":422,"body":{body:?}}}"#
    );
    fault(&description).await;
    let input = format!("{{ name: {marker:?}, email: 'billing@acme.com' }}");
    let e = err(create(&config(""), "ws_pooled", &input).await);
    assert_eq!(
        (kind(&e), get(&e, "status")),
        ("validation".into(), JsValue::from(422))
    );
    assert_eq!(
        paths(&e),
        "name:too_long email:email address.country:country tax_id:server"
    );
    assert_eq!(
        check(&e, "return r.errors[0].params.max").as_f64(),
        Some(100.0)
    );
    assert_eq!(
        check(&e, "return r.errors[3].message").as_string().unwrap(),
        "Token [redacted] is not valid for tax_id."
    );
}

#[wasm_bindgen_test]
async fn a_slow_answer_times_out_and_a_callers_signal_cancels() {
    let slow = unique("cus_slow");
    let path = account_path("ws_pooled", &slow);
    fault(&format!(
        r#"{{"method":"GET","path":{path:?},"fault":"delay","delay_ms":4000,"times":3}}"#
    ))
    .await;
    let started = now_ms();
    let e = err(fetch_one(&config("timeoutMs: 300"), "ws_pooled", &slow).await);
    let took = now_ms() - started;
    assert_eq!(
        json(&e),
        r#"{"kind":"timeout","message":"The server took too long to answer. Try again."}"#
    );
    assert!((250.0..2500.0).contains(&took), "took {took} ms");
    assert_eq!(
        count(&format!("GET {path}")).await,
        1,
        "a timeout is not retried"
    );

    // The caller's signal, aborted while the request is in flight.
    let cfg = config("signal: (() => { const c = new AbortController(); setTimeout(() => c.abort(), 150); return c.signal; })()");
    let started = now_ms();
    let e = err(fetch_one(&cfg, "ws_pooled", &slow).await);
    assert!(now_ms() - started < 2500.0);
    assert_eq!(
        json(&e),
        r#"{"kind":"timeout","message":"The request was cancelled."}"#
    );

    // Aborted before the call: nothing is sent.
    let before = total().await;
    let e = err(fetch_one(&config("signal: AbortSignal.abort()"), "ws_pooled", &slow).await);
    assert_eq!(text(&e, "message"), "The request was cancelled.");
    assert_eq!(total().await, before);
}

#[wasm_bindgen_test]
async fn a_create_or_update_that_may_have_landed_says_its_outcome_is_unknown() {
    // Sent, then no answer in time: the server may have created it. The error says so and
    // gives back the Idempotency-Key, so the same create can be sent again safely.
    let name = unique("Slow Create");
    fault(&format!(
        r#"{{"method":"POST","body_contains":{name:?},"fault":"delay","delay_ms":3000}}"#
    ))
    .await;
    let body = format!("{{ name: {name:?}, email: 'billing@acme.com' }}");
    let e = err(create_with_key(&config("timeoutMs: 300"), "ws_pooled", &body, s("key-1")).await);
    assert_eq!(
        json(&e),
        r#"{"kind":"timeout","message":"The server took too long to answer. Try again.","outcomeUnknown":true,"idempotencyKey":"key-1"}"#
    );

    // An update too, which has no key.
    let id = new_account("ws_assigned").await;
    let path = account_path("ws_assigned", &id);
    fault(&format!(
        r#"{{"method":"PATCH","path":{path:?},"fault":"delay","delay_ms":3000,"times":3}}"#
    ))
    .await;
    let e = err(update(
        &config("timeoutMs: 300"),
        "ws_assigned",
        &id,
        "{ phone: '1' }",
    )
    .await);
    assert_eq!(get(&e, "outcomeUnknown"), JsValue::TRUE);
    assert!(get(&e, "idempotencyKey").is_undefined());

    // Nothing sent (the signal was aborted before the call): the outcome is known.
    let before = total().await;
    let e = err(create(&config("signal: AbortSignal.abort()"), "ws_pooled", &body).await);
    assert_eq!(kind(&e), "timeout");
    assert!(get(&e, "outcomeUnknown").is_undefined());
    assert_eq!(total().await, before);

    // A key that is no header value is refused before anything is sent.
    let e = err(create_with_key(&config(""), "ws_pooled", &body, s("two words")).await);
    assert_eq!(paths(&e), "idempotencyKey:format");
    let long = s(&"k".repeat(256));
    let e = err(create_with_key(&config(""), "ws_pooled", &body, long).await);
    assert_eq!(paths(&e), "idempotencyKey:format");
    assert_eq!(total().await, before);
}

#[wasm_bindgen_test]
async fn a_503_is_retried_for_an_update_but_never_for_a_create() {
    let id = new_account("ws_assigned").await;
    let path = account_path("ws_assigned", &id);
    fault(&format!(
        r#"{{"method":"PATCH","path":{path:?},"fault":"status","status":503,"retry_after":"0","times":1}}"#
    ))
    .await;
    let updated = ok(update(
        &config(""),
        "ws_assigned",
        &id,
        "{ description: 'after a 503' }",
    )
    .await);
    assert_eq!(text(&updated, "description"), "after a 503");
    assert_eq!(count(&format!("PATCH {path}")).await, 2, "tried twice");

    let marker = unique("Once");
    fault(&format!(
        r#"{{"method":"POST","body_contains":{marker:?},"fault":"status","status":503,"retry_after":"0","times":5}}"#
    ))
    .await;
    let key = format!("POST {}", list_path("ws_assigned"));
    let before = count(&key).await;
    let input = format!("{{ name: {marker:?}, email: 'billing@acme.com' }}");
    let e = err(create(&config(""), "ws_assigned", &input).await);
    assert_eq!(
        json(&e),
        r#"{"kind":"server","status":503,"message":"The server could not complete the request (HTTP 503). Try again later.","retryAfterSeconds":0}"#
    );
    assert_eq!(count(&key).await - before, 1, "a create is sent once");
}

#[wasm_bindgen_test]
async fn retry_after_is_read_and_honoured() {
    let id = new_account("ws_assigned").await;
    let path = account_path("ws_assigned", &id);
    let key = format!("GET {path}");
    fault(&format!(
        r#"{{"method":"GET","path":{path:?},"fault":"status","status":429,"retry_after":"1","times":1}}"#
    ))
    .await;
    let started = now_ms();
    let account = ok(fetch_one(&config(""), "ws_assigned", &id).await);
    assert_eq!(text(&account, "id"), id);
    assert!(now_ms() - started >= 1000.0, "waited what the server asked");
    assert_eq!(count(&key).await, 2);

    // Longer than the retry policy waits: back to the caller, with the header's value.
    fault(&format!(
        r#"{{"method":"GET","path":{path:?},"fault":"status","status":429,"retry_after":"120","times":1}}"#
    ))
    .await;
    let e = err(fetch_one(&config(""), "ws_assigned", &id).await);
    assert_eq!(
        json(&e),
        r#"{"kind":"rate_limited","status":429,"message":"Too many requests. Try again in 120 seconds.","retryAfterSeconds":120}"#
    );
    assert_eq!(count(&key).await, 3);
}

#[wasm_bindgen_test]
async fn a_body_that_does_not_parse_is_invalid_response() {
    let missing = unique("cus_bad");
    let path = account_path("ws_pooled", &missing);
    fault(&format!(
        r#"{{"method":"GET","path":{path:?},"fault":"malformed"}}"#
    ))
    .await;
    let e = err(fetch_one(&config(""), "ws_pooled", &missing).await);
    assert_eq!(
        json(&e),
        r#"{"kind":"invalid_response","status":200,"message":"The server sent an answer that could not be read (HTTP 200)."}"#
    );
    fault(&format!(
        r#"{{"method":"GET","path":{path:?},"fault":"status","status":200,"content_type":"text/html","body":"<html>Sign in</html>"}}"#
    ))
    .await;
    let e = err(fetch_one(&config("locale: 'id'"), "ws_pooled", &missing).await);
    assert_eq!(kind(&e), "invalid_response");
    assert_eq!(
        text(&e, "message"),
        "Server mengirim jawaban yang tidak dapat dibaca (HTTP 200)."
    );
    assert_eq!(count(&format!("GET {path}")).await, 2, "not retried");
}

#[wasm_bindgen_test]
async fn a_dropped_connection_is_retried_for_a_get_and_is_network_for_a_create() {
    let id = new_account("ws_assigned").await;
    let path = account_path("ws_assigned", &id);
    fault(&format!(
        r#"{{"method":"GET","path":{path:?},"fault":"drop","times":1}}"#
    ))
    .await;
    ok(fetch_one(&config(""), "ws_assigned", &id).await);
    assert_eq!(count(&format!("GET {path}")).await, 2);

    let marker = unique("Dropped");
    fault(&format!(
        r#"{{"method":"POST","body_contains":{marker:?},"fault":"drop","times":5}}"#
    ))
    .await;
    let key = format!("POST {}", list_path("ws_assigned"));
    let before = count(&key).await;
    let input = format!("{{ name: {marker:?}, email: 'billing@acme.com' }}");
    let e = err(create(&config(""), "ws_assigned", &input).await);
    assert_eq!(kind(&e), "network");
    let sent = count(&key).await - before;
    if in_browser() {
        // Chromium's network stack (not this library, nor fetch's caller) resends a request once
        // when a kept-alive connection closes before any answer, taking it for a stale socket.
        // The library's own attempts are the 503 test's: one.
        assert!((1..=2).contains(&sent), "sent {sent} times");
    } else {
        assert_eq!(sent, 1);
    }
}

#[wasm_bindgen_test]
async fn a_server_that_is_not_running_is_network() {
    let cfg = js(&format!(
        "{{ token: {:?}, baseUrl: {:?}, locale: 'ar' }}",
        token(),
        closed()
    ));
    let e = err(list(&cfg, "ws_pooled").await);
    assert_eq!(
        json(&e),
        r#"{"kind":"network","message":"تعذّر الوصول إلى الخادم. تحقق من اتصالك وحاول مرة أخرى."}"#
    );
    let e = err(create(
        &cfg,
        "ws_pooled",
        "{ name: 'Acme', email: 'billing@acme.com' }",
    )
    .await);
    assert_eq!(kind(&e), "network");
}

#[wasm_bindgen_test]
async fn the_rejection_is_a_real_error_with_enumerable_fields() {
    let e = err(list(&config(""), "ws_nowhere").await);
    assert_eq!(
        check(&e, "return Object.keys(r).join(',')")
            .as_string()
            .unwrap(),
        "kind,status,message"
    );
    assert_eq!(
        check(&e, "return String(r)").as_string().unwrap(),
        "ApiError: The workspace was not found."
    );
    assert!(
        check(&e, "return r.stack.startsWith('ApiError: The workspace')")
            .as_bool()
            .unwrap()
    );
    assert!(!is_api_error(js("new Error('x')")));
    assert!(!is_api_error(js("({ kind: 'network', message: 'x' })")));

    // Arguments are read when the call is made: changing the object afterwards changes nothing.
    let before = total().await;
    let cfg = config("");
    let judgement = judged(
        validate_create,
        &cfg,
        js("{ name: 'Read Early', email: 'not an email' }"),
    );
    let promise =
        create_billing_account(cfg, s("ws_pooled"), judgement.clone(), JsValue::UNDEFINED);
    check(
        &judgement,
        "r.ok = true; r.value = { name: 'Read Early', email: 'billing@acme.com' }; return null",
    );
    let e = err(JsFuture::from(promise).await);
    assert_eq!(paths(&e), "email:email");
    assert_eq!(total().await, before);
}
