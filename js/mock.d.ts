// Entry `billing-account-form/mock`: MSW 2 handlers of a stateful stand-in of the API.
import type { HttpHandler } from "msw";
import type { BillingAccount } from "./index.js";

export interface Workspace {
  id: string;
  billingMode?: "single" | "pooled" | "assigned";
  /** How many billing accounts it may hold (single: 1, pooled and assigned: 10). */
  limit?: number;
}

export interface MockOptions {
  /** Where the handlers answer (default https://v1.api.altostrat.io). */
  baseUrl?: string;
  /** When given, requests must carry `Authorization: Bearer <token>` (else 401). */
  token?: string;
  /** Default: ws_single (1), ws_pooled (10), ws_assigned (10). */
  workspaces?: Workspace[];
  /** Accounts held from the start. */
  accounts?: BillingAccount[];
}

export interface FaultSpec {
  method?: "GET" | "POST" | "PATCH" | (string & {});
  /** A path prefix, e.g. "/workspaces/ws_pooled/billing-accounts". */
  path?: string;
  bodyContains?: string;
  /** Default: "status" when `status` is given, else "delay". */
  fault?: "delay" | "status" | "malformed" | "drop";
  status?: number;
  retryAfter?: string | number;
  body?: string;
  contentType?: string;
  delayMs?: number;
  /** How many matching requests it applies to (default 1). */
  times?: number;
}

export interface FaultDescription {
  id: number;
  method: string | null;
  path: string | null;
  body_contains: string | null;
  fault: "delay" | "status" | "malformed" | "drop";
  delay_ms: number;
  remaining: number;
  hits: number;
}

export interface Stats {
  routes: Record<string, number>;
  paths: Record<string, number>;
}

export interface MockHandlers extends Array<HttpHandler> {
  fault(spec: FaultSpec): FaultDescription;
  faults(): FaultDescription[];
  reset(): void;
  stats(): Stats;
  count(methodAndPath: string): number;
  accounts(): BillingAccount[];
}

export declare const DEFAULT_WORKSPACES: ReadonlyArray<Required<Workspace>>;
export declare function createHandlers(options?: MockOptions): MockHandlers;
