// Failures while openapi-fetch reads an answer's body become typed errors that name the call: a 2xx body that
// is not JSON (instead of V8's SyntaxError, which names nothing and quotes the body's start, an echoed key
// included), and a body cut mid-way (instead of undici's bare `TypeError: terminated`).
import type { Client } from "openapi-fetch";
import { CambConnectionError, CambMalformedResponseError } from "./errors/transport-errors.js";

type Call = (...args: unknown[]) => Promise<unknown>;
const HTTP_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** How runtimes report a connection that dropped while a body was read (undici: `TypeError: terminated`). */
function isCutBody(error: unknown): boolean {
  return error instanceof TypeError && error.message === "terminated";
}

function guarded(call: Call, describe: (args: unknown[]) => { method: string; path: string }): Call {
  return (...args) =>
    call(...args).catch((error: unknown) => {
      // openapi-fetch parses only 2xx bodies as JSON (an error body that is not JSON stays text), so a
      // SyntaxError out of a call is always a malformed success body.
      if (error instanceof SyntaxError) throw new CambMalformedResponseError(describe(args));
      // The answer had started, so the request was sent and handled: a create may have started a task.
      if (isCutBody(error))
        throw new CambConnectionError({ ...describe(args), requestSent: true, cause: error });
      throw error;
    });
}

/**
 * Wraps the client's calls in place: a malformed JSON answer rejects with CambMalformedResponseError, a body
 * cut while it was read with CambConnectionError (`requestSent: true`).
 */
export function guardBodyReads<Paths extends {}>(client: Client<Paths>): Client<Paths> {
  const calls = client as unknown as Record<string, Call>;
  for (const method of HTTP_METHODS) {
    calls[method] = guarded(calls[method]!.bind(client), ([path]) => ({ method, path: String(path) }));
  }
  calls.request = guarded(calls.request!.bind(client), ([method, path]) => ({
    method: String(method).toUpperCase(),
    path: String(path),
  }));
  return client;
}
