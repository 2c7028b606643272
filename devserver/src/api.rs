//! The billing-accounts API of DESIGN §1, validated with the library's core and answering
//! errors as Laravel does (422 bodies in Laravel's default English wording).

use billing_account_form::api::json::ObjectWriter;
use billing_account_form::api::laravel::server_message;
use billing_account_form::{
    validate_create, validate_update, Address, BillingAccount, Currency, FieldError, Locale, Patch,
    Validation, Value,
};
use serde_json::json;

use crate::app::App;
use crate::clock;
use crate::idempotency::{self, Seen};
use crate::message::{Request, Response};
use crate::store::{mode_of, Mode};

pub const LIST_ROUTE: &str = "/workspaces/{workspaceId}/billing-accounts";
pub const ACCOUNT_ROUTE: &str = "/workspaces/{workspaceId}/billing-accounts/{billingAccountId}";

/// Which API route a path is, with its workspace and account segments.
pub fn route(path: &str) -> Option<(&'static str, &str, Option<&str>)> {
    let rest = path.strip_prefix("/workspaces/")?;
    let mut parts = rest.split('/');
    let workspace = parts.next()?;
    if parts.next()? != "billing-accounts" {
        return None;
    }
    match (parts.next(), parts.next()) {
        (None, _) => Some((LIST_ROUTE, workspace, None)),
        (Some(id), None) if !id.is_empty() => Some((ACCOUNT_ROUTE, workspace, Some(id))),
        _ => None,
    }
}

fn message(status: u16, text: &str) -> Response {
    Response::json(status, &json!({ "message": text }))
}

/// The account as the API returns it, members in the reference's order, `null` where empty.
pub fn account_json(a: &BillingAccount) -> String {
    let nullable = |w: &mut ObjectWriter, key: &str, value: &Option<String>| match value {
        Some(v) => w.string(key, v),
        None => w.null(key),
    };
    let mut w = ObjectWriter::new();
    w.string("id", &a.id);
    w.string("workspace_id", &a.workspace_id);
    w.string("name", &a.name);
    w.string("email", &a.email);
    nullable(&mut w, "phone", &a.phone);
    nullable(&mut w, "description", &a.description);
    w.string("currency", a.currency.as_str());
    match &a.address {
        None => w.null("address"),
        Some(ad) => {
            let mut aw = ObjectWriter::new();
            nullable(&mut aw, "country", &ad.country);
            nullable(&mut aw, "line1", &ad.line1);
            nullable(&mut aw, "line2", &ad.line2);
            nullable(&mut aw, "city", &ad.city);
            nullable(&mut aw, "state", &ad.state);
            nullable(&mut aw, "postal_code", &ad.postal_code);
            w.raw("address", &aw.finish());
        }
    }
    w.string("created_at", &a.created_at);
    w.string("updated_at", &a.updated_at);
    w.finish()
}

fn json_response(status: u16, text: String) -> Response {
    Response::new(status).body("application/json", text)
}

/// The body as Laravel reads it: a JSON object or array; anything else (not JSON, a string,
/// a number) is no input at all.
fn body_value(body: &[u8]) -> Value {
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(v) if v.is_object() || v.is_array() => Value::from(&v),
        _ => Value::Null,
    }
}

/// Laravel's 422: `{"message": first (and N more errors), "errors": {path: [message]}}`,
/// in the order validation found them.
pub fn unprocessable(errors: &[FieldError]) -> Response {
    let messages: Vec<(&str, String)> = errors
        .iter()
        .map(|e| (e.path(), server_message(&e.issue)))
        .collect();
    let mut summary = messages.first().map(|(_, m)| m.clone()).unwrap_or_default();
    match messages.len() {
        0 | 1 => {}
        2 => summary.push_str(" (and 1 more error)"),
        n => summary.push_str(&format!(" (and {} more errors)", n - 1)),
    }
    // In order: serde_json's map would sort the paths.
    let mut errors_object = ObjectWriter::new();
    for (path, text) in &messages {
        let mut list = String::from("[");
        billing_account_form::api::json::write_string(&mut list, text);
        list.push(']');
        errors_object.raw(path, &list);
    }
    let mut w = ObjectWriter::new();
    w.string("message", &summary);
    w.raw("errors", &errors_object.finish());
    json_response(422, w.finish())
}

/// An address with nothing in it is no address.
fn address_or_none(address: Address) -> Option<Address> {
    (address != Address::default()).then_some(address)
}

/// Saves the store when it is backed by a file; on failure the change is undone by the caller.
fn persist(app: &App, store: &crate::store::Store) -> Result<(), Response> {
    match &app.data {
        None => Ok(()),
        Some(path) => store.save(path).map_err(|e| {
            eprintln!("devserver: cannot write {}: {e}", path.display());
            message(500, "Server Error")
        }),
    }
}

/// Answers an authenticated request on an API route.
pub fn handle(
    app: &App,
    request: &Request,
    route: &str,
    workspace: &str,
    id: Option<&str>,
) -> Response {
    let Some(mode) = mode_of(workspace) else {
        return message(404, "Workspace not found.");
    };
    match (request.method.as_str(), route, id) {
        ("GET", LIST_ROUTE, _) => list(app, workspace),
        ("POST", LIST_ROUTE, _) => create(
            app,
            workspace,
            mode,
            &request.body,
            request.header("idempotency-key"),
        ),
        ("GET", ACCOUNT_ROUTE, Some(id)) => get(app, workspace, id),
        ("PATCH", ACCOUNT_ROUTE, Some(id)) => update(app, workspace, id, &request.body),
        (_, LIST_ROUTE, _) => message(
            405,
            "The method is not supported for this route. Supported methods: GET, POST.",
        )
        .header("Allow", "GET, POST, OPTIONS"),
        _ => message(
            405,
            "The method is not supported for this route. Supported methods: GET, PATCH.",
        )
        .header("Allow", "GET, PATCH, OPTIONS"),
    }
}

fn list(app: &App, workspace: &str) -> Response {
    let store = app.store();
    let data: Vec<String> = store.in_workspace(workspace).map(account_json).collect();
    // At most ten accounts a workspace: one page holds them all.
    json_response(
        200,
        format!("{{\"data\":[{}],\"has_more\":false}}", data.join(",")),
    )
}

fn get(app: &App, workspace: &str, id: &str) -> Response {
    match app.store().find(workspace, id) {
        Some(account) => json_response(200, account_json(account)),
        None => message(404, "Billing account not found."),
    }
}

/// A create; with an `Idempotency-Key`, a repeat gets the first answer (see `idempotency`).
fn create(app: &App, workspace: &str, mode: Mode, body: &[u8], key: Option<&str>) -> Response {
    let key = match key {
        None => None,
        Some(k) if idempotency::valid_key(k) => Some((k, idempotency::fingerprint(body))),
        Some(_) => {
            return message(
                400,
                "The Idempotency-Key header must be 1 to 255 visible ASCII characters.",
            )
        }
    };
    let arrived = std::time::Instant::now();
    let mut store = app.store();
    if let Some((k, fingerprint)) = &key {
        match store.idempotency.check(workspace, k, fingerprint, arrived) {
            Seen::New => {}
            Seen::Replay { status, answer } => {
                return json_response(status, answer).header("Idempotent-Replayed", "true")
            }
            Seen::Mismatch => {
                return message(
                    422,
                    "This Idempotency-Key was used in the last 24 hours with a different body; use a new key for a new billing account.",
                )
            }
        }
    }
    let request = match validate_create(&body_value(body), Locale::En) {
        Validation::Invalid { errors, .. } => return unprocessable(&errors),
        Validation::Valid { value, .. } => value,
    };
    let count = store.in_workspace(workspace).count();
    let limit = mode.limit();
    if count >= limit {
        let allows = if limit == 1 {
            "1 billing account".to_string()
        } else {
            format!("up to {limit} billing accounts")
        };
        return message(
            409,
            &format!(
                "Workspace {workspace} is in {} billing mode, which allows {allows}; it already has {count}.",
                mode.as_str()
            ),
        );
    }
    let now = clock::timestamp_now();
    let account = BillingAccount {
        id: store.new_id(),
        workspace_id: workspace.to_string(),
        name: request.name,
        email: request.email,
        phone: request.phone,
        description: request.description,
        currency: request.currency.unwrap_or(Currency::Usd),
        address: request.address.and_then(address_or_none),
        created_at: now.clone(),
        updated_at: now,
    };
    store.accounts.push(account.clone());
    if let Err(response) = persist(app, &store) {
        store.accounts.pop();
        return response;
    }
    let answer = account_json(&account);
    if let Some((k, fingerprint)) = key {
        store
            .idempotency
            .remember(workspace, k, fingerprint, 201, answer.clone(), arrived);
    }
    json_response(201, answer)
}

fn update(app: &App, workspace: &str, id: &str, body: &[u8]) -> Response {
    let mut store = app.store();
    let Some(before) = store.find(workspace, id).cloned() else {
        return message(404, "Billing account not found.");
    };
    let patch = match validate_update(&body_value(body), Locale::En) {
        Validation::Invalid { errors, .. } => return unprocessable(&errors),
        Validation::Valid { value, .. } => value,
    };
    let Some(account) = store.find_mut(workspace, id) else {
        return message(404, "Billing account not found.");
    };
    if let Some(name) = patch.name {
        account.name = name;
    }
    if let Some(email) = patch.email {
        account.email = email;
    }
    let apply = |field: &mut Option<String>, p: Patch<String>| match p {
        Patch::Absent => {}
        Patch::Null => *field = None,
        Patch::Value(v) => *field = Some(v),
    };
    apply(&mut account.phone, patch.phone);
    apply(&mut account.description, patch.description);
    match patch.address {
        Patch::Absent => {}
        Patch::Null => account.address = None,
        // The address is replaced whole: the request cannot say a line is to be kept.
        Patch::Value(a) => account.address = address_or_none(a),
    }
    account.updated_at = clock::timestamp_now();
    let updated = account.clone();
    if let Err(response) = persist(app, &store) {
        if let Some(account) = store.find_mut(workspace, id) {
            *account = before;
        }
        return response;
    }
    json_response(200, account_json(&updated))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes() {
        assert_eq!(
            route("/workspaces/ws_a/billing-accounts"),
            Some((LIST_ROUTE, "ws_a", None))
        );
        assert_eq!(
            route("/workspaces/ws_a/billing-accounts/cus_b"),
            Some((ACCOUNT_ROUTE, "ws_a", Some("cus_b")))
        );
        for other in [
            "/workspaces",
            "/workspaces/ws_a",
            "/workspaces/ws_a/accounts",
            "/workspaces/ws_a/billing-accounts/",
            "/workspaces/ws_a/billing-accounts/cus_b/x",
        ] {
            assert_eq!(route(other), None, "{other}");
        }
    }
}
