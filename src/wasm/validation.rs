//! The validation module's exports: the rules, lists and counts of DESIGN §3, no transport.

use tsify::Ts;
use wasm_bindgen::prelude::*;

use super::{read, to_js, types::Options};
use crate::i18n::Locale;
use crate::model::Currency;
use crate::rules::RequestKind;
use crate::value::Value;

fn locale_of(tag: &JsValue, what: &str) -> Result<Locale, JsValue> {
    tag.as_string()
        .and_then(|t| Locale::parse(&t))
        .ok_or_else(|| read::type_error(what))
}

const LOCALE_ERROR: &str = "options.locale must be \"en\", \"ar\" or \"id\"";

/// The locale from `options`, English by default.
pub(super) fn options_locale(options: Option<Ts<Options>>) -> Result<Locale, JsValue> {
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

/// The currencies the API accepts, spelled as it wants them.
#[wasm_bindgen(unchecked_return_type = "Currency[]")]
pub fn currencies() -> Result<JsValue, JsValue> {
    to_js(&Currency::ALL)
}

#[wasm_bindgen(inline_js = r#"
export function named(locale, codes) {
  let names = null;
  // A missing `Intl.DisplayNames` is not an error: codes stand in for names.
  try { names = new Intl.DisplayNames(locale, { type: "region" }); } catch {}
  return codes.map((code) => {
    let name;
    try { name = names?.of(code); } catch {}
    return { code, name: typeof name === "string" ? name : code };
  });
}
"#)]
extern "C" {
    /// `{ code, name }` for each code, named in `locale` by the runtime's `Intl.DisplayNames`.
    fn named(locale: &str, codes: JsValue) -> JsValue;
}

/// Every assigned country code with its name in `locale` (from the runtime's `Intl.DisplayNames`;
/// the code itself where the runtime has no name for it). Throws a `TypeError` for an unknown locale.
#[wasm_bindgen(unchecked_return_type = "Country[]")]
pub fn countries(locale: Option<Ts<Locale>>) -> Result<JsValue, JsValue> {
    let locale = match locale {
        Some(tag) => locale_of(&tag.js_value(), "locale must be \"en\", \"ar\" or \"id\"")?,
        None => Locale::En,
    };
    let codes: Vec<&str> = crate::country::codes().collect();
    Ok(named(locale.as_str(), to_js(&codes)?))
}

/// Every length limit, by dotted path, in code points: what a form's counters show.
#[wasm_bindgen(unchecked_return_type = "Record<string, number>")]
pub fn limits() -> JsValue {
    let mut out = crate::api::json::ObjectWriter::new();
    for (path, max) in crate::rules::limits() {
        out.raw(path, &crate::num::usize_text(max));
    }
    read::parse_json(&out.finish())
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
