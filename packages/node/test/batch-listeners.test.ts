// A wide batch keeps the signals clean: no MaxListenersExceededWarning at a concurrency above Node's default
// limit of 10 listeners a signal, and no listener of the batch left on the caller's signal once it is over.
import { getEventListeners } from "node:events";
import { createCambClient } from "@camb-kit/client";
import { families, type OperationId, operations } from "@camb-kit/client/spec";
import { afterEach, expect, test } from "vitest";
import { parseBatchJobs, runBatch } from "../src/index.js";
import { batchWorld, createOf, exampleBody, FAST, jobsText, KEY } from "./helpers/batch-world.js";

const CONCURRENCY = 32;
const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
afterEach(() => {
  process.off("warning", onWarning);
  warnings.length = 0;
});

test(`a batch at concurrency ${CONCURRENCY} with a signal warns of no listener leak and leaves no listener behind`, async () => {
  process.on("warning", onWarning);
  const world = await batchWorld();
  const tts = createOf("tts");
  const status = operations[families.tts.operations.status as OperationId];
  // Every status check is held until all the jobs' tasks are created: the whole batch is in progress at once.
  let created = 0;
  let allCreated!: () => void;
  const everyJobInProgress = new Promise<void>((resolve) => {
    allCreated = resolve;
  });
  const camb = createCambClient({
    apiKey: KEY,
    baseUrl: world.url,
    retry: false,
    fetch: async (request) => {
      const path = new URL(request.url).pathname.slice(new URL(world.url).pathname.replace(/\/$/, "").length);
      if (request.method === status.method && status.pattern.test(path)) await everyJobInProgress;
      return globalThis.fetch(request);
    },
  });
  const jobs = parseBatchJobs(
    jobsText(
      Array.from({ length: CONCURRENCY }, (_, i) => ({
        id: `job-${i}`,
        operation: tts,
        body: { ...exampleBody(tts as OperationId), text: `Line ${i}.` },
        output: `job-${i}`,
      })),
    ),
  );
  const controller = new AbortController();
  const summary = await runBatch(camb, jobs, {
    outputDir: world.out,
    concurrency: CONCURRENCY,
    signal: controller.signal,
    ...FAST,
    onEvent: (event) => {
      if (event.type === "created" && ++created === CONCURRENCY) allCreated();
    },
  });
  // A warning is emitted on a later tick: let it arrive before looking.
  await new Promise((resolve) => setImmediate(resolve));
  expect(summary).toMatchObject({ done: CONCURRENCY, failed: [] });
  expect(warnings.map((warning) => `${warning.name}: ${warning.message}`)).toEqual([]);
  expect(getEventListeners(controller.signal, "abort")).toEqual([]);
});
