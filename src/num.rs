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

#[cfg(test)]
mod tests {
    #[test]
    fn prints_decimal() {
        for n in [0usize, 7, 10, 255, 1_000_000, usize::MAX] {
            assert_eq!(super::usize_text(n), n.to_string());
        }
    }
}
