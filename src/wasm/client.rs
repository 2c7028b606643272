//! The API client's transport: the sans-IO core's requests sent with the global `fetch`.
//!
//! Each call reads its arguments, lets the core build the request (validating first, so an
//! invalid body or ID is refused before a URL exists), then sends it under one deadline: the
//! config's timeout and the caller's `AbortSignal` share one `AbortController` that cuts the
//! fetch, the body read and any wait between retries. The core says whether to retry and what
//! every answer means; this shell only moves bytes, keeps time and draws jitter.
//!
//! `fetch` is the global one (bound directly, not through `window`), so the same code runs in
//! browsers, Node 20+, Deno, Bun and workerd. (gloo-net did this until the package split; it
//! wrapped one call, `fetch`, and cost 1.7 kB gzip of the client's module: measured, then removed.)

use core::cell::Cell;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestCredentials, RequestRedirect};

use crate::api::{
    content_type_error, create_request_checked, get_request, json, list_request, parse_account,
    parse_list, update_request_checked, ApiError, Checked, ClientConfig, ConfigInput, HttpResponse,
    IdempotencyKey, Operation, RequestSpec, RetryPolicy, MAX_RESPONSE_BYTES,
};
use crate::error::{Code, FieldError, Issue};
use crate::i18n::Locale;
use crate::value::Value;

use super::read;

// Timers and the error object: the parts that need JavaScript callbacks or classes.
// `setTimeout`, `AbortController` and `performance` are globals in browsers and Node alike.
#[wasm_bindgen(inline_js = r#"
class ApiError extends Error {}
Object.defineProperty(ApiError.prototype, "name", { value: "ApiError", writable: true, configurable: true });

export function apiError(fields) {
  const error = new ApiError(fields.message);
  // Own and enumerable like the other fields (Error makes `message` non-enumerable).
  delete error.message;
  return Object.assign(error, fields);
}

export function isApiError(value) {
  return value instanceof ApiError;
}

export function isSignal(value) {
  try {
    return typeof value === "object" && value !== null && typeof value.aborted === "boolean"
      && typeof value.addEventListener === "function" && typeof value.removeEventListener === "function";
  } catch {
    return false;
  }
}

// The body, chunk by chunk, stopped once it is longer than `cap` (the core calls that
// invalid_response) or the deadline passes: an endless or huge body can neither fill the
// page's memory nor outlive the timeout (a body read through arrayBuffer() did both in Node,
// measured: 15 s on an endless body with a 5 s timeout). The clock is read here too, as a
// busy stream can hold the deadline's timer back.
export async function readBody(stream, cap, deadline) {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const parts = [];
  let size = 0;
  try {
    for (;;) {
      if (deadline.remaining() <= 0) deadline.stop();
      if (deadline.state() !== 0) throw new Error("stopped");
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      size += value.length;
      if (size > cap) break;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  const out = new Uint8Array(Math.min(size, cap + 1));
  let at = 0;
  for (const part of parts) {
    if (at >= out.length) break;
    const n = Math.min(part.length, out.length - at);
    out.set(part.subarray(0, n), at);
    at += n;
  }
  return out;
}

// A body that will not be read, let go; a stream that already failed rejects, which must not
// become an unhandled rejection (Node ends the process on one).
export function discardBody(stream) {
  if (stream) stream.cancel().catch(() => {});
}

export class Deadline {
  constructor(ms, caller) {
    this.controller = new AbortController();
    this.caller = caller;
    this.end = performance.now() + ms;
    this.stop = () => this.controller.abort();
    this.timer = setTimeout(this.stop, ms);
    if (caller) {
      if (caller.aborted) this.stop();
      else caller.addEventListener("abort", this.stop);
    }
  }
  get signal() { return this.controller.signal; }
  // 0 running, 1 timed out, 2 cancelled by the caller.
  state() { return this.caller?.aborted ? 2 : this.controller.signal.aborted ? 1 : 0; }
  remaining() { return Math.max(0, this.end - performance.now()); }
  sleep(ms) {
    const signal = this.controller.signal;
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => { clearTimeout(timer); signal.removeEventListener("abort", done); resolve(); };
      const timer = setTimeout(done, ms);
      signal.addEventListener("abort", done);
    });
  }
  dispose() {
    clearTimeout(this.timer);
    this.caller?.removeEventListener("abort", this.stop);
  }
}
"#)]
extern "C" {
    /// `fields` (the serialized `ApiError`) as an `ApiError` instance, a subclass of `Error`.
    #[wasm_bindgen(js_name = apiError)]
    fn api_error(fields: &JsValue) -> JsValue;

    #[wasm_bindgen(js_name = isApiError)]
    fn is_api_error_instance(value: &JsValue) -> bool;

    /// Whether `value` can be used as an `AbortSignal` (read without trusting its getters).
    #[wasm_bindgen(js_name = isSignal)]
    fn is_signal(value: &JsValue) -> bool;

    /// One call's time budget: the timeout and the caller's signal, as one abort signal.
    type Deadline;

    #[wasm_bindgen(constructor)]
    fn new(ms: u32, caller: Option<&AbortSignal>) -> Deadline;

    #[wasm_bindgen(method, getter)]
    fn signal(this: &Deadline) -> AbortSignal;

    #[wasm_bindgen(method)]
    fn state(this: &Deadline) -> u32;

    #[wasm_bindgen(method)]
    fn remaining(this: &Deadline) -> f64;

    /// Stops the deadline now (as its timer would).
    #[wasm_bindgen(method)]
    fn stop(this: &Deadline);

    /// Resolves after `ms`, or at once when the deadline stops.
    #[wasm_bindgen(method)]
    fn sleep(this: &Deadline, ms: u32) -> js_sys::Promise;

    #[wasm_bindgen(method)]
    fn dispose(this: &Deadline);

    /// Cancels a body that will not be read.
    #[wasm_bindgen(js_name = discardBody)]
    fn discard_body(stream: Option<web_sys::ReadableStream>);

    /// A response body as bytes, at most `cap + 1` of them, within the deadline.
    #[wasm_bindgen(js_name = readBody)]
    fn read_body(
        stream: Option<web_sys::ReadableStream>,
        cap: u32,
        deadline: &Deadline,
    ) -> js_sys::Promise;
}

#[wasm_bindgen]
extern "C" {
    /// The global `fetch` (browsers, Node 20+, workerd, Deno, Bun): one binding everywhere.
    fn fetch(request: &web_sys::Request) -> js_sys::Promise;
}

/// Clears the timer and the listener on the caller's signal however the call ends, so neither
/// keeps a Node process alive nor a long-lived signal holding on to finished calls.
struct Budget(Deadline);

impl Drop for Budget {
    fn drop(&mut self) {
        self.0.dispose();
    }
}

impl Budget {
    /// The error for a call the deadline stopped, if it has.
    fn stopped(&self, locale: Locale) -> Option<ApiError> {
        match self.0.state() {
            0 => None,
            2 => Some(ApiError::aborted(locale)),
            _ => Some(ApiError::timeout(locale)),
        }
    }

    /// Why a fetch or a body read failed: the deadline, or else the network.
    fn failure(&self, locale: Locale) -> ApiError {
        self.stopped(locale)
            .unwrap_or_else(|| ApiError::network(locale))
    }
}

/// Text no parser accepts: an argument of the wrong JavaScript type (a number for an ID, an
/// object for the token) gets the same `format` error as a malformed string.
const WRONG_TYPE: &str = "\u{7f}";

/// A string argument as the core reads it: `undefined` and `null` are empty (`required`).
fn text(value: &JsValue) -> String {
    if value.is_undefined() || value.is_null() {
        return String::new();
    }
    value
        .as_string()
        .unwrap_or_else(|| String::from(WRONG_TYPE))
}

/// A body as the validation module judged it: its `validateCreate` or `validateUpdate` result
/// (`{ ok: true, value }` or `{ ok: false, errors }`), which the package's `client` entry
/// passes on. The client never validates a body itself: it has no copy of the rules.
fn checked(validation: &JsValue) -> Checked {
    let validation = read::read(validation).unwrap_or(Value::Null);
    if let (Some(Value::Bool(true)), Some(value)) = (validation.get("ok"), validation.get("value"))
    {
        let mut body = String::new();
        json::write_value(&mut body, value);
        return Checked::Valid(body);
    }
    let errors = match validation.get("errors") {
        Some(Value::Array(errors)) => errors.iter().filter_map(FieldError::from_value).collect(),
        _ => Vec::new(),
    };
    Checked::Invalid(errors)
}

/// The config and the caller's signal, or `invalid_input` with every problem in the config.
fn read_config(value: &JsValue) -> Result<(ClientConfig, Option<AbortSignal>), ApiError> {
    let member = |key: &str| {
        if value.is_object() {
            read::member(value, &JsValue::from_str(key))
        } else {
            JsValue::UNDEFINED
        }
    };
    let mut issues = Vec::new();
    let locale_value = member("locale");
    let locale = if locale_value.is_undefined() {
        Locale::En
    } else {
        locale_value
            .as_string()
            .and_then(|tag| Locale::parse(&tag))
            .unwrap_or_else(|| {
                issues.push(Issue::new("locale", Code::Format));
                Locale::En
            })
    };
    let token = text(&member("token"));
    let base_url_value = member("baseUrl");
    let base_url = (!base_url_value.is_undefined()).then(|| text(&base_url_value));
    let timeout_value = member("timeoutMs");
    let timeout_ms =
        (!timeout_value.is_undefined()).then(|| timeout_value.as_f64().unwrap_or(f64::NAN));
    let signal_value = member("signal");
    let signal = if signal_value.is_undefined() || signal_value.is_null() {
        None
    } else if is_signal(&signal_value) {
        Some(signal_value.unchecked_into::<AbortSignal>())
    } else {
        issues.push(Issue::new("signal", Code::Format));
        None
    };
    let parsed = ClientConfig::parse(&ConfigInput {
        token: &token,
        base_url: base_url.as_deref(),
        timeout_ms,
        locale,
    });
    match parsed {
        Ok(config) if issues.is_empty() => Ok((config, signal)),
        parsed => {
            let mut errors = match parsed {
                Err(error) => error.errors().to_vec(),
                Ok(_) => Vec::new(),
            };
            errors.extend(issues.into_iter().map(|i| i.render(locale)));
            Err(ApiError::invalid_input(errors, locale))
        }
    }
}

/// Plain data as JavaScript objects (`null`, not `undefined`, for null).
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    super::to_js(value).unwrap_or_else(|e| e)
}

/// A uniform random `u32` for the retry policy's jitter.
fn jitter() -> u32 {
    // `as` saturates; `random()` is below 1, so the product is below 2^32.
    (js_sys::Math::random() * 4_294_967_296.0) as u32
}

/// One attempt: the status, `Retry-After` and body, or why there is no answer.
///
/// A 2xx or 422 that does not say it is JSON is `invalid_response` without its body being read;
/// other bodies are read up to `MAX_RESPONSE_BYTES + 1` bytes (see `readBody`).
async fn attempt(
    config: &ClientConfig,
    spec: &RequestSpec,
    budget: &Budget,
) -> Result<(u16, Option<String>, Vec<u8>), ApiError> {
    let locale = config.locale;
    let request = request(spec, &budget.0.signal()).ok_or_else(|| ApiError::network(locale))?;
    let response: web_sys::Response = JsFuture::from(fetch(&request))
        .await
        .map_err(|_| budget.failure(locale))?
        .unchecked_into();
    let status = response.status();
    let retry_after = response.headers().get("Retry-After").ok().flatten();
    let content_type = response.headers().get("Content-Type").ok().flatten();
    if let Some(error) = content_type_error(config, status, content_type.as_deref()) {
        discard_body(response.body());
        return Err(error);
    }
    let cap = u32::try_from(MAX_RESPONSE_BYTES).unwrap_or(u32::MAX);
    let body = JsFuture::from(read_body(response.body(), cap, &budget.0))
        .await
        .map_err(|_| budget.failure(locale))?;
    let body = js_sys::Uint8Array::new(&body).to_vec();
    Ok((status, retry_after, body))
}

/// `spec` as a fetch `Request`, built directly with web-sys.
///
/// The token goes to this origin only: a redirect is not followed (it reads as
/// `invalid_response`), and no cookies or other ambient credentials go along.
fn request(spec: &RequestSpec, signal: &AbortSignal) -> Option<web_sys::Request> {
    let init = web_sys::RequestInit::new();
    init.set_method(spec.method.as_str());
    let headers = web_sys::Headers::new().ok()?;
    for (name, value) in &spec.headers {
        headers.set(name, value).ok()?;
    }
    init.set_headers(&headers);
    if let Some(body) = &spec.body {
        init.set_body(&JsValue::from_str(body));
    }
    init.set_signal(Some(signal));
    init.set_redirect(RequestRedirect::Manual);
    init.set_credentials(RequestCredentials::Omit);
    web_sys::Request::new_with_str_and_init(&spec.url, &init).ok()
}

/// Reads one answer: the value as JavaScript, or the error it stands for.
type Parse = fn(&ClientConfig, Operation, &HttpResponse<'_>) -> Result<JsValue, ApiError>;

fn account(
    config: &ClientConfig,
    operation: Operation,
    response: &HttpResponse<'_>,
) -> Result<JsValue, ApiError> {
    parse_account(config, operation, response).map(|account| to_js(&account))
}

fn list(
    config: &ClientConfig,
    _: Operation,
    response: &HttpResponse<'_>,
) -> Result<JsValue, ApiError> {
    parse_list(config, response).map(|list| to_js(&list))
}

/// Sends `spec` and reads the answer with `parse`, retrying as the core's policy says, all
/// within the config's timeout and the caller's signal.
///
/// `sent` becomes true once a request has gone to `fetch`: from then on a failure may leave the
/// server having done it.
async fn exchange(
    config: &ClientConfig,
    signal: Option<&AbortSignal>,
    spec: &RequestSpec,
    parse: Parse,
    sent: &Cell<bool>,
) -> Result<JsValue, ApiError> {
    let locale = config.locale;
    let budget = Budget(Deadline::new(config.timeout_ms, signal));
    let policy = RetryPolicy::default();
    let mut attempts: u32 = 0;
    loop {
        if let Some(stopped) = budget.stopped(locale) {
            return Err(stopped);
        }
        attempts = attempts.saturating_add(1);
        sent.set(true);
        let outcome =
            attempt(config, spec, &budget)
                .await
                .and_then(|(status, retry_after, body)| {
                    parse(
                        config,
                        spec.operation,
                        &HttpResponse {
                            status,
                            retry_after: retry_after.as_deref(),
                            body: &body,
                            now_unix_seconds: (js_sys::Date::now() / 1000.0) as u64,
                        },
                    )
                });
        let error = match outcome {
            Ok(value) => return Ok(value),
            Err(error) => error,
        };
        let remaining = budget.0.remaining() as u64;
        match policy.should_retry(spec.operation, &error, attempts, jitter(), remaining) {
            Some(wait_ms) => {
                // The sleep resolves (never rejects) early when the deadline stops; the loop
                // then answers with the timeout or the cancellation.
                let _ = JsFuture::from(budget.0.sleep(wait_ms)).await;
            }
            None => return Err(error),
        }
    }
}

/// A call's arguments, read from JavaScript before the call returns its promise (so a caller
/// that changes its object afterwards does not change what is sent).
enum Call {
    Create {
        workspace: String,
        body: Checked,
        /// The `Idempotency-Key` to send, as the caller gave it.
        key: Option<String>,
    },
    Update {
        workspace: String,
        account: String,
        body: Checked,
    },
    Get {
        workspace: String,
        account: String,
    },
    List {
        workspace: String,
    },
}

impl Call {
    /// The request, built by the core after it checked the IDs and validated the body.
    fn request(self, config: &ClientConfig) -> Result<(RequestSpec, Parse), ApiError> {
        Ok(match self {
            Call::Create {
                workspace,
                body,
                key,
            } => {
                let spec = create_request_checked(config, &workspace, body)?;
                let spec = match key.as_deref().map(IdempotencyKey::parse) {
                    None => spec,
                    Some(Ok(key)) => spec.with_idempotency_key(&key),
                    Some(Err(issue)) => {
                        let errors = vec![issue.render(config.locale)];
                        return Err(ApiError::invalid_input(errors, config.locale));
                    }
                };
                (spec, account)
            }
            Call::Update {
                workspace,
                account: id,
                body,
            } => (
                update_request_checked(config, &workspace, &id, body)?,
                account,
            ),
            Call::Get {
                workspace,
                account: id,
            } => (get_request(config, &workspace, &id)?, account),
            Call::List { workspace } => (list_request(config, &workspace)?, list),
        })
    }
}

/// The promise of one call: resolves with the answer as plain data, rejects with an `ApiError`.
/// One future type for all four calls, so the async machinery is in the module once.
fn start(config: JsValue, call: Call) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let sent = Cell::new(false);
        let mut operation = None;
        let key = match &call {
            Call::Create { key, .. } => key.clone(),
            _ => None,
        };
        let outcome = async {
            let (config, signal) = read_config(&config)?;
            let (spec, parse) = call.request(&config)?;
            operation = Some(spec.operation);
            exchange(&config, signal.as_ref(), &spec, parse, &sent).await
        }
        .await;
        outcome.map_err(|error| {
            let unknown = operation.is_some_and(|op| error.outcome_unknown(op, sent.get()));
            let fields = to_js(&error);
            if unknown {
                // Own and enumerable, like the other fields: `outcomeUnknown` says the server may
                // have done it; a create's key lets it be sent again without a second account.
                let _ = js_sys::Reflect::set(&fields, &"outcomeUnknown".into(), &JsValue::TRUE);
                if let Some(key) = &key {
                    let _ = js_sys::Reflect::set(&fields, &"idempotencyKey".into(), &key.into());
                }
            }
            api_error(&fields)
        })
    })
}

/// Creates a billing account in the workspace from `validation`, what `validateCreate` said of
/// the body (the package's `client` entry validates, then calls this): an invalid body or ID
/// rejects with `invalid_input` and nothing is sent. Never retried (a second try could open a second
/// account).
#[wasm_bindgen(
    js_name = createBillingAccount,
    unchecked_return_type = "Promise<BillingAccount>"
)]
pub fn create_billing_account(
    #[wasm_bindgen(unchecked_param_type = "ClientConfig")] config: JsValue,
    #[wasm_bindgen(js_name = workspaceId, unchecked_param_type = "string")] workspace_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Validation<CreateBillingAccountRequest>")]
    validation: JsValue,
    #[wasm_bindgen(js_name = idempotencyKey, unchecked_param_type = "string | undefined")]
    idempotency_key: JsValue,
) -> js_sys::Promise {
    let call = Call::Create {
        workspace: text(&workspace_id),
        body: checked(&validation),
        key: (!idempotency_key.is_undefined()).then(|| text(&idempotency_key)),
    };
    start(config, call)
}

/// Updates a billing account: absent fields stay as they are, `null` clears one. Validated
/// first, like a create; retried on network errors, 429, 502, 503 and 504.
#[wasm_bindgen(
    js_name = updateBillingAccount,
    unchecked_return_type = "Promise<BillingAccount>"
)]
pub fn update_billing_account(
    #[wasm_bindgen(unchecked_param_type = "ClientConfig")] config: JsValue,
    #[wasm_bindgen(js_name = workspaceId, unchecked_param_type = "string")] workspace_id: JsValue,
    #[wasm_bindgen(js_name = billingAccountId, unchecked_param_type = "string")]
    billing_account_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Validation<UpdateBillingAccountRequest>")]
    validation: JsValue,
) -> js_sys::Promise {
    let call = Call::Update {
        workspace: text(&workspace_id),
        account: text(&billing_account_id),
        body: checked(&validation),
    };
    start(config, call)
}

/// One billing account of the workspace.
#[wasm_bindgen(
    js_name = getBillingAccount,
    unchecked_return_type = "Promise<BillingAccount>"
)]
pub fn get_billing_account(
    #[wasm_bindgen(unchecked_param_type = "ClientConfig")] config: JsValue,
    #[wasm_bindgen(js_name = workspaceId, unchecked_param_type = "string")] workspace_id: JsValue,
    #[wasm_bindgen(js_name = billingAccountId, unchecked_param_type = "string")]
    billing_account_id: JsValue,
) -> js_sys::Promise {
    let call = Call::Get {
        workspace: text(&workspace_id),
        account: text(&billing_account_id),
    };
    start(config, call)
}

/// The workspace's billing accounts.
#[wasm_bindgen(
    js_name = listBillingAccounts,
    unchecked_return_type = "Promise<BillingAccountList>"
)]
pub fn list_billing_accounts(
    #[wasm_bindgen(unchecked_param_type = "ClientConfig")] config: JsValue,
    #[wasm_bindgen(js_name = workspaceId, unchecked_param_type = "string")] workspace_id: JsValue,
) -> js_sys::Promise {
    start(
        config,
        Call::List {
            workspace: text(&workspace_id),
        },
    )
}

/// Whether `error` is what the client's promises reject with: narrows `unknown` in a `catch`.
#[wasm_bindgen(js_name = isApiError, unchecked_return_type = "error is ApiError")]
pub fn is_api_error(#[wasm_bindgen(unchecked_param_type = "unknown")] error: JsValue) -> bool {
    is_api_error_instance(&error)
}
