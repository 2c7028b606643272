//! Differential fuzzing of the email check: the strings the `email` fuzz target found (each one
//! reached new code in the Rust port) judged by both the port and egulias/email-validator in PHP.
//!
//! By default it reads the committed seeds (`fuzz/corpus/email`) and the regressions below; with
//! `EMAIL_FUZZ_CORPUS=DIR[:DIR…]` it reads those folders too (`fuzz/corpus-grown/email` after a
//! campaign). Every disagreement fails.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly

mod common;

use std::path::PathBuf;

use billing_account_form::email;

/// Disagreements the 100,000-string differential runs found (all in the UTS #46 gap since closed:
/// a compatibility character such as U+FDFA, which ICU maps to 18 code points, or a combining
/// mark, in a long non-ASCII label), judged on every run.
const REGRESSIONS: &[&str] = &[
    "x@com.νικάрусскиﷺйδοκιμή例",
    "x@a9aaaaaaaaaaaaaaaληﷺικάруссийδοκ",
    "x@äaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\u{301}aaaaaaaaaaaaaaaaaaaaaaaaa.com",
    "x@\u{308}ή例子测试日本語中文汉字한국어ελληνικάрусскийδοκι.com",
    "x@co.русскийδοκιμή例子测试日本語ǅ中文",
];

fn inputs() -> Vec<String> {
    let mut dirs = vec![common::root().join("fuzz/corpus/email")];
    if let Ok(extra) = std::env::var("EMAIL_FUZZ_CORPUS") {
        dirs.extend(
            extra
                .split(':')
                .filter(|d| !d.is_empty())
                .map(PathBuf::from),
        );
    }
    let mut out: Vec<String> = REGRESSIONS.iter().map(|s| s.to_string()).collect();
    for dir in dirs {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        // The fuzz target reads only UTF-8; other inputs never reach the check.
        out.extend(
            files
                .iter()
                .filter_map(|f| String::from_utf8(std::fs::read(f).unwrap()).ok()),
        );
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn fuzzer_found_addresses_agree_with_egulias() {
    let inputs = inputs();
    let lines: Vec<String> = inputs
        .iter()
        .map(|s| serde_json::to_string(s).unwrap())
        .collect();
    let php = common::run_php("email.php", &lines);
    let mismatches: Vec<(&String, &String)> = inputs
        .iter()
        .zip(&php)
        .filter(|(s, verdict)| email::is_valid(s) != (verdict.as_str() == "1"))
        .collect();
    println!(
        "email fuzz differential: {} strings (found by the fuzzer, and past disagreements), {} agree",
        inputs.len(),
        inputs.len() - mismatches.len(),
    );
    assert!(
        mismatches.is_empty(),
        "disagreements with egulias (add each to REGRESSIONS once fixed):\n{}",
        mismatches
            .iter()
            .take(20)
            .map(|(s, php)| format!("  {s:?}: php {php}, rust {}", email::is_valid(s)))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
