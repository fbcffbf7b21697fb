// Waiting for one task of a batch: polling's status check, on the schedule the batch learned from the tasks
// that finished before it, with transient failures backed off and a deadline counted from the create.
import type { CambClient, PollableTaskFamily } from "@camb-kit/client";
import { sleep } from "@camb-kit/client/internal";
import { PollTimeoutError, type TaskSuccess } from "@camb-kit/polling";
import { statusCheck } from "@camb-kit/polling/internal";
import { backoffDelay, type RetryPolicy } from "./batch-retry.js";
import type { LearnedSchedule } from "./learned-schedule.js";

export interface LearnedWait {
  camb: CambClient;
  schedule: LearnedSchedule;
  /** The schedule's key for this task: its family and input size. */
  key: string;
  retry: RetryPolicy;
  /** Time the task may take from its create, in ms. */
  timeoutMs: number;
  signal: AbortSignal;
  /** Told each new status (`PENDING`, `SUCCESS`, `2 run(s)`), not every check. */
  onStatus: (label: string) => void;
}

/** What a task resolves with, and the best estimate of how long it ran (for the schedule to learn). */
export interface WaitResult {
  success: TaskSuccess<PollableTaskFamily>;
  /** Midway between the last check that saw it running and the one that saw it done; undefined if unknown. */
  durationMs: number | undefined;
}

/** A status answer in a word: its `status`, or for a list of runs how many it holds so far. */
export function statusLabel(status: unknown): string {
  if (Array.isArray(status)) return status.length === 0 ? "no run yet" : `${status.length} run(s)`;
  const state = (status as { status?: unknown } | null)?.status;
  return typeof state === "string" ? state : "unknown";
}

/**
 * Polls `taskId` until it ends. `createdAt` is when its create answered (now for a new task, the journal's time
 * for one resumed after a crash), so a resumed task keeps its age and its deadline. `seenRunning` says whether
 * the task is known to have been running at `createdAt` (true for a task this run created): only then does a
 * first check that finds it done give a duration worth learning. Rejects with the typed error of a failure
 * status, the status call's final error, `PollTimeoutError`, or the signal's reason.
 */
export async function waitLearned(
  wait: LearnedWait,
  family: PollableTaskFamily,
  taskId: string,
  createdAt: number,
  seenRunning: boolean,
): Promise<WaitResult> {
  const { schedule, key, retry, signal } = wait;
  const check = statusCheck(wait.camb, family, taskId, "fail");
  const deadline = createdAt + wait.timeoutMs;
  let lastRunning = seenRunning ? 0 : undefined;
  let label: string | undefined;
  let lastStatus: unknown;
  let transient = 0;
  let lastError: unknown;
  for (let attempt = 0; ; ) {
    const elapsed = Date.now() - createdAt;
    const planned =
      transient > 0 ? backoffDelay(retry, transient, lastError) : schedule.nextDelay(key, elapsed, attempt);
    await sleep(Math.max(0, Math.min(planned, deadline - Date.now())), signal);
    const outcome = await check({ attempt: ++attempt, signal });
    signal.throwIfAborted();
    const at = Date.now() - createdAt;
    if (outcome.state === "transient") {
      lastError = outcome.error;
      if (++transient >= retry.attempts) throw outcome.error;
    } else {
      transient = 0;
      lastStatus = outcome.status;
      const seen = statusLabel(outcome.status);
      if (seen !== label) {
        label = seen;
        wait.onStatus(seen);
      }
      if (outcome.state === "success") {
        const durationMs = lastRunning === undefined ? undefined : Math.round((lastRunning + at) / 2);
        return { success: outcome.value, durationMs };
      }
      if (outcome.state === "failure") throw outcome.error;
      lastRunning = at;
    }
    if (Date.now() >= deadline) {
      const cause = outcome.state === "transient" ? outcome.error : undefined;
      throw new PollTimeoutError({ elapsedMs: at, attempts: attempt, lastStatus, taskId, cause });
    }
  }
}
