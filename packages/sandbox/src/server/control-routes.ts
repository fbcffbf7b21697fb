// The HTTP server's own routes, outside the API: the request log as JSON, so a test in another process (a
// `camb sandbox` that outlives the commands it serves) can count what was sent.
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiKeyHeader, channels, isOperationPath } from "@camb-kit/client/spec";
import type { RecordedRequest } from "../types.js";

/** Where the server's own routes live: beside `/_storage`, a prefix no operation of the spec has. */
export const CONTROL_PREFIX = "/_sandbox";

function reply(res: ServerResponse, status: number, body: unknown): void {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": bytes.byteLength,
    "cache-control": "no-store",
  });
  res.end(bytes);
}

/** The query parameters a WebSocket session may carry its key in (a browser cannot set headers). */
const KEY_PARAMETERS = new Set(
  Object.values(channels).flatMap(({ auth }) => (auth.query === null ? [] : [auth.query])),
);

/** A URL with the value of every key parameter replaced; any other URL as it is. */
function withoutKeyParameters(url: string): string {
  const parsed = new URL(url);
  let changed = false;
  for (const name of KEY_PARAMETERS) {
    if (parsed.searchParams.has(name)) {
      parsed.searchParams.set(name, "[redacted]");
      changed = true;
    }
  }
  return changed ? parsed.href : url;
}

/** The log as served: the key each request carried is shown as present, never as its value. */
function served(request: RecordedRequest): RecordedRequest {
  const url = withoutKeyParameters(request.url);
  const headers =
    apiKeyHeader in request.headers ? { ...request.headers, [apiKeyHeader]: "[redacted]" } : request.headers;
  return url === request.url && headers === request.headers ? request : { ...request, url, headers };
}

/**
 * Answers a request for one of the server's own routes and returns true; returns false, touching nothing,
 * for any other request (the API's, storage downloads), which then goes through the sandbox as usual.
 *
 *   GET /_sandbox/requests                       every request seen, in order (RecordedRequest[])
 *   GET /_sandbox/requests?operation=createSpeechTask   only those of these operationIds (the parameter repeats)
 *
 * These requests are not recorded, faulted or delayed: looking at the log does not change it.
 */
export function serveControlRoute(
  req: IncomingMessage,
  res: ServerResponse,
  requests: readonly RecordedRequest[],
): boolean {
  const url = new URL(req.url ?? "/", "http://sandbox");
  if (url.pathname !== CONTROL_PREFIX && !url.pathname.startsWith(`${CONTROL_PREFIX}/`)) return false;
  // A spec that gains a path under the prefix must win: the sandbox serves the API first.
  if (isOperationPath(url.pathname)) return false;
  req.resume(); // any body is read and dropped, so the connection stays usable
  if (url.pathname !== `${CONTROL_PREFIX}/requests`) {
    reply(res, 404, { detail: "Not Found" });
    return true;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    reply(res, 405, { detail: "Method Not Allowed" });
    return true;
  }
  const wanted = url.searchParams.getAll("operation");
  const selected =
    wanted.length === 0
      ? requests
      : requests.filter(
          (request) => request.operationId !== undefined && wanted.includes(request.operationId),
        );
  reply(res, 200, selected.map(served));
  return true;
}
