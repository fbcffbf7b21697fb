// The promise of the design, tested: a task family that exists only in a fixture spec is created, waited for,
// saved, bulk-downloaded and served by the sandbox, and listed by the CLI's `results`, by the helpers' own
// unedited sources. Only the generated code differs (prepare.mjs); this file names the family, nothing else.
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { inspectAudio, runCli } from "@camb-kit/cli";
import { createTask, families, getResultJson, isTaskFamily, unwrap } from "@camb-kit/client";
import { downloadResults, saveResult } from "@camb-kit/node";
import { createAndWait, waitForTask } from "@camb-kit/polling";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { callsTo, FAMILY, jingle, openWorld, TEST_KEY, type World } from "./helpers/world.js";

let world: World;
beforeAll(async () => {
  world = await openWorld();
});
afterAll(() => world.sandbox.close());

const poll = { intervalMs: 20, maxIntervalMs: 50 };

describe("the fixture is what the test says it is", () => {
  test("the invented family is in the generated table, with the fixture's media type, extension and bounds", () => {
    expect(isTaskFamily(FAMILY)).toBe(true);
    expect(jingle).toMatchObject({ resultMediaType: "audio/mpeg", fileExtension: "mpga" });
    expect(jingle.bulkRunIds).toEqual({ min: 2, max: 3, unique: false });
    // No family of the real spec answers in this media type or saves under this extension.
    const others = Object.entries(families).filter(([name]) => name !== FAMILY);
    expect(others.map(([, entry]) => entry.resultMediaType)).not.toContain(jingle.resultMediaType);
    expect(others.map(([, entry]) => entry.fileExtension)).not.toContain(jingle.fileExtension);
  });
});

describe("every helper supports it with no edit", () => {
  test("createAndWait and waitForTask reach SUCCESS through the family's own paths", async () => {
    const { camb, sandbox } = world;
    const created = await createAndWait(camb, FAMILY, { prompt: "a doorbell jingle" }, poll);
    expect(created.runId).toBeGreaterThan(0);
    const { task_id } = unwrap(await createTask(camb, FAMILY, { prompt: "a second jingle", duration: 1 }));
    const status = await waitForTask(camb, FAMILY, task_id!, poll);
    expect(status).toMatchObject({ status: "SUCCESS", run_id: expect.any(Number) });
    expect(callsTo(sandbox, "/text-to-jingle")).toContain(`GET /text-to-jingle/${task_id}`);
  });

  test("the sandbox validates the family's create body against the fixture schema (422 naming the field)", async () => {
    const response = await world.camb.POST(jingle.create, { body: { prompt: "too long", duration: 9 } });
    expect(response.response.status).toBe(422);
    expect(JSON.stringify(response.error)).toContain('"duration"');
  });

  test("saveResult writes the result as decodable MP3 of the schema's default length, under the fixture's extension", async () => {
    const { camb, dir } = world;
    const { runId } = await createAndWait(camb, FAMILY, { prompt: "a short chime" }, poll);
    const saved = await saveResult(camb, FAMILY, runId, join(dir, "chime"));
    expect(basename(saved.path)).toBe("chime.mpga");
    expect(saved.contentType).toBe("audio/mpeg");
    const audio = await inspectAudio(saved.path);
    expect(audio.format).toBe("mp3");
    expect(audio.durationSeconds).toBeGreaterThan(1.8); // the fixture's `duration` default is 2 s
    expect(audio.durationSeconds).toBeLessThan(2.3);
    expect(audio.bytes).toBe(saved.bytes);
  });

  test("the JSON form of the result is a pre-signed URL to the same audio", async () => {
    const { camb } = world;
    const { runId } = await createAndWait(camb, FAMILY, { prompt: "url form" }, poll);
    const { output_url } = unwrap(await getResultJson(camb, FAMILY, runId));
    const download = await fetch(output_url);
    expect(download.headers.get("content-type")).toBe("audio/mpeg");
    expect(new URL(output_url).pathname).toMatch(/\.mpga$/);
  });

  test("downloadResults asks the bulk endpoint within the fixture's 2-3 bound and saves every run", async () => {
    const { camb, sandbox, dir } = world;
    const runs = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => createAndWait(camb, FAMILY, { prompt: `jingle ${n}`, duration: 1 }, poll)),
    );
    const before = callsTo(sandbox, "/text-to-jingle-result").length;
    const target = join(dir, "bulk");
    const results = await downloadResults(
      camb,
      FAMILY,
      runs.map((run) => run.runId),
      target,
    );
    expect(results.map((result) => result.error)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    // 5 ids within 2-3 per call: one call of 3 and one of 2, no single-result lookups.
    expect(callsTo(sandbox, "/text-to-jingle-result").slice(before)).toEqual([
      "POST /text-to-jingle-results",
      "POST /text-to-jingle-results",
    ]);
    expect((await readdir(target)).sort()).toEqual(runs.map((run) => `${run.runId}.mpga`).sort());
    for (const result of results) expect((await inspectAudio(result.path!)).format).toBe("mp3");
  });

  test("the CLI's `results` downloads the family's runs and reports each file", async () => {
    const { camb, sandbox, dir } = world;
    const runs = await Promise.all(
      [1, 2].map((n) => createAndWait(camb, FAMILY, { prompt: `cli ${n}`, duration: 1 }, poll)),
    );
    const target = join(dir, "cli");
    vi.stubEnv("CAMB_API_KEY", TEST_KEY);
    vi.stubEnv("CAMB_BASE_URL", sandbox.url);
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const ids = runs.map((run) => String(run.runId));
      const code = await runCli(["node", "camb", "results", FAMILY, ...ids, "-o", target, "--json"]);
      expect(code).toBe(0);
      const report = JSON.parse(stdout.mock.calls.map(([chunk]) => String(chunk)).join(""));
      expect(report).toEqual(
        runs.map((run) => ({
          runId: run.runId,
          path: join(target, `${run.runId}.mpga`),
          audio: expect.objectContaining({ format: "mp3" }),
        })),
      );
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      vi.unstubAllEnvs();
    }
    expect((await readFile(join(target, `${runs[0]!.runId}.mpga`))).byteLength).toBeGreaterThan(1000);
  });
});
