//! Integer-to-text without the `fmt` machinery, which costs more wasm than the rest of a message.

/// Decimal text of `n`.
#[inline(never)]
pub fn usize_text(mut n: usize) -> String {
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
    digits
        .get(at..)
        .map(|d| d.iter().map(|&b| b as char).collect())
        .unwrap_or_default()
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
