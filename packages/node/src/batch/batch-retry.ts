// A batch's steps tried again on transient failures (408, 429, 5xx, a connection or timeout error) with full
// jitter backoff, so one glitch or a 429 storm delays a job instead of failing it.
import {
  CambApiError,
  CambConnectionError,
  CambMalformedResponseError,
  CambTimeoutError,
} from "@camb-kit/client";
import { isRetryableStatus, parseRetryAfter, sleep } from "@camb-kit/client/internal";
import type { BatchRetryOptions } from "./batch-types.js";

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

export function resolveRetry(
  options: BatchRetryOptions = {},
  random: () => number = Math.random,
): RetryPolicy {
  const { attempts = 6, baseDelayMs = 500, maxDelayMs = 30_000 } = options;
  if (!(Number.isInteger(attempts) && attempts >= 1))
    throw new RangeError(`retry.attempts must be an integer >= 1, got ${attempts}`);
  if (!(Number.isFinite(baseDelayMs) && baseDelayMs >= 0))
    throw new RangeError(`retry.baseDelayMs must be a number >= 0, got ${baseDelayMs}`);
  if (!(Number.isFinite(maxDelayMs) && maxDelayMs >= baseDelayMs))
    throw new RangeError(`retry.maxDelayMs must be a number >= baseDelayMs, got ${maxDelayMs}`);
  return { attempts, baseDelayMs, maxDelayMs, random };
}

/** A failure another try of the same request may not meet. */
export function isTransient(error: unknown): boolean {
  if (error instanceof CambApiError) return isRetryableStatus(error.status);
  return (
    error instanceof CambConnectionError ||
    error instanceof CambTimeoutError ||
    error instanceof CambMalformedResponseError
  );
}

/**
 * An answer saying the request was turned away before it was acted on (408, 429, 503): a create refused so
 * made no task. Any other transient failure of a create (a 500, a reset) may have made one.
 */
export function wasRefused(error: unknown): boolean {
  return error instanceof CambApiError && [408, 429, 503].includes(error.status);
}

/** The server's Retry-After on an error answer, in ms. */
function retryAfterOf(error: unknown): number | undefined {
  return error instanceof CambApiError ? parseRetryAfter(error.headers) : undefined;
}

/** The sleep before try `attempt + 1`: full jitter in a doubling window, never below a Retry-After. */
export function backoffDelay(policy: RetryPolicy, attempt: number, error: unknown): number {
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = policy.random() * window;
  return Math.round(Math.max(jittered, Math.min(retryAfterOf(error) ?? 0, policy.maxDelayMs)));
}

/**
 * Runs `step` until it succeeds, fails for good, or has failed transiently (as `transient` tells) `policy.attempts`
 * times, then the last error is thrown. `onRetry` hears each failure that is tried again. An abort stops the
 * sleep at once with the signal's reason.
 */
export async function withRetries<T>(
  step: () => Promise<T>,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  transient: (error: unknown) => boolean = isTransient,
  onRetry?: (error: unknown) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      signal?.throwIfAborted();
      if (attempt >= policy.attempts || !transient(error)) throw error;
      onRetry?.(error);
      await sleep(backoffDelay(policy, attempt, error), signal);
    }
  }
}
