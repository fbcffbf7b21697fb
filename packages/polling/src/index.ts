export { classifyStatus, type TaskSuccess, type UnknownStatusMode } from "./classify-status.js";
export { type CreateAndWaitOptions, type CreateAndWaitResult, createAndWait } from "./create-and-wait.js";
export {
  MissingRunIdError,
  MissingTaskIdError,
  PaymentRequiredError,
  PollTimeoutError,
  TaskFailedError,
  type TaskFailureCode,
  type TaskFailureStatus,
  TaskProcessingError,
  TaskTimedOutError,
  UnknownTaskStatusError,
} from "./errors.js";
export {
  DEFAULT_BACKOFF_FACTOR,
  DEFAULT_INTERVAL_MS,
  DEFAULT_MAX_INTERVAL_MS,
  DEFAULT_MAX_TRANSIENT_ERRORS,
  DEFAULT_TIMEOUT_MS,
  type PollOptions,
  type StatusInfo,
} from "./options.js";
export type { Check, CheckContext, CheckOutcome } from "./poll-steps.js";
export { pollTask } from "./poll-task.js";
export { scheduledDelay } from "./schedule.js";
export { isTransientHttpStatus } from "./status-check.js";
export { type WaitOptions, waitForTask } from "./wait-for-task.js";
export { watchTask } from "./watch-task.js";
