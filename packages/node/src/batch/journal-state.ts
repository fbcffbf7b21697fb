// What the journal says of each job, and what a new run does with it: skip it, resume its task, or start it.
import type { BatchFailure } from "./batch-types.js";
import type { JournalRecord } from "./journal.js";
import { sizeKey } from "./learned-schedule.js";

/** A task the journal knows a job has: polled (or saved) again, never created again. */
export interface KnownTask {
  taskId?: string | undefined;
  runId?: number | undefined;
  /** The create call answered the finished result in place of a task. */
  finished?: boolean | undefined;
  /** When the create answered (epoch ms): the task's age is counted from it. */
  createdAt: number;
}

/** One job's history, folded from its records in order. */
export interface JobHistory {
  hash: string | undefined;
  state: "new" | "creating" | "created" | "streaming" | "done" | "failed";
  task: KnownTask | undefined;
  failure: (BatchFailure & { resume: boolean }) | undefined;
}

/** Each job's history, by id. */
export function foldJournal(records: readonly JournalRecord[]): Map<string, JobHistory> {
  const histories = new Map<string, JobHistory>();
  for (const record of records) {
    let history = histories.get(record.id);
    if (!history) {
      history = { hash: undefined, state: "new", task: undefined, failure: undefined };
      histories.set(record.id, history);
    }
    switch (record.t) {
      case "job":
        // A job record with another hash starts the job over (a failed job that was fixed and retried).
        if (history.hash !== undefined && history.hash !== record.hash)
          Object.assign(history, { state: "new", task: undefined, failure: undefined });
        history.hash = record.hash;
        break;
      case "creating":
        Object.assign(history, { state: "creating", task: undefined, failure: undefined });
        break;
      case "created": {
        const { taskId, runId, finished, at } = record;
        history.state = "created";
        history.task = { taskId, runId, finished, createdAt: at };
        break;
      }
      case "streaming":
        history.state = "streaming";
        break;
      case "done":
        history.state = "done";
        break;
      case "failed":
        history.state = "failed";
        history.failure = {
          id: record.id,
          code: record.code,
          reason: record.reason,
          resume: record.resume === true,
        };
        break;
    }
  }
  return histories;
}

/** The durations of the tasks the journal saw finish, keyed as the learned schedule keys them. */
export function knownDurations(records: readonly JournalRecord[]): { key: string; durationMs: number }[] {
  return records.flatMap((record) =>
    record.t === "done" && record.family !== undefined
      ? [{ key: sizeKey(record.family, record.size), durationMs: record.durationMs }]
      : [],
  );
}

/** What a run does with one job, by its history. */
export type JobPlan =
  | { action: "skip" }
  | { action: "failed"; failure: BatchFailure }
  | { action: "changed" }
  | {
      action: "run";
      /** Write a `job` record first: the journal has none with this hash. */
      record: boolean;
      /** The task to follow instead of creating one. */
      resume: KnownTask | undefined;
      /** The last run sent a create whose answer never reached the journal. */
      unansweredCreate: boolean;
      /** The last run was streaming this job when it stopped. */
      cutStream: boolean;
    };

/** Decides a job's plan. A job changed since it was journaled is refused, unless it failed and is retried. */
export function planJob(hash: string, history: JobHistory | undefined, retryFailed: boolean): JobPlan {
  const fresh = {
    action: "run",
    record: true,
    resume: undefined,
    unansweredCreate: false,
    cutStream: false,
  } as const;
  if (!history || history.hash === undefined) return fresh;
  const failed = history.state === "failed";
  if (history.hash !== hash) return failed && retryFailed ? fresh : { action: "changed" };
  const same = { ...fresh, record: false };
  switch (history.state) {
    case "done":
      return { action: "skip" };
    case "failed": {
      const failure = history.failure!;
      if (!retryFailed)
        return { action: "failed", failure: { id: failure.id, code: failure.code, reason: failure.reason } };
      return failure.resume && history.task ? { ...same, resume: history.task } : same;
    }
    case "created":
      return { ...same, resume: history.task };
    case "creating":
      return { ...same, unansweredCreate: true };
    case "streaming":
      return { ...same, cutStream: true };
    default:
      return same;
  }
}
