// The checks a session makes before it serves: the key (where the channel takes it) and the input markers
// that make it fail on purpose, as the REST sandbox's tasks do.
import { type ChannelId, channels } from "@camb-kit/client/spec";
import { isObject, type Json } from "../openapi/json.js";
import type { ResolvedOptions } from "../state/options.js";
import type { ChannelConnection } from "./connection.js";

/** The value at a field path of a message (`["auth", "api_key"]`). */
function fieldAt(message: Json | undefined, path: readonly string[]): Json | undefined {
  let current = message;
  for (const name of path) current = isObject(current) ? current[name] : undefined;
  return current;
}

/** The key as the channel takes it: its header, else its query parameter, else the start message's field. */
export function keyOf(channel: ChannelId, connection: ChannelConnection, start?: Json): string | undefined {
  const { auth } = channels[channel];
  const header = auth.header === null ? undefined : connection.headers[auth.header];
  const query = auth.query === null ? null : connection.url.searchParams.get(auth.query);
  const field = auth.message === null ? undefined : fieldAt(start, auth.message);
  const key = header || query || (typeof field === "string" ? field : undefined);
  return key || undefined;
}

/** Why a key is refused (never quoting it), or undefined when the sandbox accepts it. */
export function keyProblem(
  channel: ChannelId,
  options: ResolvedOptions,
  key: string | undefined,
): string | undefined {
  const { auth } = channels[channel];
  if (key === undefined) {
    const places = [
      auth.header && `the ${auth.header} header`,
      auth.query && `the ${auth.query} query parameter`,
      auth.message && `${auth.message.join(".")} of the first message`,
    ].filter(Boolean);
    return `Not authenticated: send your API key in ${places.join(" or ")}.`;
  }
  if (options.apiKeys && !options.apiKeys.has(key)) return "Invalid API key.";
  return undefined;
}

/**
 * Markers a string of a session's input can carry (its query, its start message, a text chunk), the same
 * ones the REST sandbox's tasks take: `[sandbox:payment]` ends the session as out of credits (4402) and
 * `[sandbox:error]` as a server failure (1011). Documented in the README.
 */
export type SessionMarker = "payment" | "error";
const MARKERS: readonly [text: string, marker: SessionMarker][] = [
  ["[sandbox:payment]", "payment"],
  ["[sandbox:error]", "error"],
];

function strings(value: Json | undefined, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (isObject(value)) for (const item of Object.values(value)) strings(item, out);
  return out;
}

/** The first marker any string of a value carries. */
export function markerIn(value: Json | undefined): SessionMarker | undefined {
  const texts = strings(value);
  return MARKERS.find(([text]) => texts.some((t) => t.includes(text)))?.[1];
}
