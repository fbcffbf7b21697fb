// Every family of the generated table, the real spec's and the fixture's, through every helper: created from
// the spec's example request, waited for, saved whole, bulk-downloaded, and followed by the CLI. One loop over
// the table; no family is named here, so a family added to the spec is tested by `pnpm generate` alone.
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { inspectAudio, runCli } from "@camb-kit/cli";
import { families, type TaskFamily } from "@camb-kit/client";
import { extensionOf, mediaKind } from "@camb-kit/client/spec";
import { downloadResults, saveResult } from "@camb-kit/node";
import { createAndWait } from "@camb-kit/polling";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { ExampleFiles, exampleRequest, exampleResultParams } from "./helpers/example-requests.js";
import { openWorld, TEST_KEY, type World } from "./helpers/world.js";

let world: World;
let files: ExampleFiles;
beforeAll(async () => {
  world = await openWorld();
  files = new ExampleFiles(world.camb);
});
afterAll(() => world.sandbox.close());

const poll = { intervalMs: 20, maxIntervalMs: 50 };
type SavedFile = { path: string; bytes: number; contentType: string };
const names = Object.keys(families) as TaskFamily[];

/** One finished run of `family` from its example request (its parent's first, when it has one). */
async function run(family: TaskFamily) {
  const { parent } = families[family];
  const request = await exampleRequest(family, files, async () => {
    if (!parent) throw new Error(`${family}'s create path has a parameter without an example and no parent`);
    const parentRun = await run(parent as TaskFamily);
    return parentRun.runId as number;
  });
  const options = request.path ? { ...poll, path: request.path } : poll;
  return createAndWait(world.camb, family as never, request.body as never, options as never);
}

/** Runs the CLI in process and answers its exit code and what it printed on stdout. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  vi.stubEnv("CAMB_API_KEY", TEST_KEY);
  vi.stubEnv("CAMB_BASE_URL", world.sandbox.url);
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    const code = await runCli(["node", "camb", ...args]);
    return { code, stdout: stdout.mock.calls.map(([chunk]) => String(chunk)).join("") };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    vi.unstubAllEnvs();
  }
}

/**
 * A saved file is whole: its size is what the save reported, its name ends in its type's extension, an audio
 * file decodes to the end and a text file is UTF-8 text. Answers how many files were decoded as audio.
 */
async function expectWhole(file: { path: string; bytes: number; contentType: string }): Promise<number> {
  expect((await stat(file.path)).size).toBe(file.bytes);
  expect(file.bytes).toBeGreaterThan(0);
  expect(file.path.endsWith(`.${extensionOf(file.contentType)}`), file.path).toBe(true);
  if (mediaKind(file.contentType) === "text") {
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file.path))).not.toThrow();
  }
  if (!file.contentType.startsWith("audio/")) return 0;
  const audio = await inspectAudio(file.path);
  expect(audio.bytes).toBe(file.bytes);
  expect(audio.durationSeconds).toBeGreaterThan(0);
  return 1;
}

describe.each(names)("%s, from the spec's example request", (family) => {
  const entry = families[family];

  test("createAndWait follows it to its end", async () => {
    const done = await run(family);
    if (done.finished === undefined) {
      expect(done.taskId).toEqual(expect.any(String));
      expect(done.runId).toBeGreaterThan(0);
    }
  });

  test("the CLI's `wait` and `status` follow it by the family's name", async () => {
    const done = await run(family);
    if (done.taskId === undefined) return; // finished at create: no task to follow
    const waited = await cli("wait", family, done.taskId, "--json");
    expect(waited.code).toBe(0);
    expect(JSON.parse(waited.stdout)).toMatchObject({ runId: done.runId });
    const status = await cli("status", family, done.taskId, "--json");
    expect(status.code).toBe(0);
  });

  // A test exists only for the roles the family has: nothing is skipped.
  if (entry.result !== null)
    test("saveResult writes every file its result holds, each whole", async () => {
      const done = await run(family);
      const target = join(world.dir, "save", family);
      const params = exampleResultParams(family);
      const saved = (await saveResult(world.camb, family as never, done.runId as number, target, {
        mkdir: true,
        ...(Object.keys(params).length > 0 ? { path: params } : {}),
      } as never)) as { path: string; bytes: number; contentType: string; files?: SavedFile[] };
      const written = saved.files ?? [saved];
      expect(written.length).toBeGreaterThan(0);
      let decoded = 0;
      for (const file of written) decoded += await expectWhole(file);
      // A result that is audio, or points at audio, gave at least one file that decodes to its end.
      if (entry.resultIsAudio || entry.assets.some((asset) => asset.kind === "audio")) {
        expect(decoded).toBeGreaterThan(0);
      }
    });

  if (entry.bulk !== null)
    test("downloadResults saves two runs through the bulk endpoint", async () => {
      const runs = [await run(family), await run(family)];
      const ids = runs.map((done) => done.runId as number);
      const results = await downloadResults(
        world.camb,
        family as never,
        ids,
        join(world.dir, "bulk", family),
      );
      expect(results.map((result) => [result.runId, result.error])).toEqual(ids.map((id) => [id, undefined]));
    });
});
