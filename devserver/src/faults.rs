//! Fault injection and request counts for tests, present only with `--faults`.
//!
//! Faults are queued with `POST /__faults` and applied to the next API requests they match
//! (method, path prefix, a text the body contains), each `times` times:
//!
//! ```json
//! {"method": "PATCH", "path": "/workspaces/ws_pooled/billing-accounts/cus_x",
//!  "fault": "status", "status": 503, "retry_after": "1", "times": 1}
//! ```
//!
//! `fault` is `delay` (wait `delay_ms`, then answer normally), `status` (answer `status` with
//! `body`, `content_type` and `retry_after` if given), `malformed` (a 200 whose JSON is cut off),
//! or `drop` (close the connection without answering). Any fault may carry `delay_ms`.
//! `GET /__stats` counts requests by method and route and by method and path, so a test can
//! tell whether a client repeated a request.

use std::collections::BTreeMap;

use serde_json::{json, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Delay,
    Status {
        status: u16,
        retry_after: Option<String>,
        body: Option<String>,
        content_type: Option<String>,
    },
    Malformed,
    Drop,
}

#[derive(Debug, Clone)]
pub struct Fault {
    pub id: u64,
    method: Option<String>,
    path: Option<String>,
    body_contains: Option<String>,
    pub action: Action,
    pub delay_ms: u64,
    remaining: u32,
    hits: u32,
}

impl Fault {
    /// A fault from its JSON description, or what is wrong with it.
    pub fn parse(id: u64, v: &Value) -> Result<Fault, String> {
        let text = |key: &str| -> Result<Option<String>, String> {
            match v.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(Value::Number(n)) if key == "retry_after" => Ok(Some(n.to_string())),
                Some(_) => Err(format!("\"{key}\" must be a string")),
            }
        };
        let number = |key: &str, default: u64, max: u64| -> Result<u64, String> {
            match v.get(key) {
                None | Some(Value::Null) => Ok(default),
                Some(n) => n
                    .as_u64()
                    .filter(|n| *n <= max)
                    .ok_or_else(|| format!("\"{key}\" must be a whole number up to {max}")),
            }
        };
        let action = match text("fault")?.as_deref() {
            Some("delay") => Action::Delay,
            Some("status") => Action::Status {
                status: u16::try_from(number("status", 503, 599)?)
                    .ok()
                    .filter(|s| *s >= 200)
                    .ok_or("\"status\" must be from 200 to 599")?,
                retry_after: text("retry_after")?,
                body: text("body")?,
                content_type: text("content_type")?,
            },
            Some("malformed") => Action::Malformed,
            Some("drop") => Action::Drop,
            _ => return Err("\"fault\" must be one of delay, status, malformed, drop".into()),
        };
        let method = text("method")?.map(|m| m.to_ascii_uppercase());
        Ok(Fault {
            id,
            method,
            path: text("path")?,
            body_contains: text("body_contains")?,
            action,
            delay_ms: number("delay_ms", 0, 120_000)?,
            remaining: u32::try_from(number("times", 1, 1_000)?).unwrap_or(1),
            hits: 0,
        })
    }

    fn matches(&self, method: &str, path: &str, body: &[u8]) -> bool {
        self.remaining > 0
            && self.method.as_deref().is_none_or(|m| m == method)
            && self.path.as_deref().is_none_or(|p| path.starts_with(p))
            && self
                .body_contains
                .as_deref()
                .is_none_or(|needle| String::from_utf8_lossy(body).contains(needle))
    }

    pub fn describe(&self) -> Value {
        json!({
            "id": self.id,
            "method": self.method,
            "path": self.path,
            "body_contains": self.body_contains,
            "fault": match self.action {
                Action::Delay => "delay",
                Action::Status { .. } => "status",
                Action::Malformed => "malformed",
                Action::Drop => "drop",
            },
            "delay_ms": self.delay_ms,
            "remaining": self.remaining,
            "hits": self.hits,
        })
    }
}

/// Queued faults and request counts.
#[derive(Debug, Default)]
pub struct Faults {
    queue: Vec<Fault>,
    next_id: u64,
    by_route: BTreeMap<String, u64>,
    by_path: BTreeMap<String, u64>,
}

impl Faults {
    pub fn add(&mut self, v: &Value) -> Result<Value, String> {
        self.next_id += 1;
        let fault = Fault::parse(self.next_id, v)?;
        let described = fault.describe();
        self.queue.push(fault);
        Ok(described)
    }

    pub fn clear(&mut self) {
        self.queue.clear();
    }

    pub fn list(&self) -> Value {
        Value::Array(self.queue.iter().map(Fault::describe).collect())
    }

    pub fn get(&self, id: u64) -> Option<Value> {
        self.queue.iter().find(|f| f.id == id).map(Fault::describe)
    }

    /// Counts an API request, then takes the first fault it matches (if any).
    pub fn on_request(
        &mut self,
        method: &str,
        route: &str,
        path: &str,
        body: &[u8],
    ) -> Option<Fault> {
        *self
            .by_route
            .entry(format!("{method} {route}"))
            .or_default() += 1;
        *self.by_path.entry(format!("{method} {path}")).or_default() += 1;
        let fault = self
            .queue
            .iter_mut()
            .find(|f| f.matches(method, path, body))?;
        fault.remaining -= 1;
        fault.hits += 1;
        Some(fault.clone())
    }

    pub fn stats(&self) -> Value {
        json!({"routes": self.by_route, "paths": self.by_path})
    }

    pub fn reset_stats(&mut self) {
        self.by_route.clear();
        self.by_path.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_match_method_path_and_body_then_run_out() {
        let mut f = Faults::default();
        f.add(&json!({"method": "patch", "path": "/workspaces/ws_pooled/", "body_contains": "zz", "fault": "drop", "times": 2}))
            .unwrap();
        let r = "/workspaces/{workspaceId}/billing-accounts/{billingAccountId}";
        let p = "/workspaces/ws_pooled/billing-accounts/cus_1";
        assert!(f.on_request("GET", r, p, b"zz").is_none());
        assert!(f
            .on_request(
                "PATCH",
                r,
                "/workspaces/ws_single/billing-accounts/cus_1",
                b"zz"
            )
            .is_none());
        assert!(f.on_request("PATCH", r, p, b"{}").is_none());
        assert_eq!(
            f.on_request("PATCH", r, p, b"{\"zz\":1}").unwrap().action,
            Action::Drop
        );
        assert!(f.on_request("PATCH", r, p, b"zz").is_some());
        assert!(f.on_request("PATCH", r, p, b"zz").is_none());
        assert_eq!(f.list()[0]["hits"], 2);
        assert_eq!(f.stats()["paths"][format!("PATCH {p}")], 4);
        assert_eq!(f.stats()["routes"][format!("GET {r}")], 1);
    }

    #[test]
    fn bad_descriptions_are_refused() {
        let mut f = Faults::default();
        for bad in [
            json!({}),
            json!({"fault": "explode"}),
            json!({"fault": "status", "status": 700}),
            json!({"fault": "status", "status": 100}),
            json!({"fault": "delay", "delay_ms": -1}),
            json!({"fault": "drop", "times": "x"}),
            json!({"fault": "drop", "path": 5}),
        ] {
            assert!(f.add(&bad).is_err(), "{bad}");
        }
        assert_eq!(
            f.add(&json!({"fault": "status", "retry_after": 1}))
                .unwrap()["fault"],
            "status"
        );
    }
}
