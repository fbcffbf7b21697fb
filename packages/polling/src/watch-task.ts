// watchTask: every status of a task as an async iterator; `break` stops the wait at once.
import type { CambClient, PollableTaskFamily, TaskStatusAnswer } from "@camb-kit/client";
import { taskSteps, type WaitOptions } from "./wait-for-task.js";

/**
 * Yields every status of a task as it is seen (a status object, or the list of runs for a family whose
 * status is one), ending after the terminal one: SUCCESS ends the iteration,
 * ERROR / TIMEOUT / PAYMENT_REQUIRED are yielded and then thrown as `waitForTask` would. `break` (or
 * `return()`) stops the wait at once, even while it sleeps or a request is in flight, and sends no further
 * request.
 */
export function watchTask<F extends PollableTaskFamily>(
  client: CambClient,
  family: F,
  taskId: string,
  options?: WaitOptions<F>,
): AsyncIterableIterator<TaskStatusAnswer<F>> {
  const controller = new AbortController();
  const stopped = new DOMException("watchTask was stopped", "AbortError");
  const steps = taskSteps(client, family, taskId, options, controller);
  const finished: IteratorReturnResult<undefined> = { done: true, value: undefined };

  return {
    async next() {
      try {
        const step = await steps.next();
        return step.done ? finished : step;
      } catch (error) {
        // Stopped by return(): a next() that was pending ends quietly instead of throwing our own abort.
        if (error === stopped) return finished;
        throw error;
      }
    },
    async return() {
      // Aborting first reaches a generator that is busy sleeping or fetching; a generator's own return()
      // would only be queued behind that.
      controller.abort(stopped);
      await steps.return(undefined as never);
      return finished;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
