//! The email check on arbitrary text: no panic, `is_valid`, `check` and `domain_part` agree,
//! the recorded parts are pieces of the address, and the email field's verdict follows them.
#![no_main]

use billing_account_form::rules::RequestKind;
use billing_account_form::{advice, email, text, validate_field, Code, Locale, Value};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(address) = std::str::from_utf8(data) else {
        return;
    };
    let checked = email::check(address);
    assert_eq!(email::is_valid(address), checked.is_ok());
    assert_eq!(email::domain_part(address), checked.ok().map(|p| p.domain));
    if let Ok(parts) = checked {
        assert!(
            address.contains(parts.local),
            "local part {:?} not in {address:?}",
            parts.local
        );
        assert!(
            address.contains(parts.domain),
            "domain {:?} not in {address:?}",
            parts.domain
        );
        assert!(
            !parts.domain.is_empty(),
            "valid with an empty domain: {address:?}"
        );
        for w in advice::email_warnings("email", address) {
            assert!(w.code.is_warning());
        }
    }
    // The field's verdict: trimmed first, then the email rule, then the length.
    let errors = validate_field(
        RequestKind::Create,
        "email",
        Some(&Value::String(address.to_string())),
        Locale::En,
    );
    let refused: Vec<Code> = errors
        .iter()
        .map(|e| e.code())
        .filter(|c| !c.is_warning())
        .collect();
    let expected = match text::normalize(address) {
        None => Some(Code::Required),
        Some(t) if !email::is_valid(t) => Some(Code::Email),
        Some(t) if text::char_count(t) > 150 => Some(Code::TooLong),
        Some(_) => None,
    };
    assert_eq!(
        refused,
        expected.into_iter().collect::<Vec<_>>(),
        "{address:?}"
    );
});
