//! Exports just enough for the linker to keep one part of the crate: the email check
//! (`--features email`) or the exact validation core (`--features core`). Plain C ABI, no
//! wasm-bindgen: nothing but the rules is measured. Never run, only weighed.
#![no_std]

extern crate alloc;

use alloc::vec::Vec;

/// Room for the input, as a host would ask for it.
#[no_mangle]
pub extern "C" fn buffer(len: usize) -> *mut u8 {
    let mut room: Vec<u8> = Vec::with_capacity(len);
    let at = room.as_mut_ptr();
    core::mem::forget(room);
    at
}

fn input<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    // SAFETY: the host hands back memory `buffer` gave it, `len` bytes of it written.
    unsafe { core::slice::from_raw_parts(ptr, len) }
}

/// `email::is_valid` on the UTF-8 text at `ptr`: 1 valid, 0 not.
#[cfg(feature = "email")]
#[no_mangle]
pub extern "C" fn email(ptr: *const u8, len: usize) -> u32 {
    core::str::from_utf8(input(ptr, len))
        .map_or(0, |s| u32::from(billing_account_form::email::is_valid(s)))
}

/// A create body's JSON text in, the result's text out (its length at `out_len`), in the locale
/// `locale` picks at run time, so every locale's wording stays in.
#[cfg(feature = "core")]
#[no_mangle]
pub extern "C" fn validate(
    ptr: *const u8,
    len: usize,
    locale: u32,
    out_len: *mut usize,
) -> *const u8 {
    use billing_account_form::{validate::validation_compact, Locale, RequestKind, Value};
    let body = billing_account_form::api::json::parse(input(ptr, len)).unwrap_or(Value::Null);
    let locale = match locale {
        1 => Locale::Ar,
        2 => Locale::Id,
        _ => Locale::En,
    };
    let text = validation_compact(RequestKind::Create, body, locale);
    // SAFETY: the host passes a place for one usize.
    unsafe { *out_len = text.len() };
    let at = text.as_ptr();
    core::mem::forget(text);
    at
}
