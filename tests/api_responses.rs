//! Response parsing: every status and body shape becomes the typed result or one `ApiError` kind,
//! with its message in the config's language and 422 errors on the same paths as local ones.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly

mod common;

use billing_account_form::api::laravel::server_message;
use billing_account_form::api::{
    json, parse_account, parse_list, ApiError, ApiErrorKind, ClientConfig, HttpResponse, Operation,
    Token,
};
use billing_account_form::{
    validate_create, validate_update, Address, BillingAccount, Currency, Locale, Value,
};
use common::Rng;
use serde_json::json;

const TOKEN: &str = "tok_s3cr3t_value_0123456789";
const NOW: u64 = 1_761_698_406; // 2025-10-29T00:40:06Z

fn config(locale: Locale) -> ClientConfig {
    ClientConfig {
        locale,
        ..ClientConfig::new(Token::parse(TOKEN).unwrap())
    }
}

fn en() -> ClientConfig {
    config(Locale::En)
}

fn response(status: u16, body: &str) -> HttpResponse<'_> {
    HttpResponse {
        status,
        retry_after: None,
        body: body.as_bytes(),
        now_unix_seconds: NOW,
    }
}

fn account(op: Operation, status: u16, body: &str) -> Result<BillingAccount, ApiError> {
    parse_account(&en(), op, &response(status, body))
}

fn kind_of(r: Result<BillingAccount, ApiError>) -> ApiErrorKind {
    r.unwrap_err().kind()
}

/// The account of the API reference's example.
fn seed() -> serde_json::Value {
    json!({
        "id": "cus_a1b2c3d4e5f6g7h8",
        "workspace_id": "ws_a1b2c3d4e5f6g7h8",
        "name": "ACME Corp Billing",
        "email": "billing@acme.com",
        "phone": "+15551234567",
        "description": "For US-based operations",
        "currency": "usd",
        "address": {
            "country": "US",
            "line1": "123 Main Street",
            "line2": "Suite 456",
            "city": "San Francisco",
            "state": "CA",
            "postal_code": "94105"
        },
        "created_at": "2025-10-29T00:40:06.000000Z",
        "updated_at": "2025-10-29T00:40:06.000000Z"
    })
}

fn seed_account() -> BillingAccount {
    BillingAccount {
        id: "cus_a1b2c3d4e5f6g7h8".into(),
        workspace_id: "ws_a1b2c3d4e5f6g7h8".into(),
        name: "ACME Corp Billing".into(),
        email: "billing@acme.com".into(),
        phone: Some("+15551234567".into()),
        description: Some("For US-based operations".into()),
        currency: Currency::Usd,
        address: Some(Address {
            country: Some("US".into()),
            line1: Some("123 Main Street".into()),
            line2: Some("Suite 456".into()),
            city: Some("San Francisco".into()),
            state: Some("CA".into()),
            postal_code: Some("94105".into()),
        }),
        created_at: "2025-10-29T00:40:06.000000Z".into(),
        updated_at: "2025-10-29T00:40:06.000000Z".into(),
    }
}

fn with(mut base: serde_json::Value, key: &str, value: serde_json::Value) -> serde_json::Value {
    base[key] = value;
    base
}

fn without(mut base: serde_json::Value, key: &str) -> serde_json::Value {
    base.as_object_mut().unwrap().remove(key);
    base
}

// ---- success ----

#[test]
fn the_reference_example_parses_for_create_get_and_update() {
    let body = seed().to_string();
    assert_eq!(
        account(Operation::Create, 201, &body).unwrap(),
        seed_account()
    );
    assert_eq!(account(Operation::Get, 200, &body).unwrap(), seed_account());
    assert_eq!(
        account(Operation::Update, 200, &body).unwrap(),
        seed_account()
    );
}

#[test]
fn nullable_members_may_be_null_or_absent_and_unknown_members_are_ignored() {
    let body = with(
        with(with(seed(), "phone", json!(null)), "address", json!(null)),
        "stripe_metadata",
        json!({"x": [1, 2]}),
    );
    let body = without(body, "description");
    let parsed = account(Operation::Get, 200, &body.to_string()).unwrap();
    assert_eq!(parsed.phone, None);
    assert_eq!(parsed.description, None);
    assert_eq!(parsed.address, None);
    let partial = with(seed(), "address", json!({"country": "GB", "city": null}));
    let parsed = account(Operation::Get, 200, &partial.to_string()).unwrap();
    assert_eq!(
        parsed.address,
        Some(Address {
            country: Some("GB".into()),
            ..Address::default()
        })
    );
}

#[test]
fn a_list_parses_with_its_has_more_flag() {
    let body = json!({"data": [seed(), with(seed(), "id", json!("cus_2"))], "has_more": true});
    let list = parse_list(&en(), &response(200, &body.to_string())).unwrap();
    assert_eq!(list.data.len(), 2);
    assert_eq!(list.data[1].id, "cus_2");
    assert!(list.has_more);
    let empty = parse_list(&en(), &response(200, r#"{"data":[],"has_more":false}"#)).unwrap();
    assert!(empty.data.is_empty() && !empty.has_more);
}

// ---- what does not parse is invalid_response ----

#[test]
fn bodies_that_do_not_parse_or_have_the_wrong_shape_are_invalid_response() {
    let wrong = [
        String::new(),
        "   ".into(),
        "<!DOCTYPE html><html><body>Server Error</body></html>".into(),
        "null".into(),
        "[]".into(),
        "\"ok\"".into(),
        "{".into(),
        seed().to_string()[..40].to_string(),
        json!({"data": seed()}).to_string(),
        with(seed(), "id", json!(42)).to_string(),
        with(seed(), "name", json!(null)).to_string(),
        with(seed(), "currency", json!("jpy")).to_string(),
        with(seed(), "currency", json!("USD")).to_string(),
        with(seed(), "phone", json!(5551234567u64)).to_string(),
        with(seed(), "address", json!("123 Main Street")).to_string(),
        with(seed(), "address", json!({"country": 1})).to_string(),
        without(seed(), "created_at").to_string(),
        without(seed(), "email").to_string(),
    ];
    for body in &wrong {
        for (op, status) in [
            (Operation::Create, 201),
            (Operation::Get, 200),
            (Operation::Update, 200),
        ] {
            let err = account(op, status, body).unwrap_err();
            assert_eq!(err.kind(), ApiErrorKind::InvalidResponse, "{body}");
            assert_eq!(err.status(), Some(status));
        }
    }
    let invalid_utf8 = HttpResponse {
        body: b"{\"id\": \"cus_\xff\"}",
        ..response(200, "")
    };
    assert_eq!(
        parse_account(&en(), Operation::Get, &invalid_utf8)
            .unwrap_err()
            .kind(),
        ApiErrorKind::InvalidResponse
    );
    assert_eq!(
        kind_of(account(Operation::Create, 204, "")),
        ApiErrorKind::InvalidResponse
    );
    for body in [
        json!({"data": [seed()]}),
        json!({"data": [seed()], "has_more": "false"}),
        json!({"data": {}, "has_more": false}),
        json!({"data": [seed(), {"id": "cus_2"}], "has_more": false}),
        json!([seed()]),
    ] {
        let err = parse_list(&en(), &response(200, &body.to_string())).unwrap_err();
        assert_eq!(err.kind(), ApiErrorKind::InvalidResponse, "{body}");
    }
}

#[test]
fn redirects_and_statuses_outside_http_are_invalid_response() {
    for status in [0, 100, 199, 301, 302, 304, 307, 600, 999] {
        let err = account(Operation::Get, status, "<html>Redirecting…</html>").unwrap_err();
        assert_eq!(err.kind(), ApiErrorKind::InvalidResponse, "{status}");
        assert_eq!(err.status(), Some(status));
    }
}

// ---- statuses ----

#[test]
fn each_documented_status_is_its_own_kind_whatever_the_body() {
    for body in ["", "<html>x</html>", r#"{"message":"Unauthenticated."}"#] {
        for (status, kind) in [
            (401, ApiErrorKind::Unauthorized),
            (403, ApiErrorKind::Forbidden),
            (404, ApiErrorKind::NotFound),
            (409, ApiErrorKind::Conflict),
            (429, ApiErrorKind::RateLimited),
            (500, ApiErrorKind::Server),
            (502, ApiErrorKind::Server),
            (503, ApiErrorKind::Server),
            (504, ApiErrorKind::Server),
            (400, ApiErrorKind::Server),
            (405, ApiErrorKind::Server),
            (410, ApiErrorKind::Server),
            (413, ApiErrorKind::Server),
            (415, ApiErrorKind::Server),
        ] {
            let err = account(Operation::Update, status, body).unwrap_err();
            assert_eq!(err.kind(), kind, "{status} {body}");
            assert_eq!(err.status(), Some(status));
            assert!(err.errors().is_empty());
        }
    }
}

#[test]
fn messages_say_what_happened_for_the_operation() {
    let msg = |op, status| account(op, status, "").unwrap_err().message().to_string();
    assert_eq!(
        msg(Operation::Get, 404),
        "The billing account was not found in this workspace."
    );
    assert_eq!(
        msg(Operation::Update, 404),
        "The billing account was not found in this workspace."
    );
    assert_eq!(msg(Operation::Create, 404), "The workspace was not found.");
    assert_eq!(
        msg(Operation::Create, 409),
        "This workspace already has as many billing accounts as its billing mode allows."
    );
    assert_eq!(
        msg(Operation::Get, 401),
        "The API token was refused. Sign in again or check the token."
    );
    assert_eq!(
        msg(Operation::Get, 503),
        "The server could not complete the request (HTTP 503). Try again later."
    );
    let list = parse_list(&en(), &response(404, "")).unwrap_err();
    assert_eq!(list.message(), "The workspace was not found.");
}

#[test]
fn messages_follow_the_configs_locale() {
    let msg = |locale, status| {
        parse_account(&config(locale), Operation::Create, &response(status, ""))
            .unwrap_err()
            .message()
            .to_string()
    };
    assert_eq!(
        msg(Locale::Ar, 409),
        "تضم مساحة العمل هذه بالفعل أقصى عدد من حسابات الفوترة يسمح به وضع الفوترة الخاص بها."
    );
    assert_eq!(
        msg(Locale::Id, 409),
        "Workspace ini sudah memiliki jumlah akun penagihan terbanyak yang diizinkan mode penagihannya."
    );
    assert_eq!(msg(Locale::Id, 404), "Workspace tidak ditemukan.");
    assert_eq!(
        msg(Locale::Ar, 401),
        "تم رفض رمز الوصول. سجّل الدخول مرة أخرى أو تحقق من الرمز."
    );
}

#[test]
fn rate_limits_carry_retry_after_in_seconds() {
    let with_header = |value: Option<&'static str>| {
        let r = HttpResponse {
            retry_after: value,
            ..response(429, r#"{"message":"Too Many Attempts."}"#)
        };
        parse_account(&en(), Operation::Get, &r).unwrap_err()
    };
    let err = with_header(Some("30"));
    assert_eq!(err.retry_after_seconds(), Some(30));
    assert_eq!(err.message(), "Too many requests. Try again in 30 seconds.");
    assert_eq!(
        serde_json::to_value(&err).unwrap(),
        json!({"kind": "rate_limited", "status": 429, "message": "Too many requests. Try again in 30 seconds.", "retryAfterSeconds": 30})
    );
    assert_eq!(
        with_header(Some("1")).message(),
        "Too many requests. Try again in 1 second."
    );
    // 2025-10-29T00:41:06Z is a minute after NOW.
    assert_eq!(
        with_header(Some("Wed, 29 Oct 2025 00:41:06 GMT")).retry_after_seconds(),
        Some(60)
    );
    assert_eq!(
        with_header(Some("Wed, 29 Oct 2025 00:00:00 GMT")).retry_after_seconds(),
        Some(0)
    );
    assert_eq!(
        with_header(Some("31536000")).retry_after_seconds(),
        Some(86_400)
    );
    let none = with_header(None);
    assert_eq!(none.retry_after_seconds(), None);
    assert_eq!(none.message(), "Too many requests. Try again in a moment.");
    assert_eq!(
        serde_json::to_value(&none).unwrap(),
        json!({"kind": "rate_limited", "status": 429, "message": "Too many requests. Try again in a moment."})
    );
    assert_eq!(with_header(Some("soon")).retry_after_seconds(), None);
    let unavailable = parse_account(
        &en(),
        Operation::Get,
        &HttpResponse {
            retry_after: Some("2"),
            ..response(503, "<html>Service Unavailable</html>")
        },
    )
    .unwrap_err();
    assert_eq!(unavailable.retry_after_seconds(), Some(2));
    assert_eq!(
        serde_json::to_value(&unavailable).unwrap(),
        json!({"kind": "server", "status": 503, "message": "The server could not complete the request (HTTP 503). Try again later.", "retryAfterSeconds": 2})
    );
}

// ---- 422 ----

fn validation(
    op: Operation,
    locale: Locale,
    body: serde_json::Value,
) -> Vec<(String, String, String)> {
    let err = parse_account(&config(locale), op, &response(422, &body.to_string())).unwrap_err();
    assert_eq!(err.kind(), ApiErrorKind::Validation, "{err:?}");
    assert_eq!(err.status(), Some(422));
    err.errors()
        .iter()
        .map(|e| {
            (
                e.path().to_string(),
                e.code().as_str().to_string(),
                e.message.clone(),
            )
        })
        .collect()
}

#[test]
fn server_errors_the_table_does_not_order_keep_the_servers_order() {
    // As sent (`json!` would sort the keys).
    let body = r#"{"message": "Invalid.", "errors": {
        "zeta": ["The zeta field is not allowed."],
        "address.b": ["The address.b field is not allowed."],
        "email": ["The email must be a valid email address."],
        "alpha": ["The alpha field is not allowed."],
        "address.a": ["The address.a field is not allowed."],
        "name": ["The name field is required."]
    }}"#;
    let err =
        parse_account(&config(Locale::En), Operation::Create, &response(422, body)).unwrap_err();
    let paths: Vec<&str> = err.errors().iter().map(|e| e.path()).collect();
    assert_eq!(
        paths,
        ["name", "email", "zeta", "alpha", "address.b", "address.a"]
    );
}

#[test]
fn laravel_422_errors_become_field_errors_on_the_same_paths_in_local_order() {
    let body = json!({
        "message": "The name field is required. (and 6 more errors)",
        "errors": {
            "name": ["The name field is required."],
            "email": ["The email must be a valid email address.", "The email must not be greater than 150 characters."],
            "phone": ["The phone field must not be greater than 50 characters."],
            "currency": ["The selected currency is invalid."],
            "address.country": ["The selected address.country is invalid."],
            "address.postal_code": ["The address.postal code must be a string."],
            "address.zip": ["The address.zip field is not allowed."],
            "description": ["Descriptions may not mention competitors."]
        }
    });
    assert_eq!(
        validation(Operation::Create, Locale::En, body.clone()),
        [
            (
                "name".into(),
                "required".into(),
                "This field is required.".into()
            ),
            (
                "email".into(),
                "email".into(),
                "Enter a valid email address.".into()
            ),
            (
                "phone".into(),
                "too_long".into(),
                "At most 50 characters.".into()
            ),
            (
                "description".into(),
                "server".into(),
                "Descriptions may not mention competitors.".into()
            ),
            (
                "currency".into(),
                "currency".into(),
                "Choose one of: usd, zar, eur, gbp, aud.".into()
            ),
            (
                "address.country".into(),
                "country".into(),
                "Choose a two-letter ISO 3166-1 country code, such as US.".into()
            ),
            (
                "address.postal_code".into(),
                "type".into(),
                "Must be text.".into()
            ),
            (
                "address.zip".into(),
                "unknown_field".into(),
                "Unknown field \u{201c}zip\u{201d}.".into()
            ),
        ]
    );
    let ar = validation(Operation::Create, Locale::Ar, body);
    assert_eq!(ar[0].2, "هذا الحقل مطلوب.");
    assert_eq!(ar[2].2, "50 حرفًا كحد أقصى.");
    assert_eq!(ar[3].2, "Descriptions may not mention competitors.");
}

#[test]
fn a_422_for_an_update_maps_prohibited_currency_to_immutable() {
    let body = json!({"message": "The currency field is prohibited.", "errors": {"currency": ["The currency field is prohibited."]}});
    assert_eq!(
        validation(Operation::Update, Locale::Id, body),
        [(
            "currency".into(),
            "immutable".into(),
            "Tidak dapat diubah setelah akun penagihan dibuat.".into()
        )]
    );
}

#[test]
fn a_422_with_only_a_message_is_one_error_on_the_whole_body() {
    assert_eq!(
        validation(
            Operation::Create,
            Locale::En,
            json!({"message": "This workspace cannot take more billing accounts."})
        ),
        [(
            "".into(),
            "server".into(),
            "This workspace cannot take more billing accounts.".into()
        )]
    );
    assert_eq!(
        validation(
            Operation::Create,
            Locale::En,
            json!({"message": "Invalid.", "errors": {}})
        ),
        [("".into(), "server".into(), "Invalid.".into())]
    );
    assert_eq!(
        validation(
            Operation::Create,
            Locale::En,
            json!({"message": "Invalid.", "errors": {"name": [], "email": "The email field is required."}})
        ),
        [(
            "email".into(),
            "required".into(),
            "This field is required.".into()
        )]
    );
}

#[test]
fn a_422_that_is_not_laravels_shape_is_invalid_response() {
    for body in [
        "",
        "<html>Unprocessable</html>",
        "[]",
        "{}",
        r#"{"errors": "bad"}"#,
        r#"{"message": 5}"#,
    ] {
        let err = account(Operation::Create, 422, body).unwrap_err();
        assert_eq!(err.kind(), ApiErrorKind::InvalidResponse, "{body}");
        assert_eq!(err.status(), Some(422));
    }
}

#[test]
fn server_text_that_echoes_the_token_is_redacted() {
    let body = json!({"message": "x", "errors": {"name": [format!("Token {TOKEN} may not create accounts.")]}});
    let err = account(Operation::Create, 422, &body.to_string()).unwrap_err();
    let printed = format!("{err:?} {}", serde_json::to_string(&err).unwrap());
    assert!(!printed.contains(TOKEN), "{printed}");
    assert!(printed.contains("Token [redacted] may not create accounts."));
}

#[test]
fn every_kind_serializes_to_the_javascript_shape() {
    let cases: Vec<(ApiError, serde_json::Value)> = vec![
        (account(Operation::Get, 401, "").unwrap_err(), json!({"kind": "unauthorized", "status": 401, "message": "The API token was refused. Sign in again or check the token."})),
        (account(Operation::Get, 403, "").unwrap_err(), json!({"kind": "forbidden", "status": 403, "message": "This token is not allowed to do this in this workspace."})),
        (account(Operation::Get, 404, "").unwrap_err(), json!({"kind": "not_found", "status": 404, "message": "The billing account was not found in this workspace."})),
        (account(Operation::Update, 409, "").unwrap_err(), json!({"kind": "conflict", "status": 409, "message": "The request conflicts with the billing account\u{2019}s current state. Reload it and try again."})),
        (account(Operation::Get, 500, "").unwrap_err(), json!({"kind": "server", "status": 500, "message": "The server could not complete the request (HTTP 500). Try again later."})),
        (account(Operation::Get, 200, "<html>").unwrap_err(), json!({"kind": "invalid_response", "status": 200, "message": "The server sent an answer that could not be read (HTTP 200)."})),
        (ApiError::network(Locale::En), json!({"kind": "network", "message": "The server could not be reached. Check your connection and try again."})),
        (ApiError::timeout(Locale::En), json!({"kind": "timeout", "message": "The server took too long to answer. Try again."})),
        (ApiError::aborted(Locale::En), json!({"kind": "timeout", "message": "The request was cancelled."})),
        (
            account(Operation::Create, 422, r#"{"message":"m","errors":{"name":["The name field must not be greater than 100 characters."]}}"#).unwrap_err(),
            json!({"kind": "validation", "status": 422, "message": "The server refused some values. Correct the marked fields and try again.",
                   "errors": [{"path": "name", "code": "too_long", "severity": "error", "message": "At most 100 characters.", "params": {"max": 100}}]}),
        ),
    ];
    for (err, expected) in cases {
        assert_eq!(serde_json::to_value(&err).unwrap(), expected);
    }
    let kinds: Vec<&str> = ApiErrorKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "invalid_input",
            "validation",
            "unauthorized",
            "forbidden",
            "not_found",
            "conflict",
            "rate_limited",
            "server",
            "network",
            "timeout",
            "invalid_response"
        ]
    );
}

// ---- the round trip: local errors → the server's Laravel wording → the client's mapping ----

/// Bodies with a mix of every kind of error the rules know.
fn invalid_body(rng: &mut Rng) -> serde_json::Value {
    let mut body = serde_json::Map::new();
    let mut put = |rng: &mut Rng, key: &str, choices: &[serde_json::Value]| {
        if rng.chance(70) {
            body.insert(key.into(), rng.pick(choices).clone());
        }
    };
    put(
        rng,
        "name",
        &[
            json!(null),
            json!(""),
            json!(5),
            json!("n".repeat(101)),
            json!("ok"),
            json!([]),
        ],
    );
    put(
        rng,
        "email",
        &[
            json!(null),
            json!(" "),
            json!(true),
            json!(format!("{}@x.io", "e".repeat(150))),
            json!("a@b.co"),
        ],
    );
    put(
        rng,
        "phone",
        &[json!(null), json!(1), json!("9".repeat(51)), json!("+1")],
    );
    put(
        rng,
        "description",
        &[json!({}), json!("d".repeat(201)), json!("fine")],
    );
    put(
        rng,
        "currency",
        &[
            json!("EUR"),
            json!("xxx"),
            json!(1),
            json!("usd"),
            json!(null),
        ],
    );
    put(
        rng,
        "address",
        &[
            json!("US"),
            json!({"country": "us"}),
            json!({"country": "XX", "postalCode": "1"}),
            json!({"line1": 5, "city": "c".repeat(256)}),
            json!({"state": "CA"}),
            json!(null),
        ],
    );
    put(rng, "postalCode", &[json!("94105")]);
    serde_json::Value::Object(body)
}

#[test]
fn local_errors_sent_back_in_the_servers_words_map_to_the_same_paths_and_codes() {
    let mut rng = Rng::new(0x0422);
    let mut checked = 0;
    for _ in 0..400 {
        let body = invalid_body(&mut rng);
        let value: Value = common::to_value(&body);
        for (op, local) in [
            (
                Operation::Create,
                validate_create(&value, Locale::En).errors().to_vec(),
            ),
            (
                Operation::Update,
                validate_update(&value, Locale::En).errors().to_vec(),
            ),
        ] {
            if local.is_empty() {
                continue;
            }
            // What the stand-in sends: Laravel's 422 with one message per path.
            let mut errors = serde_json::Map::new();
            for e in &local {
                errors.insert(e.path().into(), json!([server_message(&e.issue)]));
            }
            let wire = json!({"message": "The given data was invalid.", "errors": errors});
            let err = parse_account(&en(), op, &response(422, &wire.to_string())).unwrap_err();
            let mapped: Vec<(&str, &str)> = err
                .errors()
                .iter()
                .map(|e| (e.path(), e.code().as_str()))
                .collect();
            let expected: Vec<(&str, &str)> = local
                .iter()
                .map(|e| (e.path(), e.code().as_str()))
                .collect();
            assert_eq!(mapped, expected, "{body}");
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} bodies had errors");
}

// ---- the JSON reader agrees with serde_json ----

#[test]
fn the_json_reader_reads_what_serde_json_writes() {
    let mut rng = Rng::new(7);
    fn gen(rng: &mut Rng, depth: usize) -> serde_json::Value {
        match rng.below(if depth > 3 { 5 } else { 7 }) {
            0 => json!(null),
            1 => json!(rng.chance(50)),
            2 => json!(rng.below(1 << 20) as i64 - (1 << 19)),
            3 => json!((rng.below(10_000) as f64) / 8.0),
            4 => {
                let chars = [
                    "a", "\"", "\\", "\n", "\u{1}", "é", "😀", "\u{2028}", "/", "\u{fffd}",
                ];
                json!((0..rng.below(8))
                    .map(|_| *rng.pick(&chars))
                    .collect::<String>())
            }
            5 => serde_json::Value::Array((0..rng.below(4)).map(|_| gen(rng, depth + 1)).collect()),
            _ => serde_json::Value::Object(
                (0..rng.below(4))
                    .map(|i| (format!("k{i}\u{e9}"), gen(rng, depth + 1)))
                    .collect(),
            ),
        }
    }
    for _ in 0..2_000 {
        let value = gen(&mut rng, 0);
        for text in [
            value.to_string(),
            serde_json::to_string_pretty(&value).unwrap(),
        ] {
            assert_eq!(
                json::parse(text.as_bytes()),
                Some(common::to_value(&value)),
                "{text}"
            );
        }
    }
}

/// The generated TypeScript union of kinds comes from `Serialize`; `kind` in errors from `as_str`.
#[test]
fn kinds_serialize_as_javascript_sees_them() {
    for kind in ApiErrorKind::ALL {
        assert_eq!(serde_json::to_value(kind).unwrap(), json!(kind.as_str()));
    }
}
