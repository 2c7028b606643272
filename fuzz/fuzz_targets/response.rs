//! Response parsing of an arbitrary status, `Retry-After` and body: no panic, the error kind
//! follows the status, waits are bounded, and no error shows the token (even when the body
//! echoes it).
#![no_main]

use billing_account_form::api::{
    self, parse_account, parse_list, retry_after_seconds, ApiErrorKind, ClientConfig, ConfigInput,
    HttpResponse, Operation, RetryPolicy, MAX_RETRY_AFTER_SECONDS,
};
use billing_account_form_fuzz::{check_no_token, locale, TOKEN};
use libfuzzer_sys::fuzz_target;

/// The input, laid out so seeds can be written by hand:
/// `[status hi, status lo, operation, locale, flags]`, then the `Retry-After` value up to a
/// `\n` (flags bit 0: the header is present), then the body. Flags bit 1 splices the token
/// into the body at the offset in flags' upper bits (scaled to the body's length).
struct Answer<'a> {
    status: u16,
    operation: u8,
    locale: u8,
    retry_after: Option<&'a str>,
    echo_token: Option<usize>,
    body: &'a [u8],
}

impl<'a> Answer<'a> {
    fn read(data: &'a [u8]) -> Option<Answer<'a>> {
        let (head, rest) = data.split_at_checked(5)?;
        let &[hi, lo, operation, locale, flags] = head else {
            return None;
        };
        let (retry_after, body) = if flags & 1 == 1 {
            let end = rest.iter().position(|&b| b == b'\n')?;
            let value = std::str::from_utf8(&rest[..end]).ok()?;
            (Some(value), &rest[end + 1..])
        } else {
            (None, rest)
        };
        let echo_token = (flags & 2 == 2).then(|| usize::from(flags >> 2) * body.len() / 63);
        Some(Answer {
            status: u16::from_be_bytes([hi, lo]),
            operation,
            locale,
            retry_after,
            echo_token,
            body,
        })
    }
}

fn expected_kind(status: u16) -> Option<ApiErrorKind> {
    Some(match status {
        401 => ApiErrorKind::Unauthorized,
        403 => ApiErrorKind::Forbidden,
        404 => ApiErrorKind::NotFound,
        409 => ApiErrorKind::Conflict,
        429 => ApiErrorKind::RateLimited,
        // Validation when Laravel's shape is there, else unreadable.
        422 => return None,
        400..=599 => ApiErrorKind::Server,
        _ => ApiErrorKind::InvalidResponse,
    })
}

fuzz_target!(|data: &[u8]| {
    let Some(answer) = Answer::read(data) else {
        return;
    };
    // A fixed clock: an HTTP-date Retry-After is counted from it.
    let now = 1_767_225_599;
    let Ok(config) = ClientConfig::parse(&ConfigInput {
        token: TOKEN,
        base_url: None,
        timeout_ms: None,
        locale: locale(answer.locale),
    }) else {
        panic!("the fuzz config must parse");
    };
    let mut body = answer.body.to_vec();
    if let Some(at) = answer.echo_token {
        let at = at.min(body.len());
        body.splice(at..at, TOKEN.bytes());
    }
    let _ = api::json::parse(&body);
    if let Some(value) = answer.retry_after {
        if let Some(s) = retry_after_seconds(value, now) {
            assert!(s <= MAX_RETRY_AFTER_SECONDS);
        }
    }
    let response = HttpResponse {
        status: answer.status,
        retry_after: answer.retry_after,
        body: &body,
        now_unix_seconds: now,
    };
    let operation = [
        Operation::Create,
        Operation::Update,
        Operation::Get,
        Operation::List,
    ][usize::from(answer.operation % 4)];
    let outcome = if operation == Operation::List {
        parse_list(&config, &response).map(|_| ())
    } else {
        parse_account(&config, operation, &response).map(|_| ())
    };
    let ok_status = (200..300).contains(&answer.status);
    match outcome {
        Ok(()) => assert!(ok_status, "status {} parsed as success", answer.status),
        Err(e) => {
            check_no_token(&e);
            if ok_status {
                assert_eq!(e.kind(), ApiErrorKind::InvalidResponse);
                assert_eq!(e.status(), Some(answer.status));
            } else if let Some(kind) = expected_kind(answer.status) {
                assert_eq!(e.kind(), kind, "status {}", answer.status);
            } else {
                assert!(matches!(
                    e.kind(),
                    ApiErrorKind::Validation | ApiErrorKind::InvalidResponse
                ));
                assert_eq!(e.status(), Some(422));
            }
            if let Some(s) = e.retry_after_seconds() {
                assert!(s <= MAX_RETRY_AFTER_SECONDS);
            }
            // Whatever the answer, the retry policy gives a bounded wait or none, never for a create.
            let wait = RetryPolicy::default().should_retry(
                operation,
                &e,
                1,
                u32::from(answer.locale),
                30_000,
            );
            if let Some(ms) = wait {
                assert!(operation != Operation::Create && ms <= RetryPolicy::default().cap_ms);
            }
        }
    }
});
