import type { TaskStatusResult } from "@camb-kit/client";

/** The three statuses that end a CAMB task without a result. */
export type TaskFailureStatus = "ERROR" | "TIMEOUT" | "PAYMENT_REQUIRED";

/** A stable code per failure status, for callers that switch rather than use `instanceof`. */
export type TaskFailureCode = "TASK_ERROR" | "TASK_TIMEOUT" | "PAYMENT_REQUIRED";

function describeServerMessage(message: TaskStatusResult["message"]): string {
  if (message === null || message === undefined || message === "") return "";
  return typeof message === "string" ? message : JSON.stringify(message);
}

/**
 * The task ended with ERROR, TIMEOUT or PAYMENT_REQUIRED. Catch a subclass to tell "bad input or processing
 * failure" from "the task ran too long" from "out of credits", or read `code`.
 */
export class TaskFailedError extends Error {
  override readonly name: string = "TaskFailedError";
  readonly taskId: string;
  readonly status: TaskFailureStatus;
  readonly code: TaskFailureCode;
  /** `exception_reason` of the payload, e.g. "HARMFUL_CONTENT_DETECTED"; an open string. */
  readonly exceptionReason: string | null;
  /** `message` of the payload as the server sent it (string, object or null). */
  readonly serverMessage: TaskStatusResult["message"];
  /** The whole last status payload. */
  readonly payload: TaskStatusResult;

  constructor(taskId: string, status: TaskFailureStatus, code: TaskFailureCode, payload: TaskStatusResult) {
    const reason = payload.exception_reason ?? null;
    const detail = describeServerMessage(payload.message);
    super(
      `CAMB task ${taskId} ended with ${status}${reason ? ` (${reason})` : ""}${detail ? `: ${detail}` : ""}`,
    );
    this.taskId = taskId;
    this.status = status;
    this.code = code;
    this.exceptionReason = reason;
    this.serverMessage = payload.message ?? null;
    this.payload = payload;
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
export class PollTimeoutError extends Error {
  override readonly name = "PollTimeoutError";
  readonly taskId: string | undefined;
  readonly elapsedMs: number;
  /** Checks made, the final one included. */
  readonly attempts: number;
  /** The status seen last, or undefined when no check answered with one. */
  readonly lastStatus: unknown;

  /** `cause` is the last transient error when the final check failed with one. */
  constructor(init: {
    elapsedMs: number;
    attempts: number;
    lastStatus: unknown;
    taskId?: string | undefined;
    cause?: unknown;
  }) {
    const subject = init.taskId === undefined ? "Polling" : `Waiting for CAMB task ${init.taskId}`;
    super(
      `${subject} timed out after ${Math.round(init.elapsedMs)} ms and ${init.attempts} checks`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.taskId = init.taskId;
    this.elapsedMs = init.elapsedMs;
    this.attempts = init.attempts;
    this.lastStatus = init.lastStatus;
  }
}

/** The status endpoint answered with a status the spec does not declare (and `unknownStatus` is "fail"). */
export class UnknownTaskStatusError extends Error {
  override readonly name = "UnknownTaskStatusError";
  readonly taskId: string;
  readonly status: unknown;
  readonly payload: unknown;

  constructor(taskId: string, payload: unknown) {
    const status = (payload as { status?: unknown } | null)?.status;
    super(`CAMB task ${taskId} has a status this version does not know: ${JSON.stringify(status)}`);
    this.taskId = taskId;
    this.status = status;
    this.payload = payload;
  }
}

/** The task reported SUCCESS without a numeric `run_id`, so its result cannot be fetched. */
export class MissingRunIdError extends Error {
  override readonly name = "MissingRunIdError";
  readonly taskId: string;
  readonly payload: TaskStatusResult;

  constructor(taskId: string, payload: TaskStatusResult) {
    super(`CAMB task ${taskId} reported SUCCESS without a run_id: ${JSON.stringify(payload)}`);
    this.taskId = taskId;
    this.payload = payload;
  }
}

/** The create call succeeded but returned no `task_id`, so there is nothing to wait for. */
export class MissingTaskIdError extends Error {
  override readonly name = "MissingTaskIdError";
  readonly body: unknown;

  constructor(family: string, body: unknown) {
    super(`Creating a ${family} task returned no task_id: ${JSON.stringify(body)}`);
    this.body = body;
  }
}
