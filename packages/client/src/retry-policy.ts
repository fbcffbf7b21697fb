// How the client retries: options, defaults, what may be repeated, backoff with full jitter, Retry-After.
import { CambConnectionError, CambRedirectError } from "./errors/transport-errors.js";

/** How the client retries. Pass `retry: false` to `createCambClient` to turn retries off. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2 (so at most 3 requests). */
  maxRetries?: number;
  /** Cap of the first backoff window; the window doubles per retry. Default 500 ms. */
  initialDelayMs?: number;
  /** Largest backoff window. Default 8000 ms. */
  maxDelayMs?: number;
  /**
   * Longest `Retry-After` the client waits for. A longer hint is not shortened: the response is returned
   * as is, because retrying before the server allows only spends an attempt. Default 60000 ms.
   */
  maxRetryAfterMs?: number;
  /**
   * Methods retried on any transient failure (408, 429, 5xx, a network error, the headers timeout). Default
   * GET, HEAD, OPTIONS, PUT, DELETE. Other methods (POST: a create call spends credits, and the API has no
   * idempotency key) are retried only when the API certainly did not act: 429 and 503, and a connection
   * refused before anything was sent. Add "POST" here only where a duplicate is harmless.
   */
  methods?: readonly string[];
  /** Source of randomness for full jitter, in [0, 1). Default Math.random; tests pass a fixed one. */
  random?: () => number;
}

export interface RetryPolicy {
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  methods: ReadonlySet<string>;
  random: () => number;
}

const DEFAULT_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"];

export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy | null {
  if (options === false) return null;
  const policy: RetryPolicy = {
    maxRetries: options?.maxRetries ?? 2,
    initialDelayMs: options?.initialDelayMs ?? 500,
    maxDelayMs: options?.maxDelayMs ?? 8_000,
    maxRetryAfterMs: options?.maxRetryAfterMs ?? 60_000,
    methods: new Set((options?.methods ?? DEFAULT_METHODS).map((method) => method.toUpperCase())),
    random: options?.random ?? Math.random,
  };
  for (const key of ["maxRetries", "initialDelayMs", "maxDelayMs", "maxRetryAfterMs"] as const) {
    if (!(policy[key] >= 0)) throw new RangeError(`retry.${key} must be a number >= 0, got ${policy[key]}`);
  }
  return policy.maxRetries > 0 ? policy : null;
}

/** 408 Request Timeout, 429 Too Many Requests and every 5xx are worth another try of an idempotent call. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Whether an attempt that failed with `error` or answered `status` may be repeated. An idempotent call may be
 * repeated on any transient failure; any other call only when the API says it did not handle the request
 * (429, 503) or the connection was refused before it was sent: after a reset, a 500, a 502 or a 504 a
 * create call may have started a task, and repeating it could pay twice.
 */
export function mayRetry(error: unknown, status: number | undefined, idempotent: boolean): boolean {
  if (status !== undefined) return idempotent ? isRetryableStatus(status) : status === 429 || status === 503;
  if (error instanceof CambRedirectError) return false;
  if (idempotent) return true;
  return error instanceof CambConnectionError && !error.requestSent;
}

/** Full jitter: a uniform delay in [0, min(maxDelay, initial * 2^attempt)). `attempt` starts at 0. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const window = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** attempt);
  return Math.floor(policy.random() * window);
}

/**
 * Reads `Retry-After` (delay-seconds or an HTTP date) or `retry-after-ms` as milliseconds from `now`.
 * Returns undefined when absent or unparseable.
 */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const milliseconds = headers.get("retry-after-ms");
  if (milliseconds !== null && /^\d+(\.\d+)?$/.test(milliseconds.trim())) return Number(milliseconds);
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
