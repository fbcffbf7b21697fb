// Which operations and WebSocket channels browsers may use through the proxy: entries resolved against the
// generated operations and channels tables, and requests matched to them with the spec's own path patterns.
import { type OperationId, operations, type paths } from "@camb-kit/client";
import { type ChannelId, channels, matchOperation } from "@camb-kit/client/spec";

/**
 * An operationId (`"listVoices"`), a path template of the spec (`"/tts/{task_id}"`, every method of it), or
 * a realtime channel id (`"liveSpeech"`, `"liveTranscription"`, `"realtimeTranslation"`).
 */
export type AllowEntry = OperationId | keyof paths | ChannelId;

/** What an allow list resolves to: the operations and the channels it lets through. */
export interface ResolvedAllowList {
  operations: ReadonlySet<OperationId>;
  channels: ReadonlySet<ChannelId>;
}

/**
 * What a browser may do through the proxy by default: read (every GET: task status, results, voices,
 * languages) and ask for bulk result URLs. Everything that spends credits or changes the account (creating
 * tasks, uploads, cloning voices, streaming speech, dictionaries and folders) is opt-in: list its operationId
 * in `allow`, behind your own auth. Read off the generated operations table (`readOnly`), so a new read is allowed after `pnpm generate`.
 * No WebSocket channel is in it: every session spends credits while it is open, so each is opt-in too.
 */
export const DEFAULT_PROXY_ALLOW: readonly OperationId[] = (Object.keys(operations) as OperationId[]).filter(
  (id) => operations[id].readOnly,
);

const isChannelId = (entry: string): entry is ChannelId => Object.hasOwn(channels, entry);

/** Resolves entries to operationIds and channel ids; an unknown entry is a typo and throws at startup. */
export function resolveAllowList(allow: readonly AllowEntry[]): ResolvedAllowList {
  const ids = Object.keys(operations) as OperationId[];
  const resolved = { operations: new Set<OperationId>(), channels: new Set<ChannelId>() };
  for (const entry of allow) {
    if (isChannelId(entry)) {
      resolved.channels.add(entry);
      continue;
    }
    const matches = ids.filter((id) => id === entry || operations[id].path === entry);
    if (matches.length === 0)
      throw new TypeError(`Unknown operation, path or channel in allow: ${String(entry)}`);
    for (const id of matches) resolved.operations.add(id);
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
