// One stream job of a batch: the streamed answer saved as it arrives. A stream cannot be resumed, so one cut
// short (a crash, a failed try) is sent again whole, and counted.
import { relative, resolve } from "node:path";
import type { StreamSpeechBody } from "@camb-kit/client";
import { isRetryableDownloadError } from "../retry-download.js";
import { saveSpeech } from "../save-speech.js";
import type { BatchContext } from "./batch-context.js";
import { wasRefused, withRetries } from "./batch-retry.js";
import type { BatchJob } from "./batch-types.js";

/** Streams the job to its output (atomically) and answers the output's path relative to the output folder. */
export async function runStreamJob(
  context: BatchContext,
  job: BatchJob,
  signal: AbortSignal,
): Promise<{ output: string; durationMs: number }> {
  await context.record({ t: "streaming", id: job.id });
  const started = Date.now();
  const target = resolve(context.outputDir, job.output);
  // A stream's body may have been validated as the spec's request; the helper takes that request type.
  const body = job.body as unknown as StreamSpeechBody;
  const saved = await withRetries(
    () => saveSpeech(context.camb, body, target, { signal, mkdir: true }),
    context.retry,
    signal,
    isRetryableDownloadError,
    (error) => {
      // Turned away (429, 503): nothing was generated. Cut mid-way or failed on the server: it may have been.
      if (!wasRefused(error)) context.counters.repeatedStreams++;
    },
  );
  return { output: relative(context.outputDir, saved.path), durationMs: Date.now() - started };
}
