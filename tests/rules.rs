//! Each rule of the table through the public API, with readable snapshots of what a caller sees.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly

mod common;

use billing_account_form::{
    char_count, currencies, limits, validate_create, validate_field, validate_update, Code,
    Currency, Locale, Patch, RequestKind, Validation, Value,
};
use serde_json::json;

fn v(j: serde_json::Value) -> Value {
    common::to_value(&j)
}

/// `path:code` for every error, in order.
fn errors<T>(r: &Validation<T>) -> Vec<String> {
    r.errors()
        .iter()
        .map(|e| format!("{}:{}", e.path(), e.code().as_str()))
        .collect()
}

fn create(j: serde_json::Value) -> Vec<String> {
    errors(&validate_create(&v(j), Locale::En))
}

fn update(j: serde_json::Value) -> Vec<String> {
    errors(&validate_update(&v(j), Locale::En))
}

fn minimal() -> serde_json::Value {
    json!({"name": "ACME", "email": "billing@acme.com"})
}

fn with(key: &str, value: serde_json::Value) -> serde_json::Value {
    let mut body = minimal();
    body[key] = value;
    body
}

#[test]
fn required_fields_on_create() {
    assert_eq!(create(json!({})), ["name:required", "email:required"]);
    assert_eq!(
        create(json!({"name": null, "email": " \u{3000} "})),
        ["name:required", "email:required"]
    );
    // The server's `required` treats an empty array or object as missing.
    assert_eq!(
        create(json!({"name": [], "email": {}})),
        ["name:required", "email:required"]
    );
    assert!(create(minimal()).is_empty());
}

#[test]
fn no_coercion() {
    assert_eq!(create(with("name", json!(123))), ["name:type"]);
    assert_eq!(create(with("name", json!(false))), ["name:type"]);
    assert_eq!(create(with("phone", json!(5))), ["phone:type"]);
    assert_eq!(create(with("phone", json!([]))), ["phone:type"]);
    assert_eq!(
        create(with("description", json!({"a": 1}))),
        ["description:type"]
    );
    assert_eq!(create(with("currency", json!(1))), ["currency:type"]);
    assert_eq!(create(with("address", json!("Main St"))), ["address:type"]);
    assert_eq!(
        create(with("address", json!({"country": 1}))),
        ["address.country:type"]
    );
    let r = validate_create(&Value::Unsupported, Locale::En);
    assert_eq!(errors(&r), [":type"]);
}

#[test]
fn lengths_count_code_points_after_trimming() {
    let name = "😀".repeat(100);
    assert!(create(with("name", json!(format!("\u{FEFF} {name}\u{200B}")))).is_empty());
    assert_eq!(
        create(with("name", json!(name.clone() + "😀"))),
        ["name:too_long"]
    );
    let r = validate_create(&v(with("phone", json!("1".repeat(51)))), Locale::En);
    let e = &r.errors()[0];
    assert_eq!(e.message, "At most 50 characters (51 now).");
    assert_eq!(
        serde_json::to_value(e).unwrap(),
        json!({"path": "phone", "code": "too_long", "severity": "error", "message": "At most 50 characters (51 now).", "params": {"max": 50, "length": 51}})
    );
}

#[test]
fn email_rule_comes_before_its_limit() {
    assert_eq!(
        create(with("email", json!("not-an-email"))),
        ["email:email"]
    );
    let long = format!("{}@example.com", "a".repeat(140));
    assert_eq!(create(with("email", json!(long))), ["email:too_long"]);
}

#[test]
fn currency_is_case_sensitive_with_a_hint() {
    for c in currencies() {
        assert!(create(with("currency", json!(c.as_str()))).is_empty());
    }
    let r = validate_create(&v(with("currency", json!("EUR"))), Locale::En);
    assert_eq!(errors(&r), ["currency:currency"]);
    assert_eq!(
        r.errors()[0].message,
        "Use \u{201c}eur\u{201d}: currency codes are lower case."
    );
    let r = validate_create(&v(with("currency", json!("euro"))), Locale::En);
    assert_eq!(
        r.errors()[0].message,
        "Choose one of: usd, zar, eur, gbp, aud."
    );
    // Null or blank lets the server pick.
    assert!(create(with("currency", json!(null))).is_empty());
    assert!(create(with("currency", json!("  "))).is_empty());
}

#[test]
fn address_rules() {
    let ok = json!({"country": "ZA", "line1": "1 Long St", "line2": null, "city": "Cape Town", "state": "WC", "postal_code": "8001"});
    assert!(create(with("address", ok)).is_empty());
    assert_eq!(
        create(with("address", json!({"country": "za"}))),
        ["address.country:country"]
    );
    assert_eq!(
        create(with("address", json!({"country": "UK"}))),
        ["address.country:country"]
    );
    assert_eq!(
        create(with("address", json!({"city": "x".repeat(256)}))),
        ["address.city:too_long"]
    );
    assert!(create(with("address", json!({"city": "x".repeat(255)}))).is_empty());
    assert!(create(with("address", json!([]))).is_empty());
    assert!(create(with("address", json!(null))).is_empty());
}

#[test]
fn unknown_keys_are_typos() {
    let r = validate_create(
        &v(with("address", json!({"postalCode": "94105"}))),
        Locale::En,
    );
    assert_eq!(errors(&r), ["address.postalCode:unknown_field"]);
    assert_eq!(r.errors()[0].message, "Unknown field \u{201c}postalCode\u{201d}. Did you mean \u{201c}address.postal_code\u{201d}?");
    let r = validate_create(&v(with("country", json!("US"))), Locale::En);
    assert_eq!(
        r.errors()[0].message,
        "Unknown field \u{201c}country\u{201d}. Did you mean \u{201c}address.country\u{201d}?"
    );
    assert_eq!(
        create(with("colour", json!("red"))),
        ["colour:unknown_field"]
    );
}

#[test]
fn update_distinguishes_absent_null_and_value() {
    let r = validate_update(
        &v(json!({"phone": null, "description": "New", "address": null})),
        Locale::En,
    );
    let value = r.value().unwrap();
    assert_eq!(value.name, None);
    assert_eq!(value.phone, Patch::Null);
    assert_eq!(value.description, Patch::Value("New".into()));
    assert_eq!(value.address, Patch::Null);
    assert_eq!(
        serde_json::to_value(value).unwrap(),
        json!({"phone": null, "description": "New", "address": null})
    );
    // Blank means null: the server's middleware turns it into null.
    let r = validate_update(&v(json!({"phone": " "})), Locale::En);
    assert_eq!(r.value().unwrap().phone, Patch::Null);
    assert!(update(json!({})).is_empty());
}

#[test]
fn update_refuses_null_name_and_email_and_any_currency() {
    assert_eq!(
        update(json!({"name": null, "email": ""})),
        ["name:required", "email:required"]
    );
    assert_eq!(update(json!({"currency": "eur"})), ["currency:immutable"]);
    assert_eq!(update(json!({"currency": null})), ["currency:immutable"]);
    assert_eq!(
        validate_update(&v(json!({"currency": "eur"})), Locale::Id).errors()[0].message,
        "Tidak dapat diubah setelah akun penagihan dibuat."
    );
}

#[test]
fn normalized_create_value_is_trimmed_and_typed() {
    let r = validate_create(
        &v(
            json!({"name": " ACME ", "email": "billing@acme.com\n", "phone": "", "currency": "eur", "address": {"country": "US", "city": "\u{A0}"}}),
        ),
        Locale::En,
    );
    let value = r.value().unwrap();
    assert_eq!(value.name, "ACME");
    assert_eq!(value.email, "billing@acme.com");
    assert_eq!(value.phone, None);
    assert_eq!(value.currency, Some(Currency::Eur));
    assert_eq!(
        serde_json::to_value(value).unwrap(),
        json!({"name": "ACME", "email": "billing@acme.com", "currency": "eur", "address": {"country": "US"}})
    );
}

#[test]
fn warnings_never_block() {
    let r = validate_create(&v(with("email", json!("ann@gmial.com"))), Locale::En);
    assert!(r.is_valid());
    assert_eq!(r.warnings()[0].code(), Code::EmailSuggestion);
    assert_eq!(r.warnings()[0].message, "Did you mean ann@gmail.com?");
    let r = validate_create(&v(with("email", json!("root@localhost"))), Locale::Ar);
    assert!(r.is_valid());
    assert_eq!(r.warnings()[0].code(), Code::EmailDotlessDomain);
}

#[test]
fn field_level_validation() {
    let name = |j| validate_field(RequestKind::Create, "name", Some(&v(j)), Locale::En);
    assert_eq!(name(json!("😀".repeat(101)))[0].code(), Code::TooLong);
    assert!(name(json!("ok")).is_empty());
    assert_eq!(
        validate_field(RequestKind::Create, "name", None, Locale::En)[0].code(),
        Code::Required
    );
    assert!(validate_field(RequestKind::Update, "name", None, Locale::En).is_empty());
    let country = validate_field(
        RequestKind::Create,
        "address.country",
        Some(&v(json!("us"))),
        Locale::En,
    );
    assert_eq!(
        country[0].message,
        "Use \u{201c}US\u{201d}: country codes are upper case."
    );
    let address = validate_field(
        RequestKind::Create,
        "address",
        Some(&v(json!({"country": "XX", "zip": 1}))),
        Locale::En,
    );
    let got: Vec<_> = address.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(
        got,
        [
            ("address.country", Code::Country),
            ("address.zip", Code::UnknownField)
        ]
    );
    assert_eq!(
        validate_field(RequestKind::Create, "nope", None, Locale::En)[0].code(),
        Code::UnknownField
    );
    let email = validate_field(
        RequestKind::Create,
        "email",
        Some(&v(json!("ann@gmial.com"))),
        Locale::En,
    );
    assert_eq!(email[0].code(), Code::EmailSuggestion);
}

#[test]
fn messages_in_three_languages() {
    let body = v(json!({"email": "x", "currency": "EUR"}));
    let snapshot = |locale| -> Vec<String> {
        validate_create(&body, locale)
            .errors()
            .iter()
            .map(|e| e.message.clone())
            .collect()
    };
    assert_eq!(
        snapshot(Locale::En),
        [
            "This field is required.",
            "Enter a valid email address.",
            "Use \u{201c}eur\u{201d}: currency codes are lower case."
        ]
    );
    assert_eq!(
        snapshot(Locale::Ar),
        [
            "هذا الحقل مطلوب.",
            "أدخل عنوان بريد إلكتروني صالحًا.",
            "استخدم «eur»: رموز العملات بأحرف صغيرة."
        ]
    );
    assert_eq!(
        snapshot(Locale::Id),
        [
            "Wajib diisi.",
            "Masukkan alamat email yang valid.",
            "Gunakan \u{201c}eur\u{201d}: kode mata uang ditulis dengan huruf kecil."
        ]
    );
}

#[test]
fn helpers_for_the_form() {
    let l: Vec<_> = limits().collect();
    assert!(
        l.contains(&("name", 100))
            && l.contains(&("email", 150))
            && l.contains(&("address.postal_code", 255))
    );
    assert_eq!(l.len(), 9);
    assert_eq!(
        currencies().iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        ["usd", "zar", "eur", "gbp", "aud"]
    );
    assert_eq!(char_count("👍🏽"), 2);
}
