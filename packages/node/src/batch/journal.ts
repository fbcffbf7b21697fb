// The batch journal: append-only JSONL beside the outputs, each record on disk (fsync'd) before the batch
// goes on, read back on the next run with a torn last line (a crash mid-write) dropped.
import { type FileHandle, mkdir, open, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fsyncFolder } from "../fsync.js";
import { BatchJournalError } from "./batch-errors.js";

type Stamped<T> = T & { id: string; at: number };

/** One step of one job, as written to the journal. `at` is the time it was written (epoch ms). */
export type JournalRecord =
  | Stamped<{ t: "job"; hash: string }>
  | Stamped<{ t: "creating" }>
  | Stamped<{ t: "created"; taskId?: string; runId?: number; finished?: true }>
  | Stamped<{ t: "streaming" }>
  | Stamped<{ t: "done"; output: string; durationMs: number; family?: string; size?: number }>
  | Stamped<{ t: "failed"; code: string; reason: string; resume?: true }>;

/** A record before it is stamped with the time. */
export type JournalEntry = JournalRecord extends infer R
  ? R extends unknown
    ? Omit<R, "at">
    : never
  : never;

const KINDS = new Set(["job", "creating", "created", "streaming", "done", "failed"]);

/** The records of a journal's text; a last line without its newline is torn and left out. */
function readRecords(path: string, text: string): { records: JournalRecord[]; keptBytes: number } {
  const end = text.lastIndexOf("\n") + 1;
  const records: JournalRecord[] = [];
  const lines = text.slice(0, end).split("\n");
  lines.pop(); // the empty string after the last newline
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new BatchJournalError(path, index + 1, "the line is not JSON");
    }
    const { t, id } = (record ?? {}) as { t?: unknown; id?: unknown };
    if (typeof t !== "string" || typeof id !== "string")
      throw new BatchJournalError(path, index + 1, "the line is not a journal record");
    // A kind a later version writes is skipped rather than misread.
    if (KINDS.has(t)) records.push(record as JournalRecord);
  });
  return { records, keptBytes: Buffer.byteLength(text.slice(0, end)) };
}

/** An open journal: the records it held when opened, and `append` for new ones. */
export class Journal {
  #tail: Promise<void> = Promise.resolve();
  #closed = false;

  private constructor(
    readonly path: string,
    readonly records: readonly JournalRecord[],
    private readonly handle: FileHandle,
    private readonly now: () => number,
  ) {}

  /** Opens (or creates, with its folder) the journal at `path` and reads what it holds. */
  static async open(path: string, now: () => number = Date.now): Promise<Journal> {
    await mkdir(dirname(path), { recursive: true });
    const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    const { records, keptBytes } = readRecords(path, text ?? "");
    if (text !== undefined && keptBytes < Buffer.byteLength(text)) {
      // Cut the torn line off, or the next record would be appended to its half.
      const torn = await open(path, "r+");
      await torn
        .truncate(keptBytes)
        .then(() => torn.sync())
        .finally(() => torn.close());
    }
    const handle = await open(path, "a");
    if (text === undefined) await fsyncFolder(dirname(path));
    return new Journal(path, records, handle, now);
  }

  /**
   * Appends a record and resolves once it is on disk. Records are written one at a time in call order, each
   * as one write of a whole line, so a crash leaves at most the last line torn.
   */
  append(entry: JournalEntry): Promise<void> {
    if (this.#closed) return Promise.reject(new Error("the batch journal is closed"));
    const line = `${JSON.stringify({ ...entry, at: this.now() })}\n`;
    const written = this.#tail.then(async () => {
      await this.handle.write(line);
      await this.handle.datasync();
    });
    this.#tail = written.catch(() => {});
    return written;
  }

  /** Waits for the records being written, then closes the file. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#tail;
    await this.handle.close();
  }
}
