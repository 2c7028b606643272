//! Properties across the wire: whatever body the client's validation accepts, the stand-in
//! accepts too (201 for a create, 200 for an update), and stores exactly the normalized value.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly

mod common;

use std::cell::Cell;

use billing_account_form::{validate_create, validate_update, Locale, Value};
use common::Server;
use proptest::prelude::*;
use serde_json::{json, Map};

/// Text around the rules' edges: white space the server trims, multi-byte code points, emails.
fn text(max: usize) -> impl Strategy<Value = String> {
    let pad = prop::sample::select(vec![
        "", " ", "\u{a0}", "\u{3000}", "\u{feff}", "\t\n", "\u{200b}",
    ]);
    let core = prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9 .,'-]{1,20}",
        "\\PC{1,12}",
        (
            1..=max + 1,
            prop::sample::select(vec!['a', '😀', 'م', '漢', 'é'])
        )
            .prop_map(|(n, c)| c.to_string().repeat(n)),
    ];
    (pad.clone(), core, pad).prop_map(|(a, b, c)| format!("{a}{b}{c}"))
}

fn email() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("billing@acme.com".to_string()),
        Just("\"quoted\"@example.com".to_string()),
        Just("a@[127.0.0.1]".to_string()),
        Just("user(comment)@example.com".to_string()),
        Just("a@localhost".to_string()),
        Just("josé@bücher.de".to_string()),
        Just("a..b@c".to_string()),
        "[a-z]{1,10}@[a-z]{1,10}\\.[a-z]{2,4}",
        ("[a-z]{1,140}", "[a-z]{1,8}").prop_map(|(l, d)| format!("{l}@{d}.io")),
    ]
}

fn maybe<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Option<Option<T>>> {
    prop_oneof![
        2 => Just(None),
        1 => Just(Some(None)),
        4 => s.prop_map(|v| Some(Some(v))),
    ]
}

fn set(map: &mut Map<String, serde_json::Value>, key: &str, v: Option<Option<String>>) {
    match v {
        None => {}
        Some(None) => {
            map.insert(key.into(), serde_json::Value::Null);
        }
        Some(Some(s)) => {
            map.insert(key.into(), json!(s));
        }
    }
}

fn body() -> impl Strategy<Value = serde_json::Value> {
    let address = (
        maybe(
            prop::sample::select(vec!["ZA", "US", "GB", "za", "XX", " DE "]).prop_map(String::from),
        ),
        maybe(text(255)),
        maybe(text(255)),
        maybe(text(255)),
    );
    (
        maybe(text(100)),
        maybe(email()),
        maybe(text(50)),
        maybe(text(200)),
        maybe(prop::sample::select(vec!["usd", "eur", "zar", "gbp", "aud", "EUR"]).prop_map(String::from)),
        prop_oneof![3 => Just(None), 1 => Just(Some(None)), 3 => address.prop_map(|a| Some(Some(a)))],
    )
        .prop_map(|(name, email, phone, description, currency, address)| {
            let mut m = Map::new();
            set(&mut m, "name", name);
            set(&mut m, "email", email);
            set(&mut m, "phone", phone);
            set(&mut m, "description", description);
            set(&mut m, "currency", currency);
            match address {
                None => {}
                Some(None) => {
                    m.insert("address".into(), serde_json::Value::Null);
                }
                Some(Some((country, line1, city, postal))) => {
                    let mut a = Map::new();
                    set(&mut a, "country", country);
                    set(&mut a, "line1", line1);
                    set(&mut a, "city", city);
                    set(&mut a, "postal_code", postal);
                    m.insert("address".into(), serde_json::Value::Object(a));
                }
            }
            serde_json::Value::Object(m)
        })
}

fn value(j: &serde_json::Value) -> Value {
    Value::from(j)
}

/// Whether the stored account holds every value sent. The stand-in keeps an address with nothing
/// in it as no address (`null`), and lists every address line, `null` when not given.
fn same(stored: &serde_json::Value, sent: &serde_json::Value) -> bool {
    sent.as_object().unwrap().iter().all(|(key, v)| {
        let kept = &stored[key.as_str()];
        match (key.as_str(), v) {
            ("address", serde_json::Value::Object(lines)) => {
                let given: Vec<_> = lines.iter().filter(|(_, l)| !l.is_null()).collect();
                if given.is_empty() {
                    kept.is_null()
                } else {
                    given.iter().all(|(k, l)| &kept[k.as_str()] == *l)
                }
            }
            _ => kept == v,
        }
    })
}

#[test]
fn what_validation_accepts_the_stand_in_accepts_and_stores_as_normalized() {
    let s = Server::start(&["--faults"]);
    let created = Cell::new(0usize);
    let accepted = Cell::new(0usize);
    let updated = Cell::new(0usize);
    let config = ProptestConfig {
        cases: 300,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    proptest!(config, |(create in body(), mut patch in body(), keep_currency in prop::bool::weighted(0.1))| {
        // An update may not carry a currency; leave one in now and then.
        if !keep_currency {
            patch.as_object_mut().unwrap().remove("currency");
        }
        // A workspace holds ten accounts: start each case from an empty store.
        s.control("POST", "/__reset", None);
        let local = validate_create(&value(&create), Locale::En);
        let answer = s.create("ws_pooled", create.clone());
        created.set(created.get() + 1);
        let Some(request) = local.value() else {
            prop_assert_eq!(answer.status, 422, "{} refused locally, not by the server", create);
            return Ok(());
        };
        accepted.set(accepted.get() + 1);
        prop_assert_eq!(answer.status, 201, "{} accepted locally, not by the server: {}", create, answer.text());
        let stored = answer.json();
        let sent = serde_json::to_value(request).unwrap();
        prop_assert!(same(&stored, &sent), "stored {} for {}", stored, sent);

        // The same for an update of that account.
        let id = stored["id"].as_str().unwrap().to_string();
        let path = format!("/workspaces/ws_pooled/billing-accounts/{id}");
        let local = validate_update(&value(&patch), Locale::En);
        let answer = s.api("PATCH", &path, Some(&patch));
        if let Some(request) = local.value() {
            updated.set(updated.get() + 1);
            prop_assert_eq!(answer.status, 200, "{} accepted locally, not by the server: {}", patch, answer.text());
            let stored = answer.json();
            let sent = serde_json::to_value(request).unwrap();
            prop_assert!(same(&stored, &sent), "stored {} for {}", stored, sent);
        } else {
            prop_assert_eq!(answer.status, 422, "{} refused locally, not by the server", patch);
        }
    });
    println!(
        "properties: {} bodies sent to the stand-in, {} creates and {} updates valid locally, each accepted",
        created.get(),
        accepted.get(),
        updated.get()
    );
    assert!(accepted.get() > 30, "too few valid bodies to mean anything");
}
