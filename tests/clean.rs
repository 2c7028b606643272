//! The clean check (`scan`) against the exact path: a body it passes is valid, has no warning,
//! and its value is its own strings; and it passes the bodies a form usually sends.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly

use billing_account_form::api::json::{parse_text, Mode};
use billing_account_form::results::ToJson;
use billing_account_form::rules::RequestKind;
use billing_account_form::scan::{clean_body, clean_fields, is_clean, sparse_body};
use billing_account_form::validate::{sparse_compact, validation_compact, validation_text};
use billing_account_form::{validate_create, validate_update, Locale, Validation, Value};
use proptest::prelude::*;

mod common;

/// Strings of the kinds that decide cleanness: edges the trim takes, escapes, emails near the
/// rules and the advisories, codes near the lists, lengths near the limits.
fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Acme Ltd".to_string()),
        Just("billing@acme.com".to_string()),
        Just("a@gmial.com".to_string()),
        Just("ann@acme.con".to_string()),
        Just("root@localhost".to_string()),
        Just("\"a b\"@acme.com".to_string()),
        Just("a@@b.co".to_string()),
        Just("ZA".to_string()),
        Just("Za".to_string()),
        Just("eur".to_string()),
        Just("EUR".to_string()),
        Just("".to_string()),
        Just("x".repeat(100)),
        Just("x".repeat(101)),
        Just("😀".repeat(150)),
        "[ \u{A0}\u{200B}\u{FEFF}]{0,2}[a-zA-Z@.\"\\\\()漢😀\u{1}\n]{0,12}[ \u{3000}\u{85}]{0,2}",
        "[a-z]{1,8}@[a-z]{1,8}\\.[a-z]{2,3}",
    ]
}

fn member() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        4 => string().prop_map(serde_json::Value::from),
        1 => Just(serde_json::Value::Null),
        1 => any::<i32>().prop_map(serde_json::Value::from),
        1 => Just(serde_json::json!([])),
    ]
}

fn keys() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("name"),
        Just("email"),
        Just("phone"),
        Just("description"),
        Just("currency"),
        Just("address"),
        Just("country"),
        Just("line1"),
        Just("city"),
        Just("postal_code"),
        Just("postalCode"),
    ]
    .prop_map(String::from)
}

fn body() -> impl Strategy<Value = serde_json::Value> {
    let address_keys = prop_oneof![
        Just("country"),
        Just("line1"),
        Just("city"),
        Just("postal_code"),
        Just("postalCode"),
    ]
    .prop_map(String::from);
    let address = proptest::collection::btree_map(address_keys, member(), 0..4)
        .prop_map(|m| serde_json::Value::Object(m.into_iter().collect()));
    let required = (
        proptest::option::weighted(0.9, string()),
        proptest::option::weighted(
            0.9,
            "[a-z]{1,8}@[a-z]{1,8}\\.[a-z]{2,3}|billing@acme\\.com|a@gmial\\.com",
        ),
    );
    let extra =
        proptest::collection::btree_map(keys(), prop_oneof![3 => member(), 2 => address], 0..4);
    (required, extra).prop_map(|((name, email), extra)| {
        // Mostly a name and an email that pass, so that many bodies are clean.
        let mut m = serde_json::Map::new();
        if let Some(name) = name {
            m.insert("name".into(), name.into());
        }
        if let Some(email) = email {
            m.insert("email".into(), email.into());
        }
        for (k, v) in extra {
            // An unknown key at the top makes every body unclean: only now and then.
            if k.starts_with(|c: char| "nepda".contains(c)) || k == "currency" {
                m.entry(k).or_insert(v);
            }
        }
        serde_json::Value::Object(m)
    })
}

/// The value a clean body must come back with: its strings, in the request's field order.
fn own_strings(body: &serde_json::Value, value_json: &str) {
    let value: serde_json::Value = serde_json::from_str(value_json).unwrap();
    let fields = value.as_object().unwrap();
    for (key, v) in body.as_object().unwrap() {
        match v {
            serde_json::Value::String(_) => assert_eq!(fields.get(key), Some(v), "{key}"),
            serde_json::Value::Object(inner) => {
                let got = fields.get(key).and_then(|a| a.as_object()).unwrap();
                for (k, s) in inner {
                    assert_eq!(got.get(k), s.is_string().then_some(s), "{key}.{k}");
                }
            }
            _ => assert!(!fields.contains_key(key), "{key}"),
        }
    }
}

fn value_json<T: ToJson>(v: &Validation<T>) -> String {
    v.value().unwrap().to_json()
}

fn check(body: &serde_json::Value) -> bool {
    let text = serde_json::to_string(body).unwrap();
    let value: Value = parse_text(&text, Mode::Strict).unwrap();
    let create = is_clean(&text, RequestKind::Create);
    if create {
        let r = validate_create(&value, Locale::En);
        assert!(r.is_valid() && r.warnings().is_empty(), "{text}: {r:?}");
        own_strings(body, &value_json(&r));
    }
    if is_clean(&text, RequestKind::Update) {
        let r = validate_update(&value, Locale::En);
        assert!(r.is_valid() && r.warnings().is_empty(), "{text}: {r:?}");
        own_strings(body, &value_json(&r));
    }
    // With spaces around every token the verdict is the same, and so is the end of the body.
    let spaced = serde_json::to_string_pretty(body).unwrap();
    assert_eq!(is_clean(&spaced, RequestKind::Create), create, "{spaced}");
    assert_eq!(
        clean_body(&format!("[{spaced} ,1]"), 1, RequestKind::Create),
        create.then_some(spaced.len() + 1)
    );
    // Whatever the verdict, the text the wasm shell hands over is the typed result's JSON, and
    // the compact text reads back as the same.
    for (request, typed) in [
        (
            RequestKind::Create,
            serde_json::to_string(&validate_create(&value, Locale::En)),
        ),
        (
            RequestKind::Update,
            serde_json::to_string(&validate_update(&value, Locale::En)),
        ),
    ] {
        let typed = typed.unwrap();
        assert_eq!(
            validation_text(request, &value, Locale::En),
            typed,
            "{text}"
        );
        let compact = validation_compact(request, value.clone(), Locale::En);
        assert_eq!(
            common::compact_result(&compact),
            serde_json::from_str::<serde_json::Value>(&typed).unwrap(),
            "{text}"
        );
        for text in [&text, &spaced] {
            sparse_agrees(text, request);
        }
    }
    create
}

/// How many results the sparse read gave (so a test can tell that it ran).
static SPARSE_ANSWERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// What the sparse read of `text` answers is the exact path's answer, in every locale: a refused
/// body's text itself; a valid body's value once completed with the fields it kept clean (as
/// the wasm shell's `merged` completes it), and its warnings. A body it finds clean, a clean
/// check's too (and a few more, such as an update's `{}`), is valid without warnings, its value
/// the fields it keeps, unchanged.
fn sparse_agrees(text: &str, request: RequestKind) -> bool {
    let Some(sparse) = sparse_body(text, request) else {
        assert!(!is_clean(text, request), "{text}");
        return false;
    };
    let value = parse_text(text, Mode::Js { unsupported: true }).unwrap();
    if is_clean(text, request) {
        assert!(sparse.is_clean(request), "{text}");
        assert_eq!(Some(sparse.kept), clean_fields(text, request), "{text}");
    }
    let exact = common::compact_result(&validation_compact(request, value.clone(), Locale::En));
    if sparse.is_clean(request) {
        assert_eq!(exact["warnings"], serde_json::json!([]), "{text}");
        assert_eq!(
            merge(&value, sparse.kept, &serde_json::json!({})),
            exact["value"],
            "{text}"
        );
    }
    for locale in [Locale::En, Locale::Ar, Locale::Id] {
        let exact = validation_compact(request, value.clone(), locale);
        let (valid, found) = sparse_compact(request, sparse.clone(), locale);
        if valid {
            let exact = common::compact_result(&exact);
            let found = common::compact_result(&found);
            assert_eq!(found["warnings"], exact["warnings"], "{text}");
            assert_eq!(
                merge(&value, sparse.kept, &found["value"]),
                exact["value"],
                "{text}"
            );
        } else {
            assert_eq!(found, exact, "{text}");
        }
        SPARSE_ANSWERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    true
}

/// A valid body's value as the wasm shell's `merged` makes it: in the table's order, each field
/// in `kept` as the body has it (an object with its own fields made the same way), any other as
/// the sparse read's `rest` has it.
fn merge(body: &Value, kept: u64, rest: &serde_json::Value) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for (i, field) in billing_account_form::rules::FIELDS.iter().enumerate() {
        let (parent, key) = field.parent().unwrap_or(("", field.path));
        let (given, rest, into) = if parent.is_empty() {
            (body.get(key), rest.get(key), &mut out)
        } else {
            let Some(serde_json::Value::Object(o)) = out.get_mut(parent) else {
                continue;
            };
            let given = body.get(parent).and_then(|p| p.get(key));
            (given, rest.get(parent).and_then(|p| p.get(key)), o)
        };
        if kept & (1 << i) != 0 {
            match given {
                Some(Value::String(s)) => into.insert(key.into(), s.as_str().into()),
                Some(_) => into.insert(key.into(), serde_json::json!({})),
                None => panic!("{} kept but not given", field.path),
            };
        } else if let Some(v) = rest {
            into.insert(key.into(), v.clone());
        }
    }
    serde_json::Value::Object(out)
}

#[test]
fn the_sparse_read_gives_the_exact_paths_errors() {
    // The refusals the bench's invalid bodies make, the walker's marks (`?` for what JSON cannot
    // carry, `#N` for a long string's length), unknown keys at both levels, and what it leaves
    // to the exact path.
    let read = [
        r#"{"name":"Acme","email":"a@@b.co"}"#,
        r#"{"email":"a@b.co","currency":"EUR","address":{"country":"Za","postalCode":"8001"}}"#,
        r#"{"name":"Acme","email":"a@b.co","phone":27215550100,"address":null}"#,
        r#"{"name":#2000,"email":"a@b.co","phone":?,"fax":[1,{"a":2}]}"#,
        r#"{ "name" : " Acme " , "email" : "a@gmial.com" , "country" : "ZA" }"#,
        r#"{"name":"Acme","email":"a@b.co","address":"ZA"}"#,
        r#"{"name":"Acme","email":"a@b.co","address":{"line1":" 1 Main Road "}}"#,
        r#"{"name":"Acme","email":"a@b.co","address":{"country":"ZA"},"id":"x"}"#,
        r#"{"name":"Acme","email":"a@b.co","address":[]}"#,
        r#"{"name":"Acme","email":"a@b.co","description":"\u00e9\n"}"#,
        r#"{"name":"Acme","email":"a@@b.co","address":{}}"#,
        r#"{ }"#,
        r#"{"address":{ }}"#,
        // An unknown key given twice (named once), a key that is empty, the walker's count of
        // members it did not read.
        r#"{"name":"Acme","email":"a@@b.co","x":1,"x":2}"#,
        r#"{"name":"Acme","email":"a@b.co","":1}"#,
        r#"{"name":"Acme","email":"a@@b.co","zip":1,"":~70}"#,
        r#"{"name":"Acme","email":"a@b.co","address":{"country":"ZA","":~70}}"#,
    ];
    for text in read {
        for request in [RequestKind::Create, RequestKind::Update] {
            assert!(sparse_agrees(text, request), "{text}");
        }
    }
    for text in [
        r#"{"name":"Acme","name":"Acme","email":"a@@b.co"}"#,
        r#"{"n\u0061me":"Acme","email":"a@@b.co"}"#,
        r#"["name"]"#,
        r#"{"name":"Acme","email":"a@@b.co"} x"#,
        "null",
    ] {
        assert!(sparse_body(text, RequestKind::Create).is_none(), "{text}");
    }
    // Many unknown keys (an import's record may have a million): read in one pass, the same
    // answer.
    let keys: Vec<String> = (0..5000).map(|i| format!(r#""k{i}":{i}"#)).collect();
    let many = format!(r#"{{"name":"Acme","email":"a@b.co",{}}}"#, keys.join(","));
    assert!(sparse_agrees(&many, RequestKind::Create));
}

#[test]
fn a_clean_body_is_valid_unchanged_and_without_warnings() {
    // A runner of its own, so the test can also check that it saw clean bodies at all.
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(4000));
    let clean = std::cell::Cell::new(0usize);
    runner
        .run(&body(), |body| {
            clean.set(clean.get() + usize::from(check(&body)));
            Ok(())
        })
        .unwrap();
    assert!(clean.get() > 100, "only {} clean bodies", clean.get());
    let sparse = SPARSE_ANSWERS.load(std::sync::atomic::Ordering::Relaxed);
    assert!(sparse > 1000, "only {sparse} results from the sparse read");
}

#[test]
fn the_bodies_forms_send_are_clean() {
    let bodies = [
        serde_json::json!({"name": "Acme Ltd", "email": "billing@acme.com"}),
        serde_json::json!({"name": "Müller GmbH", "email": "jane.doe@firma.de", "phone": "+27 215 5501",
            "description": "Invoices for the Cape Town office, quarterly.", "currency": "zar",
            "address": {"country": "ZA", "line1": "12 Main Road", "city": "Cape Town", "postal_code": "8001", "state": "Western Cape"}}),
        serde_json::json!({"name": "株式会社 Inc.", "email": "payables+acme@gmail.com", "address": {"country": "JP"}}),
    ];
    for body in &bodies {
        assert!(check(body), "{body}");
    }
    // Text JavaScript hands over parses the same way.
    let text = serde_json::to_string(&bodies[1]).unwrap();
    assert!(parse_text(&text, Mode::Js { unsupported: true }).is_some());
}
