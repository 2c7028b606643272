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

// The reads that can run user code (getters, proxy traps) catch in JavaScript and answer a
// symbol, which the reader takes as `Unsupported`. They are not `#[wasm_bindgen(catch)]`
// imports: with wasm-bindgen 0.2.130 every exception caught that way kept its slot in the
// externref table (and so the thrown object) alive, a leak a hostile caller could drive.
#[wasm_bindgen(inline_js = r#"
const THREW = Symbol("threw");
export function member(o, k) { try { return o[k]; } catch { return THREW; } }
export function ownKeys(o) { try { return Object.keys(o); } catch { return THREW; } }
export function arrayKind(o) { try { return Array.isArray(o) ? 1 : 0; } catch { return 2; } }
"#)]
extern "C" {
    /// `o[k]`, or a symbol when reading it threw.
    pub fn member(o: &JsValue, k: &JsValue) -> JsValue;
    /// `Object.keys(o)`, or a symbol when that threw (a proxy's `ownKeys` trap).
    #[wasm_bindgen(js_name = ownKeys)]
    fn own_keys(o: &JsValue) -> JsValue;
    /// 1 for an array, 0 for another object, 2 when asking threw (a revoked proxy).
    #[wasm_bindgen(js_name = arrayKind)]
    fn array_kind(o: &JsValue) -> u32;
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
            match array_kind(v) {
                1 => self.array(v, depth),
                0 => self.object(v, depth),
                _ => Value::Unsupported,
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
        let Some(length) = member(v, &JsValue::from_str("length")).as_f64() else {
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
        let Ok(keys) = own_keys(v).dyn_into::<js_sys::Array>() else {
            return Value::Unsupported;
        };
        let mut members = Vec::with_capacity((keys.length() as usize).min(1024));
        for key in keys.iter() {
            let Some(name) = key.as_string() else {
                continue;
            };
            // Keys are kept even past the budget, so a known field is never reported missing.
            let member = if self.spend() {
                let m = member(v, &key);
                if m.is_undefined() {
                    continue;
                }
                self.value(&m, depth + 1)
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
