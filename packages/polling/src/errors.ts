// The polling errors: failure statuses (one class each), the poll deadline, unknown statuses, missing ids.
import { CambError, type TaskStatusResult } from "@camb-kit/client";

// Fields are `declare`d and set in the constructor: a plain field declaration would be emitted as an
// initializer (`taskId;`) in every class, which is bundle bytes for nothing.

/** The three statuses that end a CAMB task without a result. */
export type TaskFailureStatus = "ERROR" | "TIMEOUT" | "PAYMENT_REQUIRED";

/** A stable code per failure status, for callers that switch rather than use `instanceof`. */
export type TaskFailureCode = "TASK_ERROR" | "TASK_TIMEOUT" | "PAYMENT_REQUIRED";

/**
 * The task ended with ERROR, TIMEOUT or PAYMENT_REQUIRED. Catch a subclass to tell "bad input or processing
 * failure" from "the task ran too long" from "out of credits", or read `code`.
 */
export class TaskFailedError extends CambError {
  override readonly name: string = "TaskFailedError";
  declare readonly taskId: string;
  declare readonly status: TaskFailureStatus;
  declare readonly code: TaskFailureCode;
  /** `exception_reason` of the payload, e.g. "HARMFUL_CONTENT_DETECTED"; an open string. */
  declare readonly exceptionReason: string | null;
  /** `message` of the payload as the server sent it (string, object or null). */
  declare readonly serverMessage: TaskStatusResult["message"];
  /** The whole last status payload. */
  declare readonly payload: TaskStatusResult;

  constructor(taskId: string, status: TaskFailureStatus, code: TaskFailureCode, payload: TaskStatusResult) {
    const reason = payload.exception_reason ?? null;
    const message = payload.message ?? null;
    const detail = typeof message === "string" ? message : JSON.stringify(message);
    super(
      `CAMB task ${taskId} ended with ${status}${reason ? ` (${reason})` : ""}${message ? `: ${detail}` : ""}`,
    );
    this.init({ taskId, status, code, exceptionReason: reason, serverMessage: message, payload });
  }
}

/** Status ERROR: the task could not be processed (see `exceptionReason`, e.g. bad input or harmful content). */
export class TaskProcessingError extends TaskFailedError {
  override readonly name: string = "TaskProcessingError";
  constructor(taskId: string, payload: TaskStatusResult) {
    super(taskId, "ERROR", "TASK_ERROR", payload);
  }
}

/**
 * Status TIMEOUT: the server gave up because processing ran too long (CAMB suggests splitting the text).
 * Not to be confused with `PollTimeoutError`, where *we* stopped waiting.
 */
export class TaskTimedOutError extends TaskFailedError {
  override readonly name: string = "TaskTimedOutError";
  constructor(taskId: string, payload: TaskStatusResult) {
    super(taskId, "TIMEOUT", "TASK_TIMEOUT", payload);
  }
}

/** Status PAYMENT_REQUIRED: the account has not enough credits. */
export class PaymentRequiredError extends TaskFailedError {
  override readonly name: string = "PaymentRequiredError";
  constructor(taskId: string, payload: TaskStatusResult) {
    super(taskId, "PAYMENT_REQUIRED", "PAYMENT_REQUIRED", payload);
  }
}

/** The deadline (`timeoutMs`) passed, after one final check, without the task reaching an end. */
export class PollTimeoutError extends CambError {
  override readonly name: string = "PollTimeoutError";
  declare readonly taskId: string | undefined;
  declare readonly elapsedMs: number;
  /** Checks made, the final one included. */
  declare readonly attempts: number;
  /** The status seen last, or undefined when no check answered with one. */
  declare readonly lastStatus: unknown;

  /** `cause` is the last transient error when the final check failed with one. */
  constructor(init: {
    elapsedMs: number;
    attempts: number;
    lastStatus: unknown;
    taskId?: string | undefined;
    cause?: unknown;
  }) {
    const { taskId, elapsedMs, attempts, lastStatus, cause } = init;
    super(
      `${taskId === undefined ? "Polling" : `Waiting for CAMB task ${taskId}`} timed out after ${Math.round(elapsedMs)} ms and ${attempts} checks`,
      cause === undefined ? undefined : { cause },
    );
    this.init({ taskId, elapsedMs, attempts, lastStatus });
  }
}

/** The status endpoint answered with a status the spec does not declare (and `unknownStatus` is "fail"). */
export class UnknownTaskStatusError extends CambError {
  override readonly name: string = "UnknownTaskStatusError";
  declare readonly taskId: string;
  declare readonly status: unknown;
  declare readonly payload: unknown;

  constructor(taskId: string, payload: unknown) {
    const status = (payload as { status?: unknown } | null)?.status;
    super(`CAMB task ${taskId} has an unknown status: ${JSON.stringify(status)}`);
    this.init({ taskId, status, payload });
  }
}

/**
 * The task reported SUCCESS without a usable `run_id` (a positive integer), so its result cannot be fetched:
 * a status object without one, a list of runs whose first has none, or (with `taskId` undefined) a create
 * call that answered the finished result without one.
 */
export class MissingRunIdError extends CambError {
  override readonly name: string = "MissingRunIdError";
  declare readonly taskId: string | undefined;
  /** The status payload (a status object or a list of runs), or the finished create answer. */
  declare readonly payload: unknown;

  constructor(taskId: string | undefined, payload: unknown) {
    const what = taskId === undefined ? "A finished create answer" : `CAMB task ${taskId}`;
    super(`${what} reported SUCCESS without a usable run_id: ${JSON.stringify(payload)}`);
    this.init({ taskId, payload });
  }
}

/** The create call succeeded but returned no `task_id` (nor a finished result), so there is nothing to wait for. */
export class MissingTaskIdError extends CambError {
  override readonly name: string = "MissingTaskIdError";
  declare readonly body: unknown;

  constructor(family: string, body: unknown) {
    super(`Creating a ${family} task returned no task_id: ${JSON.stringify(body)}`);
    this.init({ body });
  }
}

/**
 * The task succeeded, but asking its create call again (for a family with no result endpoint, whose create
 * call answers the files once they exist) did not answer them. It is not asked a third time: each ask may
 * start, and bill, another task.
 */
export class MissingFinishedAnswerError extends CambError {
  override readonly name: string = "MissingFinishedAnswerError";
  declare readonly taskId: string;
  declare readonly body: unknown;

  constructor(family: string, taskId: string, body: unknown) {
    super(
      `The ${family} task ${taskId} succeeded, but its create call answered no files: ${JSON.stringify(body)}`,
    );
    this.init({ taskId, body });
  }
}
