// The one reader of openapi/camb.yaml: `$ref` resolution and the operation index. Every other generator
// module works on what this returns, so the spec is walked and its references followed in one place only.

/** The HTTP methods a path item can hold, in the order OpenAPI lists them. */
export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function fail(message) {
  throw new Error(`openapi/camb.yaml: ${message}`);
}

/** The object a local `$ref` (`#/components/...`) points at, with JSON-pointer escapes undone. */
export function pointerTarget(spec, ref) {
  if (!ref.startsWith("#/")) fail(`only local $refs are supported, got ${ref}`);
  const keys = ref
    .slice(2)
    .split("/")
    .map((key) => decodeURIComponent(key).replace(/~1/g, "/").replace(/~0/g, "~"));
  const target = keys.reduce((node, key) => node?.[key], spec);
  if (target === undefined) fail(`unresolved $ref ${ref}`);
  return target;
}

/** Follows `$ref` chains (parameters, request bodies, responses, schemas) to the object they name. */
export function resolve(spec, node) {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === "string"; hops++) {
    if (hops > 32) fail(`$ref cycle at ${node.$ref}`);
    current = pointerTarget(spec, current.$ref);
  }
  return current;
}

function isSecured(spec, operation) {
  const security = operation.security ?? spec.security ?? [];
  // An empty requirement object (`{}`) in the list makes authentication optional.
  return security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0);
}

function parametersOf(spec, item, operation) {
  const byKey = new Map();
  // Operation-level parameters override path-level ones with the same name and location.
  for (const entry of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = resolve(spec, entry);
    byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

/**
 * Every operation of the spec, in spec order, with its references resolved: `{ id, method, path, operation,
 * parameters, requestBody, responses }` (requestBody and each response resolved; schemas left as written).
 */
export function indexOperations(spec) {
  const index = [];
  const seen = new Set();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const id = operation.operationId;
      const where = `${method.toUpperCase()} ${path}`;
      if (typeof id !== "string" || !/^[a-z][A-Za-z0-9]*$/.test(id))
        fail(`${where} needs a camelCase operationId`);
      if (seen.has(id)) fail(`operationId ${id} is used twice`);
      seen.add(id);
      const responses = Object.fromEntries(
        Object.entries(operation.responses ?? {}).map(([status, response]) => [
          status,
          resolve(spec, response),
        ]),
      );
      index.push({
        id,
        method,
        path,
        where,
        operation,
        secured: isSecured(spec, operation),
        parameters: parametersOf(spec, item, operation),
        requestBody: operation.requestBody ? resolve(spec, operation.requestBody) : undefined,
        responses,
      });
    }
  }
  return index;
}

/** The content keys of an operation's first 2xx response, e.g. `["audio/flac", "application/json"]`. */
export function successContent(entry) {
  const status = Object.keys(entry.responses).find((code) => /^2\d\d$/.test(code));
  return status ? (entry.responses[status].content ?? {}) : {};
}
