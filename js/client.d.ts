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
}

/** Whether a caught value is the client's `ApiError`. */
export declare function isApiError(error: unknown): error is ApiError;

/** Creates a billing account. Validated first (an invalid body rejects with `invalid_input` and nothing is sent); never retried. */
export declare function createBillingAccount(
  config: ClientConfig,
  workspaceId: string,
  input: CreateBillingAccountRequest,
): Promise<BillingAccount>;

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
