import type { StatusInfo } from "./options.js";

/**
 * Calls `onStatus` without letting it stop or slow the wait: it is not awaited, and what it throws (or the
 * promise it returns rejects with) goes to `onError`. A throwing `onError` is ignored for the same reason.
 */
export function reportStatus<S>(
  onStatus: ((status: S, info: StatusInfo) => unknown) | undefined,
  onError: (error: unknown) => void,
  status: S,
  info: StatusInfo,
): void {
  if (!onStatus) return;
  const safeOnError = (error: unknown) => {
    try {
      onError(error);
    } catch {
      // Nothing left to report to; the wait goes on.
    }
  };
  try {
    const result = onStatus(status, info);
    if (typeof (result as PromiseLike<unknown> | null)?.then === "function") {
      (result as PromiseLike<unknown>).then(undefined, safeOnError);
    }
  } catch (error) {
    safeOnError(error);
  }
}
