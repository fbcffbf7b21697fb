// Creating a task of any family and waiting for it with its statuses on stderr: one flow for every command.
// The create call is read off the families table (its path parameters, a JSON or multipart body, an answer
// that may already be the finished result), so no family is named here.
import {
  type CambClient,
  type FetchResult,
  families,
  type StatusTaskFamily,
  type TaskFamily,
  unwrap,
} from "@camb-kit/client";
import { MissingTaskIdError, waitForTask } from "@camb-kit/polling";
import type { Context } from "./context.js";

/** How a task ended: its run id, and the create answer itself when that already was the finished result. */
export interface TaskOutcome {
  family: TaskFamily;
  /** Undefined when the create call answered the finished result (the family's `createMayFinish`). */
  taskId: string | undefined;
  runId: number;
  finished: unknown;
}

/** Waits for a task, printing each status it passes through (`dub: PENDING after 1.2 s`). */
export async function waitWithProgress(
  context: Context,
  family: TaskFamily,
  taskId: string,
): Promise<{ runId: number; status: unknown }> {
  const status = await waitForTask(context.client, family as StatusTaskFamily, taskId, {
    ...context.poll,
    signal: context.signal,
    onStatus: (seen, info) => context.reporter.status(family, seen.status, info.elapsedMs),
  });
  return { runId: status.run_id, status };
}

/**
 * `POST` a family's create path (a File or StreamedFile part makes the body multipart), sent once: the
 * client never retries a POST, since a duplicate would spend credits twice.
 */
async function create(
  client: CambClient,
  family: TaskFamily,
  body: object,
  path: Record<string, string | number> | undefined,
  signal: AbortSignal,
): Promise<unknown> {
  const template = families[family].create;
  if (template === null) throw new TypeError(`${family} has no create call`);
  // The body was built for this family by its command; the union of every create path cannot check it here.
  const post = client.POST as (path: string, init: object) => Promise<FetchResult<unknown, unknown>>;
  return unwrap(await post(template, { body, params: { path }, signal }));
}

/** Creates a task and waits for it; `path` fills the create path's parameters (a parent run, a language). */
export async function runTask(
  context: Context,
  family: TaskFamily,
  body: object,
  path?: Record<string, string | number>,
): Promise<TaskOutcome> {
  context.reporter.step(`creating the ${family} task`);
  const answer = await create(context.client, family, body, path, context.signal);
  context.reporter.done();
  const taskId = (answer as { task_id?: unknown } | null)?.task_id;
  if (typeof taskId === "string" && taskId) {
    context.reporter.step(`${family} task ${taskId} created; waiting for it`);
    const { runId } = await waitWithProgress(context, family, taskId);
    return { family, taskId, runId, finished: undefined };
  }
  const runId = (answer as { run_id?: unknown } | null)?.run_id;
  if (families[family].createMayFinish && typeof runId === "number") {
    return { family, taskId: undefined, runId, finished: answer };
  }
  throw new MissingTaskIdError(family, answer);
}
