import { families, type OperationId, operations, type paths } from "@camb-kit/client";

/** An operationId (`"listVoices"`) or a path template of the spec (`"/tts/{task_id}"`, every method of it). */
export type AllowEntry = OperationId | keyof paths;

export interface AllowedOperation {
  operationId: OperationId;
  method: string;
  path: string;
  pattern: RegExp;
}

const bulkPaths = new Set<string>(Object.values(families).map((family) => family.bulk ?? ""));

/**
 * What a browser may do through the proxy by default: read (every GET: task status, results, voices,
 * languages), ask for bulk result URLs (a POST that only reads), and stream speech (`streamSpeech`, which
 * spends credits: put your own auth in front of the proxy). Creating tasks and cloning voices are opt-in.
 * Derived from the spec, so a new GET operation is allowed after `pnpm generate` with no edit here.
 */
export const DEFAULT_PROXY_ALLOW: readonly OperationId[] = (Object.keys(operations) as OperationId[]).filter(
  (id) => operations[id].method === "GET" || bulkPaths.has(operations[id].path) || id === "streamSpeech",
);

function patternOf(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "([^/]+)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

/** Resolves entries against the spec's operations; an unknown entry is a typo and throws at startup. */
export function resolveAllowList(allow: readonly AllowEntry[]): AllowedOperation[] {
  const ids = Object.keys(operations) as OperationId[];
  const resolved = new Map<OperationId, AllowedOperation>();
  for (const entry of allow) {
    const matches = ids.filter((id) => id === entry || operations[id].path === entry);
    if (matches.length === 0) throw new TypeError(`Unknown operation or path in allow: ${String(entry)}`);
    for (const id of matches) {
      const { method, path } = operations[id];
      resolved.set(id, { operationId: id, method, path, pattern: patternOf(path) });
    }
  }
  return [...resolved.values()];
}

// A path parameter must stay one segment upstream: no `..`, no encoded slash or backslash.
function safeParameter(raw: string): boolean {
  try {
    const value = decodeURIComponent(raw);
    return value !== "." && value !== ".." && !/[/\\]/.test(value);
  } catch {
    return false;
  }
}

/** The allowed operation a request targets, if any. `path` is the API path, without the proxy prefix. */
export function findAllowed(
  allowed: readonly AllowedOperation[],
  method: string,
  path: string,
): AllowedOperation | undefined {
  return allowed.find((operation) => {
    if (operation.method !== method.toUpperCase()) return false;
    const match = operation.pattern.exec(path);
    return match?.slice(1).every(safeParameter) ?? false;
  });
}
