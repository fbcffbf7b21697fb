// The errors a batch stops with before it runs: a bad jobs file, an unreadable journal, a journal in use.
import { CambError } from "@camb-kit/client";
import type { BatchProblem } from "./batch-types.js";

/** The jobs do not hold up: every problem found, each with its line. Nothing was sent. */
export class BatchValidationError extends CambError {
  override readonly name: string = "BatchValidationError";
  declare readonly problems: BatchProblem[];

  constructor(problems: BatchProblem[]) {
    const shown = problems.slice(0, 10).map((p) => `line ${p.line}${p.id ? ` (${p.id})` : ""}: ${p.message}`);
    const more = problems.length > shown.length ? [`… and ${problems.length - shown.length} more`] : [];
    super(`The batch has ${problems.length} problem(s):\n${[...shown, ...more].join("\n")}`);
    this.init({ problems });
  }
}

/** A line of the journal that is not a record, before its last line (a torn last line is ignored). */
export class BatchJournalError extends CambError {
  override readonly name: string = "BatchJournalError";
  declare readonly path: string;
  declare readonly line: number;

  constructor(path: string, line: number, detail: string) {
    super(`The batch journal ${path} is damaged at line ${line}: ${detail}`);
    this.init({ path, line });
  }
}

/** Another process that is still running holds the journal: two runs of one batch would both create tasks. */
export class BatchLockedError extends CambError {
  override readonly name: string = "BatchLockedError";
  declare readonly path: string;
  declare readonly pid: number;

  constructor(path: string, pid: number) {
    super(`The batch journal is in use by process ${pid} (lock file ${path}); wait for it to end`);
    this.init({ path, pid });
  }
}
