// A rerun reads the journal a crash left: created tasks are followed (never created again), an unanswered
// create is counted, a torn last line is dropped, a changed job is refused, a journal in use is not shared.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTask, unwrap } from "@camb-kit/client";
import { families, type OperationId } from "@camb-kit/client/spec";
import { describe, expect, test } from "vitest";
import { jobHash } from "../src/batch/job-hash.js";
import {
  type BatchJob,
  BatchJournalError,
  BatchLockedError,
  BatchValidationError,
  fileFromPath,
  parseBatchJobs,
  runBatch,
} from "../src/index.js";
import {
  type BatchWorld,
  batchWorld,
  createOf,
  createRequests,
  exampleBody,
  FAST,
  finishedRun,
  type JobLine,
  jobsText,
  journalRecords,
  requestsOf,
} from "./helpers/batch-world.js";

const tts = createOf("tts");
const line = (id: string, text = "Hello from the journal."): JobLine => ({
  id,
  operation: tts,
  body: { ...exampleBody(tts as OperationId), text },
  output: id,
});

/** A journal file written by hand, as a run that crashed would have left it. */
async function writeJournal(world: BatchWorld, records: object[], tail = "") {
  const path = join(world.out, ".camb-batch.jsonl");
  const at = Date.now();
  await writeFile(path, `${records.map((record) => JSON.stringify({ at, ...record })).join("\n")}\n${tail}`);
  return path;
}

const jobsOf = (lines: JobLine[]): BatchJob[] => parseBatchJobs(jobsText(lines));
const run = (world: BatchWorld, jobs: BatchJob[], extra: object = {}) =>
  runBatch(world.camb, jobs, { outputDir: world.out, ...FAST, ...extra });

describe("runBatch after a crash", () => {
  test("a journaled task is polled by its id and never created again", async () => {
    const world = await batchWorld({ pendingPolls: 2 });
    const [job] = jobsOf([line("a")]);
    const { task_id } = unwrap(await createTask(world.camb, "tts", job!.body as never));
    await writeJournal(world, [
      { t: "job", id: "a", hash: jobHash(job!) },
      { t: "creating", id: "a" },
      { t: "created", id: "a", taskId: task_id },
    ]);
    const before = world.requests.length;
    const summary = await run(world, [job!]);
    expect(summary).toMatchObject({ done: 1, createsSent: 0, possibleDuplicateCreates: 0 });
    const sent = world.requests.slice(before);
    expect(createRequests(sent)).toEqual([]);
    const checks = requestsOf(sent, families.tts.operations.status as OperationId);
    expect(checks.length).toBeGreaterThanOrEqual(1);
    expect(checks.every((request) => request.path.endsWith(`/${task_id}`))).toBe(true);
  });

  test("a create the journal has no answer for is counted as a possible duplicate and sent again", async () => {
    const world = await batchWorld();
    const [job] = jobsOf([line("a")]);
    await writeJournal(world, [
      { t: "job", id: "a", hash: jobHash(job!) },
      { t: "creating", id: "a" },
    ]);
    const summary = await run(world, [job!]);
    expect(summary).toMatchObject({ done: 1, createsSent: 1, possibleDuplicateCreates: 1 });
    expect(createRequests(world.requests)).toHaveLength(1);
  });

  test("a stream cut short by the crash is sent again and counted", async () => {
    const world = await batchWorld();
    const [job] = jobsOf([
      {
        id: "s",
        operation: "streamSpeech",
        body: { text: "Again.", language: "en-us", voice_id: 147320 },
        output: "s.mp3",
      },
    ]);
    await writeJournal(world, [
      { t: "job", id: "s", hash: jobHash(job!) },
      { t: "streaming", id: "s" },
    ]);
    const summary = await run(world, [job!]);
    expect(summary).toMatchObject({ done: 1, repeatedStreams: 1 });
    expect(requestsOf(world.requests, "streamSpeech")).toHaveLength(1);
  });

  test("a create that answered the finished result is saved from its run id, not created again", async () => {
    const world = await batchWorld();
    await writeFile(join(world.base, "story.txt"), "Once upon a time, a small fox found a lantern.\n");
    const story = createOf("story");
    const [job] = parseBatchJobs(
      jobsText([
        {
          id: "tale",
          operation: story,
          body: { ...exampleBody(story as OperationId), file: "story.txt" },
          output: "tale",
        },
      ]),
      { baseDir: world.base },
    );
    const runId = await finishedRun(world.camb, "story", {
      ...exampleBody(story as OperationId),
      file: await fileFromPath(join(world.base, "story.txt")),
    });
    await writeJournal(world, [
      { t: "job", id: "tale", hash: jobHash(job!) },
      { t: "creating", id: "tale" },
      { t: "created", id: "tale", runId, finished: true },
    ]);
    const before = world.requests.length;
    const summary = await run(world, [job!], { baseDir: world.base });
    expect(summary).toMatchObject({ done: 1, createsSent: 0 });
    expect(createRequests(world.requests.slice(before))).toEqual([]);
    const manifest = JSON.parse(await readFile(join(world.out, "tale", "manifest.json"), "utf8"));
    expect(manifest.files.map((file: { kind: string }) => file.kind)).toContain("audio");
  });

  test("a torn last line is dropped and cut off, and the job resumes from the record before it", async () => {
    const world = await batchWorld();
    const [job] = jobsOf([line("a")]);
    const { task_id } = unwrap(await createTask(world.camb, "tts", job!.body as never));
    const path = await writeJournal(
      world,
      [
        { t: "job", id: "a", hash: jobHash(job!) },
        { t: "creating", id: "a" },
        { t: "created", id: "a", taskId: task_id },
      ],
      '{"t":"done","id":"a","outp',
    );
    const before = world.requests.length;
    const summary = await run(world, [job!]);
    expect(summary).toMatchObject({ done: 1, createsSent: 0 });
    expect(createRequests(world.requests.slice(before))).toEqual([]);
    const text = await readFile(path, "utf8");
    expect(text.endsWith("\n")).toBe(true);
    const lines = text.trimEnd().split("\n");
    expect(() => lines.map((entry) => JSON.parse(entry))).not.toThrow();
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ t: "done", id: "a" });
  });

  test("a job changed since it was journaled is a validation error and nothing is sent", async () => {
    const world = await batchWorld();
    const [old] = jobsOf([line("a", "The first text.")]);
    const [changed, other] = jobsOf([line("a", "Another text."), line("b")]);
    await writeJournal(world, [
      { t: "job", id: "a", hash: jobHash(old!) },
      { t: "done", id: "a", output: "a.flac", durationMs: 10, family: "tts", size: 60 },
    ]);
    const error = await run(world, [changed!, other!]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BatchValidationError);
    expect((error as BatchValidationError).problems).toEqual([
      { line: 1, id: "a", message: expect.stringContaining("changed since the journal") },
    ]);
    expect(world.requests).toEqual([]);
  });

  test("a failed job that was fixed runs afresh with retryFailed", async () => {
    const world = await batchWorld();
    const [fixed] = jobsOf([line("a", "Fixed text.")]);
    await writeJournal(world, [
      { t: "job", id: "a", hash: "an-older-hash" },
      { t: "creating", id: "a" },
      { t: "created", id: "a", taskId: "gone" },
      { t: "failed", id: "a", code: "ERROR", reason: "the text was bad" },
    ]);
    await expect(run(world, [fixed!])).rejects.toBeInstanceOf(BatchValidationError);
    const summary = await run(world, [fixed!], { retryFailed: true });
    expect(summary).toMatchObject({ done: 1, failed: [], createsSent: 1 });
    const records = await journalRecords(join(world.out, ".camb-batch.jsonl"));
    expect(records.filter((record) => record.t === "job").at(-1)).toMatchObject({ hash: jobHash(fixed!) });
  });

  test("a damaged line before the last is an error naming the journal and the line", async () => {
    const world = await batchWorld();
    const [job] = jobsOf([line("a")]);
    await writeFile(
      join(world.out, ".camb-batch.jsonl"),
      `{"t":"job","id":"a","hash":"x"}\nnot json\n{"t":"creating","id":"a"}\n`,
    );
    await expect(run(world, [job!])).rejects.toMatchObject({ name: "BatchJournalError", line: 2 });
    await expect(run(world, [job!])).rejects.toBeInstanceOf(BatchJournalError);
    expect(world.requests).toEqual([]);
  });
});

describe("the journal's lock", () => {
  test("a second run on the same journal while the first runs is refused", async () => {
    const world = await batchWorld({ pendingPolls: 3 });
    const jobs = jobsOf([line("a")]);
    let started!: () => void;
    const holding = new Promise<void>((resolve) => {
      started = resolve;
    });
    const first = run(world, jobs, {
      onEvent: (event: { type: string }) => event.type === "start" && started(),
    });
    await holding;
    // The first run holds the lock from before its first request; the second fails without sending any.
    await expect(run(world, jobs)).rejects.toBeInstanceOf(BatchLockedError);
    await expect(first).resolves.toMatchObject({ done: 1 });
    expect(createRequests(world.requests)).toHaveLength(1);
  });

  test("a lock left by a process that is gone is taken over", async () => {
    const world = await batchWorld();
    // Far above any pid Linux hands out by default (pid_max 4194304 at most).
    await writeFile(join(world.out, ".camb-batch.jsonl.lock"), "2147483646");
    await expect(run(world, jobsOf([line("a")]))).resolves.toMatchObject({ done: 1 });
  });
});
