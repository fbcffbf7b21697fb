// The fetch under openapi-fetch: the headers timeout, redirects that keep the key at home, typed connection
// errors and the retry loop, all kept off the fast path (a GET that succeeds at once).
import { type AttemptObserver, afterAttempt, beforeAttempt } from "./client-settings.js";
import { recordRequest } from "./errors/api-error.js";
import { CambConnectionError, CambRedirectError, CambTimeoutError } from "./errors/transport-errors.js";
import { MultipartBody } from "./multipart/multipart-body.js";
import { isRedirect, MAX_REDIRECTS, redirectedRequest } from "./redirects.js";
import { requestPath } from "./request-path.js";
import { type Outgoing, RequestRecord, UploadRequest } from "./request-record.js";
import { backoffDelay, mayRetry, parseRetryAfter, type RetryPolicy } from "./retry-policy.js";
import { sleep } from "./sleep.js";

/**
 * Sends one request on `signal` (the attempt's, when there is a timeout): the global fetch or the caller's.
 * `pulled` is called each time the runtime takes a chunk of a multipart body (see RequestRecord.init).
 */
export type SendRequest = (
  request: Outgoing,
  signal: AbortSignal | null,
  pulled?: () => void,
) => Promise<Response>;

export interface CambFetchOptions {
  send: SendRequest;
  baseUrl: string;
  apiOrigin: string;
  retry: RetryPolicy | null;
  /** Time allowed until response headers; 0 or Infinity turns it off. */
  timeoutMs: number;
  /** Observers of every attempt (client-settings.ts); usually empty, and then never awaited. */
  observers: Set<AttemptObserver>;
}

/** What one attempt's listener and timer act on (an EventListener object: no closure per call). */
interface Watch {
  controller: AbortController;
  request: Outgoing;
  timeoutMs: number;
  baseUrl: string;
  timer?: ReturnType<typeof setTimeout>;
  /** When an upload last made progress (Date.now()); unset for any other request. */
  progress?: number;
  handleEvent(this: Watch): void;
}

/** The caller aborted: the attempt follows, with the caller's reason. */
function handleEvent(this: Watch): void {
  this.controller.abort(this.request.signal?.reason);
}

/**
 * No headers within the timeout: the attempt is aborted with a CambTimeoutError that names the call. An
 * upload is given the time from its last progress instead: the answer comes after its last byte, so the
 * timeout bounds a stall, not the upload's length (a timer per chunk would cost more than the check here).
 */
function expire(watch: Watch): void {
  const { request, timeoutMs, baseUrl, progress } = watch;
  const left = progress === undefined ? 0 : progress + timeoutMs - Date.now();
  if (left > 0) {
    watch.timer = setTimeout(expire, left, watch);
    return;
  }
  const path = requestPath(request.url, baseUrl);
  watch.controller.abort(new CambTimeoutError({ timeoutMs, method: request.method, path }));
}

/** The same request again, for a retry; undefined when its body cannot be sent twice (a stream). */
function again(request: Outgoing): Outgoing | undefined {
  if (request instanceof RequestRecord) return request.replayable ? request : undefined;
  if (request instanceof UploadRequest) return undefined;
  return request.body === null ? request : request.clone();
}

/**
 * The `fetch` openapi-fetch calls. It adds what openapi-fetch leaves out by design: a timeout until the
 * response headers, redirects that never carry the key to another origin, typed connection errors, and
 * retries. Everything here happens before the response is handed back, so a body that has started streaming
 * to the caller is never retried.
 */
export function createCambFetch(options: CambFetchOptions): (request: Outgoing) => Promise<Response> {
  const { retry, timeoutMs, baseUrl, apiOrigin, send, observers } = options;
  const hasTimeout = timeoutMs > 0 && Number.isFinite(timeoutMs);

  /**
   * The redirects a response leads to, followed by hand (only requests built with `redirect: "manual"`, which
   * a client that holds a key sends, get here: see createCambClient), until the final answer's headers.
   */
  async function follow(request: Outgoing, first: Response, signal: AbortSignal | null): Promise<Response> {
    let current = request;
    let response = first;
    for (let hops = 0; isRedirect(response) || response.type === "opaqueredirect"; hops++) {
      const next =
        response.type === "opaqueredirect"
          ? "the runtime hides the new location, so it is not followed with the key"
          : hops < MAX_REDIRECTS
            ? redirectedRequest(current, response, apiOrigin)
            : "too many redirects";
      // Release the connection; this response is being replaced.
      response.body?.cancel().catch(() => {});
      if (typeof next === "string") {
        const path = requestPath(request.url, baseUrl);
        throw new CambRedirectError({ method: request.method, path, status: response.status, reason: next });
      }
      current = next;
      response = await send(current, signal);
    }
    return response;
  }

  /** One request: the answer's headers, past any redirect. Redirects are rare; the check for one is cheap. */
  async function headersOf(
    request: Outgoing,
    signal: AbortSignal | null,
    pulled?: () => void,
  ): Promise<Response> {
    const response = await send(request, signal, pulled);
    // 3xx, or 0 for an opaque redirect; every other answer returns here.
    const status = response.status;
    if ((status < 300 || status >= 400) && status !== 0) return response;
    return request.redirect === "manual" ? follow(request, response, signal) : response;
  }

  async function attempt(request: Outgoing): Promise<Response> {
    const caller = request.signal;
    // Never hand an aborted request to fetch: a custom fetch may not check the signal, and nothing may leave.
    if (caller?.aborted) throw caller.reason;
    if (!hasTimeout) return headersOf(request, caller);
    // One controller per attempt, following the caller's signal (when the call has one), so the caller can
    // still abort the body after the headers; the timer only covers the wait for the headers. Listener and
    // timer take module-level functions and arguments: no closures on the path of every call.
    const watch: Watch = { controller: new AbortController(), request, timeoutMs, baseUrl, handleEvent };
    caller?.addEventListener("abort", watch, { once: true });
    watch.timer = setTimeout(expire, timeoutMs, watch);
    // The answer to an upload comes after its last byte: each chunk the runtime takes is progress (expire).
    const pulled =
      request instanceof RequestRecord && request.body instanceof MultipartBody
        ? () => {
            watch.progress = Date.now();
          }
        : undefined;
    try {
      return await headersOf(request, watch.controller.signal, pulled);
    } catch (error) {
      caller?.removeEventListener("abort", watch);
      const { signal } = watch.controller;
      if (signal.aborted && !caller?.aborted) throw signal.reason;
      throw error;
    } finally {
      clearTimeout(watch.timer);
    }
  }

  return async function cambFetch(request: Outgoing): Promise<Response> {
    const idempotent = retry?.methods.has(request.method) ?? false;
    const maxRetries = retry?.maxRetries ?? 0;
    const aborted = () => request.signal?.aborted === true;
    for (let retries = 0; ; retries++) {
      // A real Request's body can be read once: keep it pristine and send clones while a retry is possible.
      // A record's body is sent as it is, again and again; a stream cannot be, so it gets one attempt.
      const repeat = retries < maxRetries ? again(request) : undefined;
      const last = repeat === undefined;
      const sent = last || repeat === request ? request : repeat;
      let response: Response;
      try {
        if (observers.size > 0) await beforeAttempt(observers, request.signal);
        response = await attempt(sent);
      } catch (caught) {
        if (observers.size > 0) afterAttempt(observers, undefined, undefined);
        // An abort is the caller's reason, as it is; a network failure becomes a CambConnectionError.
        const error = aborted()
          ? caught
          : CambConnectionError.from(caught, request.method, requestPath(request.url, baseUrl));
        if (last || !retry || aborted() || !mayRetry(error, undefined, idempotent)) throw error;
        await sleep(backoffDelay(retry, retries), request.signal);
        continue;
      }
      if (observers.size > 0) afterAttempt(observers, response.status, response.headers);
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
      // Only an error answer becomes an error that names the call; a success needs no record.
      if (!response.ok) recordRequest(response, { method: request.method, url: request.url, baseUrl });
      return response;
    }
  };
}
