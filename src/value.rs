//! The untyped input a body arrives as, before validation walks it (as the server walks its array).

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::string::String;
use std::vec::Vec;

/// A JSON-like value. The wasm shell fills it from a JavaScript value, native code from JSON.
///
/// `undefined` never appears: it counts as absent, as JSON drops it. Keys keep their order;
/// a repeated key means its last value, as in `JSON.parse` and PHP's `json_decode`.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
    /// Something JSON cannot carry (a function, a symbol, a BigInt): never valid, never coerced.
    Unsupported,
}

impl Value {
    /// The member `key` of an object (or index of an array, as PHP arrays are both).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            Value::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        }
    }

    /// The keys of an object or array (indices as text), each once, in order.
    pub fn keys(&self) -> Vec<Cow<'_, str>> {
        match self {
            Value::Object(members) => {
                // A set, not a scan of the keys so far: a hostile body may have a million keys.
                let mut seen = BTreeSet::new();
                members
                    .iter()
                    .filter(|(k, _)| seen.insert(k.as_str()))
                    .map(|(k, _)| Cow::Borrowed(k.as_str()))
                    .collect()
            }
            Value::Array(items) => (0..items.len())
                .map(|i| Cow::Owned(crate::num::usize_text(i)))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether this is a container (a PHP array): a JSON object or array.
    pub fn is_container(&self) -> bool {
        matches!(self, Value::Object(_) | Value::Array(_))
    }

    /// Whether this is an empty container, which the server's `required` treats as missing.
    pub fn is_empty_container(&self) -> bool {
        match self {
            Value::Object(m) => m.is_empty(),
            Value::Array(a) => a.is_empty(),
            _ => false,
        }
    }

    /// A copy as the server's middleware leaves it: every string, at any depth, trimmed,
    /// and strings that trim to nothing replaced by `null`.
    pub fn normalized(&self) -> Value {
        match self {
            Value::String(s) => match crate::text::normalize(s) {
                Some(t) => Value::String(String::from(t)),
                None => Value::Null,
            },
            Value::Array(items) => Value::Array(items.iter().map(Value::normalized).collect()),
            Value::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), v.normalized()))
                    .collect(),
            ),
            other => other.clone(),
        }
    }
}

impl Value {
    /// [`Value::normalized`], reusing this value's storage instead of copying it.
    pub fn into_normalized(self) -> Value {
        match self {
            Value::String(s) => match crate::text::normalize(&s) {
                Some(t) if t.len() == s.len() => Value::String(s),
                Some(t) => Value::String(String::from(t)),
                None => Value::Null,
            },
            Value::Array(items) => {
                Value::Array(items.into_iter().map(Value::into_normalized).collect())
            }
            Value::Object(members) => Value::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (k, v.into_normalized()))
                    .collect(),
            ),
            other => other,
        }
    }
}

#[cfg(feature = "json")]
impl From<&serde_json::Value> for Value {
    fn from(v: &serde_json::Value) -> Self {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(a) => Value::Array(a.iter().map(Value::from).collect()),
            serde_json::Value::Object(o) => {
                Value::Object(o.iter().map(|(k, v)| (k.clone(), Value::from(v))).collect())
            }
        }
    }
}
