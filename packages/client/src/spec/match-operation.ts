// Routes a concrete request (method and API path) to the spec operation it targets, with the generated
// path patterns: the proxy's allow-list and the sandbox's router both match paths this one way.
import { type OperationId, operations } from "../generated/operations.js";

export interface OperationMatch {
  operationId: OperationId;
  /** The path parameters, percent-decoded, e.g. `{ task_id: "abc" }`. */
  params: Record<string, string>;
}

const entries = Object.entries(operations) as [OperationId, (typeof operations)[OperationId]][];

function decodeAll(groups: Record<string, string> | undefined): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [name, raw] of Object.entries(groups ?? {})) {
    try {
      params[name] = decodeURIComponent(raw);
    } catch {
      return undefined; // malformed percent-encoding: no operation can take it
    }
  }
  return params;
}

/**
 * The operation that `method path` targets (`path` is what follows the base URL, without the query), with
 * its parameters decoded; undefined when no operation has that method and path.
 */
export function matchOperation(method: string, path: string): OperationMatch | undefined {
  const upper = method.toUpperCase();
  for (const [operationId, operation] of entries) {
    if (operation.method !== upper) continue;
    const match = operation.pattern.exec(path);
    if (!match) continue;
    const params = decodeAll(match.groups);
    return params ? { operationId, params } : undefined;
  }
  return undefined;
}

/** Whether some operation has this path, whatever its method: a wrong method is then a 405, not a 404. */
export function isOperationPath(path: string): boolean {
  return entries.some(([, operation]) => operation.pattern.test(path));
}
