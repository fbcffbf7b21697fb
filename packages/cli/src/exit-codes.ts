// The CLI's exit codes, the error classes that map to each, and the one-line message printed for a failure.
import { CambApiError, CambConnectionError, CambError, CambTimeoutError } from "@camb-kit/client";
import { redactSecrets } from "@camb-kit/client/internal";
import {
  BatchJournalError,
  BatchLockedError,
  BatchValidationError,
  MissingFileError,
  MissingFolderError,
  SourceNotAFileError,
  TargetExistsError,
  TargetNotAFileError,
} from "@camb-kit/node";
import { PollTimeoutError, TaskFailedError } from "@camb-kit/polling";
import {
  AudioFormatError,
  RealtimeBadRequestError,
  RealtimeConnectionError,
  RealtimePaymentRequiredError,
  RealtimeServerError,
  RealtimeUnauthorizedError,
} from "@camb-kit/realtime";
import { CommanderError } from "commander";

/** Exit codes, so scripts can tell what went wrong without parsing messages. */
export const ExitCode = {
  ok: 0,
  /** Anything unexpected (a bug: please report it). */
  failure: 1,
  /** Bad input: a usage error, an invalid value or output path, or a request the API rejected (400/422). */
  badInput: 2,
  /** The API failed, could not be reached, or answered with something unusable (timeouts, cut bodies…). */
  apiError: 3,
  /** A task ended in ERROR, TIMEOUT or PAYMENT_REQUIRED, or did not finish in time. */
  taskFailed: 4,
  /** A batch ended with some jobs failed (the summary says why; `--retry-failed` runs them again). */
  batchIncomplete: 5,
  /** Interrupted by Ctrl-C (SIGINT) or SIGTERM; nothing partial was left behind. */
  interrupted: 130,
} as const;

/** An invalid value the CLI itself detected. */
export class InputError extends CambError {
  override readonly name: string = "InputError";
}

/** The run was stopped by a signal. */
export class InterruptedError extends CambError {
  override readonly name: string = "InterruptedError";
  declare readonly signal: string;
  constructor(signal: string) {
    super(`interrupted by ${signal}`);
    this.init({ signal });
  }
}

type Rule = [errorClass: abstract new (...args: never[]) => Error, code: number | ((error: never) => number)];

/**
 * Which class of error gives which exit code, first match wins: specific classes before the families they
 * belong to. A bad option (TypeError, RangeError: a value the CLI passed on unchecked) is bad input too.
 */
const RULES: readonly Rule[] = [
  [InterruptedError, ExitCode.interrupted],
  [InputError, ExitCode.badInput],
  // A batch that cannot start (a bad jobs file or journal, a journal another run holds) sent nothing.
  [BatchValidationError, ExitCode.badInput],
  [BatchJournalError, ExitCode.badInput],
  [BatchLockedError, ExitCode.badInput],
  [CommanderError, (error: CommanderError) => (error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput)],
  [CambApiError, (error: CambApiError) => (error.status === 400 || error.status === 422 ? 2 : 3)],
  [TaskFailedError, ExitCode.taskFailed],
  [PollTimeoutError, ExitCode.taskFailed],
  [TargetExistsError, ExitCode.badInput],
  [TargetNotAFileError, ExitCode.badInput],
  [MissingFolderError, ExitCode.badInput],
  [MissingFileError, ExitCode.badInput],
  [SourceNotAFileError, ExitCode.badInput],
  // Live sessions: a first frame the server refused (close 4400) and audio that cannot be sent are bad input,
  // like a 400; a refused key (4401), no credits (4402), the server's error and a dropped socket are the API's.
  [RealtimeBadRequestError, ExitCode.badInput],
  [AudioFormatError, ExitCode.badInput],
  [RealtimeUnauthorizedError, ExitCode.apiError],
  [RealtimePaymentRequiredError, ExitCode.apiError],
  [RealtimeServerError, ExitCode.apiError],
  [RealtimeConnectionError, ExitCode.apiError],
  [CambConnectionError, ExitCode.apiError],
  [CambTimeoutError, ExitCode.apiError],
  [CambError, ExitCode.apiError],
  [TypeError, ExitCode.badInput],
  [RangeError, ExitCode.badInput],
];

export function exitCodeFor(error: unknown): number {
  for (const [errorClass, code] of RULES) {
    if (error instanceof errorClass) return typeof code === "number" ? code : code(error as never);
  }
  return ExitCode.failure;
}

/** One line for stderr: the task failure's reason, the API's message, or the error's own; never a key. */
export function describeError(error: unknown): string {
  if (error instanceof TaskFailedError) {
    const reason = error.exceptionReason ? ` (${error.exceptionReason})` : "";
    return `task ${error.taskId} ended in ${error.status}${reason}: ${error.message}`;
  }
  const cause = (error as { cause?: unknown } | null)?.cause;
  const text =
    error instanceof Error && !(error instanceof CambError) && cause instanceof Error
      ? `${error.message}: ${cause.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  // CambErrors are redacted already; anything else (a runtime's own error) is redacted here.
  return redactSecrets(text);
}
