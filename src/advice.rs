//! Advisories that never block: likely email typos, dotless domains, and field-name suggestions.

use crate::error::{Code, Issue};

/// Mail domains common enough that a near miss is more likely a typo than a real domain.
const COMMON_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "yahoo.co.uk",
    "yahoo.co.id",
    "ymail.com",
    "hotmail.com",
    "hotmail.co.uk",
    "outlook.com",
    "live.com",
    "msn.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.com",
    "gmx.de",
    "mail.com",
    "yandex.ru",
    "zoho.com",
    "web.de",
    "qq.com",
    "163.com",
];

/// Top-level domains that are almost always a slip of `.com`, `.net` or `.org`.
const TLD_SLIPS: &[(&str, &str)] = &[
    ("con", "com"),
    ("cmo", "com"),
    ("ocm", "com"),
    ("vom", "com"),
    ("xom", "com"),
    ("comm", "com"),
    ("coom", "com"),
    ("cim", "com"),
    ("nte", "net"),
    ("nett", "net"),
    ("ogr", "org"),
    ("orgg", "org"),
];

/// Optimal string alignment distance (Damerau–Levenshtein without repeated edits), capped.
fn distance(a: &[u8], b: &[u8], cap: usize) -> usize {
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let width = b.len() + 1;
    // Three rows on the stack for the short names compared here (the length check above bounds
    // them); the heap only for long ones. Allocating per call made this most of a call's time.
    let mut stack = [0usize; 3 * 24];
    let mut heap = Vec::new();
    let rows: &mut [usize] = match stack.get_mut(..3 * width) {
        Some(rows) => rows,
        None => {
            heap.resize(3 * width, 0);
            &mut heap
        }
    };
    let cell = |rows: &[usize], r: usize, j: usize| {
        rows.get((r % 3) * width + j)
            .copied()
            .unwrap_or(usize::MAX / 2)
    };
    for (j, slot) in rows.iter_mut().take(width).enumerate() {
        *slot = j;
    }
    const FAR: usize = usize::MAX / 2;
    let set = |rows: &mut [usize], r: usize, j: usize, value: usize| {
        if let Some(slot) = rows.get_mut((r % 3) * width + j) {
            *slot = value;
        }
    };
    for i in 1..=a.len() {
        let ai = a.get(i - 1).copied().unwrap_or_default();
        let mut row_min = usize::MAX;
        // Only the cells within `cap` of the diagonal can end within `cap`: the rest are far,
        // and the two just outside the band (which the next rows read) are marked so.
        let (lo, hi) = (i.saturating_sub(cap), (i + cap).min(width - 1));
        if lo > 0 {
            set(rows, i, lo - 1, FAR);
        }
        set(rows, i, hi + 1, FAR);
        for j in lo..=hi {
            let value = if j == 0 {
                i
            } else {
                let bj = b.get(j - 1).copied().unwrap_or_default();
                let cost = usize::from(ai != bj);
                let mut v = (cell(rows, i - 1, j) + 1)
                    .min(cell(rows, i, j - 1) + 1)
                    .min(cell(rows, i - 1, j - 1) + cost);
                if i > 1 && j > 1 && a.get(i - 2) == Some(&bj) && b.get(j - 2) == Some(&ai) {
                    v = v.min(cell(rows, i - 2, j - 2) + 1);
                }
                v
            };
            set(rows, i, j, value);
            row_min = row_min.min(value);
        }
        if row_min > cap {
            return cap + 1;
        }
    }
    cell(rows, a.len(), b.len())
}

/// Which bytes `s` uses, by their low five bits (letters fall in distinct buckets), one bit each.
#[allow(clippy::indexing_slicing)] // `i` stays below the length; const evaluation besides
const fn buckets(s: &[u8]) -> u32 {
    let mut m = 0;
    let mut i = 0;
    while i < s.len() {
        m |= 1 << (s[i] & 31);
        i += 1;
    }
    m
}

/// [`buckets`] of each of [`COMMON_DOMAINS`], worked out when the crate is compiled: this runs
/// on every valid email.
#[allow(clippy::indexing_slicing)] // const evaluation: an index out of range fails the build
const COMMON_BUCKETS: [u32; COMMON_DOMAINS.len()] = {
    let mut out = [0; COMMON_DOMAINS.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = buckets(COMMON_DOMAINS[i].as_bytes());
        i += 1;
    }
    out
};

/// `s` split at the last `byte` (an ASCII one): a byte scan, which keeps std's reverse
/// character searcher out of the wasm.
fn split_last(s: &str, byte: u8) -> Option<(&str, &str)> {
    let at = s.bytes().rposition(|b| b == byte)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// The longest domain that can be within reach of a common one (14 bytes, two edits).
const NEAR: usize = 24;

/// What a domain that looks like a slip was probably meant to be.
enum Slip {
    /// This common domain.
    Common(&'static str),
    /// The domain's first `.0` bytes (lower-cased), a dot, and this top-level domain.
    Tld(usize, &'static str),
}

/// Whether `domain` looks like a slip, and of what. Allocates nothing: this runs on every
/// valid email of every call.
fn slip(domain: &str) -> Option<Slip> {
    let bytes = domain.as_bytes();
    let mut buf = [0u8; NEAR];
    if let Some(lower) = buf.get_mut(..bytes.len()) {
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        let lower: &[u8] = lower;
        if COMMON_DOMAINS.iter().any(|d| d.as_bytes() == lower) {
            return None;
        }
        let cap = if lower.len() >= 10 { 2 } else { 1 };
        if lower.len() >= 5 {
            let used = buckets(lower);
            let near = COMMON_DOMAINS
                .iter()
                .enumerate()
                // Cheap tests before the distance, each a consequence of being within `cap`
                // edits: the lengths; the buckets used (an edit adds or removes at most two).
                .filter(|(i, d)| {
                    d.len().abs_diff(lower.len()) <= cap
                        && COMMON_BUCKETS
                            .get(*i)
                            .is_some_and(|b| (b ^ used).count_ones() as usize <= 2 * cap)
                })
                .map(|(_, d)| d)
                .map(|d| (distance(lower, d.as_bytes(), cap), *d))
                .filter(|(dist, _)| *dist <= cap)
                .min_by_key(|(dist, _)| *dist);
            if let Some((_, d)) = near {
                return Some(Slip::Common(d));
            }
        }
    }
    let (head, tld) = split_last(domain, b'.')?;
    let (_, fixed) = TLD_SLIPS
        .iter()
        .find(|(slip, _)| slip.eq_ignore_ascii_case(tld))?;
    Some(Slip::Tld(head.len(), fixed))
}

/// The domain `domain` was probably meant to be, if it looks like a slip.
fn likely_domain(domain: &str) -> Option<String> {
    match slip(domain)? {
        Slip::Common(d) => Some(String::from(d)),
        Slip::Tld(head, fixed) => {
            let mut out = String::from(domain.get(..head)?);
            out.make_ascii_lowercase();
            out.push('.');
            out.push_str(fixed);
            Some(out)
        }
    }
}

/// Whether [`email_warnings`] has anything to say about `email`, without building it.
pub fn has_email_warnings(email: &str) -> bool {
    let Some((local, domain)) = split_last(email, b'@') else {
        return false;
    };
    // Byte tests in one pass each, not a character search per question: this runs on every
    // valid email of every call.
    let has = |s: &str, byte: u8| s.bytes().any(|b| b == byte);
    has(local, b'"')
        || has(email, b'(')
        || domain.starts_with('[')
        || !has(domain, b'.')
        || slip(domain).is_some()
}

/// Advisories for an email address the server accepts.
pub fn email_warnings(path: &str, email: &str) -> Vec<Issue> {
    let mut out = Vec::new();
    let Some((local, domain)) = split_last(email, b'@') else {
        return out;
    };
    let literal = domain.starts_with('[');
    if local.contains('"') || email.contains('(') || literal {
        out.push(Issue::new(path, Code::EmailUnusual));
    }
    if !literal && !domain.contains('.') && !domain.contains('(') {
        out.push(Issue::new(path, Code::EmailDotlessDomain));
    } else if let Some(better) = likely_domain(domain) {
        let mut suggestion = String::from(local);
        suggestion.push('@');
        suggestion.push_str(&better);
        out.push(Issue::new(path, Code::EmailSuggestion).text("suggestion", suggestion));
    }
    out
}

/// Other names people use for a field, by the field's own name.
const ALIASES: &[(&str, &str)] = &[
    ("zip", "postal_code"),
    ("zipcode", "postal_code"),
    ("postcode", "postal_code"),
    ("postal", "postal_code"),
    ("address1", "line1"),
    ("addressline1", "line1"),
    ("street", "line1"),
    ("address2", "line2"),
    ("addressline2", "line2"),
    ("province", "state"),
    ("region", "state"),
    ("town", "city"),
    ("countrycode", "country"),
    ("phonenumber", "phone"),
    ("tel", "phone"),
    ("telephone", "phone"),
    ("mail", "email"),
    ("emailaddress", "email"),
    ("currencycode", "currency"),
    ("desc", "description"),
];

/// `key` reduced to what tells names apart: ASCII lower case, no separators.
fn fold(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' ' | '.'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The known key an unknown `key` most likely meant, among `known`.
pub fn likely_key(key: &str, known: &[&'static str]) -> Option<&'static str> {
    let folded = fold(key);
    let target = ALIASES
        .iter()
        .find(|(alias, _)| *alias == folded)
        .map_or(folded.as_str(), |(_, k)| k);
    let target = fold(target);
    known
        .iter()
        .copied()
        .find(|k| fold(k) == target)
        .or_else(|| {
            known
                .iter()
                .copied()
                .find(|k| distance(fold(k).as_bytes(), target.as_bytes(), 1) <= 1)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(email: &str) -> Vec<(Code, Option<String>)> {
        email_warnings("email", email)
            .into_iter()
            .map(|i| {
                let s = match i.param("suggestion") {
                    Some(crate::error::ParamValue::Text(t)) => Some(t.clone()),
                    _ => None,
                };
                (i.code, s)
            })
            .collect()
    }

    #[test]
    fn suggests_common_domains() {
        assert_eq!(
            codes("ann@gmial.com"),
            vec![(Code::EmailSuggestion, Some("ann@gmail.com".into()))]
        );
        assert_eq!(
            codes("ann@hotmial.com"),
            vec![(Code::EmailSuggestion, Some("ann@hotmail.com".into()))]
        );
        assert_eq!(
            codes("ann@yaho.com"),
            vec![(Code::EmailSuggestion, Some("ann@yahoo.com".into()))]
        );
        assert_eq!(
            codes("ann@acme.con"),
            vec![(Code::EmailSuggestion, Some("ann@acme.com".into()))]
        );
    }

    #[test]
    fn leaves_real_domains_alone() {
        for ok in [
            "ann@gmail.com",
            "ann@GMAIL.COM",
            "ann@mail.com",
            "ann@acme.com",
            "ann@me.com",
            "ann@gmx.de",
            "a@b.co",
        ] {
            assert!(codes(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn flags_dotless_and_unusual() {
        assert_eq!(
            codes("root@localhost"),
            vec![(Code::EmailDotlessDomain, None)]
        );
        assert_eq!(codes("\"a b\"@acme.com"), vec![(Code::EmailUnusual, None)]);
        assert_eq!(codes("a@[127.0.0.1]"), vec![(Code::EmailUnusual, None)]);
    }

    #[test]
    fn suggests_keys() {
        let addr = &["country", "line1", "line2", "city", "state", "postal_code"];
        assert_eq!(likely_key("postalCode", addr), Some("postal_code"));
        assert_eq!(likely_key("zip", addr), Some("postal_code"));
        assert_eq!(likely_key("Address1", addr), Some("line1"));
        assert_eq!(likely_key("contry", addr), Some("country"));
        assert_eq!(likely_key("colour", addr), None);
    }

    /// The whole table, for comparison: optimal string alignment distance.
    fn full_distance(a: &[u8], b: &[u8]) -> usize {
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in 0..=a.len() {
            for j in 0..=b.len() {
                d[i][j] = if i == 0 || j == 0 {
                    i + j
                } else {
                    let mut v = (d[i - 1][j] + 1)
                        .min(d[i][j - 1] + 1)
                        .min(d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]));
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        v = v.min(d[i - 2][j - 2] + 1);
                    }
                    v
                };
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn the_banded_distance_is_the_whole_tables_up_to_the_cap() {
        // Every string over a three-letter alphabet up to length 5, against each other.
        let mut words: Vec<Vec<u8>> = vec![vec![]];
        for len in 1..=5 {
            let mut more = Vec::new();
            for w in words.iter().filter(|w| w.len() == len - 1) {
                for c in [b'a', b'b', b'c'] {
                    let mut w = w.clone();
                    w.push(c);
                    more.push(w);
                }
            }
            words.extend(more);
        }
        for a in &words {
            for b in &words {
                for cap in 0..=3 {
                    let full = full_distance(a, b).min(cap + 1);
                    assert_eq!(distance(a, b, cap).min(cap + 1), full, "{a:?} {b:?} {cap}");
                }
            }
        }
        for (a, b) in [
            ("gmial.com", "gmail.com"),
            ("hotmial.co.uk", "hotmail.co.uk"),
            ("yahooo.com", "yahoo.co.uk"),
        ] {
            for cap in 0..=2 {
                let full = full_distance(a.as_bytes(), b.as_bytes()).min(cap + 1);
                assert_eq!(distance(a.as_bytes(), b.as_bytes(), cap).min(cap + 1), full);
            }
        }
    }

    #[test]
    fn distance_counts_transpositions_once() {
        assert_eq!(distance(b"gmial", b"gmail", 2), 1);
        assert_eq!(distance(b"abc", b"abc", 2), 0);
        assert_eq!(distance(b"", b"abc", 5), 3);
        assert_eq!(distance(b"kitten", b"sitting", 5), 3);
    }
}
