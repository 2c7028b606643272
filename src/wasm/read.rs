//! Reads any JavaScript value into the core's untyped `Value`, trusting nothing about it.
//!
//! Members are seen as `JSON.stringify` would send them (own enumerable string keys,
//! `undefined` members absent), except that what JSON cannot carry (functions, symbols,
//! BigInts) is kept as `Value::Unsupported` so the field gets a `type` error instead of
//! silently vanishing. Every call into JavaScript that can run user code (getters,
//! proxies) is caught: a throw becomes `Unsupported`, never an exception through wasm.
//!
//! A hostile value costs bounded time and memory: every member, item and typed-array element
//! counts against [`MAX_NODES`]; past the first 64 of a container the rest are counted, not read
//! (`Value::Skipped`); a string too long for any field crosses as its length (`Value::Long`),
//! an email's excepted. See `encode`'s walk below.

use wasm_bindgen::prelude::*;

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
// depth included; besides `?`, only it writes `#N` (a long string's length) and `~N` (members or
// items counted, not read), which the reader takes from its text alone (`Mode::Js`).
// While it walks, `encode` also keeps the members of the body and of its objects (`rec`, by their
// place in the table), so that a body the clean check passes (see `crate::scan`) gets its value
// from what was read, in the table's order, without being written back and parsed again: `built`
// makes it. And it vouches for members where it can (see `walk_vouching`). The table (`fields`)
// comes from the rules once, at the first call.
#[wasm_bindgen(inline_js = r##"
const THREW = Symbol("threw");
export function member(o, k) { try { return o[k]; } catch { return THREW; } }

// What JSON.stringify would escape, and surrogates: strings without any are written as they are.
const ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const SURROGATE = /[\ud800-\udfff]/;
// A surrogate without its other half: UTF-8 cannot carry it, so no server can receive it
// (TextEncoder would send U+FFFD instead of what was typed). Such a string is `?`, a `type` error.
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const quoted = (s) => (!ESCAPE.test(s) ? '"' + s + '"' : ((odd = true), LONE.test(s) ? "?" : JSON.stringify(s)));
// A key is named as it must be, even with a lone surrogate (no field has one: it is unknown).
// With the comma before it, which the first member drops: one piece fewer in the text per member.
const keyText = (k) => "," + JSON.stringify(LONE.test(k) ? k.replace(new RegExp(LONE, "g"), "\ufffd") : k) + ":";
// Past the first `SHOWN`, the members of an object and the items of an array are counted, not
// read (the table's names excepted): a container that large is refused whatever they hold, and
// the first twenty unknown keys, which the result names, are among those read. `~N` in the text
// says how many were counted. (`capped` is off for the client, which reads results, not bodies.)
const SHOWN = 64;
// A string longer than this (UTF-16 units) is longer than any field takes once trimmed, unless
// the trim takes most of it: what goes over is its length after the trim, `#N` in code points,
// never the text. An email keeps its whole text (`whole`): its verdict needs every character.
const LONG = 1024;
let budget = 0, walking = false, maxDepth = 0, capped = true, whole = false, rec = null, slots = [], order = null, keys = new Map(), odd = false, emails = new Set(), trimmed = new Set(), memory = null;
// Vouching (see `walk_vouching`): `req` is the request of the body walked (1 create, 2 update;
// 0 for none), `vouching` the fields vouched for so far in this walk, a bit each, and `top` the
// body's fields by key, each `{ kind, may, max, bit, level }` (`may`: whether the request may
// give it at all, by `req`; `level`: an object's fields by key). From the table (`fields`).
let req = 0, vouching = 0, lastVouched = 0, top = new Map(), currencies = new Set(), countries = new Set();
export function vouched() { return lastVouched; }
// Whether the trim keeps the character `c` at an end: visible ASCII at once, else by the set.
const keeps = (c) => (c > 32 && c < 127) || !trimmed.has(c);
const wellFormed = String.prototype.isWellFormed ? (s) => s.isWellFormed() : (s) => !LONE.test(s);
// Whether the clean check would pass the string `s` as `f`'s value as it is: a text the trim
// leaves alone (no surrogate at all: those are left to the module) within its limit, a currency
// or a country code as listed. Emails are the module's.
function vouch(f, s) {
  switch (f.kind) {
    case "text": {
      // No more UTF-16 units than the limit is no more code points; a pair is a character, a
      // lone surrogate none (the module refuses it).
      const n = s.length;
      return n > 0 && n <= f.max && keeps(s.charCodeAt(0)) && keeps(s.charCodeAt(n - 1)) && wellFormed(s);
    }
    case "currency": return currencies.has(s);
    case "country": return countries.has(s);
    default: return false;
  }
}
// The string `long` last cut to what the trim leaves (`null`: it sent a length).
let cut = null;
function long(s) {
  let a = 0, b = s.length;
  while (a < b && trimmed.has(s.charCodeAt(a))) a++;
  while (b > a && trimmed.has(s.charCodeAt(b - 1))) b--;
  // The trim characters are all outside the surrogates: what it leaves holds every one of them.
  if (b - a <= LONG) return quoted((cut = s.slice(a, b)));
  cut = null;
  const t = s.slice(a, b);
  if (!SURROGATE.test(t)) return "#" + t.length;
  if (LONE.test(t)) return "?";
  let pairs = 0;
  for (let i = 0; i < t.length; i++) { const c = t.charCodeAt(i); if (c >= 0xd800 && c <= 0xdbff) pairs++; }
  return "#" + (t.length - pairs);
}
// `key`: the member's name (`null` for an item or the value itself), for an email's text.
// `level`: the table's fields of an object here, by key, when its members may be vouched for.
function value(v, depth, keep, key, level) {
  switch (typeof v) {
    case "string": return v.length > LONG && !whole && !emails.has(key) ? long(v) : quoted(v);
    case "boolean": odd = true; return v ? "true" : "false";
    case "number": odd = true; return Number.isFinite(v) ? String(v) : "?";
    case "object": {
      if (v === null) return "null";
      if (depth >= maxDepth) return "?";
      let array;
      try { array = Array.isArray(v); } catch { return "?"; }
      if (!array) return members(v, depth, keep, level);
      odd = true;
      return items(v, depth);
    }
    default: odd = true; return "?";
  }
}
function items(v, depth) {
  let n;
  try { n = v.length; } catch { return "?"; }
  if (typeof n !== "number") return "?";
  // A sparse array may claim billions of slots: read no more than the budget allows.
  n = n > 0 && n !== Infinity ? Math.floor(n) : 0;
  const read = capped ? Math.min(n, SHOWN) : Math.min(n, budget);
  let out = "[";
  for (let i = 0; i < read; i++) {
    let item = "?";
    if (budget > 0) {
      budget--;
      try { item = v[i]; } catch { item = THREW; }
      item = item === undefined ? "null" : value(item, depth + 1, null, null, null);
    } else if (!capped) break;
    out += (i ? "," : "") + item;
  }
  // Each counted item is a node of the budget.
  const more = capped ? n - read : 0;
  budget = Math.max(0, budget - more);
  return out + counted(out, more, "") + "]";
}
// `~N` for the items counted past those read; `"":~N` for members. Only the walker writes a
// bare `~`: no value can stand for it.
function counted(out, more, key) {
  return more > 0 ? (out.length > 1 ? "," : "") + key + "~" + more : "";
}
const listed = Object.prototype.propertyIsEnumerable;
function members(v, depth, keep, level) {
  let names, more = 0, indices = 0;
  // A typed array's keys are its indices: the first are named without listing them all (a
  // million-item array would make a million strings), and the rest counted. Of its other own
  // keys, only the table's names are looked for.
  let n = 0;
  // (A subclass may give `length` a getter of its own, which may throw.)
  if (capped && ArrayBuffer.isView(v)) try { n = v.length; } catch { return "?"; }
  if (Number.isSafeInteger(n) && n > SHOWN) {
    names = [];
    for (let i = 0; i < SHOWN; i++) names.push(String(i));
    for (const k of keys.keys()) if (listed.call(v, k)) names.push(k);
    // What a count can say (an array index's range).
    indices = Math.min(n, 4294967295) - SHOWN;
  } else {
    try { names = Object.keys(v); } catch { return "?"; }
  }
  // `open`: the text ends inside a string, whose closing quote goes with what follows.
  let out = "{", shown = 0, open = false;
  for (let i = 0; i < names.length; i++) {
    const k = names[i];
    let m = "?";
    if (capped && shown >= SHOWN && !keys.has(k)) {
      // Counted, not read: only whether it is there at all (`undefined` is absent), while the
      // budget lasts.
      if (budget > 0) {
        budget--;
        let item;
        try { item = v[k]; } catch { item = THREW; }
        if (item !== undefined) more++;
      } else more++;
      continue;
    }
    // The field of the table this member is, where the walk knows the object's place in it.
    const f = level === null ? undefined : level.get(k);
    // Keys are kept even past the budget, so a known field is never reported missing.
    const known = level === null ? keys.get(k) : f;
    let raw = false;
    if (budget > 0) {
      budget--;
      let item;
      try { item = v[k]; } catch { item = THREW; }
      if (item === undefined) continue;
      // Kept by its place in the table, for `built`.
      if (keep !== null && f !== undefined) keep[f.index] = item;
      if (f !== undefined && f.may[req] && typeof item === "string" && vouch(f, item)) {
        // Vouched for: left out of the text.
        vouching |= f.bit;
        shown++;
        continue;
      }
      // A string with nothing to escape goes in as it is, its quotes with the key texts around
      // it: fewer pieces for the engine to join when the text is written out.
      if (typeof item === "string" && (item.length <= LONG || whole || emails.has(k)) && !ESCAPE.test(item)) {
        raw = true;
        m = item;
      } else {
        const before = vouching;
        m = value(item, depth + 1, keep, k, f === undefined ? null : f.level);
        // An object of the table whose every member was vouched for (its text `{}`, yet members
        // were read) is vouched for itself, where the request may give it.
        if (m === "{}" && vouching !== before && f.may[req]) {
          vouching |= f.bit;
          shown++;
          continue;
        }
      }
      // What the clean check sees of a long string is what the trim left of it.
      if (keep !== null && f !== undefined && typeof item === "string" && item.length > LONG && m !== "?" && !whole && !emails.has(k)) keep[f.index] = cut;
    }
    shown++;
    // The key's text in the form it takes here (see `fields`): without its comma for the first
    // member, after the closing quote of a string before it, before the opening one of its own.
    const form = (out.length > 1 ? 0 : 4) + (open ? 1 : 0) + (raw ? 2 : 0);
    let named;
    if (known === undefined) {
      odd = true;
      named = keyText(k);
      if (form & 4) named = named.slice(1);
      if (open) named = '"' + named;
      if (raw) named += '"';
    } else named = known.forms[form];
    out = out + named + m;
    open = raw;
  }
  if (open) out += '"';
  // Counted members took their budget one by one already; a typed array's indices take it here.
  budget = Math.max(0, budget - indices);
  return out + counted(out, more + indices, '"":') + "}";
}
const encoder = new TextEncoder();
let view = new Uint8Array(0);
// The text `fill` hands over piece by piece: a string, or bytes (decoded by `decoder`).
let source = null, at = 0, decoder = null, bad = false;
export function malformed() { return bad; }
export function encode(v, depth, nodes, ptr, cap, bounded, keepWhole, vouch) {
  if (v === undefined) return -1;
  // A getter or proxy trap may call back into the module while the walk goes on: the nested walk
  // draws on what is left of the outer one's budget (never a fresh one), and the outer walk gets
  // back its own record of members when it ends.
  const nested = walking;
  const wasCapped = capped, wasWhole = whole, wasOdd = odd, wasReq = req, wasVouching = vouching;
  req = vouch;
  vouching = 0;
  odd = false;
  maxDepth = depth;
  capped = bounded;
  whole = keepWhole;
  if (!nested) budget = nodes;
  // The members kept by their place in the table: the walk's own array when nested (which the
  // outer walk goes on filling), else the one array every walk reuses (`built` reads only what
  // this walk wrote: the fields in its mask were all read by it).
  const mine = (rec = order === null ? null : nested ? [] : slots);
  walking = true;
  let text;
  try { text = value(v, 0, mine, null, vouch === 0 ? null : top); } catch { text = "?"; }
  lastVouched = vouching;
  req = wasReq;
  vouching = wasVouching;
  walking = nested;
  capped = wasCapped;
  whole = wasWhole;
  rec = mine;
  const seen = odd;
  odd = wasOdd;
  // A text that does not fit waits for `fill`. The view is made again only for another buffer
  // (the allocator mostly hands back the same one) or after the memory grew, which detaches the
  // old view and leaves it empty: most calls make none, nor read `memory.buffer`.
  if (view.byteOffset !== ptr || view.length !== cap) view = new Uint8Array(memory.buffer, ptr, cap);
  const r = encoder.encodeInto(text, view);
  if (r.read === text.length) return seen ? -3 - r.written : r.written;
  open(text);
  return -2;
}
export function open(input) {
  got = [];
  at = 0;
  bad = false;
  decoder = null;
  source = null;
  if (typeof input === "string") source = input;
  // Bytes are read as `new TextDecoder("utf-8", { fatal: true }).decode(bytes)` reads them: a
  // BOM at the start dropped; a malformed sequence ends the text, and `malformed` says so (never
  // U+FFFD in place of what was sent).
  else if (input instanceof Uint8Array) {
    source = input;
    decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
    if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) at = 3;
  }
  return source !== null;
}
// The next piece of the text as UTF-8 at `ptr`: at most `cap` bytes, whole characters; 0 at the end.
export function fill(ptr, cap) {
  // A UTF-16 unit takes at most 3 bytes.
  let end = Math.min(source.length, at + Math.floor(cap / 3));
  let piece;
  if (decoder === null) {
    // A pair is never split: its first half waits for the next piece.
    const last = source.charCodeAt(end - 1);
    if (end < source.length && last >= 0xd800 && last <= 0xdbff) end--;
    piece = source.slice(at, end);
  } else {
    // Bytes go in as they are, one for one.
    end = Math.min(source.length, at + cap);
    // Nor is a character's bytes: a piece ends before a byte that starts one, where decoding in
    // pieces and decoding whole give the same text.
    for (let k = 0; k < 3 && end < source.length && (source[end] & 0xc0) === 0x80; k++) end--;
    const bytes = source.subarray(at, end);
    // Decoded only to be checked: bytes the decoder takes are UTF-8, and writing their text
    // as UTF-8 again would give the same bytes, so they are copied instead.
    try { decoder.decode(bytes); } catch { bad = true; return 0; }
    new Uint8Array(memory.buffer, ptr, cap).set(bytes);
    at = end;
    return bytes.length;
  }
  at = end;
  return encoder.encodeInto(piece, new Uint8Array(memory.buffer, ptr, cap)).written;
}
// Findings as `crate::results::write_issues` writes them, read into the objects `JSON.parse`
// would make of their JSON (which took a sixth of an invalid call): `list` reads `given` from
// `pos`, which is at the U+0001 before them. Each piece is its length (one character, or U+E000,
// digits and `;` for a long one), then its text: one slice, no search.
let given = "", pos = 0;
const raw = () => {
  let n = given.charCodeAt(pos) - 32, start = pos + 1;
  if (n >= 0xd800 - 32) {
    const end = given.indexOf(";", start);
    n = +given.slice(start, end);
    start = end + 1;
  }
  return given.slice(start, (pos = start + n));
};
// Each param's name as the one string first read for it: a key new on every call (a fresh slice)
// made each params object look it up in the engine's table of names, which cost more than a Map.
// Names are the module's own, a handful.
const names = new Map();
const nameOf = (k) => {
  let n = names.get(k);
  if (n === undefined) names.set(k, (n = k.slice(1)));
  return n;
};
// Each message's template by where it lies in the module's memory (static text: it never
// moves), as its pieces: text, then a param's name and text after it, and so on. Read from the
// memory the first time.
const templates = new Map();
const decoder8 = new TextDecoder();
function template(at, length) {
  let parts = templates.get(at);
  if (parts !== undefined) return parts;
  const text = decoder8.decode(new Uint8Array(memory.buffer, at, length));
  // As `crate::i18n::fill` reads it: `{name}` up to the first `}` after the `{`; a `{` with no
  // `}` after it is text.
  parts = [];
  let rest = text;
  for (let open; (open = rest.indexOf("{")) >= 0; ) {
    const close = rest.indexOf("}", open + 1);
    if (close < 0) break;
    parts.push(rest.slice(0, open), rest.slice(open + 1, close));
    rest = rest.slice(close + 1);
  }
  parts.push(rest);
  templates.set(at, parts);
  return parts;
}
// The message: each `{name}` filled with the param `name`, left as it is where there is none.
function message(parts, params) {
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i], v = params === undefined ? undefined : params[name];
    out += (v === undefined ? "{" + name + "}" : String(v)) + parts[i + 1];
  }
  return out;
}
function list() {
  const found = [];
  pos++;
  for (let n = +raw(); n > 0; n--) {
    const path = raw(), code = raw(), severity = raw() === "w" ? "warning" : "error";
    const parts = template(+raw(), +raw());
    let m = +raw(), params;
    if (m > 0) {
      params = {};
      for (; m > 0; m--) {
        const k = raw();
        params[nameOf(k)] = k.charCodeAt(0) === 110 ? +raw() : raw();
      }
    }
    const e = { path, code, severity, message: message(parts, params) };
    if (params !== undefined) e.params = params;
    found.push(e);
  }
  return found;
}
const reading = (t) => { given = t; pos = 0; };
export function issues(t) { reading(t); return list(); }
// Reads a result's text up to its findings: the value's JSON text before them, parsed (`null`
// for none: the text starts with the errors).
function head(t) {
  given = t;
  pos = t.indexOf("\u0001");
  return pos > 0 ? JSON.parse(t.slice(0, pos)) : null;
}
// A result of `validateCreate` or `validateUpdate`: the value's JSON text or the errors, then
// the warnings.
export function result(t) {
  const value = head(t);
  if (value !== null) return { ok: true, value, warnings: list() };
  const errors = list();
  return { ok: false, errors, warnings: list() };
}
// Every accepted record shares one frozen empty `errors`: a hundred thousand arrays fewer to make.
const NONE = Object.freeze([]);
// The refused records so far: the module hands them over a batch at a time (`count` -1) and
// keeps none; `count` -2 is the one record of an input that is not an array, which is the result.
let got = [];
export function expand(count, batch) {
  if (count === -2) got = [];
  for (reading(batch); pos < given.length; ) got.push({ index: +raw(), ok: false, errors: list() });
  if (count === -2) return got.splice(0);
  if (count < 0) return null;
  const refused = got;
  got = [];
  const out = [];
  for (let i = 0, j = 0; i < count; i++) out.push(refused[j]?.index === i ? refused[j++] : { index: i, ok: true, errors: NONE });
  return out;
}
export function parse(text) { return JSON.parse(text); }
// Each path of the table by its place in it, for `which`.
const index = new Map();
export function which(request, path) {
  const r = request === "create" ? 0 : request === "update" ? 1 : -1;
  if (r < 0) return -1;
  if (typeof path !== "string") return -2;
  const i = index.get(path);
  return i === undefined ? -3 - r : 2 * i + r;
}
export function fields(table, mem, trim) {
  memory = mem;
  for (let i = 0; i < trim.length; i++) trimmed.add(trim.charCodeAt(i));
  if (table === "") return;
  order = [];
  // The table (`table` in read.rs): each field's path, kind, presence and limit, the
  // currencies, the country codes.
  const [each, listed, codes] = table.split("|");
  for (const c of listed.split(", ")) currencies.add(c);
  for (let i = 0; i < codes.length; i += 2) countries.add(codes.slice(i, i + 2));
  for (const rule of each.split(",")) {
    const [path, kind, create, update, max] = rule.split(":");
    index.set(path, index.size);
    const dot = path.indexOf(".");
    const key = path.slice(dot + 1);
    if (kind === "email") emails.add(key);
    // Its text in each form `members` writes it (by the bits 4: first, no comma; 1: a quote
    // before; 2: a quote after).
    const text = "," + JSON.stringify(key) + ":", forms = [];
    for (let f = 0; f < 8; f++) forms.push((f & 1 ? '"' : "") + (f & 4 ? text.slice(1) : text) + (f & 2 ? '"' : ""));
    keys.set(key, { forms });
    // The field at its place in the table (`index`, and its bit in the clean check's mask),
    // under the object it is a member of.
    const at = index.size - 1, bit = 2 ** at;
    const field = { forms, index: at, bit, kind, may: [false, create !== "immutable", update !== "immutable"], max: +max, level: kind === "object" ? new Map() : null };
    (dot < 0 ? top : top.get(path.slice(0, dot)).level).set(key, field);
    if (dot < 0) order.push([path, null, bit, at]);
    else (order.find((f) => f[0] === path.slice(0, dot))[1] ??= []).push(key, bit, at);
  }
}
// Indexed loops, no destructuring: this runs on every clean body. `kept` says which fields the
// value keeps from what the walker read (the clean check's mask: strings and objects, not
// nulls), so no other is read; `rest` (or `null`) has the value of the others, in the table's
// order (`merged`).
function valueOf(kept, rest) {
  const value = {};
  for (let i = 0; i < order.length; i++) {
    const field = order[i], key = field[0];
    if ((kept & field[2]) === 0) {
      if (rest !== null && Object.hasOwn(rest, key)) value[key] = rest[key];
      continue;
    }
    const children = field[1];
    if (children === null) value[key] = rec[field[3]];
    else {
      const o = {}, others = rest === null ? undefined : rest[key];
      // Threes: a child's key, its bit, its place.
      for (let j = 0; j < children.length; j += 3) {
        const child = children[j];
        if (kept & children[j + 1]) o[child] = rec[children[j + 2]];
        else if (others !== undefined && Object.hasOwn(others, child)) o[child] = others[child];
      }
      value[key] = o;
    }
  }
  return value;
}
export function built(kept) { return { ok: true, value: valueOf(kept, null), warnings: [] }; }
export function merged(kept, t) {
  const value = valueOf(kept, head(t));
  return { ok: true, value, warnings: list() };
}
"##)]
extern "C" {
    /// `o[k]`, or a symbol when reading it threw.
    pub fn member(o: &JsValue, k: &JsValue) -> JsValue;
    /// Writes the value as JSON text (`?` for what JSON cannot carry) at `ptr`: the bytes
    /// written, or -3 minus them when the walk saw what no clean body holds (see `crate::scan`:
    /// an unknown key, a number, a boolean, an array, a string with an escape, `?`); -1 for
    /// `undefined`; -2 when `cap` bytes are too few: [`fill`] then hands it over.
    /// `bounded`: past the first members and items of a container, count the rest (`~N`), and
    /// send a long string as its length (`#N`), unless `whole` keeps every string's text.
    /// `vouch`: 1 for a create body, 2 for an update, whose members it vouches for (see
    /// [`walk_vouching`]); 0 for none.
    fn encode(
        v: &JsValue,
        max_depth: u32,
        max_nodes: u32,
        ptr: *mut u8,
        cap: u32,
        bounded: bool,
        whole: bool,
        vouch: u32,
    ) -> i32;
    /// Takes `input` as the text [`fill`] hands over: `false` when it is neither a string nor
    /// a Uint8Array.
    pub fn open(input: &JsValue) -> bool;
    /// Writes the next piece of the text at `ptr` (at most `cap` bytes, whole characters): the
    /// bytes written, 0 at the end.
    pub fn fill(ptr: *mut u8, cap: u32) -> u32;
    /// Whether the bytes last opened held a sequence that is not UTF-8 (their text ended there).
    #[cfg(feature = "js-validation")]
    pub fn malformed() -> bool;
    /// Takes a batch of refused records of `validateMany` (as `crate::results::write_refused`
    /// writes them, by index); with `count` not -1, the last: then all `count` records, the
    /// refused ones and `ok` for the rest; with -2, the one record that is the result.
    #[cfg(feature = "js-validation")]
    pub fn expand(count: i32, refused: &str) -> JsValue;
    /// The `FieldError`s that `crate::results::write_issues` wrote.
    #[cfg(feature = "js-validation")]
    pub fn issues(text: &str) -> JsValue;
    /// The result that `crate::validate::validation_compact` wrote.
    #[cfg(feature = "js-validation")]
    pub fn result(text: &str) -> JsValue;
    /// The valid result that `crate::validate::sparse_compact` wrote, its value completed with
    /// the fields in `kept` as the walker last read them (see [`built`]).
    #[cfg(feature = "js-validation")]
    pub fn merged(kept: u32, text: &str) -> JsValue;
    /// `JSON.parse(text)`, for text the shell wrote itself.
    #[wasm_bindgen(js_name = parse)]
    pub fn parse_json(text: &str) -> JsValue;
    /// For `validateField`, without reading either string into the module: -1 when `request` is
    /// neither `"create"` nor `"update"`, -2 when `path` is no string; else the request (0 create,
    /// 1 update) plus, for a path of the table, twice its index, or for another path -3 - it.
    #[cfg(feature = "js-validation")]
    pub fn which(request: &JsValue, path: &JsValue) -> i32;
    /// Hands the walker the table (see [`table`]; empty for the client), the module's memory
    /// and the trim set.
    fn fields(table: &str, memory: JsValue, trim: &str);
    /// The fields the last walk vouched for (see [`walk_vouching`]), a bit each in the table's order.
    #[cfg(feature = "js-validation")]
    fn vouched() -> u32;
    /// `{ ok: true, value, warnings: [] }` for the body last encoded, which the clean check passed:
    /// its strings in the table's order.
    fn built(kept: u32) -> JsValue;
}

/// Whether the walker has the table yet (the module runs on one thread).
static TABLE_SENT: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

/// Room for the text of any body a form sends: one crossing of the boundary, no second pass.
const FIRST_TRY: usize = 2048;

/// Hands the walker the table and the module's memory, once (the module runs on one thread).
pub fn start() {
    use core::sync::atomic::Ordering::Relaxed;
    if TABLE_SENT.swap(true, Relaxed) {
        return;
    }
    // Only the validation module builds values from what the walker read, vouches for members
    // and sends bodies bounded (see `Reading`): the client needs neither the table nor the trim set.
    #[cfg(feature = "js-validation")]
    let (table, trim) = (table(), crate::text::TRIM_CHARS);
    #[cfg(not(feature = "js-validation"))]
    let (table, trim) = (String::new(), "");
    fields(&table, wasm_bindgen::memory(), trim);
}

/// The table as the walker is told it: each field, parents before children, as its path, its
/// kind, its presence in a create and in an update, and its limit (empty for none), by their
/// names in the table's data (`Kind::name_and_max`, `Presence::name`), joined by `:`, the fields
/// by `,`; then `|` and the currencies the API takes (as `allowed` lists them); then `|` and
/// every country code, end to end. What keeps a clean body's value (`built`) and what vouches
/// for a member (see [`walk_vouching`]) both read it.
#[cfg(feature = "js-validation")]
fn table() -> String {
    use crate::rules::{RequestKind, FIELDS};
    let mut out = String::with_capacity(1024);
    for (i, field) in FIELDS.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let (kind, max) = field.kind.name_and_max();
        for part in [
            field.path,
            kind,
            field.presence(RequestKind::Create).name(),
            field.presence(RequestKind::Update).name(),
        ] {
            out.push_str(part);
            out.push(':');
        }
        if let Some(max) = max {
            crate::num::push_usize(&mut out, max);
        }
    }
    out.push('|');
    out.push_str(&crate::validate::currency_list());
    out.push('|');
    out.push_str(crate::country::CODES);
    out
}

/// How [`text_of`] reads a value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// A body or a field's value, for validation: large containers counted past their first
    /// members, long strings sent as their length, emails excepted.
    Body,
    /// A value whose every string is kept whole (an email field's value).
    #[cfg_attr(not(feature = "js-validation"), allow(dead_code))]
    Whole,
    /// Everything as it is, up to the node budget: what the client reads (results it is handed).
    Exact,
}

/// Appends what [`fill`] hands over to `buf`, to the end of the text.
pub fn fill_all(buf: &mut Vec<u8>) {
    loop {
        let len = buf.len();
        buf.resize(len + FIRST_TRY.max(len), 0);
        let room = buf.len() - len;
        let ptr = buf
            .get_mut(len..)
            .map_or(core::ptr::null_mut(), |b| b.as_mut_ptr());
        let n = (fill(ptr, u32::try_from(room).unwrap_or(u32::MAX)) as usize).min(room);
        buf.truncate(len + n);
        if n == 0 {
            return;
        }
    }
}

/// UTF-8 that [`encode`] or [`fill`] wrote, as text.
#[cfg(feature = "js-validation")]
pub fn utf8(bytes: &[u8]) -> &str {
    // SAFETY: the bytes are what `TextEncoder.encodeInto` wrote (or `text.js`'s stand-in where
    // there is no TextEncoder): UTF-8 by the Encoding Standard, whole characters only (a lone
    // surrogate becomes U+FFFD), up to the count it reported. wasm-bindgen takes every `String`
    // argument from JavaScript on the same guarantee, unchecked. (Checked, the validation module
    // carried 330 bytes of gzip more.)
    unsafe { core::str::from_utf8_unchecked(bytes) }
}

/// The value as JSON text, as [`encode`] writes it (`None` for `undefined`).
///
/// The walker writes the text straight into this module's memory (`TextEncoder.encodeInto`),
/// not as a returned string, which wasm-bindgen copies in with a loop over its characters.
pub fn text_of(value: &JsValue, reading: Reading) -> Option<String> {
    walk(value, reading).map(|(text, _)| text)
}

/// [`text_of`], and whether the body may be clean: `false` when the walk saw what the clean
/// check would refuse (so it need not run).
pub fn walk(value: &JsValue, reading: Reading) -> Option<(String, bool)> {
    walk_with(value, reading, 0)
}

/// [`walk`] of a `request` body whose members the walker vouches for where it can: a string
/// member of the table (not an email) that the clean check would pass as it is, or an object
/// of the table all of whose members it vouched for, is left out of the text, and its bit
/// (the table's order) set in the mask that comes with it. The text is then not the body's:
/// only [`crate::scan::sparse_body`] may read it, with the mask; anything else reads a
/// [`walk`] of its own.
#[cfg(feature = "js-validation")]
pub fn walk_vouching(
    value: &JsValue,
    request: crate::rules::RequestKind,
) -> Option<(String, bool, u64)> {
    let vouch = match request {
        crate::rules::RequestKind::Create => 1,
        crate::rules::RequestKind::Update => 2,
    };
    let (text, may_be_clean) = walk_with(value, Reading::Body, vouch)?;
    Some((text, may_be_clean, u64::from(vouched())))
}

fn walk_with(value: &JsValue, reading: Reading, vouch: u32) -> Option<(String, bool)> {
    start();
    // Not zeroed first: `encode` writes what is kept. From the allocator's region, with what
    // the call makes of it.
    let mut buf = super::arena::scratch(|| Vec::with_capacity(FIRST_TRY));
    let n = encode(
        value,
        MAX_DEPTH as u32,
        MAX_NODES as u32,
        buf.as_mut_ptr(),
        FIRST_TRY as u32,
        reading != Reading::Exact,
        reading != Reading::Body,
        vouch,
    );
    let written = match n {
        -1 => return None,
        -2 => {
            fill_all(&mut buf);
            None
        }
        n if n < 0 => Some((-3 - n, false)),
        n => Some((n, true)),
    };
    let mut clean = true;
    if let Some((n, may_be_clean)) = written {
        clean = may_be_clean;
        // SAFETY: `encode` wrote `n` bytes (at most `FIRST_TRY`, the capacity) at the pointer.
        unsafe { buf.set_len(usize::try_from(n).unwrap_or(0).min(FIRST_TRY)) };
    }
    // SAFETY: as in `utf8`.
    Some((unsafe { String::from_utf8_unchecked(buf) }, clean))
}

/// What [`text_of`] wrote, read back.
pub fn from_text(text: &str) -> Value {
    // `encode` writes only what this reads; anything else is read as a value nothing accepts.
    json::parse_text(text, Mode::Js { unsupported: true }).unwrap_or(Value::Unsupported)
}

/// The result of a body that [`crate::scan::clean_fields`] passed, from the last [`text_of`]
/// and the fields it keeps.
#[cfg(feature = "js-validation")]
pub fn clean_result(kept: u64) -> JsValue {
    // The table has fewer than 32 fields.
    built(kept as u32)
}

pub(crate) use super::type_error;
