// <billing-account-form> (entry `billing-account-form/element`): importing the entry defines it.
import type { BillingAccount } from "./index.js";
import type { ApiError } from "./client.js";
import type { BillingAccountForm, SubmitResult } from "./form.js";

export interface BillingAccountFormChangeDetail {
  /** Whether the body validates (a submit would send it). */
  complete: boolean;
  /** The body as typed. */
  value: Record<string, unknown>;
}
export interface BillingAccountFormSavedDetail {
  account: BillingAccount;
  created: boolean;
}

export declare class BillingAccountFormElement extends HTMLElement {
  /** The API token: a property, never an attribute. */
  token: string;
  /** Or a callback giving it, asked before each request. */
  getToken: (() => string | Promise<string>) | null;
  /** The headless controller (null until the library has started). */
  readonly controller: BillingAccountForm | null;
  submit(options?: { keepWarnings?: boolean }): Promise<SubmitResult>;
}

declare global {
  interface HTMLElementTagNameMap {
    "billing-account-form": BillingAccountFormElement;
  }
  interface HTMLElementEventMap {
    saved: CustomEvent<BillingAccountFormSavedDetail>;
    failed: CustomEvent<ApiError>;
  }
}
