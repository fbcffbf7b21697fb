// A JSON result's files (a designed voice's previews…): every URL in the JSON, downloaded into one folder under
// a name from its place in the JSON, without a list of keys anywhere, so a family added to the spec works too.
import { dirname, join, resolve } from "node:path";
import { type CambClient, getResultJson, type ResultTaskFamily, unwrap } from "@camb-kit/client";
import { extensionOf } from "@camb-kit/client/spec";
import { removeQuietly } from "./atomic-file.js";
import { fetchToFile, type PlainFetch } from "./fetch-to-file.js";
import { fileOps } from "./file-ops.js";
import { withDownloadRetries } from "./retry-download.js";
import type { SaveAudioOptions, SaveAudioResult } from "./save-audio.js";

/** One URL of a JSON result, and where in the JSON it was (`["previews", 0]`). */
export interface ResultAsset {
  url: string;
  key: (string | number)[];
}

/** What saving a JSON result wrote: the folder, and one saved file per URL, in the JSON's order. */
export interface SavedAssets {
  /** The absolute path of the folder. */
  path: string;
  files: (SaveAudioResult & { key: (string | number)[] })[];
}

/** Every http(s) URL in a JSON value, depth first, with its place in it. */
export function resultAssets(value: unknown, key: (string | number)[] = []): ResultAsset[] {
  if (typeof value === "string") return /^https?:\/\//.test(value) ? [{ url: value, key }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => resultAssets(item, [...key, index]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([name, item]) => resultAssets(item, [...key, name]));
  }
  return [];
}

/** `["previews", 0]` -> `previews-1` (1-based, as people count files); characters unfit for a name go. */
function assetName(key: (string | number)[]): string {
  const parts = key.map((part) => (typeof part === "number" ? String(part + 1) : part));
  return parts.join("-").replace(/[^\p{L}\p{N}._-]+/gu, "_") || "result";
}

/** Removes `folder` and its parents up to `top`, each only while empty (others may have written there since). */
async function removeEmptyFolders(folder: string, top: string): Promise<void> {
  for (let current = folder; ; current = dirname(current)) {
    if (
      !(await fileOps.rmdir(current).then(
        () => true,
        () => false,
      ))
    )
      return;
    if (current === resolve(top) || dirname(current) === current) return;
  }
}

/** Downloads every URL of `family`'s JSON result for `runId` into the folder `dir` (created when missing). */
export async function saveResultAssets(
  client: CambClient,
  family: ResultTaskFamily,
  runId: number,
  dir: string,
  options: Omit<SaveAudioOptions, "expectedBytes" | "contentType"> & {
    downloadAttempts: number;
    fetch?: PlainFetch | undefined;
  },
): Promise<SavedAssets> {
  const { signal, downloadAttempts } = options;
  const result = await withDownloadRetries(
    async () => unwrap(await getResultJson(client, family, runId, { signal })),
    downloadAttempts,
    signal,
  );
  const assets = resultAssets(result);
  const folder = resolve(dir);
  // mkdir returns the first folder it created, if any: that one goes again when the save fails.
  const created = await fileOps.mkdir(folder, { recursive: true });
  const files: SavedAssets["files"] = [];
  try {
    // One at a time: a result holds a handful of files, and the order of `files` is the JSON's.
    for (const asset of assets) {
      const name = assetName(asset.key);
      const saved = await withDownloadRetries(
        () =>
          fetchToFile(asset.url, (type) => join(folder, `${name}.${extensionOf(type) ?? "bin"}`), {
            ...options,
            mkdir: false,
          }),
        downloadAttempts,
        signal,
      );
      files.push({ ...saved, key: asset.key });
    }
  } catch (error) {
    // All or nothing, as for a single file: a result missing one of its files is not a result.
    await Promise.all(files.map((file) => removeQuietly(file.path)));
    if (created) await removeEmptyFolders(folder, created);
    throw error;
  }
  return { path: folder, files };
}
