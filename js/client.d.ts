// The client entry's types: the generated ones (tsify, from the Rust types) and the four calls.
import type {
  ApiError as ApiErrorFields,
  ApiErrorKind,
  BillingAccount,
  BillingAccountList,
  ClientConfig,
  CreateBillingAccountRequest,
  FieldError,
  UpdateBillingAccountRequest,
} from "./wasm-client/glue.js";

export type {
  ApiErrorKind,
  BillingAccount,
  BillingAccountList,
  ClientConfig,
  CreateBillingAccountRequest,
  FieldError,
  UpdateBillingAccountRequest,
} from "./wasm-client/glue.js";

/**
 * Why an API call failed: what every promise of the client rejects with. A real `Error`, with
 * every field of the generated `ApiError` (kind, status, message, errors, retryAfterSeconds,
 * outcomeUnknown, idempotencyKey) an own enumerable property, so `{ ...error }` and
 * `JSON.stringify(error)` show them all.
 */
export declare class ApiError extends Error {
  name: "ApiError";
}
export interface ApiError extends Omit<ApiErrorFields, "name"> {}

/** Per-call options of `createBillingAccount`. */
export interface CreateOptions {
  /**
   * The `Idempotency-Key` header (1–255 visible ASCII characters). A random one is drawn for each
   * call when absent; pass an error's `idempotencyKey` to send a create whose outcome is unknown
   * again: the server answers a repeated key with the first answer and creates nothing.
   */
  idempotencyKey?: string;
}

/** Whether a caught value is the client's `ApiError`. */
export declare function isApiError(error: unknown): error is ApiError;

/**
 * Creates a billing account. Validated first (an invalid body rejects with `invalid_input` and
 * nothing is sent); never retried by the library; sent with an `Idempotency-Key`.
 */
export declare function createBillingAccount(
  config: ClientConfig,
  workspaceId: string,
  input: CreateBillingAccountRequest,
  options?: CreateOptions,
): Promise<BillingAccount>;

/**
 * After a create whose outcome is unknown: the account it made, if it made one (the workspace's
 * newest account holding exactly what `input` validates to), else `null`.
 */
export declare function findCreatedAccount(
  config: ClientConfig,
  workspaceId: string,
  input: CreateBillingAccountRequest,
): Promise<BillingAccount | null>;

/** Updates a billing account: absent fields stay as they are, `null` clears one. Validated first. */
export declare function updateBillingAccount(
  config: ClientConfig,
  workspaceId: string,
  billingAccountId: string,
  patch: UpdateBillingAccountRequest,
): Promise<BillingAccount>;

/** One billing account of the workspace. */
export declare function getBillingAccount(
  config: ClientConfig,
  workspaceId: string,
  billingAccountId: string,
): Promise<BillingAccount>;

/** The workspace's billing accounts. */
export declare function listBillingAccounts(config: ClientConfig, workspaceId: string): Promise<BillingAccountList>;
