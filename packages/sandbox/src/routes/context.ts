// What an operation handler receives once auth and validation have passed, and a safe field reader.
import type { OperationId, OperationSchemas } from "@camb-kit/client/spec";
import type { Json } from "../openapi/json.js";
import type { ValidatedInput } from "../openapi/validate.js";
import type { ResolvedOptions } from "../state/options.js";
import type { SandboxState } from "../state/store.js";

export interface RouteContext {
  operationId: OperationId;
  schemas: OperationSchemas;
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
