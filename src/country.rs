//! The assigned ISO 3166-1 alpha-2 country codes, as data.

/// Every assigned code, upper case, sorted, two bytes each (249 codes).
const CODES: &str = concat!(
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
    if s.len() != 2 {
        return false;
    }
    // Binary search: the codes are sorted, and a body may carry one per import record.
    let (mut low, mut high) = (0, CODES.len() / 2);
    while low < high {
        let mid = (low + high) / 2;
        match CODES.get(2 * mid..2 * mid + 2) {
            Some(c) if c < s => low = mid + 1,
            Some(c) if c > s => high = mid,
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
    }
}
