//! The API client without I/O: IDs and config, request building, response parsing, retries.
//!
//! A transport (the wasm shell's `fetch`, or any native HTTP client) calls
//! [`create_request`] and friends, sends the [`RequestSpec`], hands the answer to
//! [`parse_account`] or [`parse_list`], and asks [`RetryPolicy::should_retry`] what to do
//! about a failure. Nothing here does I/O, reads a clock or draws a random number.

mod config;
mod error;
pub mod json;
pub mod laravel;
mod request;
mod response;
mod retry;

pub use config::{
    BaseUrl, BillingAccountId, ClientConfig, ConfigInput, IdempotencyKey, Token, WorkspaceId,
    DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS,
};
pub use error::{ApiError, ApiErrorKind};
pub use request::{
    create_body, create_request, create_request_checked, get_request, list_request, update_body,
    update_request, update_request_checked, url, Checked, Method, Operation, RequestSpec,
};
pub use response::{
    content_type_error, error_for, is_json_content_type, parse_account, parse_list,
    retry_after_seconds, HttpResponse, MAX_RESPONSE_BYTES, MAX_RETRY_AFTER_SECONDS,
};
pub use retry::RetryPolicy;
