//! Integer-to-text without the `fmt` machinery, which costs more wasm than the rest of a message.

/// Decimal text of `n`.
pub fn usize_text(n: usize) -> String {
    let mut out = String::new();
    push_usize(&mut out, n);
    out
}

/// Appends the decimal text of `n` to `out`.
#[inline(never)]
pub fn push_usize(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    for &d in digits.get(at..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

/// The number `text` spells in ASCII digits (one at least), if it fits: `str::parse` without
/// its sign handling and error type, which cost the client's wasm more than this.
pub fn parse_usize(text: &str) -> Option<usize> {
    if text.is_empty() {
        return None;
    }
    text.bytes().try_fold(0usize, |n, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
        n.checked_mul(10)?.checked_add(usize::from(digit))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn prints_decimal() {
        for n in [0usize, 7, 10, 255, 1_000_000, usize::MAX] {
            assert_eq!(super::usize_text(n), n.to_string());
        }
    }

    #[test]
    fn parses_digits_as_str_parse_does() {
        let max = usize::MAX.to_string();
        let over = format!("{max}0");
        for text in [
            "0", "7", "0042", "65535", &max, &over, "", "+5", "-1", "1a", " 1", "١",
        ] {
            let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
            let expected = if digits { text.parse().ok() } else { None };
            assert_eq!(super::parse_usize(text), expected, "{text}");
        }
    }
}
