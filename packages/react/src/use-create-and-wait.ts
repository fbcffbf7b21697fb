// useCreateAndWait: a TanStack mutation that creates a task of any family and waits for it, with progress.
import type { PollableTaskFamily } from "@camb-kit/client";
import { createAndWait } from "@camb-kit/polling";
import {
  type UseMutationOptions,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useCambClient } from "./provider.js";
import { cambKeys } from "./query-keys.js";
import type { TaskError } from "./query-options/task-status.js";
import { outcomeOf } from "./task-outcome.js";
import { tagUploads, type UploadProgress } from "./upload/upload-tags.js";

// Every type below is read off polling's createAndWait, so the hook serves exactly the families it serves,
// with their bodies, parent-run paths and results.
/** The families `createAndWait` serves. */
export type CreateAndWaitFamily = Parameters<typeof createAndWait>[1];
type Args<F extends CreateAndWaitFamily> = Parameters<typeof createAndWait<F>>;
type WaitOptionsOf<F extends CreateAndWaitFamily> = NonNullable<Args<F>[3]>;
type StatusOf<F extends CreateAndWaitFamily> = Parameters<NonNullable<WaitOptionsOf<F>["onStatus"]>>[0];

/** What `createAndWait` resolves with for `F`: `{ taskId, runId, status, … }`. */
export type CreateAndWaitData<F extends CreateAndWaitFamily> = Awaited<ReturnType<typeof createAndWait<F>>>;

/**
 * What `mutate` takes: `{ body }`, plus `path` (the parent run) for a family whose create path takes one,
 * required exactly where `createAndWait` requires it.
 */
export type CreateAndWaitVariables<F extends CreateAndWaitFamily> = { body: Args<F>[2] } & PathVariable<
  WaitOptionsOf<F>
>;
// Not `O extends { path?: infer P }`: an options type without `path` fails that test (a weak type shares no key).
type PathVariable<O> = O extends unknown
  ? "path" extends keyof O
    ? undefined extends O[Extract<"path", keyof O>]
      ? { path?: O[Extract<"path", keyof O>] }
      : { path: O[Extract<"path", keyof O>] }
    : unknown
  : never;

/**
 * Options of `useCreateAndWait`: the family; `createAndWait`'s wait options (interval, backoff, `timeoutMs`…;
 * the hook owns `signal`, `onCreated` and `onStatus`); `onUploadProgress`; and `useMutation`'s options
 * (`onSuccess`, `onError`, `onSettled`, `meta`…; never `retry`: a second create would be billed).
 */
export type CreateAndWaitOptions<F extends CreateAndWaitFamily> = Omit<
  WaitOptionsOf<F>,
  "signal" | "onCreated" | "onStatus" | "onError" | "path"
> &
  Omit<
    UseMutationOptions<CreateAndWaitData<F>, TaskError, CreateAndWaitVariables<F>>,
    "mutationFn" | "mutationKey" | "retry"
  > & {
    family: F;
    /** Bytes of a file upload sent so far (through `createUploadFetch`); also in `progress.upload`. */
    onUploadProgress?: ((progress: UploadProgress) => void) | undefined;
  };

/** How far the current run got. */
export interface CreateAndWaitProgress<F extends CreateAndWaitFamily> {
  /** Known as soon as the create call returned a task (undefined for an answer that was the result). */
  taskId: string | undefined;
  /** The last status seen, with its payload. */
  status: StatusOf<F> | undefined;
  /** Checks made so far and time since the wait started. */
  attempt: number;
  elapsedMs: number;
  /** The upload of the create call's file, when it goes through `createUploadFetch`. */
  upload: UploadProgress | undefined;
}

/** What `useCreateAndWait` adds beside TanStack's mutation result. */
export interface CreateAndWaitExtras<F extends CreateAndWaitFamily> {
  /** Progress of the current run; undefined before the first run and after `cancel()` or `reset()`. */
  progress: CreateAndWaitProgress<F> | undefined;
  /** Aborts the current wait (no further request is sent) and returns the hook to idle. */
  cancel: () => void;
}

/** TanStack's `UseMutationResult`, unchanged but for `reset` (which also clears `progress`), with the extras. */
export type UseCreateAndWaitResult<F extends CreateAndWaitFamily> = UseMutationResult<
  CreateAndWaitData<F>,
  TaskError,
  CreateAndWaitVariables<F>
> &
  CreateAndWaitExtras<F>;

const initial = { taskId: undefined, status: undefined, attempt: 0, elapsedMs: 0, upload: undefined };

/**
 * A mutation that runs `createAndWait`: `mutate({ body, path? })` creates the task (aborting the run before,
 * if any), waits for it and resolves with what createAndWait resolves. `cancel()` or unmounting aborts the
 * wait. Every status seen also lands in the cache entry `useTaskStatus` and `taskStatusQueryOptions` read.
 */
export function useCreateAndWait<F extends CreateAndWaitFamily>(
  options: CreateAndWaitOptions<F>,
): UseCreateAndWaitResult<F> {
  const { family, onUploadProgress, onError, ...rest } = options;
  const client = useCambClient();
  const queryClient = useQueryClient();
  const controller = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<CreateAndWaitProgress<F> | undefined>(undefined);
  const latest = useRef(options);
  latest.current = options;
  const abort = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
  }, []);

  const mutation = useMutation<CreateAndWaitData<F>, TaskError, CreateAndWaitVariables<F>>({
    ...rest,
    onError,
    mutationKey: ["camb", "create-and-wait", family],
    // Never retried: a second create call would start (and bill) a second task.
    retry: false,
    mutationFn: (variables) => {
      abort();
      const own = new AbortController();
      controller.current = own;
      setProgress(initial);
      // Ignore progress from a run that was replaced or cancelled.
      type Progress = CreateAndWaitProgress<F>;
      const update = (change: Partial<Progress>) => {
        if (controller.current === own) setProgress((previous) => ({ ...(previous ?? initial), ...change }));
      };
      const { family: _family, onUploadProgress: _upload, onError: _onError, ...wait } = latest.current;
      const { body, path } = variables as { body: unknown; path?: unknown };
      const uploads = tagUploads(client, body, (upload) => {
        if (controller.current !== own) return;
        update({ upload });
        latest.current.onUploadProgress?.(upload);
      });
      let taskId = "";
      // The mutation options beside the wait options are ignored by createAndWait (it reads its own names).
      const run = createAndWait as (...args: unknown[]) => Promise<CreateAndWaitData<F>>;
      return run(uploads.client, family, body, {
        ...wait,
        path,
        signal: own.signal,
        onCreated: (id: string) => {
          taskId = id;
          update({ taskId: id });
        },
        onStatus: (status: StatusOf<F>, info: { attempt: number; elapsedMs: number }) => {
          // createAndWait's families all have a status operation (its own type says so).
          const pollable = family as unknown as PollableTaskFamily;
          // A failing status is the status query's error, not its data: left for it to learn itself.
          if (outcomeOf(pollable, taskId, status).state !== "failure") {
            queryClient.setQueryData(cambKeys.taskStatus(pollable, taskId), status);
          }
          update({ status, attempt: info.attempt, elapsedMs: info.elapsedMs });
        },
      }).finally(() => {
        uploads.release();
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

  return Object.assign(mutation, { reset, progress, cancel });
}
