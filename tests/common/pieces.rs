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
    let pieces: Vec<&str> = rest.split('\u{1}').skip(1).collect();
    let mut at = 0;
    let result = if head.is_empty() {
        let errors = compact_issues(&pieces, &mut at);
        serde_json::json!({ "ok": false, "errors": errors, "warnings": compact_issues(&pieces, &mut at) })
    } else {
        let value: serde_json::Value = serde_json::from_str(head).unwrap();
        serde_json::json!({ "ok": true, "value": value, "warnings": compact_issues(&pieces, &mut at) })
    };
    assert_eq!(at, pieces.len(), "{text:?}");
    result
}

/// The findings that start at `pieces[*at]` (their count first), read as JavaScript's `list`
/// reads them; `at` is left after them.
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
pub fn compact_issues(pieces: &[&str], at: &mut usize) -> serde_json::Value {
    let mut next = || {
        *at += 1;
        pieces[*at - 1]
    };
    let text = |p: &str| -> serde_json::Value {
        if p.starts_with('"') {
            serde_json::from_str(p).unwrap()
        } else {
            p.into()
        }
    };
    let mut out = Vec::new();
    for _ in 0..next().parse::<usize>().unwrap() {
        let mut e = serde_json::Map::new();
        e.insert("path".into(), text(next()));
        e.insert("code".into(), next().into());
        let severity = if next() == "w" { "warning" } else { "error" };
        e.insert("severity".into(), severity.into());
        e.insert("message".into(), text(next()));
        let count: usize = next().parse().unwrap();
        if count > 0 {
            let mut params = serde_json::Map::new();
            for _ in 0..count {
                let key = next();
                let value = match key.as_bytes()[0] {
                    b'n' => next().parse::<u64>().unwrap().into(),
                    _ => text(next()),
                };
                params.insert(key[1..].into(), value);
            }
            e.insert("params".into(), params.into());
        }
        out.push(serde_json::Value::Object(e));
    }
    out.into()
}
