// Where a session's API key goes, as its channel's protocol wants it: a header, a query parameter, or a field
// of the first message, and nowhere else. A session without a key (a browser behind the app's proxy) sends none.
import { registerSecret, withoutCredentials } from "@camb-kit/client/internal";
import { type ChannelId, channels } from "@camb-kit/client/spec";
import { canSendHeaders, type Runtime } from "./socket/runtime.js";

/** Where the key of a header-or-query channel goes. */
export type KeyPlacement = "header" | "query";

export interface PlacedKey {
  /** The URL to open (with the key when it travels in the query). */
  url: string;
  /** The same URL as errors and logs may show it: never with the key. */
  printableUrl: string;
  /** Headers for the upgrade request, or undefined when none are needed. */
  headers: Record<string, string> | undefined;
  /** The start message with the key at the channel's field path, for a channel that wants it there. */
  withKey<M extends object>(start: M): M;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: string): void {
  let node = target;
  for (const name of path.slice(0, -1)) {
    const next = node[name];
    node[name] = next !== null && typeof next === "object" ? { ...(next as object) } : {};
    node = node[name] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/**
 * Places `apiKey` on `channel`'s connection. `requested` overrides the runtime's default (a header where the
 * runtime can set one, else the query); `customSocket` says a WebSocket class was passed in, which is
 * trusted to take `{ headers }`.
 */
export function placeKey(init: {
  channel: ChannelId;
  url: string;
  apiKey: string | undefined;
  requested: KeyPlacement | undefined;
  runtime: Runtime;
  customSocket: boolean;
}): PlacedKey {
  const { channel, url, apiKey, requested, runtime, customSocket } = init;
  const auth = channels[channel].auth;
  const printableUrl = withoutCredentials(url);
  const unchanged: PlacedKey = { url, printableUrl, headers: undefined, withKey: (start) => start };
  if (!apiKey) return unchanged;
  registerSecret(apiKey);
  if (auth.message) {
    const path = auth.message;
    return {
      ...unchanged,
      withKey: (start) => {
        const copy = { ...start } as Record<string, unknown>;
        setPath(copy, path, apiKey);
        return copy as typeof start;
      },
    };
  }
  const headersPossible = customSocket || canSendHeaders(runtime);
  if (requested === "header" && !headersPossible) {
    throw new TypeError(
      `keyPlacement "header" needs a WebSocket that can send headers; this runtime's (${runtime}) cannot: use "query", or a proxy that adds the key`,
    );
  }
  const placement = requested ?? (headersPossible && auth.header ? "header" : "query");
  if (placement === "header" && auth.header) {
    return { ...unchanged, headers: { [auth.header]: apiKey } };
  }
  if (!auth.query) throw new TypeError(`the ${channel} channel takes no key in its query`);
  const withQuery = new URL(url);
  withQuery.searchParams.set(auth.query, apiKey);
  return { ...unchanged, url: withQuery.href };
}
