// Where a task stands after one status answer, as the waiters see it: pending, done with a run id, or failed.
import type { PollableTaskFamily, TaskStatusAnswer } from "@camb-kit/client";
import { classifyTaskStatus, type StatusError } from "@camb-kit/polling";

export type TaskOutcome =
  | { state: "pending" }
  | { state: "success"; runId: number }
  | { state: "failure"; error: StatusError };

const pending: TaskOutcome = { state: "pending" };

/**
 * The outcome of `answer` (pending before the first one), by polling's own `classifyTaskStatus` (a status
 * object, or a list of runs), so a hook never disagrees with `waitForTask`. An unknown status fails at once:
 * a UI shows it rather than waiting out a deadline.
 */
export function outcomeOf(family: PollableTaskFamily, taskId: string, answer: unknown): TaskOutcome {
  if (answer === undefined) return pending;
  const outcome = classifyTaskStatus(
    family,
    taskId,
    answer as TaskStatusAnswer<typeof family>,
    "fail",
    undefined,
  );
  if (outcome.state === "success") return { state: "success", runId: outcome.value.run_id };
  return outcome.state === "failure" ? { state: "failure", error: outcome.error } : pending;
}
