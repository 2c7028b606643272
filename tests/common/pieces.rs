// What the wasm shell's JavaScript (`read.rs`: `list`, `result`) makes of a result written as
// pieces (`results::write_issues`, `validate::validation_compact`), as JSON: the same reading,
// step by step. Shared by the integration tests (`mod pieces`) and `src/results.rs`'s own tests
// (`include!`, which takes no inner attributes: the allowances are on each function).

/// What the validation module's JavaScript (`src/wasm/read.rs`: `result`) makes of the text
/// `validation_compact` writes, as JSON: the same reading, piece by piece, so that the suites
/// that hold the exact path to the server hold the text the module hands over to it too.
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
pub fn compact_result(text: &str) -> serde_json::Value {
    let (head, rest) = text.split_at(text.find('\u{1}').unwrap());
    let mut pieces = Pieces(rest);
    let result = if head.is_empty() {
        let errors = compact_issues(&mut pieces);
        serde_json::json!({ "ok": false, "errors": errors, "warnings": compact_issues(&mut pieces) })
    } else {
        let value: serde_json::Value = serde_json::from_str(head).unwrap();
        serde_json::json!({ "ok": true, "value": value, "warnings": compact_issues(&mut pieces) })
    };
    assert_eq!(pieces.0, "", "{text:?}");
    result
}

/// Findings as `results::write_issues` writes them: the text not read yet.
pub struct Pieces<'a>(pub &'a str);

impl<'a> Pieces<'a> {
    /// The next piece: its length in UTF-16 units (one character, U+0020 plus it; or U+E000,
    /// digits, `;`), then as many units of text.
    #[allow(clippy::unwrap_used, clippy::indexing_slicing)]
    pub fn next(&mut self) -> &'a str {
        let mut chars = self.0.chars();
        let first = chars.next().unwrap();
        let (mut units, mut rest) = (first as usize - 0x20, chars.as_str());
        if first == '\u{E000}' {
            let end = rest.find(';').unwrap();
            units = rest[..end].parse().unwrap();
            rest = &rest[end + 1..];
        }
        let mut bytes = 0;
        for c in rest.chars() {
            if units == 0 {
                break;
            }
            units -= c.len_utf16();
            bytes += c.len_utf8();
        }
        assert_eq!(units, 0, "a piece ends inside a character: {:?}", self.0);
        let (piece, after) = rest.split_at(bytes);
        self.0 = after;
        piece
    }
}

/// The findings that start the text of `pieces` (U+0001, then their count), read as
/// JavaScript's `list` reads them; `pieces` is left after them.
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
pub fn compact_issues(pieces: &mut Pieces) -> serde_json::Value {
    pieces.0 = pieces.0.strip_prefix('\u{1}').unwrap();
    let mut out = Vec::new();
    for _ in 0..pieces.next().parse::<usize>().unwrap() {
        let mut e = serde_json::Map::new();
        e.insert("path".into(), pieces.next().into());
        e.insert("code".into(), pieces.next().into());
        let severity = if pieces.next() == "w" {
            "warning"
        } else {
            "error"
        };
        e.insert("severity".into(), severity.into());
        let at: usize = pieces.next().parse().unwrap();
        let length: usize = pieces.next().parse().unwrap();
        // SAFETY: the writer's template, a `&'static str`, is `length` bytes at `at` (this
        // process's memory, as the module's is JavaScript's).
        let template = unsafe { std::slice::from_raw_parts(at as *const u8, length) };
        let template = std::str::from_utf8(template).unwrap();
        let count: usize = pieces.next().parse().unwrap();
        let mut params = serde_json::Map::new();
        for _ in 0..count {
            let key = pieces.next();
            let value = match key.as_bytes()[0] {
                b'n' => pieces.next().parse::<u64>().unwrap().into(),
                _ => pieces.next().into(),
            };
            params.insert(key[1..].into(), value);
        }
        e.insert("message".into(), fill(template, &params).into());
        if count > 0 {
            e.insert("params".into(), params.into());
        }
        out.push(serde_json::Value::Object(e));
    }
    out.into()
}

/// `template` filled in as JavaScript's `message` fills it: each `{name}` (to the first `}`
/// after it) by the param `name`, left as it is where there is none.
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
fn fill(template: &str, params: &serde_json::Map<String, serde_json::Value>) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open + 1..].find('}').map(|c| open + 1 + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        let name = &rest[open + 1..close];
        match params.get(name) {
            Some(serde_json::Value::String(t)) => out.push_str(t),
            Some(v) => out.push_str(&v.to_string()),
            None => out.push_str(&format!("{{{name}}}")),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}
