// Shows an error the hooks report as one readable line: task failures, API errors, anything else.
import { CambApiError } from "@camb-kit/client";
import { TaskFailedError } from "@camb-kit/react";

/** One line per kind of failure: what the user can act on first, the details after. */
function describe(error: unknown): string {
  if (error instanceof TaskFailedError) {
    const reason = error.exceptionReason ? ` (${error.exceptionReason})` : "";
    return `The task ended with ${error.status}${reason}: ${error.message}`;
  }
  if (error instanceof CambApiError) return `The API answered ${error.status}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function ErrorMessage({ error }: { error: unknown }) {
  const status = error instanceof TaskFailedError ? error.status : undefined;
  return (
    <p role="alert" data-testid="error" data-status={status} style={{ color: "#b00020" }}>
      {describe(error)}
    </p>
  );
}
