// The meaning of each status of the spec: keep waiting, a result, or which typed error ends the wait.
import {
  families,
  type PollableTaskFamily,
  type RunsStatusTaskFamily,
  type StatusTaskFamily,
  type TaskStatus,
  type TaskStatusAnswer,
  type TaskStatusResult,
} from "@camb-kit/client";
import {
  MissingRunIdError,
  PaymentRequiredError,
  type TaskFailedError,
  TaskProcessingError,
  TaskTimedOutError,
  UnknownTaskStatusError,
} from "./errors.js";

/**
 * A finished task, with the run id its result is fetched by: a SUCCESS status object, or for a family whose
 * status is a list of runs, `{ status: "SUCCESS", run_id, runs }` with the first run's id and the whole list.
 */
export type TaskSuccess<F extends PollableTaskFamily = StatusTaskFamily> = F extends RunsStatusTaskFamily
  ? { status: "SUCCESS"; run_id: number; runs: TaskStatusAnswer<F> }
  : TaskStatusAnswer<F> & { status: "SUCCESS"; run_id: number };

/** What to do with a status the spec does not declare. Either way the loop sleeps before the next check. */
export type UnknownStatusMode = "fail" | "pending";

/** The errors a status payload itself can end a wait with. */
export type StatusError = TaskFailedError | UnknownTaskStatusError | MissingRunIdError;

/** What one status payload means: the poll loop's outcome, with the typed error of a failing status. */
export type StatusOutcome<F extends PollableTaskFamily = StatusTaskFamily> =
  | { state: "pending"; status: TaskStatusAnswer<F>; retryAfterMs: number | undefined }
  | { state: "success"; status: TaskStatusAnswer<F>; value: TaskSuccess<F> }
  | { state: "failure"; status: TaskStatusAnswer<F>; error: StatusError };

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

/** A run id the result can be fetched by: a positive integer (not absent, 1.5 or -7). */
const isRunId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

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
  // The run id is what the result is fetched by: a SUCCESS without a usable one is of no use to the caller,
  // and must not be passed on as if it were.
  if (rule === "success" && !isRunId(payload.run_id)) rule = MissingRunIdError;

  if (rule === "pending") return { state: rule, status: payload, retryAfterMs };
  if (rule === "success") return { state: rule, status: payload, value: payload as TaskSuccess };
  return { state: "failure", status: payload, error: new rule(taskId, payload) };
}

/**
 * A status that is a list of runs: empty while the task runs (the spec's reading, as no source shows an
 * unfinished answer), done once it holds a run. It has no failure status, so a failed task waits out the
 * deadline. Anything but a list is an unknown status.
 */
function classifyRuns(
  taskId: string,
  payload: readonly { run_id?: unknown }[],
  unknownStatus: UnknownStatusMode | undefined,
  retryAfterMs: number | undefined,
): StatusOutcome<RunsStatusTaskFamily> {
  const status = payload as TaskStatusAnswer<RunsStatusTaskFamily>;
  if (!Array.isArray(payload)) {
    if (unknownStatus === "pending") return { state: "pending", status, retryAfterMs };
    return { state: "failure", status, error: new UnknownTaskStatusError(taskId, payload) };
  }
  if (payload.length === 0) return { state: "pending", status, retryAfterMs };
  const runId = payload[0]?.run_id;
  if (!isRunId(runId)) return { state: "failure", status, error: new MissingRunIdError(taskId, payload) };
  return { state: "success", status, value: { status: "SUCCESS", run_id: runId, runs: status } };
}

/**
 * `classifyStatus` for any family with a status operation: a status object, or a list of runs
 * (`statusKind: "runs"`) as the family's table entry says.
 */
export function classifyTaskStatus<F extends PollableTaskFamily>(
  family: F,
  taskId: string,
  payload: TaskStatusAnswer<F>,
  unknownStatus: UnknownStatusMode | undefined,
  retryAfterMs: number | undefined,
): StatusOutcome<F> {
  const outcome =
    families[family].statusKind === "runs"
      ? classifyRuns(taskId, payload as readonly { run_id?: unknown }[], unknownStatus, retryAfterMs)
      : classifyStatus(taskId, payload as TaskStatusResult, unknownStatus, retryAfterMs);
  // One of the two shapes above, by the family's own statusKind; TypeScript cannot follow a table lookup.
  return outcome as unknown as StatusOutcome<F>;
}
