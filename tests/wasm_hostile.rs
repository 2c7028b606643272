//! The wasm client over real `fetch` against a hostile server (scripts/hostile-server.mjs): every
//! misbehaviour ends in its typed `ApiError` within the call's timeout, and the page lives on.
//! Runs in Node and headless Chromium.
//!
//! `scripts/test-wasm` starts the hostile server and builds this file with `HOSTILE_URL`.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use billing_account_form::wasm::{
    create_billing_account, get_billing_account, is_api_error, list_billing_accounts,
};
use js_sys::{Function, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

const TOKEN: &str = "hostile-wasm-token";

fn hostile() -> &'static str {
    match option_env!("HOSTILE_URL") {
        Some(v) => v,
        None => panic!("HOSTILE_URL is set at build time: run scripts/test-wasm"),
    }
}

fn js(expr: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expr});"))
        .call0(&JsValue::NULL)
        .expect("test expression threw")
}

/// Prints at once (the runner holds `console_log!` output until the test ends, and a trap loses it).
fn say(line: &str) {
    let _ = Function::new_with_args("s", "console.log(s)")
        .call1(&JsValue::NULL, &JsValue::from_str(line));
}

fn config(case: &str, timeout_ms: u32) -> JsValue {
    js(&format!(
        "{{ token: {TOKEN:?}, baseUrl: {:?}, timeoutMs: {timeout_ms} }}",
        format!("{}/{case}", hostile())
    ))
}

#[derive(Clone, Copy, Debug)]
enum Call {
    Create,
    Get,
    List,
}

async fn call(call: Call, cfg: JsValue) -> Result<JsValue, JsValue> {
    let s = JsValue::from_str;
    match call {
        Call::Create => {
            JsFuture::from(create_billing_account(
                cfg,
                s("ws_pooled"),
                js("({ ok: true, value: { name: 'A', email: 'a@b.co' }, warnings: [] })"),
                JsValue::UNDEFINED,
            ))
            .await
        }
        Call::Get => JsFuture::from(get_billing_account(cfg, s("ws_pooled"), s("cus_1"))).await,
        Call::List => JsFuture::from(list_billing_accounts(cfg, s("ws_pooled"))).await,
    }
}

fn kind(e: &JsValue) -> String {
    Reflect::get(e, &"kind".into())
        .ok()
        .and_then(|k| k.as_string())
        .unwrap_or_default()
}

/// (case, call, timeout in ms, the kind it must end in; "ok" for a success)
const CASES: &[(&str, Call, u32, &str)] = &[
    ("never-answers", Call::Get, 1_000, "timeout"),
    ("drip-head", Call::Create, 1_000, "timeout"),
    ("drip-body", Call::Create, 1_000, "timeout"),
    ("ten-mb", Call::Get, 5_000, "invalid_response"),
    ("ten-mb-chunked", Call::List, 5_000, "invalid_response"),
    ("endless", Call::Get, 5_000, "invalid_response"),
    ("invalid-utf8", Call::Get, 2_000, "invalid_response"),
    ("text-html", Call::Get, 2_000, "invalid_response"),
    ("no-content-type", Call::Create, 2_000, "invalid_response"),
    ("login-page", Call::List, 2_000, "invalid_response"),
    ("error-body", Call::Get, 2_000, "invalid_response"),
    ("redirect-elsewhere", Call::Get, 2_000, "invalid_response"),
    ("redirect-here", Call::Get, 2_000, "invalid_response"),
    ("reset", Call::Create, 2_000, "network"),
    ("html-then-reset", Call::Get, 2_000, "invalid_response"),
    ("cut-short", Call::Get, 2_000, "network"),
    ("not-http", Call::Create, 2_000, "network"),
    ("retry-after-a-day", Call::Get, 2_000, "rate_limited"),
    ("ok", Call::Get, 2_000, "ok"),
];

#[wasm_bindgen_test]
async fn every_hostile_answer_is_a_typed_error_in_bounded_time() {
    let mut failures = Vec::new();
    for &(case, how, timeout_ms, expected) in CASES {
        say(&format!("hostile (wasm): {case} ..."));
        let started = js_sys::Date::now();
        let outcome = call(how, config(case, timeout_ms)).await;
        let elapsed = js_sys::Date::now() - started;
        let got = match &outcome {
            Ok(_) => "ok".to_string(),
            Err(e) if is_api_error(e.clone()) => kind(e),
            Err(e) => format!("not an ApiError: {e:?}"),
        };
        let shown = outcome
            .as_ref()
            .err()
            .map(|e| JSON::stringify(e).map(String::from).unwrap_or_default())
            .unwrap_or_default();
        let mut problem = None;
        if got != expected {
            problem = Some(format!("{got} instead of {expected} ({shown})"));
        } else if elapsed > f64::from(timeout_ms) + 1_000.0 {
            problem = Some(format!("took {elapsed} ms"));
        } else if shown.contains(TOKEN) {
            problem = Some("the token is in the error".into());
        }
        say(&format!(
            "hostile (wasm): {case:<20} {how:?} -> {got} in {elapsed} ms{}",
            problem
                .as_deref()
                .map_or(String::new(), |p| format!("  FAIL: {p}"))
        ));
        if let Some(p) = problem {
            failures.push(format!("{case}: {p}"));
        }
    }
    say(&format!(
        "hostile (wasm): {} cases, {} failed",
        CASES.len(),
        failures.len()
    ));
    assert!(failures.is_empty(), "{failures:#?}");
}
