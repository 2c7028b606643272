//! The clean check and the sparse read: a body read in place, allocating only for what is left.
//!
//! Most bodies a form or an import sends are *clean*: every key known, every string one the
//! server's trim leaves as it is, every rule met, no advisory. For such a body the exact path
//! (parse into a [`Value`](crate::value::Value), normalize a copy, inspect, render, write) can only
//! answer "valid, the value is the input's strings, no warnings", so the shells answer that
//! directly; and most members of any other body are clean too. The sparse read ([`sparse_body`])
//! reads a body's text in place, marks each member it finds clean and keeps only the others, as
//! values, for the exact path's checks to look at field by field (see
//! `crate::validate::sparse_compact`); a body with nothing left and every required field given is
//! clean. Anything it does not recognise at once (an escaped key, a repeated key…) it leaves to
//! the exact path, which gives every other body its answer. The rules themselves come from the
//! one table ([`FIELDS`]) and the same checks the exact path makes; the property tests hold the
//! two paths to the same answers.

use crate::advice;
use crate::api::json::Mode;
use crate::country;
use crate::model::Currency;
use crate::rules::{Field, Kind, Presence, RequestKind, FIELDS};
use crate::text;
use crate::value::Value;

/// Where the clean object that starts at `at` in `text` (an import's JSON) ends, when it is a
/// clean `request` body; `None` when it is not, or the check is not sure.
pub fn clean_body(text: &str, at: usize, request: RequestKind) -> Option<usize> {
    let (sparse, end) = sparse_item(text, at, request)?;
    sparse.is_clean(request).then_some(end)
}

/// Whether `text`, one JSON value with nothing around it, is a clean `request` body.
pub fn is_clean(text: &str, request: RequestKind) -> bool {
    clean_fields(text, request).is_some()
}

/// When `text`, one JSON value with nothing around it, is a clean `request` body: which fields
/// its value keeps, one bit per field of the table ([`FIELDS`]' order), set for a string or
/// an object (a `null` is not kept). The wasm shell builds the value from it.
pub fn clean_fields(text: &str, request: RequestKind) -> Option<u64> {
    let sparse = sparse_body(text, request)?;
    sparse.is_clean(request).then_some(sparse.kept)
}

/// Whether `text`, one JSON value, is a string `field` takes as it stands in `request`, with no
/// advisory: then `validateField` has nothing to say about it.
pub fn is_clean_value(text: &str, field: &Field, request: RequestKind) -> bool {
    let mut scan = Scan::new(text, 0, WALKED);
    field.presence(request) != Presence::Immutable
        && scan.plain().is_some_and(|s| clean_string(field, s))
        && scan.at == text.len()
}

/// A body read in place as far as it can be, for the exact path to finish (see [`sparse_body`]).
#[derive(Debug, Clone)]
pub struct Sparse {
    /// The body with only what the exact path must still look at.
    pub body: Value,
    /// One bit per field of the table ([`FIELDS`]' order), set for each field given clean.
    pub clean: u64,
    /// Of those, the fields whose value is kept, as [`clean_fields`] gives them.
    pub kept: u64,
}

impl Sparse {
    /// Whether the body is clean: as [`clean_fields`] finds it, with nothing left to look at
    /// and every required field given.
    pub fn is_clean(&self, request: RequestKind) -> bool {
        self.body.is_empty_container()
            && FIELDS.iter().enumerate().all(|(i, f)| {
                f.presence(request) != Presence::Required || (self.clean >> i) & 1 != 0
            })
    }
}

/// A body read in place as far as it can be: its value with only what the exact path must
/// still look at (members of unknown keys, and of known keys whose value is not clean, each read
/// as [`crate::api::json::parse_text`] reads it in `Mode::Js`), and which fields were given
/// clean, which can have no finding. Objects of the table (the address) are kept with their own
/// members read the same way, or left out when all of those are clean. `None` for anything this
/// does not recognise at once (an escaped key, a field given twice), which the exact path reads.
///
/// The value differs from the exact path's only by the clean members it leaves out: checked
/// field by field over the table, the fields not clean get the findings they get there (see
/// `crate::validate::sparse_compact`).
pub fn sparse_body(text: &str, request: RequestKind) -> Option<Sparse> {
    sparse_body_vouched(text, request, 0)
}

/// [`sparse_body`] of the text of a body whose fields with their bit set in `vouched` (the
/// table's order) were left out of it as clean, strings or objects (the wasm shell's walker
/// vouches for them).
pub fn sparse_body_vouched(text: &str, request: RequestKind, vouched: u64) -> Option<Sparse> {
    let mut scan = Scan::new(text, 0, WALKED);
    (scan.clean, scan.kept) = (vouched, vouched);
    scan.space();
    let (body, _) = scan.sparse_object(request, "", 1)?;
    scan.space();
    (scan.at == text.len()).then(|| scan.sparse(body))
}

/// [`sparse_body`] of the item of an import's array (JSON, as `crate::api::json::read_item`
/// reads it) that starts at `at` in `text`, and where it ends.
pub fn sparse_item(text: &str, at: usize, request: RequestKind) -> Option<(Sparse, usize)> {
    let mut scan = Scan::new(text, at, Mode::Js { unsupported: false });
    let (body, _) = scan.sparse_object(request, "", 2)?;
    Some((scan.sparse(body), scan.at))
}

/// How the walker's text is read (see `crate::wasm::read`).
const WALKED: Mode = Mode::Js { unsupported: true };

struct Scan<'a> {
    text: &'a str,
    at: usize,
    /// The fields read so far that were given clean (see [`Sparse`]).
    clean: u64,
    /// Of those, the fields whose value is kept (see [`clean_fields`]).
    kept: u64,
    /// How a value left to the exact path is read.
    mode: Mode,
}

/// Whether `field` is the member `key` of the object at `parent` (`""`: the body). Compares
/// the path's pieces in place: this runs for every key of every body.
#[inline(always)]
pub(crate) fn is_at(field: &Field, parent: &str, key: &str) -> bool {
    let path = field.path;
    // The length, then the key's first byte: most fields fail one of these, and comparing the
    // rest calls `memcmp` in the wasm.
    let at = if parent.is_empty() {
        0
    } else {
        parent.len() + 1
    };
    path.len() == at + key.len()
        && path.as_bytes().get(at) == key.as_bytes().first()
        && path.ends_with(key)
        && if at == 0 {
            !key.bytes().any(|b| b == b'.')
        } else {
            path.starts_with(parent) && path.as_bytes().get(parent.len()) == Some(&b'.')
        }
}

impl<'a> Scan<'a> {
    fn new(text: &'a str, at: usize, mode: Mode) -> Scan<'a> {
        Scan {
            text,
            at,
            clean: 0,
            kept: 0,
            mode,
        }
    }

    /// What was read of a body: `body`, what is left of it.
    fn sparse(&self, body: Value) -> Sparse {
        Sparse {
            body,
            clean: self.clean,
            kept: self.kept,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        if self.peek()? != b {
            return None;
        }
        self.at += 1;
        Some(())
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// A string with no escape and no control character, as the text between its quotes.
    fn plain(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let rest = self.text.get(self.at..)?;
        let len = plain_len(rest.as_bytes())?;
        if rest.as_bytes().get(len) != Some(&b'"') {
            return None;
        }
        // `len` is at an ASCII byte, so a character boundary.
        let s = rest.get(..len)?;
        self.at += len + 1;
        Some(s)
    }

    /// See [`sparse_body`]: the object at `parent`, `depth` containers in, with its members
    /// `depth` in; and whether its text has any member.
    fn sparse_object(
        &mut self,
        request: RequestKind,
        parent: &str,
        depth: usize,
    ) -> Option<(Value, bool)> {
        self.eat(b'{')?;
        let mut members: Vec<(String, Value)> = Vec::new();
        let mut seen = 0u64;
        self.space();
        if self.peek()? == b'}' {
            self.at += 1;
            return Some((Value::Object(members), false));
        }
        loop {
            self.space();
            let key = self.plain()?;
            self.space();
            self.eat(b':')?;
            self.space();
            let start = self.at;
            match FIELDS
                .iter()
                .enumerate()
                .find(|(_, f)| is_at(f, parent, key))
            {
                Some((index, field)) => {
                    let bit = 1u64.checked_shl(u32::try_from(index).ok()?)?;
                    if seen & bit != 0 {
                        return None;
                    }
                    seen |= bit;
                    if field.kind == Kind::Object && self.peek() == Some(b'{') {
                        // An object with members is all the field itself asks for, unless it
                        // may not be given at all; then, with its members all clean, there is
                        // nothing to look at. (The walker leaves out an object whose every
                        // member it vouched for: `{}` here is an empty object.)
                        let (object, any) = self.sparse_object(request, field.path, depth + 1)?;
                        let given = any && field.presence(request) != Presence::Immutable;
                        if given {
                            self.clean |= bit;
                            self.kept |= bit;
                        }
                        if !(given && object.is_empty_container()) {
                            members.push((String::from(key), object));
                        }
                    } else if self.member(field, request).is_some() {
                        self.clean |= bit;
                        if self.text.as_bytes().get(start) != Some(&b'n') {
                            self.kept |= bit;
                        }
                    } else {
                        self.at = start;
                        let value = self.read_value(depth)?;
                        members.push((String::from(key), value));
                    }
                }
                None => {
                    // Kept as the exact path keeps it, a key given twice included (its
                    // `unknown_field` is named once either way) and the walker's count of
                    // members it did not read (`"":~N`, last).
                    let value = self.read_value(depth)?;
                    members.push((String::from(key), value));
                }
            }
            self.space();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some((Value::Object(members), true));
                }
                _ => return None,
            }
        }
    }

    /// The value at the cursor as the exact path reads the walker's text.
    fn read_value(&mut self, depth: usize) -> Option<Value> {
        let (value, end) = crate::api::json::read_value(self.text, self.at, depth, self.mode)?;
        self.at = end;
        Some(value)
    }

    /// A clean member's value (a string, or a null a create drops) for `field`; an object is
    /// [`Scan::sparse_object`]'s.
    fn member(&mut self, field: &Field, request: RequestKind) -> Option<()> {
        let presence = field.presence(request);
        if presence == Presence::Immutable {
            return None;
        }
        match self.peek()? {
            // Null is dropped from a create's value; an update keeps it (it clears the field),
            // which the exact path writes.
            b'n' if presence == Presence::Nullable && request == RequestKind::Create => {
                let end = self.at.checked_add(4)?;
                (self.text.get(self.at..end)? == "null").then(|| self.at = end)
            }
            b'"' => clean_string(field, self.plain()?).then_some(()),
            _ => None,
        }
    }
}

/// How many bytes of `bytes` come before the first quote, backslash or control character.
fn plain_len(bytes: &[u8]) -> Option<usize> {
    bytes
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
}

/// Whether `s` meets `field`'s rule as it is: nothing for the trim to take, and no advisory.
fn clean_string(field: &Field, s: &str) -> bool {
    // Visible ASCII at both ends is nothing the trim takes, without decoding either end.
    let visible = |b: Option<&u8>| b.is_some_and(|b| (0x21..0x7f).contains(b));
    let bytes = s.as_bytes();
    if !(visible(bytes.first()) && visible(bytes.last()))
        && (s.is_empty() || text::trim(s).len() != s.len())
    {
        return false;
    }
    // No more bytes than the limit is no more code points: most strings are not counted.
    let fits = |max: usize| s.len() <= max || text::char_count(s) <= max;
    match field.kind {
        Kind::Text { max } => fits(max),
        Kind::Email { max } => {
            fits(max) && crate::email::is_valid(s) && !advice::has_email_warnings(s)
        }
        Kind::Currency => Currency::parse(s).is_some(),
        Kind::Country => country::is_country(s),
        Kind::Object => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::json::{parse_text, Mode};
    use crate::i18n::Locale;
    use crate::validate::{validate_create, validate_update};

    /// A clean body must be one the exact path finds valid, without warnings, unchanged.
    fn agrees(text: &str) -> (bool, bool) {
        let value = parse_text(text, Mode::Strict).unwrap_or(crate::value::Value::Unsupported);
        let create = validate_create(&value, Locale::En);
        let update = validate_update(&value, Locale::En);
        let (c, u) = (
            is_clean(text, RequestKind::Create),
            is_clean(text, RequestKind::Update),
        );
        if c {
            assert!(create.is_valid() && create.warnings().is_empty(), "{text}");
        }
        if u {
            assert!(update.is_valid() && update.warnings().is_empty(), "{text}");
        }
        (c, u)
    }

    #[test]
    fn plain_strings_end_where_a_quote_backslash_or_control_character_is() {
        for s in [
            "",
            "a",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "é漢😀abcdefgh",
            "\u{7f}\u{80}xxxxxxxxxxxx",
        ] {
            for stop in ["\"", "\\", "\n", "\u{0}", "\u{1f}"] {
                for tail in ["", "xyz", "abcdefghijklmnop"] {
                    let text = format!("{s}{stop}{tail}");
                    assert_eq!(plain_len(text.as_bytes()), Some(s.len()), "{text:?}");
                }
            }
            assert_eq!(plain_len(s.as_bytes()), None, "{s:?}");
        }
    }

    #[test]
    fn clean_values_have_nothing_to_say() {
        use crate::validate::validate_field;
        for (path, text) in [
            ("email", r#""billing@acme.com""#),
            ("email", r#""a@gmial.com""#),
            ("email", r#"" a@b.co""#),
            ("email", r#""a@@b.co""#),
            ("name", r#""Acme""#),
            ("name", r#""""#),
            ("name", "7"),
            ("currency", r#""eur""#),
            ("address.country", r#""ZA""#),
            ("address.country", r#""Za""#),
            ("address", r#""ZA""#),
        ] {
            let field = crate::rules::field(path).unwrap();
            let value = parse_text(text, Mode::Strict).unwrap();
            for request in [RequestKind::Create, RequestKind::Update] {
                if is_clean_value(text, field, request) {
                    let found = validate_field(request, path, Some(&value), Locale::En);
                    assert!(found.is_empty(), "{path} {text} {found:?}");
                }
            }
        }
        let email = crate::rules::field("email").unwrap();
        assert!(is_clean_value(
            r#""billing@acme.com""#,
            email,
            RequestKind::Create
        ));
        let currency = crate::rules::field("currency").unwrap();
        assert!(!is_clean_value(r#""eur""#, currency, RequestKind::Update));
    }

    #[test]
    fn clean_bodies_are_recognised() {
        for text in [
            r#"{"name":"Acme","email":"billing@acme.com"}"#,
            r#"{ "email" : "a@b.co" , "name" : "Müller 株式会社", "phone": "+27 21", "currency": "zar",
                "address": {"country": "ZA", "line1": "1 Main Road", "postal_code": "8001"}}"#,
            r#"{"name":"Acme","email":"billing@acme.com","phone":null,"address":null}"#,
        ] {
            assert!(agrees(text).0, "{text}");
        }
        assert_eq!(agrees(r#"{"name":"Acme"}"#), (false, true));
    }

    #[test]
    fn anything_else_is_left_to_the_exact_path() {
        for text in [
            "{}",
            "[]",
            "null",
            r#"{"name":" Acme","email":"a@b.co"}"#,
            r#"{"name":"Acme\n","email":"a@b.co"}"#,
            r#"{"name":"","email":"a@b.co"}"#,
            r#"{"name":"Acme","email":"a@gmial.com"}"#,
            r#"{"name":"Acme","email":"root@localhost"}"#,
            r#"{"name":"Acme","email":"a@@b.co"}"#,
            r#"{"name":"Acme","email":"a@b.co","currency":"EUR"}"#,
            r#"{"name":"Acme","email":"a@b.co","address":{"country":"Za"}}"#,
            r#"{"name":"Acme","email":"a@b.co","address":{}}"#,
            r#"{"name":"Acme","email":"a@b.co","address":[]}"#,
            r#"{"name":"Acme","email":"a@b.co","address":{"postalCode":"1"}}"#,
            r#"{"name":"Acme","email":"a@b.co","phone":1}"#,
            r#"{"name":"Acme","email":"a@b.co","name":"Acme"}"#,
            r#"{"name":"Acme","email":"a@b.co","country":"ZA"}"#,
            r#"{"name":"Acme","email":"a@b.co","address":{"country":"ZA","country":"ZA"}}"#,
            r#"{"name":"Acme","email":"a@b.co","#,
        ] {
            assert!(!agrees(text).0, "{text}");
        }
        let long = format!(r#"{{"name":"{}","email":"a@b.co"}}"#, "é".repeat(101));
        assert!(!agrees(&long).0);
        let fits = format!(r#"{{"name":"{}","email":"a@b.co"}}"#, "é".repeat(100));
        assert!(agrees(&fits).0);
    }
}
