// Where a browser's WebSocket goes upstream: the channel its path names, and the upstream URL and headers,
// with the key placed where the channel's `auth` says and nothing of the browser's credentials passed on.
import type { IncomingHttpHeaders } from "node:http";
import { type ChannelId, channels, channelUrl } from "@camb-kit/client/spec";

type ChannelAuth = (typeof channels)[ChannelId]["auth"];

/** How the proxy hands the key to the API on a channel. */
export type KeyPlacement =
  | { kind: "header"; name: string }
  | { kind: "query"; name: string }
  | { kind: "message"; field: readonly string[] };

/**
 * Where the key goes on a channel whose `auth` offers several places: a header when it takes one (the proxy
 * is a server, so it can set one, and a header stays out of URL logs), else a query parameter, else the
 * field of the first message.
 */
export function keyPlacement(auth: Pick<ChannelAuth, "header" | "query" | "message">): KeyPlacement {
  if (auth.header) return { kind: "header", name: auth.header };
  if (auth.query) return { kind: "query", name: auth.query };
  if (auth.message) return { kind: "message", field: auth.message };
  throw new TypeError("a channel names no place for the key");
}

/** The channel a path under the proxy's prefix names (its `path` in the spec), if any. */
export function channelAtPath(path: string): ChannelId | undefined {
  return (Object.keys(channels) as ChannelId[]).find((id) => channels[id].path === path);
}

// Request headers a browser's handshake may pass on: tracing only. Cookies, Origin, Authorization and any
// key it sent stay here, as for REST (headers.ts).
const FORWARDED_HANDSHAKE_HEADERS = ["traceparent", "tracestate", "x-request-id"];

export interface UpstreamTarget {
  url: string;
  headers: Record<string, string>;
  /** The field of the first client message the key goes into, or null when it went in the URL or a header. */
  keyField: readonly string[] | null;
}

export interface TargetOptions {
  apiKey: string;
  apiBaseUrl: string;
  realtimeBaseUrl: string | undefined;
}

/**
 * The upstream end of a browser's session on `channel`. Of the browser's query only the channel's declared
 * parameters go on (so a key it put in the URL, under any name, does not), then the proxy's key, in its
 * place.
 */
export function upstreamTarget(
  channel: ChannelId,
  browserQuery: URLSearchParams,
  browserHeaders: IncomingHttpHeaders,
  options: TargetOptions,
): UpstreamTarget {
  const entry = channels[channel];
  const declared: readonly string[] = entry.query?.parameters ?? [];
  const query: Record<string, string> = {};
  for (const name of declared) {
    const value = browserQuery.get(name);
    if (value !== null) query[name] = value;
  }
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HANDSHAKE_HEADERS) {
    const value = browserHeaders[name];
    if (typeof value === "string") headers[name] = value;
  }
  const placement = keyPlacement(entry.auth);
  if (placement.kind === "header") headers[placement.name] = options.apiKey;
  if (placement.kind === "query") query[placement.name] = options.apiKey;
  const url = channelUrl(channel, {
    apiBaseUrl: options.apiBaseUrl,
    realtimeBaseUrl: options.realtimeBaseUrl,
    query,
  });
  return { url, headers, keyField: placement.kind === "message" ? placement.field : null };
}

/**
 * The first client message with the key set at `field` (`auth.api_key`), replacing any the browser sent;
 * undefined when the message is not a JSON object, so no key can be placed in it.
 */
export function withKeyInMessage(text: string, field: readonly string[], apiKey: string): string | undefined {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(message) || field.length === 0) return undefined;
  let parent: Record<string, unknown> = message;
  for (const name of field.slice(0, -1)) {
    const next = parent[name];
    parent = parent[name] = isObject(next) ? next : {};
  }
  parent[field[field.length - 1]!] = apiKey;
  return JSON.stringify(message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
