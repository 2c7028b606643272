//! Properties that hold for every input: trimming is idempotent, limits are exact in any script,
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly
//! validation never panics and its value validates again unchanged.

mod common;

use billing_account_form::rules::FIELDS;
use billing_account_form::text::{char_count, normalize, trim};
use billing_account_form::{validate_create, validate_update, Locale, Value};
use proptest::prelude::*;
use serde_json::json;

/// Single code points of every kind that matters to counting: astral, combining, RTL, CJK, ASCII.
fn code_point() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('a'),
        Just('😀'),
        Just('\u{301}'),
        Just('م'),
        Just('\u{200F}'),
        Just('漢'),
        Just('𝔸'),
        any::<char>().prop_filter(
            "not trimmed",
            |c| !billing_account_form::text::is_trim_char(*c)
        ),
    ]
}

fn text(len: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(code_point(), len).prop_map(|cs| cs.into_iter().collect())
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i32>().prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
        "[ \u{A0}\u{3000}\u{FEFF}]{0,3}[a-zA-Z@.\"()]{0,10}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("name".to_string()),
                    Just("email".to_string()),
                    Just("phone".to_string()),
                    Just("currency".to_string()),
                    Just("address".to_string()),
                    Just("country".to_string()),
                    "[a-z_]{1,8}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn trimming_is_idempotent(s in "\\PC*|[ \t\u{A0}\u{2000}-\u{200F}\u{FEFF}\u{3000}]*.{0,5}[ \u{85}\u{2028}]*") {
        let once = trim(&s);
        prop_assert_eq!(trim(once), once);
        prop_assert_eq!(normalize(once), normalize(&s));
    }

    #[test]
    fn every_limit_is_exact_in_code_points(extra in 0usize..3, fill in code_point()) {
        for field in FIELDS.iter().filter(|f| f.max().is_some() && !f.path.starts_with("email")) {
            let max = field.max().unwrap();
            let at_limit: String = std::iter::repeat_n(fill, max).collect();
            let over: String = std::iter::repeat_n(fill, max + 1 + extra).collect();
            prop_assert_eq!(char_count(&at_limit), max);
            let body = |s: &str| {
                let mut b = json!({"name": "n", "email": "a@b.co"});
                match field.path.split_once('.') {
                    Some((parent, key)) => b[parent] = json!({key: s}),
                    None => b[field.path] = json!(s),
                }
                common::to_value(&b)
            };
            prop_assert!(validate_create(&body(&at_limit), Locale::En).is_valid(), "{} at limit", field.path);
            let r = validate_create(&body(&over), Locale::En);
            prop_assert_eq!(r.errors().len(), 1);
            prop_assert_eq!(r.errors()[0].path(), field.path);
            prop_assert_eq!(r.errors()[0].code().as_str(), "too_long");
        }
    }

    #[test]
    fn mixed_text_at_the_limit_passes_and_one_more_fails(name in text(100), one in code_point()) {
        let ok = common::to_value(&json!({"name": name.clone(), "email": "a@b.co"}));
        prop_assert!(validate_create(&ok, Locale::En).is_valid());
        let mut longer = name;
        longer.push(one);
        let bad = common::to_value(&json!({"name": longer, "email": "a@b.co"}));
        prop_assert!(!validate_create(&bad, Locale::En).is_valid());
    }

    #[test]
    fn normalizing_twice_changes_nothing(body in json_value()) {
        let once = common::to_value(&body).normalized();
        prop_assert_eq!(once.normalized(), once);
    }

    #[test]
    fn validation_never_panics_and_its_value_is_a_fixed_point(body in json_value()) {
        let input = common::to_value(&body);
        for locale in Locale::ALL {
            let created = validate_create(&input, locale);
            let updated = validate_update(&input, locale);
            if let Some(value) = created.value() {
                let again = common::to_value(&serde_json::to_value(value).unwrap());
                let second = validate_create(&again, locale);
                prop_assert_eq!(second.value(), Some(value));
            }
            if let Some(value) = updated.value() {
                let again = common::to_value(&serde_json::to_value(value).unwrap());
                let second = validate_update(&again, locale);
                prop_assert_eq!(second.value(), Some(value));
            }
        }
        prop_assert!(!matches!(input, Value::Unsupported));
    }
}
