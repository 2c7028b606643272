//! The validation module's exports: the rules, lists and counts of DESIGN §3, no transport.

use tsify::Ts;
use wasm_bindgen::prelude::*;

use super::{read, types::Options};
use crate::i18n::Locale;
use crate::model::Currency;
use crate::results::ToJson;
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

/// `FieldError`s as plain objects, written as `crate::results::write_issues` writes them.
fn issues(found: &[crate::error::FieldError], locale: Locale) -> JsValue {
    let mut text = String::with_capacity(128);
    crate::results::write_issues(&mut text, found.iter().map(|e| &e.issue), locale);
    read::issues(&text)
}

/// Plain objects from the value's JSON text, with one `JSON.parse`.
fn to_js<T: ToJson + ?Sized>(value: &T) -> JsValue {
    read::parse_json(&value.to_json())
}

const REQUEST_ERROR: &str = "request must be \"create\" or \"update\"";

/// What the Rust half of a call found, before anything is handed to JavaScript.
enum Found {
    /// A clean body (see [`crate::scan`]): the fields its value keeps from what the walker read.
    Clean(u64),
    /// The result's text, as [`crate::validate::validation_compact`] writes it.
    Text(String),
    /// A valid body's result as [`crate::validate::sparse_compact`] writes it: the value of the
    /// members not clean, completed with the clean ones (the mask of those kept) in JavaScript.
    Merged(u64, String),
    /// Neither: the exact path, from the whole body's text (`None`: to be read again, in full).
    Exact(Option<String>),
}

/// The result for `input` as a `request` body: a clean body straight from what the walker read;
/// any other from the members neither the walker nor the clean check could vouch for (see
/// [`read::walk_vouching`] and [`crate::scan::sparse_body`]), a valid one's value completed with
/// the clean members the walker read; a text the sparse read does not take through the exact path.
fn validate(input: &JsValue, request: RequestKind, locale: Locale) -> Result<JsValue, JsValue> {
    let walked = read::walk_vouching(input, request);
    // Pure Rust from the text to the result's: its blocks from the allocator's region.
    let found = super::arena::scratch(|| {
        // `undefined`: read again, as nothing.
        let Some((text, may_be_clean, vouched)) = walked else {
            return Found::Exact(None);
        };
        let found = crate::scan::sparse_body_vouched(&text, request, vouched).map(|s| {
            if may_be_clean && s.is_clean(request) {
                return Found::Clean(s.kept);
            }
            let kept = s.kept;
            match crate::validate::sparse_compact(request, s, locale) {
                (true, out) => Found::Merged(kept, out),
                (false, out) => Found::Text(out),
            }
        });
        // A text that leaves members out is not the body's: read again, in full, below.
        found.unwrap_or(Found::Exact((vouched == 0).then_some(text)))
    });
    let text = match found {
        Found::Clean(kept) => return Ok(read::clean_result(kept)),
        Found::Text(out) => return Ok(read::result(&out)),
        Found::Merged(kept, out) => return Ok(read::merged(kept as u32, &out)),
        Found::Exact(Some(text)) => Some(text),
        Found::Exact(None) => read::text_of(input, read::Reading::Body),
    };
    let out = super::arena::scratch(|| {
        // `undefined` is no body at all, which the server reads as empty.
        let body = text.map_or(Value::Null, |t| read::from_text(&t));
        crate::validate::validation_compact(request, body, locale)
    });
    Ok(read::result(&out))
}

// The exports below return the `TypeError` for a wrong argument instead of throwing it, and the
// package's JavaScript (`js/api.js`: `thrown`) throws it: a function that may throw returns its
// value through a multi-value return and the externref table, which cost a clean body's call
// 3-4%. No result is a `TypeError`. Rust callers (the wasm test suite) keep the `Result`.

/// Validates a create body. Never throws for `input`, whatever it is; throws a `TypeError` for bad `options`.
#[wasm_bindgen(
    js_name = validateCreate,
    unchecked_return_type = "Validation<CreateBillingAccountRequest>"
)]
pub fn validate_create_export(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    options: Option<Ts<Options>>,
) -> JsValue {
    validate_create(input, options).unwrap_or_else(|e| e)
}

/// `validateCreate`: the result, or the `TypeError` for bad `options`.
pub fn validate_create(input: JsValue, options: Option<Ts<Options>>) -> Result<JsValue, JsValue> {
    validate(&input, RequestKind::Create, options_locale(options)?)
}

/// Validates an update body: absent leaves a field as it is, `null` clears it. Never throws for `input`.
#[wasm_bindgen(
    js_name = validateUpdate,
    unchecked_return_type = "Validation<UpdateBillingAccountRequest>"
)]
pub fn validate_update_export(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    options: Option<Ts<Options>>,
) -> JsValue {
    validate_update(input, options).unwrap_or_else(|e| e)
}

/// `validateUpdate`: the result, or the `TypeError` for bad `options`.
pub fn validate_update(input: JsValue, options: Option<Ts<Options>>) -> Result<JsValue, JsValue> {
    validate(&input, RequestKind::Update, options_locale(options)?)
}

/// Errors and warnings for one field's value as typed (`undefined`: absent), for live feedback.
#[wasm_bindgen(js_name = validateField, unchecked_return_type = "FieldError[]")]
pub fn validate_field_export(
    #[wasm_bindgen(unchecked_param_type = "RequestKind")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    options: Option<Ts<Options>>,
) -> JsValue {
    validate_field(request, path, value, options).unwrap_or_else(|e| e)
}

/// `validateField`: the findings, or the `TypeError` for a wrong `request`, `path` or `options`.
pub fn validate_field(
    request: JsValue,
    path: JsValue,
    value: JsValue,
    options: Option<Ts<Options>>,
) -> Result<JsValue, JsValue> {
    // Which request and field, asked of the walker: the strings are only read in for a path
    // outside the table (its error names it).
    read::start();
    let which = read::which(&request, &path);
    let request = match which {
        -1 => return Err(read::type_error(REQUEST_ERROR)),
        -2 => return Err(read::type_error("path must be a string")),
        w if w & 1 == 0 => RequestKind::Create,
        _ => RequestKind::Update,
    };
    let locale = options_locale(options)?;
    let Some(field) = usize::try_from(which >> 1)
        .ok()
        .and_then(|i| crate::rules::FIELDS.get(i))
    else {
        let path = path.as_string().unwrap_or_default();
        let found = crate::validate::validate_field(request, &path, None, locale);
        return Ok(issues(&found, locale));
    };
    // An email's text crosses whole (its verdict needs every character); another long string
    // as its length.
    let reading = match field.kind {
        crate::rules::Kind::Email { .. } => read::Reading::Whole,
        _ => read::Reading::Body,
    };
    let text = read::text_of(&value, reading);
    // A value the field takes as it stands, with no advisory (what a form mostly sends as the
    // user types): nothing to say, so nothing to read or render.
    if let Some(text) = &text {
        if crate::scan::is_clean_value(text, field, request) {
            return Ok(js_sys::Array::new().into());
        }
    }
    let value = text.map(|t| read::from_text(&t));
    let found = crate::validate::validate_field(request, field.path, value.as_ref(), locale);
    Ok(issues(&found, locale))
}

/// The currencies the API accepts, spelled as it wants them.
#[wasm_bindgen(unchecked_return_type = "Currency[]")]
pub fn currencies() -> Result<JsValue, JsValue> {
    Ok(to_js(Currency::ALL.as_slice()))
}

#[wasm_bindgen(inline_js = r#"
export function named(locale, codes) {
  let names = null;
  // A missing `Intl.DisplayNames` is not an error: codes stand in for names.
  try { names = new Intl.DisplayNames(locale, { type: "region" }); } catch {}
  // The codes come as one text, two letters each.
  return codes.match(/../g).map((code) => {
    let name;
    try { name = names?.of(code); } catch {}
    return { code, name: typeof name === "string" ? name : code };
  });
}
"#)]
extern "C" {
    /// `{ code, name }` for each code (`codes` holds them end to end), named in `locale` by the
    /// runtime's `Intl.DisplayNames`.
    fn named(locale: &str, codes: &str) -> JsValue;
}

/// Every assigned country code with its name in `locale` (from the runtime's `Intl.DisplayNames`;
/// the code itself where the runtime has no name for it). Throws a `TypeError` for an unknown locale.
#[wasm_bindgen(unchecked_return_type = "Country[]")]
pub fn countries(locale: Option<Ts<Locale>>) -> Result<JsValue, JsValue> {
    let locale = match locale {
        Some(tag) => locale_of(&tag.js_value(), "locale must be \"en\", \"ar\" or \"id\"")?,
        None => Locale::En,
    };
    let codes: String = crate::country::codes().collect();
    Ok(named(locale.as_str(), &codes))
}

/// Every length limit, by dotted path, in code points: what a form's counters show.
#[wasm_bindgen(unchecked_return_type = "Record<string, number>")]
pub fn limits() -> JsValue {
    let mut out = String::from("{");
    for (path, max) in crate::rules::limits() {
        if out.len() > 1 {
            out.push(',');
        }
        crate::api::json::write_string(&mut out, path);
        out.push(':');
        out.push_str(&crate::num::usize_text(max));
    }
    out.push('}');
    read::parse_json(&out)
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
