// One job of a running batch, start to end: its journal records, its task or stream, and how it ended.
import type { BatchContext, JobProgress } from "./batch-context.js";
import type { BatchTally } from "./batch-tally.js";
import type { BatchJob } from "./batch-types.js";
import { describeFailure } from "./job-failure.js";
import { jobKind } from "./job-operations.js";
import type { JobPlan } from "./journal-state.js";
import { sizeKey } from "./learned-schedule.js";
import { runStreamJob } from "./stream-job.js";
import { runTaskJob } from "./task-job.js";

/** A job the run works on, with its content hash and what the journal said of it. */
export interface ScheduledJob {
  job: BatchJob;
  hash: string;
  plan: Extract<JobPlan, { action: "run" }>;
}

/**
 * Runs one job and journals how it ended: done (with its output, duration, family and input size, for the
 * schedule to learn), or failed (with a code, a reason, and whether a retry may follow its task). Never
 * rejects: a stopped batch (an abort, a journal that cannot be written) leaves the job as the journal has it,
 * to be resumed by the next run. `signal` is the job's own (see JobSignals), aborted when `stop` is.
 */
export async function runJob(
  context: BatchContext,
  { job, hash, plan }: ScheduledJob,
  tally: BatchTally,
  stop: AbortSignal,
  signal: AbortSignal,
): Promise<void> {
  const progress: JobProgress = { task: plan.resume !== undefined, taskLost: false };
  const kind = jobKind(job.operation)!; // validated before the run
  try {
    if (plan.record) await context.record({ t: "job", id: job.id, hash });
    let entry: { output: string; durationMs: number | undefined; family?: string; size?: number };
    if (kind.kind === "task") {
      const result = await runTaskJob(context, kind.family, job, plan.resume, progress, signal);
      entry = { output: result.output, durationMs: result.durationMs, size: result.size };
      // Only a duration measured from the task's start is learned from; a resumed task's first check is not.
      if (result.durationMs !== undefined) entry.family = kind.family;
    } else {
      entry = await runStreamJob(context, job, signal);
    }
    const { output, durationMs, family, size } = entry;
    await context.record({
      t: "done",
      id: job.id,
      output,
      durationMs: durationMs ?? 0,
      ...(family === undefined ? {} : { family }),
      ...(size === undefined ? {} : { size }),
    });
    if (family !== undefined && durationMs !== undefined)
      context.schedule.record(sizeKey(family, size), durationMs);
    tally.markDone();
    context.emit({ type: "done", id: job.id, output });
  } catch (error) {
    if (stop.aborted) return;
    const failure = describeFailure(job.id, error);
    const resume = progress.task && !progress.taskLost;
    try {
      await context.record({ t: "failed", ...failure, ...(resume ? { resume: true } : {}) });
    } catch {
      return; // the journal cannot be written: the batch stops, and this job is resumed next time
    }
    tally.markFailed(failure);
    context.emit({ type: "failed", ...failure });
  }
  context.emit(tally.progress());
}
