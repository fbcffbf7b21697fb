// createCambProxy: a fetch-style handler that lets browsers call allowed operations without the key, and
// relays their allowed WebSocket sessions (ws-relay.ts) on node:http's `upgrade` event.
import { clampDelay, redactSecrets, registerSecret } from "@camb-kit/client/internal";
import { defaultBaseUrl, mediaKind } from "@camb-kit/client/spec";
import { type AllowEntry, DEFAULT_PROXY_ALLOW, findAllowed, resolveAllowList } from "./allow-list.js";
import { BodyTooLargeError, limitBody } from "./body-limit.js";
import { channelAtPath } from "./channel-target.js";
import { downstreamResponseHeaders, upstreamRequestHeaders } from "./headers.js";
import { normalizePrefix, pathUnderPrefix } from "./mount-prefix.js";
import { redactStream } from "./redact-stream.js";
import { createUpgradeRelay, type NodeUpgradeHandler } from "./ws-relay.js";

export interface CambProxyOptions {
  /** The CAMB API key. Added to upstream requests only; never sent back. */
  apiKey: string;
  /** The API to forward to; default the spec's server (point it at the sandbox in tests). */
  baseUrl?: string | undefined;
  /**
   * The realtime host sessions of its channels go to; default the spec's `realtimeServer` (a sandbox's
   * `realtimeUrl` in tests). Live TTS goes to `baseUrl`, with the ws scheme.
   */
  realtimeBaseUrl?: string | undefined;
  /**
   * Operations and channels browsers may use: operationIds, spec paths or channel ids. Default
   * `DEFAULT_PROXY_ALLOW` (the read-only operations, no channel); an app that lets browsers create tasks,
   * upload or open sessions lists those too, e.g.
   * `[...DEFAULT_PROXY_ALLOW, "createDubTask", "liveSpeech", "liveTranscription"]`.
   */
  allow?: readonly AllowEntry[] | undefined;
  /**
   * Origins (`"https://app.example"`) whose pages may open WebSocket sessions besides the proxy's own (the
   * handshake's `Origin` matching its `Host`). List the app's public origin when a reverse proxy in front
   * rewrites `Host`.
   */
  webSocketOrigins?: readonly string[] | undefined;
  /** The path the proxy is mounted at, stripped before forwarding; default `"/api/camb"`. */
  prefix?: string | undefined;
  /** The fetch used upstream; default `globalThis.fetch`. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Largest request body passed on, in bytes (413 beyond it); default 1 GiB, for media uploads. */
  maxRequestBytes?: number | undefined;
  /**
   * Time allowed until the API's response headers, or its WebSocket handshake, in ms (504 beyond it);
   * default 60000, 0 for none.
   */
  upstreamTimeoutMs?: number | undefined;
  /**
   * Interval of the WebSocket pings sent to browsers, in ms; default 30000, 0 for none. A browser that sent
   * nothing (not even the pong) between two pings is dropped and its API session closed as "going away"
   * (1001), as when it leaves: a browser that dies silently (asleep, its NAT mapping gone) stops spending.
   */
  heartbeatMs?: number | undefined;
}

const DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024 * 1024;
const DEFAULT_UPSTREAM_TIMEOUT_MS = 60_000;
const DEFAULT_HEARTBEAT_MS = 30_000;
/** Node's timers take at most 2^31 - 1 ms; a longer interval would fire every millisecond. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The proxy: a fetch-style handler, and the listener for node:http's `upgrade` event beside it. */
export interface CambProxyHandler {
  (request: Request): Promise<Response>;
  /** Relays an allowed channel's WebSocket session: `server.on("upgrade", proxy.upgrade)` (node:http). */
  upgrade: NodeUpgradeHandler;
}

const UPSTREAM_TIMEOUT = new DOMException("The CAMB API did not answer in time", "TimeoutError");

/** The body limit tripped, whichever way the runtime wraps the error of a failed upload. */
function isBodyTooLarge(error: unknown): boolean {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    if (current instanceof BodyTooLargeError) return true;
  }
  return false;
}

function jsonError(status: number, detail: string): Response {
  return Response.json({ detail }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * A standard `(Request) => Promise<Response>` handler (Next.js route handlers, Hono, Bun, Deno, or node:http
 * through `toNodeHandler`) that lets browsers call the CAMB API without holding the key.
 *
 * - Only operations in `allow` pass (403 otherwise); requests outside `prefix` get 404.
 * - The key is added server-side; the caller's cookies, Authorization, x-api-key and hop-by-hop headers are
 *   not forwarded (only an allow-list of content headers is).
 * - Bodies stream both ways without buffering (request bodies with `duplex: "half"`, multipart uploads
 *   included: the proxy never parses them), with backpressure, so memory does not grow with an upload's size;
 *   `maxRequestBytes` is enforced as the bytes pass. A client that goes away aborts the upstream call.
 * - The key never appears in a response: headers echoing it are dropped and non-audio bodies are redacted.
 * - `upgrade` relays the WebSocket sessions of allowed channels (none by default) for node:http servers;
 *   see `toNodeHandler`.
 */
export function createCambProxy(options: CambProxyOptions): CambProxyHandler {
  const { apiKey } = options;
  if (typeof apiKey !== "string" || apiKey.length === 0)
    throw new TypeError("createCambProxy needs an apiKey");
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, "");
  const prefix = normalizePrefix(options.prefix);
  const allowed = resolveAllowList(options.allow ?? DEFAULT_PROXY_ALLOW);
  const upstreamFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  for (const [name, value] of [
    ["maxRequestBytes", maxRequestBytes],
    ["upstreamTimeoutMs", upstreamTimeoutMs],
  ] as const) {
    if (!(value >= 0)) throw new RangeError(`${name} must be a number >= 0, got ${value}`);
  }
  // Node turns a timer longer than 2^31 - 1 ms (Infinity included) into one of 1 ms.
  const upstreamTimerMs = clampDelay(upstreamTimeoutMs);
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  if (!(heartbeatMs >= 0 && heartbeatMs <= MAX_TIMER_MS))
    throw new RangeError(`heartbeatMs must be a number from 0 to ${MAX_TIMER_MS}, got ${heartbeatMs}`);
  registerSecret(apiKey);
  const tooLarge = () =>
    jsonError(413, `The request body is larger than this proxy's limit of ${maxRequestBytes} bytes`);

  const upgrade = createUpgradeRelay({
    apiKey,
    apiBaseUrl: baseUrl,
    realtimeBaseUrl: options.realtimeBaseUrl,
    prefix,
    allowed: allowed.channels,
    origins: options.webSocketOrigins ?? [],
    connectTimeoutMs: upstreamTimerMs,
    heartbeatMs,
  });

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = pathUnderPrefix(url.pathname, prefix);
    if (path === undefined) return jsonError(404, "Not a CAMB proxy path");
    if (channelAtPath(path)) {
      return jsonError(426, `${path} is a WebSocket channel: open it with a WebSocket (the proxy's upgrade)`);
    }
    if (!findAllowed(allowed.operations, request.method, path)) {
      return jsonError(403, `${request.method} ${path} is not allowed through this proxy`);
    }

    const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body !== null;
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (hasBody && declared > maxRequestBytes) return tooLarge();
    // Follows the client (one that goes away cancels the upstream call) and, until the headers, the timeout.
    const upstreamAbort = new AbortController();
    const follow = () => upstreamAbort.abort(request.signal.reason);
    request.signal.addEventListener("abort", follow, { once: true });
    if (request.signal.aborted) follow();
    const timer =
      upstreamTimerMs > 0
        ? setTimeout(() => upstreamAbort.abort(UPSTREAM_TIMEOUT), upstreamTimerMs)
        : undefined;
    const headers = upstreamRequestHeaders(request.headers, apiKey);
    // A declared length goes up with the stream (the server framing the request has already held the client
    // to it), so the API can refuse an upload it finds too large before any of it is sent.
    if (hasBody && Number.isSafeInteger(declared) && declared > 0)
      headers.set("content-length", String(declared));
    let upstream: Response;
    try {
      upstream = await upstreamFetch(
        new Request(`${baseUrl}${path}${url.search}`, {
          method: request.method,
          headers,
          body: hasBody && request.body ? limitBody(request.body, maxRequestBytes) : null,
          signal: upstreamAbort.signal,
          // With a body, "error": in any other mode fetch clones the request for a possible redirect (the
          // spec's HTTP-network-or-cache fetch), and undici's clone tees a streamed body whose second branch
          // keeps every chunk: a 1 GiB upload held 1 GiB here (test/proxy-memory.test.ts). A stream cannot
          // be sent twice anyway; an upload the API redirects ends as a 502. Reads still pass redirects on.
          redirect: hasBody ? "error" : "manual",
          ...(hasBody ? { duplex: "half" } : {}),
        } as RequestInit),
      );
    } catch (error) {
      request.signal.removeEventListener("abort", follow);
      // A body that failed (too large, or the client broke off) rejects the fetch, but undici may still be
      // sending it on a live socket, leaving the API a truncated request: abort drops that connection.
      upstreamAbort.abort(error);
      if (isBodyTooLarge(error)) return tooLarge();
      if (upstreamAbort.signal.reason === UPSTREAM_TIMEOUT)
        return jsonError(504, "The CAMB API did not answer in time");
      // Never echo the upstream error: its message or cause could name the upstream request.
      return jsonError(502, "The CAMB API could not be reached");
    } finally {
      clearTimeout(timer);
    }

    // Bytes (audio) are passed through as they are; anything else (JSON errors, text) is scanned for the key.
    const redact = upstream.body !== null && mediaKind(upstream.headers.get("content-type")) !== "binary";
    const body = redact ? upstream.body!.pipeThrough(redactStream(apiKey)) : upstream.body;
    return new Response(body, {
      status: upstream.status,
      // A reason phrase is server text like any other: it may echo the key too.
      statusText: redactSecrets(upstream.statusText),
      headers: downstreamResponseHeaders(upstream.headers, apiKey, redact),
    });
  };
  return Object.assign(handle, { upgrade });
}
