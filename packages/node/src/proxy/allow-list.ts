// Which operations browsers may call through the proxy: entries resolved against the generated operations
// table, and requests matched to them with the spec's own path patterns.
import { families, type OperationId, operations, type paths } from "@camb-kit/client";
import { matchOperation } from "@camb-kit/client/spec";

/** An operationId (`"listVoices"`) or a path template of the spec (`"/tts/{task_id}"`, every method of it). */
export type AllowEntry = OperationId | keyof paths;

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

/** Resolves entries to operationIds; an unknown entry is a typo and throws at startup. */
export function resolveAllowList(allow: readonly AllowEntry[]): ReadonlySet<OperationId> {
  const ids = Object.keys(operations) as OperationId[];
  const resolved = new Set<OperationId>();
  for (const entry of allow) {
    const matches = ids.filter((id) => id === entry || operations[id].path === entry);
    if (matches.length === 0) throw new TypeError(`Unknown operation or path in allow: ${String(entry)}`);
    for (const id of matches) resolved.add(id);
  }
  return resolved;
}

// A path parameter must stay one segment upstream: no `..`, no encoded slash or backslash.
const safeParameter = (value: string) => value !== "." && value !== ".." && !/[/\\]/.test(value);

/** The allowed operation a request targets, if any. `path` is the API path, without the proxy prefix. */
export function findAllowed(
  allowed: ReadonlySet<OperationId>,
  method: string,
  path: string,
): OperationId | undefined {
  const match = matchOperation(method, path);
  if (!match || !allowed.has(match.operationId)) return undefined;
  return Object.values(match.params).every(safeParameter) ? match.operationId : undefined;
}
