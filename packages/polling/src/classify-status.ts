import type { TaskStatus, TaskStatusResult } from "@camb-kit/client";
import {
  MissingRunIdError,
  PaymentRequiredError,
  type TaskFailedError,
  TaskProcessingError,
  TaskTimedOutError,
  UnknownTaskStatusError,
} from "./errors.js";
import type { CheckOutcome } from "./poll-steps.js";

/** A SUCCESS status, with the run id its result is fetched by. */
export type TaskSuccess = TaskStatusResult & { status: "SUCCESS"; run_id: number };

/** What to do with a status the spec does not declare. Either way the loop sleeps before the next check. */
export type UnknownStatusMode = "fail" | "pending";

type Rule = "pending" | "success" | ((taskId: string, payload: TaskStatusResult) => TaskFailedError);

// Keyed by the spec's TaskStatus: when the spec gains a status, this stops compiling until someone decides
// what the new status means, instead of silently treating it as unknown.
const rules = {
  PENDING: "pending",
  SUCCESS: "success",
  ERROR: (taskId, payload) => new TaskProcessingError(taskId, payload),
  TIMEOUT: (taskId, payload) => new TaskTimedOutError(taskId, payload),
  PAYMENT_REQUIRED: (taskId, payload) => new PaymentRequiredError(taskId, payload),
} satisfies Record<TaskStatus, Rule>;

function ruleFor(status: unknown): Rule | undefined {
  return typeof status === "string" && Object.hasOwn(rules, status) ? rules[status as TaskStatus] : undefined;
}

/** Maps one status payload to the poll loop's outcome. */
export function classifyStatus(
  taskId: string,
  payload: TaskStatusResult,
  unknownStatus: UnknownStatusMode,
  retryAfterMs: number | undefined,
): CheckOutcome<TaskSuccess, TaskStatusResult> {
  const rule = ruleFor((payload as { status?: unknown } | null | undefined)?.status);
  if (rule === undefined) {
    if (unknownStatus === "pending") return { state: "pending", status: payload, retryAfterMs };
    return { state: "failure", status: payload, error: new UnknownTaskStatusError(taskId, payload) };
  }
  if (rule === "pending") return { state: "pending", status: payload, retryAfterMs };
  if (rule === "success") {
    const runId = payload.run_id;
    // The run id is what the result is fetched by; a SUCCESS without one is of no use to the caller.
    if (typeof runId !== "number" || !Number.isFinite(runId)) {
      return { state: "failure", status: payload, error: new MissingRunIdError(taskId, payload) };
    }
    return { state: "success", status: payload, value: payload as TaskSuccess };
  }
  return { state: "failure", status: payload, error: rule(taskId, payload) };
}
