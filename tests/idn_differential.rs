//! Differential test of the IDNA step of `email::check` against PHP's intl (ICU).
//!
//! egulias decides `LabelTooLong` with `idn_to_ascii()`, which src/email/idn.rs redoes.
//! `php tests/reference/idn.php` answers for each string with `idn_to_utf8()`'s result and
//! the byte length and LABEL_TOO_LONG bit of `idn_to_ascii()`'s; compared with
//! `email::uts46_normalized` and `email::idn_result`:
//!   * every code point the lexer lets through, alone and between "0" and U+0323 (which
//!     makes precomposed characters decompose, reorder and compose again);
//!   * seeded sequences of marks, jamo, precomposed and case-mapped letters;
//!   * seeded labels around 63 characters, Punycode ("xn--") ones included.
//!
//! Knobs (environment): `IDN_DIFF_N` (generated strings per kind, default 3000),
//! `IDN_DIFF_SEED`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use billing_account_form::email;
use common::Rng;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

const DEFAULT_COUNT: usize = 3000;
const DEFAULT_SEED: u64 = 0x1d4a_0046_2025;

/// What PHP says about one string.
#[derive(Debug)]
struct Reference {
    /// `idn_to_utf8()`'s result.
    unicode: Option<String>,
    /// `idn_to_ascii()`: result length and LABEL_TOO_LONG, `None` without `$info['errors']`.
    ascii: Option<(usize, bool)>,
}

fn php(args: &[&str], input: Option<(&str, &[String])>) -> String {
    common::ensure_php_reference();
    let mut cmd = Command::new("php");
    cmd.arg(common::root().join("tests/reference/idn.php"))
        .args(args);
    let file = input.map(|(name, lines)| {
        let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("idn-{name}-{}.jsonl", std::process::id()));
        let body: String = lines
            .iter()
            .map(|s| serde_json::to_string(s).unwrap() + "\n")
            .collect();
        std::fs::write(&file, body).unwrap();
        cmd.arg(&file);
        file
    });
    let out = cmd.output().expect("run php");
    if let Some(file) = file {
        let _ = std::fs::remove_file(file);
    }
    assert!(
        out.status.success(),
        "php idn.php failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn reference(name: &str, inputs: &[String]) -> Vec<Reference> {
    let out = php(&[], Some((name, inputs)));
    let answers: Vec<Reference> = out
        .lines()
        .map(|line| {
            let (unicode, ascii): (Option<String>, Option<(usize, bool)>) =
                serde_json::from_str(line).unwrap();
            Reference { unicode, ascii }
        })
        .collect();
    assert_eq!(answers.len(), inputs.len(), "one answer per input");
    answers
}

/// The non-ASCII code points egulias' lexer types GENERIC, with their combining classes.
fn generic() -> &'static [(char, u8)] {
    static GENERIC: OnceLock<Vec<(char, u8)>> = OnceLock::new();
    GENERIC.get_or_init(|| {
        php(&["--generic"], None)
            .lines()
            .map(|line| {
                let (cp, class) = line.split_once(' ').unwrap();
                let cp = u32::from_str_radix(cp, 16).unwrap();
                (char::from_u32(cp).unwrap(), class.parse().unwrap())
            })
            .collect()
    })
}

fn knobs() -> (usize, u64) {
    let var = |name| std::env::var(name).ok().and_then(|v| v.parse().ok());
    (
        var("IDN_DIFF_N").map_or(DEFAULT_COUNT, |n| n as usize),
        var("IDN_DIFF_SEED").unwrap_or(DEFAULT_SEED),
    )
}

fn shorten(s: &str) -> String {
    let escaped = s.escape_unicode().to_string();
    if s.chars().count() > 24 {
        format!(
            "{:?}… ({} chars)",
            s.chars().take(24).collect::<String>(),
            s.chars().count()
        )
    } else {
        format!("{s:?} = {escaped}")
    }
}

/// Compares the Rust side with PHP on `inputs`; `compare_unicode` says for which inputs
/// `idn_to_utf8()`'s result is the normalized string itself (one label, not "xn--", not
/// starting with a mark).
fn compare(name: &str, inputs: &[String], compare_unicode: impl Fn(&str) -> bool) {
    let answers = reference(name, inputs);
    let mut failures = Vec::new();
    let mut unicode_checked = 0;
    for (s, php) in inputs.iter().zip(&answers) {
        let rust = email::idn_result(s);
        if rust != php.ascii {
            failures.push(format!(
                "  {}: idn_to_ascii php {:?}, rust {rust:?}",
                shorten(s),
                php.ascii
            ));
        }
        if let Some(unicode) = &php.unicode {
            if compare_unicode(s) && !unicode.contains('.') {
                unicode_checked += 1;
                let rust = email::uts46_normalized(s);
                if rust.as_deref() != Some(unicode) {
                    failures.push(format!(
                        "  {}: normalized php {}, rust {:?}",
                        shorten(s),
                        shorten(unicode),
                        rust.as_deref().map(shorten)
                    ));
                }
            }
        }
    }
    println!(
        "idn differential ({name}): {}/{} agree ({unicode_checked} normalizations compared)",
        inputs.len() - failures.len().min(inputs.len()),
        inputs.len()
    );
    assert!(
        failures.is_empty(),
        "{} disagreements with ICU, first ones:\n{}",
        failures.len(),
        failures
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_generic_code_point_as_icu() {
    let cps = generic();
    assert!(
        cps.len() > 100_000,
        "the lexer lets {} code points through?",
        cps.len()
    );
    let mut inputs = Vec::with_capacity(2 * cps.len());
    for &(c, _) in cps {
        // Alone: its mapping's Punycode, or the leading-mark error.
        inputs.push(c.to_string());
        inputs.push(format!("0{c}\u{323}"));
    }
    compare("code-points", &inputs, |s| s.starts_with('0'));
}

/// Pieces that interact in normalization (only the code points the lexer lets through).
fn pools(cps: &[(char, u8)]) -> Vec<Vec<char>> {
    let generic: std::collections::HashSet<char> = cps.iter().map(|(c, _)| *c).collect();
    let marks: Vec<char> = cps
        .iter()
        .filter(|(_, k)| *k != 0)
        .map(|(c, _)| *c)
        .collect();
    let all: Vec<char> = cps.iter().map(|(c, _)| *c).collect();
    let range = |lo: u32, hi: u32| -> Vec<char> { (lo..=hi).filter_map(char::from_u32).collect() };
    let pools = vec![
        marks,
        // Common marks, several of each class that compose.
        "\u{300}\u{301}\u{302}\u{303}\u{304}\u{306}\u{307}\u{308}\u{30A}\u{30B}\u{30C}\u{31B}\u{323}\u{324}\u{325}\u{327}\u{328}\u{331}\u{338}\u{342}\u{345}\u{3099}\u{309A}\u{5B4}\u{5BC}\u{64B}\u{651}\u{93C}\u{9BE}\u{9D7}\u{B3E}\u{BBE}\u{CD5}\u{D3E}\u{DCA}\u{DCF}\u{102E}\u{1B35}\u{110BA}\u{1133E}"
            .chars()
            .collect(),
        // Bases that compose, upper case too, and precomposed letters.
        "aAeEiIoOuUyYcCnNsSzZgGkKwWαΑεΕηΗιΙοΟυΥωΩаАеЕиИоОуУ=<>ǅßςÅåÄäÉéẸẹỆệǕǖΐᾷᾯ\u{92F}\u{915}\u{9C7}\u{B47}\u{BC6}\u{CC6}\u{D46}\u{DD9}\u{1025}\u{1B05}\u{11099}\u{11347}かカはハゝヽ"
            .chars()
            .collect(),
        // Hangul: conjoining and compatibility jamo, syllables with and without a final.
        [range(0x1100, 0x1112), range(0x1161, 0x1175), range(0x11A8, 0x11C2), range(0x3131, 0x318E)]
            .concat(),
        "가각나낙다힣\u{AC00}\u{AC1C}".chars().collect(),
        // Compatibility forms: fullwidth and halfwidth, letterlike, ligatures, CJK, Arabic.
        [range(0xFF21, 0xFF3A), range(0xFF41, 0xFF5A), range(0xFF65, 0xFFDC), range(0xFB00, 0xFB4F), range(0xFB50, 0xFDFF), range(0xFE70, 0xFEFC), range(0xF900, 0xFAD9), range(0x2F800, 0x2FA1D), range(0x1D400, 0x1D7FF), range(0x2100, 0x214F), range(0x2460, 0x24FF), range(0x3200, 0x33FF), range(0x1F00, 0x1FFF), range(0x10400, 0x1044F)]
            .concat(),
        all,
    ];
    pools
        .into_iter()
        .map(|pool| {
            pool.into_iter()
                .filter(|c| c.is_ascii() || generic.contains(c))
                .collect()
        })
        .collect()
}

#[test]
fn sequences_as_icu() {
    let (count, seed) = knobs();
    let cps = generic();
    let pools = pools(cps);
    let mut rng = Rng::new(seed);
    let mut inputs = Vec::with_capacity(count);
    for _ in 0..count {
        let mut s = String::from("0");
        for _ in 0..1 + rng.below(8) {
            let pool = rng.pick(&pools);
            s.push(*rng.pick(pool));
        }
        inputs.push(s);
    }
    compare("sequences", &inputs, |_| true);
}

/// RFC 3492 encoding, for building "xn--" labels (letters as ICU writes them).
fn punycode(s: &[char]) -> String {
    let digit = |d: u32| {
        char::from(if d < 26 {
            b'a' + d as u8
        } else {
            b'0' + (d - 26) as u8
        })
    };
    let adapt = |delta: u32, len: u32, first: bool| {
        let mut delta = if first { delta / 700 } else { delta / 2 };
        delta += delta / len;
        let mut k = 0;
        while delta > 455 {
            delta /= 35;
            k += 36;
        }
        k + 36 * delta / (delta + 38)
    };
    let mut out: String = s.iter().filter(|c| c.is_ascii()).collect();
    let basic = out.len() as u32;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias, mut h) = (0x80u32, 0u32, 72u32, basic);
    while (h as usize) < s.len() {
        let m = s
            .iter()
            .map(|&c| c as u32)
            .filter(|&c| c >= n)
            .min()
            .unwrap();
        delta += (m - n) * (h + 1);
        n = m;
        for &c in s {
            let c = c as u32;
            if c < n {
                delta += 1;
            }
            if c == n {
                let mut q = delta;
                let mut k = 36;
                loop {
                    let t = (k as i64 - bias as i64).clamp(1, 26) as u32;
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (36 - t)));
                    q = (q - t) / (36 - t);
                    k += 36;
                }
                out.push(digit(q));
                bias = adapt(delta, h + 1, h == basic);
                delta = 0;
                h += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    out
}

/// Labels near the limits: 40 to 75 code points of ASCII and of the pools, now and then a
/// leading mark, a mapped dot, U+FFFD's kin, or an "xn--" form (valid Punycode of such a
/// label, damaged or not, or random digits).
fn label(rng: &mut Rng, pools: &[Vec<char>]) -> String {
    let len = 40 + rng.below(36);
    let ascii_share = rng.below(100);
    let pool = rng.pick(pools);
    let mut chars: Vec<char> = (0..len)
        .map(|_| {
            if rng.below(100) < ascii_share {
                *rng.pick(&['a', 'b', 'z', '0', '9', '-', 'Q'])
            } else {
                *rng.pick(pool)
            }
        })
        .collect();
    match rng.below(12) {
        0 => chars.insert(0, *rng.pick(&pools[0])),
        1 => chars.insert(
            rng.below(chars.len()),
            *rng.pick(&['\u{3002}', '\u{FF0E}', '.']),
        ),
        2 => chars.push(*rng.pick(&['\u{2028}', '\u{FFFD}', '\u{E000}'])),
        3..=5 => {
            // Punycode of a normalized label, so that it can be valid.
            let base: Vec<char> = email::uts46_normalized(&chars.iter().collect::<String>())
                .unwrap_or_default()
                .chars()
                .filter(|&c| c != '.')
                .take(len)
                .collect();
            let mut ace: Vec<char> = format!("xn--{}", punycode(&base)).chars().collect();
            if rng.chance(30) && ace.len() > 5 {
                let at = 4 + rng.below(ace.len() - 4);
                ace[at] = *rng.pick(&['a', '9', '-', 'Ä', '_']);
            }
            if rng.chance(20) {
                ace.push(*rng.pick(&['\u{3002}', '.']));
                ace.push('ä');
            }
            chars = ace;
        }
        6 => {
            let mut ace: Vec<char> = "xn--".chars().collect();
            for _ in 0..1 + rng.below(70) {
                ace.push(*rng.pick(&['a', 'k', 'z', '0', '5', '9', '-']));
            }
            ace.push('。');
            ace.push('é');
            chars = ace;
        }
        _ => {}
    }
    chars.into_iter().collect()
}

#[test]
fn labels_as_icu() {
    let (count, seed) = knobs();
    let cps = generic();
    let pools = pools(cps);
    let mut rng = Rng::new(seed ^ 0x5eed);
    let inputs: Vec<String> = (0..count).map(|_| label(&mut rng, &pools)).collect();
    let aces = inputs.iter().filter(|s| s.starts_with("xn--")).count();
    let valid_aces = inputs
        .iter()
        .filter(|s| {
            s.starts_with("xn--") && email::idn_result(s).is_some_and(|(len, _)| len == s.len())
        })
        .count();
    println!(
        "idn differential (labels): {aces} start with xn--, {valid_aces} of them kept as they are"
    );
    compare("labels", &inputs, |_| false);
}
