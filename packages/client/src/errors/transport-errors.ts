// The errors of a call that got no usable answer: no connection, no headers in time, a body that is not the
// JSON it claims, or a redirect the client will not follow.
import { CambError } from "./camb-error.js";

/**
 * The request could not be completed: the connection was refused, reset or dropped, DNS failed, TLS failed.
 * `cause` is the runtime's own error. `requestSent` says whether the API may have received the request: false
 * only when it certainly did not (refused before anything was sent), so a create call can be retried safely.
 */
export class CambConnectionError extends CambError {
  override readonly name: string = "CambConnectionError";
  declare readonly method: string;
  declare readonly path: string;
  declare readonly requestSent: boolean;

  constructor(init: { method: string; path: string; requestSent: boolean; cause: unknown }) {
    const cause = init.cause as { code?: unknown; cause?: { code?: unknown } } | null;
    const detail = cause?.cause?.code ?? cause?.code;
    const spent = init.requestSent
      ? " (the request may have reached the API: a create call may have started a task)"
      : "";
    super(
      `Could not reach the CAMB API for ${init.method} ${init.path}${typeof detail === "string" ? ` (${detail})` : ""}${spent}`,
      { cause: init.cause },
    );
    this.init({ method: init.method, path: init.path, requestSent: init.requestSent });
  }

  /**
   * A runtime's network failure (fetch's TypeError, a Node system error) as a CambConnectionError; anything
   * else (an abort, a timeout, an error of our own) is returned unchanged. `requestSent` is false only for the
   * failures that happen before any byte leaves (refused, unknown host, connect timeout).
   */
  static from(error: unknown, method: string, path: string): unknown {
    if (error instanceof CambError) return error;
    // A request body that failed while read (a file changed on disk since the upload began) fails fetch with
    // that error as the cause: it says what went wrong; the connection did not.
    const cause = (error as { cause?: unknown } | null)?.cause;
    if (cause instanceof CambError) return cause;
    const own = (error as { code?: unknown } | null)?.code;
    if (!(error instanceof TypeError) && typeof own !== "string") return error;
    const code = (error as { cause?: { code?: unknown } }).cause?.code ?? own;
    const requestSent = !(typeof code === "string" && NOT_SENT.has(code));
    return new CambConnectionError({ method, path, requestSent, cause: error });
  }
}

// Errors a connection fails with before any byte of the request left: repeating the request cannot act twice.
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

/** The API did not send response headers within `timeoutMs`. */
export class CambTimeoutError extends CambError {
  override readonly name: string = "CambTimeoutError";
  declare readonly timeoutMs: number;
  declare readonly method: string;
  declare readonly path: string;

  constructor(init: { timeoutMs: number; method: string; path: string }) {
    super(`CAMB API did not answer ${init.method} ${init.path} within ${init.timeoutMs} ms`);
    this.init(init);
  }
}

/** A 2xx answer whose body is not the JSON it should be (a gateway's HTML page, a body cut short). */
export class CambMalformedResponseError extends CambError {
  override readonly name: string = "CambMalformedResponseError";
  declare readonly method: string;
  declare readonly path: string;

  constructor(init: { method: string; path: string }) {
    // The body is not quoted: its start could be anything, an echoed key included.
    super(`CAMB API answered ${init.method} ${init.path} with a body that is not valid JSON`);
    this.init(init);
  }
}

/** The API redirected a call in a way the client will not follow with the key (see the README). */
export class CambRedirectError extends CambError {
  override readonly name: string = "CambRedirectError";
  declare readonly method: string;
  declare readonly path: string;
  declare readonly status: number;

  constructor(init: { method: string; path: string; status: number; reason: string }) {
    super(`CAMB API redirected ${init.method} ${init.path} (${init.status}): ${init.reason}`);
    this.init({ method: init.method, path: init.path, status: init.status });
  }
}
