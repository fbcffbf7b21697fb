// pollTask: the generic poll-until-done core, knowing nothing of CAMB, that the task helpers build on.
import type { PollOptions } from "./options.js";
import { type Check, pollSteps } from "./poll-steps.js";

/** Runs poll steps to the end: resolves with the success value, rejects with whatever ended the wait. */
export async function drain<T>(steps: AsyncGenerator<unknown, T, undefined>): Promise<T> {
  for (;;) {
    const step = await steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Calls `check` until it reports success (resolves with its value) or failure (rejects with its error),
 * sleeping between checks with capped, jittered backoff. Knows nothing of CAMB: the CAMB helpers are built on
 * it. Rejects with `PollTimeoutError` after the deadline and a final check, with `signal.reason` on abort, and
 * with the last error after more than `maxTransientErrors` transient failures in a row.
 */
export function pollTask<T, S = unknown>(check: Check<T, S>, options: PollOptions<S> = {}): Promise<T> {
  return drain(pollSteps(check, options));
}
