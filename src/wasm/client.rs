//! The API client's pure half: each call's request checked and built, every answer read, the
//! retry decided. The fetch loop (the one deadline, the body read up to its cap, the waits between
//! tries) is JavaScript's, in `js/client-core.js`: the module then carries no futures machinery
//! and no web-sys bindings (the client entry came out 7.8 kB gzip smaller).
//!
//! A call reads its arguments into an [`Exchange`] (validating first, so an invalid body or ID is
//! refused before a URL exists); the loop sends what it holds, hands back each answer or failure,
//! and asks it whether and when to try again. The core says what every answer means.

use wasm_bindgen::prelude::*;

use crate::api::{
    content_type_error, create_request_checked, get_request, json, list_request, parse_account,
    parse_list, update_request_checked, ApiError, Checked, ClientConfig, ConfigInput, HttpResponse,
    IdempotencyKey, Operation, RequestSpec, RetryPolicy, MAX_RESPONSE_BYTES,
};
use crate::error::{Code, Issue};
use crate::i18n::Locale;
use crate::model::BillingAccount;
use crate::results::ToJson;
use crate::value::Value;

#[wasm_bindgen(inline_js = r#"
export function isSignal(value) {
  try {
    return typeof value === "object" && value !== null && typeof value.aborted === "boolean"
      && typeof value.addEventListener === "function" && typeof value.removeEventListener === "function";
  } catch {
    return false;
  }
}
"#)]
extern "C" {
    /// Whether `value` can be used as an `AbortSignal` (read without trusting its getters).
    #[wasm_bindgen(js_name = isSignal)]
    fn is_signal(value: &JsValue) -> bool;
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
/// (`{ ok: true, value }` or `{ ok: false, errors }`) as JSON text, which the package's `client`
/// entry passes on. The client never validates a body itself: it has no copy of the rules. (Text,
/// not the object: the module then needs no reader of JavaScript values, only the JSON reader it
/// has for answers.) A refused body's errors are not read here: the entry adds them to the
/// `invalid_input` error the module throws for it (see [`start`]), so the module carries no
/// reader of them.
fn checked(validation: &JsValue) -> Checked {
    let validation = validation
        .as_string()
        .and_then(|text| json::parse(text.as_bytes()))
        .unwrap_or(Value::Null);
    if let (Some(Value::Bool(true)), Some(value)) = (validation.get("ok"), validation.get("value"))
    {
        let mut body = String::new();
        json::write_value(&mut body, value);
        return Checked::Valid(body);
    }
    Checked::Invalid(Vec::new())
}

/// The config and the caller's signal, or `invalid_input` with every problem in the config.
fn read_config(value: &JsValue) -> Result<(ClientConfig, JsValue), ApiError> {
    // A getter that throws reads as NaN, which every member refuses as malformed (`format`).
    let member = |key: &str| {
        if value.is_object() {
            js_sys::Reflect::get(value, &JsValue::from_str(key))
                .unwrap_or_else(|_| JsValue::from_f64(f64::NAN))
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
        JsValue::UNDEFINED
    } else if is_signal(&signal_value) {
        signal_value
    } else {
        issues.push(Issue::new("signal", Code::Format));
        JsValue::UNDEFINED
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

/// JSON text as plain JavaScript objects (`null`, not `undefined`, for null). The results and
/// errors are written by hand (`crate::results`' writers): serde's writer and the `Serialize`
/// code then stay out of the module.
fn to_js(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or_else(|e| e)
}

/// Appends `"key":` (with a comma before it unless it opens the object) to `out`.
fn key(out: &mut String, key: &str) {
    if !out.ends_with('{') {
        out.push(',');
    }
    out.push('"');
    out.push_str(key);
    out.push_str("\":");
}

/// Appends `value`, or `null`.
fn nullable(out: &mut String, value: Option<&(impl ToJson + ?Sized)>) {
    match value {
        Some(value) => value.write_json(out),
        None => out.push_str("null"),
    }
}

/// An account as serde wrote it: every member, `null` for what it lacks.
fn write_account(out: &mut String, a: &BillingAccount) {
    out.push('{');
    key(out, "id");
    a.id.write_json(out);
    key(out, "workspace_id");
    a.workspace_id.write_json(out);
    key(out, "name");
    a.name.write_json(out);
    key(out, "email");
    a.email.write_json(out);
    key(out, "phone");
    nullable(out, a.phone.as_deref());
    key(out, "description");
    nullable(out, a.description.as_deref());
    key(out, "currency");
    a.currency.write_json(out);
    key(out, "address");
    nullable(out, a.address.as_ref());
    key(out, "created_at");
    a.created_at.write_json(out);
    key(out, "updated_at");
    a.updated_at.write_json(out);
    out.push('}');
}

/// An error's JSON: `{ kind, status?, message, errors?, retryAfterSeconds?`, left open for
/// [`fields`]' members.
fn write_error(out: &mut String, error: &ApiError) {
    out.push('{');
    key(out, "kind");
    error.kind().as_str().write_json(out);
    if let Some(status) = error.status() {
        key(out, "status");
        crate::num::push_usize(out, usize::from(status));
    }
    key(out, "message");
    error.message().write_json(out);
    if matches!(
        error,
        ApiError::InvalidInput { .. } | ApiError::Validation { .. }
    ) {
        key(out, "errors");
        error.errors().write_json(out);
    }
    if let Some(seconds) = error.retry_after_seconds() {
        key(out, "retryAfterSeconds");
        crate::num::push_usize(out, seconds as usize);
    }
}

/// Reads one answer: the value as JavaScript, or the error it stands for.
type Parse = fn(&ClientConfig, Operation, &HttpResponse<'_>) -> Result<JsValue, ApiError>;

fn account(
    config: &ClientConfig,
    operation: Operation,
    response: &HttpResponse<'_>,
) -> Result<JsValue, ApiError> {
    parse_account(config, operation, response).map(|account| {
        let mut out = String::with_capacity(256);
        write_account(&mut out, &account);
        to_js(&out)
    })
}

fn list(
    config: &ClientConfig,
    _: Operation,
    response: &HttpResponse<'_>,
) -> Result<JsValue, ApiError> {
    parse_list(config, response).map(|list| {
        let mut out = String::from("{\"data\":[");
        for (i, account) in list.data.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_account(&mut out, account);
        }
        out.push_str("],\"has_more\":");
        list.has_more.write_json(&mut out);
        out.push('}');
        to_js(&out)
    })
}

/// A call's arguments, read from JavaScript when its [`Exchange`] is made (so a caller that
/// changes its objects afterwards does not change what is sent).
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

/// One call, checked and built: what to send, and what each answer means.
///
/// The loop in `js/client-core.js` sends [`Exchange::request`] (no redirect followed: the token goes
/// to this origin only; no cookies), under one deadline of its `timeoutMs` shared with
/// [`Exchange::signal`]. It reports each try's outcome with
/// [`Exchange::failed`], [`Exchange::refused`] or [`Exchange::read`], asks [`Exchange::retry_delay`]
/// after a failure, and rejects with [`Exchange::error`] when there is no answer to give.
#[wasm_bindgen]
pub struct Exchange {
    config: ClientConfig,
    signal: JsValue,
    spec: RequestSpec,
    parse: Parse,
    /// The `Idempotency-Key` the caller gave a create, handed back when its outcome is unknown.
    key: Option<String>,
    /// The last try's failure.
    last: ApiError,
}

#[wasm_bindgen]
impl Exchange {
    /// What to send: `{ method, url, headers, body?, timeoutMs, maxResponseBytes }`, the headers
    /// as `[name, value]` pairs, the body JSON text (a create's or an update's), and the most of an
    /// answer's body that is read (one byte more is `invalid_response`). One object, not a getter
    /// each: every getter costs its own glue.
    #[wasm_bindgen(
        getter,
        unchecked_return_type = "{ method: string; url: string; headers: [string, string][]; body?: string; timeoutMs: number; maxResponseBytes: number }"
    )]
    pub fn request(&self) -> JsValue {
        let spec = &self.spec;
        let mut out = String::from("{\"method\":");
        json::write_string(&mut out, spec.method.as_str());
        out.push_str(",\"url\":");
        json::write_string(&mut out, &spec.url);
        out.push_str(",\"headers\":[");
        for (i, (name, value)) in spec.headers.iter().enumerate() {
            out.push_str(if i == 0 { "[" } else { ",[" });
            json::write_string(&mut out, name);
            out.push(',');
            json::write_string(&mut out, value);
            out.push(']');
        }
        out.push(']');
        if let Some(body) = &spec.body {
            out.push_str(",\"body\":");
            json::write_string(&mut out, body);
        }
        out.push_str(",\"timeoutMs\":");
        crate::num::push_usize(&mut out, self.config.timeout_ms as usize);
        out.push_str(",\"maxResponseBytes\":");
        crate::num::push_usize(&mut out, MAX_RESPONSE_BYTES);
        out.push('}');
        js_sys::JSON::parse(&out).unwrap_or(JsValue::UNDEFINED)
    }

    /// The caller's `AbortSignal`, or `undefined`.
    #[wasm_bindgen(getter, unchecked_return_type = "AbortSignal | undefined")]
    pub fn signal(&self) -> JsValue {
        self.signal.clone()
    }

    /// A try with no answer: `state` 0 for the network, 1 when the timeout ran out, 2 when the
    /// caller's signal cancelled it.
    pub fn failed(&mut self, state: u32) {
        let locale = self.config.locale;
        self.last = match state {
            0 => ApiError::network(locale),
            2 => ApiError::aborted(locale),
            _ => ApiError::timeout(locale),
        };
    }

    /// Whether an answer is refused for its `Content-Type` alone (a 2xx or 422 that does not say
    /// it is JSON): its body then need not be read.
    pub fn refused(&mut self, status: u16, content_type: Option<String>) -> bool {
        match content_type_error(&self.config, status, content_type.as_deref()) {
            Some(error) => {
                self.last = error;
                true
            }
            None => false,
        }
    }

    /// An answer: the value it carries, or `undefined` when it stands for an error (kept for
    /// [`Exchange::retry_delay`] and [`Exchange::error`]). `body` is at most the request's
    /// `maxResponseBytes` + 1 bytes; `now` is in milliseconds since the epoch.
    #[wasm_bindgen(unchecked_return_type = "BillingAccount | BillingAccountList | undefined")]
    pub fn read(
        &mut self,
        status: u16,
        #[wasm_bindgen(js_name = retryAfter)] retry_after: Option<String>,
        body: &[u8],
        now: f64,
    ) -> JsValue {
        let response = HttpResponse {
            status,
            retry_after: retry_after.as_deref(),
            body,
            // `as` saturates: a clock before the epoch reads as the epoch.
            now_unix_seconds: (now / 1000.0) as u64,
        };
        match (self.parse)(&self.config, self.spec.operation, &response) {
            Ok(value) => value,
            Err(error) => {
                self.last = error;
                JsValue::UNDEFINED
            }
        }
    }

    /// After the last try failed, having made `attempts` tries with `remaining_ms` of the
    /// deadline left: how long to wait before the next, or `undefined` for none. `jitter` is a
    /// uniform random `u32`.
    #[wasm_bindgen(js_name = retryDelay)]
    pub fn retry_delay(&self, attempts: u32, jitter: u32, remaining_ms: f64) -> Option<u32> {
        RetryPolicy::default().should_retry(
            self.spec.operation,
            &self.last,
            attempts,
            jitter,
            remaining_ms as u64,
        )
    }

    /// The last failure as the fields of an `ApiError`; `sent` says whether a try reached
    /// `fetch`, so a create or update that may have landed says its outcome is unknown.
    #[wasm_bindgen(unchecked_return_type = "ApiError")]
    pub fn error(&self, sent: bool) -> JsValue {
        fields(
            &self.last,
            self.last.outcome_unknown(self.spec.operation, sent),
            self.key.as_deref(),
            false,
        )
    }
}

/// An error's fields as a plain object: what `js/client-core.js` makes an `ApiError` of. The
/// extra members are written into the text (setting them on the object afterwards costs glue).
fn fields(error: &ApiError, unknown: bool, key: Option<&str>, body_errors: bool) -> JsValue {
    let mut out = String::with_capacity(128);
    write_error(&mut out, error);
    if unknown {
        // `outcomeUnknown` says the server may have done it; a create's key lets it be sent again
        // without a second account.
        out.push_str(",\"outcomeUnknown\":true");
        if let Some(key) = key {
            out.push_str(",\"idempotencyKey\":");
            json::write_string(&mut out, key);
        }
    }
    if body_errors {
        out.push_str(",\"bodyErrors\":true");
    }
    out.push('}');
    to_js(&out)
}

/// The exchange for `call`, or the `invalid_input` error's fields (thrown) when its config, IDs
/// or body are wrong: nothing is sent then. When the body is refused (and the config is not), the
/// fields say `bodyErrors: true`: `js/client-core.js` then puts the judgement's errors after the
/// IDs' ones, where the core's own `invalid_input` has them.
fn start(config: &JsValue, call: Call) -> Result<Exchange, JsValue> {
    let (key, refused_body) = match &call {
        Call::Create { key, body, .. } => (key.clone(), matches!(body, Checked::Invalid(_))),
        Call::Update { body, .. } => (None, matches!(body, Checked::Invalid(_))),
        _ => (None, false),
    };
    let (config, signal) = read_config(config).map_err(|e| fields(&e, false, None, false))?;
    let (spec, parse) = call
        .request(&config)
        .map_err(|e| fields(&e, false, None, refused_body))?;
    let last = ApiError::network(config.locale);
    Ok(Exchange {
        config,
        signal,
        spec,
        parse,
        key,
        last,
    })
}

/// A create in the workspace from `validation`, what `validateCreate` said of the body as JSON
/// text (the package's `client` entry validates, then calls this). Never retried: a second try could open a
/// second account.
#[wasm_bindgen(js_name = createBillingAccount)]
pub fn create_billing_account(
    #[wasm_bindgen(unchecked_param_type = "ClientConfig")] config: JsValue,
    #[wasm_bindgen(js_name = workspaceId, unchecked_param_type = "string")] workspace_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] validation: JsValue,
    #[wasm_bindgen(js_name = idempotencyKey, unchecked_param_type = "string | undefined")]
    idempotency_key: JsValue,
) -> Result<Exchange, JsValue> {
    let call = Call::Create {
        workspace: text(&workspace_id),
        body: checked(&validation),
        key: (!idempotency_key.is_undefined()).then(|| text(&idempotency_key)),
    };
    start(&config, call)
}

/// An update: absent fields stay as they are, `null` clears one. Retried on network errors, 429,
/// 502, 503 and 504.
#[wasm_bindgen(js_name = updateBillingAccount)]
pub fn update_billing_account(
    #[wasm_bindgen(unchecked_param_type = "ClientConfig")] config: JsValue,
    #[wasm_bindgen(js_name = workspaceId, unchecked_param_type = "string")] workspace_id: JsValue,
    #[wasm_bindgen(js_name = billingAccountId, unchecked_param_type = "string")]
    billing_account_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] validation: JsValue,
) -> Result<Exchange, JsValue> {
    let call = Call::Update {
        workspace: text(&workspace_id),
        account: text(&billing_account_id),
        body: checked(&validation),
    };
    start(&config, call)
}

/// One billing account of the workspace.
#[wasm_bindgen(js_name = getBillingAccount)]
pub fn get_billing_account(
    #[wasm_bindgen(unchecked_param_type = "ClientConfig")] config: JsValue,
    #[wasm_bindgen(js_name = workspaceId, unchecked_param_type = "string")] workspace_id: JsValue,
    #[wasm_bindgen(js_name = billingAccountId, unchecked_param_type = "string")]
    billing_account_id: JsValue,
) -> Result<Exchange, JsValue> {
    let call = Call::Get {
        workspace: text(&workspace_id),
        account: text(&billing_account_id),
    };
    start(&config, call)
}

/// The workspace's billing accounts.
#[wasm_bindgen(js_name = listBillingAccounts)]
pub fn list_billing_accounts(
    #[wasm_bindgen(unchecked_param_type = "ClientConfig")] config: JsValue,
    #[wasm_bindgen(js_name = workspaceId, unchecked_param_type = "string")] workspace_id: JsValue,
) -> Result<Exchange, JsValue> {
    start(
        &config,
        Call::List {
            workspace: text(&workspace_id),
        },
    )
}
