//! The JavaScript surface (DESIGN §3): a thin shell that reads JS values, calls the core, and writes results.
//!
//! Arguments that are the data being validated are `unknown` and never throw; arguments
//! that configure a call (`options`, `request`, `path`) throw a `TypeError` when wrong.
//! The API client's functions (`client.rs`) throw the fields of an `invalid_input` error for a
//! wrong argument; `js/client-core.js` turns them into the rejection of its promise.

#[cfg(feature = "js-validation")]
mod bulk;
#[cfg(feature = "js-client")]
mod client;
#[cfg(feature = "js-validation")]
mod messages;
/// talc, for wasm: grows memory a page at a time and reuses what is freed (see Cargo.toml);
/// in the validation module, with a bump region for the pure-Rust part of a call (see `arena`).
#[cfg(all(not(target_feature = "atomics"), feature = "js-validation"))]
#[global_allocator]
static ALLOCATOR: arena::Allocator = arena::Allocator::new();
#[cfg(all(not(target_feature = "atomics"), feature = "js-validation"))]
mod arena;
#[cfg(all(not(target_feature = "atomics"), not(feature = "js-validation")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
// The value walker and the result readers: the validation module's (the client takes JSON text).
#[cfg(feature = "js-validation")]
mod read;
mod types;
#[cfg(feature = "js-validation")]
mod validation;

#[cfg(feature = "js-validation")]
use wasm_bindgen::prelude::*;

#[cfg(feature = "js-validation")]
pub use bulk::validate_many;
#[cfg(feature = "js-client")]
pub use client::{
    create_billing_account, get_billing_account, list_billing_accounts, update_billing_account,
    Exchange,
};
#[cfg(feature = "js-validation")]
pub use messages::field_message;
#[cfg(feature = "js-validation")]
pub use read::{MAX_DEPTH, MAX_NODES};
pub use types::{ClientConfig, Country, Options};
#[cfg(feature = "js-validation")]
pub use validation::{
    char_count, countries, currencies, limits, validate_create, validate_field, validate_update,
};

/// A `TypeError` for a wrong argument, as JavaScript would throw it.
#[cfg(feature = "js-validation")]
pub(crate) fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).unchecked_into()
}
