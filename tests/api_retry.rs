//! The retry policy: never a create; bounded, capped, jittered backoff that honours Retry-After.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly

use billing_account_form::api::{
    parse_account, ApiError, ClientConfig, HttpResponse, Operation, RetryPolicy, Token,
};
use billing_account_form::Locale;

const ALL_OPS: [Operation; 4] = [
    Operation::Create,
    Operation::Update,
    Operation::Get,
    Operation::List,
];
const PLENTY: u64 = 60_000;

fn answer(status: u16, retry_after: Option<&str>) -> ApiError {
    let config = ClientConfig::new(Token::parse("t0ken").unwrap());
    parse_account(
        &config,
        Operation::Get,
        &HttpResponse {
            status,
            retry_after,
            body: b"",
            now_unix_seconds: 0,
        },
    )
    .unwrap_err()
}

fn policy() -> RetryPolicy {
    RetryPolicy::default()
}

#[test]
fn the_default_is_three_attempts_capped_at_five_seconds() {
    assert_eq!(
        policy(),
        RetryPolicy {
            max_attempts: 3,
            base_ms: 300,
            cap_ms: 5_000
        }
    );
}

#[test]
fn a_create_is_never_repeated() {
    let errors = [
        ApiError::network(Locale::En),
        answer(502, None),
        answer(503, Some("1")),
        answer(504, None),
        answer(429, Some("1")),
        answer(429, None),
    ];
    for error in &errors {
        for attempt in 1..5 {
            for jitter in [0, 7, u32::MAX] {
                assert_eq!(
                    policy().should_retry(Operation::Create, error, attempt, jitter, PLENTY),
                    None,
                    "{error:?}"
                );
            }
        }
    }
}

#[test]
fn gets_lists_and_updates_retry_network_errors_gateway_errors_and_rate_limits() {
    for op in [Operation::Get, Operation::List, Operation::Update] {
        for error in [
            ApiError::network(Locale::En),
            answer(502, None),
            answer(503, None),
            answer(504, None),
            answer(429, None),
            answer(429, Some("2")),
            answer(503, Some("1")),
        ] {
            assert!(
                policy().should_retry(op, &error, 1, 0, PLENTY).is_some(),
                "{op:?} {error:?}"
            );
        }
    }
}

#[test]
fn other_failures_are_not_retried() {
    let config = ClientConfig::new(Token::parse("t0ken").unwrap());
    let invalid_response = parse_account(
        &config,
        Operation::Get,
        &HttpResponse {
            status: 200,
            retry_after: None,
            body: b"<html>",
            now_unix_seconds: 0,
        },
    )
    .unwrap_err();
    let mut errors: Vec<ApiError> = [400, 401, 403, 404, 409, 422, 500, 501, 505, 302]
        .into_iter()
        .map(|s| answer(s, Some("1")))
        .collect();
    errors.push(ApiError::timeout(Locale::En));
    errors.push(ApiError::aborted(Locale::En));
    errors.push(invalid_response);
    errors.push(ApiError::invalid_input(Vec::new(), Locale::En));
    for op in ALL_OPS {
        for error in &errors {
            assert_eq!(
                policy().should_retry(op, error, 1, 0, PLENTY),
                None,
                "{op:?} {error:?}"
            );
        }
    }
}

#[test]
fn attempts_are_bounded() {
    let error = ApiError::network(Locale::En);
    let p = policy();
    assert!(p
        .should_retry(Operation::Get, &error, 1, 0, PLENTY)
        .is_some());
    assert!(p
        .should_retry(Operation::Get, &error, 2, 0, PLENTY)
        .is_some());
    assert_eq!(p.should_retry(Operation::Get, &error, 3, 0, PLENTY), None);
    assert_eq!(p.should_retry(Operation::Get, &error, 99, 0, PLENTY), None);
    let once = RetryPolicy {
        max_attempts: 1,
        ..p
    };
    assert_eq!(
        once.should_retry(Operation::Get, &error, 1, 0, PLENTY),
        None
    );
}

#[test]
fn backoff_doubles_is_capped_and_jitter_spreads_the_upper_half() {
    let error = answer(503, None);
    let p = RetryPolicy {
        max_attempts: 100,
        base_ms: 300,
        cap_ms: 5_000,
    };
    let delay = |attempt, jitter| {
        p.should_retry(Operation::Update, &error, attempt, jitter, PLENTY)
            .unwrap()
    };
    // Equal jitter: from half the exponential delay to all of it.
    assert_eq!(delay(1, 0), 150);
    assert_eq!(delay(1, 150), 300);
    assert_eq!(delay(1, 151), 150);
    assert_eq!(delay(2, 0), 300);
    assert_eq!(delay(3, 0), 600);
    assert_eq!(delay(4, 0), 1_200);
    assert_eq!(delay(5, 0), 2_400);
    assert_eq!(delay(6, 0), 2_500);
    assert_eq!(delay(6, 2_500), 5_000);
    assert_eq!(delay(60, u32::MAX), delay(60, u32::MAX % 2_501));
    for attempt in 1..40 {
        for jitter in (0..10_000).step_by(37).chain([u32::MAX]) {
            let d = delay(attempt, jitter);
            let exponential = (300u64 << (attempt - 1).min(31)).min(5_000) as u32;
            assert!(
                d >= exponential / 2 && d <= exponential,
                "{attempt} {jitter} {d}"
            );
        }
    }
}

#[test]
fn retry_after_is_honoured_up_to_the_cap() {
    let p = policy();
    for op in [Operation::Get, Operation::Update] {
        let d = p
            .should_retry(op, &answer(429, Some("2")), 1, 0, PLENTY)
            .unwrap();
        assert_eq!(d, 2_000);
        for jitter in [1, 99, 150, 151, u32::MAX] {
            let d = p
                .should_retry(op, &answer(429, Some("2")), 1, jitter, PLENTY)
                .unwrap();
            assert!((2_000..=2_150).contains(&d), "{d}");
        }
        // Exactly the cap is still waited for, not beyond.
        assert_eq!(
            p.should_retry(op, &answer(503, Some("5")), 1, u32::MAX, PLENTY),
            Some(5_000)
        );
        // Longer than the cap: the caller gets the error and its retryAfterSeconds.
        assert_eq!(
            p.should_retry(op, &answer(429, Some("6")), 1, 0, PLENTY),
            None
        );
        assert_eq!(
            p.should_retry(op, &answer(503, Some("3600")), 1, 0, PLENTY),
            None
        );
        // "0" means now: the backoff is not needed, only a small spread.
        let d = p
            .should_retry(op, &answer(429, Some("0")), 2, 0, PLENTY)
            .unwrap();
        assert_eq!(d, 0);
    }
}

#[test]
fn a_wait_that_would_outlast_the_timeout_is_not_started() {
    let p = policy();
    let error = answer(429, Some("2"));
    assert_eq!(p.should_retry(Operation::Get, &error, 1, 0, 2_000), None);
    assert_eq!(
        p.should_retry(Operation::Get, &error, 1, 0, 2_001),
        Some(2_000)
    );
    let network = ApiError::network(Locale::En);
    assert_eq!(p.should_retry(Operation::Get, &network, 1, 0, 0), None);
    assert_eq!(p.should_retry(Operation::Get, &network, 1, 0, 150), None);
    assert_eq!(
        p.should_retry(Operation::Get, &network, 1, 0, 151),
        Some(150)
    );
}
