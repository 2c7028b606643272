//! How `idn_to_ascii(.., IDNA_DEFAULT, INTL_IDNA_VARIANT_UTS46, $info)` (ICU) judges a label's length.
//
// egulias only asks for non-ASCII labels whether ICU reported UIDNA_ERROR_LABEL_TOO_LONG.
// What ICU 72 does with such a string, reduced to what decides that bit:
//   * it maps the string (UTS #46 mapping + NFC; transitional, so ß becomes "ss"),
//     which turns U+3002, U+FF0E and U+FF61 into '.', and splits it at the dots;
//   * a sub-label with a disallowed code point (a "severe" error) is not length-checked;
//   * an all-ASCII sub-label is too long above 63 characters, any other becomes
//     "xn--" + Punycode and is too long above 63;
//   * a sub-label starting with "xn--" is decoded instead; decoding is not reproduced
//     here, it is taken to fail, which is what happens to anything that is not real
//     Punycode (the ICU code then checks only ASCII labels with non-LDH characters);
//   * PHP's idn_to_ascii() gives up (returns false and leaves `$info` without "errors")
//     once the whole result reaches 255 bytes, see `Outcome::Failed`.
// The mapping is reproduced where it is cheap, from tables generated from PHP itself:
// disallowed, ignored, and mapped-to-ASCII code points. Not reproduced: mappings to
// other non-ASCII code points (case folding such as "É" to "é", compatibility forms),
// NFC composition ("a" + U+0308 to "ä"), and the leading-combining-mark error. They
// only matter for labels close to 63 characters, and the data would cost tens of
// kilobytes.

use super::tables;

/// PHP's `idn_to_ascii()` output buffer; results this long make it return early.
const PHP_IDN_BUFFER: usize = 255;
/// DNS label limit ICU applies to each label.
const LABEL_MAX: usize = 63;

/// ICU's verdict on a label, as far as egulias can observe it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    Fits,
    TooLong,
    /// `idn_to_ascii()` returned without an `errors` entry: egulias then reads an undefined
    /// array key, a PHP warning that Laravel turns into an exception.
    Failed,
}

/// `idn_to_ascii()`'s view of an egulias label that contains non-ASCII characters.
pub(super) fn judge(label: &str) -> Outcome {
    let mut total = 0usize;
    let mut too_long = false;
    let mut first = true;
    let mut mapped = Vec::new();
    for sub in label.split(|c: char| c == '.' || tables::IDNA_DOTS.contains(&c)) {
        if !first {
            total += 1;
        }
        first = false;
        let Some((len, long)) = sub_label(sub, PHP_IDN_BUFFER.saturating_sub(total), &mut mapped)
        else {
            return Outcome::Failed;
        };
        total += len;
        too_long |= long;
        if total >= PHP_IDN_BUFFER {
            return Outcome::Failed;
        }
    }
    if too_long {
        Outcome::TooLong
    } else {
        Outcome::Fits
    }
}

fn in_boundaries(table: &[u32], c: char) -> bool {
    let cp = u32::from(c);
    table.partition_point(|&b| b <= cp) % 2 == 1
}

fn ascii_mapping_len(c: char) -> Option<u8> {
    let cp = u32::from(c);
    let i = tables::IDNA_TO_ASCII.partition_point(|&(first, _, _)| first <= cp);
    let &(first, count, n) = tables::IDNA_TO_ASCII.get(i.checked_sub(1)?)?;
    (cp - first < u32::from(count)).then_some(n)
}

/// Output bytes and the too-long bit for one sub-label, or `None` once the output
/// reaches `budget` (every code point yields at least one byte, which bounds the work).
fn sub_label(sub: &str, budget: usize, mapped: &mut Vec<char>) -> Option<(usize, bool)> {
    mapped.clear();
    let mut severe = false;
    for c in sub.chars() {
        if c.is_ascii() {
            mapped.push(c.to_ascii_lowercase());
        } else if in_boundaries(&tables::IDNA_DISALLOWED, c) {
            severe = true;
            mapped.push('\u{FFFD}');
        } else if in_boundaries(&tables::IDNA_IGNORED, c) {
            continue;
        } else if let Some(n) = ascii_mapping_len(c) {
            // Only the number of ASCII characters matters for the length.
            mapped.extend(std::iter::repeat('a').take(usize::from(n)));
        } else {
            mapped.push(c);
        }
        if mapped.len() >= budget {
            return None;
        }
    }
    let ascii = mapped.iter().all(char::is_ascii);
    let unicode_len = mapped.iter().map(|c| c.len_utf8()).sum::<usize>();
    if mapped.starts_with(&['x', 'n', '-', '-']) {
        // Undecodable ACE label: left as it is, with U+FFFD appended if it looks valid.
        let ldh = mapped
            .iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-');
        return Some(if ldh {
            (unicode_len + '\u{FFFD}'.len_utf8(), false)
        } else {
            (unicode_len, ascii && mapped.len() > LABEL_MAX)
        });
    }
    if severe {
        return Some((unicode_len, false));
    }
    if ascii {
        return Some((mapped.len(), mapped.len() > LABEL_MAX));
    }
    let len = 4 + punycode_len(mapped, budget.saturating_sub(4))?;
    Some((len, len > LABEL_MAX))
}

const BASE: u64 = 36;
const TMIN: u64 = 1;
const TMAX: u64 = 26;
const SKEW: u64 = 38;
const DAMP: u64 = 700;
const INITIAL_BIAS: u64 = 72;
const INITIAL_N: u64 = 0x80;

/// Length of the RFC 3492 encoding of `s`, or `None` once it reaches `budget` (which
/// also bounds the quadratic encoder's work) or on ICU's overflow guard.
fn punycode_len(s: &[char], budget: usize) -> Option<usize> {
    let basic = s.iter().filter(|c| c.is_ascii()).count();
    let total = s.len();
    let mut out = basic + usize::from(basic > 0);
    let mut n = INITIAL_N;
    let mut delta: u64 = 0;
    let mut bias = INITIAL_BIAS;
    let mut handled = basic;
    while handled < total {
        if out >= budget {
            return None;
        }
        let m = s
            .iter()
            .map(|&c| u64::from(c))
            .filter(|&c| c >= n)
            .min()
            .unwrap_or(n);
        let h = handled as u64;
        // ICU works in int32 and reports U_INTERNAL_PROGRAM_ERROR here.
        if m - n > (0x7fff_ffff_u64.checked_sub(h + delta)?) / (h + 1).max(1) {
            return None;
        }
        delta += (m - n) * (h + 1);
        n = m;
        for c in s.iter().map(|&c| u64::from(c)) {
            if c < n {
                delta += 1;
            } else if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        TMIN
                    } else if k >= bias + TMAX {
                        TMAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out += 1;
                    // t <= TMAX < BASE, so the divisor is never zero.
                    q = (q - t) / (BASE - t).max(1);
                    k += BASE;
                }
                out += 1;
                bias = adapt(delta, handled as u64 + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    (out < budget).then_some(out)
}

fn adapt(delta: u64, length: u64, first: bool) -> u64 {
    let mut delta = if first { delta / DAMP } else { delta / 2 };
    delta += delta / length.max(1);
    let mut count = 0;
    while delta > ((BASE - TMIN) * TMAX) / 2 {
        delta /= BASE - TMIN;
        count += BASE;
    }
    count + ((BASE - TMIN + 1) * delta) / (delta + SKEW)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn puny(s: &str) -> Option<usize> {
        punycode_len(&s.chars().collect::<Vec<_>>(), 255)
    }

    /// Lengths checked against PHP's idn_to_ascii() (ICU 72.1).
    #[test]
    fn punycode_lengths_match_icu() {
        assert_eq!(puny("bücher"), Some("bcher-kva".len()));
        assert_eq!(puny("ä"), Some("4ca".len()));
        assert_eq!(puny("😀"), Some("e28h".len()));
        assert_eq!(puny("日本語"), Some("wgv71a119e".len()));
        // Several distinct code points exercise the bias adaptation.
        assert_eq!(puny("παράδειγμα"), Some("hxajbheg2az3al".len()));
        assert_eq!(
            puny("例子测试日本語中文汉字"),
            Some("fiq16aj2x3a079icqar5ej1qhic6t9jx1c".len())
        );
        assert_eq!(
            puny("ελληνικάκαιрусскийκαι日本"),
            Some("hxakankmcbebcea3a56pqap1itaa4by5396b5ega".len())
        );
        // "ä" + 57 'a' -> "xn--" + 57 'a' + "-zze": 65 characters.
        let label = format!("ä{}", "a".repeat(57));
        assert_eq!(judge(&label), Outcome::TooLong);
        let label = format!("ä{}", "a".repeat(55));
        assert_eq!(judge(&label), Outcome::Fits);
    }

    #[test]
    fn php_gives_up_at_255_bytes() {
        // Checked with PHP: "aä" + 245 'b' -> 254 bytes, errors set; one more -> no info.
        let ok = format!("aä{}", "b".repeat(245));
        assert_eq!(judge(&ok), Outcome::TooLong);
        let failed = format!("aä{}", "b".repeat(246));
        assert_eq!(judge(&failed), Outcome::Failed);
    }

    #[test]
    fn mapping_effects() {
        // U+3002 becomes '.', splitting the label.
        let label = format!("ä\u{3002}{}", "a".repeat(64));
        assert_eq!(judge(&label), Outcome::TooLong);
        let label = format!("ä\u{3002}{}", "a".repeat(63));
        assert_eq!(judge(&label), Outcome::Fits);
        // A non-ASCII "xn--" label fails to decode and is never reported as too long.
        let label = format!("xn--{}ä", "a".repeat(70));
        assert_eq!(judge(&label), Outcome::Fits);
        // U+00B2 maps to "2": the label is ASCII, 63 characters long.
        let label = format!("\u{b2}{}", "a".repeat(62));
        assert_eq!(judge(&label), Outcome::Fits);
        // A disallowed code point (U+2028) is a severe error: no length check.
        let label = format!("ä{}\u{2028}", "a".repeat(70));
        assert_eq!(judge(&label), Outcome::Fits);
        // Variation selectors are dropped.
        let label = format!("\u{fe0f}{}", "a".repeat(63));
        assert_eq!(judge(&label), Outcome::Fits);
    }
}
