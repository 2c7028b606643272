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

mod pieces;
#[allow(unused_imports)] // not every suite reads results as pieces
pub use pieces::compact_result;

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
