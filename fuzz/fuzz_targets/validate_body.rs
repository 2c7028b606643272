//! Body validation from arbitrary input: bytes read as JSON, or a value grown by the fuzzer.
//!
//! First byte: bit 0 picks JSON text (serde_json, as the stand-in reads a body) or a structured
//! value (`Input`, which reaches values JSON cannot carry); the rest picks the locale.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use billing_account_form::Value;
use billing_account_form_fuzz::{check_validation, locale, Input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let locale = locale(selector >> 1);
    if selector & 1 == 0 {
        if let Ok(json) = serde_json::from_slice::<serde_json::Value>(rest) {
            check_validation(&Value::from(&json), locale);
        }
    } else if let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(rest)) {
        check_validation(&input.build(), locale);
    }
});
