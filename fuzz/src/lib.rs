//! Shared pieces of the fuzz targets: structured inputs and the invariants every target asserts.
#![allow(clippy::panic)] // a broken invariant must crash the fuzzer, which is how it reports

use arbitrary::Arbitrary;
use billing_account_form::api::{self, ApiError};
use billing_account_form::rules::{RequestKind, FIELDS};
use billing_account_form::{
    validate_create, validate_field, validate_update, Code, FieldError, Locale, ParamValue,
    Validation, Value,
};

/// Keys the rules know, their typos, and nested keys written at the top.
const KEYS: &[&str] = &[
    "name",
    "email",
    "phone",
    "description",
    "currency",
    "address",
    "country",
    "line1",
    "line2",
    "city",
    "state",
    "postal_code",
    "postalCode",
    "Name",
    "e-mail",
    "0",
    "",
];

/// Text that sits at the edges of the rules: trim characters, emails, currencies, countries.
const PIECES: &[&str] = &[
    " ",
    "\u{0}",
    "\t",
    "\u{A0}",
    "\u{2028}",
    "\u{200B}",
    "\u{200E}",
    "\u{FEFF}",
    "\u{3000}",
    "\u{200C}",
    "😀",
    "e\u{301}",
    "م",
    "a",
    "a@b.co",
    "billing@acme.com",
    "\"quoted\"@example.com",
    "a@[127.0.0.1]",
    "a(comment)@b.co",
    "a@gmial.com",
    "a@localhost",
    "@",
    ".",
    "usd",
    "EUR",
    "zar",
    "ZA",
    "za",
    "XX",
];

/// A string built to land near the rules' edges, or any string at all.
#[derive(Debug, Arbitrary)]
pub enum Text {
    Raw(String),
    Pieces(Vec<u8>),
    /// `count` (mod 300) copies of a piece or a char: lengths around every limit.
    Repeat {
        piece: u8,
        count: u16,
        pad: u8,
    },
}

impl Text {
    pub fn build(&self) -> String {
        let piece = |i: &u8| {
            PIECES
                .get(usize::from(*i) % PIECES.len())
                .copied()
                .unwrap_or("")
        };
        match self {
            Text::Raw(s) => s.clone(),
            Text::Pieces(ids) => ids.iter().map(piece).collect(),
            Text::Repeat {
                piece: p,
                count,
                pad,
            } => {
                let mut s = String::from(piece(pad));
                s.push_str(&piece(p).repeat(usize::from(*count % 300)));
                s.push_str(piece(pad));
                s
            }
        }
    }
}

#[derive(Debug, Arbitrary)]
pub enum Key {
    Known(u8),
    Other(String),
}

impl Key {
    fn build(&self) -> String {
        match self {
            Key::Known(i) => String::from(
                KEYS.get(usize::from(*i) % KEYS.len())
                    .copied()
                    .unwrap_or(""),
            ),
            Key::Other(s) => s.clone(),
        }
    }
}

/// A JSON-like value as a fuzzer can grow it.
#[derive(Debug, Arbitrary)]
pub enum Input {
    Null,
    Bool(bool),
    Number(f64),
    String(Text),
    Array(Vec<Input>),
    Object(Vec<(Key, Input)>),
    Unsupported,
}

impl Input {
    pub fn build(&self) -> Value {
        match self {
            Input::Null => Value::Null,
            Input::Bool(b) => Value::Bool(*b),
            Input::Number(n) => Value::Number(*n),
            Input::String(t) => Value::String(t.build()),
            Input::Array(items) => Value::Array(items.iter().map(Input::build).collect()),
            Input::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.build(), v.build()))
                    .collect(),
            ),
            Input::Unsupported => Value::Unsupported,
        }
    }
}

pub fn locale(selector: u8) -> Locale {
    Locale::ALL[usize::from(selector) % Locale::ALL.len()]
}

/// An error or warning is well formed: the right side of the error/warning split, a message,
/// and a path the rules know, the body itself (`""`), or an unknown key reported as such.
fn check_finding(e: &FieldError, warning: bool) {
    assert_eq!(e.code().is_warning(), warning, "{e:?}");
    assert!(!e.message.is_empty(), "{e:?}");
    // No placeholder left unfilled, unless the input's own text brought it (it is never expanded).
    let brought = e
        .issue
        .params
        .iter()
        .any(|(_, v)| matches!(v, ParamValue::Text(t) if t.contains(['{', '}'])));
    if !brought {
        assert!(
            !e.message.contains('{') && !e.message.contains('}'),
            "{e:?}"
        );
    }
    let known = e.path().is_empty() || FIELDS.iter().any(|f| f.path == e.path());
    assert!(known || e.code() == Code::UnknownField, "{e:?}");
    // The count of an object's unknown keys past those listed one by one sits at the object's
    // own path (`params.more`), which may be a known one (`address`).
    let count = e.issue.param("more").is_some();
    if e.code() == Code::UnknownField && known && !e.path().is_empty() && !count {
        // Only a key that holds a dot itself can land on a known dotted path: a top-level key
        // literally named "address.country" (Laravel does not read it as the nested field either).
        let dotted = matches!(e.issue.param("field"), Some(ParamValue::Text(k)) if k.contains('.'));
        assert!(dotted, "a known path reported unknown: {e:?}");
    }
}

fn check_outcome<T>(v: &Validation<T>) {
    for e in v.errors() {
        check_finding(e, false);
    }
    for w in v.warnings() {
        check_finding(w, true);
    }
    if !v.is_valid() {
        assert!(!v.errors().is_empty(), "invalid with no error");
    }
}

/// Every validation entry point on `input`, with the invariants that must hold whatever it is:
/// no panic, well-formed findings, and a valid body's value validating again to itself (the
/// normalized request is a fixed point), both as data and as the JSON the client sends.
pub fn check_validation(input: &Value, locale: Locale) {
    let created = validate_create(input, locale);
    check_outcome(&created);
    if let Some(value) = created.value() {
        let json = serde_json::to_value(value).unwrap_or_else(|e| panic!("{e}"));
        let again = validate_create(&Value::from(&json), locale);
        assert_eq!(
            again.value(),
            Some(value),
            "create value is not a fixed point"
        );
        let body = api::create_body(value);
        let sent: serde_json::Value =
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
        assert_eq!(sent, json, "the body sent differs from the value");
    }
    let updated = validate_update(input, locale);
    check_outcome(&updated);
    if let Some(value) = updated.value() {
        let json = serde_json::to_value(value).unwrap_or_else(|e| panic!("{e}"));
        let again = validate_update(&Value::from(&json), locale);
        assert_eq!(
            again.value(),
            Some(value),
            "update value is not a fixed point"
        );
        let body = api::update_body(value);
        let sent: serde_json::Value =
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
        assert_eq!(sent, json, "the body sent differs from the value");
    }
    // Each field as typed, taken from the body where it sits.
    for request in [RequestKind::Create, RequestKind::Update] {
        for field in FIELDS {
            let at = match field.parent() {
                None => input.get(field.path),
                Some((parent, key)) => input.get(parent).and_then(|p| p.get(key)),
            };
            for e in validate_field(request, field.path, at, locale) {
                check_finding(&e, e.code().is_warning());
            }
        }
    }
    // Normalizing twice changes nothing.
    // Compared through Debug, where NaN equals itself.
    let once = input.normalized();
    assert_eq!(
        format!("{:?}", once.normalized()),
        format!("{once:?}"),
        "normalizing twice changed the value"
    );
}

/// The token every fuzzed config carries; no error may show it.
pub const TOKEN: &str = "tok_S3cr3tFuzzToken";

/// Every string inside a JSON value.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        serde_json::Value::Object(members) => members.iter().for_each(|(k, v)| {
            out.push(k.clone());
            strings(v, out);
        }),
        _ => {}
    }
}

/// An API error never shows the token: not in its message, its field errors (paths, messages,
/// params) or anything else its JavaScript form carries. The strings are searched as they are,
/// not as escaped text, where a tab before "ok_…" would read as "\tok_…".
pub fn check_no_token(e: &ApiError) {
    let json = serde_json::to_value(e).unwrap_or_else(|err| panic!("{err}"));
    let mut all = Vec::new();
    strings(&json, &mut all);
    for s in all {
        assert!(!s.contains(TOKEN), "token in error: {s:?}");
    }
}
