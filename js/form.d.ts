// The form controller's types (entry `billing-account-form/form`).
import type { BillingAccount, ClientConfig, CreateBillingAccountRequest, FieldError, Locale, UpdateBillingAccountRequest } from "./index.js";
import type { ApiError } from "./client.js";

export type { BillingAccount, FieldError, Locale } from "./index.js";
export type { ApiError } from "./client.js";
export { ready } from "./index.js";

/** The form's fields, by the server's dotted path. */
export type FieldPath =
  | "name"
  | "email"
  | "phone"
  | "description"
  | "currency"
  | "address.country"
  | "address.line1"
  | "address.line2"
  | "address.city"
  | "address.state"
  | "address.postal_code";

export declare const FIELD_PATHS: readonly FieldPath[];

/** The client's config, with the token given as a value or asked for before each request. */
export interface FormConfig extends Omit<ClientConfig, "token" | "locale"> {
  token?: string;
  getToken?: () => string | Promise<string>;
}

export interface FormOptions {
  mode: "create" | "update";
  /** The account being edited (`mode: "update"`). */
  account?: BillingAccount;
  workspaceId?: string;
  locale?: Locale;
  config?: FormConfig;
}

/** The length of a field with a limit, counted as the server counts it. */
export interface Counter {
  length: number;
  max: number;
  remaining: number;
  /** Within a tenth of the limit (at least 10 characters), or over it: worth showing. */
  near: boolean;
}

export interface FieldState {
  /** As typed (a country as its code). */
  value: string;
  /** The errors to show now: all of them once the field was left or the form submitted; before, only `too_long`. The server's errors stay until the value changes. */
  errors: FieldError[];
  /** Advisories that never block (`email_suggestion` carries `params.suggestion`). */
  warnings: FieldError[];
  touched: boolean;
  required: boolean;
  /** Why the field cannot be edited (the currency of an existing account), or `null`. */
  locked: string | null;
  /** Differs from the account (update) or is not empty (create). */
  changed: boolean;
  counter: Counter | null;
}

export type FormStatus = "idle" | "invalid" | "confirm" | "submitting" | "checking" | "unknown" | "saved" | "unchanged" | "failed";

export interface FormState {
  readonly mode: "create" | "update";
  readonly locale: Locale;
  readonly workspaceId: string;
  readonly account: BillingAccount | null;
  readonly fields: Readonly<Record<FieldPath, FieldState>>;
  /** Errors on no field of the form: the body itself, or a setting the client refused (`token`, `workspaceId`, …). */
  readonly formErrors: FieldError[];
  /** The body as typed (blank address left out of a create). */
  readonly value: CreateBillingAccountRequest | UpdateBillingAccountRequest;
  /** Whether the body validates: a submit would send it. */
  readonly complete: boolean;
  readonly dirty: boolean;
  readonly status: FormStatus;
  readonly submitting: boolean;
  readonly loading: boolean;
  /** The last failure (its `kind` says what happened; render messages from it). */
  readonly error: ApiError | null;
  readonly saved: { account: BillingAccount; created: boolean } | null;
  /** Suggestions ignored at a submit: asked once, then `submit({ keepWarnings: true })` or `accept(path)`. */
  readonly confirm: FieldError[];
  /** A create whose outcome is unknown (timeout, lost connection, unreadable 2xx): what looking found. */
  readonly unknown: { checking: boolean; found: BillingAccount | null; lookupFailed: boolean } | null;
}

export type SubmitResult =
  | { status: "saved"; account: BillingAccount }
  | { status: "invalid"; errors: FieldError[] }
  | { status: "confirm"; warnings: FieldError[] }
  | { status: "unchanged" }
  | { status: "busy" }
  | { status: "failed"; error: ApiError }
  | { status: "found"; account?: BillingAccount | null; error?: ApiError }
  | { status: "unknown"; error?: ApiError };

/** What to keep of an unsent draft. Never holds the token. */
export interface FormDraft {
  version: 1;
  mode: "create" | "update";
  accountId: string | null;
  values: Partial<Record<FieldPath, string>>;
}

export interface BillingAccountForm {
  /** The current state: a new frozen object after every change (for `useSyncExternalStore`). */
  getState(): FormState;
  subscribe(listener: (state: FormState) => void): () => void;
  set(path: FieldPath, value: string): void;
  /** Marks a field as left: every finding on it is shown from now on. */
  touch(path: FieldPath): void;
  setLocale(locale: Locale): void;
  configure(next: { workspaceId?: string; config?: FormConfig }): void;
  /** Marks every field touched and returns the library's verdict on the body. */
  validate(): ReturnType<typeof import("./index.js").validateCreate> | ReturnType<typeof import("./index.js").validateUpdate>;
  /** An update's body: only what changed, an emptied optional field as `null`; `null` when invalid. */
  patch(): UpdateBillingAccountRequest | null;
  /** Puts a warning's suggestion (an email typo's fix) in its field. */
  accept(path: FieldPath): boolean;
  /** Validates, asks once about ignored suggestions, then sends (one request at a time). */
  submit(options?: { keepWarnings?: boolean }): Promise<SubmitResult>;
  checkAgain(): Promise<"found" | "unknown" | "none">;
  openFound(): boolean;
  createAnyway(): Promise<SubmitResult>;
  load(account: BillingAccount | string): Promise<BillingAccount | null>;
  accounts(): Promise<{ data: BillingAccount[]; has_more: boolean }>;
  reset(): boolean;
  /** A new account's starting values (e.g. a country from the browser's region): neither a change nor a draft. */
  setDefaults(values: Partial<Record<FieldPath, string>>): void;
  startCreate(): boolean;
  readonly draft: FormDraft;
  restore(draft: unknown): boolean;
}

/** A billing-account form's state and actions, with no DOM. In a browser, `await ready` first. */
export declare function createBillingAccountForm(options: FormOptions): BillingAccountForm;
