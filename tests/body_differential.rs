//! Whole create and update bodies judged by this library and by the server's own validator
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly
//! (Laravel behind its input middlewares, `tests/reference/body.php`): every field's verdict must agree.

mod common;

use std::collections::BTreeMap;

use billing_account_form::rules::RequestKind;
use billing_account_form::validate::validation_compact;
use billing_account_form::{validate_create, validate_update, Locale, Value};

use common::Rng;
use serde_json::{json, Map, Value as Json};

/// The wasm module hands JavaScript the text `validation_compact` writes: read back, it is the
/// result held to the server here.
fn handed_over(request: RequestKind, input: &Value, result: serde_json::Value) {
    let text = validation_compact(request, input.clone(), Locale::En);
    assert_eq!(common::compact_result(&text), result, "{text:?}");
}

const BODIES: usize = 2_500;

/// Characters a limit is counted in: ASCII, Arabic, CJK, astral emoji, a combining mark, RTL and joiners.
const LETTERS: &[&str] = &[
    "a", "Z", "7", "م", "ر", "漢", "😀", "𝔸", "\u{301}", "\u{200F}", "\u{200D}", "é", "ß", " ",
];

/// Everything the server trims, and look-alikes it keeps.
const TRIMMED: &[&str] = &[
    " ", "\t", "\n", "\r", "\u{B}", "\u{C}", "\u{0}", "\u{85}", "\u{A0}", "\u{1680}", "\u{180E}",
    "\u{2000}", "\u{2005}", "\u{200A}", "\u{200B}", "\u{200E}", "\u{2028}", "\u{2029}", "\u{202F}",
    "\u{205F}", "\u{3000}", "\u{FEFF}",
];
const KEPT: &[&str] = &[
    "\u{200C}", "\u{200D}", "\u{200F}", "\u{2060}", "\u{AD}", "\u{1F}", "\u{7F}", "_",
];

const EMAILS: &[&str] = &[
    "billing@acme.com",
    "a@b",
    "\"quoted local\"@example.com",
    "(comment)user@example.com",
    "user@[127.0.0.1]",
    "user@[IPv6:2001:db8::1]",
    "用户@例子.广告",
    "josé@bücher.de",
    "a..b@example.com",
    ".a@example.com",
    "a.@example.com",
    "@example.com",
    "a@",
    "a@@b.com",
    "\"unbalanced@example.com",
    "a b@example.com",
    "a@example..com",
    "a@-example.com",
    "a@example.com-",
    "ann@gmial.com",
    "x@localhost",
    "a\\@b@example.com",
    "a@b.c",
    "A@B.CO",
    "a@[1.2.3.4",
    "a@exa mple.com",
    "a(b@example.com",
    "a)b@example.com",
];

const CURRENCIES: &[&str] = &[
    "usd",
    "zar",
    "eur",
    "gbp",
    "aud",
    "USD",
    "Eur",
    "GBP",
    "euro",
    "us d",
    "xxx",
    "€",
    "usd\u{200B}",
    "usd\u{200C}",
    " aud\u{3000}",
];

const COUNTRIES: &[&str] = &[
    "US",
    "GB",
    "ZA",
    "ID",
    "SA",
    "us",
    "Gb",
    "XK",
    "UK",
    "EU",
    "USA",
    "U",
    "U S",
    "ÜS",
    "GB\u{200B}",
    "\u{A0}DE",
];

const UNKNOWN_KEYS: &[&str] = &[
    "postalCode",
    "Name",
    "address.country",
    "country",
    "id",
    "0",
    "",
    "currency ",
    "Email",
];
const UNKNOWN_ADDRESS_KEYS: &[&str] = &["postalCode", "zip", "Country", "line3", "0"];

fn text(rng: &mut Rng, len: usize) -> String {
    // Mostly one script at a time, sometimes mixed, so every kind of code point meets the limit.
    let single = if rng.chance(60) {
        Some(*rng.pick(LETTERS))
    } else {
        None
    };
    (0..len)
        .map(|_| single.unwrap_or_else(|| *rng.pick(LETTERS)))
        .collect()
}

fn wrap(rng: &mut Rng, s: String) -> String {
    let mut out = String::new();
    for _ in 0..rng.below(3) {
        let c = if rng.chance(80) {
            *rng.pick(TRIMMED)
        } else {
            *rng.pick(KEPT)
        };
        out.push_str(c);
    }
    out.push_str(&s);
    for _ in 0..rng.below(3) {
        let c = if rng.chance(80) {
            *rng.pick(TRIMMED)
        } else {
            *rng.pick(KEPT)
        };
        out.push_str(c);
    }
    out
}

fn wrong_type(rng: &mut Rng) -> Json {
    rng.pick(&[
        json!(0),
        json!(1.5),
        json!(-7),
        json!(true),
        json!(false),
        json!([]),
        json!({}),
        json!(["x"]),
        json!({"a": "b"}),
        json!([null]),
        json!({"country": "US"}),
        json!([[]]),
    ])
    .clone()
}

fn blank(rng: &mut Rng) -> Json {
    let n = 1 + rng.below(3);
    Json::String((0..n).map(|_| *rng.pick(TRIMMED)).collect())
}

/// A string around `max` code points, or far off it.
fn sized(rng: &mut Rng, max: usize) -> String {
    let len = match rng.below(6) {
        0 => max - 1,
        1 | 2 => max,
        3 => max + 1,
        4 => 1 + rng.below(max),
        _ => max + 2 + rng.below(20),
    };
    text(rng, len)
}

fn text_field(rng: &mut Rng, max: usize) -> Option<Json> {
    Some(match rng.below(10) {
        0 => return None,
        1 => Json::Null,
        2 => blank(rng),
        3 => wrong_type(rng),
        4..=6 => {
            let s = sized(rng, max);
            Json::String(wrap(rng, s))
        }
        _ => Json::String(sized(rng, max)),
    })
}

fn email_field(rng: &mut Rng) -> Option<Json> {
    Some(match rng.below(10) {
        0 => return None,
        1 => Json::Null,
        2 => blank(rng),
        3 => wrong_type(rng),
        4 | 5 => {
            // Valid addresses around the limit: a long local part is only a warning to the server.
            let domain = "@example.com";
            let len = 150 - domain.len() + rng.below(3) - 1;
            Json::String(wrap(rng, "a".repeat(len) + domain))
        }
        _ => {
            let s = rng.pick(EMAILS).to_string();
            Json::String(wrap(rng, s))
        }
    })
}

fn choice_field(rng: &mut Rng, options: &[&str]) -> Option<Json> {
    Some(match rng.below(8) {
        0 | 1 => return None,
        2 => Json::Null,
        3 => blank(rng),
        4 => wrong_type(rng),
        5 => {
            let s = rng.pick(options).to_string();
            Json::String(wrap(rng, s))
        }
        _ => Json::String(rng.pick(options).to_string()),
    })
}

fn address(rng: &mut Rng) -> Option<Json> {
    Some(match rng.below(12) {
        0 | 1 => return None,
        2 => Json::Null,
        3 => json!([]),
        4 => json!({}),
        5 => json!(["US"]),
        6 => rng.pick(&[json!("US"), json!(5), json!(true)]).clone(),
        7 => blank(rng),
        _ => {
            let mut object = Map::new();
            if let Some(v) = choice_field(rng, COUNTRIES) {
                object.insert("country".into(), v);
            }
            for key in ["line1", "line2", "city", "state", "postal_code"] {
                if rng.chance(50) {
                    if let Some(v) = text_field(rng, 255) {
                        object.insert(key.into(), v);
                    }
                }
            }
            if rng.chance(15) {
                object.insert(rng.pick(UNKNOWN_ADDRESS_KEYS).to_string(), json!("x"));
            }
            Json::Object(object)
        }
    })
}

/// A body the server accepts, but for at most one field pushed to an edge.
fn near_valid(rng: &mut Rng) -> Json {
    let mut object = Map::new();
    let len = 1 + rng.below(100);
    object.insert(
        "name".into(),
        Json::String(text(rng, len).replace(' ', "a")),
    );
    object.insert(
        "email".into(),
        json!(rng.pick(&[
            "billing@acme.com",
            "a@b",
            "\"x y\"@example.com",
            "用户@例子.广告",
            "ann@gmial.com"
        ])),
    );
    if rng.chance(50) {
        object.insert("phone".into(), json!("+442071234567"));
    }
    if rng.chance(50) {
        let len = 1 + rng.below(200);
        object.insert(
            "description".into(),
            Json::String(text(rng, len).replace(' ', "b")),
        );
    }
    if rng.chance(50) {
        object.insert(
            "currency".into(),
            json!(*rng.pick(&["usd", "zar", "eur", "gbp", "aud"])),
        );
    }
    if rng.chance(50) {
        object.insert("address".into(), json!({"country": *rng.pick(&["US", "ID", "SA", "GB"]), "line1": "123 Main Street", "postal_code": "94105"}));
    }
    let edge: Option<(&str, Option<Json>)> = match rng.below(8) {
        0 => Some(("name", text_field(rng, 100))),
        1 => Some(("email", email_field(rng))),
        2 => Some(("phone", text_field(rng, 50))),
        3 => Some(("description", text_field(rng, 200))),
        4 => Some(("currency", choice_field(rng, CURRENCIES))),
        5 => Some(("address", address(rng))),
        _ => None,
    };
    if let Some((key, value)) = edge {
        match value {
            Some(v) => object.insert(key.into(), v),
            None => object.remove(key),
        };
    }
    Json::Object(object)
}

fn body(rng: &mut Rng) -> Json {
    if rng.chance(40) {
        return near_valid(rng);
    }
    let mut object = Map::new();
    let mut put = |k: &str, v: Option<Json>| {
        if let Some(v) = v {
            object.insert(k.into(), v);
        }
    };
    put("name", text_field(rng, 100));
    put("email", email_field(rng));
    put("phone", text_field(rng, 50));
    put("description", text_field(rng, 200));
    put("currency", choice_field(rng, CURRENCIES));
    put("address", address(rng));
    if rng.chance(10) {
        let key = *rng.pick(UNKNOWN_KEYS);
        put(key, Some(json!("x")));
    }
    Json::Object(object)
}

#[test]
fn every_field_verdict_equals_the_servers() {
    let mut rng = Rng::new(0x0000_B111_AB1E);
    let cases: Vec<(&str, String)> = (0..BODIES)
        .map(|i| {
            (
                if i % 2 == 0 { "create" } else { "update" },
                body(&mut rng).to_string(),
            )
        })
        .collect();
    let lines: Vec<String> = cases
        .iter()
        .map(|(request, body)| json!({"request": request, "body": body}).to_string())
        .collect();
    // BODY_DIFF_DUMP=FILE writes the corpus (one {"request", "body"} a line) and stops: the
    // package's JSON Schemas are checked against it (tests/mock/schema.test.mjs).
    if let Ok(path) = std::env::var("BODY_DIFF_DUMP") {
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        return;
    }
    let server = common::run_php("body.php", &lines);

    let (mut bodies_agreeing, mut fields, mut fields_agreeing, mut valid) = (0, 0, 0, 0);
    let mut disagreements = Vec::new();
    for ((request, body), server_line) in cases.iter().zip(&server) {
        let expected: BTreeMap<String, String> = serde_json::from_str(server_line).unwrap();
        let input = common::to_value(&serde_json::from_str(body).unwrap());
        let outcome = if *request == "create" {
            let v = validate_create(&input, Locale::En);
            handed_over(
                RequestKind::Create,
                &input,
                serde_json::to_value(&v).unwrap(),
            );
            (v.errors().to_vec(), v.is_valid())
        } else {
            let v = validate_update(&input, Locale::En);
            handed_over(
                RequestKind::Update,
                &input,
                serde_json::to_value(&v).unwrap(),
            );
            (v.errors().to_vec(), v.is_valid())
        };
        let actual: BTreeMap<String, String> = outcome
            .0
            .iter()
            .map(|e| (e.path().to_string(), e.code().as_str().to_string()))
            .collect();
        // One error per field; only an unknown key spelled like a nested path ("address.country"
        // at the top) can share a path, and then, as on the server, the unknown key is reported.
        let rules: Vec<&str> = outcome
            .0
            .iter()
            .filter(|e| e.code().as_str() != "unknown_field")
            .map(|e| e.path())
            .collect();
        assert!(
            rules
                .iter()
                .enumerate()
                .all(|(i, p)| !rules[..i].contains(p)),
            "one error per field: {:?}",
            outcome.0
        );
        assert_eq!(outcome.1, actual.is_empty());
        valid += usize::from(outcome.1);

        let mut paths: Vec<&String> = expected.keys().chain(actual.keys()).collect();
        paths.sort();
        paths.dedup();
        // Every known field counts as a verdict, failing or not.
        let checked = billing_account_form::rules::FIELDS.len()
            + paths
                .iter()
                .filter(|p| billing_account_form::rules::field(p).is_none())
                .count();
        fields += checked;
        let differing = paths
            .iter()
            .filter(|p| expected.get(**p) != actual.get(**p))
            .count();
        fields_agreeing += checked - differing;
        if differing == 0 {
            bodies_agreeing += 1;
        } else if disagreements.len() < 10 {
            disagreements.push(format!(
                "{request} {body}\n  server: {expected:?}\n  ours:   {actual:?}"
            ));
        }
    }
    println!(
        "body differential: {bodies_agreeing}/{} bodies agree ({valid} valid), {fields_agreeing}/{fields} field verdicts agree",
        cases.len()
    );
    assert!(
        disagreements.is_empty(),
        "disagreements with the server:\n{}",
        disagreements.join("\n")
    );
    // The generator must reach both verdicts in quantity, or the agreement says little.
    assert!(
        valid > BODIES / 20 && valid < BODIES * 19 / 20,
        "{valid} valid bodies"
    );
}
