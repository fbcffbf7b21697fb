// Every check a batch makes before it spends anything: each job's fields, operation, body, path parameters,
// files and output, and the outputs against each other. All problems are collected, each with its line.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { families, type OperationId } from "@camb-kit/client/spec";
import { withDefaultExtension } from "../save-result.js";
import type { BatchJob, BatchProblem } from "./batch-types.js";
import { bodyProblems, pathProblems } from "./body-schema.js";
import { fileFields, jobKind, jobOperations, resultPathOf } from "./job-operations.js";
import { outputConflicts, outputPathProblem, type PlannedOutput } from "./output-paths.js";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The output path as it will be written: a file result without an extension gets its family's. */
export function plannedPath(job: Pick<BatchJob, "operation" | "output">): string {
  const kind = jobKind(job.operation);
  if (kind?.kind !== "task") return job.output;
  const entry = families[kind.family];
  return entry.resultIsAudio && entry.fileExtension
    ? withDefaultExtension(job.output, entry.fileExtension)
    : job.output;
}

/** What is wrong with the files a job's body points at: each must be a regular file under `baseDir`. */
function fileProblems(operation: OperationId, body: Record<string, unknown>, baseDir: string): string[] {
  const problems: string[] = [];
  for (const { name, list } of fileFields(operation)) {
    const value = body[name];
    if (value === undefined) continue;
    const paths = list && Array.isArray(value) ? value : [value];
    for (const path of paths) {
      if (typeof path !== "string" || path === "") {
        problems.push(`body.${name}: a file field takes a file path (relative to the jobs file's folder)`);
        continue;
      }
      const full = resolve(baseDir, path);
      const stats = statSync(full, { throwIfNoEntry: false });
      if (!stats) problems.push(`body.${name}: no file at ${full}`);
      else if (!stats.isFile()) problems.push(`body.${name}: ${full} is not a regular file`);
    }
  }
  return problems;
}

/** The problems of one job on its own (its outputs are compared with the others' afterwards). */
function jobProblems(job: BatchJob, baseDir: string): string[] {
  const problems: string[] = [];
  const kind = typeof job.operation === "string" ? jobKind(job.operation) : undefined;
  if (!kind) {
    problems.push(
      `operation: ${JSON.stringify(job.operation)} is not a task's create operation or a stream; one of ${jobOperations().join(", ")}`,
    );
  }
  if (!isRecord(job.body)) problems.push("body: must be an object");
  const pathOk =
    job.path === undefined ||
    (isRecord(job.path) &&
      Object.values(job.path).every((v) => typeof v === "string" || typeof v === "number"));
  if (!pathOk) problems.push("path: must be an object of strings and numbers (the create path's parameters)");
  const output = outputPathProblem(job.output);
  if (output) problems.push(output);
  if (!kind || !isRecord(job.body)) return problems;

  const operation = job.operation as OperationId;
  problems.push(...bodyProblems(operation, job.body));
  if (pathOk) problems.push(...pathProblems(operation, job.path));
  problems.push(...fileProblems(operation, job.body, baseDir));
  if (kind.kind === "task") {
    const entry = families[kind.family];
    if (entry.result === null && !entry.createMayFinish)
      problems.push(`operation: a ${kind.family} task has no result to save`);
    const { missing } = resultPathOf(kind.family, job);
    for (const name of missing)
      problems.push(`${name}: the ${kind.family} result is read per ${name}; give it in "path" or "body"`);
  }
  return problems;
}

/**
 * Every problem of `jobs`, sorted by line: ids unique, operations known, bodies and path parameters as the
 * spec's schemas say, file fields pointing at files under `baseDir`, outputs safe and apart from each other
 * and from `reserved` (the journal, when it is inside the output folder).
 */
export function validateJobs(
  jobs: readonly BatchJob[],
  baseDir: string,
  reserved: readonly string[] = [],
): BatchProblem[] {
  const problems: BatchProblem[] = [];
  const ids = new Map<string, number>();
  const outputs: PlannedOutput[] = [];
  for (const job of jobs) {
    const id = typeof job.id === "string" && job.id !== "" ? job.id : undefined;
    const add = (message: string) => problems.push({ line: job.line, ...(id ? { id } : {}), message });
    if (id === undefined) add("id: must be a non-empty string");
    else if (ids.has(id)) add(`id: "${id}" is also the id of line ${ids.get(id)}`);
    else ids.set(id, job.line);
    const own = jobProblems(job, baseDir);
    for (const message of own) add(message);
    if (id !== undefined && outputPathProblem(job.output) === undefined)
      outputs.push({ line: job.line, id, path: plannedPath(job) });
  }
  problems.push(...outputConflicts(outputs, reserved));
  return problems.sort((a, b) => a.line - b.line);
}
