// The counts of a running batch: done, failed, skipped, and the rate and time left that progress reports.
import type { BatchEvent, BatchFailure } from "./batch-types.js";

export class BatchTally {
  done = 0;
  readonly failed: BatchFailure[];
  /** Jobs finished (done or failed) in this run: the rate is theirs. */
  #finished = 0;

  constructor(
    readonly total: number,
    /** Jobs this run works on. */
    readonly pending: number,
    /** Jobs done in an earlier run. */
    readonly skipped: number,
    /** Jobs failed in an earlier run and not retried. */
    earlierFailures: readonly BatchFailure[],
    readonly startedAt: number = Date.now(),
  ) {
    this.failed = [...earlierFailures];
  }

  markDone(): void {
    this.done++;
    this.#finished++;
  }

  markFailed(failure: BatchFailure): void {
    this.failed.push(failure);
    this.#finished++;
  }

  /** The progress event now: counts, jobs per minute in this run, and the time left at that rate. */
  progress(now: number = Date.now()): Extract<BatchEvent, { type: "progress" }> {
    const elapsed = Math.max(1, now - this.startedAt);
    const finished = this.#finished;
    const left = this.pending - finished;
    const event: Extract<BatchEvent, { type: "progress" }> = {
      type: "progress",
      done: this.done,
      failed: this.failed.length,
      skipped: this.skipped,
      total: this.total,
      ratePerMin: Math.round((finished / elapsed) * 60_000 * 100) / 100,
    };
    if (finished > 0) event.etaMs = Math.round((elapsed / finished) * Math.max(0, left));
    return event;
  }
}
