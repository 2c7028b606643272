//! `validateMany`: a JSON array of create bodies checked in one call, for imports of many accounts.
//!
//! The text is read item by item (never held as a whole array of values) and each body is
//! checked as `validateCreate` checks it, errors only. JavaScript gets one JSON text holding the
//! refused records and fills in the accepted ones itself: a call then crosses the boundary a
//! fixed number of times, however many records there are.

use serde::Serialize;
use tsify::Ts;
use wasm_bindgen::prelude::*;

use super::validation::options_locale;
use super::{read, to_json, types::Options};
use crate::api::json::{self, Mode};
use crate::error::{Code, FieldError, Issue};
use crate::rules::RequestKind;

#[wasm_bindgen(inline_js = r#"
export function expand(count, text) {
  const refused = JSON.parse(text);
  const out = [];
  let j = 0;
  for (let i = 0; i < count; i++) {
    const r = refused[j];
    if (r !== undefined && r.index === i) {
      out.push(r);
      j++;
    } else {
      out.push({ index: i, ok: true, errors: [] });
    }
  }
  return out;
}
"#)]
extern "C" {
    /// `count` records, the refused ones (a JSON array of records, by index) and `ok` for the rest.
    fn expand(count: u32, refused: &str) -> JsValue;
}

/// One record's result, as JavaScript sees it.
#[derive(Serialize)]
struct Record<'a> {
    index: i64,
    ok: bool,
    errors: &'a [FieldError],
}

/// Validates every create body in `jsonText`, a JSON array (an import file), in one call.
///
/// Returns one `{ index, ok, errors }` per record, in order. Text that is not JSON, or JSON that
/// is not an array, gives a single record with `index: -1` and a `type` error at path `""`.
/// Throws a `TypeError` when `jsonText` is not a string or `options` is wrong.
#[wasm_bindgen(js_name = validateMany, unchecked_return_type = "BulkRecord[]")]
pub fn validate_many(
    #[wasm_bindgen(unchecked_param_type = "string", js_name = jsonText)] json_text: JsValue,
    options: Option<Ts<Options>>,
) -> Result<JsValue, JsValue> {
    let text = json_text
        .as_string()
        .ok_or_else(|| read::type_error("validateMany expects JSON text (a string)"))?;
    let locale = options_locale(options)?;
    let mut refused = String::from("[");
    let mut write_error = false;
    let count = json::for_each_item(&text, Mode::Js { unsupported: false }, |index, body| {
        let errors = crate::validate::errors_of(RequestKind::Create, body, locale);
        if errors.is_empty() {
            return;
        }
        let record = Record {
            index: i64::try_from(index).unwrap_or(i64::MAX),
            ok: false,
            errors: &errors,
        };
        if refused.len() > 1 {
            refused.push(',');
        }
        write_error |= to_json::write_json(&mut refused, &record).is_err();
    });
    refused.push(']');
    match count {
        Some(count) if !write_error => {
            Ok(expand(u32::try_from(count).unwrap_or(u32::MAX), &refused))
        }
        _ => {
            let error = Issue::new("", Code::Type)
                .text("expected", "array")
                .render(locale);
            let record = Record {
                index: -1,
                ok: false,
                errors: core::slice::from_ref(&error),
            };
            super::to_js(&[record])
        }
    }
}
