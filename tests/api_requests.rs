//! Request building: config and ID checks, the exact method, URL, headers and body of each call,
//! local validation before anything is built, and the token kept out of every printout.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly

mod common;

use billing_account_form::api::{
    create_body, create_request, get_request, list_request, update_body, update_request, ApiError,
    BaseUrl, BillingAccountId, ClientConfig, ConfigInput, Method, Operation, RequestSpec, Token,
    WorkspaceId,
};
use billing_account_form::{validate_create, validate_update, Locale, Value};
use proptest::prelude::*;
use serde_json::json;

const TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";

fn v(j: serde_json::Value) -> Value {
    common::to_value(&j)
}

fn config() -> ClientConfig {
    ClientConfig::parse(&ConfigInput {
        token: TOKEN,
        base_url: Some("http://127.0.0.1:8080/"),
        ..ConfigInput::default()
    })
    .unwrap()
}

fn in_locale(locale: Locale) -> ClientConfig {
    ClientConfig { locale, ..config() }
}

/// `path:code` for every error of an `invalid_input`.
fn refused(result: Result<RequestSpec, ApiError>) -> Vec<String> {
    match result {
        Err(ApiError::InvalidInput { errors, .. }) => errors
            .iter()
            .map(|e| format!("{}:{}", e.path(), e.code().as_str()))
            .collect(),
        other => panic!("expected invalid_input, got {other:?}"),
    }
}

fn header<'a>(spec: &'a RequestSpec, name: &str) -> Option<&'a str> {
    spec.headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

// ---- config ----

#[test]
fn config_defaults() {
    let c = ClientConfig::parse(&ConfigInput {
        token: TOKEN,
        ..ConfigInput::default()
    })
    .unwrap();
    assert_eq!(c.base_url.as_str(), "https://v1.api.altostrat.io");
    assert_eq!(c.timeout_ms, 30_000);
    assert_eq!(c.locale, Locale::En);
    assert_eq!(c, ClientConfig::new(Token::parse(TOKEN).unwrap()));
}

#[test]
fn base_urls_are_normalized() {
    for (raw, expected) in [
        ("https://v1.api.altostrat.io", "https://v1.api.altostrat.io"),
        (
            "https://v1.api.altostrat.io/",
            "https://v1.api.altostrat.io",
        ),
        (
            "HTTPS://V1.API.Altostrat.IO//",
            "https://v1.api.altostrat.io",
        ),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        (
            "http://localhost:8080/api/v1/",
            "http://localhost:8080/api/v1",
        ),
        ("http://[::1]:8080", "http://[::1]:8080"),
        ("http://[::1]", "http://[::1]"),
        (
            "https://example.com/Base%20Path",
            "https://example.com/Base%20Path",
        ),
    ] {
        assert_eq!(BaseUrl::parse(raw).unwrap().as_str(), expected, "{raw}");
    }
}

#[test]
fn base_urls_with_credentials_query_fragment_or_other_schemes_are_refused() {
    for raw in [
        "ftp://example.com",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "//example.com",
        "example.com",
        "https://",
        "https:///path",
        "https://user:pass@example.com",
        "https://user@example.com",
        "https://example.com?x=1",
        "https://example.com/?",
        "https://example.com#frag",
        "https://exa mple.com",
        "https://example.com/a b",
        "https://example.com\\@evil.com",
        "https://example.com\r\nX-Injected: 1",
        "https://example.com:",
        "https://example.com:0",
        "https://example.com:65536",
        "https://example.com:80a",
        "https://example.com/../x",
        "https://example.com/./x",
        "https://[::1",
        "https://[]",
        "https://exämple.com",
    ] {
        let issue = BaseUrl::parse(raw).unwrap_err();
        assert_eq!(
            (issue.path.as_str(), issue.code.as_str()),
            ("baseUrl", "format"),
            "{raw:?}"
        );
    }
    assert_eq!(BaseUrl::parse("").unwrap_err().code.as_str(), "required");
}

#[test]
fn tokens_with_line_breaks_or_control_characters_are_refused() {
    for raw in [
        "abc\r\nX-Injected: 1",
        "abc\n",
        "abc\r",
        "a\u{0}b",
        "a\tb",
        "a b",
        " abc",
        "abc\u{7f}",
        "abc\u{85}",
        "tökén",
        "abc\u{2028}",
    ] {
        let issue = Token::parse(raw).unwrap_err();
        assert_eq!(
            (issue.path.as_str(), issue.code.as_str()),
            ("token", "format"),
            "{raw:?}"
        );
    }
    assert_eq!(Token::parse("").unwrap_err().code.as_str(), "required");
    assert!(Token::parse("a.b-c_d~e+f/g=").is_ok());
}

#[test]
fn timeouts_must_be_whole_milliseconds_that_set_timeout_can_wait() {
    let with = |ms: f64| {
        ClientConfig::parse(&ConfigInput {
            token: TOKEN,
            timeout_ms: Some(ms),
            ..ConfigInput::default()
        })
    };
    assert_eq!(with(1.0).unwrap().timeout_ms, 1);
    assert_eq!(with(2_147_483_647.0).unwrap().timeout_ms, 2_147_483_647);
    for bad in [
        0.0,
        -1.0,
        0.5,
        1.5,
        2_147_483_648.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ] {
        let err = with(bad).unwrap_err();
        assert_eq!(err.errors()[0].path(), "timeoutMs", "{bad}");
        assert_eq!(err.errors()[0].code().as_str(), "format", "{bad}");
    }
}

#[test]
fn every_config_problem_is_reported_at_once_in_the_callers_language() {
    let err = ClientConfig::parse(&ConfigInput {
        token: "abc\ndef",
        base_url: Some("ftp://x"),
        timeout_ms: Some(0.0),
        locale: Locale::Id,
    })
    .unwrap_err();
    let paths: Vec<&str> = err.errors().iter().map(|e| e.path()).collect();
    assert_eq!(paths, ["token", "baseUrl", "timeoutMs"]);
    assert_eq!(
        err.message(),
        "Beberapa nilai perlu diperbaiki sebelum dapat dikirim."
    );
    assert!(err.errors()[0].message.starts_with("Token hanya boleh"));
    assert!(!format!("{err:?}").contains("def"));
}

// ---- IDs ----

#[test]
fn ids_are_a_prefix_then_letters_and_digits() {
    assert_eq!(
        WorkspaceId::parse("ws_a1b2C3").unwrap().as_str(),
        "ws_a1b2C3"
    );
    assert_eq!(
        BillingAccountId::parse("cus_Z9").unwrap().as_str(),
        "cus_Z9"
    );
    let long = format!("ws_{}", "a".repeat(252));
    assert!(WorkspaceId::parse(&long).is_ok());
    for bad in [
        "ws_",
        "ws",
        "WS_abc",
        "ws-abc",
        "wsabc",
        "cus_abc",
        "ws_ab c",
        "ws_abc/../x",
        "ws_abc/",
        "ws_abc?x",
        "ws_abc#",
        "ws_abc%2F",
        "ws_é",
        "ws_abc\n",
        " ws_abc",
        "ws_a_b",
        "ws_a.b",
        &format!("ws_{}", "a".repeat(253)),
    ] {
        let issue = WorkspaceId::parse(bad).unwrap_err();
        assert_eq!(
            (issue.path.as_str(), issue.code.as_str()),
            ("workspaceId", "format"),
            "{bad:?}"
        );
    }
    for bad in [
        "cus_", "ws_abc", "CUS_abc", "cus_a-b", "cus_1/2", "cus_..", "cus_ab\r",
    ] {
        let issue = BillingAccountId::parse(bad).unwrap_err();
        assert_eq!(
            (issue.path.as_str(), issue.code.as_str()),
            ("billingAccountId", "format"),
            "{bad:?}"
        );
    }
    assert_eq!(
        WorkspaceId::parse("").unwrap_err().code.as_str(),
        "required"
    );
}

#[test]
fn a_bad_id_is_refused_before_any_url_is_built() {
    let c = config();
    assert_eq!(
        refused(list_request(&c, "ws_../admin")),
        ["workspaceId:format"]
    );
    assert_eq!(
        refused(get_request(&c, "ws_ok", "cus_a/b")),
        ["billingAccountId:format"]
    );
    assert_eq!(
        refused(get_request(&c, "", "")),
        ["workspaceId:required", "billingAccountId:required"]
    );
    assert_eq!(
        refused(update_request(
            &c,
            "ws_ok",
            "acct_1",
            &v(json!({"name": "x"}))
        )),
        ["billingAccountId:format"]
    );
}

// ---- the four requests ----

#[test]
fn create_is_a_post_with_the_normalized_body() {
    let spec = create_request(
        &config(),
        "ws_a1b2c3",
        &v(json!({
            "name": "  ACME Corp (EU)\u{200B} ",
            "email": "billing-eu@acme.com",
            "phone": "   ",
            "description": null,
            "currency": "eur",
            "address": {"country": "US", "line1": "123 Main Street", "line2": "", "postal_code": "94105"}
        })),
    )
    .unwrap();
    assert_eq!(spec.operation, Operation::Create);
    assert_eq!(spec.method, Method::Post);
    assert_eq!(spec.method.as_str(), "POST");
    assert_eq!(
        spec.url,
        "http://127.0.0.1:8080/workspaces/ws_a1b2c3/billing-accounts"
    );
    assert_eq!(
        spec.headers,
        vec![
            ("Authorization", format!("Bearer {TOKEN}")),
            ("Accept", "application/json".to_string()),
            ("Content-Type", "application/json".to_string()),
        ]
    );
    assert_eq!(
        spec.body.as_deref(),
        Some(
            r#"{"name":"ACME Corp (EU)","email":"billing-eu@acme.com","currency":"eur","address":{"country":"US","line1":"123 Main Street","postal_code":"94105"}}"#
        )
    );
}

#[test]
fn update_is_a_patch_that_keeps_absent_and_null_apart() {
    let spec = update_request(
        &config(),
        "ws_a1",
        "cus_b2",
        &v(json!({"name": " New ", "phone": null, "description": "  ", "address": null})),
    )
    .unwrap();
    assert_eq!(spec.method, Method::Patch);
    assert_eq!(
        spec.url,
        "http://127.0.0.1:8080/workspaces/ws_a1/billing-accounts/cus_b2"
    );
    assert_eq!(header(&spec, "content-type"), Some("application/json"));
    assert_eq!(
        spec.body.as_deref(),
        Some(r#"{"name":"New","phone":null,"description":null,"address":null}"#)
    );
    let empty = update_request(&config(), "ws_a1", "cus_b2", &v(json!({}))).unwrap();
    assert_eq!(empty.body.as_deref(), Some("{}"));
}

#[test]
fn get_and_list_are_gets_without_a_body() {
    let c = config();
    let get = get_request(&c, "ws_a1", "cus_b2").unwrap();
    assert_eq!((get.operation, get.method), (Operation::Get, Method::Get));
    assert_eq!(
        get.url,
        "http://127.0.0.1:8080/workspaces/ws_a1/billing-accounts/cus_b2"
    );
    assert_eq!(get.body, None);
    assert_eq!(header(&get, "content-type"), None);
    assert_eq!(header(&get, "accept"), Some("application/json"));
    assert_eq!(
        header(&get, "authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    let list = list_request(&c, "ws_a1").unwrap();
    assert_eq!(
        (list.operation, list.method),
        (Operation::List, Method::Get)
    );
    assert_eq!(
        list.url,
        "http://127.0.0.1:8080/workspaces/ws_a1/billing-accounts"
    );
    let default = ClientConfig::new(Token::parse(TOKEN).unwrap());
    assert_eq!(
        list_request(&default, "ws_a1").unwrap().url,
        "https://v1.api.altostrat.io/workspaces/ws_a1/billing-accounts"
    );
    let with_path = ClientConfig {
        base_url: BaseUrl::parse("https://example.com/api/").unwrap(),
        ..config()
    };
    assert_eq!(
        list_request(&with_path, "ws_a1").unwrap().url,
        "https://example.com/api/workspaces/ws_a1/billing-accounts"
    );
}

#[test]
fn an_invalid_body_is_refused_with_the_same_errors_as_validation_and_nothing_is_built() {
    for locale in Locale::ALL {
        let c = in_locale(locale);
        let body = v(json!({"name": 7, "email": "", "currency": "EUR", "postalCode": "1"}));
        let expected = validate_create(&body, locale).errors().to_vec();
        match create_request(&c, "ws_ok", &body) {
            Err(ApiError::InvalidInput { errors, message }) => {
                assert_eq!(errors, expected);
                assert!(!message.is_empty());
            }
            other => panic!("{other:?}"),
        }
        let patch = v(json!({"currency": "usd", "name": null}));
        let expected = validate_update(&patch, locale).errors().to_vec();
        match update_request(&c, "ws_ok", "cus_ok", &patch) {
            Err(ApiError::InvalidInput { errors, .. }) => assert_eq!(errors, expected),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn id_errors_and_body_errors_come_together_ids_first() {
    assert_eq!(
        refused(create_request(
            &config(),
            "workspace",
            &v(json!({"name": ""}))
        )),
        ["workspaceId:format", "name:required", "email:required"]
    );
    assert_eq!(
        refused(update_request(
            &config(),
            "ws_1",
            "",
            &v(json!({"currency": null}))
        )),
        ["billingAccountId:required", "currency:immutable"]
    );
}

#[test]
fn invalid_input_serializes_to_the_javascript_shape() {
    let err = create_request(
        &config(),
        "nope",
        &v(json!({"name": "x", "email": "a@b.co"})),
    )
    .unwrap_err();
    assert_eq!(
        serde_json::to_value(&err).unwrap(),
        json!({
            "kind": "invalid_input",
            "message": "Some values need correcting before this can be sent.",
            "errors": [{
                "path": "workspaceId",
                "code": "format",
                "severity": "error",
                "message": "Enter a workspace ID: \u{201c}ws_\u{201d} followed by letters and digits, such as ws_a1b2c3d4e5f6g7h8."
            }]
        })
    );
}

// ---- the token stays secret ----

#[test]
fn the_token_never_appears_in_a_debug_output_a_url_or_an_error() {
    let c = config();
    let printed = [
        format!("{c:?}"),
        format!("{:?}", c.token),
        format!(
            "{:?}",
            create_request(&c, "ws_a", &v(json!({"name": "n", "email": "e@x.io"}))).unwrap()
        ),
        format!(
            "{:?}",
            update_request(&c, "ws_a", "cus_b", &v(json!({}))).unwrap()
        ),
        format!("{:?}", get_request(&c, "ws_a", "cus_b").unwrap()),
        format!(
            "{:?}",
            create_request(&c, "ws_a", &v(json!({}))).unwrap_err()
        ),
        serde_json::to_string(&create_request(&c, "x", &v(json!({}))).unwrap_err()).unwrap(),
    ];
    for text in printed {
        assert!(!text.contains(TOKEN), "{text}");
        assert!(!text.contains("c2lnbmF0dXJl"), "{text}");
    }
    assert!(format!("{c:?}").contains("<redacted>"));
    for spec in [
        get_request(&c, "ws_a", "cus_b").unwrap(),
        list_request(&c, "ws_a").unwrap(),
    ] {
        assert!(!spec.url.contains(TOKEN));
    }
}

// ---- bodies: the hand-written writer agrees with serde ----

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{1,12}",
        "\\PC{1,12}",
        proptest::collection::vec(any::<char>(), 1..12).prop_map(|c| c.into_iter().collect()),
        Just("\"\\\u{0}\u{1f}\u{7f}\u{2028}\u{fffd}😀".to_string()),
    ]
}

fn any_address() -> impl Strategy<Value = billing_account_form::Address> {
    (
        proptest::option::of(any_text()),
        proptest::option::of(any_text()),
        proptest::option::of(any_text()),
        proptest::option::of(any_text()),
        proptest::option::of(any_text()),
        proptest::option::of(any_text()),
    )
        .prop_map(|(country, line1, line2, city, state, postal_code)| {
            billing_account_form::Address {
                country,
                line1,
                line2,
                city,
                state,
                postal_code,
            }
        })
}

fn any_patch<T: std::fmt::Debug + Clone + 'static>(
    inner: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = billing_account_form::Patch<T>> {
    prop_oneof![
        Just(billing_account_form::Patch::Absent),
        Just(billing_account_form::Patch::Null),
        inner.prop_map(billing_account_form::Patch::Value),
    ]
}

proptest! {
    #[test]
    fn create_bodies_are_what_serde_writes(
        name in any_text(),
        email in any_text(),
        phone in proptest::option::of(any_text()),
        description in proptest::option::of(any_text()),
        currency in proptest::option::of(proptest::sample::select(billing_account_form::Currency::ALL.to_vec())),
        address in proptest::option::of(any_address()),
    ) {
        let request = billing_account_form::CreateBillingAccountRequest {
            name, email, phone, description, currency, address,
        };
        let ours = create_body(&request);
        prop_assert_eq!(&ours, &serde_json::to_string(&request).unwrap());
        let back: billing_account_form::CreateBillingAccountRequest = serde_json::from_str(&ours).unwrap();
        prop_assert_eq!(back, request);
    }

    #[test]
    fn update_bodies_are_what_serde_writes(
        name in proptest::option::of(any_text()),
        email in proptest::option::of(any_text()),
        phone in any_patch(any_text()),
        description in any_patch(any_text()),
        address in any_patch(any_address()),
    ) {
        let request = billing_account_form::UpdateBillingAccountRequest {
            name, email, phone, description, address,
        };
        prop_assert_eq!(update_body(&request), serde_json::to_string(&request).unwrap());
    }
}
