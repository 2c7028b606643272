#![doc = include_str!("../README.md")]

pub mod advice;
pub mod api;
pub mod country;
pub mod email;
pub mod error;
pub mod i18n;
pub mod model;
mod num;
pub mod results;
pub mod rules;
pub mod scan;
pub mod text;
pub mod validate;
pub mod value;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Code, FieldError, Issue, ParamValue, Validation};
pub use i18n::Locale;
pub use model::{
    Address, BillingAccount, BillingAccountList, CreateBillingAccountRequest, Currency, Patch,
    UpdateBillingAccountRequest,
};
pub use rules::{currencies, limits, RequestKind};
pub use text::char_count;
pub use validate::{validate_create, validate_field, validate_update};
pub use value::Value;
