// Failures while openapi-fetch reads an answer's body become typed errors that name the call: a 2xx body that
// is not JSON (instead of V8's SyntaxError, which names nothing and quotes the body's start, an echoed key
// included), and a body cut mid-way (instead of undici's bare `TypeError: terminated`).
import type { Client } from "openapi-fetch";
import { CambConnectionError, CambMalformedResponseError } from "./errors/transport-errors.js";

type Call = (first: unknown, second?: unknown, third?: unknown) => Promise<unknown>;
const HTTP_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** How runtimes report a connection that dropped while a body was read (undici: `TypeError: terminated`). */
function isCutBody(error: unknown): boolean {
  return error instanceof TypeError && error.message === "terminated";
}

/** The typed error for a failure of a call's body read, or the error unchanged. */
function typed(error: unknown, call: { method: string; path: string }): unknown {
  // openapi-fetch parses only 2xx bodies as JSON (an error body that is not JSON stays text), so a
  // SyntaxError out of a call is always a malformed success body.
  if (error instanceof SyntaxError) return new CambMalformedResponseError(call);
  // The answer had started, so the request was sent and handled: a create may have started a task.
  if (isCutBody(error)) return new CambConnectionError({ ...call, requestSent: true, cause: error });
  return error;
}

/** `call` with its failures typed; `method` is undefined for `request(method, path, init)`. */
function guarded(call: Call, method: string | undefined): Call {
  // Fixed parameters, and the error path's work only on an error: this wraps every call of the client.
  return (first, second, third) =>
    call(first, second, third).catch((error: unknown) => {
      const described = method
        ? { method, path: String(first) }
        : { method: String(first).toUpperCase(), path: String(second) };
      throw typed(error, described);
    });
}

/**
 * Wraps the client's calls in place: a malformed JSON answer rejects with CambMalformedResponseError, a body
 * cut while it was read with CambConnectionError (`requestSent: true`).
 */
export function guardBodyReads<Paths extends {}>(client: Client<Paths>): Client<Paths> {
  const calls = client as unknown as Record<string, Call>;
  for (const method of HTTP_METHODS) calls[method] = guarded(calls[method]!.bind(client), method);
  // request(method, path, init)
  calls.request = guarded(calls.request!.bind(client), undefined);
  return client;
}
