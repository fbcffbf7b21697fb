import { CambTimeoutError, recordRequest } from "./errors.js";
import { backoffDelay, isRetryableStatus, parseRetryAfter, type RetryPolicy } from "./retry-policy.js";
import { sleep } from "./sleep.js";

export interface CambFetchOptions {
  fetch: (request: Request) => Promise<Response>;
  baseUrl: string;
  retry: RetryPolicy | null;
  /** Time allowed until response headers; 0 or Infinity turns it off. */
  timeoutMs: number;
  apiKey: string | undefined;
}

/**
 * The `fetch` openapi-fetch calls. It adds what openapi-fetch leaves out by design: a timeout until the
 * response headers, and retries. Everything here happens before the response is handed back, so a body
 * that has started streaming to the caller is never retried.
 */
export function createCambFetch(options: CambFetchOptions): (request: Request) => Promise<Response> {
  const { retry, timeoutMs, apiKey } = options;
  const hasTimeout = timeoutMs > 0 && Number.isFinite(timeoutMs);

  function pathOf(request: Request): string {
    const url = request.url;
    return url.startsWith(options.baseUrl) ? url.slice(options.baseUrl.length).split("?")[0] || "/" : url;
  }

  async function attempt(request: Request, path: string): Promise<Response> {
    // Never hand an aborted request to fetch: a custom fetch may not check the signal, and nothing may leave.
    if (request.signal.aborted) throw request.signal.reason;
    if (!hasTimeout) return options.fetch(request);
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new CambTimeoutError({ timeoutMs, method: request.method, path })),
      timeoutMs,
    );
    try {
      // The caller's signal still governs the body after the headers; the timeout stops at the headers.
      const signal = AbortSignal.any([request.signal, timeout.signal]);
      return await options.fetch(new Request(request, { signal }));
    } catch (error) {
      if (timeout.signal.aborted && !request.signal.aborted) throw timeout.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  return async function cambFetch(request: Request): Promise<Response> {
    const path = pathOf(request);
    const maxRetries = retry?.methods.has(request.method) ? retry.maxRetries : 0;
    // A body can be read once: keep the original pristine and send clones while a retry is still possible.
    const send = (last: boolean) => attempt(last || request.body === null ? request : request.clone(), path);

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
      recordRequest(response, { method: request.method, path, secret: apiKey });
      return response;
    }
  };
}
