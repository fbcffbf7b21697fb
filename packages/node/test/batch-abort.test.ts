// An abort stops a batch cleanly wherever it lands: no partial or temp file, the journal consistent (a create
// already sent is journaled), no timer left running, and the rerun finishes without paying again.
import { existsSync, watch } from "node:fs";
import { join } from "node:path";
import { createCambClient } from "@camb-kit/client";
import { type OperationId, operations } from "@camb-kit/client/spec";
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
  KEY,
} from "./helpers/batch-world.js";

const tts = createOf("tts");
const jobs = (count: number) =>
  parseBatchJobs(
    jobsText(
      Array.from(
        { length: count },
        (_, i): JobLine => ({
          id: `job-${i}`,
          operation: tts,
          body: { ...exampleBody(tts as OperationId), text: `Sentence ${i}.` },
          output: `job-${i}`,
        }),
      ),
    ),
  );

const stopped = () => new DOMException("stopped by the test", "AbortError");
const kinds = async (journal: string, id: string) =>
  (await journalRecords(journal)).filter((record) => record.id === id).map((record) => record.t);

test("an abort mid-download leaves no temp file, the task journaled, and the rerun only downloads", async () => {
  const world = await batchWorld({
    faults: [{ route: "getSpeechResult", kind: "stall", afterBytes: 64, ms: 30_000, nth: 1 }],
  });
  const controller = new AbortController();
  const reason = stopped();
  // The save's temp file appearing in the output folder is the moment the download is under way.
  const watcher = watch(world.out, (_, name) => {
    if (String(name).endsWith(".part")) controller.abort(reason);
  });
  try {
    const run = runBatch(world.camb, jobs(1), { outputDir: world.out, signal: controller.signal, ...FAST });
    await expect(run).rejects.toBe(reason);
  } finally {
    watcher.close();
  }
  expect(await filesUnder(world.out)).toEqual([".camb-batch.jsonl"]);
  const journal = join(world.out, ".camb-batch.jsonl");
  expect(await kinds(journal, "job-0")).toEqual(["job", "creating", "created"]);
  expect(existsSync(`${journal}.lock`)).toBe(false);

  const before = world.requests.length;
  const rerun = await runBatch(world.camb, jobs(1), { outputDir: world.out, ...FAST });
  expect(rerun).toMatchObject({ done: 1, createsSent: 0 });
  expect(createRequests(world.requests.slice(before))).toEqual([]);
});

test("an abort while a create is on its way waits for its answer and journals the task id", async () => {
  const world = await batchWorld({ faults: [{ route: tts, kind: "latency", ms: 200, nth: 1 }] });
  const controller = new AbortController();
  const reason = stopped();
  const { method, pattern } = operations[tts as OperationId];
  // A client whose fetch aborts the batch the moment the create request leaves.
  const camb = createCambClient({
    apiKey: KEY,
    baseUrl: world.url,
    retry: false,
    fetch: (request) => {
      const answer = globalThis.fetch(request);
      const path = new URL(request.url).pathname.slice(new URL(world.url).pathname.replace(/\/$/, "").length);
      if (request.method === method && pattern.test(path)) controller.abort(reason);
      return answer;
    },
  });
  const run = runBatch(camb, jobs(2), { outputDir: world.out, signal: controller.signal, ...FAST });
  await expect(run).rejects.toBe(reason);
  const journal = join(world.out, ".camb-batch.jsonl");
  expect(await kinds(journal, "job-0")).toEqual(["job", "creating", "created"]);
  // The second job never reached the lane's front: nothing of it says a create may have been sent.
  expect(await kinds(journal, "job-1")).not.toContain("creating");
  expect(createRequests(world.requests)).toHaveLength(1);

  const rerun = await runBatch(world.camb, jobs(2), { outputDir: world.out, ...FAST });
  expect(rerun).toMatchObject({ done: 2, createsSent: 1, possibleDuplicateCreates: 0 });
  expect(createRequests(world.requests)).toHaveLength(2);
});

test("an abort while tasks are pending rejects at once and leaves no timer behind", async () => {
  const world = await batchWorld({ pendingPolls: 1_000_000 });
  const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
  const idle = timers();
  const controller = new AbortController();
  const reason = stopped();
  let created = 0;
  const run = runBatch(world.camb, jobs(3), {
    outputDir: world.out,
    signal: controller.signal,
    ...FAST,
    onEvent: (event) => {
      if (event.type === "created" && ++created === 3) controller.abort(reason);
    },
  });
  await expect(run).rejects.toBe(reason);
  expect(timers()).toBeLessThanOrEqual(idle);
  const journal = join(world.out, ".camb-batch.jsonl");
  for (const id of ["job-0", "job-1", "job-2"])
    expect(await kinds(journal, id)).toEqual(["job", "creating", "created"]);
});

test("an aborted signal stops the batch before anything is read or sent", async () => {
  const world = await batchWorld();
  const reason = stopped();
  await expect(
    runBatch(world.camb, jobs(1), { outputDir: world.out, signal: AbortSignal.abort(reason) }),
  ).rejects.toBe(reason);
  expect(world.requests).toEqual([]);
});
