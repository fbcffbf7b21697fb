// Progress on stderr: a live bar in a terminal, plain throttled lines in logs and pipes, nothing when quiet.
import { SingleBar } from "cli-progress";
import pc from "picocolors";

export interface Reporter {
  /** A status line, e.g. "creating text-to-sound task". */
  step(message: string): void;
  /** A task status seen while waiting. */
  status(label: string, status: string, elapsedMs: number): void;
  /** Bytes written so far for one file. */
  bytes(label: string, bytes: number, totalBytes: number | undefined): void;
  /** A folder being written: the file being written (1-based) and the bytes of the whole folder so far. */
  folder(label: string, file: number, bytes: number): void;
  /** Ends any live bar. */
  done(): void;
}

const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;
/** A folder's size so far: KiB while under a MiB, so a folder of small files does not read "0.0 MiB". */
const size = (bytes: number) => (bytes < 1_048_576 ? `${(bytes / 1024).toFixed(1)} KiB` : mib(bytes));

/**
 * Progress on stderr: a live bar in a terminal, plain lines otherwise (CI logs, pipes). Nothing goes to
 * stdout, which belongs to the results (and to `--json`).
 */
export function createReporter(stream: NodeJS.WriteStream = process.stderr, quiet = false): Reporter {
  if (quiet) return { step() {}, status() {}, bytes() {}, folder() {}, done() {} };
  if (stream.isTTY) return ttyReporter(stream);
  let lastReported = new Map<string, number>();
  let lastFile = 0;
  return {
    step: (message) => stream.write(`${message}\n`),
    status: (label, status, elapsedMs) =>
      stream.write(`${label}: ${status} after ${(elapsedMs / 1000).toFixed(1)} s\n`),
    bytes(label, bytes, totalBytes) {
      // Plain output: one line per 4 MiB, so logs stay readable for long downloads.
      const previous = lastReported.get(label) ?? -1;
      if (previous >= 0 && bytes - previous < 4 * 1_048_576 && bytes !== totalBytes) return;
      lastReported.set(label, bytes);
      stream.write(`${label}: ${mib(bytes)}${totalBytes ? ` of ${mib(totalBytes)}` : ""}\n`);
    },
    folder(label, file, bytes) {
      // Plain output: a line as each file starts, and one per 4 MiB within a large one.
      const previous = lastReported.get(label) ?? -1;
      if (file === lastFile && bytes - previous < 4 * 1_048_576) return;
      lastFile = file;
      lastReported.set(label, bytes);
      stream.write(`${label}: file ${file}, ${size(bytes)}\n`);
    },
    done() {
      lastReported = new Map();
      lastFile = 0;
    },
  };
}

function ttyReporter(stream: NodeJS.WriteStream): Reporter {
  let bar: SingleBar | undefined;
  let barLabel = "";
  let writingFolder = false;
  const stop = () => {
    bar?.stop();
    bar = undefined;
    // End the folder's line, rewritten in place until now, so what follows starts on its own.
    if (writingFolder) stream.write("\n");
    writingFolder = false;
  };
  return {
    step(message) {
      stop();
      stream.write(`${pc.dim("›")} ${message}\n`);
    },
    status(label, status, elapsedMs) {
      stop();
      stream.write(
        `${pc.dim("›")} ${label}: ${pc.bold(status)} ${pc.dim(`${(elapsedMs / 1000).toFixed(1)} s`)}\n`,
      );
    },
    bytes(label, bytes, totalBytes) {
      if (!bar || barLabel !== label) {
        stop();
        barLabel = label;
        bar = new SingleBar({
          stream,
          format: `${label} {bar} {value_mib}${totalBytes ? " / {total_mib}" : ""}`,
          hideCursor: true,
          clearOnComplete: false,
        });
        bar.start(totalBytes ?? Math.max(bytes, 1), 0, {
          value_mib: mib(0),
          total_mib: mib(totalBytes ?? 0),
        });
      }
      if (!totalBytes) bar.setTotal(Math.max(bytes, 1));
      bar.update(bytes, { value_mib: mib(bytes), total_mib: mib(totalBytes ?? bytes) });
    },
    folder(label, file, bytes) {
      // One line rewritten in place: the folder's total has no known end, so no bar.
      if (bar) stop();
      stream.write(`\r${pc.dim("›")} ${label}: file ${file}, ${size(bytes)}\x1b[K`);
      writingFolder = true;
    },
    done: stop,
  };
}
