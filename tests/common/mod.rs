//! Shared pieces of the integration tests: a seeded generator, JSON to `Value`, and the PHP reference.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use billing_account_form::Value;

/// splitmix64: small, seeded, and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

pub fn to_value(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap()),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(a) => Value::Array(a.iter().map(to_value).collect()),
        serde_json::Value::Object(o) => {
            Value::Object(o.iter().map(|(k, v)| (k.clone(), to_value(v))).collect())
        }
    }
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Makes sure PHP with Laravel's validator and egulias/email-validator is here, installing it if not.
/// Never skips: a test that needs the reference fails when it cannot have it.
pub fn ensure_php_reference() {
    let present = || {
        Path::new("/usr/share/php/Illuminate/Validation/autoload.php").exists()
            && Path::new("/usr/share/php/Egulias/EmailValidator/autoload.php").exists()
            && Command::new("php")
                .arg("-v")
                .output()
                .is_ok_and(|o| o.status.success())
    };
    if present() {
        return;
    }
    let status = Command::new(root().join("scripts/install-php-reference")).status();
    assert!(
        status.is_ok_and(|s| s.success()) && present(),
        "the PHP reference validator is missing and scripts/install-php-reference could not install it"
    );
}

/// Runs `tests/reference/<script>` over `lines` (one input a line) and returns its output lines.
pub fn run_php(script: &str, lines: &[String]) -> Vec<String> {
    ensure_php_reference();
    let dir = root().join("target/differential");
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join(format!("{script}.in"));
    let mut file = std::fs::File::create(&input).unwrap();
    for line in lines {
        writeln!(file, "{line}").unwrap();
    }
    drop(file);
    let out = Command::new("php")
        .arg(root().join("tests/reference").join(script))
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "php {script} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let result: Vec<String> = text.lines().map(String::from).collect();
    assert_eq!(
        result.len(),
        lines.len(),
        "php {script} answered {} of {} inputs",
        result.len(),
        lines.len()
    );
    result
}

/// What the validation module's JavaScript (`src/wasm/read.rs`: `result`) makes of the text
/// `validation_compact` writes, as JSON: the same reading, piece by piece, so that the suites
/// that hold the exact path to the server hold the text the module hands over to it too.
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

fn compact_issues(pieces: &[&str], at: &mut usize) -> serde_json::Value {
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
