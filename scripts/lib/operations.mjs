// The operations table: every operation of the spec by operationId (method, path, deprecated). The proxy's
// allow-list and anything else that names operations read it, so no path is typed by hand.
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function buildOperations(spec) {
  const operations = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const id = operation.operationId;
      if (!id) throw new Error(`openapi/camb.yaml: ${method.toUpperCase()} ${path} has no operationId`);
      if (operations[id]) throw new Error(`openapi/camb.yaml: operationId ${id} is used twice`);
      operations[id] = { method: method.toUpperCase(), path, deprecated: Boolean(operation.deprecated) };
    }
  }
  return operations;
}

export function renderOperations(operations, header) {
  return `${header}import type { paths } from "./schema.js";

/** Every operation of the spec, by operationId. */
export const operations = ${JSON.stringify(operations, null, 2)} as const satisfies Record<
  string,
  { method: string; path: keyof paths; deprecated: boolean }
>;

/** An operationId of the spec, e.g. \`"listVoices"\`. */
export type OperationId = keyof typeof operations;
`;
}
