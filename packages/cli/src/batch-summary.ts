// A batch's summary for stdout (done, failed with reasons, skipped, what a crash may have repeated) and the
// exit code its outcome gives.
import { redactSecrets } from "@camb-kit/client/internal";
import type { BatchSummary } from "@camb-kit/node";
import { formatDuration } from "./batch-progress.js";
import { ExitCode } from "./exit-codes.js";

/** 0 when every job is done (now or in an earlier run), `batchIncomplete` when any failed. */
export function batchExitCode(summary: BatchSummary): number {
  return summary.failed.length === 0 ? ExitCode.ok : ExitCode.batchIncomplete;
}

/** The summary as lines: the counts, each failure with its reason, and what earlier crashes may have cost. */
export function summaryLines(summary: BatchSummary): string[] {
  const { total, done, failed, skipped } = summary;
  const lines = [
    `${total} job(s) in ${formatDuration(summary.elapsedMs)}: ${done} done, ${failed.length} failed, ${skipped} skipped (done before)`,
  ];
  for (const failure of failed) lines.push(`  failed ${failure.id}: ${failure.reason} (${failure.code})`);
  lines.push(`${summary.createsSent} task create(s) sent`);
  if (summary.possibleDuplicateCreates > 0)
    lines.push(
      `${summary.possibleDuplicateCreates} create(s) may have been sent twice: an earlier run stopped before their answer was journaled`,
    );
  if (summary.repeatedStreams > 0)
    lines.push(
      `${summary.repeatedStreams} stream(s) sent again: an earlier run stopped while they were streaming`,
    );
  if (failed.length > 0) lines.push("run the same command with --retry-failed to try the failed jobs again");
  return lines;
}

/** Prints the summary on stdout: one `{"type":"summary",…}` line with `--json` (after the events), else lines. */
export function printSummary(
  summary: BatchSummary,
  json: boolean,
  out: NodeJS.WritableStream = process.stdout,
) {
  const text = json ? JSON.stringify({ type: "summary", ...summary }) : summaryLines(summary).join("\n");
  out.write(`${redactSecrets(text)}\n`);
}
