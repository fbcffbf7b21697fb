// How a failed job is reported: a code to switch on and a reason a person can act on.
import { TaskFailedError } from "@camb-kit/polling";
import type { BatchFailure } from "./batch-types.js";

/**
 * The task status for a task that ended badly (`ERROR`, `TIMEOUT`, `PAYMENT_REQUIRED`), else the error's class
 * name (`CambApiError`, `PollTimeoutError`, `TruncatedStreamError`…); the reason is the error's message (every
 * CambError's is redacted).
 */
export function describeFailure(id: string, error: unknown): BatchFailure {
  // A failed task's message already holds the server's exception_reason and message.
  if (error instanceof TaskFailedError) return { id, code: error.status, reason: error.message };
  if (error instanceof Error)
    return { id, code: error.name || "Error", reason: error.message || String(error) };
  return { id, code: "Error", reason: String(error) };
}
