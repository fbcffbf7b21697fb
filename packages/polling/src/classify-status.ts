// The meaning of each status of the spec: keep waiting, a result, or which typed error ends the wait.
import type { TaskStatus, TaskStatusResult } from "@camb-kit/client";
import {
  MissingRunIdError,
  PaymentRequiredError,
  type TaskFailedError,
  TaskProcessingError,
  TaskTimedOutError,
  UnknownTaskStatusError,
} from "./errors.js";

/** A SUCCESS status, with the run id its result is fetched by. */
export type TaskSuccess = TaskStatusResult & { status: "SUCCESS"; run_id: number };

/** What to do with a status the spec does not declare. Either way the loop sleeps before the next check. */
export type UnknownStatusMode = "fail" | "pending";

/** The errors a status payload itself can end a wait with. */
export type StatusError = TaskFailedError | UnknownTaskStatusError | MissingRunIdError;

/** What one status payload means: the poll loop's outcome, with the typed error of a failing status. */
export type StatusOutcome =
  | { state: "pending"; status: TaskStatusResult; retryAfterMs: number | undefined }
  | { state: "success"; status: TaskStatusResult; value: TaskSuccess }
  | { state: "failure"; status: TaskStatusResult; error: StatusError };

/** A failing status becomes an error of this class. */
type FailureClass = new (taskId: string, payload: TaskStatusResult) => StatusError;

// Keyed by the spec's TaskStatus: when the spec gains a status, this stops compiling until someone decides
// what the new status means, instead of silently treating it as unknown.
const rules = {
  PENDING: "pending",
  SUCCESS: "success",
  ERROR: TaskProcessingError,
  TIMEOUT: TaskTimedOutError,
  PAYMENT_REQUIRED: PaymentRequiredError,
} satisfies Record<TaskStatus, "pending" | "success" | FailureClass>;

/**
 * Maps one status payload to the poll loop's outcome: pending, success (with a numeric run id) or failure
 * with the typed error `waitForTask` would throw. Exported so UIs that poll on their own schedule (the React
 * hooks) classify exactly as the waiters do.
 */
export function classifyStatus(
  taskId: string,
  payload: TaskStatusResult,
  unknownStatus: UnknownStatusMode | undefined,
  retryAfterMs: number | undefined,
): StatusOutcome {
  const status: unknown = (payload as { status?: unknown } | null)?.status;
  let rule: "pending" | "success" | FailureClass =
    typeof status === "string" && Object.hasOwn(rules, status)
      ? rules[status as TaskStatus]
      : unknownStatus === "pending"
        ? "pending"
        : UnknownTaskStatusError;
  // The run id is what the result is fetched by: a SUCCESS without a positive integer one (absent, 1.5, -7)
  // is of no use to the caller, and must not be passed on as if it were.
  const runId = payload.run_id;
  if (rule === "success" && !(Number.isSafeInteger(runId) && (runId as number) > 0)) rule = MissingRunIdError;

  if (rule === "pending") return { state: rule, status: payload, retryAfterMs };
  if (rule === "success") return { state: rule, status: payload, value: payload as TaskSuccess };
  return { state: "failure", status: payload, error: new rule(taskId, payload) };
}
