// createAndWait: a task's create call, sent once, then waitForTask on the id it returns.
import {
  type CambClient,
  type CreatableTaskFamily,
  type CreateTaskBody,
  createTask,
  type StatusTaskFamily,
  unwrap,
} from "@camb-kit/client";
import type { TaskSuccess } from "./classify-status.js";
import { MissingTaskIdError } from "./errors.js";
import { followSignal } from "./follow-signal.js";
import { type WaitOptions, waitForTask } from "./wait-for-task.js";

export interface CreateAndWaitOptions extends WaitOptions {
  /**
   * Called with the task id as soon as the task exists, before waiting. Keep it if you may need to resume
   * the wait elsewhere: an abort or a deadline stops the wait, not the task, and the API has no cancel call.
   */
  onCreated?: ((taskId: string) => void) | undefined;
}

export interface CreateAndWaitResult {
  taskId: string;
  runId: number;
  /** The SUCCESS status payload. */
  status: TaskSuccess;
}

/**
 * `POST /<family>` then `waitForTask`. The create call is sent once (the client does not retry POST: a
 * duplicate would spend credits) and fails with `CambApiError`; `timeoutMs` counts from when it returned.
 */
export async function createAndWait<F extends CreatableTaskFamily & StatusTaskFamily>(
  client: CambClient,
  family: F,
  body: CreateTaskBody<F>,
  options: CreateAndWaitOptions = {},
): Promise<CreateAndWaitResult> {
  const { signal } = options;
  // Checked here too: a custom fetch would otherwise still be handed an already aborted request.
  signal?.throwIfAborted();
  // The create call runs on a controller of its own that follows the caller's signal: fetch implementations
  // (undici among them) leave their abort listener on a request's signal after the response, so the
  // caller's long-lived signal would collect one per call.
  const controller = new AbortController();
  const unfollow = followSignal(signal, controller);
  let created: { task_id: string | null };
  try {
    created = unwrap(await createTask(client, family, body, { signal: controller.signal }));
  } catch (error) {
    // An aborted request rejects with whatever the fetch implementation chose; callers get the reason.
    signal?.throwIfAborted();
    throw error;
  } finally {
    unfollow();
  }
  const taskId = created?.task_id;
  if (typeof taskId !== "string" || !taskId) throw new MissingTaskIdError(family, created);
  options.onCreated?.(taskId);
  const status = await waitForTask(client, family, taskId, options);
  return { taskId, runId: status.run_id, status };
}
