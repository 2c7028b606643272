//! The assigned ISO 3166-1 alpha-2 country codes, as data.

/// Every assigned code, upper case, sorted, two bytes each (249 codes).
pub(crate) const CODES: &str = concat!(
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZ",
    "BABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ",
    "CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZ",
    "DEDJDKDMDODZ",
    "ECEEEGEHERESET",
    "FIFJFKFMFOFR",
    "GAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGY",
    "HKHMHNHRHTHU",
    "IDIEILIMINIOIQIRISIT",
    "JEJMJOJP",
    "KEKGKHKIKMKNKPKRKWKYKZ",
    "LALBLCLILKLRLSLTLULVLY",
    "MAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZ",
    "NANCNENFNGNINLNONPNRNUNZ",
    "OM",
    "PAPEPFPGPHPKPLPMPNPRPSPTPWPY",
    "QA",
    "RERORSRURW",
    "SASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZ",
    "TCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZ",
    "UAUGUMUSUYUZ",
    "VAVCVEVGVIVNVU",
    "WFWS",
    "YEYT",
    "ZAZMZW",
);

/// Every assigned code, in alphabetical order.
pub fn codes() -> impl Iterator<Item = &'static str> {
    (0..CODES.len() / 2).filter_map(|i| CODES.get(2 * i..2 * i + 2))
}

/// Whether `s` is an assigned code, spelled in upper case.
pub fn is_country(s: &str) -> bool {
    // Each code as a number whose order is the codes' order (big-endian bytes): compared
    // without slicing text or calling `memcmp`, which took most of this search in the wasm.
    let code = |b: &[u8]| {
        b.first()
            .zip(b.get(1))
            .map(|(&x, &y)| u16::from_be_bytes([x, y]))
    };
    let (Some(wanted), 2) = (code(s.as_bytes()), s.len()) else {
        return false;
    };
    // Binary search: the codes are sorted, and a body may carry one per import record.
    let bytes = CODES.as_bytes();
    let (mut low, mut high) = (0, CODES.len() / 2);
    while low < high {
        let mid = (low + high) / 2;
        match bytes.get(2 * mid..).and_then(code) {
            Some(c) if c < wanted => low = mid + 1,
            Some(c) if c > wanted => high = mid,
            Some(_) => return true,
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_every_assigned_code_once_in_order() {
        let all: Vec<&str> = codes().collect();
        assert_eq!(all.len(), 249);
        assert!(all.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
        assert!(all
            .iter()
            .all(|c| c.bytes().all(|b| b.is_ascii_uppercase())));
    }

    #[test]
    fn accepts_assigned_upper_case_only() {
        for ok in ["US", "GB", "ZA", "AX", "SS", "BQ", "CW"] {
            assert!(is_country(ok), "{ok}");
        }
        // XK (Kosovo) is user-assigned, not assigned; UK, EU, EL are reserved; case matters.
        for bad in [
            "XK", "UK", "EU", "EL", "us", "Us", "USA", "U", "", "ÜS", "AN", "YU",
        ] {
            assert!(!is_country(bad), "{bad}");
        }
        // The search finds every code, and nothing else of two bytes.
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                if let Ok(s) = std::str::from_utf8(&[a, b]) {
                    assert_eq!(is_country(s), codes().any(|c| c == s), "{s:?}");
                }
            }
        }
    }
}
