import type { Json } from "../spec/document.js";
import type { OperationSpec } from "../spec/operations.js";
import type { ValidatedInput } from "../spec/validate.js";
import type { ResolvedOptions } from "../state/options.js";
import type { SandboxState } from "../state/store.js";

/** What an operation handler gets once auth and validation have passed. */
export interface RouteContext {
  op: OperationSpec;
  input: ValidatedInput;
  request: Request;
  state: SandboxState;
  options: ResolvedOptions;
}

export type OperationHandler = (context: RouteContext) => Response | Promise<Response>;

/** Reads a property of a JSON object value, or undefined. */
export function field(value: Json | undefined, name: string): Json | undefined {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as { [k: string]: Json })[name]
    : undefined;
}
