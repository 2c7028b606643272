//! The exact path's cost with no JavaScript at all: each body of a JSON-lines file (as
//! `bench/native.js` writes the per-call bench's bodies) parsed and validated as the validation
//! module's exact path does it (`api::json` then `validate::validation_compact`, English), natively.
//! Prints the median time per body, and of parsing alone, over 200 passes; and of what the module
//! does first with a body's text (the sparse read, `scan::sparse_body`, and the result from it;
//! the exact path for a text it does not read, as above; a clean body's value is JavaScript's),
//! with nothing vouched for by a walker.
//! A measurement, not a test.
//!   cargo run --release --example exact_path -- FILE...

use std::time::Instant;

use billing_account_form::scan::sparse_body;
use billing_account_form::validate::{sparse_compact, validation_compact};
use billing_account_form::{api::json, Locale, RequestKind, Value};

const PASSES: usize = 200;

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2)
        });
        let bodies: Vec<&[u8]> = text.lines().map(str::as_bytes).collect();
        let per_body = |start: Instant| start.elapsed().as_nanos() as f64 / bodies.len() as f64;
        let (mut whole, mut parse, mut sparse, mut sink) =
            (Vec::new(), Vec::new(), Vec::new(), 0usize);
        for _ in 0..PASSES {
            let start = Instant::now();
            for body in &bodies {
                sink += usize::from(json::parse(body).is_some());
            }
            parse.push(per_body(start));
            let start = Instant::now();
            for body in &bodies {
                let value = json::parse(body).unwrap_or(Value::Null);
                sink += validation_compact(RequestKind::Create, value, Locale::En).len();
            }
            whole.push(per_body(start));
            let start = Instant::now();
            for body in &bodies {
                let text = std::str::from_utf8(body).unwrap_or_default();
                let read = sparse_body(text, RequestKind::Create);
                // A clean body's value is built in JavaScript: nothing more here.
                sink += read.map_or_else(
                    || {
                        let value = json::parse(body).unwrap_or(Value::Null);
                        validation_compact(RequestKind::Create, value, Locale::En).len()
                    },
                    |s| {
                        if s.is_clean(RequestKind::Create) {
                            0
                        } else {
                            sparse_compact(RequestKind::Create, s, Locale::En).1.len()
                        }
                    },
                );
            }
            sparse.push(per_body(start));
        }
        let name = std::path::Path::new(&path)
            .file_stem()
            .map_or(path.clone(), |s| s.to_string_lossy().into_owned());
        println!(
            "{name}: {} bodies, parse and validate {:.0} ns per body (parse alone {:.0} ns); \
             sparse read first {:.0} ns [{sink}]",
            bodies.len(),
            median(whole),
            median(parse),
            median(sparse)
        );
    }
}
