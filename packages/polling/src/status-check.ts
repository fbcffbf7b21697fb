// One status request of a task as a poll check: transient failures are told apart from final ones.
import {
  CambApiError,
  type CambClient,
  getTaskStatus,
  type PollableTaskFamily,
  type TaskStatusAnswer,
  unwrap,
} from "@camb-kit/client";
import { isRetryableStatus, parseRetryAfter } from "@camb-kit/client/internal";
import { classifyTaskStatus, type TaskSuccess, type UnknownStatusMode } from "./classify-status.js";
import { UnknownTaskStatusError } from "./errors.js";
import type { Check } from "./poll-steps.js";

/**
 * One status request of a CAMB task as a poll check. The path and the shape of the answer (a status object
 * or a list of runs) come from the generated families table, so any family of the spec works here unchanged.
 */
export function statusCheck<F extends PollableTaskFamily>(
  client: CambClient,
  family: F,
  taskId: string,
  unknownStatus: UnknownStatusMode | undefined,
): Check<TaskSuccess<F>, TaskStatusAnswer<F>> {
  return async ({ signal }) => {
    let retryAfterMs: number | undefined;
    let payload: TaskStatusAnswer<F>;
    try {
      const result = await getTaskStatus(client, family, taskId, { signal });
      retryAfterMs = parseRetryAfter(result.response.headers);
      payload = unwrap(result);
    } catch (error) {
      // A final HTTP error (401, 404, 422, …) ends the wait. Anything else is worth another try: 408, 429
      // and 5xx, a request that did not complete (network error, the client's headers timeout) or a body
      // that was not JSON (a gateway glitch). The client has already retried what it could; the loop
      // tolerates a few more in a row. An abort is sorted out by the loop, which rejects with its reason.
      if (error instanceof CambApiError && !isRetryableStatus(error.status)) {
        return { state: "failure", error };
      }
      return { state: "transient", error, retryAfterMs };
    }
    const outcome = classifyTaskStatus(family, taskId, payload, unknownStatus, retryAfterMs);
    // A status the spec lacks may be one glitched answer: like any transient failure it is tolerated
    // `maxTransientErrors` times in a row (with the usual sleep) before UnknownTaskStatusError ends the wait.
    if (outcome.state === "failure" && outcome.error instanceof UnknownTaskStatusError) {
      return { state: "transient", error: outcome.error, retryAfterMs };
    }
    return outcome;
  };
}
