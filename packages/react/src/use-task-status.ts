// useTaskStatus: a task's status polled through TanStack Query on @camb-kit/polling's schedule, classified
// exactly as waitForTask classifies it, until the task ends.
import {
  CambApiError,
  getTaskStatus,
  type StatusTaskFamily,
  type TaskStatus,
  type TaskStatusResult,
  unwrap,
} from "@camb-kit/client";
import { classifyStatus, type StatusError } from "@camb-kit/polling";
import { resolvePollOptions, scheduledDelay } from "@camb-kit/polling/internal";
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { CambQueryError } from "./camb-query-client.js";
import { useCambClient } from "./provider.js";
import { cambKeys } from "./query-keys.js";

export interface TaskStatusOptions {
  /** First delay between two checks, in ms; it grows by `backoffFactor` up to `maxIntervalMs`. Default 1000. */
  intervalMs?: number;
  /** Largest delay between two checks, in ms. Default 10000. */
  maxIntervalMs?: number;
  /** Growth of the delay per check; 1 for a fixed interval. Default 1.5. */
  backoffFactor?: number;
  /** "full" (default) spreads tabs that poll together; "none" uses the exact backoff ceiling. */
  jitter?: "full" | "none";
  /** Source of randomness for the jitter, in [0, 1). Default Math.random. */
  random?: () => number;
  /** Set false to hold off polling (a missing task id does that too). */
  enabled?: boolean;
  /**
   * Keep polling while the tab is hidden. Default true: the user is waiting for this task, and the backoff
   * keeps the cost low. TanStack's own default is false.
   */
  refetchIntervalInBackground?: boolean;
  /** Retries of a failed status call by TanStack Query. Default false: the client already retries 5xx/429. */
  retry?: boolean | number;
}

/** The failure a task status hook can report. `TaskFailedError` subclasses carry `status` and `exceptionReason`. */
export type TaskError = StatusError | CambQueryError;

export interface TaskStatusState {
  /** The last status seen, e.g. "PENDING"; undefined before the first answer. */
  status: TaskStatus | undefined;
  /** The run id to fetch the result by, once the status is SUCCESS. */
  runId: number | undefined;
  /** True while there is a task id and no ending yet (neither a terminal status nor an error). */
  isWaiting: boolean;
  isSuccess: boolean;
  isFailed: boolean;
  /** A TaskFailedError subclass for ERROR / TIMEOUT / PAYMENT_REQUIRED, or the status call's own error. */
  error: TaskError | null;
  /** The last status payload as the API sent it. */
  data: TaskStatusResult | undefined;
  /** The underlying TanStack query, for `refetch`, `dataUpdatedAt` and the like. */
  query: UseQueryResult<TaskStatusResult, CambQueryError>;
}

/** Where the task stands after the last answer (pending before the first), as waitForTask would see it. */
function outcomeOf(taskId: string, data: TaskStatusResult | undefined) {
  return data === undefined
    ? ({ state: "pending" } as const)
    : classifyStatus(taskId, data, "fail", undefined);
}

/**
 * Polls `GET /<family>/{task_id}` with a growing delay until the task ends, then stops. It checks once at
 * once (the task may be finished already), then after `intervalMs`, `intervalMs * backoffFactor`, … Unmounting
 * stops the polling and aborts a check in flight.
 */
export function useTaskStatus(
  family: StatusTaskFamily,
  taskId: string | null | undefined,
  options: TaskStatusOptions = {},
): TaskStatusState {
  const client = useCambClient();
  const { intervalMs, maxIntervalMs, backoffFactor, jitter, random } = options;
  // The waiters' own defaults and checks (a RangeError naming the option, e.g. for an interval of 0).
  const schedule = resolvePollOptions({ intervalMs, maxIntervalMs, backoffFactor, jitter, random });
  const id = taskId ?? "";

  const query = useQuery({
    queryKey: cambKeys.taskStatus(family, id),
    queryFn: async ({ signal }) => {
      const result = await getTaskStatus(client, family, id, { signal });
      const data = unwrap(result);
      // An empty 200 is no status at all: TanStack Query must not cache `undefined` as one.
      if (data === undefined) throw CambApiError.fromResponse(result.response, "the response has no body");
      return data;
    },
    enabled: id !== "" && options.enabled !== false,
    retry: options.retry ?? false,
    // A terminal status never changes: no refetch on focus or remount once there.
    staleTime: (q) => (outcomeOf(id, q.state.data).state === "pending" ? 0 : Infinity),
    refetchInterval: (q) => {
      if (q.state.status === "error" || outcomeOf(id, q.state.data).state !== "pending") return false;
      // dataUpdateCount is the number of answers so far: the n-th answer is followed by the n-th delay.
      return scheduledDelay(schedule, Math.max(1, q.state.dataUpdateCount));
    },
    refetchIntervalInBackground: options.refetchIntervalInBackground ?? true,
  });

  const outcome = useMemo(() => outcomeOf(id, query.data), [id, query.data]);
  const error = outcome.state === "failure" ? outcome.error : query.error;
  const isSuccess = outcome.state === "success";
  return {
    status: query.data?.status,
    runId: outcome.state === "success" ? outcome.value.run_id : undefined,
    isWaiting: id !== "" && options.enabled !== false && error === null && !isSuccess,
    isSuccess,
    isFailed: error !== null,
    error,
    data: query.data,
    query,
  };
}
