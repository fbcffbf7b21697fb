// @camb-kit/polling: wait for any CAMB task, bounded, abortable and typed.
export {
  classifyStatus,
  classifyTaskStatus,
  type StatusError,
  type StatusOutcome,
  type TaskSuccess,
  type UnknownStatusMode,
} from "./classify-status.js";
export {
  type CreateAndWaitFamily,
  type CreateAndWaitOptions,
  type CreateAndWaitResult,
  createAndWait,
} from "./create-and-wait.js";
export {
  MissingFinishedAnswerError,
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
export type { PollOptions, StatusInfo } from "./options.js";
export type { Check, CheckContext, CheckOutcome } from "./poll-steps.js";
export { pollTask } from "./poll-task.js";
export { type WaitOptions, waitForTask } from "./wait-for-task.js";
export { watchTask } from "./watch-task.js";
