//! Reads any JavaScript value into the core's untyped `Value`, trusting nothing about it.
//!
//! Members are seen as `JSON.stringify` would send them (own enumerable string keys,
//! `undefined` members absent), except that what JSON cannot carry (functions, symbols,
//! BigInts) is kept as `Value::Unsupported` so the field gets a `type` error instead of
//! silently vanishing. Every call into JavaScript that can run user code (getters,
//! proxies) is caught: a throw becomes `Unsupported`, never an exception through wasm.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::value::Value;

/// Containers nested deeper than this are read as `Unsupported`. A valid body is at most
/// two levels deep (body, address), so anything this deep is wrong whatever it holds.
pub const MAX_DEPTH: usize = 64;

/// How many members and items are read in all; past it, values are `Unsupported`.
/// A valid body has fewer than twenty, so a cut input is invalid either way.
pub const MAX_NODES: usize = 100_000;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// The value as validation sees it; `None` for `undefined` (absent).
pub fn read(value: &JsValue) -> Option<Value> {
    if value.is_undefined() {
        return None;
    }
    Some(Reader { budget: MAX_NODES }.value(value, 0))
}

struct Reader {
    budget: usize,
}

impl Reader {
    fn value(&mut self, v: &JsValue, depth: usize) -> Value {
        if v.is_null() {
            Value::Null
        } else if let Some(b) = v.as_bool() {
            Value::Bool(b)
        } else if let Some(n) = v.as_f64() {
            Value::Number(n)
        } else if let Some(s) = v.as_string() {
            Value::String(s)
        } else if !v.is_object() || depth >= MAX_DEPTH {
            // undefined inside an array, functions, symbols, BigInts; or junk nested too deep.
            Value::Unsupported
        } else {
            match is_array(v) {
                Ok(true) => self.array(v, depth),
                Ok(false) => self.object(v, depth),
                Err(_) => Value::Unsupported,
            }
        }
    }

    /// Takes one unit of budget; `false` once it is spent.
    fn spend(&mut self) -> bool {
        match self.budget.checked_sub(1) {
            Some(left) => {
                self.budget = left;
                true
            }
            None => false,
        }
    }

    fn array(&mut self, v: &JsValue, depth: usize) -> Value {
        let Some(length) = js_sys::Reflect::get(v, &JsValue::from_str("length"))
            .ok()
            .and_then(|l| l.as_f64())
        else {
            return Value::Unsupported;
        };
        // A sparse array may claim billions of slots: read no more than the budget allows.
        let length = if length.is_finite() && length > 0.0 {
            (length as usize).min(self.budget)
        } else {
            0
        };
        let mut items = Vec::with_capacity(length.min(1024));
        for i in 0..length {
            if !self.spend() {
                break;
            }
            let item = match u32::try_from(i)
                .ok()
                .map(|i| js_sys::Reflect::get_u32(v, i))
            {
                Some(Ok(item)) if item.is_undefined() => Value::Null,
                Some(Ok(item)) => self.value(&item, depth + 1),
                _ => Value::Unsupported,
            };
            items.push(item);
        }
        Value::Array(items)
    }

    fn object(&mut self, v: &JsValue, depth: usize) -> Value {
        let Ok(keys) = object_keys(v) else {
            return Value::Unsupported;
        };
        let mut members = Vec::with_capacity((keys.length() as usize).min(1024));
        for key in keys.iter() {
            let Some(name) = key.as_string() else {
                continue;
            };
            // Keys are kept even past the budget, so a known field is never reported missing.
            let member = if self.spend() {
                match js_sys::Reflect::get(v, &key) {
                    Ok(m) if m.is_undefined() => continue,
                    Ok(m) => self.value(&m, depth + 1),
                    Err(_) => Value::Unsupported,
                }
            } else {
                Value::Unsupported
            };
            members.push((name, member));
        }
        Value::Object(members)
    }
}

/// A `TypeError` for a wrong argument, as JavaScript would throw it.
pub fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).unchecked_into()
}
