// Compiled with `tsc --strict --noEmit`: the package's types accept right shapes and reject wrong ones.
import {
  validateCreate,
  validateUpdate,
  validateField,
  createSchema,
  updateSchema,
  currencies,
  countries,
  limits,
  charCount,
  ready,
  type Address,
  type ApiErrorKind,
  type BillingAccount,
  type BillingAccountList,
  type CreateBillingAccountRequest,
  type Currency,
  type ErrorCode,
  type FieldError,
  type Locale,
  type Options,
  type UpdateBillingAccountRequest,
  type Validation,
  type StandardSchemaV1,
} from "billing-account-form";
import {
  createBillingAccount,
  updateBillingAccount,
  getBillingAccount,
  listBillingAccounts,
  isApiError,
  ApiError,
  type ClientConfig,
} from "billing-account-form/client";

const started: Promise<void> = ready;
void started;

// Right shapes.
const create: CreateBillingAccountRequest = {
  name: "Acme",
  email: "billing@acme.com",
  currency: "eur",
  address: { country: "ZA", postal_code: "8001" },
};
const update: UpdateBillingAccountRequest = { phone: null, description: "x", address: null };
const empty: UpdateBillingAccountRequest = {};
const locale: Locale = "ar";
const options: Options = { locale };

// Wrong shapes.
// @ts-expect-error name is required on create
const noName: CreateBillingAccountRequest = { email: "billing@acme.com" };
// @ts-expect-error currency cannot change, so update has none
const withCurrency: UpdateBillingAccountRequest = { currency: "usd" };
// @ts-expect-error currencies are lower case
const upper: CreateBillingAccountRequest = { name: "Acme", email: "a@b.co", currency: "EUR" };
// @ts-expect-error phone is text
const numericPhone: CreateBillingAccountRequest = { name: "Acme", email: "a@b.co", phone: 5 };
// @ts-expect-error name cannot be cleared
const nullName: UpdateBillingAccountRequest = { name: null };
// @ts-expect-error no such locale
const french: Options = { locale: "fr" };
// @ts-expect-error no such field on an address
const zip: Address = { zip: "8001" };

// Results narrow on `ok`.
const result: Validation<CreateBillingAccountRequest> = validateCreate(create, options);
if (result.ok) {
  const name: string = result.value.name;
  const warnings: FieldError[] = result.warnings;
  void name, warnings;
} else {
  const first: FieldError | undefined = result.errors[0];
  const code: ErrorCode | undefined = first?.code;
  const param: string | number | undefined = first?.params?.max;
  // @ts-expect-error no value on a failed validation
  void result.value;
  void code, param;
}
const u = validateUpdate({ phone: null });
if (u.ok) {
  const phone: string | null | undefined = u.value.phone;
  void phone;
}
// @ts-expect-error codes are a closed set
const bogus: ErrorCode = "nope";

// Functions.
const fieldErrors: FieldError[] = validateField("update", "address.city", "Cape Town", { locale: "id" });
// @ts-expect-error request is "create" or "update"
validateField("delete", "name", "x");
const cs: Currency[] = currencies();
const cn: { code: string; name: string }[] = countries("id");
const lim: Record<string, number> = limits();
const n: number = charCount("x");
// @ts-expect-error charCount takes text
charCount(5);

// A billing account as the API returns it: null, not undefined, for what it lacks.
const account: BillingAccount = {
  id: "cus_1",
  workspace_id: "ws_1",
  name: "Acme",
  email: "a@b.co",
  phone: null,
  description: null,
  currency: "usd",
  address: null,
  created_at: "2025-10-29T00:40:06.000000Z",
  updated_at: "2025-10-29T00:40:06.000000Z",
};
const list: BillingAccountList = { data: [account], has_more: false };

// Standard Schema.
const schema: StandardSchemaV1<CreateBillingAccountRequest, CreateBillingAccountRequest> = createSchema;
const out = createSchema["~standard"].validate({});
if (!(out instanceof Promise) && out.issues === undefined) {
  const value: CreateBillingAccountRequest = out.value;
  void value;
}
type Out = StandardSchemaV1.InferOutput<typeof updateSchema>;
// @ts-expect-error the update schema's output has no currency
const outWithCurrency: Out = { currency: "usd" };

// The API client.
const config: ClientConfig = { token: "jwt", baseUrl: "http://127.0.0.1:8080", timeoutMs: 5000, locale: "id" };
const minimal: ClientConfig = { token: "jwt" };
const withSignal: ClientConfig = { ...config, signal: new AbortController().signal };
// @ts-expect-error the token is required
const noToken: ClientConfig = { baseUrl: "http://127.0.0.1:8080" };
// @ts-expect-error the timeout is a number of milliseconds
const textTimeout: ClientConfig = { token: "jwt", timeoutMs: "30s" };
// @ts-expect-error a signal is an AbortSignal
const badSignal: ClientConfig = { token: "jwt", signal: true };

async function client(): Promise<void> {
  const created: BillingAccount = await createBillingAccount(config, "ws_pooled", create);
  const updated: Promise<BillingAccount> = updateBillingAccount(config, "ws_pooled", created.id, update);
  const fetched: Promise<BillingAccount> = getBillingAccount(config, "ws_pooled", created.id);
  const listed: BillingAccountList = await listBillingAccounts(config, "ws_pooled");
  void [updated, fetched, listed];
  // @ts-expect-error a create resolves with an account, not a list
  const wrongResult: BillingAccountList = await createBillingAccount(config, "ws_pooled", create);
  // @ts-expect-error the create body's name is required
  void createBillingAccount(config, "ws_pooled", { email: "a@b.co" });
  // @ts-expect-error currency cannot change in an update
  void updateBillingAccount(config, "ws_pooled", "cus_1", { currency: "usd" });
  // @ts-expect-error the workspace ID comes before the account ID, and both are strings
  void getBillingAccount(config, 1);
  // @ts-expect-error the config comes first
  void listBillingAccounts("ws_pooled");
  try {
    await listBillingAccounts(minimal, "ws_pooled");
  } catch (error) {
    if (isApiError(error)) {
      const kind: ApiErrorKind = error.kind;
      const status: number | undefined = error.status;
      const errors: FieldError[] | undefined = error.errors;
      const wait: number | undefined = error.retryAfterSeconds;
      const asError: Error = error;
      // @ts-expect-error kinds are a closed set
      const bogusKind: ApiErrorKind = "teapot";
      void [kind, status, errors, wait, asError, bogusKind];
    }
    const e: ApiError | undefined = isApiError(error) ? error : undefined;
    void e;
  }
  void wrongResult;
}

void [update, empty, noName, withCurrency, upper, numericPhone, nullName, french, zip, bogus];
void [fieldErrors, cs, cn, lim, n, list, schema, outWithCurrency];
void [config, withSignal, noToken, textTimeout, badSignal, client];
