//! Differential test: `email::check` against egulias/email-validator itself, run by PHP.
//!
//! Generates hand-picked addresses, seeded mutations of them, random assemblies and long
//! non-ASCII domain labels (which egulias hands to `idn_to_ascii()`), asks
//! `php tests/reference/email.php` for the verdicts and compares. Any disagreement, in
//! verdict or in reason, fails the test. Knobs (environment): `EMAIL_DIFF_N` (how many
//! strings, default 6000), `EMAIL_DIFF_SEED` (PRNG seed).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use billing_account_form::email;
use std::path::{Path, PathBuf};
use std::process::Command;

const DEFAULT_COUNT: usize = 6000;
const DEFAULT_SEED: u64 = 0x0e9a_11d1_ff00_2025;

/// splitmix64: small, seedable, good enough to spread mutations around.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Characters and fragments the lexer and parsers treat specially.
const POOL: &[&str] = &[
    "@",
    "@",
    ".",
    ".",
    "\"",
    "(",
    ")",
    "[",
    "]",
    "\\",
    " ",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "\0",
    ":",
    "::",
    ";",
    ",",
    "<",
    ">",
    "IPv6",
    "ipv6",
    "IPV6",
    "IPv4",
    "-",
    "_",
    "+",
    "a",
    "Z",
    "x",
    "0",
    "9",
    "127",
    "4",
    "6",
    "!",
    "#",
    "$",
    "%",
    "&",
    "'",
    "*",
    "/",
    "=",
    "?",
    "^",
    "`",
    "{",
    "|",
    "}",
    "~",
    "\u{7f}",
    "\u{1}",
    "\u{b}",
    "\u{c}",
    "xn--",
    "é",
    "É",
    "ß",
    "ς",
    "Ä",
    "ä",
    "\u{17f}",
    "\u{212a}",
    "\u{301}",
    "\u{308}",
    "\u{a0}",
    "\u{a1}",
    "\u{bf}",
    "\u{ff}",
    "\u{d7}",
    "\u{ad}",
    "\u{b7}",
    "\u{85}",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{202e}",
    "\u{2028}",
    "\u{3164}",
    "\u{5d0}",
    "\u{627}",
    "\u{661}",
    "\u{3002}",
    "\u{ff0e}",
    "\u{ff61}",
    "\u{ff21}",
    "€",
    "©",
    "\u{e000}",
    "\u{fffd}",
    "\u{fe0f}",
    "\u{10ffff}",
    "\u{e0001}",
    "日",
    "本",
    "😀",
    "👍🏽",
    "ǅ",
    "\u{1d400}",
    "\u{fdfa}",
    "Ⅻ",
    "²",
    "\u{2000}",
    "\u{3000}",
    "a.b",
    "a@b",
    "(c)",
    "\"q\"",
    "[1.2.3.4]",
];

/// RFC 5322 / egulias edge cases.
fn seeds() -> Vec<String> {
    let mut s: Vec<String> = [
        "user@example.com",
        "a@localhost",
        "a@b",
        "first.last@sub.example.co.uk",
        "user+tag@example.com",
        "o'hare@example.com",
        "#!$%&'*+-/=?^_`{}|~@example.org",
        "\"quoted\"@example.com",
        "\"quoted string\"@example.com",
        "\"a\\\"b\"@example.com",
        "\"a\\\\b\"@example.com",
        "\"\"@example.com",
        "\"a\"b@example.com",
        "a\"b\"@example.com",
        "\"a\tb\"@example.com",
        "\"\t\"@x",
        "\"a\r\nb\"@x",
        "\"unclosed@example.com",
        "\"a\"\"b\"@x",
        "(comment)user@example.com",
        "user(comment)@example.com",
        "us(comment)er@example.com",
        "user@(comment)example.com",
        "user@example(comment).com",
        "user@example.com(comment)",
        "(a(b)c)user@example.com",
        "(unclosed@example.com",
        "user)@example.com",
        "user@example.(c)com",
        "user@[127.0.0.1]",
        "user@[IPv6:2001:db8::1]",
        "user@[IPv6:::1]",
        "user@[IPv6:1:2:3:4:5:6:7:8]",
        "user@[IPv6:1:2:3:4:5:6:1.2.3.4]",
        "user@[1.2.3.4]xyz",
        "user@b[1.2.3.4]",
        "user@[1.2.3.4",
        "user@[1.2.3.]",
        "user@[a-]",
        "user@[\\]]",
        "user@[a\r]",
        "user@[[1]]",
        "user@[\0]",
        "a@[]",
        "@example.com",
        "@",
        "",
        "a@",
        "a@@b",
        "a@b@c",
        ".a@b",
        "a.@b",
        "a..b@c",
        "a@.b",
        "a@b.",
        "a@b..c",
        "a@-b",
        "a@b-",
        "a@b-.c",
        "a@b.-c",
        "a@b_c.d",
        "a b@c",
        "a@b c",
        " a@b",
        "a@b ",
        "a@ b",
        "a\r\n b@c",
        "a\r\nb@c",
        "a@b\r\n c",
        "a@b\r\n",
        "\r\n a@b",
        "a\r@b",
        "a\n@b",
        "a@b\n",
        "a\\b@c",
        "a\\ b@c",
        "a\\@b",
        "a@b\\c",
        "a@b/c",
        "a,b@c",
        "a;b@c",
        "a:b@c",
        "a<b>@c",
        "a[b]@c",
        "a@b,c",
        "a@b:c",
        "a@b;c",
        "a@IPv6",
        "IPv6@IPv6.IPv6",
        "a@1.2.3.4",
        "a@123",
        "δοκιμή@παράδειγμα.δοκιμή",
        "我買@屋企.香港",
        "用户@例子.广告",
        "josé@bücher.de",
        "a@bücher.de",
        "a@xn--bcher-kva.de",
        "ß@ß.de",
        "a@\u{a0}",
        "a\u{a0}b@c",
        "\u{bf}@x",
        "a@\u{bf}",
        "\u{a1}hola@x",
        "a\u{ad}b@c",
        "a\u{200b}b@c",
        "a@b\u{200d}c",
        "a\u{301}@b",
        "a@\u{301}b",
        "😀@example.com",
        "a@😀.com",
        "a@\u{5d0}\u{5d1}.com",
        "a@b\u{3002}c",
        "a\u{0}b@c",
        "a@b\u{0}",
        "\u{17f}@\u{212a}",
        "a@b(c)",
        "a@b(c).d",
        "a@(c)",
        "a@(b.c)d.e",
        "a(b@c)@d",
        "\"a@b\"@c",
        "\"a(b)\"@c",
        "a@b.c.d.e.f.g.h",
        "a@\u{17f}IPv6",
        "a@\u{212a}IPv6",
        "a@\u{e9}IPv6",
        "a@xIPv6",
        "\"a\\\tb\"@x",
        "\"a\\\0b\"@x",
        "\"a\\\rb\"@x",
        "\"a\\\nb\"@x",
        "\"\\\t\"@x",
        "\"a\\\\\"@x",
        "(a\\)b)@x",
        "a@(b\\)c).d",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();

    let a = |n: usize| "a".repeat(n);
    // Label lengths: the first label may have 63 bytes, later ones 62 (the '.' counts).
    for n in [61, 62, 63, 64, 65] {
        s.push(format!("x@{}.com", a(n)));
        s.push(format!("x@com.{}", a(n)));
        s.push(format!("x@com.{}.org", a(n)));
        s.push(format!("x@{}", a(n)));
    }
    // Non-ASCII labels go through idn_to_ascii: "ä" + 57 'a' is 65 in Punycode.
    for n in [53, 54, 55, 56, 57, 58, 59, 60] {
        s.push(format!("x@ä{}.com", a(n)));
        s.push(format!("x@com.ä{}", a(n)));
        s.push(format!("x@日本{}.jp", a(n)));
        s.push(format!("x@{}😀", a(n)));
    }
    // Labels of many distinct code points, around 63 in Punycode.
    let words: Vec<char> = "例子测试日本語中文汉字한국어ελληνικάрусскийδοκιμή"
        .chars()
        .collect();
    for k in 10..40 {
        let word: String = words.iter().cycle().skip(k).take(k).collect();
        s.push(format!("x@{word}.com"));
        s.push(format!("x@com.{word}"));
        s.push(format!("x@{}{word}", a(k)));
    }
    for n in [120, 125, 126, 127, 200, 250] {
        s.push(format!("x@ä{}", a(n)));
        s.push(format!("x@a{}ää{}", a(n / 2), a(n / 2)));
    }
    // Domain length: 253 bytes is the limit.
    for total in [251, 252, 253, 254, 255] {
        let mut d = String::new();
        while d.len() + 62 < total {
            d.push_str(&a(60));
            d.push('.');
        }
        d.push_str(&a(total - d.len()));
        s.push(format!("x@{d}"));
    }
    // Local part length only warns.
    for n in [64, 65, 300] {
        s.push(format!("{}@example.com", a(n)));
    }
    // Big inputs: the Rust side must stay fast; PHP copes too.
    s.push(format!("{}@example.com", "a.".repeat(5000) + "a"));
    s.push(format!("x@{}", "(".repeat(3000)));
    s.push(format!("{}x@y", "\"".repeat(3001)));
    s
}

fn mutate(rng: &mut Rng, base: &str) -> String {
    let mut chars: Vec<char> = base.chars().collect();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(chars.len() + 1);
        match rng.below(6) {
            0 | 1 => {
                let frag: Vec<char> = rng.pick(POOL).chars().collect();
                chars.splice(at..at, frag);
            }
            2 if at < chars.len() => {
                chars.remove(at);
            }
            3 if at < chars.len() => {
                let frag: Vec<char> = rng.pick(POOL).chars().collect();
                chars.splice(at..at + 1, frag);
            }
            4 if !chars.is_empty() => {
                // Duplicate a short stretch, e.g. to double dots, quotes or brackets.
                let from = rng.below(chars.len());
                let to = (from + 1 + rng.below(4)).min(chars.len());
                let piece: Vec<char> = chars[from..to].to_vec();
                chars.splice(at..at, piece);
            }
            _ => {
                let c = char::from(b"aZ09.@-"[rng.below(7)]);
                chars.insert(at, c);
            }
        }
    }
    chars.into_iter().collect()
}

/// Random concatenation of pool fragments around an '@'.
fn assemble(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(6) {
        s.push_str(rng.pick(POOL));
    }
    s.push_str(rng.pick(&["a", "x.y", "\"q\"", "(c)a", ""]));
    s.push('@');
    s.push_str(rng.pick(&["example.com", "b", "[1.2.3.4]", "(c)d.e", "ä.de", ""]));
    for _ in 0..rng.below(4) {
        s.push_str(rng.pick(POOL));
    }
    s
}

/// What UTS #46 maps, folds, composes or rejects, for `idn_label`.
const IDN_PIECES: &[&[&str]] = &[
    // Upper-case letters that fold to other non-ASCII letters, title case, ẞ, final sigma.
    &[
        "À", "É", "Î", "Õ", "Ü", "Ç", "Ñ", "Æ", "Ø", "Å", "Ā", "Ę", "İ", "Ł", "Ŋ", "Œ", "Ÿ", "Ž",
        "Ά", "Δ", "Θ", "Σ", "Ω", "Ϊ", "Ж", "Я", "Ё", "Ї", "Ա", "Ⴀ", "Ᏸ", "Ⓐ", "Ａ", "ǅ", "ǈ", "ẞ",
        "ß", "ς", "ſ", "µ", "İ", "Ǆ",
    ],
    // Compatibility characters: fullwidth and halfwidth forms, ligatures, math letters,
    // super- and subscripts, number forms, CJK and Arabic compatibility, jamo.
    &[
        "ａ", "Ｚ", "０", "－", "ｶ", "ﾊ", "ﾞ", "ﾟ", "ﬀ", "ﬃ", "ﬅ", "ﬓ", "𝐀", "𝐳", "𝔄", "𝕫", "𝟘", "𝛂",
        "¹", "²", "ⁿ", "₉", "ª", "º", "ʰ", "ᵃ", "Ⅻ", "ⅷ", "①", "⑴", "⒜", "豈", "更", "車", "丽",
        "𪘀", "ﷺ", "ﷻ", "ﻻ", "ﺍ", "ﺏ", "ﲀ", "ㄱ", "ㅏ", "ㆍ", "ﾡ", "ᄀ", "ᅡ", "ᆨ", "㎏", "\u{FDFA}",
        "\u{2160}", "\u{1E9B}", "\u{FB2C}",
    ],
    // Combining sequences that compose, reorder, or stay apart.
    &[
        "a\u{301}",
        "e\u{323}\u{302}",
        "e\u{302}\u{323}",
        "o\u{31B}\u{301}",
        "A\u{30A}",
        "u\u{308}\u{304}",
        "ω\u{345}\u{342}",
        "\u{3B1}\u{313}\u{301}\u{345}",
        "ｶ\u{3099}",
        "\u{1100}\u{1161}\u{11A8}",
        "가\u{11A8}",
        "\u{928}\u{93C}",
        "\u{9C7}\u{9BE}",
        "\u{DD9}\u{DCF}\u{DCA}",
        "n\u{303}\u{323}",
        "é\u{323}",
        "\u{5D1}\u{5BC}",
        "\u{627}\u{653}",
        "=\u{338}",
        "a\u{20DD}",
        "\u{1E9B}\u{323}",
    ],
    // Marks, to lead a label or follow anything.
    &[
        "\u{300}",
        "\u{301}",
        "\u{308}",
        "\u{323}",
        "\u{345}",
        "\u{5B4}",
        "\u{64B}",
        "\u{903}",
        "\u{93C}",
        "\u{9BE}",
        "\u{20DD}",
        "\u{302A}",
        "\u{3099}",
        "\u{1D167}",
        "\u{E0100}",
        "\u{FE0F}",
    ],
    // Plain non-ASCII letters, mapped dots, ignored and disallowed code points.
    &[
        "é",
        "ä",
        "ø",
        "日",
        "本",
        "字",
        "한",
        "ß",
        "ю",
        "λ",
        "ש",
        "ب",
        "क",
        "ก",
        "😀",
        "\u{3002}",
        "\u{FF0E}",
        "\u{FF61}",
        "\u{AD}",
        "\u{34F}",
        "\u{E0001}",
        "\u{2028}",
        "\u{FFFD}",
    ],
];

/// A domain with one long label of ASCII and `IDN_PIECES`, 50 to 70 code points before any
/// mapping, around the 63 characters its Punycode form may have.
fn idn_label(rng: &mut Rng) -> String {
    let len = 50 + rng.below(21);
    let most = if rng.below(3) == 0 { 30 } else { 6 };
    let pieces = 1 + rng.below(most);
    let mut label: Vec<String> = (0..len.saturating_sub(pieces))
        .map(|_| char::from(b"abcxyz0189-"[rng.below(11)]).to_string())
        .collect();
    for _ in 0..pieces {
        let kind = rng.pick(IDN_PIECES);
        let at = rng.below(label.len() + 1);
        label.insert(at, rng.pick(kind).to_string());
    }
    if rng.below(6) == 0 {
        label.insert(0, rng.pick(IDN_PIECES[3]).to_string());
    }
    if rng.below(10) == 0 {
        label.insert(0, rng.pick(&["xn--", "XN--", "ｘｎ－－"]).to_string());
    }
    let label = label.concat();
    match rng.below(4) {
        0 => format!("x@{label}"),
        1 => format!("x@{label}.com"),
        2 => format!("x@mail.{label}"),
        _ => format!("x@a.{label}.b"),
    }
}

fn corpus(count: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng(seed);
    let base = seeds();
    let mut out = base.clone();
    while out.len() < count {
        let s = match rng.below(10) {
            0 | 1 => assemble(&mut rng),
            2 => idn_label(&mut rng),
            _ => {
                let from = rng.below(base.len());
                mutate(&mut rng, &base[from])
            }
        };
        out.push(s);
    }
    out
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn reference_available() -> bool {
    let probe = "require '/usr/share/php/Egulias/EmailValidator/autoload.php';
        exit(class_exists('Egulias\\\\EmailValidator\\\\Validation\\\\RFCValidation')
            && class_exists('Doctrine\\\\Common\\\\Lexer\\\\AbstractLexer')
            && function_exists('idn_to_ascii') && function_exists('mb_detect_encoding') ? 0 : 1);";
    Command::new("php")
        .args(["-r", probe])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn ensure_reference() {
    if reference_available() {
        return;
    }
    let script = manifest().join("scripts/install-php-reference");
    let status = Command::new("bash").arg(&script).status();
    assert!(
        reference_available(),
        "PHP reference (php-cli, php-email-validator, php-intl, php-mbstring) is missing and \
         {} could not install it (status {status:?}); the differential test cannot run",
        script.display()
    );
}

fn php_verdicts(file: &Path) -> Vec<String> {
    let out = Command::new("php")
        .arg(manifest().join("tests/reference/email.php"))
        .arg(file)
        .arg("--reasons")
        .output()
        .expect("run php");
    assert!(
        out.status.success(),
        "php failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("php output is UTF-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn rust_verdict(s: &str) -> String {
    match email::check(s) {
        Ok(_) => "1".to_owned(),
        Err(reason) => format!("0 {}", reason.php_name()),
    }
}

fn shorten(s: &str) -> String {
    let escaped = format!("{s:?}");
    if escaped.chars().count() > 160 {
        let head: String = escaped.chars().take(150).collect();
        format!("{head}… ({} bytes)", s.len())
    } else {
        escaped
    }
}

#[test]
fn email_agrees_with_egulias() {
    let count = std::env::var("EMAIL_DIFF_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_COUNT);
    let seed = std::env::var("EMAIL_DIFF_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_SEED);
    ensure_reference();

    let inputs = corpus(count, seed);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join(format!("email-differential-{}.jsonl", std::process::id()));
    let mut body = String::new();
    for s in &inputs {
        body.push_str(&serde_json::to_string(s).unwrap());
        body.push('\n');
    }
    std::fs::write(&file, body).unwrap();
    let php = php_verdicts(&file);
    let _ = std::fs::remove_file(&file);
    assert_eq!(php.len(), inputs.len(), "PHP printed one line per input");

    let mut mismatches = Vec::new();
    let mut valid = 0;
    // Long domain labels with non-ASCII characters: all, too long, idn_to_ascii() failing.
    let mut idn = [0usize; 3];
    for (s, expected) in inputs.iter().zip(&php) {
        let got = rust_verdict(s);
        valid += usize::from(expected == "1");
        let domain = s.rsplit('@').next().unwrap_or_default();
        if domain
            .split('.')
            .any(|l| l.chars().count() >= 50 && !l.is_ascii())
        {
            idn[0] += 1;
            idn[1] += usize::from(expected.ends_with("LabelTooLong"));
            idn[2] += usize::from(expected.ends_with("ExceptionFound"));
        }
        if &got != expected {
            mismatches.push((s, expected, got));
        }
    }
    let (verdicts, reasons): (Vec<_>, Vec<_>) = mismatches
        .into_iter()
        .partition(|(_, php, rust)| php.starts_with('1') != rust.starts_with('1'));

    let n = inputs.len();
    println!(
        "email differential: {}/{n} agree ({valid} valid per PHP; seed {seed:#x}); \
         reasons: {}/{n} agree; long non-ASCII labels: {} ({} LabelTooLong, {} idn_to_ascii \
         failures)",
        n - verdicts.len(),
        n - verdicts.len() - reasons.len(),
        idn[0],
        idn[1],
        idn[2],
    );
    let report = |list: &[(&String, &String, String)]| {
        list.iter()
            .take(25)
            .map(|(s, php, rust)| format!("  {}: php {php}, rust {rust}", shorten(s)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        verdicts.is_empty(),
        "{} verdict disagreements, first ones:\n{}",
        verdicts.len(),
        report(&verdicts)
    );
    assert!(
        reasons.is_empty(),
        "{} reason disagreements (verdicts agree), first ones:\n{}",
        reasons.len(),
        report(&reasons)
    );
}

/// The committed tables are what the generator makes of this PHP build (comments, which
/// name the PHP/PCRE2/ICU versions, aside).
#[test]
fn email_tables_match_php() {
    ensure_reference();
    let out = Command::new("php")
        .arg(manifest().join("tests/reference/gen_email_tables.php"))
        .output()
        .expect("run php");
    assert!(
        out.status.success(),
        "generator failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let data = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .map(str::to_owned)
            .collect()
    };
    let committed = std::fs::read_to_string(manifest().join("src/email/tables.rs")).unwrap();
    let generated = String::from_utf8(out.stdout).unwrap();
    assert!(
        data(&committed) == data(&generated),
        "src/email/tables.rs is stale: php tests/reference/gen_email_tables.php > src/email/tables.rs"
    );
}
