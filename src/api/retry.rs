//! When to try a call again, as pure logic: the transport supplies the randomness and the clock.

use super::error::ApiError;
use super::request::Operation;

/// Bounded, capped, jittered exponential backoff that honours `Retry-After`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    /// The backoff before the second attempt, before jitter; it doubles for each one after.
    pub base_ms: u32,
    /// No wait is longer: a backoff is capped to it, and a `Retry-After` longer than it is not
    /// waited for (the error goes back to the caller with `retryAfterSeconds`).
    pub cap_ms: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_ms: 300,
            cap_ms: 5_000,
        }
    }
}

impl RetryPolicy {
    /// How long to wait before trying `operation` again after `error`, or `None` to give up.
    ///
    /// - `attempts_made`: attempts so far (1 after the first).
    /// - `jitter`: a random number, so the wait is spread (pass a fixed one in tests).
    /// - `remaining_ms`: time left before the call's timeout; a wait that would not leave time
    ///   for another attempt is not worth starting.
    ///
    /// Never for a create. For get, list and update: network errors, 502, 503, 504 and 429.
    /// A timeout is not retried: the time is spent.
    pub fn should_retry(
        &self,
        operation: Operation,
        error: &ApiError,
        attempts_made: u32,
        jitter: u32,
        remaining_ms: u64,
    ) -> Option<u32> {
        if !operation.may_repeat() || attempts_made >= self.max_attempts {
            return None;
        }
        let retryable = match error {
            ApiError::Network { .. } | ApiError::RateLimited { .. } => true,
            ApiError::Server { status, .. } => matches!(status, 502..=504),
            _ => false,
        };
        if !retryable {
            return None;
        }
        let backoff = self.backoff(attempts_made, jitter);
        let delay = match error.retry_after_seconds() {
            Some(seconds) => {
                let asked = u64::from(seconds) * 1000;
                if asked > u64::from(self.cap_ms) {
                    return None;
                }
                // At least what the server asked, spread a little so clients do not return together.
                let spread = u64::from(jitter % (self.base_ms / 2 + 1));
                u32::try_from((asked + spread).min(u64::from(self.cap_ms))).unwrap_or(self.cap_ms)
            }
            None => backoff,
        };
        (u64::from(delay) < remaining_ms).then_some(delay)
    }

    /// "Equal jitter": half of the capped exponential delay, plus a random part of the other half.
    fn backoff(&self, attempts_made: u32, jitter: u32) -> u32 {
        let shift = attempts_made.saturating_sub(1).min(31);
        let exponential = u64::from(self.base_ms) << shift;
        let capped = u32::try_from(exponential.min(u64::from(self.cap_ms))).unwrap_or(self.cap_ms);
        let half = capped / 2;
        half + jitter % (capped - half + 1)
    }
}
