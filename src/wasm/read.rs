//! Reads any JavaScript value into the core's untyped `Value`, trusting nothing about it.
//!
//! Members are seen as `JSON.stringify` would send them (own enumerable string keys,
//! `undefined` members absent), except that what JSON cannot carry (functions, symbols,
//! BigInts) is kept as `Value::Unsupported` so the field gets a `type` error instead of
//! silently vanishing. Every call into JavaScript that can run user code (getters,
//! proxies) is caught: a throw becomes `Unsupported`, never an exception through wasm.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::json::{self, Mode};
use crate::value::Value;

/// Containers nested deeper than this are read as `Unsupported`. A valid body is at most
/// two levels deep (body, address), so anything this deep is wrong whatever it holds.
pub const MAX_DEPTH: usize = 64;

/// How many members and items are read in all; past it, values are `Unsupported`.
/// A valid body has fewer than twenty, so a cut input is invalid either way.
pub const MAX_NODES: usize = 100_000;

// Everything that can run user code (getters, proxy traps) runs in JavaScript, inside `try`:
// a throw becomes a symbol or `?`, never an exception through wasm. (Not
// `#[wasm_bindgen(catch)]` imports: with wasm-bindgen 0.2.130 every exception caught that way
// kept its slot in the externref table, and so the thrown object, alive: a leak a hostile
// caller could drive.)
//
// `encode` walks the value in JavaScript and hands wasm one JSON text, `?` standing for what
// JSON cannot carry: one crossing of the boundary per body instead of several per member, which
// made reading the body most of the cost of a call. Its walk is the contract above, budget and
// depth included.
#[wasm_bindgen(inline_js = r#"
const THREW = Symbol("threw");
export function member(o, k) { try { return o[k]; } catch { return THREW; } }

let budget = 0, maxDepth = 0;
function value(v, depth) {
  switch (typeof v) {
    case "string": return JSON.stringify(v);
    case "boolean": return v ? "true" : "false";
    case "number": return Number.isFinite(v) ? String(v) : "?";
    case "object": {
      if (v === null) return "null";
      if (depth >= maxDepth) return "?";
      let array;
      try { array = Array.isArray(v); } catch { return "?"; }
      return array ? items(v, depth) : members(v, depth);
    }
    default: return "?";
  }
}
function items(v, depth) {
  let n;
  try { n = v.length; } catch { return "?"; }
  if (typeof n !== "number") return "?";
  // A sparse array may claim billions of slots: read no more than the budget allows.
  n = n > 0 && n !== Infinity ? Math.min(Math.floor(n), budget) : 0;
  let out = "[";
  for (let i = 0; i < n && budget > 0; i++) {
    budget--;
    let item;
    try { item = v[i]; } catch { item = THREW; }
    out += (i ? "," : "") + (item === undefined ? "null" : value(item, depth + 1));
  }
  return out + "]";
}
function members(v, depth) {
  let keys;
  try { keys = Object.keys(v); } catch { return "?"; }
  let out = "{", first = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    let m = "?";
    // Keys are kept even past the budget, so a known field is never reported missing.
    if (budget > 0) {
      budget--;
      let item;
      try { item = v[k]; } catch { item = THREW; }
      if (item === undefined) continue;
      m = value(item, depth + 1);
    }
    out += (first ? "" : ",") + JSON.stringify(k) + ":" + m;
    first = false;
  }
  return out + "}";
}
export function encode(v, depth, nodes) {
  if (v === undefined) return "";
  maxDepth = depth;
  budget = nodes;
  try { return value(v, 0); } catch { return "?"; }
}
export function parse(text) { return JSON.parse(text); }
"#)]
extern "C" {
    /// `o[k]`, or a symbol when reading it threw.
    pub fn member(o: &JsValue, k: &JsValue) -> JsValue;
    /// The value as JSON text (`?` for what JSON cannot carry), `""` for `undefined`.
    fn encode(v: &JsValue, max_depth: u32, max_nodes: u32) -> String;
    /// `JSON.parse(text)`, for text the shell wrote itself.
    #[wasm_bindgen(js_name = parse)]
    pub fn parse_json(text: &str) -> JsValue;
}

/// The value as validation sees it; `None` for `undefined` (absent).
pub fn read(value: &JsValue) -> Option<Value> {
    let text = encode(value, MAX_DEPTH as u32, MAX_NODES as u32);
    if text.is_empty() {
        return None;
    }
    // `encode` writes only what this reads; anything else is read as a value nothing accepts.
    Some(json::parse_text(&text, Mode::Js { unsupported: true }).unwrap_or(Value::Unsupported))
}

/// A `TypeError` for a wrong argument, as JavaScript would throw it.
pub fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).unchecked_into()
}
