//! Validation outcomes as data: a code, a dotted path and params; the message is rendered per locale.

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::i18n::{self, Locale};
use crate::value::Value;

/// Why a field was refused, or what an advisory warns of. JavaScript branches on these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify::Tsify),
    tsify(rename = "ErrorCode")
)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    Required,
    Type,
    TooLong,
    Email,
    Currency,
    Country,
    UnknownField,
    Immutable,
    Server,
    /// A client-side value outside any body (an ID, the token, the base URL, the timeout)
    /// is not in the form it must have; the path says which.
    Format,
    /// Warning: the email's domain looks like a typo of a common one (`gmial.com`).
    EmailSuggestion,
    /// Warning: the email's domain has no dot; valid, but rarely deliverable.
    EmailDotlessDomain,
    /// Warning: a quoted local part, a comment or an IP literal; valid, but rarely accepted elsewhere.
    EmailUnusual,
}

impl Code {
    /// Every code, errors first.
    pub const ALL: [Code; 13] = [
        Code::Required,
        Code::Type,
        Code::TooLong,
        Code::Email,
        Code::Currency,
        Code::Country,
        Code::UnknownField,
        Code::Immutable,
        Code::Server,
        Code::Format,
        Code::EmailSuggestion,
        Code::EmailDotlessDomain,
        Code::EmailUnusual,
    ];

    /// Whether this code is an advisory that never blocks.
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            Code::EmailSuggestion | Code::EmailDotlessDomain | Code::EmailUnusual
        )
    }

    /// The code JavaScript spells `s`, if it is one.
    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The code as JavaScript sees it.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Required => "required",
            Code::Type => "type",
            Code::TooLong => "too_long",
            Code::Email => "email",
            Code::Currency => "currency",
            Code::Country => "country",
            Code::UnknownField => "unknown_field",
            Code::Immutable => "immutable",
            Code::Server => "server",
            Code::Format => "format",
            Code::EmailSuggestion => "email_suggestion",
            Code::EmailDotlessDomain => "email_dotless_domain",
            Code::EmailUnusual => "email_unusual",
        }
    }
}

/// A message parameter's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamValue {
    Num(usize),
    Text(String),
}

impl Serialize for ParamValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            // u32, not u64: serde-wasm-bindgen checks u64 against 2^53 and formats an error
            // message for it, which pulls the fmt machinery into the wasm. No length nears 2^32.
            ParamValue::Num(n) => s.serialize_u32(u32::try_from(*n).unwrap_or(u32::MAX)),
            ParamValue::Text(t) => s.serialize_str(t),
        }
    }
}

/// A finding before it has a message: what validation produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub path: String,
    pub code: Code,
    pub params: Vec<(&'static str, ParamValue)>,
}

impl Issue {
    pub fn new(path: impl Into<String>, code: Code) -> Issue {
        Issue {
            path: path.into(),
            code,
            params: Vec::new(),
        }
    }

    pub fn num(mut self, key: &'static str, n: usize) -> Issue {
        self.params.push((key, ParamValue::Num(n)));
        self
    }

    pub fn text(mut self, key: &'static str, t: impl Into<String>) -> Issue {
        self.params.push((key, ParamValue::Text(t.into())));
        self
    }

    /// The parameter `key`, if set.
    pub fn param(&self, key: &str) -> Option<&ParamValue> {
        self.params.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// This finding with its message in `locale`.
    pub fn render(self, locale: Locale) -> FieldError {
        let message = i18n::message(locale, &self);
        FieldError {
            issue: self,
            message,
        }
    }
}

/// One field's error or warning, as JavaScript sees it: `{ path, code, message, params? }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub issue: Issue,
    pub message: String,
}

impl FieldError {
    /// A `FieldError` back from the plain data it was written as (`{ path, code, message,
    /// params? }`), as the wasm client receives a body's errors from the validation module.
    /// `None` for anything else. A param name that is none of the messages' is dropped.
    pub fn from_value(value: &Value) -> Option<FieldError> {
        let text = |key: &str| match value.get(key) {
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        };
        let mut issue = Issue::new(text("path")?, Code::parse(&text("code")?)?);
        if let Some(Value::Object(params)) = value.get("params") {
            for (key, param) in params {
                let Some(key) = i18n::param_name(key) else {
                    continue;
                };
                issue = match param {
                    Value::String(t) => issue.text(key, t.as_str()),
                    // Lengths and limits: whole, non-negative, far below 2^53.
                    Value::Number(n) if *n >= 0.0 && n.fract() == 0.0 => {
                        issue.num(key, *n as usize)
                    }
                    _ => issue,
                };
            }
        }
        Some(FieldError {
            issue,
            message: text("message")?,
        })
    }

    pub fn path(&self) -> &str {
        &self.issue.path
    }

    pub fn code(&self) -> Code {
        self.issue.code
    }
}

struct Params<'a>(&'a [(&'static str, ParamValue)]);

impl Serialize for Params<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Serialize for FieldError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let has_params = !self.issue.params.is_empty();
        let mut st = s.serialize_struct("FieldError", 4 + usize::from(has_params))?;
        st.serialize_field("path", &self.issue.path)?;
        st.serialize_field("code", &self.issue.code)?;
        let severity = if self.issue.code.is_warning() {
            "warning"
        } else {
            "error"
        };
        st.serialize_field("severity", severity)?;
        st.serialize_field("message", &self.message)?;
        if has_params {
            st.serialize_field("params", &Params(&self.issue.params))?;
        }
        st.end()
    }
}

/// The outcome of validating a body: the normalized request, or every field's error.
/// Warnings come with either and never block.
#[derive(Debug, Clone, PartialEq)]
pub enum Validation<T> {
    Valid {
        value: T,
        warnings: Vec<FieldError>,
    },
    Invalid {
        errors: Vec<FieldError>,
        warnings: Vec<FieldError>,
    },
}

impl<T> Validation<T> {
    pub fn is_valid(&self) -> bool {
        matches!(self, Validation::Valid { .. })
    }

    /// The errors (none when valid).
    pub fn errors(&self) -> &[FieldError] {
        match self {
            Validation::Valid { .. } => &[],
            Validation::Invalid { errors, .. } => errors,
        }
    }

    pub fn warnings(&self) -> &[FieldError] {
        match self {
            Validation::Valid { warnings, .. } | Validation::Invalid { warnings, .. } => warnings,
        }
    }

    /// The normalized request, when valid.
    pub fn value(&self) -> Option<&T> {
        match self {
            Validation::Valid { value, .. } => Some(value),
            Validation::Invalid { .. } => None,
        }
    }
}

impl<T: Serialize> Serialize for Validation<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Validation", 3)?;
        match self {
            Validation::Valid { value, warnings } => {
                st.serialize_field("ok", &true)?;
                st.serialize_field("value", value)?;
                st.serialize_field("warnings", warnings)?;
            }
            Validation::Invalid { errors, warnings } => {
                st.serialize_field("ok", &false)?;
                st.serialize_field("errors", errors)?;
                st.serialize_field("warnings", warnings)?;
            }
        }
        st.end()
    }
}
