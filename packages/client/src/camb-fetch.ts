// The fetch under openapi-fetch: the headers timeout, redirects that keep the key at home, typed connection
// errors and the retry loop, all kept off the fast path (a GET that succeeds at once).
import { absoluteUrl } from "./base-url.js";
import { recordRequest } from "./errors/api-error.js";
import { CambConnectionError, CambRedirectError, CambTimeoutError } from "./errors/transport-errors.js";
import { isRedirect, MAX_REDIRECTS, redirectedRequest } from "./redirects.js";
import { requestPath } from "./request-path.js";
import { backoffDelay, mayRetry, parseRetryAfter, type RetryPolicy } from "./retry-policy.js";
import { sleep } from "./sleep.js";

/** A fetch that takes the signal in its second argument, as the global fetch does. */
export type FetchWithSignal = (request: Request, init?: { signal: AbortSignal }) => Promise<Response>;

export interface CambFetchOptions {
  fetch: FetchWithSignal;
  baseUrl: string;
  retry: RetryPolicy | null;
  /** Time allowed until response headers; 0 or Infinity turns it off. */
  timeoutMs: number;
}

/**
 * The `fetch` openapi-fetch calls. It adds what openapi-fetch leaves out by design: a timeout until the
 * response headers, redirects that never carry the key to another origin, typed connection errors, and
 * retries. Everything here happens before the response is handed back, so a body that has started streaming
 * to the caller is never retried.
 */
export function createCambFetch(options: CambFetchOptions): (request: Request) => Promise<Response> {
  const { retry, timeoutMs, baseUrl } = options;
  const hasTimeout = timeoutMs > 0 && Number.isFinite(timeoutMs);
  const apiOrigin = absoluteUrl(baseUrl).origin;

  /**
   * One request and the redirects it leads to, until the final answer's headers. A client that holds a key
   * builds its requests with `redirect: "manual"` (see createCambClient); any other is followed by the runtime.
   */
  async function send(request: Request, signal: AbortSignal | undefined): Promise<Response> {
    let current = request;
    for (let hops = 0; ; hops++) {
      const response = await (signal ? options.fetch(current, { signal }) : options.fetch(current));
      if (current.redirect !== "manual") return response;
      if (response.type === "opaqueredirect") {
        throw new CambRedirectError({
          method: request.method,
          path: requestPath(request.url, baseUrl),
          status: response.status,
          reason: "the runtime hides the new location, so it is not followed with the key",
        });
      }
      if (!isRedirect(response)) return response;
      const next =
        hops < MAX_REDIRECTS ? redirectedRequest(current, response, apiOrigin) : "too many redirects";
      // Release the connection; this response is being replaced.
      response.body?.cancel().catch(() => {});
      if (typeof next === "string") {
        const path = requestPath(request.url, baseUrl);
        throw new CambRedirectError({ method: request.method, path, status: response.status, reason: next });
      }
      current = next;
    }
  }

  async function attempt(request: Request): Promise<Response> {
    // Never hand an aborted request to fetch: a custom fetch may not check the signal, and nothing may leave.
    if (request.signal.aborted) throw request.signal.reason;
    if (!hasTimeout) return send(request, undefined);
    // One controller per attempt, following the request's own signal (which follows the caller's), so the
    // caller can still abort the body after the headers; the timer only covers the wait for the headers.
    const controller = new AbortController();
    const forward = () => controller.abort(request.signal.reason);
    request.signal.addEventListener("abort", forward, { once: true });
    const timer = setTimeout(() => {
      const path = requestPath(request.url, baseUrl);
      controller.abort(new CambTimeoutError({ timeoutMs, method: request.method, path }));
    }, timeoutMs);
    try {
      return await send(request, controller.signal);
    } catch (error) {
      request.signal.removeEventListener("abort", forward);
      if (controller.signal.aborted && !request.signal.aborted) throw controller.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  return async function cambFetch(request: Request): Promise<Response> {
    const idempotent = retry?.methods.has(request.method) ?? false;
    const maxRetries = retry?.maxRetries ?? 0;
    for (let retries = 0; ; retries++) {
      const last = retries >= maxRetries;
      // A body can be read once: keep the original pristine and send clones while a retry is still possible.
      const sent = last || request.body === null ? request : request.clone();
      let response: Response;
      try {
        response = await attempt(sent);
      } catch (caught) {
        // An abort is the caller's reason, as it is; a network failure becomes a CambConnectionError.
        const error = request.signal.aborted
          ? caught
          : CambConnectionError.from(caught, request.method, requestPath(request.url, baseUrl));
        const retryable = retry && !request.signal.aborted && mayRetry(error, undefined, idempotent);
        if (last || !retryable) throw error;
        await sleep(backoffDelay(retry, retries), request.signal);
        continue;
      }
      if (!last && retry && mayRetry(undefined, response.status, idempotent)) {
        const hint = parseRetryAfter(response.headers);
        if (hint === undefined || hint <= retry.maxRetryAfterMs) {
          // Not awaited: cancelling one branch of a tee()d body (a cloned Response) only settles once the
          // other branch is cancelled too.
          response.body?.cancel().catch(() => {});
          await sleep(hint ?? backoffDelay(retry, retries), request.signal);
          continue;
        }
      }
      recordRequest(response, { method: request.method, url: request.url, baseUrl });
      return response;
    }
  };
}
