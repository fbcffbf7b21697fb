// `camb batch <jobs.jsonl> -o <dir>`: a jobs file through runBatch, which journals every step beside the
// outputs, so a rerun after a crash resumes without creating (and paying for) a task twice.
import { mkdir, readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { redactSecrets } from "@camb-kit/client/internal";
import { BatchValidationError, parseBatchJobs, runBatch } from "@camb-kit/node";
import { Command } from "commander";
import { createBatchProgress } from "../batch-progress.js";
import { batchExitCode, printSummary } from "../batch-summary.js";
import type { Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { InputError } from "../exit-codes.js";

export interface BatchOptions {
  output: string;
  concurrency: string;
  rate?: string;
  retryFailed?: boolean;
  journal?: string;
  pollInterval?: string;
  /** The global `-q`: no progress (the summary is still printed). */
  quiet?: boolean;
}

function positive(value: string, flag: string, integer: boolean): number {
  const number = Number(value);
  const ok = Number.isFinite(number) && number > 0 && (!integer || Number.isInteger(number));
  if (!ok || value.trim() === "")
    throw new InputError(`${flag} must be a positive ${integer ? "integer" : "number"}, got "${value}"`);
  return number;
}

async function readJobs(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(`cannot read the jobs file ${file}: ${(error as NodeJS.ErrnoException).code}`, {
      cause: error,
    });
  }
}

/** With --json, an invalid file is one `{"type":"invalid",problems}` line on stdout (stderr has the message). */
function reportInvalid(context: Context, error: BatchValidationError): void {
  if (context.json)
    process.stdout.write(`${redactSecrets(JSON.stringify({ type: "invalid", problems: error.problems }))}\n`);
}

/**
 * Checks the whole file first (a bad line is reported with its number and nothing is spent), then runs every
 * job with progress on stderr (or JSON events on stdout), prints the summary and answers the exit code.
 */
export async function batch(context: Context, file: string, options: BatchOptions): Promise<number> {
  const concurrency = positive(options.concurrency, "--concurrency", true);
  const rate =
    options.rate === undefined ? undefined : positive(options.rate.replace(/\/s$/, ""), "--rate", false);
  const pollInterval =
    options.pollInterval === undefined ? undefined : positive(options.pollInterval, "--poll-interval", true);
  // The embedded sandbox finishes in a poll or two: its context polls fast, and so does the batch.
  const poll = pollInterval === undefined ? context.poll : { ...context.poll, intervalMs: pollInterval };
  const baseDir = dirname(resolve(file));
  const progress = createBatchProgress({ json: context.json, quiet: options.quiet === true });
  try {
    const jobs = parseBatchJobs(await readJobs(file), { baseDir });
    await mkdir(options.output, { recursive: true });
    const summary = await runBatch(context.client, jobs, {
      outputDir: options.output,
      baseDir,
      concurrency,
      ...(rate === undefined ? {} : { maxRequestsPerSecond: rate }),
      ...(options.journal === undefined ? {} : { journal: options.journal }),
      retryFailed: options.retryFailed === true,
      poll,
      signal: context.signal,
      onEvent: (event) => progress.event(event),
    });
    progress.done();
    printSummary(summary, context.json);
    return batchExitCode(summary);
  } catch (error) {
    progress.done();
    if (error instanceof BatchValidationError) reportInvalid(context, error);
    throw error;
  }
}

export function batchCommand(run: Run): Command {
  return new Command("batch")
    .argument("<jobs>", "a JSONL file, one job a line: { id, operation, body, output }")
    .description(
      "run a jobs file: resumable after a crash (a journal beside the outputs), never creating a task twice",
    )
    .requiredOption("-o, --output <dir>", "folder for the outputs (each job's output is relative to it)")
    .option("--concurrency <n>", "jobs in progress at once (polls, downloads, streams)", "4")
    .option("--rate <n/s>", "at most this many requests a second, for the whole batch")
    .option("--retry-failed", "run again the jobs an earlier run recorded as failed")
    .option("--journal <file>", "the journal (default <output>/.camb-batch.jsonl)")
    .option(
      "--poll-interval <ms>",
      "first status check of a task, until the batch has learned how long they take",
    )
    .action((file: string, options: BatchOptions, command: Command) => {
      const { quiet } = command.optsWithGlobals<{ quiet?: boolean }>();
      return run(command, (context) => batch(context, file, { ...options, quiet }));
    });
}
