import type { TaskStatusResult } from "@camb-kit/client";
import {
  classifyStatus,
  type MissingRunIdError,
  type TaskFailedError,
  type UnknownTaskStatusError,
} from "@camb-kit/polling";

/** Where a task stands after one status payload, with @camb-kit/polling's typed errors for the endings. */
export type TaskOutcome =
  | { state: "pending" }
  | { state: "success"; runId: number }
  | { state: "failure"; error: TaskFailedError | UnknownTaskStatusError | MissingRunIdError };

/**
 * Classifies a status payload exactly as `waitForTask` does (the mapping lives in @camb-kit/polling):
 * unknown statuses and a SUCCESS without a run id fail.
 */
export function taskOutcome(taskId: string, payload: TaskStatusResult): TaskOutcome {
  const outcome = classifyStatus(taskId, payload, "fail", undefined);
  if (outcome.state === "success") return { state: "success", runId: outcome.value.run_id };
  if (outcome.state === "failure") {
    return {
      state: "failure",
      error: outcome.error as TaskFailedError | UnknownTaskStatusError | MissingRunIdError,
    };
  }
  return { state: "pending" };
}
