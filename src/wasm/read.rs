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
// While it walks, `encode` also keeps the members of the body and of its objects (`rec`), so that
// a body the clean check passes (see `crate::scan`) gets its value from what was read, in the
// table's order, without being written back and parsed again: `built` makes it. The table
// (`fields`) comes from the rules once, at the first call.
#[wasm_bindgen(inline_js = r#"
const THREW = Symbol("threw");
export function member(o, k) { try { return o[k]; } catch { return THREW; } }

// What JSON.stringify would escape, and lone surrogates: strings without any are written as they are.
const ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const quoted = (s) => (ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"');
let budget = 0, maxDepth = 0, rec = null, order = null, keys = new Map(), memory = null, view = null, pending = "";
function value(v, depth, keep) {
  switch (typeof v) {
    case "string": return quoted(v);
    case "boolean": return v ? "true" : "false";
    case "number": return Number.isFinite(v) ? String(v) : "?";
    case "object": {
      if (v === null) return "null";
      if (depth >= maxDepth) return "?";
      let array;
      try { array = Array.isArray(v); } catch { return "?"; }
      return array ? items(v, depth) : members(v, depth, keep);
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
    out += (i ? "," : "") + (item === undefined ? "null" : value(item, depth + 1, null));
  }
  return out + "]";
}
function members(v, depth, keep) {
  let names;
  try { names = Object.keys(v); } catch { return "?"; }
  let out = "{";
  for (let i = 0; i < names.length; i++) {
    const k = names[i];
    let m = "?";
    // Keys are kept even past the budget, so a known field is never reported missing.
    if (budget > 0) {
      budget--;
      let item;
      try { item = v[k]; } catch { item = THREW; }
      if (item === undefined) continue;
      let inner = null;
      if (keep !== null) {
        if (typeof item === "object" && item !== null && depth === 0) inner = {};
        keep[k] = inner ?? item;
      }
      m = value(item, depth + 1, inner);
    }
    out += (out.length > 1 ? "," : "") + (keys.get(k) ?? JSON.stringify(k) + ":") + m;
  }
  return out + "}";
}
// Writes `text` as UTF-8 at `ptr` in the module's memory, if `cap` bytes hold it: the bytes
// written, or minus the capacity it needs (it then waits in `pending`).
function put(text, ptr, cap) {
  if (view === null || view.buffer !== memory.buffer) view = new Uint8Array(memory.buffer);
  const r = encoder.encodeInto(text, view.subarray(ptr, ptr + cap));
  if (r.read === text.length) return r.written;
  pending = text;
  return -3 * text.length;
}
const encoder = new TextEncoder();
export function encode(v, depth, nodes, ptr, cap) {
  if (v === undefined) return -1;
  maxDepth = depth;
  budget = nodes;
  rec = order === null ? null : {};
  let text;
  try { text = value(v, 0, rec); } catch { text = "?"; }
  return put(text, ptr, cap);
}
export function again(ptr, cap) {
  const n = put(pending, ptr, cap);
  pending = "";
  return n;
}
export function parse(text) { return JSON.parse(text); }
export function fields(paths, mem) {
  memory = mem;
  if (paths === "") return;
  order = [];
  for (const path of paths.split(",")) {
    const dot = path.indexOf(".");
    const key = path.slice(dot + 1);
    keys.set(key, JSON.stringify(key) + ":");
    if (dot < 0) order.push([path, null]);
    else (order.find((f) => f[0] === path.slice(0, dot))[1] ??= []).push(key);
  }
}
export function built() {
  const value = {};
  for (const [key, children] of order) {
    const v = rec[key];
    if (typeof v === "string") value[key] = v;
    else if (children !== null && typeof v === "object" && v !== null) {
      const o = {};
      for (const c of children) if (typeof v[c] === "string") o[c] = v[c];
      value[key] = o;
    }
  }
  return { ok: true, value, warnings: [] };
}
"#)]
extern "C" {
    /// `o[k]`, or a symbol when reading it threw.
    pub fn member(o: &JsValue, k: &JsValue) -> JsValue;
    /// Writes the value as JSON text (`?` for what JSON cannot carry) at `ptr`: the bytes
    /// written; -1 for `undefined`; or, when `cap` bytes are too few, minus the bytes needed,
    /// and [`again`] writes it.
    fn encode(v: &JsValue, max_depth: u32, max_nodes: u32, ptr: *mut u8, cap: u32) -> i32;
    /// Writes the text [`encode`] had no room for at `ptr`: the bytes written.
    fn again(ptr: *mut u8, cap: u32) -> i32;
    /// `JSON.parse(text)`, for text the shell wrote itself.
    #[wasm_bindgen(js_name = parse)]
    pub fn parse_json(text: &str) -> JsValue;
    /// Hands the walker the table's paths (comma-separated, parents before children) and the
    /// module's memory.
    fn fields(paths: &str, memory: JsValue);
    /// `{ ok: true, value, warnings: [] }` for the body last encoded, which the clean check passed:
    /// its strings in the table's order.
    fn built() -> JsValue;
}

/// Whether the walker has the table yet (the module runs on one thread).
static TABLE_SENT: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

/// Room for the text of any body a form sends: one crossing of the boundary, no second pass.
const FIRST_TRY: usize = 2048;

/// The value as JSON text, as [`encode`] writes it (`None` for `undefined`).
///
/// The walker writes the text straight into this module's memory (`TextEncoder.encodeInto`),
/// not as a returned string, which wasm-bindgen copies in with a loop over its characters.
pub fn text_of(value: &JsValue) -> Option<String> {
    use core::sync::atomic::Ordering::Relaxed;
    if !TABLE_SENT.swap(true, Relaxed) {
        // Only the validation module builds values from what the walker read.
        #[cfg(feature = "js-validation")]
        let paths = {
            let mut paths = String::new();
            for field in crate::rules::FIELDS {
                if !paths.is_empty() {
                    paths.push(',');
                }
                paths.push_str(field.path);
            }
            paths
        };
        #[cfg(not(feature = "js-validation"))]
        let paths = String::new();
        fields(&paths, wasm_bindgen::memory());
    }
    let mut buf = vec![0u8; FIRST_TRY];
    let mut n = encode(
        value,
        MAX_DEPTH as u32,
        MAX_NODES as u32,
        buf.as_mut_ptr(),
        FIRST_TRY as u32,
    );
    if n == -1 {
        return None;
    }
    if n < 0 {
        buf = vec![0u8; n.unsigned_abs() as usize];
        n = again(buf.as_mut_ptr(), n.unsigned_abs());
    }
    buf.truncate(usize::try_from(n).unwrap_or(0));
    // SAFETY: the bytes are what `TextEncoder.encodeInto` wrote (or `text.js`'s stand-in where
    // there is no TextEncoder): UTF-8 by the Encoding Standard, whole characters only (a lone
    // surrogate becomes U+FFFD), and `n` is the count it reported. wasm-bindgen takes every
    // `String` argument from JavaScript on the same guarantee, unchecked. (Checked, the module
    // carried 330 bytes of gzip more.)
    Some(unsafe { String::from_utf8_unchecked(buf) })
}

/// The value as validation sees it; `None` for `undefined` (absent).
pub fn read(value: &JsValue) -> Option<Value> {
    text_of(value).map(|text| from_text(&text))
}

/// What [`text_of`] wrote, read back.
pub fn from_text(text: &str) -> Value {
    // `encode` writes only what this reads; anything else is read as a value nothing accepts.
    json::parse_text(text, Mode::Js { unsupported: true }).unwrap_or(Value::Unsupported)
}

/// The result of a body that [`crate::scan::is_clean`] passed, from the last [`text_of`].
#[cfg(feature = "js-validation")]
pub fn clean_result() -> JsValue {
    built()
}

/// A `TypeError` for a wrong argument, as JavaScript would throw it.
pub fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).unchecked_into()
}
