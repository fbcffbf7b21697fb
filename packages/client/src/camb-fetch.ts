// The fetch under openapi-fetch: the headers timeout and the retry loop, kept off the fast path.
import { CambTimeoutError, recordRequest } from "./errors.js";
import { requestPath } from "./request-path.js";
import { backoffDelay, isRetryableStatus, parseRetryAfter, type RetryPolicy } from "./retry-policy.js";
import { sleep } from "./sleep.js";

/** A fetch that takes the signal in its second argument, as the global fetch does. */
export type FetchWithSignal = (request: Request, init?: { signal: AbortSignal }) => Promise<Response>;

export interface CambFetchOptions {
  fetch: FetchWithSignal;
  baseUrl: string;
  retry: RetryPolicy | null;
  /** Time allowed until response headers; 0 or Infinity turns it off. */
  timeoutMs: number;
  apiKey: string | undefined;
}

/**
 * The `fetch` openapi-fetch calls. It adds what openapi-fetch leaves out by design: a timeout until the
 * response headers, and retries. Everything here happens before the response is handed back, so a body
 * that has started streaming to the caller is never retried. It runs on every call, so the fast path (a
 * GET that succeeds at once) does no work it can avoid: no string handling, one timer, one listener.
 */
export function createCambFetch(options: CambFetchOptions): (request: Request) => Promise<Response> {
  const { retry, timeoutMs, apiKey, baseUrl } = options;
  const hasTimeout = timeoutMs > 0 && Number.isFinite(timeoutMs);

  async function attempt(request: Request): Promise<Response> {
    // Never hand an aborted request to fetch: a custom fetch may not check the signal, and nothing may leave.
    if (request.signal.aborted) throw request.signal.reason;
    if (!hasTimeout) return options.fetch(request);
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
      return await options.fetch(request, { signal: controller.signal });
    } catch (error) {
      request.signal.removeEventListener("abort", forward);
      if (controller.signal.aborted && !request.signal.aborted) throw controller.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  return async function cambFetch(request: Request): Promise<Response> {
    const maxRetries = retry?.methods.has(request.method) ? retry.maxRetries : 0;
    // A body can be read once: keep the original pristine and send clones while a retry is still possible.
    const send = (last: boolean) => attempt(last || request.body === null ? request : request.clone());

    for (let retries = 0; ; retries++) {
      const last = retries >= maxRetries;
      let response: Response;
      try {
        response = await send(last);
      } catch (error) {
        if (last || request.signal.aborted || !retry) throw error;
        await sleep(backoffDelay(retry, retries), request.signal);
        continue;
      }
      if (!last && retry && isRetryableStatus(response.status)) {
        const hint = parseRetryAfter(response.headers);
        if (hint === undefined || hint <= retry.maxRetryAfterMs) {
          // Release the connection; this response is being replaced. Not awaited: cancelling one branch of a
          // tee()d body (a cloned Response) only settles once the other branch is cancelled too.
          response.body?.cancel().catch(() => {});
          await sleep(hint ?? backoffDelay(retry, retries), request.signal);
          continue;
        }
      }
      recordRequest(response, { method: request.method, url: request.url, baseUrl, secret: apiKey });
      return response;
    }
  };
}
