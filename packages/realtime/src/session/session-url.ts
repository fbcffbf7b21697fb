// Where a session connects, from the client's settings: its base resolved (a browser's relative proxy path
// against the page) and checked, never quoted with credentials, the channel's path and query, and the key.
import { clientSettings, withoutCredentials } from "@camb-kit/client/internal";
import { type ChannelId, channelUrl } from "@camb-kit/client/spec";
import { type PlacedKey, placeKey } from "../key-placement.js";
import { currentRuntime } from "../socket/runtime.js";
import type { ResolvedSessionOptions } from "./session-options.js";

type Query = Record<string, string | number | boolean | undefined>;

function checkedBase(base: string, option: string): string {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  let url: URL;
  try {
    url = new URL(base, page);
  } catch {
    // The runtime's own error carries the input: not quoted here, it may hold a secret.
    throw new TypeError(`${option} must be a URL (absolute, or relative to the page in a browser)`);
  }
  if (url.username || url.password) {
    throw new TypeError(`${option} must not carry credentials (${withoutCredentials(url.href)})`);
  }
  if (!/^(wss?|https?):$/.test(url.protocol)) {
    throw new TypeError(`${option} must be a ws(s) or http(s) URL, not ${url.protocol}`);
  }
  return url.href;
}

/** The ws(s) URL of `channel` for a client with these settings, with `query` (no key: that is placed later). */
export function sessionUrl(
  channel: ChannelId,
  settings: { baseUrl: string; realtimeBaseUrl: string | undefined },
  query: Query | undefined,
): string {
  return channelUrl(channel, {
    apiBaseUrl: checkedBase(settings.baseUrl, "baseUrl"),
    realtimeBaseUrl:
      settings.realtimeBaseUrl === undefined
        ? undefined
        : checkedBase(settings.realtimeBaseUrl, "realtimeBaseUrl"),
    query,
  } as Parameters<typeof channelUrl>[1]);
}

/** The URL, headers and start-message patch of a session of `camb` on `channel`, with its key placed. */
export function placeSessionKey(
  camb: object,
  channel: ChannelId,
  query: Query | undefined,
  options: Pick<ResolvedSessionOptions, "keyPlacement" | "WebSocket">,
): PlacedKey {
  const settings = clientSettings(camb);
  return placeKey({
    channel,
    url: sessionUrl(channel, settings, query),
    apiKey: settings.apiKey,
    requested: options.keyPlacement,
    runtime: currentRuntime(),
    customSocket: options.WebSocket !== undefined,
  });
}
