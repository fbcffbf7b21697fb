// parseBatchJobs: a JSONL jobs file read and checked whole, every problem reported with its line.

import { BatchValidationError } from "./batch-errors.js";
import type { BatchJob, BatchProblem } from "./batch-types.js";
import { validateJobs } from "./validate-jobs.js";

const FIELDS = new Set(["id", "operation", "body", "path", "output"]);

/** One line as a job, or the problem that keeps it from being one. */
function parseLine(text: string, line: number): BatchJob | BatchProblem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, message: `not a JSON object: ${(error as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { line, message: "not a JSON object: each line is one job, { id, operation, body, output }" };
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) {
    const id = typeof record.id === "string" ? record.id : undefined;
    return { line, ...(id ? { id } : {}), message: `unknown field(s) ${unknown.join(", ")}` };
  }
  const job = { ...record, line } as unknown as BatchJob;
  if (record.path === undefined) delete job.path;
  return job;
}

/**
 * Reads a jobs file: one JSON job a line (`{ "id", "operation", "body", "path"?, "output" }`), blank lines
 * ignored. Checks everything before anything is sent: ids unique, each operation a task's create operation
 * or a streamed one, bodies and path parameters against the spec's schemas, file fields pointing at files
 * (relative to `baseDir`, default the current folder), outputs relative, inside the output folder and apart
 * from each other. Throws `BatchValidationError` with every problem found, each with its line.
 */
export function parseBatchJobs(text: string, options: { baseDir?: string } = {}): BatchJob[] {
  const jobs: BatchJob[] = [];
  const problems: BatchProblem[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((content, index) => {
    if (content.trim() === "") return;
    const parsed = parseLine(content, index + 1);
    if ("message" in parsed) problems.push(parsed);
    else jobs.push(parsed);
  });
  problems.push(...validateJobs(jobs, options.baseDir ?? process.cwd()));
  if (problems.length > 0) throw new BatchValidationError(problems.sort((a, b) => a.line - b.line));
  return jobs;
}
