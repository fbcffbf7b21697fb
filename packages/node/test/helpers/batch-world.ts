// What the batch tests share: a sandbox over real HTTP, folders for jobs and outputs, finished parent runs,
// jobs files, and the requests, files and events a run leaves behind.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { type CambClient, createCambClient, families, type TaskFamily } from "@camb-kit/client";
import { type OperationId, operationSchemas, operations } from "@camb-kit/client/spec";
import { createAndWait } from "@camb-kit/polling";
import { type RecordedRequest, type StartSandboxOptions, startSandbox } from "@camb-kit/sandbox";
import { afterEach } from "vitest";
import type { BatchEvent, RunBatchOptions } from "../../src/index.js";
import { saveResult } from "../../src/index.js";
import { tempDir } from "./temp-dir.js";

export const KEY = "sk-test-batch-0123456789";

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((sandbox) => sandbox.close()));
});

export interface BatchWorld {
  url: string;
  requests: RecordedRequest[];
  /** A client that does not retry: every retry seen is the batch's own. */
  camb: CambClient;
  /** The jobs file's folder (file fields are relative to it). */
  base: string;
  /** The output folder. */
  out: string;
  close(): Promise<void>;
}

/** A sandbox on 127.0.0.1 that answers SUCCESS at the first status check, and fresh folders. */
export async function batchWorld(options: StartSandboxOptions = {}): Promise<BatchWorld> {
  const sandbox = await startSandbox({ pendingPolls: 0, apiKeys: [KEY], ...options, port: 0 });
  open.push(sandbox);
  const camb = createCambClient({ apiKey: KEY, baseUrl: sandbox.url, retry: false });
  const [base, out] = await Promise.all([tempDir(), tempDir()]);
  return { url: sandbox.url, requests: sandbox.requests, camb, base, out, close: () => sandbox.close() };
}

/** Fast waits and retries, so a test's run takes milliseconds of sleep, not seconds. */
export const FAST: Pick<RunBatchOptions, "poll" | "retry"> = {
  poll: { intervalMs: 10, maxIntervalMs: 20 },
  retry: { baseDelayMs: 5, maxDelayMs: 20 },
};

/** The spec's example request body of an operation (a copy). */
export function exampleBody(operation: OperationId): Record<string, unknown> {
  return { ...((operationSchemas[operation].body?.example as Record<string, unknown> | undefined) ?? {}) };
}

/** A job line as the jobs file holds it. */
export interface JobLine {
  id: string;
  operation: string;
  body: Record<string, unknown>;
  output: string;
  path?: Record<string, string | number>;
}

/** The create operation of a family, as a job names it. */
export const createOf = (family: TaskFamily): string => families[family].operations.create;

/** A jobs file's text: one JSON job a line. */
export const jobsText = (jobs: readonly JobLine[]) =>
  `${jobs.map((job) => JSON.stringify(job)).join("\n")}\n`;

/** Requests routed to `operation` (matched by its path pattern and method). */
export function requestsOf(requests: readonly RecordedRequest[], operation: OperationId): RecordedRequest[] {
  const { method, pattern } = operations[operation];
  return requests.filter((request) => request.method === method && pattern.test(request.path));
}

/** Every create request of any task family the sandbox saw. */
export function createRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
  const ids = new Set(Object.values(families).map((entry) => entry.operations.create as OperationId));
  return [...ids].flatMap((id) => requestsOf(requests, id));
}

/** Every file under `dir`, relative and sorted (temp files `.*.part` included, to prove there are none). */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The records of a journal file, the torn last line (if any) left out. */
export async function journalRecords(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

/** Collects a run's events. */
export function eventLog() {
  const events: BatchEvent[] = [];
  return {
    events,
    onEvent: (event: BatchEvent) => events.push(event),
    of: <T extends BatchEvent["type"]>(type: T) =>
      events.filter((event): event is Extract<BatchEvent, { type: T }> => event.type === type),
  };
}

const poll = { intervalMs: 10, maxIntervalMs: 20 };

/** A finished run of `family` made from the spec's example (for a parent-run job's path). */
export async function finishedRun(
  camb: CambClient,
  family: TaskFamily,
  body: Record<string, unknown>,
): Promise<number> {
  const done = await createAndWait(camb, family as never, body as never, poll as never);
  return done.runId as number;
}

/** A real WAV file made by the sandbox (a sound task's result), at `path`: an upload the sandbox accepts. */
export async function realWav(camb: CambClient, family: TaskFamily, path: string): Promise<void> {
  const runId = await finishedRun(camb, family, exampleBody(createOf(family) as OperationId));
  await saveResult(camb, family as never, runId, path, {} as never);
}

/** Writes a small text file (a story's upload). */
export const writeText = (path: string, text: string) => writeFile(path, text);
