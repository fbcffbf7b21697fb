// A task's life in the sandbox: its outcome (from a marker or the option) and what each status poll answers.
import type { TaskFamily, TaskStatusResult } from "@camb-kit/client/spec";
import type { Json } from "../openapi/json.js";
import type { TaskOutcome } from "../types.js";
import type { ResolvedOptions } from "./options.js";
import type { SourceMedia } from "./source-media.js";

export interface TaskRecord {
  id: string;
  family: TaskFamily;
  createdAt: number;
  polls: number;
  outcome: TaskOutcome;
  /** The validated create body: the result's audio is derived from it. */
  input: Json;
  runId: number | undefined;
  /** The source media's facts, when the create call uploaded it (read while the upload arrived). */
  media?: SourceMedia;
}

export interface RunRecord {
  id: number;
  family: TaskFamily;
  taskId: string;
  input: Json;
  /** The source media's facts: from the upload, or worked out from the input's URL on first use. */
  media?: SourceMedia;
}

/** Markers a string field of the input can carry to force an outcome (documented in the README). */
const MARKERS: readonly [marker: string, outcome: TaskOutcome][] = [
  ["[sandbox:error]", "ERROR"],
  ["[sandbox:timeout]", "TIMEOUT"],
  ["[sandbox:payment]", "PAYMENT_REQUIRED"],
];

function strings(value: Json | undefined, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === "object") for (const item of Object.values(value)) strings(item, out);
  return out;
}

/** The outcome a task will have: a marker in any string field wins over the `outcome` option. */
export function outcomeFor(input: Json | undefined, fallback: TaskOutcome): TaskOutcome {
  const texts = strings(input);
  for (const [marker, outcome] of MARKERS) if (texts.some((t) => t.includes(marker))) return outcome;
  return fallback;
}

const FAILURES: Record<Exclude<TaskOutcome, "SUCCESS">, Omit<TaskStatusResult, "status">> = {
  ERROR: {
    run_id: null,
    exception_reason: "PROCESSING_ERROR",
    message: "The sandbox failed this task on purpose ([sandbox:error] or outcome: ERROR).",
  },
  TIMEOUT: {
    run_id: null,
    exception_reason: null,
    message: "Processing took too long; try splitting the input ([sandbox:timeout] or outcome: TIMEOUT).",
  },
  PAYMENT_REQUIRED: {
    run_id: null,
    exception_reason: "PAYMENT_REQUIRED",
    message: "Not enough credits ([sandbox:payment] or outcome: PAYMENT_REQUIRED).",
  },
};

/**
 * One status check: counts the poll, and answers PENDING until `pendingPolls` polls (or `pendingMs`) have
 * passed. A run id is allocated the first time SUCCESS is reported, as the real API reports it.
 */
export function pollTask(
  task: TaskRecord,
  options: ResolvedOptions,
  allocateRun: (task: TaskRecord) => number,
): TaskStatusResult {
  task.polls++;
  const done =
    options.pendingMs !== undefined
      ? options.now() - task.createdAt >= options.pendingMs
      : task.polls > options.pendingPolls;
  if (!done) return { status: "PENDING", run_id: null, exception_reason: null, message: null };
  if (task.outcome !== "SUCCESS") return { status: task.outcome, ...FAILURES[task.outcome] };
  task.runId ??= allocateRun(task);
  return { status: "SUCCESS", run_id: task.runId, exception_reason: null, message: null };
}
