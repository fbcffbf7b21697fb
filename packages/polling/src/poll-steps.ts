import { sleep } from "@camb-kit/client";
import { PollTimeoutError } from "./errors.js";
import { linkSignals } from "./link-signals.js";
import { type PollOptions, resolvePollOptions } from "./options.js";
import { reportStatus } from "./report-status.js";
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

export type Check<T, S = unknown> = (
  context: CheckContext,
) => CheckOutcome<T, S> | Promise<CheckOutcome<T, S>>;

/** Internal knobs of the CAMB layer, not part of the public options. */
export interface StepHooks {
  /** Named in PollTimeoutError. */
  taskId?: string | undefined;
  /** Stops the wait like the caller's signal does (used by watchTask's `return()`). */
  stopSignal?: AbortSignal | undefined;
}

async function runCheck<T, S>(check: Check<T, S>, attempt: number, signal: AbortSignal) {
  try {
    return await check({ attempt, signal });
  } catch (error) {
    // An aborted request rejects with whatever the fetch implementation chose; callers get the reason.
    signal.throwIfAborted();
    throw error;
  }
}

/**
 * The polling loop, as a generator that yields each status seen and returns the success value. Both
 * `pollTask` (which drains it) and `watchTask` (which hands the statuses out) run on it, so they share one
 * behaviour. Every exit path, including `return()` while suspended at a yield, runs the `finally` that
 * detaches from the caller's signal.
 */
export async function* pollSteps<T, S>(
  check: Check<T, S>,
  options: PollOptions<S> = {},
  hooks: StepHooks = {},
): AsyncGenerator<S, T, undefined> {
  const o = resolvePollOptions(options);
  const link = linkSignals([o.signal, hooks.stopSignal]);
  const signal = link.signal;
  try {
    // Checked before anything else: an aborted signal sends no request at all (aws-sdk-js-v3#2318).
    signal.throwIfAborted();
    const started = Date.now();
    const deadline = started + o.timeoutMs;
    const timeLeft = () => deadline - Date.now();
    let attempt = 0;
    let transientErrors = 0;
    let lastStatus: S | undefined;

    await sleep(nextDelay(o.initialDelayMs, undefined, Infinity, timeLeft()), signal);
    for (;;) {
      signal.throwIfAborted();
      attempt++;
      const outcome = await runCheck(check, attempt, signal);
      // A check that ignored the signal does not get to continue the wait either.
      signal.throwIfAborted();

      if (outcome.state === "transient") {
        transientErrors++;
        if (transientErrors > o.maxTransientErrors) throw outcome.error;
      } else {
        transientErrors = 0;
      }

      const goesOn = outcome.state === "pending" || outcome.state === "transient";
      const hint = goesOn ? outcome.retryAfterMs : undefined;
      const left = timeLeft();
      // No time left after a non-final answer: this check was the final one.
      const delay =
        goesOn && left > 0 ? nextDelay(scheduledDelay(o, attempt), hint, o.maxIntervalMs, left) : undefined;

      if ("status" in outcome && outcome.status !== undefined) {
        lastStatus = outcome.status;
        const info = { attempt, elapsedMs: Date.now() - started, nextDelayMs: delay };
        reportStatus(o.onStatus, o.onError, outcome.status, info);
        yield outcome.status;
      }
      if (outcome.state === "success") return outcome.value;
      if (outcome.state === "failure") throw outcome.error;
      if (delay === undefined) {
        throw new PollTimeoutError({
          elapsedMs: Date.now() - started,
          attempts: attempt,
          lastStatus,
          taskId: hooks.taskId,
          cause: outcome.state === "transient" ? outcome.error : undefined,
        });
      }
      await sleep(delay, signal);
    }
  } finally {
    link.dispose();
  }
}
