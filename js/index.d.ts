// The validation entry's types: the generated ones (tsify, from the Rust types) plus Standard Schema.
import type {
  CreateBillingAccountRequest,
  UpdateBillingAccountRequest,
} from "./wasm-validation/glue.js";

export type {
  Address,
  ApiErrorKind,
  BillingAccount,
  BulkRecord,
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
} from "./wasm-validation/glue.js";

export {
  validateCreate,
  validateUpdate,
  validateField,
  validateMany,
  currencies,
  countries,
  limits,
  charCount,
} from "./wasm-validation/glue.js";

/**
 * Resolves once the validation module has started. In Node, Deno, Bun, workers and workerd it
 * already has when the import completes; in a browser's main thread, `await ready` before the
 * first call (a call made earlier throws an `Error` naming `ready`). Standard Schema's
 * `validate` returns a Promise until then, so form libraries need nothing of their own.
 */
export declare const ready: Promise<void>;

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
    /** This library's stable code for the issue (beyond the spec: branch on it, not on `message`). */
    readonly code?: string;
    /** The code's parameters (`max`, `suggestion`, …), as `FieldError` carries them. */
    readonly params?: Record<string, string | number>;
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

/** Standard JSON Schema v1 (standardschema.dev/json-schema): the schemas as JSON Schema. */
export declare namespace StandardJSONSchemaV1 {
  type Target = "draft-2020-12" | "draft-07" | "openapi-3.0" | ({} & string);
  interface Options {
    /** Another target throws a `TypeError`. */
    readonly target: Target;
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  interface Converter {
    /** The body as sent (the server's trim and code-point limits written as patterns). Needs `ready`. */
    readonly input: (options: Options) => Record<string, unknown>;
    /** The normalized value `validate` returns. Needs `ready`. */
    readonly output: (options: Options) => Record<string, unknown>;
  }
}

/** A Standard Schema that also converts to JSON Schema (Standard JSON Schema v1). */
export type BillingAccountSchema<Input, Output> = StandardSchemaV1<Input, Output> & {
  readonly "~standard": StandardSchemaV1.Props<Input, Output> & { readonly jsonSchema: StandardJSONSchemaV1.Converter };
};

/** Standard Schema v1 for a create body: `validate` returns `{ value }` or `{ issues: [{ message, path, code, params }] }`, synchronously once `ready` has resolved. `jsonSchema.input/output({ target })` give it as JSON Schema. */
export declare const createSchema: BillingAccountSchema<
  CreateBillingAccountRequest,
  CreateBillingAccountRequest
>;
/** Standard Schema v1 for an update body, with `jsonSchema` as `createSchema`. */
export declare const updateSchema: BillingAccountSchema<
  UpdateBillingAccountRequest,
  UpdateBillingAccountRequest
>;
