//! Attacks through the client's inputs and a hostile server's answers: path traversal and query
//! injection through IDs, header injection through the token, the token kept out of every error
//! and printout, and answers that are too big, not UTF-8, redirects or lies.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly

use billing_account_form::api::{
    create_request, get_request, list_request, parse_account, parse_list, update_request, ApiError,
    ApiErrorKind, ClientConfig, ConfigInput, HttpResponse, Operation, RequestSpec, Token,
    MAX_RESPONSE_BYTES,
};
use billing_account_form::{Locale, Value};
use proptest::prelude::*;
use serde_json::json;

const TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";
const BASE: &str = "http://127.0.0.1:8080";

/// Prints how many attacks a test tried, for the test command's summary.
fn tried(what: &str, n: usize) {
    println!("security: {n} {what}, each refused or typed");
}

fn config_with(token: &str) -> ClientConfig {
    ClientConfig::parse(&ConfigInput {
        token,
        base_url: Some(BASE),
        ..ConfigInput::default()
    })
    .unwrap()
}

fn config() -> ClientConfig {
    config_with(TOKEN)
}

fn body() -> Value {
    Value::Object(vec![
        ("name".into(), Value::String("Acme".into())),
        ("email".into(), Value::String("billing@acme.com".into())),
    ])
}

/// The path and code of each error of an `invalid_input`; anything else fails.
fn refused(result: Result<RequestSpec, ApiError>) -> Vec<(String, &'static str)> {
    match result {
        Err(ApiError::InvalidInput { errors, .. }) => errors
            .iter()
            .map(|e| (e.path().to_string(), e.code().as_str()))
            .collect(),
        Ok(spec) => panic!("a request was built: {spec:?}"),
        Err(other) => panic!("expected invalid_input, got {other:?}"),
    }
}

/// IDs that try to leave their path segment, add a query or fragment, or smuggle bytes.
fn hostile_ids(prefix: &str) -> Vec<String> {
    let p = prefix;
    let mut ids: Vec<String> = [
        "../",
        "..",
        "/..",
        "%2e%2e",
        "%2E%2E%2F",
        "..%2f",
        "%252e%252e",
        "a/../b",
        "a/b",
        "a?x=1",
        "a?",
        "a#frag",
        "a#",
        "a&b=c",
        "a;b",
        "a b",
        "a+b",
        "a%20b",
        "a\\b",
        "a\0",
        "a\r\nX: 1",
        "a\n",
        "a\t",
        "ａｂｃ",
        "é",
        "\u{202e}cba",
        "a\u{200b}",
        "😀",
        "a.b",
        "a-b",
        "a_b",
        "a=b",
        "a:b",
        "a@b",
        "a,b",
        "~a",
        "",
    ]
    .iter()
    .map(|rest| format!("{p}{rest}"))
    .collect();
    ids.extend(
        [
            "../admin",
            "/etc/passwd",
            "?token=x",
            "#",
            "",
            " ",
            "\0",
            "WS_abc",
            "CUS_abc",
            "ws",
            "cus",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    ids.push(format!("{p}{}", "a".repeat(253)));
    ids.push(format!("{p}{}", "a".repeat(100_000)));
    ids
}

#[test]
fn hostile_ids_are_invalid_input_and_no_request_is_built() {
    let c = config();
    let mut n = 0;
    for ws in hostile_ids("ws_") {
        let expected = if ws.is_empty() { "required" } else { "format" };
        let want = vec![("workspaceId".to_string(), expected)];
        assert_eq!(refused(list_request(&c, &ws)), want, "{ws:?}");
        assert_eq!(refused(create_request(&c, &ws, &body())), want, "{ws:?}");
        assert_eq!(refused(get_request(&c, &ws, "cus_ok")), want, "{ws:?}");
        assert_eq!(
            refused(update_request(&c, &ws, "cus_ok", &body())),
            want,
            "{ws:?}"
        );
        n += 4;
    }
    for id in hostile_ids("cus_") {
        let expected = if id.is_empty() { "required" } else { "format" };
        let want = vec![("billingAccountId".to_string(), expected)];
        assert_eq!(refused(get_request(&c, "ws_ok", &id)), want, "{id:?}");
        assert_eq!(
            refused(update_request(&c, "ws_ok", &id, &body())),
            want,
            "{id:?}"
        );
        n += 2;
    }
    tried("hostile IDs in requests", n);
}

proptest! {
    /// Whatever the ID, a request that is built has exactly the API's path: the ID is one
    /// segment of letters and digits, with no query, fragment or encoded byte.
    #[test]
    fn a_built_url_has_exactly_the_apis_segments(ws in "(ws_)?.{0,12}", id in "(cus_)?.{0,12}") {
        if let Ok(spec) = get_request(&config(), &ws, &id) {
            let path = spec.url.strip_prefix(BASE).unwrap();
            let segments: Vec<&str> = path.split('/').collect();
            prop_assert_eq!(segments.len(), 5, "{}", spec.url);
            prop_assert_eq!(segments[1], "workspaces");
            prop_assert_eq!(segments[2], ws.as_str());
            prop_assert_eq!(segments[3], "billing-accounts");
            prop_assert_eq!(segments[4], id.as_str());
            prop_assert!(!spec.url.contains(['?', '#', '%', '\\']), "{}", spec.url);
        }
    }

    /// Whatever the token, an accepted one becomes exactly `Bearer <token>` with nothing a
    /// header parser could split on; any other is refused before a request exists.
    #[test]
    fn a_token_cannot_inject_a_header(token in ".{0,40}|[ -~\r\n\t\0]{0,40}") {
        match ClientConfig::parse(&ConfigInput { token: &token, ..ConfigInput::default() }) {
            Ok(c) => {
                let spec = list_request(&c, "ws_a").unwrap();
                let auth = &spec.headers.iter().find(|(n, _)| *n == "Authorization").unwrap().1;
                prop_assert_eq!(auth.strip_prefix("Bearer "), Some(token.as_str()));
                prop_assert!(token.bytes().all(|b| b.is_ascii_graphic()));
            }
            Err(e) => {
                prop_assert_eq!(e.kind(), ApiErrorKind::InvalidInput);
                prop_assert_eq!(e.errors()[0].path(), "token");
            }
        }
    }
}

#[test]
fn tokens_that_would_inject_a_header_or_a_request_are_refused() {
    let attacks = [
        "abc\r\nX-Injected: 1",
        "abc\r\n\r\nGET /admin HTTP/1.1",
        "abc\nSet-Cookie: a=b",
        "abc\r",
        "abc\0",
        "Bearer abc",
        "abc def",
        "\tabc",
        "abc\u{7f}",
        "abc\u{85}",
        "ab\u{2028}c",
        "tökén",
        "abc\u{ff}",
        "😀",
        "abc\u{c}",
        "abc\u{1b}[31m",
    ];
    for raw in attacks {
        let e = ClientConfig::parse(&ConfigInput {
            token: raw,
            ..ConfigInput::default()
        })
        .unwrap_err();
        assert_eq!(e.kind(), ApiErrorKind::InvalidInput, "{raw:?}");
        assert_eq!(
            (e.errors()[0].path(), e.errors()[0].code().as_str()),
            ("token", "format"),
            "{raw:?}"
        );
        // Even a refused token is not repeated back.
        let shown = format!("{e:?}{}", serde_json::to_string(&e).unwrap());
        assert!(!shown.contains(raw), "{raw:?} in {shown}");
    }
    tried("injecting tokens", attacks.len());
}

/// Every way a server could put the token in front of the client.
fn echoing_answers(token: &str) -> Vec<(u16, Option<String>, Vec<u8>)> {
    let t = token;
    let mut answers = vec![
        (
            422,
            None,
            json!({"message": format!("bad {t}"), "errors": {"name": [format!("The name {t} is invalid.")]}}),
        ),
        (
            422,
            None,
            json!({"message": "x", "errors": {t: [format!("{t}")], format!("address.{t}"): [t]}}),
        ),
        (
            422,
            None,
            json!({"message": "x", "errors": {"currency": [format!("The selected currency is invalid. {t}")]}}),
        ),
        (422, None, json!({"message": t})),
        (422, None, json!({"message": "x", "errors": {"email": t}})),
        (401, None, json!({"message": format!("Token {t} expired")})),
        (403, None, json!({"message": t})),
        (404, None, json!({"message": t})),
        (409, None, json!({"message": t})),
        (429, Some(t.to_string()), json!({"message": t})),
        (500, Some(format!("{t}, 06 Nov 1994")), json!({"message": t})),
        (503, None, json!({"exception": t, "trace": [t]})),
        (302, None, json!({"location": format!("https://evil.example/?t={t}")})),
        (200, None, json!({"message": t})),
        (200, None, json!({"id": t, "data": [t]})),
        (201, None, json!({"data": [{"id": t}], "has_more": t})),
    ]
    .into_iter()
    .map(|(s, ra, b)| (s, ra, b.to_string().into_bytes()))
    .collect::<Vec<_>>();
    for status in [200, 400, 418, 422, 500, 502] {
        answers.push((
            status,
            None,
            format!("<html><body>{t}</body></html>").into_bytes(),
        ));
        answers.push((status, None, t.as_bytes().to_vec()));
    }
    answers
}

fn every_parse(config: &ClientConfig, answer: &HttpResponse<'_>) -> Vec<ApiError> {
    let mut errors = Vec::new();
    for op in [Operation::Create, Operation::Update, Operation::Get] {
        errors.extend(parse_account(config, op, answer).err());
    }
    errors.extend(parse_list(config, answer).err());
    errors
}

fn assert_hidden(token: &str, e: &ApiError) {
    let json = serde_json::to_string(e).unwrap();
    let debug = format!("{e:?}");
    assert!(!json.contains(token), "token in {json}");
    assert!(!debug.contains(token), "token in {debug}");
    for fe in e.errors() {
        assert!(!fe.message.contains(token) && !fe.path().contains(token));
    }
}

#[test]
fn a_server_that_echoes_the_token_never_gets_it_into_an_error() {
    let c = config();
    let mut n = 0;
    for (status, retry_after, body) in echoing_answers(TOKEN) {
        let answer = HttpResponse {
            status,
            retry_after: retry_after.as_deref(),
            body: &body,
            now_unix_seconds: 0,
        };
        for e in every_parse(&c, &answer) {
            assert_hidden(TOKEN, &e);
            n += 1;
        }
    }
    // Config problems, whatever else is wrong, never print the token either.
    for base_url in [
        "ftp://x",
        &format!("http://{TOKEN}@evil.example"),
        "http://h/?q",
    ] {
        let e = ClientConfig::parse(&ConfigInput {
            token: TOKEN,
            base_url: Some(base_url),
            timeout_ms: Some(-1.0),
            locale: Locale::Ar,
        })
        .unwrap_err();
        assert_hidden(TOKEN, &e);
        n += 1;
    }
    let c = config();
    for printed in [
        format!("{c:?}"),
        format!("{:?}", c.token),
        format!("{:?}", list_request(&c, "ws_a").unwrap()),
        format!(
            "{:?}",
            create_request(&c, "ws_a", &Value::Object(vec![])).unwrap_err()
        ),
    ] {
        assert!(!printed.contains(TOKEN), "{printed}");
        n += 1;
    }
    tried("errors from answers echoing the token", n);
}

proptest! {
    /// Any JWT-like token, any locale, any echo: no error shows it.
    #[test]
    fn no_token_is_ever_in_an_error(
        token in "[A-Za-z0-9_-]{8,20}\\.[A-Za-z0-9_-]{8,40}\\.[A-Za-z0-9_-]{8,20}",
        locale in prop::sample::select(Locale::ALL.to_vec()),
        pick in 0usize..64,
    ) {
        let c = ClientConfig { locale, ..config_with(&token) };
        let answers = echoing_answers(&token);
        let (status, retry_after, body) = &answers[pick % answers.len()];
        let answer = HttpResponse { status: *status, retry_after: retry_after.as_deref(), body, now_unix_seconds: 0 };
        for e in every_parse(&c, &answer) {
            assert_hidden(&token, &e);
        }
        let printed = format!("{c:?} {:?}", Token::parse(&token).unwrap());
        prop_assert!(!printed.contains(&token));
    }
}

fn account_json() -> serde_json::Value {
    json!({
        "id": "cus_1", "workspace_id": "ws_pooled", "name": "A", "email": "a@b.co",
        "phone": null, "description": null, "currency": "usd", "address": null,
        "created_at": "2025-10-29T00:40:06.000000Z", "updated_at": "2025-10-29T00:40:06.000000Z"
    })
}

fn kind(status: u16, body: &[u8], op: Operation) -> (ApiErrorKind, Option<u16>) {
    let answer = HttpResponse {
        status,
        retry_after: None,
        body,
        now_unix_seconds: 0,
    };
    let e = match op {
        Operation::List => parse_list(&config(), &answer).map(|_| ()),
        _ => parse_account(&config(), op, &answer).map(|_| ()),
    }
    .unwrap_err();
    (e.kind(), e.status())
}

#[test]
fn bodies_past_the_cap_are_invalid_response_without_being_read() {
    // Exactly at the cap, padded with JSON white space: still read.
    let mut at_cap = account_json().to_string().into_bytes();
    at_cap.resize(MAX_RESPONSE_BYTES, b' ');
    let answer = HttpResponse {
        status: 200,
        retry_after: None,
        body: &at_cap,
        now_unix_seconds: 0,
    };
    assert!(parse_account(&config(), Operation::Get, &answer).is_ok());
    at_cap.push(b' ');
    assert_eq!(
        kind(200, &at_cap, Operation::Get),
        (ApiErrorKind::InvalidResponse, Some(200))
    );
    // Ten megabytes: a list of accounts, a 422 of errors, a string.
    let list = format!(
        "{{\"data\":[{}],\"has_more\":false}}",
        vec![account_json().to_string(); 50_000].join(",")
    );
    assert!(list.len() > 10 * 1024 * 1024);
    let started = std::time::Instant::now();
    assert_eq!(
        kind(200, list.as_bytes(), Operation::List),
        (ApiErrorKind::InvalidResponse, Some(200))
    );
    let errors = format!(
        "{{\"message\":\"x\",\"errors\":{{\"name\":[\"{}\"]}}}}",
        "x".repeat(10 << 20)
    );
    assert_eq!(
        kind(422, errors.as_bytes(), Operation::Create),
        (ApiErrorKind::InvalidResponse, Some(422))
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    tried("oversized bodies", 4);
}

#[test]
fn lying_answers_are_typed_errors() {
    let account = account_json().to_string();
    let mut invalid_utf8 = account.clone().into_bytes();
    invalid_utf8[20] = 0xff;
    let cases: Vec<(u16, Vec<u8>, ApiErrorKind)> = vec![
        // Not UTF-8, in a success and in a 422.
        (200, invalid_utf8.clone(), ApiErrorKind::InvalidResponse),
        (
            422,
            b"{\"message\":\"\xff\"}".to_vec(),
            ApiErrorKind::InvalidResponse,
        ),
        // A 200 that carries an error.
        (
            200,
            br#"{"message":"Unauthenticated."}"#.to_vec(),
            ApiErrorKind::InvalidResponse,
        ),
        (
            200,
            br#"{"message":"x","errors":{"name":["y"]}}"#.to_vec(),
            ApiErrorKind::InvalidResponse,
        ),
        // An HTML page where JSON belongs (what a wrong Content-Type usually carries).
        (
            200,
            b"<!doctype html><p>Login</p>".to_vec(),
            ApiErrorKind::InvalidResponse,
        ),
        (201, b"".to_vec(), ApiErrorKind::InvalidResponse),
        (204, b"".to_vec(), ApiErrorKind::InvalidResponse),
        // Redirects, to this origin or another: never followed, never success.
        (301, b"".to_vec(), ApiErrorKind::InvalidResponse),
        (
            302,
            b"<a href=\"https://evil.example/\">".to_vec(),
            ApiErrorKind::InvalidResponse,
        ),
        (303, b"".to_vec(), ApiErrorKind::InvalidResponse),
        (
            307,
            account.clone().into_bytes(),
            ApiErrorKind::InvalidResponse,
        ),
        (
            308,
            account.clone().into_bytes(),
            ApiErrorKind::InvalidResponse,
        ),
        // Statuses outside HTTP's range.
        (
            0,
            account.clone().into_bytes(),
            ApiErrorKind::InvalidResponse,
        ),
        (99, b"".to_vec(), ApiErrorKind::InvalidResponse),
        (600, b"".to_vec(), ApiErrorKind::InvalidResponse),
        (u16::MAX, b"".to_vec(), ApiErrorKind::InvalidResponse),
        // JSON that is almost right.
        (
            200,
            format!("{account} {{}}").into_bytes(),
            ApiErrorKind::InvalidResponse,
        ),
        (
            200,
            format!("\u{feff}{account}").into_bytes(),
            ApiErrorKind::InvalidResponse,
        ),
        (
            200,
            account.replace("\"usd\"", "\"USD\"").into_bytes(),
            ApiErrorKind::InvalidResponse,
        ),
        (
            200,
            account.replace("\"A\"", "1").into_bytes(),
            ApiErrorKind::InvalidResponse,
        ),
        (
            200,
            format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
            ApiErrorKind::InvalidResponse,
        ),
        (
            200,
            format!(
                "{}\"x\":1{}",
                "{\"a\":".repeat(100_000),
                "}".repeat(100_000)
            )
            .into_bytes(),
            ApiErrorKind::InvalidResponse,
        ),
        (200, b"\"\\ud800\"".to_vec(), ApiErrorKind::InvalidResponse),
        (
            200,
            b"[1e99999999999]".to_vec(),
            ApiErrorKind::InvalidResponse,
        ),
    ];
    let n = cases.len();
    for (status, body, want) in cases {
        for op in [
            Operation::Create,
            Operation::Update,
            Operation::Get,
            Operation::List,
        ] {
            let (got, got_status) = kind(status, &body, op);
            assert_eq!(
                got,
                want,
                "{status} {op:?} {}",
                String::from_utf8_lossy(&body)
                    .chars()
                    .take(80)
                    .collect::<String>()
            );
            assert_eq!(got_status, Some(status));
        }
    }
    tried("lying answers, each for four calls", n);
}

#[test]
fn only_json_content_types_are_read() {
    use billing_account_form::api::{content_type_error, is_json_content_type};
    for ok in [
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON;charset=UTF-8",
        "application/problem+json",
        "application/vnd.api+json",
    ] {
        assert!(is_json_content_type(ok), "{ok}");
    }
    let bad = [
        "text/html",
        "text/html; charset=utf-8",
        "text/plain",
        "application/javascript",
        "application/jsonp",
        "application/json-seq",
        "+json",
        "/json",
        "json",
        "",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=application/json",
    ];
    for ct in bad {
        assert!(!is_json_content_type(ct), "{ct}");
    }
    let c = config();
    for status in [200, 201, 422] {
        for ct in bad.iter().map(|s| Some(*s)).chain([None]) {
            let e = content_type_error(&c, status, ct).unwrap();
            assert_eq!(
                (e.kind(), e.status()),
                (ApiErrorKind::InvalidResponse, Some(status))
            );
        }
        assert!(content_type_error(&c, status, Some("application/json")).is_none());
    }
    // Bodies that are not read are judged by their status alone.
    for status in [302, 401, 404, 429, 503] {
        assert!(content_type_error(&c, status, Some("text/html")).is_none());
    }
    tried("wrong Content-Types", bad.len() + 1);
}
