// runBatch: every job of a batch run to its output, crash-safe: each step journaled before the next, tasks
// created once and followed after a crash, creates one at a time, the whole batch paced as one.
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { CambClient } from "@camb-kit/client";
import { AdaptiveLimit } from "./adaptive-limit.js";
import type { BatchContext, BatchCounters } from "./batch-context.js";
import { BatchValidationError } from "./batch-errors.js";
import { type ResolvedBatchOptions, resolveBatchOptions } from "./batch-options.js";
import { BatchTally } from "./batch-tally.js";
import type {
  BatchEvent,
  BatchFailure,
  BatchJob,
  BatchProblem,
  BatchSummary,
  RunBatchOptions,
} from "./batch-types.js";
import { CreateLane } from "./create-lane.js";
import { jobHash } from "./job-hash.js";
import { JobSignals } from "./job-signals.js";
import { Journal } from "./journal.js";
import { lockJournal } from "./journal-lock.js";
import { foldJournal, type JobHistory, knownDurations, planJob } from "./journal-state.js";
import { LearnedSchedule } from "./learned-schedule.js";
import { paceClient } from "./pace-client.js";
import { runJob, type ScheduledJob } from "./run-job.js";
import { removeStaleTemps } from "./stale-temps.js";
import { validateJobs } from "./validate-jobs.js";

/** Calls the caller's listener; what it throws must not stop the batch (or leave it half journaled). */
function emitter(onEvent: RunBatchOptions["onEvent"]): (event: BatchEvent) => void {
  return (event) => {
    try {
      onEvent?.(event);
    } catch {
      // A listener's bug is its own.
    }
  };
}

/** Plans every job against the journal: skipped, failed earlier, resumed or started; a changed job is refused. */
function plan(
  jobs: readonly BatchJob[],
  histories: ReadonlyMap<string, JobHistory>,
  journal: Journal,
  options: ResolvedBatchOptions,
  counters: BatchCounters,
) {
  const scheduled: ScheduledJob[] = [];
  const earlierFailures: BatchFailure[] = [];
  const problems: BatchProblem[] = [];
  let skipped = 0;
  for (const job of jobs) {
    const hash = jobHash(job);
    const planned = planJob(hash, histories.get(job.id), options.retryFailed);
    if (planned.action === "skip") skipped++;
    else if (planned.action === "failed") earlierFailures.push(planned.failure);
    else if (planned.action === "changed")
      problems.push({
        line: job.line,
        id: job.id,
        message: `changed since the journal ${journal.path} recorded it: restore the line, give the job a new id, or use another journal`,
      });
    else {
      if (planned.unansweredCreate) counters.possibleDuplicateCreates++;
      if (planned.cutStream) counters.repeatedStreams++;
      scheduled.push({ job, hash, plan: planned });
    }
  }
  if (problems.length > 0) throw new BatchValidationError(problems);
  // Tasks already paid for first: they only need following, and finish the soonest.
  scheduled.sort((a, b) => Number(b.plan.resume !== undefined) - Number(a.plan.resume !== undefined));
  return { scheduled, earlierFailures, skipped };
}

/**
 * Runs a batch of jobs (see `parseBatchJobs`) and resolves with its summary once every job is done or failed.
 *
 * Before anything is sent, the jobs are checked (`BatchValidationError` with every problem) and the journal is
 * read: jobs done are skipped, tasks created are followed (never created again), a job changed since it was
 * journaled is refused. Temp files a killed run left at the outputs (`.<name>.<random>.part`) are removed. Creates go out one at a time and each task id is on disk as soon as its create
 * answers, so a crash duplicates at most the one create in flight. Up to `concurrency` jobs are in progress at
 * once; a 429 or 503 slows the whole batch (the limit halves, then grows back), and `maxRequestsPerSecond`
 * caps its rate. A job that fails (a task status, an API refusal, a download that fails after its retries) is
 * journaled as failed and the others go on. An abort rejects with the signal's reason once every job in
 * flight has stopped, with no partial file left and the journal consistent; a create already sent is awaited
 * and journaled first.
 */
export async function runBatch(
  camb: CambClient,
  jobs: readonly BatchJob[],
  options: RunBatchOptions,
): Promise<BatchSummary> {
  const o = resolveBatchOptions(options);
  const startedAt = Date.now();
  options.signal?.throwIfAborted();
  const problems = validateJobs(jobs, o.baseDir, o.reserved);
  if (problems.length > 0) throw new BatchValidationError(problems);
  await mkdir(o.outputDir, { recursive: true });
  await mkdir(dirname(o.journal), { recursive: true });
  const unlock = await lockJournal(o.journal);
  try {
    const journal = await Journal.open(o.journal);
    try {
      return await runPlanned(camb, jobs, journal, o, options, startedAt);
    } finally {
      await journal.close();
    }
  } finally {
    await unlock();
  }
}

async function runPlanned(
  camb: CambClient,
  jobs: readonly BatchJob[],
  journal: Journal,
  o: ResolvedBatchOptions,
  options: RunBatchOptions,
  startedAt: number,
): Promise<BatchSummary> {
  const counters: BatchCounters = { createsSent: 0, possibleDuplicateCreates: 0, repeatedStreams: 0 };
  const histories = foldJournal(journal.records);
  const { scheduled, earlierFailures, skipped } = plan(jobs, histories, journal, o, counters);
  // What a killed run was writing is of no use to this one (each save starts a fresh temp file).
  await removeStaleTemps(jobs, o.outputDir, (id) => histories.get(id)?.state === "done");
  const emit = emitter(options.onEvent);
  // One controller for the whole run: the caller's abort, or a journal that cannot be written, stops every job.
  const stop = new AbortController();
  let fatal: { error: unknown } | undefined;
  const onAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  const limit = new AdaptiveLimit({
    max: o.concurrency,
    maxRequestsPerSecond: o.maxRequestsPerSecond,
    onThrottle: ({ limit, retryAfterMs }) =>
      emit({ type: "throttled", limit, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }),
  });
  const unpace = paceClient(camb, limit);
  const lane = new CreateLane(camb); // after the pacing: a create waits at the gate, then leaves the lane's watch
  const context: BatchContext = {
    camb,
    record: (entry) =>
      journal.append(entry).catch((error: unknown) => {
        fatal ??= { error };
        stop.abort(error);
        throw error;
      }),
    lane,
    schedule: new LearnedSchedule({
      known: knownDurations(journal.records),
      random: o.random,
      fallback: o.fallback,
    }),
    retry: o.retry,
    timeoutMs: o.timeoutMs,
    outputDir: o.outputDir,
    baseDir: o.baseDir,
    counters,
    emit,
  };
  const tally = new BatchTally(jobs.length, scheduled.length, skipped, earlierFailures, startedAt);
  emit({ type: "start", total: jobs.length, pending: scheduled.length, skipped });
  emit(tally.progress());
  const jobSignals = new JobSignals(stop.signal);
  try {
    const running = new Set<Promise<void>>();
    for (const item of scheduled) {
      let release: () => void;
      try {
        release = await limit.acquire(stop.signal);
      } catch {
        break; // stopped: no new job starts
      }
      const own = jobSignals.open();
      const job = runJob(context, item, tally, stop.signal, own.signal).finally(() => {
        own.close();
        release();
        running.delete(job);
      });
      running.add(job);
    }
    await Promise.all(running);
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    jobSignals.close();
    lane.close();
    unpace();
  }
  if (fatal) throw fatal.error;
  if (stop.signal.aborted) throw stop.signal.reason;
  return {
    total: jobs.length,
    done: tally.done,
    failed: tally.failed,
    skipped,
    ...counters,
    elapsedMs: Date.now() - startedAt,
  };
}
