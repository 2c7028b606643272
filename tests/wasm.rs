//! The JS surface in a real JS engine: the rules as JavaScript sees them, and hostile inputs. Runs in Node and headless Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use billing_account_form::wasm::{
    char_count, countries, currencies, limits, validate_create, validate_field, validate_many,
    validate_update, Options,
};
use js_sys::{Function, JSON};
use tsify::Ts;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

/// The value of a JavaScript expression, built by the engine itself (getters, proxies, symbols…).
fn js(expr: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expr});"))
        .call0(&JsValue::NULL)
        .expect("test expression threw")
}

/// Calls `f(value)` in JavaScript and returns its result: checks written as JS expressions.
fn check(value: &JsValue, body: &str) -> JsValue {
    Function::new_with_args("r", body)
        .call1(&JsValue::NULL, value)
        .expect("check threw")
}

fn json(v: &JsValue) -> String {
    JSON::stringify(v).map(String::from).unwrap_or_default()
}

fn opts(expr: &str) -> Option<Ts<Options>> {
    Some(Ts::new_unchecked(js(expr)))
}

fn create(expr: &str) -> JsValue {
    validate_create(js(expr), None).expect("validateCreate threw")
}

fn update(expr: &str) -> JsValue {
    validate_update(js(expr), None).expect("validateUpdate threw")
}

/// `"path:code"` for each error, in order: a readable snapshot of a failed validation.
fn errors(result: &JsValue) -> String {
    check(
        result,
        "return r.ok ? 'ok' : r.errors.map(e => e.path + ':' + e.code).join(' ')",
    )
    .as_string()
    .unwrap()
}

fn is_type_error(e: JsValue) -> bool {
    e.is_instance_of::<js_sys::TypeError>()
}

/// After anything hostile, the module must still answer a normal call correctly.
fn still_works() {
    let r = create("{ name: 'Acme', email: 'billing@acme.com' }");
    assert_eq!(errors(&r), "ok");
}

const VALID: &str = "{ name: ' Acme Ltd ', email: 'billing@acme.com', phone: '   ', description: null, currency: 'eur', address: { country: 'ZA', city: ' Cape Town ', line2: '' } }";

// ---- the rules through the surface ----

#[wasm_bindgen_test]
fn a_valid_create_comes_back_normalized() {
    let r = create(VALID);
    assert_eq!(
        json(&r),
        r#"{"ok":true,"value":{"name":"Acme Ltd","email":"billing@acme.com","currency":"eur","address":{"country":"ZA","city":"Cape Town"}},"warnings":[]}"#
    );
}

#[wasm_bindgen_test]
fn every_field_gets_its_own_error() {
    let r = create(
        "{ name: '  ', email: 'a'.repeat(140) + '@example.com', phone: 5, currency: 'EUR', address: { country: 'us', postalCode: '8001' }, colour: 'red' }",
    );
    assert_eq!(
        errors(&r),
        "name:required email:too_long phone:type currency:currency address.country:country colour:unknown_field address.postalCode:unknown_field"
    );
    let r = create("{ currency: 'EUR' }");
    assert_eq!(
        check(
            &r,
            "return r.errors.find(e => e.path === 'currency').params.suggestion"
        ),
        "eur"
    );
    let r = create("{ address: { postalCode: '1' } }");
    assert_eq!(
        check(
            &r,
            "return r.errors.find(e => e.code === 'unknown_field').params.suggestion"
        ),
        "address.postal_code"
    );
}

#[wasm_bindgen_test]
fn lengths_are_code_points_with_params() {
    let ok = create("{ name: '😀'.repeat(100), email: 'a@b.co' }");
    assert_eq!(errors(&ok), "ok");
    let long = create("{ name: '😀'.repeat(101), email: 'a@b.co' }");
    assert_eq!(errors(&long), "name:too_long");
    assert_eq!(
        json(&check(&long, "return r.errors[0].params")),
        r#"{"max":100,"length":101}"#
    );
    assert_eq!(
        check(&long, "return r.errors[0].message"),
        "At most 100 characters (101 now)."
    );
}

#[wasm_bindgen_test]
fn update_keeps_absent_and_null_apart() {
    let r = update("{ phone: null, description: ' ', name: 'New' }");
    assert_eq!(
        json(&r),
        r#"{"ok":true,"value":{"name":"New","phone":null,"description":null},"warnings":[]}"#
    );
    assert_eq!(
        check(&r, "return 'address' in r.value || 'email' in r.value"),
        false
    );
    assert_eq!(errors(&update("{ name: null }")), "name:required");
    assert_eq!(errors(&update("{ currency: 'usd' }")), "currency:immutable");
    assert_eq!(errors(&update("{ currency: null }")), "currency:immutable");
    assert_eq!(errors(&update("{ address: null }")), "ok");
    assert_eq!(errors(&update("{}")), "ok");
}

#[wasm_bindgen_test]
fn messages_follow_the_locale() {
    let input = js("{ email: 'x@y.co' }");
    let en = validate_create(input.clone(), opts("{ locale: 'en' }")).unwrap();
    let ar = validate_create(input.clone(), opts("{ locale: 'ar' }")).unwrap();
    let id = validate_create(input.clone(), opts("{ locale: 'id' }")).unwrap();
    let default = validate_create(input.clone(), opts("{}")).unwrap();
    let message = |r: &JsValue| check(r, "return r.errors[0].message").as_string().unwrap();
    assert_eq!(message(&en), "This field is required.");
    assert_eq!(message(&id), "Wajib diisi.");
    assert_ne!(message(&ar), message(&en));
    assert_eq!(message(&default), message(&en));
    assert_eq!(errors(&ar), errors(&en), "codes never depend on the locale");
}

#[wasm_bindgen_test]
fn bad_options_throw_a_type_error_and_nothing_breaks() {
    for bad in [
        "{ locale: 'fr' }",
        "{ locale: 'EN' }",
        "{ locale: 1 }",
        "5",
        "'en'",
        "{ get locale() { throw new Error('boom') } }",
        "new Proxy({}, { get() { throw new Error('trap') } })",
    ] {
        let e = validate_create(js("{}"), opts(bad)).expect_err(bad);
        assert!(is_type_error(e), "{bad}");
        still_works();
    }
    // null and undefined options mean "no options".
    assert!(validate_create(js("{}"), opts("null")).is_ok());
    assert!(validate_create(js("{}"), opts("undefined")).is_ok());
}

#[wasm_bindgen_test]
fn validate_field_gives_live_feedback() {
    let r = validate_field(js("'create'"), js("'email'"), js("'bob@gmial.com'"), None).unwrap();
    assert_eq!(
        json(&r),
        r#"[{"path":"email","code":"email_suggestion","severity":"warning","message":"Did you mean bob@gmail.com?","params":{"suggestion":"bob@gmail.com"}}]"#
    );
    let r = validate_field(js("'create'"), js("'name'"), JsValue::UNDEFINED, None).unwrap();
    assert_eq!(check(&r, "return r.map(e => e.code).join()"), "required");
    let r = validate_field(js("'update'"), js("'name'"), JsValue::UNDEFINED, None).unwrap();
    assert_eq!(json(&r), "[]");
    let r = validate_field(js("'update'"), js("'currency'"), js("'usd'"), None).unwrap();
    assert_eq!(check(&r, "return r[0].code"), "immutable");
    let r = validate_field(
        js("'create'"),
        js("'address'"),
        js("{ country: 'XX', zip: 1 }"),
        None,
    )
    .unwrap();
    assert_eq!(
        check(&r, "return r.map(e => e.path + ':' + e.code).join(' ')"),
        "address.country:country address.zip:unknown_field"
    );
    let r = validate_field(js("'create'"), js("'nope'"), js("1"), None).unwrap();
    assert_eq!(check(&r, "return r[0].code"), "unknown_field");
    for (request, path) in [
        ("'delete'", "'name'"),
        ("undefined", "'name'"),
        ("'create'", "5"),
    ] {
        let e = validate_field(js(request), js(path), js("'x'"), None).unwrap_err();
        assert!(is_type_error(e), "{request} {path}");
    }
    still_works();
}

#[wasm_bindgen_test]
fn reference_data() {
    assert_eq!(
        json(&currencies().unwrap()),
        r#"["usd","zar","eur","gbp","aud"]"#
    );
    assert_eq!(
        json(&limits()),
        r#"{"name":100,"email":150,"phone":50,"description":200,"address.line1":255,"address.line2":255,"address.city":255,"address.state":255,"address.postal_code":255}"#
    );
    let en = countries(None).unwrap();
    assert_eq!(check(&en, "return r.length"), 249);
    let us = check(&en, "return r.find(c => c.code === 'US')");
    assert_eq!(json(&us), r#"{"code":"US","name":"United States"}"#);
    let ar = countries(Some(Ts::new_unchecked(js("'ar'")))).unwrap();
    assert_eq!(
        json(&check(&ar, "return r[0]")),
        r#"{"code":"AD","name":"أندورا"}"#
    );
    assert!(is_type_error(
        countries(Some(Ts::new_unchecked(js("'de'")))).unwrap_err()
    ));
    assert_eq!(char_count(js("'👩‍👩‍👧'")).unwrap(), 5);
    assert_eq!(char_count(js("'e\\u0301'")).unwrap(), 2);
    // The server trims before it counts: what will be cut off does not count.
    assert_eq!(char_count(js("' \\u200b a \\ufeff\\u3000'")).unwrap(), 1);
    assert_eq!(char_count(js("' \\t'")).unwrap(), 0);
    for bad in ["5", "null", "undefined", "Symbol()", "['a']"] {
        assert!(is_type_error(char_count(js(bad)).unwrap_err()), "{bad}");
    }
}

// ---- validateMany: an import of many bodies in one call ----

fn many(text: &str) -> JsValue {
    validate_many(JsValue::from_str(text), None).expect("validateMany threw")
}

/// `"index:ok:path:code …"` for each record.
fn records(result: &JsValue) -> String {
    check(
        result,
        "return r.map(x => x.index + ':' + x.ok + (x.errors.length ? ':' + x.errors.map(e => e.path + '=' + e.code).join(',') : '')).join(' ')",
    )
    .as_string()
    .unwrap()
}

#[wasm_bindgen_test]
fn validate_many_gives_every_record_its_result() {
    let r = many(
        r#"[{"name":" Acme ","email":"billing@acme.com"},
            {"name":"Acme","email":"not an email","currency":"EUR"},
            42, null, {"name":"A","email":"a@b.co","address":{"postalCode":"1"}},
            {"name":"B","email":"b@b.co","name":"  "}]"#,
    );
    assert_eq!(
        records(&r),
        "0:true 1:false:email=email,currency=currency 2:false:=type 3:false:name=required,email=required 4:false:address.postalCode=unknown_field 5:false:name=required"
    );
    assert_eq!(
        json(&check(&r, "return r[0]")),
        r#"{"index":0,"ok":true,"errors":[]}"#
    );
    assert_eq!(records(&many("[]")), "");
    assert_eq!(
        records(&many(r#" [ {"name":"A\uD800","email":"a@b.co"} ] "#)),
        "0:false:name=type"
    );
    let ar = validate_many(JsValue::from_str("[{}]"), opts("{ locale: 'ar' }")).unwrap();
    assert_eq!(
        check(&ar, "return r[0].errors[0].message"),
        "هذا الحقل مطلوب."
    );
}

#[wasm_bindgen_test]
fn validate_many_answers_text_that_is_not_an_array_of_json() {
    for text in [
        "",
        "{}",
        "\"x\"",
        "[{}",
        "[{},]",
        "[?]",
        "[1] [2]",
        "<html>",
        r#"[{"a":1}]x"#,
    ] {
        let r = many(text);
        assert_eq!(records(&r), "-1:false:=type", "{text}");
        assert_eq!(
            check(&r, "return r[0].errors[0].message"),
            "Must be JSON text holding an array of billing accounts.",
            "{text}"
        );
    }
    for bad in ["5", "null", "undefined", "['[]']"] {
        assert!(
            is_type_error(validate_many(js(bad), None).unwrap_err()),
            "{bad}"
        );
    }
    assert!(is_type_error(
        validate_many(JsValue::from_str("[]"), opts("{ locale: 'de' }")).unwrap_err()
    ));
    still_works();
}

// ---- hostile input: always a structured result, never a throw, trap or hang ----

#[wasm_bindgen_test]
fn any_body_that_is_not_an_object_is_a_type_error_at_the_root() {
    for body in [
        "42",
        "NaN",
        "true",
        "'a string'",
        "10n",
        "Symbol('s')",
        "() => 1",
        "class {}",
    ] {
        let r = create(body);
        assert_eq!(errors(&r), ":type", "{body}");
        assert_eq!(check(&r, "return r.errors[0].params.expected"), "object");
    }
    still_works();
}

#[wasm_bindgen_test]
fn no_body_is_an_empty_body() {
    for body in ["undefined", "null", "{}", "[]"] {
        assert_eq!(
            errors(&create(body)),
            "name:required email:required",
            "{body}"
        );
        assert_eq!(errors(&update(body)), "ok", "{body}");
    }
}

#[wasm_bindgen_test]
fn arrays_where_objects_belong() {
    assert_eq!(
        errors(&create("['Acme', 'a@b.co']")),
        "name:required email:required 0:unknown_field 1:unknown_field"
    );
    assert_eq!(
        errors(&create(
            "{ name: ['Acme'], email: 'a@b.co', address: ['US'] }"
        )),
        "name:type address.0:unknown_field"
    );
}

#[wasm_bindgen_test]
fn values_json_cannot_carry_are_type_errors() {
    for value in [
        "10n",
        "Symbol('x')",
        "function () {}",
        "NaN",
        "Infinity",
        "-0",
        "true",
        "{ toString() { return 'Acme' } }",
        "new String('Acme')",
    ] {
        let r = create(&format!("{{ name: {value}, email: 'a@b.co' }}"));
        assert_eq!(errors(&r), "name:type", "{value}");
    }
    // undefined members are absent, as JSON.stringify drops them.
    assert_eq!(
        errors(&create(
            "{ name: 'Acme', email: 'a@b.co', phone: undefined }"
        )),
        "ok"
    );
    still_works();
}

#[wasm_bindgen_test]
fn throwing_getters_and_proxies_are_caught() {
    let r = create("{ get name() { throw new Error('boom') }, email: 'a@b.co' }");
    assert_eq!(errors(&r), "name:type");
    let r = create(
        "{ name: 'Acme', email: 'a@b.co', address: { get country() { throw new TypeError('no') } } }",
    );
    assert_eq!(errors(&r), "address.country:type");
    let r = create("new Proxy({}, { ownKeys() { throw new Error('trap') } })");
    assert_eq!(errors(&r), ":type");
    let r = create(
        "new Proxy({ name: 'Acme', email: 'a@b.co' }, { get() { throw new Error('trap') } })",
    );
    assert_eq!(errors(&r), "name:type email:type");
    let r = create("(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()");
    assert_eq!(errors(&r), ":type");
    let r = create(
        "{ name: 'Acme', email: 'a@b.co', address: (() => { const p = Proxy.revocable([], {}); p.revoke(); return p.proxy; })() }",
    );
    assert_eq!(errors(&r), "address:type");
    still_works();
}

#[wasm_bindgen_test]
fn prototype_keys_are_just_unknown_keys() {
    let r = create(
        r#"JSON.parse('{"name":"Acme","email":"a@b.co","__proto__":{"name":null},"constructor":1}')"#,
    );
    assert_eq!(
        errors(&r),
        "__proto__:unknown_field constructor:unknown_field"
    );
    let r = create("Object.assign(Object.create(null), { name: 'Acme', email: 'a@b.co' })");
    assert_eq!(errors(&r), "ok");
    // Inherited members are not the body's own, as JSON.stringify sees it.
    let r = create("Object.create({ name: 'Acme', email: 'a@b.co' })");
    assert_eq!(errors(&r), "name:required email:required");
    // Nothing was polluted.
    assert_eq!(js("({}).name"), JsValue::UNDEFINED);
    still_works();
}

#[wasm_bindgen_test]
fn megabyte_strings() {
    let r = create(
        "{ name: 'x'.repeat(1 << 20), email: 'a@b.co', description: '\\u{1F600}'.repeat(1 << 19) }",
    );
    assert_eq!(errors(&r), "name:too_long description:too_long");
    assert_eq!(
        json(&check(&r, "return r.errors.map(e => e.params.length)")),
        "[1048576,524288]"
    );
    let r = create("{ name: 'Acme', email: 'a@b.co', ['k'.repeat(1 << 20)]: 1 }");
    assert_eq!(
        check(&r, "return r.errors[0].path.length"),
        JsValue::from(1 << 20)
    );
    assert_eq!(char_count(js("'y'.repeat(1 << 20)")).unwrap(), 1 << 20);
    still_works();
}

#[wasm_bindgen_test]
fn deep_nesting_is_cut_not_followed() {
    let r = create(
        "(() => { let v = 'x'; for (let i = 0; i < 100000; i++) v = { a: v }; return { name: v, email: 'a@b.co', address: v }; })()",
    );
    assert_eq!(errors(&r), "name:type address.a:unknown_field");
    let r = create("(() => { let v = []; for (let i = 0; i < 100000; i++) v = [v]; return v; })()");
    assert_eq!(errors(&r), "name:required email:required 0:unknown_field");
    still_works();
}

#[wasm_bindgen_test]
fn cycles_end() {
    let r = create("(() => { const o = { name: 'Acme', email: 'a@b.co' }; o.address = o; o.self = o; return o; })()");
    assert_eq!(
        errors(&r),
        "self:unknown_field address.name:unknown_field address.email:unknown_field address.address:unknown_field address.self:unknown_field"
    );
    let r = create("(() => { const a = []; for (let i = 0; i < 8; i++) a.push(a); return { name: a, email: a, x: a }; })()");
    assert_eq!(errors(&r), "name:type email:type x:unknown_field");
    still_works();
}

#[wasm_bindgen_test]
fn huge_and_sparse_containers_finish() {
    let r = create("(() => { const a = []; a.length = 4294967295; return a; })()");
    assert_eq!(check(&r, "return r.ok"), false);
    let r = create("{ name: 'Acme', email: 'a@b.co', address: (() => { const a = []; a.length = 4294967295; return a; })() }");
    assert_eq!(check(&r, "return r.errors[0].path"), "address.0");
    let r = create(
        "(() => { const o = {}; for (let i = 0; i < 200000; i++) o['k' + i] = i; o.name = 'Acme'; o.email = 'a@b.co'; return o; })()",
    );
    // Past the read budget values are not read, but every key is still seen: twenty unknown
    // keys listed, then one error that counts the rest.
    assert_eq!(check(&r, "return r.errors.length"), JsValue::from(23));
    assert_eq!(
        json(&check(&r, "return r.errors.at(-1)")),
        r#"{"path":"","code":"unknown_field","severity":"error","message":"And 199980 more unknown fields.","params":{"more":199980}}"#
    );
    assert_eq!(
        check(
            &r,
            "return r.errors.filter(e => e.code !== 'unknown_field').map(e => e.path).join()"
        ),
        "name,email"
    );
    still_works();
}

/// The wasm module's memory, in bytes.
fn memory_size() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let buffer: js_sys::ArrayBuffer = memory.buffer().unchecked_into();
    f64::from(buffer.byte_length())
}

#[wasm_bindgen_test]
fn large_containers_are_counted_past_their_first_members() {
    // A typed array's indices are not listed: twenty named, the rest counted exactly.
    let r = create("{ name: 'Acme', email: 'a@b.co', address: new Uint8Array(5000000) }");
    assert_eq!(check(&r, "return r.errors.length"), JsValue::from(21));
    assert_eq!(
        json(&check(&r, "return [r.errors[19].path, r.errors[20]]")),
        r#"["address.19",{"path":"address","code":"unknown_field","severity":"error","message":"And 4999980 more unknown fields.","params":{"more":4999980}}]"#
    );
    // Of a long typed array's other keys, the table's are still read.
    let r = create(
        "{ name: 'Acme', email: 'a@b.co', address: Object.assign(new Float64Array(100), { city: 5 }) }",
    );
    assert_eq!(
        check(&r, "return r.errors.filter(e => e.code !== 'unknown_field').map(e => e.path + ':' + e.code).join()"),
        "address.city:type"
    );
    assert_eq!(
        check(&r, "return r.errors.find(e => e.params?.more).params.more"),
        JsValue::from(80)
    );
    // A subclass whose `length` throws is a value nothing accepts, not a thrown call.
    let r = create(
        "{ name: 'Acme', email: 'a@b.co', address: new (class extends Uint8Array { get length() { throw new Error('x'); } })(100) }",
    );
    assert_eq!(errors(&r), "address:type");
    // An array's items alike, and a short one as before.
    let r = create(
        "{ name: 'Acme', email: 'a@b.co', address: Array.from({ length: 100 }, (_, i) => i) }",
    );
    assert_eq!(
        check(&r, "return r.errors.at(-1).params.more"),
        JsValue::from(80)
    );
    let r = create("{ name: 'Acme', email: 'a@b.co', address: Array(30).fill('x') }");
    assert_eq!(
        check(&r, "return r.errors.at(-1).params.more"),
        JsValue::from(10)
    );
    // Counted members are counted as JSON sees them: `undefined` ones are absent.
    let r = create(
        "(() => { const o = { name: 'Acme', email: 'a@b.co' }; for (let i = 0; i < 300; i++) o['k' + i] = i % 3 ? i : undefined; return o; })()",
    );
    assert_eq!(
        check(&r, "return r.errors.at(-1).params.more"),
        JsValue::from(180)
    );
    // Every counted item takes its part of the budget: what follows is not read.
    let r = create("{ address: new Uint8Array(200000), name: 'Acme', email: 'a@b.co' }");
    assert_eq!(
        check(&r, "return r.errors.filter(e => e.code !== 'unknown_field').map(e => e.path + ':' + e.code).join()"),
        "name:type,email:type"
    );
    // The marks the walker writes cannot be forged from a value.
    let r = create("{ name: '#5', email: 'a@b.co', ['~3']: 1, description: '~4' }");
    assert_eq!(errors(&r), "~3:unknown_field");
    assert_eq!(check(&r, "return r.errors[0].params.field"), "~3");
    still_works();
}

#[wasm_bindgen_test]
fn long_strings_are_judged_by_their_length() {
    // What the trim leaves is what is judged, and what the value holds.
    let r =
        create("{ name: ' '.repeat(3000) + 'Acme' + '\\t\\u3000'.repeat(2000), email: 'a@b.co' }");
    assert_eq!(
        json(&check(&r, "return r.value")),
        r#"{"name":"Acme","email":"a@b.co"}"#
    );
    let r = create("{ name: ' '.repeat(5000), email: 'a@b.co' }");
    assert_eq!(errors(&r), "name:required");
    // Code points, after the trim.
    let r = create("{ name: ' ' + '\\u{1F600}'.repeat(2000) + ' ', email: 'a@b.co', description: 'é'.repeat(1500) }");
    assert_eq!(errors(&r), "name:too_long description:too_long");
    assert_eq!(
        json(&check(&r, "return r.errors.map(e => e.params.length)")),
        "[2000,1500]"
    );
    let r = create("{ name: 'a'.repeat(5000) + '\\ud800', email: 'a@b.co' }");
    assert_eq!(errors(&r), "name:type");
    let r = create("{ name: 'Acme', email: 'a@b.co', currency: 'x'.repeat(5000), address: { country: 'Z'.repeat(5000) } }");
    assert_eq!(errors(&r), "currency:currency address.country:country");
    // An email keeps its whole text: its verdict needs every character.
    let r = create("{ name: 'Acme', email: 'a'.repeat(3000) + '@b.co' }");
    assert_eq!(errors(&r), "email:too_long");
    assert_eq!(
        check(&r, "return r.errors[0].params.length"),
        JsValue::from(3005)
    );
    let r = create("{ name: 'Acme', email: 'a'.repeat(3000) + ' b@b.co' }");
    assert_eq!(errors(&r), "email:email");
    let field = |path: &str, value: &str| {
        let f = validate_field(js("'create'"), js(path), js(value), None).unwrap();
        json(&check(
            &f,
            "return r.map(e => e.code + (e.params?.length ?? ''))",
        ))
    };
    assert_eq!(field("'name'", "'a'.repeat(4000)"), r#"["too_long4000"]"#);
    assert_eq!(
        field("'email'", "'a b'.repeat(1000) + '@b.co'"),
        r#"["email"]"#
    );
    assert_eq!(
        field("'email'", "'a'.repeat(1000) + '@b.co'"),
        r#"["too_long1005"]"#
    );
    still_works();
}

#[wasm_bindgen_test]
fn hostile_values_leave_the_memory_small() {
    // Warm: the first calls size the module's working memory.
    still_works();
    let before = memory_size();
    let hostile = [
        "{ name: 'a', email: 'a@b.co', address: new Uint8Array(5000000) }",
        "(() => { const o = { name: 'a', email: 'a@b.co' }; for (let i = 0; i < 300000; i++) o['k' + i] = i; return o; })()",
        "{ name: 'a'.repeat(20000000), email: 'a@b.co', description: '\\u{1F600}'.repeat(5000000) }",
        "{ name: 'a', email: 'a@b.co', address: { line1: new Array(1000000).fill('x'.repeat(100)) } }",
    ];
    for h in hostile {
        assert_eq!(check(&create(h), "return r.ok"), false, "{h}");
    }
    // Before: each of these was copied into the module whole (tens to hundreds of megabytes).
    let grown = memory_size() - before;
    assert!(
        grown < 4.0 * 1024.0 * 1024.0,
        "memory grew by {grown} bytes"
    );
}

#[wasm_bindgen_test]
fn lone_surrogates_are_refused_not_rewritten() {
    // UTF-8 cannot carry a lone surrogate: what was typed could never reach the server, so it is
    // a `type` error on its path, never U+FFFD sent in its place.
    let r = create("{ name: 'Acme', email: 'a@b.co', phone: '+27\\ud800' }");
    assert_eq!(errors(&r), "phone:type");
    let r = create("{ name: '\\udc00Acme', email: 'a@b.co', address: { city: 'x\\ud83d' } }");
    assert_eq!(errors(&r), "name:type address.city:type");
    let r = update("{ description: 'a\\udbffb' }");
    assert_eq!(errors(&r), "description:type");
    // A pair is a character like any other; a key with a lone surrogate is an unknown field.
    let r = create("{ name: 'Acme\\ud83d\\ude00', email: 'a@b.co' }");
    assert_eq!(check(&r, "return r.value.name"), "Acme\u{1F600}");
    let r = create("{ name: 'Acme', email: 'a@b.co', ['k\\ud800']: 1 }");
    assert_eq!(errors(&r), "k\u{FFFD}:unknown_field");
    let f = validate_field(js("'create'"), js("'phone'"), js("'+27\\ud800'"), None).unwrap();
    assert_eq!(json(&check(&f, "return r.map(e => e.code)")), r#"["type"]"#);
    let f = validate_field(
        js("'create'"),
        js("'address'"),
        js("{ city: '\\udfff' }"),
        None,
    )
    .unwrap();
    assert_eq!(
        json(&check(&f, "return r.map(e => e.path + ':' + e.code)")),
        r#"["address.city:type"]"#
    );
    // validateMany: an unpaired `\\ud800` escape in the text, and bytes that are not UTF-8.
    let text = r#"[{"name":"Acme","email":"a@b.co","phone":"+27\ud800"},{"name":"\udc00","email":"a@b.co"},{"name":"\ud83d\ude00","email":"a@b.co"}]"#;
    assert_eq!(
        records(&many(text)),
        "0:false:phone=type 1:false:name=type 2:true"
    );
    let bytes = js("new Uint8Array([91, 123, 34, 110, 97, 109, 101, 34, 58, 34, 0xff, 34, 44, 34, 101, 109, 97, 105, 108, 34, 58, 34, 97, 64, 98, 46, 99, 111, 34, 125, 93])");
    let r = validate_many(bytes, None).unwrap();
    assert_eq!(records(&r), "-1:false:=type");
    still_works();
}

#[wasm_bindgen_test]
fn a_getter_calling_back_cannot_reset_the_budget() {
    let validate =
        Closure::<dyn Fn(JsValue) -> JsValue>::new(|v| validate_create(v, None).unwrap());
    js_sys::Reflect::set(&js_sys::global(), &"__validate".into(), validate.as_ref()).unwrap();
    validate.forget();
    // Each inner array's first item is a getter that validates another body: before, every
    // nested call gave the walk a fresh budget, so twenty arrays of 100 000 items were all read.
    let r = create(
        "(() => { globalThis.__nested = 0; const inner = () => { const a = new Array(100000).fill(0); Object.defineProperty(a, 0, { get() { globalThis.__nested++; return globalThis.__validate({ name: 'a', email: 'a@b.co' }).ok ? 1 : 0; } }); return a; }; return { name: 'a', email: 'a@b.co', address: { line1: Array.from({ length: 20 }, inner) } }; })()",
    );
    assert_eq!(errors(&r), "address.line1:type");
    // The outer walk's budget ran out in the second array: no nested call after that.
    assert!(js("globalThis.__nested").as_f64().unwrap() <= 2.0);
    // The nested call's own answer is right, and the outer one's value is its own.
    let r = create(
        "{ get name() { return globalThis.__validate({ name: ' Inner ', email: 'i@b.co' }).value.name.toLowerCase(); }, email: 'a@b.co' }",
    );
    assert_eq!(
        json(&check(&r, "return r.value")),
        r#"{"name":"inner","email":"a@b.co"}"#
    );
    still_works();
}

#[wasm_bindgen_test]
fn hostile_calls_leak_no_js_handles() {
    let hostile = [
        "{ get name() { throw new Error('boom') } }",
        "new Proxy({}, { ownKeys() { throw new Error('trap') } })",
        "(() => { const p = Proxy.revocable([], {}); p.revoke(); return { address: p.proxy }; })()",
        "{ name: 1n, email: Symbol(), address: () => 1, description: [1, [2, [3]]] }",
    ]
    .map(js);
    let bad_options = js("{ get locale() { throw new Error('boom') } }");
    let round = || {
        for h in &hostile {
            let _ = validate_create(h.clone(), None);
            let _ = validate_update(h.clone(), None);
            let _ = validate_field(js("'create'"), js("'address'"), h.clone(), None);
        }
        let _ = validate_create(js("{}"), Some(Ts::new_unchecked(bad_options.clone())));
        let _ = char_count(js("5"));
    };
    round();
    let before = wasm_bindgen::externref_heap_live_count();
    for _ in 0..200 {
        round();
    }
    assert_eq!(wasm_bindgen::externref_heap_live_count(), before);
    still_works();
}

#[wasm_bindgen_test]
fn a_getter_that_validates_another_body_leaves_the_first_ones_value_alone() {
    // The walker keeps what it read of a body to build a clean body's value: a validation run
    // from inside the walk (a getter) must not swap the outer body's reading for its own.
    let nested = Closure::<dyn Fn() -> JsValue>::new(|| {
        let inner = create("{ name: 'Inner Co', email: 'inner@acme.com', phone: '+1 555' }");
        assert_eq!(errors(&inner), "ok");
        JsValue::from_str("Outer Ltd")
    });
    let body = Function::new_with_args(
        "f",
        "return { get name() { return f(); }, email: 'outer@acme.com' };",
    )
    .call1(&JsValue::NULL, nested.as_ref())
    .unwrap();
    let r = validate_create(body, None).unwrap();
    assert_eq!(
        json(&r),
        r#"{"ok":true,"value":{"name":"Outer Ltd","email":"outer@acme.com"},"warnings":[]}"#
    );
    still_works();
}

/// A seeded generator (xorshift): the same bodies on every run.
struct Seeded(u64);

impl Seeded {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

/// A value a create takes for the field `key` as it stands (or `null`, which it drops).
fn clean_value(r: &mut Seeded, key: &str) -> &'static str {
    match key {
        "name" => r.pick(&[r#""Acme Ltd""#, r#""Müller 株式会社""#]),
        "email" => r.pick(&[r#""billing@acme.com""#, r#""j.doe@example.co.za""#]),
        "currency" => r.pick(&[r#""eur""#, r#""zar""#, "null"]),
        "country" => r.pick(&[r#""ZA""#, r#""DE""#]),
        _ => r.pick(&[r#""Cape Town""#, r#""+27 21 555 0100""#, "null"]),
    }
}

/// A JSON object of some of `keys` in a shuffled order (table order half the time), each with
/// a value from `values` (or, for `"address"`, an object of the same kind); when `clean`,
/// mostly values a create takes, and only the table's keys (the first six).
fn generated_object(
    r: &mut Seeded,
    keys: &[&str],
    values: &[&str],
    address_values: &[&str],
    top: bool,
    clean: bool,
) -> String {
    let known = if clean { &keys[..6] } else { keys };
    let mut chosen: Vec<&str> = known
        .iter()
        .copied()
        .filter(|k| (clean && top && (*k == "name" || *k == "email")) || r.below(3) > 0)
        .collect();
    if r.below(2) == 0 {
        for i in (1..chosen.len()).rev() {
            chosen.swap(i, r.below(i + 1));
        }
    }
    let members: Vec<String> = chosen
        .iter()
        .map(|k| {
            let value = if top && *k == "address" && r.below(4) > 0 {
                generated_object(
                    r,
                    ADDRESS_KEYS,
                    address_values,
                    address_values,
                    false,
                    clean,
                )
            } else if clean && r.below(12) > 0 {
                clean_value(r, k).to_string()
            } else {
                r.pick(values).to_string()
            };
            format!(
                "{}:{value}",
                JSON::stringify(&JsValue::from_str(k)).unwrap()
            )
        })
        .collect();
    format!("{{{}}}", members.join(","))
}

const ADDRESS_KEYS: &[&str] = &[
    "country",
    "line1",
    "line2",
    "city",
    "state",
    "postal_code",
    "postalCode",
];
/// Strings at the edges of what the walker vouches for (see `walk_vouching`): characters the trim
/// takes at either end, a control character and a lone surrogate inside, lengths at a limit (in
/// code points: a pair counts once), codes in the wrong case.
const EDGES: &[&str] = &[
    r#""\u00a0Acme""#,
    r#""Acme\u3000""#,
    r#""\u200bAcme""#,
    r#""Acme\u0085""#,
    r#""\ufeffAcme""#,
    r#""a\u0000b""#,
    r#"" ""#,
    r#""\ud800x""#,
    r#""x\udc00""#,
    r#""zar""#,
    r#""ZAR""#,
    r#""za""#,
    r#""XX""#,
];

/// A JSON string of `n` copies of `s`.
fn repeated(s: &str, n: usize) -> String {
    format!("\"{}\"", s.repeat(n))
}

const ADDRESS_VALUES: &[&str] = &[
    r#""ZA""#,
    r#""DE""#,
    r#""Za""#,
    r#""1 Main Road""#,
    r#""Cape Town""#,
    r#""  8001 ""#,
    r#""""#,
    "null",
    "7",
    r#"["ZA"]"#,
    r#""a \"quoted\" street""#,
    r#""Straße 😀""#,
];

/// The walker's shortcuts (a clean body's value handed over as it was read; the clean check
/// skipped when the walk saw what no clean body holds) answer as the rules do: every generated
/// body, as JavaScript sends it, gets the result the core gives the same body's JSON text.
#[wasm_bindgen_test]
fn the_walkers_shortcuts_answer_as_the_rules_do() {
    use billing_account_form::api::json::{parse_text, Mode};
    use billing_account_form::validate::validation_text;
    use billing_account_form::{Locale, RequestKind};
    let keys = [
        "name",
        "email",
        "phone",
        "description",
        "currency",
        "address",
        "country",
        "zip",
    ];
    let values = [
        r#""Acme Ltd""#,
        r#""Müller 株式会社""#,
        r#"" Acme ""#,
        r#""billing@acme.com""#,
        r#""a@gmial.com""#,
        r#""a@@b.co""#,
        r#""root@localhost""#,
        r#""eur""#,
        r#""EUR""#,
        r#""+27 21 555 0100""#,
        r#""""#,
        r#""line\nbreak""#,
        r#""back\\slash""#,
        r#""emoji 😀""#,
        "null",
        "27215550100",
        "true",
        "[]",
        r#"{"country":"ZA"}"#,
        r#""xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx""#,
    ];
    let lengths: Vec<String> = [("x", 50), ("x", 51), ("x", 100), ("é", 100), ("😀", 100)]
        .iter()
        .chain(&[
            ("😀", 101),
            ("x", 200),
            ("x", 201),
            ("x", 255),
            ("x", 256),
            ("😀", 255),
        ])
        .map(|(s, n)| repeated(s, *n))
        .collect();
    let edged = |list: &[&'static str]| -> Vec<String> {
        list.iter()
            .chain(EDGES)
            .map(|s| s.to_string())
            .chain(lengths.iter().cloned())
            .collect()
    };
    let (values, address_values) = (edged(&values), edged(ADDRESS_VALUES));
    let values: Vec<&str> = values.iter().map(String::as_str).collect();
    let address_values: Vec<&str> = address_values.iter().map(String::as_str).collect();
    let mut r = Seeded(0x9e37_79b9_7f4a_7c15);
    let mut clean = 0;
    for _ in 0..3000 {
        let clean_kind = r.below(2) == 0;
        let text = generated_object(&mut r, &keys, &values, &address_values, true, clean_kind);
        let body = JSON::parse(&text).unwrap();
        // As JavaScript gives it: a lone surrogate (which `JSON.parse` keeps) as no string at all.
        let value = parse_text(&text, Mode::Js { unsupported: false }).unwrap();
        let create = json(&validate_create(body.clone(), None).unwrap());
        assert_eq!(
            create,
            validation_text(RequestKind::Create, &value, Locale::En),
            "{text}"
        );
        let update = json(&validate_update(body, None).unwrap());
        assert_eq!(
            update,
            validation_text(RequestKind::Update, &value, Locale::En),
            "{text}"
        );
        clean += usize::from(create.starts_with(r#"{"ok":true"#) && create.ends_with("[]}"));
    }
    // The clean path itself ran, on bodies in and out of the table's order.
    assert!(clean > 100, "{clean}");
}
