// The WebSocket URL of a realtime channel: its server (the REST base with the ws scheme, or the realtime
// host), its path, and the query parameters the caller passes (no defaults added: the server applies its own).
import { type ChannelId, type ChannelQuery, channels, realtimeServer } from "../generated/channels.js";

/**
 * The query of channel `C`'s URL: its declared parameters, and any other (the key's parameter, say). An
 * undefined value leaves the parameter out.
 */
export type ChannelUrlQuery<C extends ChannelId> = {
  [Name in keyof ChannelQuery<C>]?: ChannelQuery<C>[Name];
} & {
  readonly [name: string]: string | number | boolean | undefined;
};

export interface ChannelUrlOptions<C extends ChannelId> {
  /** The REST base URL (http, https, ws or wss), e.g. the client's `baseUrl` or the sandbox's `url`. */
  apiBaseUrl: string;
  /** The realtime host (http(s) or ws(s)); defaults to the spec's `realtimeServer`. */
  realtimeBaseUrl?: string | undefined;
  query?: ChannelUrlQuery<C> | undefined;
}

const WS_SCHEMES: Readonly<Record<string, string>> = {
  "http:": "ws:",
  "https:": "wss:",
  "ws:": "ws:",
  "wss:": "wss:",
};

function wsBase(base: string, option: string): URL {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new TypeError(`${option} must be an absolute URL`);
  }
  const scheme = WS_SCHEMES[url.protocol];
  // Never echo the URL: a base may carry credentials.
  if (!scheme) throw new TypeError(`${option} must be an http(s) or ws(s) URL, not ${url.protocol}`);
  url.protocol = scheme;
  return url;
}

/**
 * The URL to open channel `C` at: `wss://client.camb.ai/apis/live-tts/ws` from the default base, or
 * `ws://127.0.0.1:<port>/live-tts/ws` from a sandbox's. Pure: reads nothing but its arguments and the spec.
 */
export function channelUrl<C extends ChannelId>(channel: C, options: ChannelUrlOptions<C>): string {
  const entry = channels[channel];
  if (!entry) throw new TypeError(`unknown channel: ${String(channel)}`);
  const url =
    entry.server === "api"
      ? wsBase(options.apiBaseUrl, "apiBaseUrl")
      : wsBase(options.realtimeBaseUrl ?? realtimeServer, "realtimeBaseUrl");
  url.pathname = url.pathname.replace(/\/+$/, "") + entry.path;
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.append(name, String(value));
  }
  return url.href;
}
