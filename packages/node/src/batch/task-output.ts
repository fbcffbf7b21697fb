// Saving what a finished task of a batch holds at its output: the result read by its run id, or for a family
// with no result endpoint the files its create call answered.
import { relative, resolve } from "node:path";
import { type CreatableTaskFamily, families, type ResultFamily } from "@camb-kit/client";
import { saveResult } from "../save-result.js";
import { saveResultAssets } from "../save-result-assets.js";
import type { BatchContext } from "./batch-context.js";
import type { BatchJob } from "./batch-types.js";
import { resultPathOf } from "./job-operations.js";

/** The finished task: its run id, and the create answer when that answer holds the files. */
export interface FinishedTask {
  runId: number | undefined;
  files: unknown;
}

/**
 * Saves the task's output atomically (a file, or a folder written all or nothing) and answers its path
 * relative to the output folder. Downloads are tried again per the batch's retry policy.
 */
export async function saveTaskOutput(
  context: BatchContext,
  family: CreatableTaskFamily,
  job: BatchJob,
  finished: FinishedTask,
  signal: AbortSignal,
): Promise<string> {
  const target = resolve(context.outputDir, job.output);
  const downloadAttempts = context.retry.attempts;
  let saved: { path: string };
  if (families[family].result !== null && finished.runId !== undefined) {
    const { path } = resultPathOf(family, job);
    // `path` is filled exactly for the families whose result path takes more than the run id (validated).
    const save = saveResult as unknown as (...args: unknown[]) => Promise<{ path: string }>;
    saved = await save(context.camb, family, finished.runId, target, {
      signal,
      mkdir: true,
      downloadAttempts,
      ...(path ? { path } : {}),
    });
  } else {
    // A family with no result endpoint: its create answer is the result, saved as a folder like any JSON one.
    saved = await saveResultAssets(
      context.camb,
      family as ResultFamily,
      finished.runId ?? 0,
      target,
      { signal, downloadAttempts },
      { result: finished.files },
    );
  }
  return relative(context.outputDir, saved.path);
}
