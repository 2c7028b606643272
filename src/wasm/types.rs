//! TypeScript for what crosses the boundary and is not a core type with a tsify derive.

use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

use crate::i18n::Locale;

/// Options every validation call takes.
#[derive(Debug, Clone, Default, Tsify)]
pub struct Options {
    /// The language of `message`s; English when absent.
    #[tsify(optional)]
    pub locale: Option<Locale>,
}

/// A country for a picker: its ISO 3166-1 alpha-2 code and its name in the chosen locale.
#[derive(Debug, Clone, Serialize, Tsify)]
pub struct Country {
    pub code: String,
    pub name: String,
}

// `FieldError` and `Validation` have hand-written `Serialize` impls in `error.rs` (the wire
// shape differs from the Rust shape), so a derive would describe the wrong thing: their
// TypeScript is written here, next to nothing else, and checked by `tests/npm/types.ts`.
#[wasm_bindgen(typescript_custom_section)]
const FIELD_ERROR_TS: &'static str = r#"
/** One field's error or warning. `path` is the server's dotted path (`address.postal_code`), `""` for the body itself. */
export interface FieldError {
    path: string;
    /** Stable: branch on this, never on `message`. */
    code: ErrorCode;
    /** `code` and `params` rendered in the requested locale. */
    message: string;
    params?: Record<string, string | number>;
}

/** The outcome of validating a body: the normalized request, or every field's error. Warnings never block. */
export type Validation<T> =
    | { ok: true; value: T; warnings: FieldError[] }
    | { ok: false; errors: FieldError[]; warnings: FieldError[] };

/** One record of `validateMany`: its place in the array, and its errors (none when `ok`). `index` is -1 when the text was not a JSON array. */
export interface BulkRecord {
    index: number;
    ok: boolean;
    errors: FieldError[];
}

/** Which request a body is for. */
export type RequestKind = "create" | "update";
"#;
