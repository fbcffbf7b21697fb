// createAndWait: a task's create call, sent once, then waitForTask on the id it returns (or the finished
// result the create call answered in its place).
import {
  type CambClient,
  type CreatableTaskFamily,
  type CreatePathOption,
  type CreateTaskArgs,
  type CreateTaskBody,
  createdTaskId,
  createTask,
  type FinishedCreateAnswer,
  type FinishingTaskFamily,
  families,
  type PollableTaskFamily,
  unwrap,
} from "@camb-kit/client";
import type { TaskSuccess } from "./classify-status.js";
import { MissingFinishedAnswerError, MissingRunIdError, MissingTaskIdError } from "./errors.js";
import { followSignal } from "./follow-signal.js";
import { type WaitOptions, waitForTask } from "./wait-for-task.js";

/** A family `createAndWait` takes: one with a create and a status operation. */
export type CreateAndWaitFamily = CreatableTaskFamily & PollableTaskFamily;

type Entry<F extends CreateAndWaitFamily> = (typeof families)[F];

export type CreateAndWaitOptions<
  F extends CreateAndWaitFamily = Exclude<CreateAndWaitFamily, FinishingTaskFamily>,
> = WaitOptions<F> &
  CreatePathOption<F> & {
    /**
     * Called with the task id as soon as the task exists, before waiting. Keep it if you may need to resume
     * the wait elsewhere: an abort or a deadline stops the wait, not the task, and the API has no cancel call.
     */
    onCreated?: ((taskId: string) => void) | undefined;
  };

/** The files a family with no result endpoint gets from its create call after the wait; else undefined. */
type FilesAfterWait<F extends CreateAndWaitFamily> = Entry<F>["createMayFinish"] extends true
  ? Entry<F>["result"] extends null
    ? FinishedCreateAnswer<F>
    : undefined
  : undefined;

/** The run id of a finished create answer: needed (and checked) when the family has a result endpoint. */
type FinishedRunId<F extends CreateAndWaitFamily> = Entry<F>["result"] extends string ? number : undefined;

/**
 * What `createAndWait` resolves with: the task id, the run id and the SUCCESS status after a wait (with
 * `finished` the files' answer for a family whose create call answers them once they exist), or, when the
 * create call already answered the finished result, that answer as `finished` with `taskId` and `status`
 * undefined. Without a family named, the families whose create call always answers a task.
 */
export type CreateAndWaitResult<
  F extends CreateAndWaitFamily = Exclude<CreateAndWaitFamily, FinishingTaskFamily>,
> = [F] extends [never]
  ? // A family cast away (`family as never`) resolves with what any family may resolve with.
    CreateAndWaitResult<CreateAndWaitFamily>
  : F extends unknown
    ?
        | { taskId: string; runId: number; status: TaskSuccess<F>; finished: FilesAfterWait<F> }
        | (Entry<F>["createMayFinish"] extends true
            ? {
                taskId: undefined;
                runId: FinishedRunId<F>;
                status: undefined;
                finished: FinishedCreateAnswer<F>;
              }
            : never)
    : never;

/** An answer that is a finished result rather than a task: an object without a `task_id` key. */
function isFinished(answer: unknown): answer is object {
  return typeof answer === "object" && answer !== null && !Object.hasOwn(answer, "task_id");
}

/**
 * The create call, once. It runs on a controller of its own that follows the caller's signal: fetch
 * implementations (undici among them) leave their abort listener on a request's signal after the
 * response, so the caller's long-lived signal would collect one per call.
 */
async function createOnce<F extends CreateAndWaitFamily>(
  client: CambClient,
  family: F,
  body: CreateTaskBody<F>,
  options: CreateAndWaitOptions<F>,
): Promise<unknown> {
  const { signal, path } = options as { signal?: AbortSignal | undefined; path?: undefined };
  // Checked here too: a custom fetch would otherwise still be handed an already aborted request.
  signal?.throwIfAborted();
  const controller = new AbortController();
  const unfollow = followSignal(signal, controller);
  try {
    // `path` is the caller's, checked against the family by createAndWait's own signature.
    const args = [{ signal: controller.signal, path }] as unknown as CreateTaskArgs<F>;
    return unwrap(await createTask(client, family, body, ...args));
  } catch (error) {
    // An aborted request rejects with whatever the fetch implementation chose; callers get the reason.
    signal?.throwIfAborted();
    throw error;
  } finally {
    unfollow();
  }
}

/**
 * The family's create call, then `waitForTask`. The create call is sent once (the client does not retry
 * POST: a duplicate would spend credits) and fails with `CambApiError`; `timeoutMs` counts from when it
 * returned. A parent-run family takes its path parameters as `options.path`. When the create call answers
 * the finished result (`createMayFinish`), that answer is the result and nothing is waited for. A family
 * with no result endpoint whose create call answers the files once they exist is asked once more after the
 * wait, and resolves with those files as `finished`.
 */
export async function createAndWait<F extends CreateAndWaitFamily>(
  client: CambClient,
  family: F,
  body: CreateTaskBody<F>,
  ...[options]: CreateTaskArgs<F, CreateAndWaitOptions<F>>
): Promise<CreateAndWaitResult<F>> {
  const o = (options ?? {}) as CreateAndWaitOptions<F>;
  const entry: Entry<CreateAndWaitFamily> = families[family];
  const created = await createOnce(client, family, body, o);
  const taskId = createdTaskId(created);
  if (taskId === undefined) {
    if (!entry.createMayFinish || !isFinished(created)) throw new MissingTaskIdError(family, created);
    const runId = (created as { run_id?: unknown }).run_id;
    // Without a run id a result endpoint cannot be asked: the answer would be of no use as it is.
    const usable = Number.isSafeInteger(runId) && (runId as number) > 0;
    if (entry.result !== null && !usable) throw new MissingRunIdError(undefined, created);
    const finished = { taskId, runId: usable ? runId : undefined, status: undefined, finished: created };
    return finished as CreateAndWaitResult<F>;
  }
  o.onCreated?.(taskId);
  const status = await waitForTask(client, family, taskId, o);
  let files: unknown;
  if (entry.createMayFinish && entry.result === null) {
    files = await createOnce(client, family, body, o);
    if (!isFinished(files)) throw new MissingFinishedAnswerError(family, taskId, files);
  }
  return { taskId, runId: status.run_id, status, finished: files } as CreateAndWaitResult<F>;
}
