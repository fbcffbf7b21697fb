// Creating a task of any family and waiting for it with its statuses on stderr: one flow for every command,
// on polling's createAndWait and waitForTask, which read every irregular family off the families table.
import type { CreateTaskBody, PollableTaskFamily, TaskFamily } from "@camb-kit/client";
import {
  type CreateAndWaitFamily,
  createAndWait,
  MissingRunIdError,
  type StatusInfo,
  waitForTask,
} from "@camb-kit/polling";
import type { Context } from "./context.js";

/** How a task ended: its run id, and the create answer itself when that already was the finished result. */
export interface TaskOutcome {
  family: TaskFamily;
  /** Undefined when the create call answered the finished result (the family's `createMayFinish`). */
  taskId: string | undefined;
  runId: number;
  /** The SUCCESS status the wait ended on; undefined when nothing was waited for. */
  status: unknown;
  /** The create answer when it was the finished result, or the files a result-less family answered. */
  finished: unknown;
}

/**
 * What a status answer says, for a progress line: its `status` field, or for a status that is a list of
 * runs (`statusKind: "runs"`, which has no status field) how many runs it holds so far.
 */
export function statusLabel(status: unknown): string {
  if (Array.isArray(status)) return status.length === 0 ? "no run yet" : `${status.length} run(s)`;
  const state = (status as { status?: unknown } | null)?.status;
  return typeof state === "string" ? state : JSON.stringify(status);
}

/** The polling options every wait of a command takes: its schedule, Ctrl-C, statuses on stderr. */
function waitOptions(context: Context, family: TaskFamily) {
  return {
    ...context.poll,
    signal: context.signal,
    onStatus: (seen: unknown, info: StatusInfo) =>
      context.reporter.status(family, statusLabel(seen), info.elapsedMs),
  };
}

/** Waits for a task, printing each status it passes through (`dub: PENDING after 1.2 s`). */
export async function waitWithProgress(
  context: Context,
  family: PollableTaskFamily,
  taskId: string,
): Promise<{ runId: number; status: unknown }> {
  const status = await waitForTask(context.client, family, taskId, waitOptions(context, family));
  return { runId: status.run_id, status };
}

/** createAndWait loosened to any family: each command built its body (and path) for its own family. */
const createAndWaitAny = createAndWait as (
  client: Context["client"],
  family: CreateAndWaitFamily,
  body: unknown,
  options: object,
) => Promise<{ taskId: string | undefined; runId: number | undefined; status: unknown; finished: unknown }>;

/**
 * Creates a task (sent once: a duplicate would spend credits twice) and waits for it; `path` fills the
 * create path's parameters of a parent-run family. Every command reads the run afterwards, so a finished
 * answer without a run id is an error here even for a family with no result endpoint.
 */
export async function runTask<F extends CreateAndWaitFamily>(
  context: Context,
  family: F,
  body: CreateTaskBody<F>,
  path?: Record<string, string | number>,
): Promise<TaskOutcome> {
  context.reporter.step(`creating the ${family} task`);
  const outcome = await createAndWaitAny(context.client, family, body, {
    ...waitOptions(context, family),
    ...(path ? { path } : {}),
    onCreated: (taskId: string) => context.reporter.step(`${family} task ${taskId} created; waiting for it`),
  });
  const { taskId, runId, status, finished } = outcome;
  if (runId === undefined) throw new MissingRunIdError(taskId, finished);
  return { family, taskId, runId, status, finished };
}
