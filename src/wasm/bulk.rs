//! `validateMany`: a JSON array of create bodies checked in one call, for imports of many accounts.
//!
//! The text is read item by item (never held as a whole array of values) and each body is
//! checked as `validateCreate` checks it, errors only. JavaScript gets one JSON text holding the
//! refused records and fills in the accepted ones itself: a call then crosses the boundary a
//! fixed number of times, however many records there are.

use tsify::Ts;
use wasm_bindgen::prelude::*;

use super::validation::options_locale;
use super::{read, types::Options};
use crate::api::json::{self, Mode};
use crate::error::{Code, Issue};
use crate::results::write_record;
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
    // A clean record (see `crate::scan`) is valid as it stands: only the others are read into
    // values and through the exact path.
    let clean = |_, text: &str, at| crate::scan::clean_body(text, at, RequestKind::Create);
    let count = json::for_each_item_quick(
        &text,
        Mode::Js { unsupported: false },
        clean,
        |index, body| {
            let errors = crate::validate::errors_of(RequestKind::Create, body, locale);
            if errors.is_empty() {
                return;
            }
            if refused.len() > 1 {
                refused.push(',');
            }
            write_record(&mut refused, Some(index), &errors);
        },
    );
    refused.push(']');
    match count {
        Some(count) => Ok(expand(u32::try_from(count).unwrap_or(u32::MAX), &refused)),
        None => {
            let error = Issue::new("", Code::Type)
                .text("expected", "array")
                .render(locale);
            let mut record = String::from("[");
            write_record(&mut record, None, core::slice::from_ref(&error));
            record.push(']');
            Ok(read::parse_json(&record))
        }
    }
}
