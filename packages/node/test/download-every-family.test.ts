// downloadResults for every family with a bulk endpoint (a map or a list), looped over the table by property:
// lookups within the bulk bounds, a file per run for a file result, a folder with a manifest per run otherwise.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { families } from "@camb-kit/client";
import { describe, expect, it } from "vitest";
import { type DownloadResult, downloadResults, MissingResultError } from "../src/index.js";
import { familyNames, finishedRun } from "./helpers/family-runs.js";
import { expectRealMedia } from "./helpers/media-check.js";
import { requestsTo, sandbox } from "./helpers/sandbox.js";
import { entries, tempDir } from "./helpers/temp-dir.js";

const bulkFamilies = familyNames.filter((family) => families[family].bulk !== null);
const download = downloadResults as (...args: unknown[]) => ReturnType<typeof downloadResults>;

describe("downloadResults for every family with a bulk endpoint", () => {
  it("the table has map- and list-shaped bulk families to loop over", () => {
    const shapes = new Set(bulkFamilies.map((family) => families[family].bulkShape));
    expect(shapes).toEqual(new Set(["map", "list"]));
  });

  for (const family of bulkFamilies) {
    const entry = families[family];
    const bounds = entry.bulkRunIds!;
    // Within the bounds: one bulk call (the chunking itself is covered by the tts cases of sandbox-download).
    const count = Math.min(bounds.max, Math.max(bounds.min, 3));
    it(`${family} (${entry.bulkShape}, ${bounds.min}-${bounds.max} ids a call): ${count} runs saved, real media`, async () => {
      const sb = await sandbox();
      const runIds: number[] = [];
      for (let i = 0; i < count; i++) runIds.push(await finishedRun(sb.client, family));
      const before = sb.requests.length;
      const dir = await tempDir();
      const results = await download(sb.client, family, runIds, dir, { concurrency: 2 });

      expect(results.map((result) => result.runId)).toEqual(runIds);
      const made = sb.requests.slice(before);
      expect(requestsTo(made, entry.bulk!)).toHaveLength(1);
      for (const call of requestsTo(made, entry.bulk!)) expect(call.method).toBe("POST");
      for (const outcome of results) {
        expect(outcome.error).toBeUndefined();
        const result = outcome as Extract<DownloadResult, { path: string }>;
        if (entry.resultIsAudio) {
          expect(result.path).toBe(join(dir, `${result.runId}.${entry.fileExtension}`));
          await expectRealMedia(result.path!, entry.resultMediaType);
          continue;
        }
        // A JSON result: the run's folder, through the same code as saveResult, with its manifest last.
        const folder = join(dir, String(result.runId));
        expect(result.path).toBe(folder);
        const files = result.files ?? [];
        expect(files.length).toBeGreaterThan(0);
        expect(result.bytes).toBe(files.reduce((sum, file) => sum + file.bytes, 0));
        const names = files.map((file) => file.path.slice(folder.length + 1));
        expect(await entries(folder)).toEqual([...names, "manifest.json"].sort());
        for (const file of files) await expectRealMedia(file.path, file.contentType);
        const manifest = JSON.parse(await readFile(join(folder, "manifest.json"), "utf8"));
        expect(manifest.files.map((file: { path: string }) => file.path)).toEqual(names);
      }
      const expected = entry.resultIsAudio
        ? runIds.map((id) => `${id}.${entry.fileExtension}`)
        : runIds.map(String);
      expect(await entries(dir)).toEqual(expected.sort());
    });

    it(`${family}: a lone id uses the single-result endpoint; an unknown id fails alone`, async () => {
      const sb = await sandbox();
      const good = await finishedRun(sb.client, family);
      const name = entry.resultIsAudio ? `${good}.${entry.fileExtension}` : String(good);
      const alone = await tempDir();
      const before = sb.requests.length;
      const [single] = await download(sb.client, family, [good], alone);
      expect(single!.error).toBeUndefined();
      expect(requestsTo(sb.requests.slice(before), entry.bulk!)).toHaveLength(0);
      expect(await entries(alone)).toEqual([name]);

      const dir = await tempDir();
      const results = await download(sb.client, family, [good, 987_654], dir, { downloadAttempts: 1 });
      expect(results[0]!.error).toBeUndefined();
      expect(results[1]!.error).toBeInstanceOf(MissingResultError);
      expect(await entries(dir)).toEqual([name]);
    });
  }

  it("a folder run whose files keep failing is rolled back; the other runs are saved", async () => {
    // By property: a JSON family with a bulk endpoint whose results point at files.
    const family = bulkFamilies.find((f) => !families[f].resultIsAudio && families[f].assets.length >= 2)!;
    const sb = await sandbox();
    const runIds = [await finishedRun(sb.client, family), await finishedRun(sb.client, family)];
    const dir = await tempDir();
    let downloads = 0;
    const results = await download(sb.client, family, runIds, dir, {
      concurrency: 1,
      downloadAttempts: 1,
      // The second file download fails: the first run's folder is then incomplete and must go.
      fetch: async (url: string, init: { signal?: AbortSignal }) =>
        ++downloads === 2 ? new Response("no", { status: 500 }) : fetch(url, init),
    });
    const failed = results.filter((result) => result.error !== undefined);
    expect(failed).toHaveLength(1);
    const saved = results.find((result) => result.error === undefined)!;
    expect(await entries(dir)).toEqual([String(saved.runId)]);
  });
});
