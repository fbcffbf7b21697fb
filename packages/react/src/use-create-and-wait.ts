// useCreateAndWait: a mutation that creates a task and waits for it, with progress and cancel().
import type {
  CreatableTaskFamily,
  CreateTaskBody,
  StatusTaskFamily,
  TaskStatusResult,
} from "@camb-kit/client";
import {
  type CreateAndWaitOptions,
  type CreateAndWaitResult,
  createAndWait,
  type StatusInfo,
} from "@camb-kit/polling";
import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useCambClient } from "./provider.js";
import { cambKeys } from "./query-keys.js";
import type { TaskError } from "./use-task-status.js";

/** Wait options of `createAndWait` (interval, backoff, deadline, …); the hook owns `signal` and the callbacks. */
export type CreateAndWaitHookOptions = Omit<CreateAndWaitOptions, "signal" | "onCreated" | "onStatus">;

/** How far the current run got. */
export interface CreateAndWaitProgress {
  /** Known as soon as the create call returned. */
  taskId: string | undefined;
  /** The last status seen, with its payload. */
  status: TaskStatusResult | undefined;
  /** Checks made so far and time since the wait started. */
  attempt: number;
  elapsedMs: number;
}

export type CreateAndWaitState<F extends CreatableTaskFamily & StatusTaskFamily> = UseMutationResult<
  CreateAndWaitResult,
  TaskError,
  CreateTaskBody<F>
> & {
  /** Progress of the current run; undefined before the first run and after `cancel()` or `reset()`. */
  progress: CreateAndWaitProgress | undefined;
  /** Aborts the current wait (no further request is sent) and returns the hook to idle. */
  cancel: () => void;
};

const initialProgress: CreateAndWaitProgress = {
  taskId: undefined,
  status: undefined,
  attempt: 0,
  elapsedMs: 0,
};

/**
 * A mutation that creates a task, waits for it with backoff and resolves with `{ taskId, runId, status }`.
 * `mutate(body)` starts a run (aborting the one before, if any); `cancel()` or unmounting aborts the wait.
 * Every status seen also lands in the cache entry `useTaskStatus(family, taskId)` reads.
 */
export function useCreateAndWait<F extends CreatableTaskFamily & StatusTaskFamily>(
  family: F,
  options: CreateAndWaitHookOptions = {},
): CreateAndWaitState<F> {
  const client = useCambClient();
  const queryClient = useQueryClient();
  const controller = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<CreateAndWaitProgress | undefined>(undefined);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const abort = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
  }, []);

  const mutation = useMutation<CreateAndWaitResult, TaskError, CreateTaskBody<F>>({
    mutationKey: ["camb", "create-and-wait", family],
    // Never retried: a second create call would start (and bill) a second task.
    retry: false,
    mutationFn: (body) => {
      abort();
      const own = new AbortController();
      controller.current = own;
      setProgress(initialProgress);
      // Ignore progress from a run that was replaced or cancelled.
      const update = (next: (previous: CreateAndWaitProgress) => CreateAndWaitProgress) => {
        if (controller.current === own) setProgress((previous) => next(previous ?? initialProgress));
      };
      let taskId = "";
      return createAndWait(client, family, body, {
        ...optionsRef.current,
        signal: own.signal,
        onCreated: (id) => {
          taskId = id;
          update((previous) => ({ ...previous, taskId: id }));
        },
        onStatus: (status: TaskStatusResult, info: StatusInfo) => {
          queryClient.setQueryData(cambKeys.taskStatus(family, taskId), status);
          update((previous) => ({ ...previous, status, attempt: info.attempt, elapsedMs: info.elapsedMs }));
        },
      }).finally(() => {
        if (controller.current === own) controller.current = null;
      });
    },
  });

  const { reset: resetMutation } = mutation;
  const reset = useCallback(() => {
    setProgress(undefined);
    resetMutation();
  }, [resetMutation]);
  const cancel = useCallback(() => {
    abort();
    reset();
  }, [abort, reset]);

  // Unmounting aborts the wait: createAndWait then sends no further request.
  useEffect(() => abort, [abort]);

  return { ...mutation, reset, progress, cancel };
}
