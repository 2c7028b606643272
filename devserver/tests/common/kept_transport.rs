//! The same transport on a kept HTTP client (ureq), for the plain client tests: one deadline for
//! the whole call (ureq's global timeout), at most `MAX_RESPONSE_BYTES + 1` bytes of body,
//! redirects handed to the core, and the retry loop of `transport::call_with`. The `std::net`
//! one in `transport.rs` stays as the demonstration of what a transport owes the core, and
//! for the hostile server.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use std::io::Read;
use std::time::Instant;

use billing_account_form::api::{
    ApiError, ClientConfig, HttpResponse, RequestSpec, MAX_RESPONSE_BYTES,
};

use super::transport::{call_with, Answer};

fn exchange(spec: &RequestSpec, deadline: Instant) -> Result<Answer, ureq::Error> {
    let left = deadline.saturating_duration_since(Instant::now());
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .timeout_global(Some(left))
        .build()
        .into();
    let mut request = ureq::http::Request::builder()
        .method(spec.method.as_str())
        .uri(spec.url.as_str());
    for (name, value) in &spec.headers {
        request = request.header(*name, value.as_str());
    }
    let sent = match &spec.body {
        Some(body) => agent.run(request.body(body.clone().into_bytes())?),
        None => agent.run(request.body(())?),
    };
    let mut response = sent?;
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let (retry_after, content_type) = (header("retry-after"), header("content-type"));
    let mut body = Vec::new();
    let cap = u64::try_from(MAX_RESPONSE_BYTES + 1).unwrap();
    response
        .body_mut()
        .with_config()
        .limit(cap + 1)
        .reader()
        .take(cap)
        .read_to_end(&mut body)
        .map_err(ureq::Error::Io)?;
    Ok(Answer {
        status: response.status().as_u16(),
        retry_after,
        content_type,
        body,
    })
}

/// Sends `spec` once through ureq, within `deadline`.
pub fn send_once(
    config: &ClientConfig,
    spec: &RequestSpec,
    deadline: Instant,
) -> Result<Answer, ApiError> {
    exchange(spec, deadline).map_err(|e| {
        let timed_out = matches!(e, ureq::Error::Timeout(_))
            || matches!(&e, ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut)
            || Instant::now() >= deadline;
        if timed_out {
            ApiError::timeout(config.locale)
        } else {
            ApiError::network(config.locale)
        }
    })
}

/// `transport::call` over ureq.
pub fn call<T>(
    config: &ClientConfig,
    spec: &RequestSpec,
    parse: impl Fn(&HttpResponse<'_>) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    call_with(config, spec, parse, send_once)
}
