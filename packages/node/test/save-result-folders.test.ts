// saveResult for every family whose result is JSON, looped over the generated table by property: a folder of
// real media per asset and language, transcripts in every format the spec offers, the JSON, a manifest last.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { families, getResultJson, type TaskFamily, unwrap } from "@camb-kit/client";
import { operationSchemas } from "@camb-kit/client/spec";
import { describe, expect, it } from "vitest";
import { startServer } from "../../../tests/support/http-server.js";
import { fileOps } from "../src/file-ops.js";
import { MissingResultError, type SavedManifest, saveResult } from "../src/index.js";
import { exampleResultPath, familyNames, finishedRun } from "./helpers/family-runs.js";
import { expectRealMedia } from "./helpers/media-check.js";
import { sandbox } from "./helpers/sandbox.js";
import { entries, tempDir } from "./helpers/temp-dir.js";

const jsonFamilies = familyNames.filter((f) => families[f].result !== null && !families[f].resultIsAudio);
// The loop's family is a runtime value: the folder save's type is what each iteration gets.
const save = saveResult as (...args: unknown[]) => Promise<SavedManifest>;
const pathOption = (family: TaskFamily) => ({ path: exampleResultPath(family) });

/** Every URL of a sandbox file in a JSON value (its pre-signed storage URLs): the files the result points at. */
function urlsIn(value: unknown): string[] {
  if (typeof value === "string") return /^https?:\/\/[^/]+\/_storage\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(urlsIn);
  return [];
}

/** The values of an operation's query parameter that are file formats (what the test expects per transcript). */
function formatsOf(operationId: string | null): string[] {
  if (!operationId) return [];
  const query = operationSchemas[operationId as keyof typeof operationSchemas].parameters.filter(
    (p) => p.in === "query" && Array.isArray(p.schema.enum),
  );
  const formats = query.find((p) => (p.schema.enum as unknown[]).includes("srt"));
  return (formats?.schema.enum as string[] | undefined) ?? [];
}

describe("saveResult of a JSON result, for every family that has one", () => {
  it("the table has JSON-result families to loop over", () => {
    expect(jsonFamilies.length).toBeGreaterThan(3);
  });

  for (const family of jsonFamilies) {
    const entry = families[family];
    it(`${family}: every file is real media, listed in a manifest written last`, async () => {
      const sb = await sandbox();
      const runId = await finishedRun(sb.client, family);
      const dir = join(await tempDir(), "out");
      const progress: number[] = [];
      const manifest = await save(sb.client, family, runId, dir, {
        ...pathOption(family),
        onProgress: ({ bytes }: { bytes: number }) => progress.push(bytes),
      });
      const raw = unwrap(
        await (getResultJson as (...a: unknown[]) => never)(sb.client, family, runId, pathOption(family)),
      );

      expect(manifest.path).toBe(dir);
      // Only the files of the manifest and the manifest itself: no temp file, nothing else.
      const names = manifest.files.map((file) => file.path.slice(dir.length + 1));
      expect(await entries(dir)).toEqual([...names, "manifest.json"].sort());
      for (const file of manifest.files) {
        expect((await readFile(file.path)).length).toBe(file.bytes);
        await expectRealMedia(file.path, file.contentType);
      }
      const manifestText = await readFile(join(dir, "manifest.json"), "utf8");
      // No pre-signed URL (a credential in its query) is written to disk.
      expect(manifestText).not.toMatch(/https?:\/\//);
      const onDisk = JSON.parse(manifestText);
      expect(onDisk.files).toEqual(
        manifest.files.map((file) => ({ ...file, path: file.path.slice(dir.length + 1) })),
      );

      // One file per URL of the result, of a kind the table names; the JSON itself, without any URL's secret.
      const assetKinds = new Set<string>(entry.assets.map((asset) => asset.kind));
      const assets = manifest.files.filter((file) => file.kind !== "transcript" && file.kind !== "result");
      expect(assets).toHaveLength(urlsIn(raw).length);
      for (const file of assets) expect(assetKinds).toContain(file.kind);
      // Each downloaded file's progress reached its size (progress counts per file).
      for (const file of assets) expect(progress).toContain(file.bytes);
      const json = await readFile(join(dir, "result.json"), "utf8");
      expect(urlsIn(JSON.parse(json))).toEqual([]);

      // Per language, where the result is keyed by language: each language has its own files.
      const keyed = entry.assets.some((asset) => asset.path[0] === "*");
      const languages = keyed ? Object.keys(raw as object) : [];
      for (const language of languages) {
        expect(manifest.files.filter((file) => file.language === language).length).toBeGreaterThan(0);
      }
      // Transcripts: every format the spec offers, per language for a transcript or per-language result.
      const perLanguage = [entry.operations.transcript, entry.operations.languageResult];
      for (const operation of perLanguage) {
        for (const format of formatsOf(operation)) {
          for (const language of languages) {
            expect(manifest.files).toContainEqual(
              expect.objectContaining({ kind: "transcript", language, format }),
            );
          }
        }
      }
      if (languages.length === 0 || entry.operations.languageResult === null) {
        for (const format of formatsOf(entry.operations.result)) {
          expect(manifest.files).toContainEqual(expect.objectContaining({ kind: "transcript", format }));
        }
      }
    });

    it(`${family}: a failure at the last step leaves nothing, and a folder that was there as it was`, async () => {
      const sb = await sandbox();
      const runId = await finishedRun(sb.client, family);
      const dir = await tempDir();
      await writeFile(join(dir, "keep.txt"), "mine");
      const rename = fileOps.rename;
      // The manifest is written last: failing its commit proves every file before it is rolled back.
      fileOps.rename = async (from, to) => {
        if (String(to).endsWith("manifest.json"))
          throw Object.assign(new Error("disk full"), { code: "ENOSPC" });
        return rename(from, to);
      };
      try {
        const error = await save(sb.client, family, runId, dir, pathOption(family)).catch((e: unknown) => e);
        expect((error as Error).message).toBe("disk full");
      } finally {
        fileOps.rename = rename;
      }
      expect(await readdir(dir)).toEqual(["keep.txt"]);
    });
  }

  it("a file that keeps failing to download leaves no folder and no file (real HTTP faults)", async () => {
    // The family by property: a JSON result with the most asset paths (several files to roll back).
    const family = [...jsonFamilies].sort(
      (a, b) => families[b].assets.length - families[a].assets.length,
    )[0]!;
    const sb = await sandbox({
      faults: [{ route: "storage", kind: "status", status: 500, nth: [2, 3, 4, 5, 6, 7] }],
    });
    const runId = await finishedRun(sb.client, family);
    const parent = await tempDir();
    const error = await save(sb.client, family, runId, join(parent, "a", "b"), {
      ...pathOption(family),
      downloadAttempts: 2,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(await entries(parent)).toEqual([]);
  });

  for (const family of jsonFamilies.filter((f) => families[f].resultNullable)) {
    it(`${family}: a null result is a MissingResultError and writes nothing`, async () => {
      const server = await startServer((_req, res) =>
        res.writeHead(200, { "content-type": "application/json" }).end("null"),
      );
      try {
        const { createCambClient } = await import("@camb-kit/client");
        const client = createCambClient({ apiKey: "k", baseUrl: server.url, retry: false });
        const parent = await tempDir();
        const error = await save(client, family, 7, join(parent, "out"), pathOption(family)).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(MissingResultError);
        expect(await entries(parent)).toEqual([]);
      } finally {
        await server.close();
      }
    });
  }
});
