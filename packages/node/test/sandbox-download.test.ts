// downloadResults against the sandbox: bulk and single lookups, partial failures, faults and aborts.
import { getEventListeners } from "node:events";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FaultRule } from "@camb-kit/sandbox";
import { describe, expect, it } from "vitest";
import { downloadResults } from "../src/download-results.js";
import { HttpStatusError, MissingResultError } from "../src/index.js";
import { finishedRuns, requestsTo, sandbox } from "./helpers/sandbox.js";
import { entries, tempDir } from "./helpers/temp-dir.js";

describe("downloadResults against the sandbox", () => {
  // tts takes 2–5 ids per bulk call; a lone id or a remainder of one goes to the single-result endpoint.
  const cases: [count: number, bulkCalls: number, singleCalls: number][] = [
    [1, 0, 1],
    [2, 1, 0],
    [5, 1, 0],
    [6, 1, 1],
    [23, 5, 0],
  ];
  for (const [count, bulkCalls, singleCalls] of cases) {
    it(`${count} tts run ids: ${bulkCalls} bulk and ${singleCalls} single lookups, ${count} key-less downloads`, async () => {
      const sb = await sandbox();
      const runIds = await finishedRuns(sb.client, "tts", count);
      const before = sb.requests.length;
      const dir = await tempDir();
      const results = await downloadResults(sb.client, "tts", runIds, dir, { concurrency: 3 });

      expect(results.map((r) => r.runId)).toEqual(runIds);
      for (const result of results) {
        expect(result.error).toBeUndefined();
        expect(result.path).toBe(join(dir, `${result.runId}.flac`));
        expect((await readFile(result.path!)).subarray(0, 4).toString()).toBe("fLaC");
      }
      expect(await entries(dir)).toEqual(runIds.map((id) => `${id}.flac`).sort());

      const made = sb.requests.slice(before);
      const bulk = requestsTo(made, "/tts-results");
      expect(bulk).toHaveLength(bulkCalls);
      for (const call of bulk) expect(call.headers["x-api-key"]).toBeDefined();
      expect(requestsTo(made, "/tts-result/")).toHaveLength(singleCalls);
      for (const call of requestsTo(made, "/tts-result/")) expect(call.url).toContain("output_type=file_url");
      const storage = requestsTo(made, "/_storage/");
      expect(storage).toHaveLength(count);
      for (const download of storage) {
        expect(download.headers["x-api-key"]).toBeUndefined();
        expect(download.headers.authorization).toBeUndefined();
        expect(JSON.stringify(download)).not.toContain(sb.key);
      }
      expect(made).toHaveLength(bulkCalls + singleCalls + count);
    });
  }

  it("text-to-sound (bulk takes 1–5): a lone id still uses the single-result endpoint", async () => {
    const sb = await sandbox();
    const runIds = await finishedRuns(sb.client, "text-to-sound", 6);
    const before = sb.requests.length;
    const dir = await tempDir();
    const results = await downloadResults(sb.client, "text-to-sound", runIds, dir);
    expect(results.every((r) => r.error === undefined)).toBe(true);
    const made = sb.requests.slice(before);
    expect(requestsTo(made, "/text-to-sound-results")).toHaveLength(1);
    expect(requestsTo(made, "/text-to-sound-result/")).toHaveLength(1);
    expect(await entries(dir)).toEqual(runIds.map((id) => `${id}.wav`).sort());
  });

  it("mixed success and failure: one bad id and one failed download do not stop the others", async () => {
    const sb = await sandbox({ faults: [{ route: "storage", kind: "status", status: 500, nth: 2 }] });
    const good = await finishedRuns(sb.client, "tts", 4);
    const runIds = [...good, 987_654];
    const dir = await tempDir();
    const seen: number[] = [];
    const results = await downloadResults(sb.client, "tts", runIds, dir, {
      concurrency: 1,
      downloadAttempts: 1, // no second try: the failure must stay with its own id
      onResult: (r) => seen.push(r.runId),
    });
    expect(results.map((r) => r.runId)).toEqual(runIds);
    expect(seen.sort()).toEqual([...runIds].sort());
    const missing = results.find((r) => r.runId === 987_654)!;
    expect(missing.error).toBeInstanceOf(MissingResultError);
    const failed = results.filter((r) => r.error instanceof HttpStatusError);
    expect(failed).toHaveLength(1);
    expect(String((failed[0]!.error as Error).message)).not.toContain("?");
    const saved = results.filter((r) => r.error === undefined);
    expect(saved).toHaveLength(3);
    expect(await entries(dir)).toEqual(saved.map((r) => `${r.runId}.flac`).sort());
  });

  const storageFaults: FaultRule[] = [
    { route: "storage", kind: "status", status: 503 },
    { route: "storage", kind: "reset", afterBytes: 500 },
    { route: "storage", kind: "truncate", afterBytes: 500 },
    { route: "storage", kind: "stall", afterBytes: 500, ms: 60_000 },
    { route: "getSpeechResults", kind: "malformed-json" },
    { route: "getSpeechResults", kind: "status", status: 502 },
  ];
  for (const fault of storageFaults) {
    it(`fault ${fault.route}/${fault.kind}: every id reports an error, no file or temp file is left`, async () => {
      const sb = await sandbox({ faults: [fault] });
      const runIds = await finishedRuns(sb.client, "tts", 3);
      const dir = await tempDir();
      const results = await downloadResults(sb.client, "tts", runIds, dir, { idleTimeoutMs: 100 });
      expect(results.map((r) => r.runId)).toEqual(runIds);
      for (const result of results) expect(result.error).toBeInstanceOf(Error);
      expect(await entries(dir)).toEqual([]);
    });
  }

  it("injected latency only slows things down", async () => {
    const sb = await sandbox({ faults: [{ route: "storage", kind: "latency", ms: 20 }] });
    const runIds = await finishedRuns(sb.client, "tts", 2);
    const results = await downloadResults(sb.client, "tts", runIds, await tempDir());
    expect(results.every((r) => r.error === undefined)).toBe(true);
  });

  it("one-off faults of lookups and downloads are retried: every run is saved", async () => {
    const sb = await sandbox({
      faults: [
        { route: "getSpeechResults", kind: "status", status: 502, nth: 1 },
        { route: "storage", kind: "reset", nth: 2 },
        { route: "storage", kind: "truncate", afterBytes: 300, nth: 4 },
      ],
    });
    const runIds = await finishedRuns(sb.client, "tts", 5);
    const dir = await tempDir();
    const results = await downloadResults(sb.client, "tts", runIds, dir, { concurrency: 1 });
    expect(results.map((r) => r.error)).toEqual(runIds.map(() => undefined));
    expect(await entries(dir)).toEqual(runIds.map((id) => `${id}.flac`).sort());
  });

  it("a failing bulk call fails its ids only", async () => {
    const sb = await sandbox({
      faults: [{ route: "getSpeechResults", kind: "status", status: 500, nth: 1 }],
    });
    const runIds = await finishedRuns(sb.client, "tts", 7);
    const dir = await tempDir();
    const results = await downloadResults(sb.client, "tts", runIds, dir, {
      concurrency: 1,
      downloadAttempts: 1,
    });
    expect(results.filter((r) => r.error !== undefined).map((r) => r.runId)).toEqual(runIds.slice(0, 5));
    expect(results.filter((r) => r.error === undefined).map((r) => r.runId)).toEqual(runIds.slice(5));
  });

  it("a signal aborts everything: rejects with the reason, no temp file, no listener left", async () => {
    const sb = await sandbox({ faults: [{ route: "storage", kind: "stall", afterBytes: 100, ms: 60_000 }] });
    const runIds = await finishedRuns(sb.client, "tts", 6);
    const dir = await tempDir();
    const controller = new AbortController();
    const reason = new Error("stop all");
    let downloadsStarted = 0;
    const download = downloadResults(sb.client, "tts", runIds, dir, {
      signal: controller.signal,
      concurrency: 2,
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        if (++downloadsStarted === 2) controller.abort(reason);
        return response;
      },
    });
    await expect(download).rejects.toBe(reason);
    expect(await entries(dir)).toEqual([]);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("an already-aborted signal sends nothing", async () => {
    const sb = await sandbox();
    const before = sb.requests.length;
    const reason = new Error("no");
    await expect(
      downloadResults(sb.client, "tts", [1, 2], await tempDir(), { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(sb.requests.length).toBe(before);
  });
});
