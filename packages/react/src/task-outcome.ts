import type { TaskStatus, TaskStatusResult } from "@camb-kit/client";
import {
  MissingRunIdError,
  PaymentRequiredError,
  type TaskFailedError,
  TaskProcessingError,
  TaskTimedOutError,
  UnknownTaskStatusError,
} from "@camb-kit/polling";

/** Where a task stands after one status payload, with @camb-kit/polling's typed errors for the endings. */
export type TaskOutcome =
  | { state: "pending" }
  | { state: "success"; runId: number }
  | { state: "failure"; error: TaskFailedError | UnknownTaskStatusError | MissingRunIdError };

// Keyed by the spec's TaskStatus (the same rule as @camb-kit/polling): a status added to the spec stops
// this from compiling until someone decides what it means.
const failures = {
  PENDING: null,
  SUCCESS: null,
  ERROR: TaskProcessingError,
  TIMEOUT: TaskTimedOutError,
  PAYMENT_REQUIRED: PaymentRequiredError,
} satisfies Record<TaskStatus, (new (taskId: string, payload: TaskStatusResult) => TaskFailedError) | null>;

/** Classifies a status payload as `waitForTask` does: unknown statuses and a SUCCESS without run id fail. */
export function taskOutcome(taskId: string, payload: TaskStatusResult): TaskOutcome {
  const status = (payload as { status?: unknown } | null | undefined)?.status;
  if (typeof status !== "string" || !Object.hasOwn(failures, status)) {
    return { state: "failure", error: new UnknownTaskStatusError(taskId, payload) };
  }
  if (status === "PENDING") return { state: "pending" };
  if (status === "SUCCESS") {
    const runId = payload.run_id;
    if (typeof runId === "number" && Number.isFinite(runId)) return { state: "success", runId };
    return { state: "failure", error: new MissingRunIdError(taskId, payload) };
  }
  const Failure = failures[status as keyof typeof failures]!;
  return { state: "failure", error: new Failure(taskId, payload) };
}
