//! Answers as data: every status and body shape turned into the typed result or an [`ApiError`].

use crate::error::FieldError;
use crate::i18n::{api_message, ApiMessage};
use crate::model::{Address, BillingAccount, BillingAccountList, Currency};
use crate::value::Value;

use super::config::ClientConfig;
use super::error::ApiError;
use super::json;
use super::laravel::issue_from_server;
use super::request::Operation;

/// One HTTP answer, as a transport received it.
#[derive(Debug, Clone, Copy)]
pub struct HttpResponse<'a> {
    pub status: u16,
    /// The `Retry-After` header, when the transport could read it (cross-origin, only if the
    /// server lists it in `Access-Control-Expose-Headers`).
    pub retry_after: Option<&'a str>,
    pub body: &'a [u8],
    /// When the answer arrived, in seconds since the Unix epoch: an HTTP-date `Retry-After` is
    /// counted from it.
    pub now_unix_seconds: u64,
}

/// The longest wait a `Retry-After` is believed for: a day. Longer values are clamped to it.
pub const MAX_RETRY_AFTER_SECONDS: u32 = 86_400;

/// The largest answer body read: a page of ten accounts is a few kilobytes, so a megabyte is
/// only ever a broken or hostile server. A longer body is `invalid_response` without being
/// parsed; a transport should stop reading after `MAX_RESPONSE_BYTES + 1` bytes and hand over
/// what it has (or refuse a larger `Content-Length` before reading).
pub const MAX_RESPONSE_BYTES: usize = 1024 * 1024;

/// Whether a `Content-Type` value names JSON: `application/json` or a `+json` type, any case,
/// parameters allowed (`application/json; charset=utf-8`).
pub fn is_json_content_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim_matches(|c| c == ' ' || c == '\t')
        .to_ascii_lowercase();
    match essence.split_once('/') {
        Some((kind, sub)) => {
            (kind == "application" && sub == "json")
                || (!kind.is_empty() && sub.len() > 5 && sub.ends_with("+json"))
        }
        None => false,
    }
}

/// The error for an answer whose body would be read (2xx and 422) but that does not say it is
/// JSON: an HTML login page, a proxy's error page, a CDN's `text/plain`. Transports call it with
/// the `Content-Type` header (`None` when absent) before [`parse_account`] or [`parse_list`];
/// other statuses are judged by their status alone, so their `Content-Type` does not matter.
pub fn content_type_error(
    config: &ClientConfig,
    status: u16,
    content_type: Option<&str>,
) -> Option<ApiError> {
    let body_is_read = (200..300).contains(&status) || status == 422;
    (body_is_read && !content_type.is_some_and(is_json_content_type))
        .then(|| invalid_response(config, status))
}

/// A create's, update's or get's answer: the billing account, or why not.
pub fn parse_account(
    config: &ClientConfig,
    operation: Operation,
    response: &HttpResponse<'_>,
) -> Result<BillingAccount, ApiError> {
    parse(config, operation, response, account)
}

/// A list's answer: one page of the workspace's billing accounts, or why not.
pub fn parse_list(
    config: &ClientConfig,
    response: &HttpResponse<'_>,
) -> Result<BillingAccountList, ApiError> {
    parse(config, Operation::List, response, list)
}

fn parse<T>(
    config: &ClientConfig,
    operation: Operation,
    response: &HttpResponse<'_>,
    read: fn(&Value) -> Option<T>,
) -> Result<T, ApiError> {
    if (200..300).contains(&response.status) {
        if response.body.len() > MAX_RESPONSE_BYTES {
            return Err(invalid_response(config, response.status));
        }
        return json::parse(response.body)
            .as_ref()
            .and_then(read)
            .ok_or_else(|| invalid_response(config, response.status));
    }
    Err(error_for(config, operation, response))
}

fn invalid_response(config: &ClientConfig, status: u16) -> ApiError {
    ApiError::InvalidResponse {
        message: api_message(config.locale, ApiMessage::InvalidResponse { status }),
        status,
    }
}

/// The error a non-2xx answer stands for.
///
/// 3xx (a redirect `fetch` did not follow, or Laravel's answer to a request without
/// `Accept: application/json`) and statuses outside 200–599 are `invalid_response`; 4xx this API
/// does not document (400, 405, 413, …) and every 5xx are `server` with their status.
pub fn error_for(
    config: &ClientConfig,
    operation: Operation,
    response: &HttpResponse<'_>,
) -> ApiError {
    let locale = config.locale;
    let retry_after = response
        .retry_after
        .and_then(|v| retry_after_seconds(v, response.now_unix_seconds));
    let message = |m| api_message(locale, m);
    match response.status {
        401 => ApiError::Unauthorized {
            message: message(ApiMessage::Unauthorized),
        },
        403 => ApiError::Forbidden {
            message: message(ApiMessage::Forbidden),
        },
        404 => ApiError::NotFound {
            message: message(match operation {
                Operation::Get | Operation::Update => ApiMessage::AccountNotFound,
                Operation::Create | Operation::List => ApiMessage::WorkspaceNotFound,
            }),
        },
        409 => ApiError::Conflict {
            message: message(match operation {
                Operation::Create => ApiMessage::AccountLimit,
                _ => ApiMessage::Conflict,
            }),
        },
        422 => match validation_errors(config, response.body) {
            Some(errors) => ApiError::Validation {
                message: message(ApiMessage::Validation),
                errors,
            },
            None => invalid_response(config, 422),
        },
        429 => ApiError::RateLimited {
            message: message(ApiMessage::RateLimited {
                seconds: retry_after.unwrap_or(0),
            }),
            retry_after_seconds: retry_after,
        },
        status @ 400..=599 => ApiError::Server {
            message: message(ApiMessage::Server { status }),
            status,
            retry_after_seconds: retry_after,
        },
        status => invalid_response(config, status),
    }
}

/// A 422's `errors` (`{"path": ["message", …]}`) as field errors, the first message of each path
/// (local validation, like Laravel, reports the first rule a field breaks).
/// A 422 with only a `message` is one error on the whole body (path `""`).
fn validation_errors(config: &ClientConfig, body: &[u8]) -> Option<Vec<FieldError>> {
    if body.len() > MAX_RESPONSE_BYTES {
        return None;
    }
    let value = json::parse(body)?;
    let Value::Object(_) = value else {
        return None;
    };
    // The server's words and its keys both: a broken or hostile server may echo the token in either.
    let render = |path: &str, text: &str| {
        issue_from_server(path, &config.token.redact(text)).render(config.locale)
    };
    let mut errors = Vec::new();
    if let Some(Value::Object(members)) = value.get("errors") {
        for (path, messages) in members {
            let first = match messages {
                Value::Array(list) => list.iter().find_map(|m| match m {
                    Value::String(s) => Some(s.as_str()),
                    _ => None,
                }),
                Value::String(s) => Some(s.as_str()),
                _ => None,
            };
            if let Some(text) = first {
                let path = config.token.redact(path);
                if !errors.iter().any(|e: &FieldError| e.path() == path) {
                    errors.push(render(&path, text));
                }
            }
        }
    }
    if errors.is_empty() {
        let Some(Value::String(text)) = value.get("message") else {
            return None;
        };
        errors.push(render("", text));
    }
    Some(in_local_order(errors))
}

/// `errors` sorted by [`local_order`], ties kept in their order. A pass per place in that order
/// (the body, each field of the table, unknown keys, keys inside objects): std's stable sort is
/// 3 KB of the client's wasm for lists this short.
fn in_local_order(errors: Vec<FieldError>) -> Vec<FieldError> {
    let mut keyed: Vec<_> = errors
        .into_iter()
        .map(|e| (local_order(e.path()), Some(e)))
        .collect();
    let mut out = Vec::with_capacity(keyed.len());
    let places = core::iter::once((0, 0))
        .chain((0..crate::rules::FIELDS.len()).map(|i| (1, i)))
        .chain([(2, 0), (3, 0)]);
    for place in places {
        for (key, error) in &mut keyed {
            if *key == place {
                out.extend(error.take());
            }
        }
    }
    out
}

/// Where local validation puts an error on `path`: the whole body, then the rule table's order,
/// then unknown keys at the top, then unknown keys inside objects. Server errors are put in the
/// same order, whatever order the server sent them in.
fn local_order(path: &str) -> (u8, usize) {
    if path.is_empty() {
        return (0, 0);
    }
    match crate::rules::FIELDS.iter().position(|f| f.path == path) {
        Some(i) => (1, i),
        None if !path.contains('.') => (2, 0),
        None => (3, 0),
    }
}

fn string(object: &Value, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// A nullable string member: absent or `null` is `None`; anything but a string is a wrong shape.
fn nullable(object: &Value, key: &str) -> Option<Option<String>> {
    match object.get(key) {
        None | Some(Value::Null) => Some(None),
        Some(Value::String(s)) => Some(Some(s.clone())),
        Some(_) => None,
    }
}

fn address(value: Option<&Value>) -> Option<Option<Address>> {
    match value {
        None | Some(Value::Null) => Some(None),
        Some(a @ Value::Object(_)) => Some(Some(Address {
            country: nullable(a, "country")?,
            line1: nullable(a, "line1")?,
            line2: nullable(a, "line2")?,
            city: nullable(a, "city")?,
            state: nullable(a, "state")?,
            postal_code: nullable(a, "postal_code")?,
        })),
        Some(_) => None,
    }
}

/// A billing account, if `value` has its shape. Members this library does not know are ignored.
pub fn account(value: &Value) -> Option<BillingAccount> {
    let Value::Object(_) = value else {
        return None;
    };
    Some(BillingAccount {
        id: string(value, "id")?,
        workspace_id: string(value, "workspace_id")?,
        name: string(value, "name")?,
        email: string(value, "email")?,
        phone: nullable(value, "phone")?,
        description: nullable(value, "description")?,
        currency: Currency::parse(&string(value, "currency")?)?,
        address: address(value.get("address"))?,
        created_at: string(value, "created_at")?,
        updated_at: string(value, "updated_at")?,
    })
}

/// A page of billing accounts, `{"data": [...], "has_more": bool}`, if `value` has that shape.
pub fn list(value: &Value) -> Option<BillingAccountList> {
    let Value::Object(_) = value else {
        return None;
    };
    let Some(Value::Array(items)) = value.get("data") else {
        return None;
    };
    let Some(Value::Bool(has_more)) = value.get("has_more") else {
        return None;
    };
    Some(BillingAccountList {
        data: items.iter().map(account).collect::<Option<Vec<_>>>()?,
        has_more: *has_more,
    })
}

/// Seconds to wait from a `Retry-After` value: delta-seconds or an HTTP-date (IMF-fixdate, and
/// the obsolete RFC 850 and asctime forms), counted from `now`. A date in the past is 0; more
/// than [`MAX_RETRY_AFTER_SECONDS`] is clamped to it; anything else is `None`.
pub fn retry_after_seconds(value: &str, now_unix_seconds: u64) -> Option<u32> {
    let value = value.trim_matches(|c| c == ' ' || c == '\t');
    let seconds = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Saturates: a hundred-digit delay is just "very long".
        value.bytes().fold(0u64, |n, b| {
            n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
        })
    } else {
        http_date(value)?.saturating_sub(now_unix_seconds)
    };
    Some(
        u32::try_from(seconds)
            .unwrap_or(u32::MAX)
            .min(MAX_RETRY_AFTER_SECONDS),
    )
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month(name: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| *m == name)
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn number(text: &str, min_digits: usize, max_digits: usize) -> Option<u32> {
    // `parse_usize` takes ASCII digits only.
    (min_digits..=max_digits)
        .contains(&text.len())
        .then(|| crate::num::parse_usize(text))
        .flatten()
        .and_then(|n| u32::try_from(n).ok())
}

/// `HH:MM:SS` as seconds into the day.
fn clock(text: &str) -> Option<u64> {
    let mut parts = text.split(':');
    let h = number(parts.next()?, 2, 2)?;
    let m = number(parts.next()?, 2, 2)?;
    let s = number(parts.next()?, 2, 2)?;
    if parts.next().is_some() || h > 23 || m > 59 || s > 60 {
        return None;
    }
    Some(u64::from(h * 3600 + m * 60 + s))
}

/// Days from 1970-01-01 to a civil date (Howard Hinnant's `days_from_civil`), for dates from 1970.
fn days_since_epoch(year: u32, month: u32, day: u32) -> Option<u64> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || year < 1970 {
        return None;
    }
    let y = i64::from(if month <= 2 { year - 1 } else { year });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    u64::try_from(era * 146_097 + doe - 719_468).ok()
}

fn at(year: u32, month: u32, day: u32, time: &str) -> Option<u64> {
    Some(days_since_epoch(year, month, day)? * 86_400 + clock(time)?)
}

/// An HTTP-date as seconds since the Unix epoch.
fn http_date(value: &str) -> Option<u64> {
    let parts: Vec<&str> = value.split(' ').filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        [weekday, day, mon, year, time, "GMT"] if weekday.ends_with(',') && weekday.len() == 4 => {
            at(number(year, 4, 4)?, month(mon)?, number(day, 2, 2)?, time)
        }
        // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT (two-digit years from 1970 on)
        [weekday, date, time, "GMT"] if weekday.ends_with(',') => {
            let mut d = date.split('-');
            let day = number(d.next()?, 2, 2)?;
            let mon = month(d.next()?)?;
            let yy = number(d.next()?, 2, 2)?;
            if d.next().is_some() {
                return None;
            }
            let year = if yy >= 70 { 1900 + yy } else { 2000 + yy };
            at(year, mon, day, time)
        }
        // asctime: Sun Nov  6 08:49:37 1994
        [weekday, mon, day, time, year] if weekday.len() == 3 => {
            at(number(year, 4, 4)?, month(mon)?, number(day, 1, 2)?, time)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_three_http_date_forms() {
        let t = 784_111_777; // 1994-11-06T08:49:37Z
        assert_eq!(http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(t));
        assert_eq!(http_date("Sunday, 06-Nov-94 08:49:37 GMT"), Some(t));
        assert_eq!(http_date("Sun Nov  6 08:49:37 1994"), Some(t));
        assert_eq!(http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(
            http_date("Tue, 29 Feb 2000 12:00:00 GMT"),
            Some(951_825_600)
        );
        assert_eq!(
            http_date("Wed, 31 Dec 2025 23:59:59 GMT"),
            Some(1_767_225_599)
        );
        for bad in [
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1969 08:49:37 GMT",
            "",
            "soon",
        ] {
            assert_eq!(http_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn retry_after_is_seconds_from_now_clamped() {
        let now = 784_111_777;
        assert_eq!(retry_after_seconds("120", now), Some(120));
        assert_eq!(retry_after_seconds(" 0 ", now), Some(0));
        assert_eq!(
            retry_after_seconds("99999999999999999999999", now),
            Some(MAX_RETRY_AFTER_SECONDS)
        );
        assert_eq!(
            retry_after_seconds("Sun, 06 Nov 1994 08:50:07 GMT", now),
            Some(30)
        );
        assert_eq!(
            retry_after_seconds("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(0)
        );
        assert_eq!(
            retry_after_seconds("Sun, 06 Nov 2094 08:00:00 GMT", now),
            Some(MAX_RETRY_AFTER_SECONDS)
        );
        assert_eq!(retry_after_seconds("-5", now), None);
        assert_eq!(retry_after_seconds("1.5", now), None);
        assert_eq!(retry_after_seconds("", now), None);
    }
}
