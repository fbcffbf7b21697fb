// useTaskStatus: TanStack's useQuery over taskStatusQueryOptions, with where the task stands beside it.
import type { PollableTaskFamily, TaskStatus, TaskStatusAnswer } from "@camb-kit/client";
import { TaskFailedError } from "@camb-kit/polling";
import { type UseQueryOptions, type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useCambClient } from "./provider.js";
import type { cambKeys } from "./query-keys.js";
import {
  type TaskError,
  type TaskStatusSchedule,
  taskStatusQueryOptions,
} from "./query-options/task-status.js";
import { outcomeOf } from "./task-outcome.js";

/**
 * Options of `useTaskStatus`: the family and task id, the schedule (polling's option names and defaults),
 * and any other option of `useQuery` (`enabled`, `retry`, `refetchIntervalInBackground`, `gcTime`…).
 */
export type TaskStatusOptions<F extends PollableTaskFamily> = TaskStatusSchedule &
  Omit<
    UseQueryOptions<
      TaskStatusAnswer<F>,
      TaskError,
      TaskStatusAnswer<F>,
      ReturnType<typeof cambKeys.taskStatus>
    >,
    "queryKey" | "queryFn" | "select" | "refetchInterval"
  > & {
    family: F;
    /** Nothing is sent while it is missing. */
    taskId: string | null | undefined;
  };

/** What `useTaskStatus` adds beside TanStack's result. */
export interface TaskStatusExtras {
  /** The last status seen: the API's, the failing one of `error`, or SUCCESS / PENDING for a list of runs. */
  taskStatus: TaskStatus | undefined;
  /** The run id to fetch the result by, once the task is done. */
  runId: number | undefined;
  /** True while there is a task id and no ending yet (neither a final status nor an error). */
  isWaiting: boolean;
  /** The task succeeded: `runId` is set. */
  isDone: boolean;
  /** The task failed, or the status call did: `error` says which. */
  isFailed: boolean;
}

/** TanStack's `UseQueryResult`, unchanged, with `TaskStatusExtras` beside it. */
export type UseTaskStatusResult<F extends PollableTaskFamily> = UseQueryResult<
  TaskStatusAnswer<F>,
  TaskError
> &
  TaskStatusExtras;

/** The status a list of runs or a failure stands for, where the answer itself carries none. */
function statusOf(data: unknown, error: unknown, done: boolean): TaskStatus | undefined {
  if (error instanceof TaskFailedError) return error.status;
  const status = (data as { status?: unknown } | undefined)?.status;
  if (typeof status === "string") return status as TaskStatus;
  if (data === undefined) return undefined;
  return done ? "SUCCESS" : "PENDING";
}

/**
 * Polls a task's status with `taskStatusQueryOptions` until it ends, then stops; unmounting stops it and
 * aborts a check in flight. Returns TanStack's result unchanged (`data` is the status, `error` a typed task
 * failure or the call's error) with `taskStatus`, `runId`, `isWaiting`, `isDone` and `isFailed` beside it.
 */
export function useTaskStatus<F extends PollableTaskFamily>(
  options: TaskStatusOptions<F>,
): UseTaskStatusResult<F> {
  const { family, taskId, intervalMs, maxIntervalMs, backoffFactor, jitter, random, ...rest } = options;
  const client = useCambClient();
  const id = taskId ?? "";
  const schedule = { intervalMs, maxIntervalMs, backoffFactor, jitter, random };
  const query = useQuery({
    ...taskStatusQueryOptions(client, family, id, schedule),
    ...rest,
    enabled: id === "" ? false : (rest.enabled ?? true),
  });
  const outcome = outcomeOf(family, id, query.data);
  const isDone = query.error === null && outcome.state === "success";
  const isFailed = query.error !== null || outcome.state === "failure";
  return Object.assign(query, {
    taskStatus: statusOf(query.data, query.error, isDone),
    runId: isDone && outcome.state === "success" ? outcome.runId : undefined,
    isWaiting: id !== "" && rest.enabled !== false && !isDone && !isFailed,
    isDone,
    isFailed,
  });
}
