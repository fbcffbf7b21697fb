// Which operations browsers may call through the proxy: entries resolved against the generated operations
// table, and requests matched to them with the spec's own path patterns.
import { type OperationId, operations, type paths } from "@camb-kit/client";
import { matchOperation } from "@camb-kit/client/spec";

/** An operationId (`"listVoices"`) or a path template of the spec (`"/tts/{task_id}"`, every method of it). */
export type AllowEntry = OperationId | keyof paths;

/**
 * What a browser may do through the proxy by default: read (every GET: task status, results, voices,
 * languages) and ask for bulk result URLs. Everything that spends credits or changes the account (creating
 * tasks, uploads, cloning voices, streaming speech, dictionaries and folders) is opt-in: list its operationId
 * in `allow`, behind your own auth. Read off the generated operations table (`readOnly`), so a new read is allowed after `pnpm generate`.
 */
export const DEFAULT_PROXY_ALLOW: readonly OperationId[] = (Object.keys(operations) as OperationId[]).filter(
  (id) => operations[id].readOnly,
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
