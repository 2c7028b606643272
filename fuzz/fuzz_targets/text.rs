//! The server's text handling on arbitrary text: trimming is idempotent and only removes trim
//! characters from the ends, empty-to-null follows it, and counting is in code points. Also the
//! hand-written search behind the token's redaction: it must replace exactly what std would.
#![no_main]

use billing_account_form::api::Token;
use billing_account_form::text::{char_count, is_trim_char, normalize, trim};
use billing_account_form::Value;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let s = s.as_ref();
    let t = trim(s);
    assert_eq!(trim(t), t, "trim is not idempotent on {s:?}");
    assert!(s.contains(t));
    assert!(!t.starts_with(is_trim_char) && !t.ends_with(is_trim_char));
    // What was cut is trim characters only, and `t` is the one middle piece.
    let start = s.len() - s.trim_start_matches(is_trim_char).len();
    assert_eq!(s.get(start..start + t.len()), Some(t));
    assert!(s[..start].chars().all(is_trim_char));
    assert!(s[start + t.len()..].chars().all(is_trim_char));
    assert_eq!(normalize(s), (!t.is_empty()).then_some(t));
    assert_eq!(normalize(t), normalize(s));
    assert_eq!(char_count(s), s.chars().count());
    assert!(char_count(t) <= char_count(s));
    let v = Value::Array(vec![
        Value::String(s.to_string()),
        Value::Object(vec![(s.to_string(), Value::String(s.to_string()))]),
    ]);
    let once = v.normalized();
    assert_eq!(once.normalized(), once);
    // The first few characters as a token, redacted from the rest as a server's echo would be.
    let split = s.char_indices().nth(12).map_or(s.len(), |(i, _)| i);
    let (token, text) = s.split_at(split);
    if let Ok(parsed) = Token::parse(token) {
        assert_eq!(parsed.redact(text), text.replace(token, "[redacted]"));
    }
});
