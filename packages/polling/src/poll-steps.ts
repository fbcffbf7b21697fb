// The polling loop shared by pollTask and watchTask: checks, backoff sleeps, deadline, transient errors.
import { clampDelay, sleep } from "@camb-kit/client/internal";
import { PollTimeoutError } from "./errors.js";
import { followSignal } from "./follow-signal.js";
import { type PollOptions, resolvePollOptions, type StatusInfo } from "./options.js";
import { nextDelay, scheduledDelay } from "./schedule.js";

/** What one check reports. `status` is what `onStatus` and `watchTask` see. */
export type CheckOutcome<T, S = unknown> =
  | { state: "pending"; status?: S; retryAfterMs?: number | undefined }
  | { state: "success"; value: T; status?: S }
  | { state: "failure"; error: unknown; status?: S }
  /** A failure worth another try (network error, 5xx, 429), tolerated `maxTransientErrors` times in a row. */
  | { state: "transient"; error: unknown; retryAfterMs?: number | undefined };

export interface CheckContext {
  /** 1 for the first check. */
  attempt: number;
  /** Aborts when the caller aborts or the wait ends; pass it to the request. */
  signal: AbortSignal;
}

/** Every field a check outcome can have; a given outcome leaves the others undefined. */
interface OutcomeFields<S> {
  state: CheckOutcome<unknown, S>["state"];
  status?: S;
  error?: unknown;
  retryAfterMs?: number | undefined;
}

export type Check<T, S = unknown> = (
  context: CheckContext,
) => CheckOutcome<T, S> | Promise<CheckOutcome<T, S>>;

/**
 * The polling loop, as a generator that yields each status seen and returns the success value. Both
 * `pollTask` (which drains it) and `watchTask` (which hands the statuses out) run on it, so they share one
 * behaviour. Every exit path, including `return()` while suspended at a yield, runs the `finally` that
 * detaches from the caller's signal.
 *
 * `taskId` is named in `PollTimeoutError`. Requests and sleeps run on `controller`, which follows the
 * caller's signal; watchTask passes its own so that its `return()` can stop a sleep or a request at once.
 */
export async function* pollSteps<T, S>(
  check: Check<T, S>,
  options: PollOptions<S> = {},
  taskId?: string,
  controller = new AbortController(),
): AsyncGenerator<S, T, undefined> {
  const o = resolvePollOptions(options);
  const { signal } = controller;
  const unfollow = followSignal(options.signal, controller);
  try {
    const started = Date.now();
    const deadline = started + o.timeoutMs;
    let attempt = 0;
    let transientErrors = 0;
    let lastStatus: S | undefined;

    // An aborted signal rejects here, before any request is sent (aws-sdk-js-v3#2318). The first sleep is
    // jittered too, so waiters created together do not all send their first check in the same instant.
    await sleep(nextDelay(scheduledDelay(o, 0), undefined, Infinity, o.timeoutMs), signal);
    for (;;) {
      signal.throwIfAborted();
      // A check gets only the time left: the client's own retries of a slow status call could otherwise
      // carry one check minutes past the deadline.
      const bounded = untilDeadline(signal, deadline);
      let outcome: CheckOutcome<T, S>;
      try {
        outcome = await check({ attempt: ++attempt, signal: bounded.signal });
      } catch (thrown) {
        if (!bounded.expired()) throw thrown;
        outcome = { state: "transient", error: thrown };
      } finally {
        bounded.dispose();
        // An abort wins over whatever the check did: callers get `signal.reason`, not the fetch
        // implementation's own AbortError, and a check that ignored the signal does not continue the wait.
        signal.throwIfAborted();
      }

      const { state, status, error, retryAfterMs } = outcome as OutcomeFields<S>;
      transientErrors = state === "transient" ? transientErrors + 1 : 0;
      // A check cut off at the deadline ends the wait as a PollTimeoutError (below), whatever the count.
      if (transientErrors > o.maxTransientErrors && !bounded.expired()) throw error;

      const left = deadline - Date.now();
      // Only "pending" and "transient" go on, and not past the deadline: then this check was the final one.
      const delay =
        (state === "pending" || state === "transient") && left > 0
          ? nextDelay(scheduledDelay(o, attempt), retryAfterMs, o.maxIntervalMs, left)
          : undefined;

      if (status !== undefined) {
        lastStatus = status;
        report(options.onStatus, o.onError, status, {
          attempt,
          elapsedMs: Date.now() - started,
          nextDelayMs: delay,
        });
        yield status;
      }
      if (state === "success") return (outcome as { value: T }).value;
      if (state === "failure") throw error;
      if (delay === undefined) {
        throw new PollTimeoutError({
          elapsedMs: Date.now() - started,
          attempts: attempt,
          lastStatus,
          taskId,
          cause: error,
        });
      }
      await sleep(delay, signal);
    }
  } finally {
    unfollow();
  }
}

/**
 * A signal for one check that follows the loop's and also aborts at the deadline, with `expired()` telling
 * which happened; `dispose()` removes its listener and timer. Without a deadline it is the loop's signal.
 */
function untilDeadline(signal: AbortSignal, deadline: number) {
  if (!Number.isFinite(deadline)) return { signal, expired: () => false, dispose: () => {} };
  const controller = new AbortController();
  const unfollow = followSignal(signal, controller);
  let expired = false;
  const timer = setTimeout(
    () => {
      expired = true;
      controller.abort(new DOMException("The poll deadline passed during a check", "TimeoutError"));
    },
    clampDelay(deadline - Date.now()),
  );
  return {
    signal: controller.signal,
    expired: () => expired,
    dispose() {
      clearTimeout(timer);
      unfollow();
    },
  };
}

/**
 * Calls `onStatus` without letting it stop or slow the wait: it is not awaited, and what it throws (or the
 * promise it returns rejects with) goes to `onError`. A throwing `onError` is ignored for the same reason.
 */
function report<S>(
  onStatus: ((status: S, info: StatusInfo) => unknown) | undefined,
  onError: (error: unknown) => void,
  status: S,
  info: StatusInfo,
): void {
  const safeOnError = (error: unknown) => {
    try {
      onError(error);
    } catch {
      // Nothing left to report to; the wait goes on.
    }
  };
  try {
    Promise.resolve(onStatus?.(status, info)).catch(safeOnError);
  } catch (error) {
    safeOnError(error);
  }
}
