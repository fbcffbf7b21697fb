// runBatch's options with their defaults filled in, checked before anything is read or sent.
import { isAbsolute, join, relative, resolve } from "node:path";
import { DEFAULT_TIMEOUT_MS, resolvePollOptions, scheduledDelay } from "@camb-kit/polling/internal";
import { type RetryPolicy, resolveRetry } from "./batch-retry.js";
import type { RunBatchOptions } from "./batch-types.js";

/** The journal's name in the output folder when no other path is given. */
export const JOURNAL_NAME = ".camb-batch.jsonl";

export interface ResolvedBatchOptions {
  outputDir: string;
  journal: string;
  baseDir: string;
  concurrency: number;
  maxRequestsPerSecond: number | undefined;
  retryFailed: boolean;
  timeoutMs: number;
  /** The schedule before anything is learned: polling's, with the poll options given. */
  fallback: (attempt: number) => number;
  random: () => number;
  retry: RetryPolicy;
  /** Paths inside the output folder no output may take (the journal and its lock, when they are there). */
  reserved: string[];
}

export function resolveBatchOptions(options: RunBatchOptions): ResolvedBatchOptions {
  if (typeof options !== "object" || options === null)
    throw new TypeError("runBatch: options must be an object");
  if (typeof options.outputDir !== "string" || options.outputDir === "")
    throw new TypeError("runBatch: outputDir must be a folder path");
  const outputDir = resolve(options.outputDir);
  const journal = resolve(options.journal ?? join(outputDir, JOURNAL_NAME));
  const concurrency = options.concurrency ?? 4;
  if (!(Number.isInteger(concurrency) && concurrency >= 1))
    throw new RangeError(`concurrency must be an integer >= 1, got ${concurrency}`);
  const { poll = {} } = options;
  const timeoutMs = poll.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new RangeError(`poll.timeoutMs must be > 0, got ${timeoutMs}`);
  const random = poll.random ?? Math.random;
  const schedule = resolvePollOptions({
    intervalMs: poll.intervalMs,
    initialDelayMs: poll.initialDelayMs,
    maxIntervalMs: poll.maxIntervalMs,
    random,
  });
  const inside = relative(outputDir, journal);
  const reserved = inside.startsWith("..") || isAbsolute(inside) ? [] : [inside, `${inside}.lock`];
  return {
    outputDir,
    journal,
    baseDir: resolve(options.baseDir ?? process.cwd()),
    concurrency,
    maxRequestsPerSecond: options.maxRequestsPerSecond,
    retryFailed: options.retryFailed ?? false,
    timeoutMs,
    fallback: (attempt) => scheduledDelay(schedule, attempt),
    random,
    retry: resolveRetry(options.retry, random),
    reserved,
  };
}
