// The headers the proxy passes on, each way: an allow-list going up (plus the key), a drop-list coming down.
import { apiKeyHeader } from "@camb-kit/client/spec";

// Request headers a browser may pass on. An allow-list, not a block-list: cookies, the app's own
// Authorization, a caller's API key, hop-by-hop and proxy headers never reach the API.
const FORWARDED_REQUEST_HEADERS = [
  "accept",
  "accept-language",
  "content-type",
  "content-language",
  "if-none-match",
  "if-modified-since",
  "range",
  "traceparent",
  "tracestate",
  "x-request-id",
];

// Response headers that describe the hop, not the content, or set state the browser must not get.
const DROPPED_RESPONSE_HEADERS = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "set-cookie",
]);

/** The upstream request's headers: the allowed ones from the caller, plus the key, added here only. */
export function upstreamRequestHeaders(incoming: Headers, apiKey: string): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set(apiKeyHeader, apiKey);
  return headers;
}

/**
 * The response's headers. fetch has already decompressed the body, so Content-Encoding and its
 * Content-Length would describe bytes we no longer send: both go. Any header echoing the key goes too.
 */
export function downstreamResponseHeaders(
  upstream: Headers,
  apiKey: string,
  bodyRewritten: boolean,
): Headers {
  const headers = new Headers();
  const decoded = upstream.has("content-encoding");
  for (const [name, value] of upstream) {
    if (DROPPED_RESPONSE_HEADERS.has(name) || value.includes(apiKey)) continue;
    if ((decoded || bodyRewritten) && (name === "content-encoding" || name === "content-length")) continue;
    headers.set(name, value);
  }
  return headers;
}
