//! One field message's template from its locale, code and params: the client module's field
//! errors come without a message, so the client carries no copy of the table (`js/api.js`'s
//! `fieldMessage` fills the template in).

use wasm_bindgen::prelude::*;

use crate::error::Code;
use crate::i18n::{self, Locale, Shape};

/// The template of a field error's message in the locale `locale` and of the code `code`
/// (indexes in [`Locale::ALL`] and [`Code::ALL`]), its `{name}` placeholders unfilled. `flags`
/// says which params it has: 1 `length`, 2 `suggestion`, 4 `more`, 8 `expected` with the value
/// `"object"`, 16 `max` with the value `max`. Empty for an index out of range, and for `format`,
/// which only the client's own values get and which it words itself.
#[wasm_bindgen(js_name = fieldMessage, unchecked_return_type = "string")]
pub fn field_message(locale: u32, code: u32, flags: u32, max: u32) -> JsValue {
    let locale = Locale::ALL.get(locale as usize);
    let code = Code::ALL.get(code as usize);
    let (Some(locale), Some(code)) = (locale, code.filter(|c| **c != Code::Format)) else {
        return JsValue::from_str("");
    };
    let shape = Shape {
        length: flags & 1 != 0,
        suggestion: flags & 2 != 0,
        more: flags & 4 != 0,
        expected: (flags & 8 != 0).then_some("object"),
        max: (flags & 16 != 0).then_some(max as usize),
        path: "",
    };
    JsValue::from_str(i18n::field_template(*locale, *code, shape))
}
