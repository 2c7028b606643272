//! Time as the API writes it (`2025-10-29T00:40:06.000000Z`); hyper writes HTTP's `Date`.

use std::time::{SystemTime, UNIX_EPOCH};

/// (year, month, day) of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn now() -> (u64, u32) {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    (since.as_secs(), since.subsec_micros())
}

/// `seconds` since the epoch and `micros` as the API's timestamp.
pub fn timestamp_at(seconds: u64, micros: u32) -> String {
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let rest = seconds % 86_400;
    let (y, m, d) = civil(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{micros:06}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Now, as the API's timestamp.
pub fn timestamp_now() -> String {
    let (s, us) = now();
    timestamp_at(s, us)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_documented_formats() {
        assert_eq!(
            timestamp_at(1_761_698_406, 0),
            "2025-10-29T00:40:06.000000Z"
        );
        assert_eq!(timestamp_at(0, 7), "1970-01-01T00:00:00.000007Z");
        assert_eq!(timestamp_at(951_825_600, 0), "2000-02-29T12:00:00.000000Z");
    }
}
