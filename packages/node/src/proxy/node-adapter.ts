// toNodeHandler: mounts a fetch-style handler on node:http, streaming both bodies and aborting on disconnect,
// with the proxy's WebSocket relay for the server's `upgrade` event beside it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import type { NodeUpgradeHandler } from "./ws-relay.js";

/** A fixed origin: the handler routes on the path, never on the client's Host header. */
const ORIGIN = "http://localhost";

/**
 * The request's URL from its request target alone. The Host header is the client's to choose, and Node
 * accepts `/`, `?` and `#` in it: `Host: x/api/camb/tts-stream?` would otherwise turn a request for
 * `/api/camb/list-voices` into one for `/api/camb/tts-stream`, behind any auth that checked `req.url`.
 * Only the path and query of the target are kept (an absolute-form target's host is dropped too).
 */
export function requestUrl(target: string | undefined): string {
  const { pathname, search } = new URL(target ?? "/", ORIGIN);
  return `${ORIGIN}${pathname}${search}`;
}

/** A node:http request listener, with the listener for the server's `upgrade` event beside it. */
export interface NodeProxyHandler {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** For `server.on("upgrade", handler.upgrade)`: the handler's WebSocket relay, or one that declines all. */
  upgrade: NodeUpgradeHandler;
}

/**
 * Mounts a `(Request) => Promise<Response>` handler (e.g. `createCambProxy`) on a node:http server, streaming
 * both bodies. A client that disconnects aborts the Request's signal (and so the upstream call). A handler
 * with an `upgrade` listener (createCambProxy's relays WebSocket sessions) passes it on as `.upgrade`:
 *
 * ```ts
 * const handler = toNodeHandler(createCambProxy({ apiKey, allow: [...DEFAULT_PROXY_ALLOW, "liveSpeech"] }));
 * http.createServer(handler).on("upgrade", handler.upgrade).listen(3000);
 * ```
 */
export function toNodeHandler(
  handler: ((request: Request) => Promise<Response>) & { upgrade?: NodeUpgradeHandler | undefined },
): NodeProxyHandler {
  const listener = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new Request(requestUrl(req.url), {
        method: req.method ?? "GET",
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
        signal: controller.signal,
        ...(hasBody ? { duplex: "half" } : {}),
      } as RequestInit);
      const response = await handler(request);

      const outgoing: Record<string, string | string[]> = {};
      for (const [name, value] of response.headers) if (name !== "set-cookie") outgoing[name] = value;
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) outgoing["set-cookie"] = cookies;
      res.writeHead(response.status, response.statusText, outgoing);
      if (response.body) {
        await pipeline(Readable.fromWeb(response.body as NodeWebReadableStream<Uint8Array>), res);
      } else res.end();
    } catch {
      // Before the headers: a plain 500. After them the body is broken: cut the connection so the client
      // sees an error instead of a short body that looks complete.
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { "content-type": "application/json" }).end('{"detail":"Proxy error"}');
    }
  };
  return Object.assign(listener, { upgrade: handler.upgrade ?? (() => false) });
}
