// The CLI's exit codes, the errors that map to each, and the one-line message printed for a failure.
import { CambApiError, CambTimeoutError } from "@camb-kit/client";
import { PollTimeoutError, TaskFailedError } from "@camb-kit/polling";
import { CommanderError } from "commander";

/** Exit codes, so scripts can tell what went wrong without parsing messages. */
export const ExitCode = {
  ok: 0,
  /** Anything unexpected. */
  failure: 1,
  /** Bad input: a usage error, an invalid value, or a request the API rejected as invalid (400/422). */
  badInput: 2,
  /** The API failed or could not be reached (other HTTP errors, timeouts, network errors). */
  apiError: 3,
  /** A task ended in ERROR, TIMEOUT or PAYMENT_REQUIRED, or did not finish in time. */
  taskFailed: 4,
  /** Interrupted by Ctrl-C (SIGINT) or SIGTERM; nothing partial was left behind. */
  interrupted: 130,
} as const;

/** An invalid value the CLI itself detected. */
export class InputError extends Error {
  override readonly name = "InputError";
}

/** The run was stopped by a signal. */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  constructor(readonly signal: string) {
    super(`interrupted by ${signal}`);
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof InterruptedError) return ExitCode.interrupted;
  if (error instanceof InputError) return ExitCode.badInput;
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
  if (error instanceof CambApiError)
    return error.status === 400 || error.status === 422 ? ExitCode.badInput : ExitCode.apiError;
  if (error instanceof TaskFailedError || error instanceof PollTimeoutError) return ExitCode.taskFailed;
  if (error instanceof CambTimeoutError || error instanceof TypeError) return ExitCode.apiError;
  return ExitCode.failure;
}

/** One line for stderr: the task failure's reason, the API's message, or the error's own message. */
export function describeError(error: unknown): string {
  if (error instanceof TaskFailedError) {
    const reason = error.exceptionReason ? ` (${error.exceptionReason})` : "";
    return `task ${error.taskId} ended in ${error.status}${reason}: ${error.message}`;
  }
  if (error instanceof TypeError && error.cause instanceof Error)
    return `${error.message}: ${error.cause.message}`;
  return error instanceof Error ? error.message : String(error);
}
