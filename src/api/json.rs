//! A small JSON reader (into [`Value`]) and writer, so the wasm build carries no serde_json.
//!
//! The reader is strict (RFC 8259: no BOM, no trailing commas, no comments, no lone surrogates,
//! no raw control characters in strings) and bounded in depth, so no body can make it recurse
//! without limit. It reads the API's answers, where numbers are counts and flags: integers up
//! to 2^53 are exact, other numbers are close approximations. With [`Mode::Js`] it also reads
//! what the wasm shell hands over from JavaScript (bodies, and `validateMany`'s text): there a
//! string with a lone surrogate escape is a value nothing accepts (UTF-8 cannot carry it, so no
//! server receives it), and `?` stands for a value JSON cannot carry.
//!
//! Measured with the validation core in a `wasm32-unknown-unknown` cdylib (opt-level z, LTO,
//! `wasm-opt -Oz`): building a create body and parsing an account with these cost 58.9 KB
//! (33.5 KB gzipped) in all; the same through serde_json, 86.4 KB (48.7 KB gzipped).

use crate::value::Value;

/// How deeply arrays and objects may nest in an answer before it is refused.
const MAX_DEPTH: usize = 64;

/// How strictly text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// RFC 8259 exactly: what the API must send.
    Strict,
    /// Text from JavaScript: a string value with a lone surrogate escape (`"\ud800"`, which
    /// `JSON.stringify` writes for a lone surrogate) reads as [`Value::Unsupported`], a `type`
    /// error where it sits, never as U+FFFD in place of what was typed (a key with one reads
    /// with U+FFFD: no field has such a name, so it is an unknown field either way); and, when
    /// `unsupported` is set, a bare `?` reads as [`Value::Unsupported`] (a function, a symbol…).
    Js { unsupported: bool },
}

/// The JSON text `bytes` as a value, or `None` if it is not exactly one JSON value in UTF-8.
pub fn parse(bytes: &[u8]) -> Option<Value> {
    parse_text(core::str::from_utf8(bytes).ok()?, Mode::Strict)
}

/// The JSON text `text` as a value in `mode`, or `None` if it is not exactly one value.
pub fn parse_text(text: &str, mode: Mode) -> Option<Value> {
    let mut reader = Reader::new(text, 0, mode);
    reader.skip_space();
    let value = reader.value(0)?;
    reader.skip_space();
    (reader.at == text.len()).then_some(value)
}

/// Reads `text`, which must be one JSON array, handing each item to `each` as it is read, so a
/// large array is never held whole. The count of items, or `None` where the text is not
/// one array (items already handed over stay handed over).
pub fn for_each_item(text: &str, mode: Mode, mut each: impl FnMut(usize, Value)) -> Option<usize> {
    let mut reader = Reader::new(text, 0, mode);
    reader.skip_space();
    reader.eat(b'[')?;
    reader.skip_space();
    let mut count = 0;
    if reader.peek()? == b']' {
        reader.at += 1;
    } else {
        loop {
            reader.skip_space();
            let item = reader.value(1)?;
            each(count, item);
            count += 1;
            reader.skip_space();
            match reader.bump()? {
                b',' => continue,
                b']' => break,
                _ => return None,
            }
        }
    }
    reader.skip_space();
    (reader.at == text.len()).then_some(count)
}

/// One value of an array's items (nested as deep as items are) that starts at byte `at` of
/// `text`: the value and where it ends, or where reading stopped. For a caller that reads text
/// piece by piece: a value cut off by the end of the text always stops within
/// [`CUT_OFF`] bytes of it (an unterminated string stops at the very end).
pub const CUT_OFF: usize = 16;

/// See [`CUT_OFF`].
pub fn read_item(text: &str, at: usize, mode: Mode) -> Result<(Value, usize), usize> {
    let mut reader = Reader::new(text, at, mode);
    match reader.value(1) {
        Some(value) => Ok((value, reader.at)),
        None => Err(reader.at),
    }
}

/// The value that starts at byte `at` of `text`, `depth` containers in (a body's members are at
/// depth 1), read as [`parse_text`] reads it there: the value and where it ends, or `None`.
pub fn read_value(text: &str, at: usize, depth: usize, mode: Mode) -> Option<(Value, usize)> {
    let mut reader = Reader::new(text, at, mode);
    let value = reader.value(depth)?;
    Some((value, reader.at))
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    mode: Mode,
    /// Whether the string last read had a lone surrogate escape (read as U+FFFD; `Mode::Js` only).
    lone: bool,
}

impl Reader<'_> {
    fn new(text: &str, at: usize, mode: Mode) -> Reader<'_> {
        Reader {
            text,
            at,
            mode,
            lone: false,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.bump()? == b).then_some(())
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Option<Value> {
        let end = self.at.checked_add(word.len())?;
        (self.text.get(self.at..end)? == word).then(|| {
            self.at = end;
            value
        })
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        match self.peek()? {
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => {
                self.lone = false;
                let s = self.string()?;
                Some(if self.lone {
                    Value::Unsupported
                } else {
                    Value::String(s)
                })
            }
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'n' => self.literal("null", Value::Null),
            b'-' | b'0'..=b'9' => self.number(),
            b'?' if self.walked() => {
                self.at += 1;
                Some(Value::Unsupported)
            }
            b'#' if self.walked() => Some(Value::Long(self.count()?)),
            // Written by the walker as the last item, or as the value of a last member keyed "".
            b'~' if self.walked() => Some(Value::Skipped(self.count()?)),
            _ => None,
        }
    }

    /// Whether this is the walker's text, with its marks (`?`, `#N`, `~N`).
    fn walked(&self) -> bool {
        self.mode == (Mode::Js { unsupported: true })
    }

    /// The count after a walker's mark (`#` or `~`).
    fn count(&mut self) -> Option<usize> {
        self.at += 1;
        let start = self.at;
        self.digits();
        // By hand: `str::parse` links a second integer parser into the wasm.
        let digits = self.text.as_bytes().get(start..self.at)?;
        if digits.is_empty() {
            return None;
        }
        digits.iter().try_fold(0usize, |n, &d| {
            n.checked_mul(10)?.checked_add(usize::from(d - b'0'))
        })
    }

    fn object(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.eat(b'{')?;
        let mut members = Vec::with_capacity(4);
        self.skip_space();
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(Value::Object(members));
        }
        loop {
            self.skip_space();
            let key = self.string()?;
            self.skip_space();
            self.eat(b':')?;
            self.skip_space();
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_space();
            match self.bump()? {
                b',' => continue,
                b'}' => return Some(Value::Object(members)),
                _ => return None,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.eat(b'[')?;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(Value::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth)?);
            self.skip_space();
            match self.bump()? {
                b',' => continue,
                b']' => return Some(Value::Array(items)),
                _ => return None,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let end = self.at.checked_add(4)?;
        let digits = self.text.get(self.at..end)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at = end;
        u32::from_str_radix(digits, 16).ok()
    }

    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let start = self.at;
        let Some(plain) = self
            .text
            .as_bytes()
            .get(start..)?
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        else {
            // Unterminated: reading stopped at the end of the text (see `read_item`).
            self.at = self.text.len();
            return None;
        };
        self.at += plain;
        // Most strings have no escape: one allocation of the right size.
        let mut out = String::from(self.text.get(start..self.at)?);
        if self.peek() == Some(b'"') {
            self.at += 1;
            return Some(out);
        }
        loop {
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // Stops only at ASCII bytes, so both ends are character boundaries.
            out.push_str(self.text.get(start..self.at)?);
            match self.bump()? {
                b'"' => return Some(out),
                b'\\' => out.push(self.escape()?),
                _ => return None,
            }
        }
    }

    fn escape(&mut self) -> Option<char> {
        Some(match self.bump()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let mut lone = || match self.mode {
                    Mode::Strict => None,
                    Mode::Js { .. } => {
                        self.lone = true;
                        Some(0xFFFD)
                    }
                };
                let code = match first {
                    0xD800..=0xDBFF => {
                        let rest = self.text.get(self.at..).unwrap_or_default();
                        let second = rest
                            .strip_prefix("\\u")
                            .and_then(|r| r.get(..4))
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .filter(|s| (0xDC00..=0xDFFF).contains(s));
                        match second {
                            Some(second) => {
                                self.at += 6;
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            }
                            None => lone()?,
                        }
                    }
                    0xDC00..=0xDFFF => lone()?,
                    _ => first,
                };
                char::from_u32(code)?
            }
            _ => return None,
        })
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Option<Value> {
        let start = self.at;
        let negative = self.peek()? == b'-';
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        let int_end = self.at;
        let mut frac = (0, 0);
        if self.peek() == Some(b'.') {
            self.at += 1;
            let from = self.at;
            if self.digits() == 0 {
                return None;
            }
            frac = (from, self.at);
        }
        let mut exponent: i32 = 0;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let sign = match self.peek() {
                Some(b'-') => {
                    self.at += 1;
                    -1
                }
                Some(b'+') => {
                    self.at += 1;
                    1
                }
                _ => 1,
            };
            let from = self.at;
            if self.digits() == 0 {
                return None;
            }
            let text = self.text.get(from..self.at)?;
            // At most 1000 either way: past it, every double is 0 or infinite.
            exponent = sign * crate::num::parse_usize(text).map_or(1000, |n| n.min(1000)) as i32;
        }
        if self.at == start {
            return None;
        }
        // Mantissa digits as an integer, and the power of ten that scales them.
        let int_digits = self.text.get(int_start..int_end)?;
        let frac_digits = self.text.get(frac.0..frac.1)?;
        let mut mantissa = 0f64;
        for b in int_digits.bytes().chain(frac_digits.bytes()) {
            mantissa = mantissa * 10.0 + f64::from(b - b'0');
        }
        let scale = exponent.saturating_sub(i32::try_from(frac_digits.len()).unwrap_or(i32::MAX));
        let magnitude = if scale >= 0 {
            mantissa * 10f64.powi(scale)
        } else {
            mantissa / 10f64.powi(-scale)
        };
        Some(Value::Number(if negative { -magnitude } else { magnitude }))
    }
}

/// Builds a JSON object's text, member by member.
pub struct ObjectWriter {
    out: String,
    empty: bool,
}

impl ObjectWriter {
    pub fn new() -> ObjectWriter {
        ObjectWriter {
            out: String::from("{"),
            empty: true,
        }
    }

    fn key(&mut self, key: &str) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        write_string(&mut self.out, key);
        self.out.push(':');
    }

    pub fn string(&mut self, key: &str, value: &str) {
        self.key(key);
        write_string(&mut self.out, value);
    }

    pub fn null(&mut self, key: &str) {
        self.key(key);
        self.out.push_str("null");
    }

    /// `key` with `value`'s text, which must already be JSON (a nested object).
    pub fn raw(&mut self, key: &str, value: &str) {
        self.key(key);
        self.out.push_str(value);
    }

    pub fn finish(mut self) -> String {
        self.out.push('}');
        self.out
    }
}

impl Default for ObjectWriter {
    fn default() -> Self {
        ObjectWriter::new()
    }
}

/// `value` as JSON text, members in their order. What JSON cannot carry (`Unsupported`, a
/// number that is not finite) is written as `null`; validation never lets either through.
pub fn write_value(out: &mut String, value: &Value) {
    match value {
        // Never in a value validation accepted.
        Value::Null | Value::Unsupported | Value::Long(_) | Value::Skipped(_) => {
            out.push_str("null")
        }
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 9.0e15 => {
            if *n < 0.0 {
                out.push('-');
            }
            out.push_str(&crate::num::usize_text(n.abs() as usize));
        }
        Value::Number(_) => out.push_str("null"),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (key, member)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                write_value(out, member);
            }
            out.push('}');
        }
    }
}

/// Appends `s` as a JSON string: quotes, backslashes and control characters escaped,
/// everything else (non-ASCII included) as it is.
pub fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push('"');
    // Runs that need no escape are copied whole; what does is ASCII, so `at` is a char boundary.
    let mut rest = s;
    while let Some(at) = rest
        .bytes()
        .position(|b| b < 0x20 || b == b'"' || b == b'\\')
    {
        out.push_str(rest.get(..at).unwrap_or_default());
        rest = rest.get(at..).unwrap_or_default();
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        rest = chars.as_str();
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let n = c as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX.get(n >> 4).copied().unwrap_or(b'0')));
                out.push(char::from(HEX.get(n & 0xF).copied().unwrap_or(b'0')));
            }
            c => out.push(c),
        }
    }
    out.push_str(rest);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<Value> {
        parse(s.as_bytes())
    }

    #[test]
    fn reads_every_kind_of_value() {
        assert_eq!(
            p(r#" {"a": [1, -2.5, 3e2, true, false, null], "b": "x\u00e9\ud83d\ude00\n\/"} "#),
            Some(Value::Object(vec![
                (
                    "a".into(),
                    Value::Array(vec![
                        Value::Number(1.0),
                        Value::Number(-2.5),
                        Value::Number(300.0),
                        Value::Bool(true),
                        Value::Bool(false),
                        Value::Null,
                    ])
                ),
                ("b".into(), Value::String("xé😀\n/".into())),
            ]))
        );
        assert_eq!(p("[]"), Some(Value::Array(vec![])));
        assert_eq!(p("{ }"), Some(Value::Object(vec![])));
        assert_eq!(p("0"), Some(Value::Number(0.0)));
        assert_eq!(p("-0.125"), Some(Value::Number(-0.125)));
        assert_eq!(
            p("9007199254740993"),
            Some(Value::Number(9007199254740992.0))
        );
    }

    #[test]
    fn refuses_what_is_not_exactly_one_json_value() {
        for bad in [
            "",
            " ",
            "<!DOCTYPE html><html></html>",
            "{",
            "{\"a\":1,}",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{a:1}",
            "'x'",
            "\"unterminated",
            "\"raw\ncontrol\"",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"\\u12\"",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "NaN",
            "Infinity",
            "tru",
            "nul",
            "{} {}",
            "\u{feff}{}",
            "// c\n{}",
        ] {
            assert_eq!(p(bad), None, "{bad:?}");
        }
        assert_eq!(parse(b"\"\xff\""), None);
        assert_eq!(parse(b"{\"a\":\"\xc3\"}"), None);
    }

    #[test]
    fn javascript_text_has_lone_surrogates_and_unsupported_values() {
        let js = |s: &str| parse_text(s, Mode::Js { unsupported: true });
        assert_eq!(
            js(r#"["a\ud800b", "\udc00", "\ud800\u0041", "\ud83d\ude00", ?, "\udbff\udfff"]"#),
            Some(Value::Array(vec![
                Value::Unsupported,
                Value::Unsupported,
                Value::Unsupported,
                Value::String("😀".into()),
                Value::Unsupported,
                Value::String("\u{10FFFF}".into()),
            ]))
        );
        // A key is kept (with U+FFFD), so it is reported as the unknown field it is.
        assert_eq!(
            js(r#"{"a\ud800":"\ud800x","b":"ok"}"#),
            Some(Value::Object(vec![
                ("a\u{FFFD}".into(), Value::Unsupported),
                ("b".into(), Value::String("ok".into())),
            ]))
        );
        assert_eq!(js(r#"{"a":?,"b":[?]}"#).map(|v| v.keys().len()), Some(2));
        // `?` only where it was asked for, and never inside other tokens.
        assert_eq!(parse_text("?", Mode::Js { unsupported: false }), None);
        assert_eq!(parse_text("?", Mode::Strict), None);
        for bad in ["??", "[?1]", "\"\\?\"", "{?:1}"] {
            assert_eq!(js(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_walkers_counts_and_lengths_are_read_only_from_the_walker() {
        let js = |s: &str| parse_text(s, Mode::Js { unsupported: true });
        assert_eq!(
            js(r#"{"a":#1025,"b":[1,~3],"":~7}"#),
            Some(Value::Object(vec![
                ("a".into(), Value::Long(1025)),
                (
                    "b".into(),
                    Value::Array(vec![Value::Number(1.0), Value::Skipped(3)])
                ),
                (String::new(), Value::Skipped(7)),
            ]))
        );
        // Only counts, and never in text a caller wrote (`validateMany`'s).
        for bad in [
            "{~7}",
            "#",
            "#-1",
            "~",
            "[~-1]",
            "#999999999999999999999",
            "[#1 ]]",
        ] {
            assert_eq!(js(bad), None, "{bad}");
        }
        for mode in [Mode::Strict, Mode::Js { unsupported: false }] {
            assert_eq!(parse_text("[#5]", mode), None);
            assert_eq!(parse_text("[1,~5]", mode), None);
        }
    }

    #[test]
    fn arrays_are_read_item_by_item() {
        let mut seen = Vec::new();
        let n = for_each_item(" [1, {\"a\": [true]}, \"x\"] ", Mode::Strict, |i, v| {
            seen.push((i, v))
        });
        assert_eq!(n, Some(3));
        assert_eq!(seen.len(), 3);
        assert_eq!(seen[2], (2, Value::String("x".into())));
        assert_eq!(for_each_item("[]", Mode::Strict, |_, _| {}), Some(0));
        for bad in ["", "{}", "[1,]", "[1", "[1] 2", "1", "[[[["] {
            assert_eq!(for_each_item(bad, Mode::Strict, |_, _| {}), None, "{bad}");
        }
        let deep = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert_eq!(for_each_item(&deep, Mode::Strict, |_, _| {}), Some(1));
        let deeper = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(for_each_item(&deeper, Mode::Strict, |_, _| {}), None);
    }

    #[test]
    fn a_value_cut_off_stops_near_the_end() {
        let items = [
            r#"{"name": "a\"b\\c\u00e9\ud83d\ude00 ok", "n": [1, -2.5e3, true, false, null], "o": {}}"#,
            r#""a long string that goes on and on and on and on""#,
            "123",
            "[[[], {\"a\": [\"\"]}]]",
        ];
        for item in items {
            for cut in 0..item.len() {
                let Some(prefix) = item.get(..cut) else {
                    continue;
                };
                match read_item(prefix, 0, Mode::Js { unsupported: false }) {
                    Err(stop) => assert!(stop + CUT_OFF >= prefix.len(), "{prefix}"),
                    Ok((_, end)) => assert_eq!(end, prefix.len(), "{prefix}"),
                }
            }
        }
    }

    #[test]
    fn depth_is_bounded() {
        let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
        assert!(p(&deep(MAX_DEPTH)).is_some());
        assert_eq!(p(&deep(MAX_DEPTH + 1)), None);
        assert_eq!(p(&"[".repeat(1_000_000)), None);
        let objects = "{\"a\":".repeat(MAX_DEPTH + 1) + "1" + &"}".repeat(MAX_DEPTH + 1);
        assert_eq!(p(&objects), None);
    }

    #[test]
    fn writes_strings_as_json() {
        let mut out = String::new();
        write_string(
            &mut out,
            "a\"b\\c\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}é😀\u{2028}",
        );
        assert_eq!(
            out,
            "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001f\u{7f}é😀\u{2028}\""
        );
        let mut w = ObjectWriter::new();
        w.string("k", "v");
        w.null("n");
        w.raw("o", "{}");
        assert_eq!(w.finish(), r#"{"k":"v","n":null,"o":{}}"#);
        assert_eq!(ObjectWriter::new().finish(), "{}");
    }
}
