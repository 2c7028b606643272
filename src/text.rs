//! The server's text handling: its trim set, empty-to-null, and code-point counting.

/// Whether the server's input middleware trims `c` from the ends of a string.
///
/// PCRE `\s` in UTF mode, plus BOM, zero-width space, left-to-right mark and NUL.
pub fn is_trim_char(c: char) -> bool {
    matches!(
        c,
        '\u{0}'
            | '\u{9}'..='\u{D}'
            | ' '
            | '\u{85}'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{180E}'
            | '\u{2000}'..='\u{200B}'
            | '\u{200E}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
            | '\u{FEFF}'
    )
}

/// Every character [`is_trim_char`] is true for, in order: what the wasm shell's walker trims
/// long strings by (a test holds the two to the same set).
pub const TRIM_CHARS: &str = "\u{0}\u{9}\u{A}\u{B}\u{C}\u{D} \u{85}\u{A0}\u{1680}\u{180E}\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200A}\u{200B}\u{200E}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{FEFF}";

/// `s` without the server's trim characters at either end.
pub fn trim(s: &str) -> &str {
    // By hand rather than `trim_matches`, whose generic searcher is twice the code in the wasm.
    let mut chars = s.chars();
    let mut rest = chars.as_str();
    while chars.next().is_some_and(is_trim_char) {
        rest = chars.as_str();
    }
    let mut chars = rest.chars();
    let mut kept = chars.as_str();
    while chars.next_back().is_some_and(is_trim_char) {
        kept = chars.as_str();
    }
    kept
}

/// The server's view of a string: trimmed, and `None` when nothing is left (it becomes `null`).
pub fn normalize(s: &str) -> Option<&str> {
    let t = trim(s);
    (!t.is_empty()).then_some(t)
}

/// Length as the server counts it (PHP `mb_strlen`): Unicode code points.
pub fn char_count(s: &str) -> usize {
    // Every code point has exactly one byte that is not a continuation byte (`10xxxxxx`). A
    // plain loop: std's word-at-a-time count cost half a kilobyte of the wasm for no gain on
    // strings of a few hundred bytes.
    s.bytes().filter(|&b| b & 0xC0 != 0x80).count()
}

/// Where `needle` first occurs in `haystack`, in bytes. `str::find` with a `&str` pattern links
/// std's two-way searcher and, through its slicing checks, the `Debug` formatting of a panic
/// message (5 kB of gzipped wasm, measured) for the few short searches the API client makes.
pub(crate) fn find(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window == needle.as_bytes())
}

/// `haystack.split_once(separator)`, through [`find`].
pub(crate) fn split_once<'a>(haystack: &'a str, separator: &str) -> Option<(&'a str, &'a str)> {
    let at = find(haystack, separator)?;
    // A match of whole UTF-8 text starts and ends on character boundaries, so both `get`s succeed.
    Some((haystack.get(..at)?, haystack.get(at + separator.len()..)?))
}

/// `haystack.rsplit_once(separator)` for an ASCII separator, by bytes: str's char searcher,
/// which walks backwards decoding UTF-8, costs the client's wasm 0.7 kB.
pub(crate) fn rsplit_once_ascii(haystack: &str, separator: u8) -> Option<(&str, &str)> {
    let at = haystack.bytes().rposition(|b| b == separator)?;
    // An ASCII byte is a character of its own, so both `get`s succeed.
    Some((haystack.get(..at)?, haystack.get(at + 1..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rsplit_once_ascii_is_str_rsplit_once() {
        for s in [
            "",
            ":",
            "a:b:c",
            "[::1]:8080",
            "héllo:wörld",
            "no separator",
            "a.b",
            "x.",
        ] {
            for sep in [b':', b'.'] {
                assert_eq!(rsplit_once_ascii(s, sep), s.rsplit_once(char::from(sep)));
            }
        }
    }

    #[test]
    fn trims_every_listed_character_and_nothing_else() {
        let listed: Vec<char> = TRIM_CHARS.chars().collect();
        for c in '\u{0}'..='\u{10FFFF}' {
            assert_eq!(is_trim_char(c), listed.contains(&c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn trims_ends_only() {
        assert_eq!(trim("\u{FEFF}\u{200B} a\u{3000}b \u{A0}\t"), "a\u{3000}b");
        assert_eq!(normalize(" \u{2028} "), None);
        assert_eq!(normalize("x"), Some("x"));
        // Not in the set: U+200C (ZWNJ), U+200D (ZWJ), U+200F (RLM) stay.
        assert_eq!(trim("\u{200C}a\u{200F}"), "\u{200C}a\u{200F}");
    }

    #[test]
    fn counts_code_points() {
        assert_eq!(char_count("😀"), 1);
        assert_eq!(char_count("e\u{301}"), 2);
        assert_eq!(char_count("👩‍👩‍👧"), 5);
        assert_eq!(char_count("مرحبا"), 5);
    }

    #[test]
    fn find_and_split_once_agree_with_std() {
        let cases = [
            ("", ""),
            ("abc", ""),
            ("abc", "abcd"),
            ("http://x", "://"),
            ("a://b://c", "://"),
            ("ééé greater than 5", " greater than "),
            ("\u{1F600}x\u{1F600}", "x"),
            ("aaab", "aab"),
        ];
        for (haystack, needle) in cases {
            assert_eq!(
                find(haystack, needle),
                haystack.find(needle),
                "{haystack:?} {needle:?}"
            );
            assert_eq!(
                split_once(haystack, needle),
                haystack.split_once(needle),
                "{haystack:?} {needle:?}"
            );
        }
    }
}
