// The operations table: every operation by operationId, with what code needs to call, route or allow it
// (method, path, a matcher for concrete paths, content types, auth, deprecation, task role). The client,
// the proxy's allow-list and the sandbox's router all read it, so no path is typed by hand anywhere.
import { HEADER, literal } from "./render.mjs";
import { fail, successContent } from "./spec.mjs";

/** The parts of a multipart body the spec sends as JSON text (`encoding.<part>.contentType`). */
function jsonParts(entry) {
  const encoding = entry.requestBody?.content?.["multipart/form-data"]?.encoding ?? {};
  return Object.entries(encoding)
    .filter(([, part]) => part?.contentType?.split(",").some((type) => type.trim() === "application/json"))
    .map(([name]) => name);
}

const PARAMETER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `/tts/{task_id}` -> `/^\/tts\/(?<task_id>[^/]+)$/`: one path segment per parameter, nothing else. */
export function pathPattern(path) {
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (!part.startsWith("{")) return part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      const name = part.slice(1, -1);
      if (!PARAMETER.test(name)) fail(`path ${path}: parameter {${name}} must be an identifier`);
      return `(?<${name}>[^/]+)`;
    })
    .join("");
  return new RegExp(`^${source}$`);
}

/**
 * Whether an operation only reads: a GET (HTTP's safe method) unless the spec marks it
 * `x-camb-changes-state: true` (upstream stops a v1 live stream with a GET), and a task family's bulk-results
 * POST, which is a POST only for the length of its list of run ids.
 */
function isReadOnly(entry, tasks) {
  const changesState = entry.operation["x-camb-changes-state"];
  if (changesState !== undefined && typeof changesState !== "boolean")
    fail(`${entry.id}: x-camb-changes-state must be true or false`);
  if (entry.method === "get") return changesState !== true;
  if (changesState === false) fail(`${entry.id}: only a GET can be marked x-camb-changes-state: false`);
  return tasks.some((task) => task.role === "bulk");
}

export function buildOperations(index) {
  const table = {};
  for (const entry of index) {
    const raw = entry.operation["x-camb-task"];
    const tasks = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    table[entry.id] = {
      method: entry.method.toUpperCase(),
      path: entry.path,
      pattern: pathPattern(entry.path),
      secured: entry.secured,
      deprecated: Boolean(entry.operation.deprecated),
      readOnly: isReadOnly(entry, tasks),
      requestContentTypes: Object.keys(entry.requestBody?.content ?? {}),
      jsonParts: jsonParts(entry),
      successMediaTypes: Object.keys(successContent(entry)),
      tasks: tasks.map((task) => ({ family: task.family, role: task.role, scope: task.scope ?? null })),
    };
  }
  return table;
}

export function renderOperations(table) {
  return `${HEADER}import type { paths } from "./schema.js";

/**
 * Every operation of the spec, by operationId. \`pattern\` matches a concrete API path (the part after the
 * base URL, without the query) and captures its parameters, still percent-encoded, as named groups.
 */
export const operations = ${literal(table)} as const satisfies Record<
  string,
  {
    method: string;
    path: keyof paths;
    pattern: RegExp;
    secured: boolean;
    deprecated: boolean;
    /** Reads and changes nothing (a GET the spec does not mark \`x-camb-changes-state\`, a bulk-results POST). */
    readOnly: boolean;
    requestContentTypes: readonly string[];
    jsonParts: readonly string[];
    successMediaTypes: readonly string[];
    tasks: readonly {
      family: string;
      role: "create" | "status" | "result" | "bulk" | "transcript";
      scope: "language" | null;
    }[];
  }
>;

/** An operationId of the spec, e.g. \`"listVoices"\`. */
export type OperationId = keyof typeof operations;
`;
}
