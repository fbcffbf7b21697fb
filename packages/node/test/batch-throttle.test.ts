// A 429 storm slows the whole batch down (its limit drops, a Retry-After pauses it) and every job still
// finishes; a create turned away with 429 made no task, so it is no possible duplicate.
import type { OperationId } from "@camb-kit/client/spec";
import { families } from "@camb-kit/client/spec";
import { expect, test } from "vitest";
import { parseBatchJobs, runBatch } from "../src/index.js";
import {
  batchWorld,
  createOf,
  createRequests,
  eventLog,
  exampleBody,
  FAST,
  type JobLine,
  jobsText,
} from "./helpers/batch-world.js";

const tts = createOf("tts");
const status = families.tts.operations.status as OperationId;

test("a 429 storm lowers the batch's limit, pauses it for Retry-After, and every job still finishes", async () => {
  const world = await batchWorld({
    faults: [
      // The first 429 asks for a one-second pause of the whole batch; the storm after it asks for none.
      { route: tts, kind: "status", status: 429, retryAfter: "1", nth: 1 },
      { route: tts, kind: "status", status: 429, retryAfter: "0", nth: 2 },
      {
        route: status,
        kind: "status",
        status: 429,
        retryAfter: "0",
        nth: Array.from({ length: 12 }, (_, i) => i + 1),
      },
    ],
  });
  const lines: JobLine[] = Array.from({ length: 8 }, (_, i) => ({
    id: `line-${i}`,
    operation: tts,
    body: { ...exampleBody(tts as OperationId), text: `Line number ${i}.` },
    output: `lines/${i}`,
  }));
  const log = eventLog();
  const summary = await runBatch(world.camb, parseBatchJobs(jobsText(lines)), {
    outputDir: world.out,
    concurrency: 4,
    onEvent: log.onEvent,
    ...FAST,
    retry: { ...FAST.retry, attempts: 20 },
  });
  expect(summary).toMatchObject({ total: 8, done: 8, failed: [], possibleDuplicateCreates: 0 });
  // Two creates were turned away and sent again: eight tasks, ten create requests.
  expect(createRequests(world.requests)).toHaveLength(10);
  expect(summary.createsSent).toBe(10);
  const throttled = log.of("throttled");
  expect(throttled.length).toBeGreaterThanOrEqual(1);
  expect(Math.min(...throttled.map((event) => event.limit))).toBeLessThan(4);
  expect(throttled.some((event) => event.retryAfterMs === 1000)).toBe(true);
  expect(log.of("done")).toHaveLength(8);
});
