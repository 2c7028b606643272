// The package's types: the generated ones (tsify, from the Rust types) plus Standard Schema.
import type {
  CreateBillingAccountRequest,
  UpdateBillingAccountRequest,
} from "./billing_account_form.js";

export type {
  Address,
  ApiError,
  ApiErrorKind,
  BillingAccount,
  BillingAccountList,
  ClientConfig,
  Country,
  CreateBillingAccountRequest,
  Currency,
  ErrorCode,
  FieldError,
  Locale,
  Options,
  RequestKind,
  UpdateBillingAccountRequest,
  Validation,
} from "./billing_account_form.js";

export {
  validateCreate,
  validateUpdate,
  validateField,
  currencies,
  countries,
  limits,
  charCount,
  createBillingAccount,
  updateBillingAccount,
  getBillingAccount,
  listBillingAccounts,
  isApiError,
} from "./billing_account_form.js";

/** The Standard Schema v1 interface (standardschema.dev), declared here as the spec intends. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
      options?: Options | undefined,
    ) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface Options {
    /** `{ locale: "ar" }` here picks the language of the issues' messages. */
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<
    Schema["~standard"]["types"]
  >["input"];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<
    Schema["~standard"]["types"]
  >["output"];
}

/** Standard Schema v1 for a create body: `validate` returns `{ value }` or `{ issues: [{ message, path }] }`, synchronously. */
export declare const createSchema: StandardSchemaV1<
  CreateBillingAccountRequest,
  CreateBillingAccountRequest
>;
/** Standard Schema v1 for an update body. */
export declare const updateSchema: StandardSchemaV1<
  UpdateBillingAccountRequest,
  UpdateBillingAccountRequest
>;
