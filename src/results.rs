//! Validation results as text, written by hand: JSON in the wire shape of the `Serialize` impls, without serde, and the pieces the wasm shell hands to JavaScript.
//!
//! Written through serde, each result went through its generic serializer, which cost time on
//! every call and bytes in the validation module; these writers do the same job directly. The
//! validation module hands findings to JavaScript as pieces ([`write_issues`]) that its reader
//! turns into the objects `JSON.parse` would make of the JSON, faster. The tests hold both to
//! serde_json's output of the same values.

use crate::api::json::write_string;
use crate::error::{FieldError, Issue, ParamValue, Validation};
use crate::i18n::Locale;
use crate::model::{Address, CreateBillingAccountRequest, Patch, UpdateBillingAccountRequest};

/// A value with a JSON form.
pub trait ToJson {
    /// Appends this value's JSON text to `out`.
    fn write_json(&self, out: &mut String);

    /// This value's JSON text.
    fn to_json(&self) -> String {
        let mut out = String::with_capacity(128);
        self.write_json(&mut out);
        out
    }
}

/// Writes `{` … `}` member by member.
struct Members<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Members<'a> {
    fn open(out: &'a mut String) -> Members<'a> {
        out.push('{');
        Members { out, first: true }
    }

    fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
        self.out
    }

    fn value(&mut self, key: &str, value: &(impl ToJson + ?Sized)) {
        value.write_json(self.key(key));
    }

    fn string(&mut self, key: &str, value: Option<&str>) {
        if let Some(s) = value {
            write_string(self.key(key), s);
        }
    }

    fn close(self) {
        self.out.push('}');
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_string(out, self);
    }
}

impl ToJson for crate::model::Currency {
    fn write_json(&self, out: &mut String) {
        write_string(out, self.as_str());
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl ToJson for FieldError {
    fn write_json(&self, out: &mut String) {
        // By hand, not through `Members`: this is the one writer the validation module carries.
        out.push_str("{\"path\":");
        write_string(out, &self.issue.path);
        out.push_str(",\"code\":\"");
        out.push_str(self.issue.code.as_str());
        out.push_str(if self.issue.code.is_warning() {
            "\",\"severity\":\"warning\",\"message\":"
        } else {
            "\",\"severity\":\"error\",\"message\":"
        });
        write_string(out, &self.message);
        for (i, (key, value)) in self.issue.params.iter().enumerate() {
            out.push_str(if i == 0 { ",\"params\":{\"" } else { ",\"" });
            out.push_str(key);
            out.push_str("\":");
            match value {
                // As the `Serialize` impl writes it: a u32, saturated.
                ParamValue::Num(n) => {
                    out.push_str(&crate::num::usize_text((*n).min(u32::MAX as usize)))
                }
                ParamValue::Text(t) => write_string(out, t),
            }
        }
        if !self.issue.params.is_empty() {
            out.push('}');
        }
        out.push('}');
    }
}

impl ToJson for Address {
    fn write_json(&self, out: &mut String) {
        let mut m = Members::open(out);
        m.string("country", self.country.as_deref());
        m.string("line1", self.line1.as_deref());
        m.string("line2", self.line2.as_deref());
        m.string("city", self.city.as_deref());
        m.string("state", self.state.as_deref());
        m.string("postal_code", self.postal_code.as_deref());
        m.close();
    }
}

impl ToJson for CreateBillingAccountRequest {
    fn write_json(&self, out: &mut String) {
        let mut m = Members::open(out);
        m.string("name", Some(&self.name));
        m.string("email", Some(&self.email));
        m.string("phone", self.phone.as_deref());
        m.string("description", self.description.as_deref());
        m.string("currency", self.currency.map(|c| c.as_str()));
        if let Some(address) = &self.address {
            m.value("address", address);
        }
        m.close();
    }
}

/// A patch member: absent is left out, `null` written as `null`.
fn patch<T: ToJson>(m: &mut Members<'_>, key: &str, value: &Patch<T>) {
    match value {
        Patch::Absent => {}
        Patch::Null => m.key(key).push_str("null"),
        Patch::Value(v) => m.value(key, v),
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_string(out, self);
    }
}

impl ToJson for UpdateBillingAccountRequest {
    fn write_json(&self, out: &mut String) {
        let mut m = Members::open(out);
        m.string("name", self.name.as_deref());
        m.string("email", self.email.as_deref());
        patch(&mut m, "phone", &self.phone);
        patch(&mut m, "description", &self.description);
        patch(&mut m, "address", &self.address);
        m.close();
    }
}

impl<T: ToJson> ToJson for Validation<T> {
    fn write_json(&self, out: &mut String) {
        let mut m = Members::open(out);
        match self {
            Validation::Valid { value, warnings } => {
                m.value("ok", &true);
                m.value("value", value);
                m.value("warnings", warnings.as_slice());
            }
            Validation::Invalid { errors, warnings } => {
                m.value("ok", &false);
                m.value("errors", errors.as_slice());
                m.value("warnings", warnings.as_slice());
            }
        }
        m.close();
    }
}

/// Findings as the wasm shell's JavaScript reads them back without `JSON.parse` (which took a
/// sixth of an invalid call): U+0001, then pieces: first their count, then for each its path,
/// code, severity (`e` or `w`), its message's template in `locale` as where it lies in memory
/// and its length in bytes (JavaScript reads it from there the first time, and fills it in as
/// [`crate::i18n::message`] does), and count of params, and for each param its name after `n`
/// (a number) or `t` (text), then its value. Each piece is its length in UTF-16 units as one
/// character (U+0020 plus the length), then its text as it is: JavaScript takes each with one
/// slice, searching for nothing. (A piece too long for that, a hostile key's name, has U+E000,
/// the digits of its length and `;` in front instead.)
pub fn write_issues<'a>(
    out: &mut String,
    issues: impl ExactSizeIterator<Item = &'a Issue>,
    locale: Locale,
) {
    out.push('\u{1}');
    number(out, "", issues.len());
    for issue in issues {
        let severity = if issue.code.is_warning() { "w" } else { "e" };
        piece(out, "", &issue.path);
        piece(out, "", issue.code.as_str());
        piece(out, "", severity);
        let template = crate::i18n::issue_template(locale, issue);
        number(out, "", template.as_ptr() as usize);
        number(out, "", template.len());
        number(out, "", issue.params.len());
        for (key, value) in &issue.params {
            match value {
                ParamValue::Num(n) => {
                    piece(out, "n", key);
                    number(out, "", (*n).min(u32::MAX as usize));
                }
                ParamValue::Text(t) => {
                    piece(out, "t", key);
                    piece(out, "", t);
                }
            }
        }
    }
}

/// Appends `tag` and `s` as one piece (see [`write_issues`]).
#[inline(never)]
fn piece(out: &mut String, tag: &str, s: &str) {
    length(out, utf16_len(tag) + utf16_len(s));
    out.push_str(tag);
    out.push_str(s);
}

/// Appends `tag` and the digits of `n` as one piece.
fn number(out: &mut String, tag: &str, n: usize) {
    let mut digits = 1;
    let mut rest = n / 10;
    while rest > 0 {
        digits += 1;
        rest /= 10;
    }
    length(out, tag.len() + digits);
    out.push_str(tag);
    crate::num::push_usize(out, n);
}

/// A piece's length, as [`write_issues`] writes it in front of the piece.
fn length(out: &mut String, n: usize) {
    let short = n
        .checked_add(0x20)
        .and_then(|c| u32::try_from(c).ok())
        .filter(|&c| c < 0xD800)
        .and_then(char::from_u32);
    match short {
        Some(c) => out.push(c),
        None => {
            out.push('\u{E000}');
            crate::num::push_usize(out, n);
            out.push(';');
        }
    }
}

/// The length of `s` in UTF-16 units, as JavaScript counts it.
fn utf16_len(s: &str) -> usize {
    // A unit for each character's first byte, two for one of four bytes.
    s.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// A refused record of `validateMany` as [`write_issues`] writes findings: its index (-1: no
/// record, the input itself), then its errors.
pub fn write_refused(out: &mut String, index: Option<usize>, errors: &[Issue], locale: Locale) {
    match index {
        Some(i) => number(out, "", i),
        None => piece(out, "", "-1"),
    }
    write_issues(out, errors.iter(), locale);
}

/// One record of `validateMany`: `{"index":…,"ok":…,"errors":[…]}` (`index` -1: no record).
pub fn write_record(out: &mut String, index: Option<usize>, errors: &[FieldError]) {
    out.push_str("{\"index\":");
    match index {
        Some(i) => out.push_str(&crate::num::usize_text(i)),
        None => out.push_str("-1"),
    }
    out.push_str(if errors.is_empty() {
        ",\"ok\":true,\"errors\":"
    } else {
        ",\"ok\":false,\"errors\":"
    });
    errors.write_json(out);
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::json::{parse_text, Mode};
    use crate::i18n::Locale;
    use crate::validate::{validate_create, validate_field, validate_update, validation_text};
    use crate::RequestKind;

    const BODIES: &[&str] = &[
        "{}",
        "null",
        "[]",
        "7",
        r#"{"name":" Acme ","email":"a@gmial.com","phone":"  ","description":null,"currency":"eur","address":{"country":"ZA","city":" Cape Town ","line2":""}}"#,
        r#"{"name":"Acme","email":"root@localhost","phone":null,"description":"x","address":null}"#,
        r#"{"name":"x\"\\\n\u0001é😀","email":"\"a b\"@[127.0.0.1]","currency":"EUR","address":{"country":"Za","postalCode":"1"},"zip":1}"#,
        r#"{"name":"Acme","email":"a@b.co","address":{"country":"ZA","line1":"1","line2":"2","city":"c","state":"s","postal_code":"p"}}"#,
        r#"{"name":"Acme","email":"a@b.co","address":"ZA","currency":"usd"}"#,
        r#"{"name":"Acme","email":"a@b.co","phone":null,"description":" ","address":null}"#,
        r#"{"name":"Acme","email":"a@b.co","address":[]}"#,
        r#"{"email":"a@b.co","address":{"city":null,"country":"ZA","city":"x"},"address":{"line2":" y "}}"#,
    ];

    // The integration tests' reading of the pieces, as JavaScript reads them.
    mod pieces {
        include!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/common/pieces.rs"
        ));
    }
    use pieces::{compact_issues, compact_result};

    #[test]
    fn compact_results_read_back_as_serde_writes_them() {
        let weird =
            r#"{"\"k\u0001":1,"name":"\u0001","email":"\"a\u0001\"@gmial.com","address":{"\"":2}}"#;
        for body in BODIES.iter().chain([&weird]) {
            let value = parse_text(body, Mode::Strict).unwrap();
            for locale in [Locale::En, Locale::Ar, Locale::Id] {
                let create = serde_json::to_value(validate_create(&value, locale)).unwrap();
                let text =
                    crate::validate::validation_compact(RequestKind::Create, value.clone(), locale);
                assert_eq!(compact_result(&text), create, "{body}");
                let update = serde_json::to_value(validate_update(&value, locale)).unwrap();
                let text =
                    crate::validate::validation_compact(RequestKind::Update, value.clone(), locale);
                assert_eq!(compact_result(&text), update, "{body}");
                for path in ["email", "address", "nope", "\"x\u{1}"] {
                    let errors = validate_field(RequestKind::Create, path, Some(&value), locale);
                    let mut text = String::new();
                    write_issues(&mut text, errors.iter().map(|e| &e.issue), locale);
                    let mut pieces = pieces::Pieces(&text);
                    assert_eq!(
                        compact_issues(&mut pieces),
                        serde_json::to_value(&errors).unwrap()
                    );
                    assert_eq!(pieces.0, "");
                }
            }
        }
    }

    #[test]
    fn pieces_too_long_for_one_character_read_back() {
        // An unknown key's name is in the path and a param of its error: as long as any key.
        for len in [0xD7DF - 0x20, 0xD7E0, 0xD800, 100_000] {
            for unit in ["k", "é", "😀"] {
                let key = unit.repeat(len / unit.chars().map(char::len_utf16).sum::<usize>());
                let value = parse_text(&format!(r#"{{"{key}":1}}"#), Mode::Strict).unwrap();
                let typed = serde_json::to_value(validate_create(&value, Locale::En)).unwrap();
                let text =
                    crate::validate::validation_compact(RequestKind::Create, value, Locale::En);
                assert_eq!(compact_result(&text), typed);
            }
        }
    }

    #[test]
    fn results_are_written_as_serde_writes_them() {
        for body in BODIES {
            let value = parse_text(body, Mode::Strict).unwrap();
            for locale in [Locale::En, Locale::Ar, Locale::Id] {
                let create = validate_create(&value, locale);
                let serde = serde_json::to_string(&create).unwrap();
                assert_eq!(create.to_json(), serde, "{body}");
                let text = validation_text(RequestKind::Create, &value, locale);
                assert_eq!(text, serde, "{body}");
                let update = validate_update(&value, locale);
                let serde = serde_json::to_string(&update).unwrap();
                assert_eq!(update.to_json(), serde, "{body}");
                let text = validation_text(RequestKind::Update, &value, locale);
                assert_eq!(text, serde, "{body}");
                for path in ["email", "address", "nope"] {
                    let errors = validate_field(RequestKind::Create, path, Some(&value), locale);
                    assert_eq!(
                        errors.as_slice().to_json(),
                        serde_json::to_string(&errors).unwrap()
                    );
                }
            }
        }
    }
}
