// A batch's progress from its events: JSON lines on stdout (--json), a live bar on a TTY, plain lines in logs
// and pipes, nothing when quiet. Counts, rate and ETA come from the runner's own progress events.
import { redactSecrets } from "@camb-kit/client/internal";
import type { BatchEvent } from "@camb-kit/node";
import { SingleBar } from "cli-progress";
import pc from "picocolors";

/** Where a batch's events go; `done()` ends any live bar before the summary is printed. */
export interface BatchProgress {
  event(event: BatchEvent): void;
  done(): void;
}

type Counts = Extract<BatchEvent, { type: "progress" }>;

/** "45 s", "3 min 20 s", "2 h 05 min": an ETA or an elapsed time, as precise as it needs to be. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

const rateOf = (counts: Counts) => `${counts.ratePerMin.toFixed(1)} jobs/min`;
const etaOf = (counts: Counts) =>
  counts.etaMs === undefined ? "ETA –" : `ETA ${formatDuration(counts.etaMs)}`;

/** Every event as one JSON line on stdout (a key a server echoed never printed). */
function jsonLines(out: NodeJS.WritableStream): BatchProgress {
  return {
    event: (event) => out.write(`${redactSecrets(JSON.stringify(event))}\n`),
    done() {},
  };
}

/**
 * Plain lines on stderr for logs: the start, every failure and slow-down as it happens, and the counts each
 * time another 5% of the jobs has settled (so a 5,000-job batch writes about 20 progress lines, not 5,000).
 */
function plainLines(err: NodeJS.WritableStream): BatchProgress {
  let step = -1;
  return {
    event(event) {
      if (event.type === "start") {
        err.write(`batch: ${event.total} job(s), ${event.pending} to run, ${event.skipped} already done\n`);
      } else if (event.type === "failed") {
        err.write(redactSecrets(`failed ${event.id}: ${event.reason} (${event.code})\n`));
      } else if (event.type === "throttled") {
        const pause =
          event.retryAfterMs === undefined ? "" : `, pausing ${formatDuration(event.retryAfterMs)}`;
        err.write(`rate-limited: concurrency now ${event.limit}${pause}\n`);
      } else if (event.type === "progress") {
        const settled = event.done + event.failed + event.skipped;
        const now = event.total === 0 ? 20 : Math.floor((settled * 20) / event.total);
        if (now === step) return;
        step = now;
        err.write(
          `${settled}/${event.total}: ${event.done} done, ${event.failed} failed, ${event.skipped} skipped; ${rateOf(event)}, ${etaOf(event)}\n`,
        );
      }
    },
    done() {},
  };
}

/** A live bar on stderr: settled jobs of the total, the counts by outcome, the rate and the ETA. */
function liveBar(err: NodeJS.WriteStream): BatchProgress {
  const bar = new SingleBar({
    stream: err,
    format: `batch {bar} {value}/{total} ${pc.green("{done} done")} ${pc.red("{failed} failed")} {skipped} skipped · {rate} · {left}`,
    hideCursor: true,
    clearOnComplete: false,
  });
  let started = false;
  return {
    event(event) {
      if (event.type === "start") {
        bar.start(event.total, event.skipped, {
          done: 0,
          failed: 0,
          skipped: event.skipped,
          rate: "– jobs/min",
          left: "ETA –",
        });
        started = true;
      } else if (event.type === "progress" && started) {
        bar.update(event.done + event.failed + event.skipped, {
          done: event.done,
          failed: event.failed,
          skipped: event.skipped,
          rate: rateOf(event),
          left: etaOf(event),
        });
      }
    },
    done() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** Picks how progress is shown: `--json` lines on stdout, else a TTY bar, plain lines, or (quiet) nothing. */
export function createBatchProgress(options: {
  json: boolean;
  quiet: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WriteStream;
}): BatchProgress {
  const { out = process.stdout, err = process.stderr } = options;
  if (options.json) return jsonLines(out);
  if (options.quiet) return { event() {}, done() {} };
  return err.isTTY ? liveBar(err) : plainLines(err);
}
