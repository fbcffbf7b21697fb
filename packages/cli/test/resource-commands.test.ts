// Dictionaries, folders and the generic status/wait commands through the built binary, against a sandbox
// that keeps its state between invocations (a `camb sandbox` reached with CAMB_BASE_URL).
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCambClient, createTask, unwrap } from "@camb-kit/client";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ExitCode } from "../src/exit-codes.js";
import { camb } from "./helpers/run-bin.js";

let sandbox: RunningSandbox;
let env: Record<string, string>;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  env = { CAMB_API_KEY: "k", CAMB_BASE_URL: sandbox.url };
});
afterAll(() => sandbox.close());

test("dictionaries: create from a CSV, add a term with locales, list, delete", async () => {
  const dir = await mkdtemp(join(tmpdir(), "camb-cli-dict-"));
  const csv = join(dir, "brand.csv");
  await writeFile(csv, "en-us,es-es\ncamb,camb\nvoice,voz\n");
  const created = await camb(["dictionaries", "create", csv, "--name", "Brand", "--json"], env);
  expect(created.code, created.stderr).toBe(ExitCode.ok);
  const listed = JSON.parse((await camb(["dictionaries", "list", "--json"], env)).stdout);
  const brand = listed.find((item: { name: string }) => item.name === "Brand");
  expect(brand).toBeDefined();
  const added = await camb(["dictionaries", "add-term", String(brand.id), "en-us=kit", "es-es=kit"], env);
  expect(added.code, added.stderr).toBe(ExitCode.ok);
  const bad = await camb(["dictionaries", "add-term", String(brand.id), "kit"], env);
  expect(bad.code).toBe(ExitCode.badInput);
  expect((await camb(["dictionaries", "delete", String(brand.id)], env)).code).toBe(ExitCode.ok);
  const after = JSON.parse((await camb(["dictionaries", "list", "--json"], env)).stdout);
  expect(after.some((item: { id: number }) => item.id === brand.id)).toBe(false);
});

test("folders: create then list", async () => {
  expect((await camb(["folders", "create", "Podcasts"], env)).code).toBe(ExitCode.ok);
  const listed = await camb(["folders", "list", "--search", "Pod"], env);
  expect(listed.code).toBe(ExitCode.ok);
  expect(listed.stdout).toContain("Podcasts");
});

test("status and wait take any family of the table; wait -o saves what the run holds", async () => {
  const client = createCambClient({ apiKey: "k", baseUrl: sandbox.url });
  const body = { video_url: "https://example.com/v.mp4", source_language: 1, target_languages: [54] };
  const { task_id: taskId } = unwrap(await createTask(client, "dub", body));
  const id = String(taskId);
  const status = await camb(["status", "dub", id, "--json"], env);
  expect(status.code).toBe(ExitCode.ok);
  expect(JSON.parse(status.stdout)).toHaveProperty("status");
  const dir = await mkdtemp(join(tmpdir(), "camb-cli-wait-"));
  const waited = await camb(["wait", "dub", id, "-o", join(dir, "dub")], env);
  expect(waited.code, waited.stderr).toBe(ExitCode.ok);
  expect(waited.stderr).toMatch(/dub: SUCCESS/);
  expect((await readdir(join(dir, "dub"))).length).toBeGreaterThanOrEqual(2);
  const unknown = await camb(["wait", "no-such-family", id], env);
  expect(unknown.code).toBe(ExitCode.badInput);
  expect(unknown.stderr).toContain("family must be one of");
});
