// What every job of a running batch shares: the client, the journal, the create lane, the learned schedule,
// the retry policy, the folders and the counters the summary reports.
import type { CambClient } from "@camb-kit/client";
import type { RetryPolicy } from "./batch-retry.js";
import type { BatchEvent } from "./batch-types.js";
import type { CreateLane } from "./create-lane.js";
import type { JournalEntry } from "./journal.js";
import type { LearnedSchedule } from "./learned-schedule.js";

export interface BatchCounters {
  createsSent: number;
  possibleDuplicateCreates: number;
  repeatedStreams: number;
}

export interface BatchContext {
  camb: CambClient;
  /** Appends a journal record and resolves once it is on disk; a failed write stops the whole batch. */
  record(entry: JournalEntry): Promise<void>;
  lane: CreateLane;
  schedule: LearnedSchedule;
  retry: RetryPolicy;
  /** Time a task may take from its create, in ms. */
  timeoutMs: number;
  outputDir: string;
  baseDir: string;
  counters: BatchCounters;
  emit(event: BatchEvent): void;
}

/** The stage a job reached, which decides whether a retry of it may follow its task instead of creating one. */
export interface JobProgress {
  /** A task exists for the job (created in this run or an earlier one). */
  task: boolean;
  /** The task itself ended badly, or the status call refused it: following it again cannot help. */
  taskLost: boolean;
}
