// waitForTask: polls a task's status until it ends, resolving with SUCCESS or rejecting with a typed error.
import type { CambClient, StatusTaskFamily, TaskStatusResult } from "@camb-kit/client";
import type { TaskSuccess, UnknownStatusMode } from "./classify-status.js";
import type { PollOptions } from "./options.js";
import { pollSteps } from "./poll-steps.js";
import { drain } from "./poll-task.js";
import { statusCheck } from "./status-check.js";

/** Options of `waitForTask`, `watchTask` and `createAndWait`. */
export interface WaitOptions extends PollOptions<TaskStatusResult> {
  /**
   * A status the spec does not declare: "fail" (default) rejects with `UnknownTaskStatusError` once more than
   * `maxTransientErrors` checks in a row answered one (a single glitched answer does not end the wait);
   * "pending" keeps polling on the usual schedule (never without a sleep) until the deadline.
   */
  unknownStatus?: UnknownStatusMode;
}

/** @internal The status steps of one task, shared by waitForTask and watchTask. */
export function taskSteps(
  client: CambClient,
  family: StatusTaskFamily,
  taskId: string,
  options: WaitOptions = {},
  controller?: AbortController,
): AsyncGenerator<TaskStatusResult, TaskSuccess, undefined> {
  return pollSteps(statusCheck(client, family, taskId, options.unknownStatus), options, taskId, controller);
}

/**
 * Polls `GET /<family>/{task_id}` until the task ends. Resolves with the SUCCESS status (its `run_id` is a
 * number); rejects with a `TaskFailedError` subclass for ERROR, TIMEOUT or PAYMENT_REQUIRED,
 * `PollTimeoutError` after the deadline, `signal.reason` on abort, or the status call's error.
 */
export function waitForTask(
  client: CambClient,
  family: StatusTaskFamily,
  taskId: string,
  options?: WaitOptions,
): Promise<TaskSuccess> {
  return drain(taskSteps(client, family, taskId, options));
}
