// The errors the hooks report, re-exported so an app needs no direct dependency on @camb-kit/polling.
export {
  MissingRunIdError,
  PaymentRequiredError,
  PollTimeoutError,
  TaskFailedError,
  TaskProcessingError,
  TaskTimedOutError,
  UnknownTaskStatusError,
} from "@camb-kit/polling";
