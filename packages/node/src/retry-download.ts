// Downloads are idempotent: a reset, a 5xx, a stall or a cut body is tried again, each try a fresh atomic save,
// a bounded number of times with jittered backoff, and abortable like everything else.
import {
  CambApiError,
  CambConnectionError,
  CambMalformedResponseError,
  CambTimeoutError,
} from "@camb-kit/client";
import { isRetryableStatus, sleep } from "@camb-kit/client/internal";
import { HttpStatusError, IdleTimeoutError, TruncatedStreamError } from "./errors.js";

/** Tries a download makes by default: the first and two more. */
export const DEFAULT_DOWNLOAD_ATTEMPTS = 3;

/** Failures that another try of the same read may not meet: the connection, the server or the body. */
export function isRetryableDownloadError(error: unknown): boolean {
  if (error instanceof CambApiError || error instanceof HttpStatusError)
    return isRetryableStatus(error.status);
  return (
    error instanceof CambConnectionError ||
    error instanceof CambTimeoutError ||
    error instanceof CambMalformedResponseError ||
    error instanceof TruncatedStreamError ||
    error instanceof IdleTimeoutError
  );
}

/**
 * Runs `download` up to `attempts` times while it fails with a retryable error, sleeping a full-jitter
 * backoff (a window of 250 ms doubling up to 4 s) between tries; an abort stops it at once with the reason.
 */
export async function withDownloadRetries<T>(
  download: () => Promise<T>,
  attempts: number,
  signal: AbortSignal | undefined,
): Promise<T> {
  if (!(Number.isInteger(attempts) && attempts >= 1)) {
    throw new RangeError(`downloadAttempts must be an integer >= 1, got ${attempts}`);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await download();
    } catch (error) {
      if (attempt >= attempts || signal?.aborted || !isRetryableDownloadError(error)) throw error;
      await sleep(Math.random() * Math.min(4_000, 250 * 2 ** attempt), signal);
    }
  }
}
