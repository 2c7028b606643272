//! Requests as data: the method, URL, headers and body of each call, built only from valid input.

use core::fmt;

use crate::error::Issue;
use crate::model::{Address, CreateBillingAccountRequest, Patch, UpdateBillingAccountRequest};
use crate::validate::{validate_create, validate_update};
use crate::value::Value;
use crate::Validation;

use super::config::{invalid, BillingAccountId, ClientConfig, IdempotencyKey, WorkspaceId};
use super::error::ApiError;
use super::json::ObjectWriter;

/// The four calls of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    Create,
    Update,
    Get,
    List,
}

impl Operation {
    pub fn method(self) -> Method {
        match self {
            Operation::Create => Method::Post,
            Operation::Update => Method::Patch,
            Operation::Get | Operation::List => Method::Get,
        }
    }

    /// Whether trying again cannot do harm: never a create, which could open a second
    /// Stripe customer; a get, a list, and an update (which sets the same values again).
    pub fn may_repeat(self) -> bool {
        !matches!(self, Operation::Create)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Patch,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
        }
    }
}

/// One HTTP request, ready for a transport to send. Its `Debug` hides the `Authorization` value.
#[derive(Clone, PartialEq, Eq)]
pub struct RequestSpec {
    pub operation: Operation,
    pub method: Method,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
}

impl RequestSpec {
    /// This request with an `Idempotency-Key` header: a create sent again with the same key is
    /// answered with the first answer by a server that honours it, and creates nothing.
    pub fn with_idempotency_key(mut self, key: &IdempotencyKey) -> RequestSpec {
        self.headers
            .push(("Idempotency-Key", String::from(key.as_str())));
        self
    }
}

impl fmt::Debug for RequestSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Headers<'a>(&'a [(&'static str, String)]);
        impl fmt::Debug for Headers<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut list = f.debug_list();
                for (name, value) in self.0 {
                    if name.eq_ignore_ascii_case("authorization") {
                        list.entry(&(name, "Bearer <redacted>"));
                    } else {
                        list.entry(&(name, value));
                    }
                }
                list.finish()
            }
        }
        f.debug_struct("RequestSpec")
            .field("operation", &self.operation)
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &Headers(&self.headers))
            .field("body", &self.body)
            .finish()
    }
}

/// Appends `segment` to `url` as one path segment, percent-encoding all but unreserved characters.
fn push_segment(url: &mut String, segment: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    url.push('/');
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            url.push(char::from(b));
        } else {
            url.push('%');
            url.push(char::from(
                HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'),
            ));
            url.push(char::from(
                HEX.get(usize::from(b & 0xF)).copied().unwrap_or(b'0'),
            ));
        }
    }
}

/// `{base}/workspaces/{workspace}/billing-accounts[/{account}]`.
pub fn url(
    config: &ClientConfig,
    workspace: &WorkspaceId,
    account: Option<&BillingAccountId>,
) -> String {
    let mut url = String::from(config.base_url.as_str());
    url.push_str("/workspaces");
    push_segment(&mut url, workspace.as_str());
    url.push_str("/billing-accounts");
    if let Some(account) = account {
        push_segment(&mut url, account.as_str());
    }
    url
}

fn spec(
    config: &ClientConfig,
    operation: Operation,
    url: String,
    body: Option<String>,
) -> RequestSpec {
    let mut headers = vec![
        ("Authorization", config.token.authorization()),
        ("Accept", String::from("application/json")),
    ];
    if body.is_some() {
        headers.push(("Content-Type", String::from("application/json")));
    }
    RequestSpec {
        operation,
        method: operation.method(),
        url,
        headers,
        body,
    }
}

/// Collects the issues of the IDs; the parsed IDs when there are none.
struct Ids {
    issues: Vec<Issue>,
    workspace: Option<WorkspaceId>,
    account: Option<BillingAccountId>,
}

impl Ids {
    fn parse(workspace: &str, account: Option<&str>) -> Ids {
        let mut issues = Vec::new();
        let workspace = WorkspaceId::parse(workspace)
            .map_err(|i| issues.push(i))
            .ok();
        let account =
            account.and_then(|a| BillingAccountId::parse(a).map_err(|i| issues.push(i)).ok());
        Ids {
            issues,
            workspace,
            account,
        }
    }
}

/// A body as validation left it: the normalized request's JSON, or the errors that refuse it.
///
/// The wasm client receives bodies the validation module already checked, so it carries no
/// second copy of the rules; native callers use [`create_request`] and [`update_request`],
/// which validate first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked {
    Valid(String),
    Invalid(Vec<crate::FieldError>),
}

impl Checked {
    fn of<T>(validation: Validation<T>, body: impl FnOnce(&T) -> String) -> Checked {
        match validation {
            Validation::Valid { value, .. } => Checked::Valid(body(&value)),
            Validation::Invalid { errors, .. } => Checked::Invalid(errors),
        }
    }
}

/// `POST …/billing-accounts`: the body validated first; any invalid ID or field is
/// `invalid_input` with every error, and nothing is built.
pub fn create_request(
    config: &ClientConfig,
    workspace_id: &str,
    input: &Value,
) -> Result<RequestSpec, ApiError> {
    let checked = Checked::of(validate_create(input, config.locale), create_body);
    create_request_checked(config, workspace_id, checked)
}

/// [`create_request`] for a body that validation already checked.
pub fn create_request_checked(
    config: &ClientConfig,
    workspace_id: &str,
    body: Checked,
) -> Result<RequestSpec, ApiError> {
    let ids = Ids::parse(workspace_id, None);
    let (workspace, body) = match (ids.workspace, body) {
        (Some(w), Checked::Valid(body)) if ids.issues.is_empty() => (w, body),
        (_, body) => return Err(refused(ids.issues, body, config)),
    };
    Ok(spec(
        config,
        Operation::Create,
        url(config, &workspace, None),
        Some(body),
    ))
}

/// `PATCH …/billing-accounts/{id}`: absent fields stay as they are, `null` clears.
pub fn update_request(
    config: &ClientConfig,
    workspace_id: &str,
    billing_account_id: &str,
    patch: &Value,
) -> Result<RequestSpec, ApiError> {
    let checked = Checked::of(validate_update(patch, config.locale), update_body);
    update_request_checked(config, workspace_id, billing_account_id, checked)
}

/// [`update_request`] for a patch that validation already checked.
pub fn update_request_checked(
    config: &ClientConfig,
    workspace_id: &str,
    billing_account_id: &str,
    patch: Checked,
) -> Result<RequestSpec, ApiError> {
    let ids = Ids::parse(workspace_id, Some(billing_account_id));
    let (workspace, account, body) = match (ids.workspace, ids.account, patch) {
        (Some(w), Some(a), Checked::Valid(body)) if ids.issues.is_empty() => (w, a, body),
        (_, _, patch) => return Err(refused(ids.issues, patch, config)),
    };
    let url = url(config, &workspace, Some(&account));
    Ok(spec(config, Operation::Update, url, Some(body)))
}

/// `GET …/billing-accounts/{id}`.
pub fn get_request(
    config: &ClientConfig,
    workspace_id: &str,
    billing_account_id: &str,
) -> Result<RequestSpec, ApiError> {
    let ids = Ids::parse(workspace_id, Some(billing_account_id));
    match (ids.workspace, ids.account) {
        (Some(w), Some(a)) if ids.issues.is_empty() => Ok(spec(
            config,
            Operation::Get,
            url(config, &w, Some(&a)),
            None,
        )),
        _ => Err(invalid(ids.issues, config.locale)),
    }
}

/// `GET …/billing-accounts`.
pub fn list_request(config: &ClientConfig, workspace_id: &str) -> Result<RequestSpec, ApiError> {
    let ids = Ids::parse(workspace_id, None);
    match ids.workspace {
        Some(w) if ids.issues.is_empty() => {
            Ok(spec(config, Operation::List, url(config, &w, None), None))
        }
        _ => Err(invalid(ids.issues, config.locale)),
    }
}

/// The ID issues first (they name the URL), then the body's errors as validation gave them.
fn refused(id_issues: Vec<Issue>, body: Checked, config: &ClientConfig) -> ApiError {
    let mut errors: Vec<crate::FieldError> = id_issues
        .into_iter()
        .map(|i| i.render(config.locale))
        .collect();
    if let Checked::Invalid(body_errors) = body {
        errors.extend(body_errors);
    }
    ApiError::invalid_input(errors, config.locale)
}

fn address_json(address: &Address) -> String {
    let mut w = ObjectWriter::new();
    let members = [
        ("country", &address.country),
        ("line1", &address.line1),
        ("line2", &address.line2),
        ("city", &address.city),
        ("state", &address.state),
        ("postal_code", &address.postal_code),
    ];
    for (key, value) in members {
        if let Some(v) = value {
            w.string(key, v);
        }
    }
    w.finish()
}

/// The create body's JSON: what serde would write for the request, without serde_json.
pub fn create_body(request: &CreateBillingAccountRequest) -> String {
    let mut w = ObjectWriter::new();
    w.string("name", &request.name);
    w.string("email", &request.email);
    if let Some(phone) = &request.phone {
        w.string("phone", phone);
    }
    if let Some(description) = &request.description {
        w.string("description", description);
    }
    if let Some(currency) = request.currency {
        w.string("currency", currency.as_str());
    }
    if let Some(address) = &request.address {
        w.raw("address", &address_json(address));
    }
    w.finish()
}

fn patch_string(w: &mut ObjectWriter, key: &str, patch: &Patch<String>) {
    match patch {
        Patch::Absent => {}
        Patch::Null => w.null(key),
        Patch::Value(v) => w.string(key, v),
    }
}

/// The update body's JSON: only what changes; `null` where a field is cleared.
pub fn update_body(request: &UpdateBillingAccountRequest) -> String {
    let mut w = ObjectWriter::new();
    if let Some(name) = &request.name {
        w.string("name", name);
    }
    if let Some(email) = &request.email {
        w.string("email", email);
    }
    patch_string(&mut w, "phone", &request.phone);
    patch_string(&mut w, "description", &request.description);
    match &request.address {
        Patch::Absent => {}
        Patch::Null => w.null("address"),
        Patch::Value(address) => w.raw("address", &address_json(address)),
    }
    w.finish()
}
