// taskStatusQueryOptions: a task's status as TanStack queryOptions, polled on polling's schedule until it ends.
import {
  CambApiError,
  type CambClient,
  getTaskStatus,
  type PollableTaskFamily,
  type TaskStatusAnswer,
  unwrap,
} from "@camb-kit/client";
import type { PollOptions, StatusError } from "@camb-kit/polling";
import { resolvePollOptions, scheduledDelay } from "@camb-kit/polling/internal";
import { queryOptions } from "@tanstack/react-query";
import type { CambQueryError } from "../camb-query-client.js";
import { cambKeys } from "../query-keys.js";
import { outcomeOf } from "../task-outcome.js";

/** The schedule of the status checks: polling's own options, defaults and checks. */
export type TaskStatusSchedule = Pick<
  PollOptions,
  "intervalMs" | "maxIntervalMs" | "backoffFactor" | "jitter" | "random"
>;

/**
 * What a status query fails with: a `TaskFailedError` subclass for ERROR / TIMEOUT / PAYMENT_REQUIRED (with
 * `status`, `exceptionReason`, `taskId`), `UnknownTaskStatusError`, `MissingRunIdError`, or the status
 * call's own error (`CambApiError`, a network error).
 */
export type TaskError = StatusError | CambQueryError;

/**
 * Options for `useQuery`, `useQueries`, `useSuspenseQuery`, `prefetchQuery`… polling `GET <family status>`:
 * at once (the task may be finished already), then after `intervalMs`, growing by `backoffFactor` up to
 * `maxIntervalMs`, with jitter, until the task ends. The data is the status as the API sent it (a list of
 * runs for a `statusKind: "runs"` family); a failing status is thrown as its typed error, so the query ends
 * in `error` and polling stops. Built with TanStack's `queryOptions`: its key is typed with the data.
 */
export function taskStatusQueryOptions<F extends PollableTaskFamily>(
  client: CambClient,
  family: F,
  taskId: string,
  options: TaskStatusSchedule = {},
) {
  // The waiters' own defaults and checks (a RangeError naming the option, e.g. for an interval of 0).
  const schedule = resolvePollOptions(options);
  return queryOptions<
    TaskStatusAnswer<F>,
    TaskError,
    TaskStatusAnswer<F>,
    ReturnType<typeof cambKeys.taskStatus>
  >({
    queryKey: cambKeys.taskStatus(family, taskId),
    queryFn: async ({ signal }) => {
      const result = await getTaskStatus(client, family, taskId, { signal });
      const data = unwrap(result);
      // An empty 200 is no status at all: TanStack Query must not cache `undefined` as one.
      if (data === undefined) throw CambApiError.fromResponse(result.response, "the response has no body");
      const outcome = outcomeOf(family, taskId, data);
      if (outcome.state === "failure") throw outcome.error;
      return data;
    },
    // The client already retries 5xx and 429; a failing status never changes.
    retry: false,
    // A finished task's status never changes: no refetch on focus or remount once there.
    staleTime: (query) => (outcomeOf(family, taskId, query.state.data).state === "pending" ? 0 : Infinity),
    refetchInterval: (query) => {
      if (query.state.status === "error") return false;
      if (outcomeOf(family, taskId, query.state.data).state !== "pending") return false;
      // dataUpdateCount is the number of answers so far: the n-th answer is followed by the n-th delay.
      return scheduledDelay(schedule, Math.max(1, query.state.dataUpdateCount));
    },
    // The user is waiting for this task, and the backoff keeps the cost low. TanStack's own default is false.
    refetchIntervalInBackground: true,
  });
}
