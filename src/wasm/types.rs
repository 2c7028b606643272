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
    /** Whether it blocks (`"error"`) or only advises (`"warning"`: `validateField` returns both). */
    severity: "error" | "warning";
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

/// What every API call is addressed and configured with. Only `token` is required.
///
/// The TypeScript shape of the config the client functions take; the shell reads the JS value
/// member by member (see `client.rs`), so this type only describes it. No `Debug`: it has a
/// token field.
#[derive(Clone, Default, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ClientConfig {
    /// The bearer token (a JWT). Sent only in the `Authorization` header: never in a URL, a
    /// message or a log. Visible ASCII only; a line break is refused before anything is sent.
    pub token: String,
    /// The API's address; `https://v1.api.altostrat.io` when absent.
    #[tsify(optional)]
    pub base_url: Option<String>,
    /// How long a call may take in all, retries and waits included, in milliseconds; 30 000 when absent.
    #[tsify(optional)]
    pub timeout_ms: Option<u32>,
    /// The language of error messages; English when absent.
    #[tsify(optional)]
    pub locale: Option<Locale>,
    /// Cancels the call (it then rejects with kind `"timeout"`). Pass one per call:
    /// `{ ...config, signal }`.
    #[tsify(optional, type = "AbortSignal")]
    pub signal: Option<String>,
}

// `ApiError` has a hand-written `Serialize` (one shape for eleven variants), so its TypeScript
// is written here; `ApiErrorKind` is generated from the core enum.
#[wasm_bindgen(typescript_custom_section)]
const API_ERROR_TS: &'static str = r#"
/**
 * Why an API call failed: what every promise of the client rejects with.
 * A real `Error` (`instanceof Error`, `name` is `"ApiError"`), with every field below an own
 * enumerable property, so `{ ...error }` and `JSON.stringify(error)` show them all.
 */
export interface ApiError extends Error {
    name: "ApiError";
    /** Stable: branch on this, never on `message`. */
    kind: ApiErrorKind;
    /** The HTTP status, when the server answered. */
    status?: number;
    /** In the config's locale. Never contains the token. */
    message: string;
    /** `invalid_input` and `validation`: each field's error, on the same paths and codes as `validateCreate`/`validateUpdate`. */
    errors?: FieldError[];
    /** `rate_limited`, and `server` when the server said how long to wait. */
    retryAfterSeconds?: number;
    /**
     * `true` when a create or an update was sent and then lost (a timeout, a broken connection, a
     * 2xx that could not be read): the server may have done it. Do not send it again blindly: for a
     * create, look first (`findCreatedAccount`) or send it again with the same `idempotencyKey`;
     * for an update, read the account again.
     */
    outcomeUnknown?: true;
    /** With `outcomeUnknown` on a create: the `Idempotency-Key` it was sent with. */
    idempotencyKey?: string;
}
"#;
