// Jobs that fail (a task status, an API refusal, a download that fails after its retries) are journaled with a
// code and a reason while the others finish; a rerun reports them, and retryFailed runs only them again.
import { join } from "node:path";
import type { OperationId } from "@camb-kit/client/spec";
import { expect, test } from "vitest";
import { parseBatchJobs, runBatch } from "../src/index.js";
import {
  batchWorld,
  createOf,
  createRequests,
  exampleBody,
  FAST,
  filesUnder,
  type JobLine,
  jobsText,
  journalRecords,
} from "./helpers/batch-world.js";

const tts = createOf("tts");
const speech = (text: string): JobLine["body"] => ({ ...exampleBody(tts as OperationId), text });

test("failed jobs are reported with a code and a reason, the rest finish, and retryFailed reruns only them", async () => {
  // Creates go one at a time and, at concurrency 1, in job order: the third create is "refused"'s, the first
  // result download is "download"'s.
  const world = await batchWorld({
    faults: [
      { route: tts, kind: "status", status: 400, nth: 3 },
      { route: "getSpeechResult", kind: "reset", nth: [1, 2] },
    ],
  });
  const lines: JobLine[] = [
    {
      id: "download",
      operation: tts,
      body: speech("Saved on the second try of the batch."),
      output: "download",
    },
    { id: "bad", operation: tts, body: speech("This one fails. [sandbox:error]"), output: "bad" },
    { id: "refused", operation: tts, body: speech("Refused once by the API."), output: "refused" },
    { id: "ok-1", operation: tts, body: speech("Fine."), output: "ok-1" },
    { id: "ok-2", operation: tts, body: speech("Also fine."), output: "ok-2" },
  ];
  const jobs = parseBatchJobs(jobsText(lines));
  const options = { outputDir: world.out, concurrency: 1, ...FAST, retry: { ...FAST.retry, attempts: 2 } };

  const first = await runBatch(world.camb, jobs, options);
  expect(first.done).toBe(2);
  const byId = Object.fromEntries(first.failed.map((failure) => [failure.id, failure]));
  expect(Object.keys(byId).sort()).toEqual(["bad", "download", "refused"]);
  expect(byId.bad).toMatchObject({ code: "ERROR", reason: expect.stringContaining("PROCESSING_ERROR") });
  expect(byId.refused).toMatchObject({ code: "CambApiError", reason: expect.stringContaining("400") });
  expect(byId.download!.code).toMatch(/^(CambConnectionError|TruncatedStreamError)$/);
  expect(await filesUnder(world.out)).toEqual([".camb-batch.jsonl", "ok-1.flac", "ok-2.flac"]);
  const records = await journalRecords(join(world.out, ".camb-batch.jsonl"));
  const failedRecords = records.filter((record) => record.t === "failed");
  expect(failedRecords.find((record) => record.id === "download")).toMatchObject({ resume: true });
  expect(failedRecords.find((record) => record.id === "bad")).not.toHaveProperty("resume");

  // Without retryFailed the failed jobs are reported again, and nothing is sent.
  const quiet = world.requests.length;
  const second = await runBatch(world.camb, jobs, options);
  expect(second).toMatchObject({ done: 0, skipped: 2, createsSent: 0 });
  expect(second.failed.map((failure) => failure.id).sort()).toEqual(["bad", "download", "refused"]);
  expect(world.requests.length).toBe(quiet);

  // With it, only they run: "download" follows its task (no create), the others are created again.
  const before = world.requests.length;
  const third = await runBatch(world.camb, jobs, { ...options, retryFailed: true });
  expect(third.done).toBe(2);
  expect(third.skipped).toBe(2);
  expect(third.failed).toEqual([expect.objectContaining({ id: "bad", code: "ERROR" })]);
  expect(createRequests(world.requests.slice(before))).toHaveLength(2);
  expect(third.createsSent).toBe(2);
  expect(await filesUnder(world.out)).toEqual([
    ".camb-batch.jsonl",
    "download.flac",
    "ok-1.flac",
    "ok-2.flac",
    "refused.flac",
  ]);
});

test("a create that failed with a 500 is tried again and counted as a possible duplicate; a 429 is not", async () => {
  const world = await batchWorld({
    faults: [
      { route: tts, kind: "status", status: 500, nth: 1 },
      { route: tts, kind: "status", status: 429, retryAfter: "0", nth: 2 },
    ],
  });
  const jobs = parseBatchJobs(
    jobsText([
      { id: "a", operation: tts, body: speech("First."), output: "a" },
      { id: "b", operation: tts, body: speech("Second."), output: "b" },
    ]),
  );
  const summary = await runBatch(world.camb, jobs, { outputDir: world.out, concurrency: 1, ...FAST });
  expect(summary).toMatchObject({ done: 2, failed: [], possibleDuplicateCreates: 1, createsSent: 4 });
  expect(createRequests(world.requests)).toHaveLength(4);
});
