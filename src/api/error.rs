//! Every way an API call can fail, as one enum a caller matches on; each carries its message.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::request::Operation;
use crate::error::FieldError;
use crate::i18n::{api_message, ApiMessage, Locale};

/// Why an API call did not return what was asked for.
///
/// Serializes to the JavaScript shape `{ kind, status?, message, errors?, retryAfterSeconds? }`.
/// The message is already in the config's language. Nothing here ever holds the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// Refused before sending: the body, an ID, the token, the base URL or the timeout.
    /// Nothing was sent.
    InvalidInput {
        message: String,
        errors: Vec<FieldError>,
    },
    /// The server refused the body (422); its errors on the same paths as local ones.
    Validation {
        message: String,
        errors: Vec<FieldError>,
    },
    /// 401: the token is missing, wrong or expired.
    Unauthorized { message: String },
    /// 403: the token may not do this.
    Forbidden { message: String },
    /// 404: the workspace or billing account does not exist (for this token).
    NotFound { message: String },
    /// 409: e.g. the workspace already has as many billing accounts as its billing mode allows.
    Conflict { message: String },
    /// 429: wait `retry_after_seconds` (when the server said) before trying again.
    RateLimited {
        message: String,
        retry_after_seconds: Option<u32>,
    },
    /// Any other status the server answered with: 5xx, and 4xx this API does not document.
    Server {
        message: String,
        status: u16,
        retry_after_seconds: Option<u32>,
    },
    /// No answer: the server could not be reached or the connection broke.
    Network { message: String },
    /// No answer in time, or the caller cancelled the request.
    Timeout { message: String },
    /// An answer that could not be read: not JSON, the wrong shape, a redirect, an empty body.
    InvalidResponse { message: String, status: u16 },
}

/// The kind of an [`ApiError`], as JavaScript sees it in `kind`.
///
/// Its `Serialize` (and so its generated TypeScript union) spells each kind as [`Self::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ApiErrorKind {
    InvalidInput,
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    RateLimited,
    Server,
    Network,
    Timeout,
    InvalidResponse,
}

impl ApiErrorKind {
    pub const ALL: [ApiErrorKind; 11] = [
        ApiErrorKind::InvalidInput,
        ApiErrorKind::Validation,
        ApiErrorKind::Unauthorized,
        ApiErrorKind::Forbidden,
        ApiErrorKind::NotFound,
        ApiErrorKind::Conflict,
        ApiErrorKind::RateLimited,
        ApiErrorKind::Server,
        ApiErrorKind::Network,
        ApiErrorKind::Timeout,
        ApiErrorKind::InvalidResponse,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ApiErrorKind::InvalidInput => "invalid_input",
            ApiErrorKind::Validation => "validation",
            ApiErrorKind::Unauthorized => "unauthorized",
            ApiErrorKind::Forbidden => "forbidden",
            ApiErrorKind::NotFound => "not_found",
            ApiErrorKind::Conflict => "conflict",
            ApiErrorKind::RateLimited => "rate_limited",
            ApiErrorKind::Server => "server",
            ApiErrorKind::Network => "network",
            ApiErrorKind::Timeout => "timeout",
            ApiErrorKind::InvalidResponse => "invalid_response",
        }
    }
}

impl ApiError {
    /// Whether the server may have done what `operation` asked although the call failed: a
    /// create or an update whose request was sent and then timed out, lost its connection, or
    /// got a 2xx answer that could not be read. Sending it again blindly could create a second
    /// account (use the same `Idempotency-Key`, or look first) or overwrite a later change.
    /// The transport says whether any request was sent at all (`sent`).
    pub fn outcome_unknown(&self, operation: Operation, sent: bool) -> bool {
        let changes = matches!(operation, Operation::Create | Operation::Update);
        let lost = match self {
            ApiError::Network { .. } | ApiError::Timeout { .. } => true,
            ApiError::InvalidResponse { status, .. } => (200..300).contains(status),
            _ => false,
        };
        changes && sent && lost
    }

    /// Refused locally, with every field's error.
    pub fn invalid_input(errors: Vec<FieldError>, locale: Locale) -> ApiError {
        ApiError::InvalidInput {
            message: api_message(locale, ApiMessage::InvalidInput),
            errors,
        }
    }

    /// The transport could not reach the server (fetch rejected, connection reset).
    pub fn network(locale: Locale) -> ApiError {
        ApiError::Network {
            message: api_message(locale, ApiMessage::Network),
        }
    }

    /// The timeout ran out before an answer came.
    pub fn timeout(locale: Locale) -> ApiError {
        ApiError::Timeout {
            message: api_message(locale, ApiMessage::Timeout),
        }
    }

    /// The caller's `AbortSignal` cancelled the request: kind `timeout`, worded as a cancellation.
    pub fn aborted(locale: Locale) -> ApiError {
        ApiError::Timeout {
            message: api_message(locale, ApiMessage::Aborted),
        }
    }

    pub fn kind(&self) -> ApiErrorKind {
        match self {
            ApiError::InvalidInput { .. } => ApiErrorKind::InvalidInput,
            ApiError::Validation { .. } => ApiErrorKind::Validation,
            ApiError::Unauthorized { .. } => ApiErrorKind::Unauthorized,
            ApiError::Forbidden { .. } => ApiErrorKind::Forbidden,
            ApiError::NotFound { .. } => ApiErrorKind::NotFound,
            ApiError::Conflict { .. } => ApiErrorKind::Conflict,
            ApiError::RateLimited { .. } => ApiErrorKind::RateLimited,
            ApiError::Server { .. } => ApiErrorKind::Server,
            ApiError::Network { .. } => ApiErrorKind::Network,
            ApiError::Timeout { .. } => ApiErrorKind::Timeout,
            ApiError::InvalidResponse { .. } => ApiErrorKind::InvalidResponse,
        }
    }

    /// The HTTP status the server answered with, when it answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Validation { .. } => Some(422),
            ApiError::Unauthorized { .. } => Some(401),
            ApiError::Forbidden { .. } => Some(403),
            ApiError::NotFound { .. } => Some(404),
            ApiError::Conflict { .. } => Some(409),
            ApiError::RateLimited { .. } => Some(429),
            ApiError::Server { status, .. } | ApiError::InvalidResponse { status, .. } => {
                Some(*status)
            }
            ApiError::InvalidInput { .. } | ApiError::Network { .. } | ApiError::Timeout { .. } => {
                None
            }
        }
    }

    pub fn message(&self) -> &str {
        match self {
            ApiError::InvalidInput { message, .. }
            | ApiError::Validation { message, .. }
            | ApiError::Unauthorized { message }
            | ApiError::Forbidden { message }
            | ApiError::NotFound { message }
            | ApiError::Conflict { message }
            | ApiError::RateLimited { message, .. }
            | ApiError::Server { message, .. }
            | ApiError::Network { message }
            | ApiError::Timeout { message }
            | ApiError::InvalidResponse { message, .. } => message,
        }
    }

    /// The field errors of `invalid_input` and `validation` (none otherwise).
    pub fn errors(&self) -> &[FieldError] {
        match self {
            ApiError::InvalidInput { errors, .. } | ApiError::Validation { errors, .. } => errors,
            _ => &[],
        }
    }

    /// How long the server asked to wait, if it said (429, and 503 and the like).
    pub fn retry_after_seconds(&self) -> Option<u32> {
        match self {
            ApiError::RateLimited {
                retry_after_seconds,
                ..
            }
            | ApiError::Server {
                retry_after_seconds,
                ..
            } => *retry_after_seconds,
            _ => None,
        }
    }
}

impl Serialize for ApiError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let status = self.status();
        let has_errors = matches!(
            self,
            ApiError::InvalidInput { .. } | ApiError::Validation { .. }
        );
        let retry = self.retry_after_seconds();
        let len = 2
            + usize::from(status.is_some())
            + usize::from(has_errors)
            + usize::from(retry.is_some());
        let mut st = s.serialize_struct("ApiError", len)?;
        st.serialize_field("kind", self.kind().as_str())?;
        if let Some(status) = status {
            st.serialize_field("status", &status)?;
        }
        st.serialize_field("message", self.message())?;
        if has_errors {
            st.serialize_field("errors", self.errors())?;
        }
        if let Some(seconds) = retry {
            st.serialize_field("retryAfterSeconds", &seconds)?;
        }
        st.end()
    }
}
