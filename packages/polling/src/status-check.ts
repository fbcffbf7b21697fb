import {
  CambApiError,
  type CambClient,
  getTaskStatus,
  parseRetryAfter,
  type TaskFamily,
  type TaskStatusResult,
} from "@camb-kit/client";
import { classifyStatus, type TaskSuccess, type UnknownStatusMode } from "./classify-status.js";
import type { Check } from "./poll-steps.js";

/** 408, 429 and 5xx on a status call are worth another look; any other error status is final. */
export function isTransientHttpStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * One status request of a CAMB task as a poll check. The path comes from the generated families table
 * through `getTaskStatus`, so any family of the spec works here unchanged.
 */
export function statusCheck(
  client: CambClient,
  family: TaskFamily,
  taskId: string,
  unknownStatus: UnknownStatusMode,
): Check<TaskSuccess, TaskStatusResult> {
  return async ({ signal }) => {
    let result: Awaited<ReturnType<typeof getTaskStatus>>;
    try {
      result = await getTaskStatus(client, family, taskId, { signal });
    } catch (error) {
      // The request did not complete (network error, the client's headers timeout) or its body was not
      // JSON (a gateway glitch). The client has already retried what it could; the loop tolerates a few
      // more in a row. An abort is sorted out by the loop, which rejects with the signal's reason.
      return { state: "transient", error };
    }
    const { response } = result;
    const retryAfterMs = parseRetryAfter(response.headers);
    if (!response.ok || result.error !== undefined) {
      const error = CambApiError.fromResponse(response, result.error);
      if (isTransientHttpStatus(response.status)) return { state: "transient", error, retryAfterMs };
      return { state: "failure", error };
    }
    return classifyStatus(taskId, result.data as TaskStatusResult, unknownStatus, retryAfterMs);
  };
}
