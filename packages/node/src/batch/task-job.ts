// One task job of a batch: created once (the id journaled as soon as the create answers), followed on the
// learned schedule, and its result saved, as polling's createAndWait reads each family off the table.
import {
  type CreatableTaskFamily,
  createdTaskId,
  createTask,
  families,
  type PollableTaskFamily,
  unwrap,
} from "@camb-kit/client";
import type { OperationId } from "@camb-kit/client/spec";
import {
  MissingFinishedAnswerError,
  MissingRunIdError,
  MissingTaskIdError,
  PollTimeoutError,
} from "@camb-kit/polling";
import type { BatchContext, JobProgress } from "./batch-context.js";
import { isTransient, wasRefused, withRetries } from "./batch-retry.js";
import type { BatchJob } from "./batch-types.js";
import { inputSize, requestBody } from "./job-input.js";
import { fileFields } from "./job-operations.js";
import type { KnownTask } from "./journal-state.js";
import { sizeKey } from "./learned-schedule.js";
import { type FinishedTask, saveTaskOutput } from "./task-output.js";
import { waitLearned } from "./wait-learned.js";

/** What a finished task job journals as done. */
export interface TaskJobResult {
  output: string;
  durationMs: number | undefined;
  size: number;
}

/** An answer that is a finished result rather than a task: an object without a `task_id` key (as createAndWait reads it). */
const isFinished = (answer: unknown): answer is object =>
  typeof answer === "object" && answer !== null && !Object.hasOwn(answer, "task_id");

const usableRunId = (value: unknown): number | undefined =>
  Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : undefined;

/**
 * The family's create call, in the lane, tried again on transient failures; answers the parsed JSON. With
 * `journaled`, each try is journaled as `creating` first, in the lane, so the journal never shows a create
 * that was still waiting for its turn as one that may have been sent.
 */
function sendCreate(
  context: BatchContext,
  family: CreatableTaskFamily,
  job: BatchJob,
  signal: AbortSignal,
  journaled: boolean,
) {
  const uploads = fileFields(job.operation as OperationId).some(({ name }) => job.body[name] !== undefined);
  const once = () =>
    context.lane.run(
      async (call) => {
        if (journaled) await context.record({ t: "creating", id: job.id });
        const { body } = await requestBody(job, context.baseDir, call.commit);
        context.counters.createsSent++;
        const post = createTask as (...args: unknown[]) => ReturnType<typeof createTask>;
        return unwrap(await post(context.camb, family, body, { signal: call.signal, path: job.path }));
      },
      signal,
      !uploads,
    );
  return withRetries(once, context.retry, signal, isTransient, (error) => {
    // A create turned away (429, 503) made no task; after any other failure one may exist, unanswered.
    if (!wasRefused(error)) context.counters.possibleDuplicateCreates++;
  });
}

/** Creates the job's task and journals what the create answered: a task id, or the finished result. */
async function create(
  context: BatchContext,
  family: CreatableTaskFamily,
  job: BatchJob,
  signal: AbortSignal,
): Promise<KnownTask & { files?: unknown }> {
  const answer = await sendCreate(context, family, job, signal, true);
  const createdAt = Date.now();
  const taskId = createdTaskId(answer);
  if (taskId !== undefined) {
    await context.record({ t: "created", id: job.id, taskId });
    context.emit({ type: "created", id: job.id, taskId });
    return { taskId, createdAt };
  }
  const entry = families[family];
  if (!entry.createMayFinish || !isFinished(answer)) throw new MissingTaskIdError(family, answer);
  const runId = usableRunId((answer as { run_id?: unknown }).run_id);
  // Without a run id a result endpoint cannot be asked: the answer would be of no use as it is.
  if (entry.result !== null && runId === undefined) throw new MissingRunIdError(undefined, answer);
  await context.record({
    t: "created",
    id: job.id,
    ...(runId === undefined ? {} : { runId }),
    finished: true,
  });
  return { runId, finished: true, createdAt, files: answer };
}

/** Asks a result-less family's create call again for the files, once its task succeeded (as createAndWait does). */
async function askForFiles(
  context: BatchContext,
  family: CreatableTaskFamily,
  job: BatchJob,
  taskId: string,
  signal: AbortSignal,
): Promise<unknown> {
  const files = await sendCreate(context, family, job, signal, false);
  if (!isFinished(files)) throw new MissingFinishedAnswerError(family, taskId ?? "", files);
  return files;
}

/**
 * Runs a task job to its saved output: creates the task unless `resume` holds one from the journal, waits for
 * it, saves its result. `progress` records how far it got, for the failure record. Rejects with whatever ended
 * it (the caller journals it as failed) or the signal's reason.
 */
export async function runTaskJob(
  context: BatchContext,
  family: CreatableTaskFamily,
  job: BatchJob,
  resume: KnownTask | undefined,
  progress: JobProgress,
  signal: AbortSignal,
): Promise<TaskJobResult> {
  const entry = families[family];
  const size = await inputSize(job, context.baseDir);
  const task: KnownTask & { files?: unknown } = resume ?? (await create(context, family, job, signal));
  progress.task = true;
  signal.throwIfAborted(); // a create that was sent finished and was journaled; now the abort stops the job
  const finished: FinishedTask = { runId: task.runId, files: task.files };
  let durationMs: number | undefined;
  if (task.taskId !== undefined) {
    const waited = await waitLearned(
      {
        camb: context.camb,
        schedule: context.schedule,
        key: sizeKey(family, size),
        retry: context.retry,
        timeoutMs: context.timeoutMs,
        signal,
        onStatus: (status) => context.emit({ type: "status", id: job.id, status }),
      },
      family as PollableTaskFamily,
      task.taskId,
      task.createdAt,
      resume === undefined,
    ).catch((error: unknown) => {
      progress.taskLost = !isTransient(error) && !(error instanceof PollTimeoutError);
      throw error;
    });
    finished.runId = waited.success.run_id;
    durationMs = waited.durationMs;
    if (entry.result === null) finished.files = await askForFiles(context, family, job, task.taskId, signal);
  } else if (entry.result === null && finished.files === undefined) {
    // Finished at create in an earlier run: the files were not kept (their URLs expire), so ask again.
    finished.files = await askForFiles(context, family, job, "", signal);
  }
  const output = await saveTaskOutput(context, family, job, finished, signal);
  return { output, durationMs, size };
}
