// The client entry's types: the generated ones (tsify, from the Rust types) and the four calls.
import type {
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
 * every field below an own enumerable property, so `{ ...error }` and `JSON.stringify(error)`
 * show them all.
 */
export declare class ApiError extends Error {
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
