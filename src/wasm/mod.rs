//! The JavaScript surface (DESIGN §3): a thin shell that reads JS values, calls the core, and writes results.
//!
//! Arguments that are the data being validated are `unknown` and never throw; arguments
//! that configure a call (`options`, `request`, `path`) throw a `TypeError` when wrong.
//! The API client's functions (`client.rs`) never throw: every outcome, a wrong argument
//! included, settles their promise.

mod client;
mod read;
mod types;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

pub use client::{
    create_billing_account, get_billing_account, is_api_error, list_billing_accounts,
    update_billing_account,
};
pub use read::{MAX_DEPTH, MAX_NODES};
pub use types::{ClientConfig, Country, Options};

use crate::error::Validation;
use crate::i18n::Locale;
use crate::model::Currency;
use crate::rules::RequestKind;
use crate::value::Value;

/// Plain objects, `null` for null (not `undefined`), as `JSON.parse` would give them.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

fn locale_of(tag: &JsValue, what: &str) -> Result<Locale, JsValue> {
    tag.as_string()
        .and_then(|t| Locale::parse(&t))
        .ok_or_else(|| read::type_error(what))
}

const LOCALE_ERROR: &str = "options.locale must be \"en\", \"ar\" or \"id\"";

/// The locale from `options`, English by default.
fn options_locale(options: Option<Ts<Options>>) -> Result<Locale, JsValue> {
    let Some(options) = options else {
        return Ok(Locale::En);
    };
    let options = options.js_value();
    if options.is_null() || options.is_undefined() {
        return Ok(Locale::En);
    }
    if !options.is_object() {
        return Err(read::type_error("options must be an object"));
    }
    // A throwing getter reads as a symbol, which is no locale.
    let tag = read::member(&options, &JsValue::from_str("locale"));
    if tag.is_undefined() {
        return Ok(Locale::En);
    }
    locale_of(&tag, LOCALE_ERROR)
}

fn request_kind(request: &JsValue) -> Result<RequestKind, JsValue> {
    match request.as_string().as_deref() {
        Some("create") => Ok(RequestKind::Create),
        Some("update") => Ok(RequestKind::Update),
        _ => Err(read::type_error("request must be \"create\" or \"update\"")),
    }
}

/// The body as the core reads it: `undefined` is no body at all, which the server reads as empty.
fn body(input: &JsValue) -> Value {
    read::read(input).unwrap_or(Value::Null)
}

/// Validates a create body. Never throws for `input`, whatever it is; throws a `TypeError` for bad `options`.
#[wasm_bindgen(
    js_name = validateCreate,
    unchecked_return_type = "Validation<CreateBillingAccountRequest>"
)]
pub fn validate_create(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    options: Option<Ts<Options>>,
) -> Result<JsValue, JsValue> {
    let locale = options_locale(options)?;
    to_js(&crate::validate::validate_create(&body(&input), locale))
}

/// Validates an update body: absent leaves a field as it is, `null` clears it. Never throws for `input`.
#[wasm_bindgen(
    js_name = validateUpdate,
    unchecked_return_type = "Validation<UpdateBillingAccountRequest>"
)]
pub fn validate_update(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    options: Option<Ts<Options>>,
) -> Result<JsValue, JsValue> {
    let locale = options_locale(options)?;
    to_js(&crate::validate::validate_update(&body(&input), locale))
}

/// Errors and warnings for one field's value as typed (`undefined`: absent), for live feedback.
#[wasm_bindgen(js_name = validateField, unchecked_return_type = "FieldError[]")]
pub fn validate_field(
    #[wasm_bindgen(unchecked_param_type = "RequestKind")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    options: Option<Ts<Options>>,
) -> Result<JsValue, JsValue> {
    let request = request_kind(&request)?;
    let path = path
        .as_string()
        .ok_or_else(|| read::type_error("path must be a string"))?;
    let locale = options_locale(options)?;
    let value = read::read(&value);
    to_js(&crate::validate::validate_field(
        request,
        &path,
        value.as_ref(),
        locale,
    ))
}

/// A validation as a Standard Schema v1 result: `{ value }` or `{ issues: [{ message, path }] }`.
struct Standard<'a, T>(&'a Validation<T>);

/// A dotted path as Standard Schema's list of keys; the body itself has none.
struct PathKeys<'a>(&'a str);

impl Serialize for PathKeys<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for key in self.0.split('.') {
            seq.serialize_element(key)?;
        }
        seq.end()
    }
}

struct StandardIssue<'a>(&'a crate::error::FieldError);

impl Serialize for StandardIssue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let path = self.0.path();
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("message", &self.0.message)?;
        if !path.is_empty() {
            map.serialize_entry("path", &PathKeys(path))?;
        }
        map.end()
    }
}

struct StandardIssues<'a>(&'a [crate::error::FieldError]);

impl Serialize for StandardIssues<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for e in self.0 {
            seq.serialize_element(&StandardIssue(e))?;
        }
        seq.end()
    }
}

impl<T: Serialize> Serialize for Standard<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        match self.0 {
            Validation::Valid { value, .. } => map.serialize_entry("value", value)?,
            Validation::Invalid { errors, .. } => {
                map.serialize_entry("issues", &StandardIssues(errors))?
            }
        }
        map.end()
    }
}

/// What `createSchema["~standard"].validate` and `updateSchema[…]` return. The package entry
/// builds the two schema objects around this; it is not part of the package's surface.
#[wasm_bindgen(
    js_name = standardValidate,
    unchecked_return_type = "{ value: CreateBillingAccountRequest | UpdateBillingAccountRequest } | { issues: { message: string; path?: string[] }[] }"
)]
pub fn standard_validate(
    #[wasm_bindgen(unchecked_param_type = "RequestKind")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    options: Option<Ts<Options>>,
) -> Result<JsValue, JsValue> {
    let request = request_kind(&request)?;
    let locale = options_locale(options)?;
    let input = body(&value);
    match request {
        RequestKind::Create => to_js(&Standard(&crate::validate::validate_create(&input, locale))),
        RequestKind::Update => to_js(&Standard(&crate::validate::validate_update(&input, locale))),
    }
}

/// The currencies the API accepts, spelled as it wants them.
#[wasm_bindgen]
pub fn currencies() -> Vec<Ts<Currency>> {
    Currency::ALL
        .iter()
        .filter_map(|c| c.into_ts().ok())
        .collect()
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl)]
    type DisplayNames;

    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DisplayNames")]
    fn new(locales: &str, options: &JsValue) -> Result<DisplayNames, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
}

/// Every assigned country code with its name in `locale` (from the runtime's `Intl.DisplayNames`;
/// the code itself where the runtime has no name for it). Throws a `TypeError` for an unknown locale.
#[wasm_bindgen]
pub fn countries(locale: Option<Ts<Locale>>) -> Result<Vec<Ts<Country>>, JsValue> {
    let locale = match locale {
        Some(tag) => locale_of(&tag.js_value(), "locale must be \"en\", \"ar\" or \"id\"")?,
        None => Locale::En,
    };
    let options = js_sys::Object::new();
    // A missing `Intl.DisplayNames` is not an error: codes stand in for names.
    let _ = js_sys::Reflect::set(&options, &"type".into(), &"region".into());
    let names = DisplayNames::new(locale.as_str(), &options).ok();
    Ok(crate::country::codes()
        .filter_map(|code| {
            let name = names
                .as_ref()
                .and_then(|n| n.of(code).ok())
                .and_then(|n| n.as_string())
                .unwrap_or_else(|| String::from(code));
            Country {
                code: String::from(code),
                name,
            }
            .into_ts()
            .ok()
        })
        .collect())
}

/// Every length limit, by dotted path, in code points: what a form's counters show.
#[wasm_bindgen(unchecked_return_type = "Record<string, number>")]
pub fn limits() -> JsValue {
    let out = js_sys::Object::new();
    for (path, max) in crate::rules::limits() {
        let _ = js_sys::Reflect::set(&out, &path.into(), &JsValue::from(max as u32));
    }
    out.into()
}

/// The length of `s` as the server counts it: Unicode code points after its trim. Throws a
/// `TypeError` for a non-string.
#[wasm_bindgen(js_name = charCount)]
pub fn char_count(
    #[wasm_bindgen(unchecked_param_type = "string")] s: JsValue,
) -> Result<u32, JsValue> {
    let s = s
        .as_string()
        .ok_or_else(|| read::type_error("charCount expects a string"))?;
    Ok(u32::try_from(crate::text::char_count(crate::text::trim(&s))).unwrap_or(u32::MAX))
}
