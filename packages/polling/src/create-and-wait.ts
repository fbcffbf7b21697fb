import { type CambClient, type CreateTaskBody, createTask, type TaskFamily, unwrap } from "@camb-kit/client";
import type { TaskSuccess } from "./classify-status.js";
import { MissingTaskIdError } from "./errors.js";
import { linkSignals } from "./link-signals.js";
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
 * The create call on a signal of its own, linked to the caller's: fetch implementations (undici among them)
 * leave their abort listener on the request's signal after the response, so the caller's long-lived signal
 * would collect one per call.
 */
async function create<F extends TaskFamily>(
  client: CambClient,
  family: F,
  body: CreateTaskBody<F>,
  signal: AbortSignal | undefined,
) {
  const link = linkSignals([signal]);
  try {
    return await createTask(client, family, body, { signal: link.signal });
  } catch (error) {
    link.signal.throwIfAborted();
    throw error;
  } finally {
    link.dispose();
  }
}

/**
 * `POST /<family>` then `waitForTask`. The create call is sent once (the client does not retry POST: a
 * duplicate would spend credits) and fails with `CambApiError`; `timeoutMs` counts from when it returned.
 */
export async function createAndWait<F extends TaskFamily>(
  client: CambClient,
  family: F,
  body: CreateTaskBody<F>,
  options: CreateAndWaitOptions = {},
): Promise<CreateAndWaitResult> {
  // Checked here too: a custom fetch would otherwise still be handed an already aborted request.
  options.signal?.throwIfAborted();
  const created = unwrap(await create(client, family, body, options.signal));
  const taskId = created?.task_id;
  if (typeof taskId !== "string" || taskId === "") throw new MissingTaskIdError(family, created);
  options.onCreated?.(taskId);
  const status = await waitForTask(client, family, taskId, options);
  return { taskId, runId: status.run_id, status };
}
