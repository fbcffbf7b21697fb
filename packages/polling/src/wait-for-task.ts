// waitForTask: polls a task's status until it ends, resolving with SUCCESS or rejecting with a typed error.
import type { CambClient, PollableTaskFamily, StatusTaskFamily, TaskStatusAnswer } from "@camb-kit/client";
import type { TaskSuccess, UnknownStatusMode } from "./classify-status.js";
import type { PollOptions } from "./options.js";
import { pollSteps } from "./poll-steps.js";
import { drain } from "./poll-task.js";
import { statusCheck } from "./status-check.js";

/** Options of `waitForTask`, `watchTask` and `createAndWait`; `onStatus` sees the family's status answers. */
export interface WaitOptions<F extends PollableTaskFamily = StatusTaskFamily>
  extends PollOptions<TaskStatusAnswer<F>> {
  /**
   * A status the spec does not declare: "fail" (default) rejects with `UnknownTaskStatusError` once more than
   * `maxTransientErrors` checks in a row answered one (a single glitched answer does not end the wait);
   * "pending" keeps polling on the usual schedule (never without a sleep) until the deadline.
   */
  unknownStatus?: UnknownStatusMode;
}

/** @internal The status steps of one task, shared by waitForTask and watchTask. */
export function taskSteps<F extends PollableTaskFamily>(
  client: CambClient,
  family: F,
  taskId: string,
  options: WaitOptions<F> = {},
  controller?: AbortController,
): AsyncGenerator<TaskStatusAnswer<F>, TaskSuccess<F>, undefined> {
  return pollSteps(statusCheck(client, family, taskId, options.unknownStatus), options, taskId, controller);
}

/**
 * Polls the family's status path until the task ends. Resolves with the SUCCESS status (its `run_id` is a
 * number; for a status that is a list of runs, `{ status, run_id, runs }` once the list holds a run); rejects
 * with a `TaskFailedError` subclass for ERROR, TIMEOUT or PAYMENT_REQUIRED, `PollTimeoutError` after the
 * deadline, `signal.reason` on abort, or the status call's error.
 */
export function waitForTask<F extends PollableTaskFamily>(
  client: CambClient,
  family: F,
  taskId: string,
  options?: WaitOptions<F>,
): Promise<TaskSuccess<F>> {
  return drain(taskSteps(client, family, taskId, options));
}
