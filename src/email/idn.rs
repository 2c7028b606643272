//! How `idn_to_ascii($label, IDNA_DEFAULT, INTL_IDNA_VARIANT_UTS46, $info)` (PHP, ICU 72) judges a label.
//
// egulias asks it whether a domain label with non-ASCII characters is too long, and reads
// only `$info['errors'] & IDNA_ERROR_LABEL_TOO_LONG`. What ICU (uts46.cpp) does, all of
// which decides that bit or the length of the result:
//   1. it normalizes the whole string with its "uts46" normalizer: the UTS #46 mapping
//      (case folding, compatibility forms, disallowed code points to U+FFFD, ignored ones
//      dropped) and NFC; transitional processing then maps the deviation characters ß to
//      "ss" and ς to σ (ZWJ and ZWNJ never get past the lexer) and normalizes again, which
//      comes to the same as mapping them first, as `map_char` does;
//   2. it splits the result at '.' (U+3002 and the like have become '.' by then);
//   3. a label starting with "xn--" is decoded and checked (`ace_label`); any other label
//      holding U+FFFD, or starting with a combining mark (General_Category M, which becomes
//      U+FFFD), has a severe error and is not length-checked; the rest are too long above
//      63 characters, after Punycode ("xn--" + RFC 3492) if they are not ASCII.
// PHP's idn_to_ascii() gives up, returning without `$info['errors']`, once the UTF-8
// result reaches its 255-byte buffer: `Outcome::Failed`.
// The Unicode data in tables.rs is taken from that ICU by tests/reference/gen_email_tables.php,
// which also documents the layouts; the tables are streams of LEB128 numbers read front to
// back because that is several times smaller than lookup-friendly arrays, and the bundle
// pays for every byte. The long ones have checkpoints, so that no lookup reads far.
// Measured on a wasm32 cdylib exporting only `email::is_valid` (opt-level "z", LTO,
// wasm-opt -Oz, gzip -9): 37,424 bytes, 22,369 gzipped, where the earlier approximation
// (no case folding, compatibility mappings or NFC) made 22,352 and 12,214, and no IDNA
// check at all 19,066 and 10,346. About 8 KB of the gzipped difference is data: the CJK
// compatibility ideographs' targets (~2.1 KB), the Arabic presentation forms (~1.3 KB),
// the rest of the mapping (~2.4 KB), compositions (~1 KB), combining classes and marks
// (~1 KB).

use super::{non_ascii_type, tables, GENERIC};

/// PHP's `idn_to_ascii()` output buffer; results this long make it return early.
const PHP_IDN_BUFFER: usize = 255;
/// DNS label limit ICU applies to each label.
const LABEL_MAX: usize = 63;
/// Text this long, in code points as `Decomposed` holds them, makes a result of at least 255
/// bytes: each character of the normalized text yields at least one byte of the result and
/// stands for at most `MAX_DECOMPOSITION` of those code points. No need to go on beyond it.
const DECOMPOSED_MAX: usize = tables::MAX_DECOMPOSITION * PHP_IDN_BUFFER;
const REPLACEMENT: char = '\u{FFFD}';

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
    match result(label) {
        None => Outcome::Failed,
        Some((_, true)) => Outcome::TooLong,
        Some((_, false)) => Outcome::Fits,
    }
}

/// The UTF-8 length of ICU's result for `label` and whether a label was too long, or
/// `None` when PHP gives up on it.
pub(super) fn result(label: &str) -> Option<(usize, bool)> {
    let text = normalize(&mut label.chars(), true)?;
    let mut bytes = 0;
    let mut too_long = false;
    for (i, sub) in text.split(|&c| c == '.').enumerate() {
        let (len, long) = label_result(sub);
        bytes += usize::from(i > 0) + len;
        too_long |= long;
    }
    (bytes < PHP_IDN_BUFFER).then_some((bytes, too_long))
}

/// The string ICU length-checks, before Punycode: `s` mapped and normalized, or `None` when
/// `idn_to_ascii(s)` cannot but fail.
pub(super) fn normalized(s: &str) -> Option<String> {
    normalize(&mut s.chars(), true).map(|text| text.into_iter().collect())
}

/// `processLabel()` for one label of the normalized text: the UTF-8 length it contributes to
/// the result, and whether it is too long.
fn label_result(label: &[char]) -> (usize, bool) {
    if let Some(rest) = label.strip_prefix(&['x', 'n', '-', '-']) {
        return ace_label(label, rest);
    }
    let first_mark = label.first().filter(|&&c| is_mark(c));
    if let Some(mark) = first_mark {
        return (
            utf8_len(label) + REPLACEMENT.len_utf8() - mark.len_utf8(),
            false,
        );
    }
    if label.contains(&REPLACEMENT) {
        return (utf8_len(label), false);
    }
    if label.iter().all(char::is_ascii) {
        return (label.len(), label.len() > LABEL_MAX);
    }
    let len = 4 + punycode_len(label);
    (len, len > LABEL_MAX)
}

/// A label starting with "xn--": kept as it is when it is valid Punycode for a valid label,
/// which ICU then length-checks; otherwise `markBadACELabel()`.
fn ace_label(label: &[char], rest: &[char]) -> (usize, bool) {
    let ascii = label.iter().all(char::is_ascii);
    let len = label.len();
    // ICU 72 turns down "xn--" alone and "xn--ASCII-" (other spellings of ASCII labels), and
    // any non-ASCII character, before decoding.
    let valid = ascii
        && len != 4
        && !(len > 5 && label.last() == Some(&'-'))
        && decode(rest).is_some_and(|decoded| valid_unicode(&decoded));
    if valid {
        return (len, len > LABEL_MAX);
    }
    // U+FFFD is appended to a label of letters, digits and hyphens so that it does not look
    // valid; any other is left as it is, and length-checked if ASCII.
    let bytes = utf8_len(label);
    if rest
        .iter()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
    {
        (bytes + REPLACEMENT.len_utf8(), false)
    } else {
        (bytes, ascii && len > LABEL_MAX)
    }
}

/// What a decoded "xn--" label must be: unchanged by the normalizer (every code point kept
/// by the mapping, and NFC), without U+FFFD (not kept either) and without a leading mark.
/// Text too long to normalize here is too long to pass anyway (its label has at least 255
/// characters), so either answer gives the same outcome.
fn valid_unicode(decoded: &[char]) -> bool {
    decoded.iter().all(|&c| kept(c))
        && decoded.first().is_some_and(|&c| !is_mark(c))
        && normalize(&mut decoded.iter().copied(), false).is_some_and(|nfc| nfc == decoded)
}

fn utf8_len(label: &[char]) -> usize {
    label.iter().map(|c| c.len_utf8()).sum()
}

// --- Normalization --------------------------------------------------------------------

/// ICU's "uts46" normalization of `input`: with `map`, the transitional UTS #46 mapping and
/// then NFC; without, NFC alone. `None` once it reaches `DECOMPOSED_MAX`.
fn normalize(input: &mut dyn Iterator<Item = char>, map: bool) -> Option<Vec<char>> {
    let mut text = Decomposed(Vec::new());
    for c in input {
        if map {
            map_char(c, &mut |m| text.push(m));
        } else {
            text.push(c);
        }
        if text.0.len() >= DECOMPOSED_MAX {
            return None;
        }
    }
    Some(text.compose())
}

/// Feeds `c`'s image under the transitional UTS #46 mapping to `out`.
fn map_char(c: char, out: &mut dyn FnMut(char)) {
    match c {
        'A'..='Z' => out(c.to_ascii_lowercase()),
        '\0'..='\x7f' => out(c),
        'ß' => {
            out('s');
            out('s');
        }
        'ς' => out('σ'),
        _ if non_ascii_type(c) == GENERIC => map_generic(c, out),
        // The lexer lets no other code point into a domain label; kept or disallowed is
        // all the data says about them.
        _ => out(if other_kept(c) { c } else { REPLACEMENT }),
    }
}

/// Whether the (nontransitional) mapping leaves `c` as it is.
fn kept(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    if non_ascii_type(c) != GENERIC {
        return other_kept(c);
    }
    let mut images = 0;
    let mut same = true;
    map_generic(c, &mut |m| {
        images += 1;
        same &= m == c;
    });
    images == 1 && same
}

/// Text being normalized: code points with their `combining()` values, decomposed where
/// that matters, i.e. before a non-starter (a precomposed character followed by a starter
/// composes back to itself).
struct Decomposed(Vec<(char, u8)>);

/// Canonical combining class from a `combining()` value (255: a mark that is a starter).
fn class(value: u8) -> u8 {
    value % 255
}

impl Decomposed {
    fn push(&mut self, c: char) {
        let value = combining(c);
        if class(value) != 0 {
            if let Some(&(prev, prev_value)) = self.0.last() {
                if class(prev_value) == 0 {
                    if let Some((first, second)) = decomposition(prev) {
                        self.0.pop();
                        self.push(first);
                        self.push(second);
                    }
                }
            }
        }
        self.0.push((c, value));
    }

    /// Canonical ordering, then canonical composition (UAX #15).
    fn compose(mut self) -> Vec<char> {
        let text = &mut self.0;
        for i in 1..text.len() {
            let mut j = i;
            while let (Some(&(_, a)), Some(&(_, b))) = (text.get(j.wrapping_sub(1)), text.get(j)) {
                if class(b) == 0 || class(a) <= class(b) {
                    break;
                }
                text.swap(j - 1, j);
                j -= 1;
            }
        }
        let mut out: Vec<char> = Vec::with_capacity(text.len());
        let mut starter = None;
        let mut last = 0;
        for &(c, value) in text.iter() {
            let class = class(value);
            if let Some(slot) = starter.and_then(|s| out.get_mut(s)) {
                // Not blocked: nothing left in between, or only lower classes.
                if last == 0 || last < class {
                    if let Some(composite) = compose(*slot, c, value) {
                        *slot = composite;
                        continue;
                    }
                }
            }
            if class == 0 {
                starter = Some(out.len());
            }
            last = class;
            out.push(c);
        }
        out
    }
}

/// The primary composite of `a` + `b` (whose `combining()` value is `b_value`).
fn compose(a: char, b: char, b_value: u8) -> Option<char> {
    let (a, b) = (u32::from(a), u32::from(b));
    // Hangul syllables compose algorithmically (The Unicode Standard, 3.12).
    if (0x1100..0x1113).contains(&a) && (0x1161..0x1176).contains(&b) {
        return char::from_u32(0xAC00 + ((a - 0x1100) * 21 + b - 0x1161) * 28);
    }
    if (0xAC00..0xD7A4).contains(&a) && (a - 0xAC00) % 28 == 0 && (0x11A8..0x11C3).contains(&b) {
        return char::from_u32(a + b - 0x11A7);
    }
    // Only marks come second in `COMPOSITIONS` (the generator checks).
    if b_value == 0
        || tables::NO_COMPOSITION_FIRST
            .iter()
            .any(|&(lo, hi)| (lo..hi).contains(&a))
    {
        return None;
    }
    Compositions::at(0)
        .find(|&(_, pair)| pair == (a, b))
        .and_then(|(composite, _)| char::from_u32(composite))
}

/// The canonical decomposition of `c` into two, when the normalizer composes it back.
fn decomposition(c: char) -> Option<(char, char)> {
    let cp = u32::from(c);
    let (_, (first, second)) = Compositions::at(checkpoint(&tables::COMPOSITIONS_STARTS, cp)?)
        .take_while(|&(composite, _)| composite <= cp)
        .find(|&(composite, _)| composite == cp)?;
    Some((char::from_u32(first)?, char::from_u32(second)?))
}

/// `COMPOSITIONS` from its `k`th checkpoint on: (composite, (first, second)).
struct Compositions {
    bytes: Bytes<'static>,
    index: usize,
    /// The checkpoint's composite, which its distance (from the entry before) cannot give.
    start: Option<u32>,
    composite: u32,
    first: u32,
}

impl Compositions {
    fn at(k: usize) -> Self {
        Compositions {
            bytes: Bytes::at(&tables::COMPOSITIONS, tables::COMPOSITIONS_AT.get(k)),
            index: k * 32,
            start: tables::COMPOSITIONS_STARTS.get(k).copied(),
            composite: 0,
            first: 0,
        }
    }
}

impl Iterator for Compositions {
    type Item = (u32, (u32, u32));

    fn next(&mut self) -> Option<Self::Item> {
        if self.bytes.0.len() == 0 {
            return None;
        }
        let distance = self.bytes.num();
        self.composite = self
            .start
            .take()
            .unwrap_or(self.composite.wrapping_add(distance));
        // Every 32nd entry, where a checkpoint may start, has its first code point whole.
        if self.index % 32 == 0 {
            self.first = 0;
        }
        self.index += 1;
        self.first = self.first.wrapping_add_signed(self.bytes.signed());
        let second = 0x300u32.wrapping_add_signed(self.bytes.signed());
        Some((self.composite, (self.first, second)))
    }
}

fn is_mark(c: char) -> bool {
    combining(c) != 0
}

// --- Table lookups --------------------------------------------------------------------

/// LEB128 numbers; an exhausted stream reads as zeros.
struct Bytes<'a>(std::slice::Iter<'a, u8>);

impl<'a> Bytes<'a> {
    /// `data` from `at` on.
    fn at(data: &'a [u8], at: Option<&u16>) -> Self {
        let at = at.map_or(0, |&at| usize::from(at));
        Bytes(data.get(at..).unwrap_or_default().iter())
    }

    fn byte(&mut self) -> u32 {
        match self.0.next() {
            Some(&b) => u32::from(b),
            None => 0,
        }
    }

    fn num(&mut self) -> u32 {
        let mut x = 0u32;
        let mut shift = 0u32;
        for &b in self.0.by_ref() {
            x |= u32::from(b & 0x7F).wrapping_shl(shift);
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        x
    }

    /// A zigzag-coded signed number.
    fn signed(&mut self) -> i32 {
        let z = self.num();
        // z >> 1 < 2^31: the cast is lossless.
        let half = (z >> 1) as i32;
        if z & 1 == 1 {
            -half - 1
        } else {
            half
        }
    }
}

/// The checkpoint (first code point, offset) at or before `cp`, if any.
fn checkpoint(starts: &[u32], cp: u32) -> Option<usize> {
    starts.partition_point(|&s| s <= cp).checked_sub(1)
}

// Record kinds of `UTS46_MAP`.
const KEPT: u32 = 0;
const DISALLOWED: u32 = 1;
const SHIFT: u32 = 3;
const PAIRS: u32 = 4;
const LIST: u32 = 5;
const LIST1: u32 = 6;

/// Feeds the nontransitional UTS #46 image of `c`, a non-ASCII GENERIC code point, to `out`.
fn map_generic(c: char, out: &mut dyn FnMut(char)) {
    let cp = u32::from(c);
    let k = checkpoint(&tables::UTS46_MAP_STARTS, cp);
    let mut start = k
        .and_then(|k| tables::UTS46_MAP_STARTS.get(k))
        .map_or(0x80, |&s| s);
    let mut bytes = Bytes::at(
        &tables::UTS46_MAP,
        k.and_then(|k| tables::UTS46_MAP_AT.get(k)),
    );
    let mut emit = |x: u32| {
        if let Some(x) = char::from_u32(x) {
            out(x);
        }
    };
    while bytes.0.len() > 0 {
        let header = bytes.num();
        let end = start.saturating_add(header >> 3);
        let kind = header & 7;
        let here = cp < end;
        match kind {
            KEPT if here => emit(cp),
            DISALLOWED if here => emit(u32::from(REPLACEMENT)),
            PAIRS if here => emit(cp + (cp - start + 1) % 2),
            SHIFT => {
                let d = bytes.signed();
                if here {
                    emit(cp.wrapping_add_signed(d));
                }
            }
            LIST | LIST1 => {
                // Entries up to `cp`'s, or all of them to get past the record.
                let entries = if here { cp - start + 1 } else { end - start };
                let mut prev = start;
                for i in 1..=entries {
                    let wanted = here && i == entries;
                    if kind == LIST1 {
                        prev = prev.wrapping_add_signed(bytes.signed());
                        if wanted {
                            emit(prev);
                        }
                        continue;
                    }
                    let mut first = None;
                    for _ in 0..bytes.byte() {
                        let x = prev.wrapping_add_signed(bytes.signed());
                        first.get_or_insert(x);
                        if wanted {
                            emit(x);
                        }
                    }
                    prev = first.unwrap_or(prev);
                }
            }
            // IGNORED, and the records without data that `cp` is not in.
            _ => {}
        }
        if here {
            return;
        }
        start = end;
    }
}

/// Whether the mapping keeps `c`, a non-ASCII code point that is not GENERIC.
fn other_kept(c: char) -> bool {
    let cp = u32::from(c);
    let mut bytes = Bytes(tables::UTS46_OTHER.iter());
    let mut boundary = 0x80u32;
    let mut kept = false;
    while bytes.0.len() > 0 {
        boundary = boundary.wrapping_add(bytes.num());
        if boundary > cp {
            break;
        }
        kept = !kept;
    }
    kept
}

/// `COMBINING` value of `c`: its canonical combining class, 255 for a mark of class 0, and 0
/// for any other starter.
fn combining(c: char) -> u8 {
    let cp = u32::from(c);
    let k = checkpoint(&tables::COMBINING_STARTS, cp);
    let mut bytes = Bytes::at(
        &tables::COMBINING,
        k.and_then(|k| tables::COMBINING_AT.get(k)),
    );
    let (mut at, mut value) = match k.and_then(|k| tables::COMBINING_STARTS.get(k)) {
        Some(&start) => {
            bytes.num();
            (start, bytes.byte())
        }
        None => (0x80, 0),
    };
    while bytes.0.len() > 0 {
        at = at.wrapping_add(bytes.num());
        if at > cp {
            break;
        }
        value = bytes.byte();
    }
    u8::try_from(value).unwrap_or(0)
}

// --- Punycode -------------------------------------------------------------------------

const BASE: u64 = 36;
const TMIN: u64 = 1;
const TMAX: u64 = 26;
const SKEW: u64 = 38;
const DAMP: u64 = 700;
const INITIAL_BIAS: u64 = 72;
const INITIAL_N: u64 = 0x80;
/// ICU computes in int32 and gives up where that would overflow.
const INT32_MAX: u64 = 0x7fff_ffff;

/// The threshold for digit position `k` (a multiple of `BASE`).
fn threshold(k: u64, bias: u64) -> u64 {
    k.saturating_sub(bias).clamp(TMIN, TMAX)
}

/// Length of the RFC 3492 encoding of `s`. The bounded input (`DECOMPOSED_MAX`) keeps
/// ICU's int32 overflow guard out of reach.
fn punycode_len(s: &[char]) -> usize {
    let basic = s.iter().filter(|c| c.is_ascii()).count();
    let total = s.len();
    let mut out = basic + usize::from(basic > 0);
    let mut n = INITIAL_N;
    let mut delta: u64 = 0;
    let mut bias = INITIAL_BIAS;
    let mut handled = basic;
    while handled < total {
        let m = s
            .iter()
            .map(|&c| u64::from(c))
            .filter(|&c| c >= n)
            .min()
            .unwrap_or(n);
        delta += (m - n) * (handled as u64 + 1);
        n = m;
        for c in s.iter().map(|&c| u64::from(c)) {
            if c < n {
                delta += 1;
            } else if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = threshold(k, bias);
                    if q < t {
                        break;
                    }
                    out += 1;
                    q = (q - t) / (BASE - t);
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
    out
}

/// `u_strFromPunycode()`: the code points `input` encodes, or `None` where ICU reports an
/// error (a non-digit, a truncated number, int32 overflow, a surrogate or out-of-range
/// result).
fn decode(input: &[char]) -> Option<Vec<char>> {
    let (mut out, digits) = match input.iter().rposition(|&c| c == '-') {
        Some(at) if at > 0 => (input.get(..at)?.to_vec(), input.get(at + 1..)?),
        _ => (Vec::new(), input),
    };
    let mut digits = digits.iter();
    let (mut n, mut i, mut bias) = (INITIAL_N, 0u64, INITIAL_BIAS);
    while digits.len() > 0 {
        let old_i = i;
        let mut w = 1u64;
        let mut k = BASE;
        loop {
            let digit = match *digits.next()? {
                c @ 'a'..='z' => u64::from(c) - u64::from('a'),
                c @ 'A'..='Z' => u64::from(c) - u64::from('A'),
                c @ '0'..='9' => u64::from(c) - u64::from('0') + 26,
                _ => return None,
            };
            if digit > (INT32_MAX - i) / w {
                return None;
            }
            i += digit * w;
            let t = threshold(k, bias);
            if digit < t {
                break;
            }
            if w > INT32_MAX / (BASE - t) {
                return None;
            }
            w *= BASE - t;
            k += BASE;
        }
        let count = out.len() as u64 + 1;
        bias = adapt(i - old_i, count, old_i == 0);
        if i / count > INT32_MAX - n {
            return None;
        }
        n += i / count;
        i %= count;
        let c = char::from_u32(u32::try_from(n).ok()?)?;
        let at = usize::try_from(i).ok()?;
        if at > out.len() {
            return None;
        }
        out.insert(at, c);
        i += 1;
    }
    Some(out)
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

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// Lengths checked against PHP's idn_to_ascii() (ICU 72.1).
    #[test]
    fn punycode_lengths_match_icu() {
        for (label, puny) in [
            ("bücher", "bcher-kva"),
            ("ä", "4ca"),
            ("😀", "e28h"),
            ("日本語", "wgv71a119e"),
            // Several distinct code points exercise the bias adaptation.
            ("παράδειγμα", "hxajbheg2az3al"),
            (
                "例子测试日本語中文汉字",
                "fiq16aj2x3a079icqar5ej1qhic6t9jx1c",
            ),
            (
                "ελληνικάκαιрусскийκαι日本",
                "hxakankmcbebcea3a56pqap1itaa4by5396b5ega",
            ),
        ] {
            assert_eq!(punycode_len(&chars(label)), puny.len(), "{label}");
            assert_eq!(decode(&chars(puny)), Some(chars(label)), "{puny}");
        }
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
        // Ignored code points cost nothing, however many.
        let ignored = format!("ä{}", "\u{FE0F}".repeat(5000));
        assert_eq!(judge(&ignored), Outcome::Fits);
    }

    /// Outcomes checked with PHP.
    #[test]
    fn mapping_effects() {
        let cases = [
            // U+3002 becomes '.', splitting the label.
            (format!("ä\u{3002}{}", "a".repeat(64)), Outcome::TooLong),
            (format!("ä\u{3002}{}", "a".repeat(63)), Outcome::Fits),
            // A non-ASCII "xn--" label is not Punycode, and not length-checked.
            (format!("xn--{}ä", "a".repeat(70)), Outcome::Fits),
            // U+00B2 maps to "2": the label is ASCII, 63 characters long.
            (format!("\u{b2}{}", "a".repeat(62)), Outcome::Fits),
            // A disallowed code point (U+2028) is a severe error: no length check.
            (format!("ä{}\u{2028}", "a".repeat(70)), Outcome::Fits),
            // Variation selectors are dropped.
            (format!("\u{fe0f}{}", "a".repeat(63)), Outcome::Fits),
            // "É" is folded to "é": "xn--" + 55 'a' + "-91e" is 63 characters, one more
            // 'a' makes 64.
            (format!("É{}", "a".repeat(55)), Outcome::Fits),
            (format!("É{}", "a".repeat(56)), Outcome::TooLong),
            // "a" + U+0308 composes to "ä".
            (format!("a\u{308}{}", "a".repeat(56)), Outcome::TooLong),
            (format!("a\u{308}{}", "a".repeat(55)), Outcome::Fits),
            // A leading combining mark is a severe error.
            (format!("\u{308}{}", "a".repeat(70)), Outcome::Fits),
            // U+FDFA is 18 Arabic code points (and spaces).
            ("\u{FDFA}\u{FDFA}".to_owned(), Outcome::Fits),
            ("\u{FDFA}\u{FDFA}\u{FDFA}".to_owned(), Outcome::TooLong),
        ];
        for (label, outcome) in cases {
            assert_eq!(judge(&label), outcome, "{label:?}");
        }
    }

    #[test]
    fn normalization() {
        for (from, to) in [
            ("ÄÖÜ", "äöü"),
            ("a\u{308}", "ä"),
            ("e\u{301}\u{323}", "ẹ\u{301}"),
            ("é\u{323}", "ẹ\u{301}"),
            ("\u{1E9B}\u{323}", "ṩ"),
            ("\u{FF76}\u{FF9E}", "ガ"),
            ("\u{3131}\u{314F}", "가"),
            ("가\u{11A8}", "각"),
            ("ß\u{307}", "sṡ"),
            ("ǅ", "dž"),
            ("\u{2163}", "iv"),
        ] {
            assert_eq!(normalized(from).as_deref(), Some(to), "{from:?}");
        }
    }
}
