// A 2xx body that is not the JSON it should be becomes a typed error that names the call, instead of V8's
// SyntaxError, which names nothing and quotes the body's start (an echoed key included).
import type { Client } from "openapi-fetch";
import { CambMalformedResponseError } from "./errors/transport-errors.js";

type Call = (...args: unknown[]) => Promise<unknown>;
const HTTP_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

function guarded(call: Call, describe: (args: unknown[]) => { method: string; path: string }): Call {
  return (...args) =>
    call(...args).catch((error: unknown) => {
      // openapi-fetch parses only 2xx bodies as JSON (an error body that is not JSON stays text), so a
      // SyntaxError out of a call is always a malformed success body.
      if (error instanceof SyntaxError) throw new CambMalformedResponseError(describe(args));
      throw error;
    });
}

/** Wraps the client's calls in place so a malformed JSON answer rejects with CambMalformedResponseError. */
export function guardJsonParsing<Paths extends {}>(client: Client<Paths>): Client<Paths> {
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
