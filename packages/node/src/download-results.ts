// downloadResults: everything many finished runs hold, looked up in bulk within the spec's bounds and saved: a
// file per run for a file result, a folder per run (through saveResult's asset code) for a JSON one.
import { join } from "node:path";
import { type BulkResultFamily, type CambClient, families } from "@camb-kit/client";
import { fetchToFile } from "./fetch-to-file.js";
import { fileOps } from "./file-ops.js";
import { createLimit } from "./limit.js";
import { planLookups } from "./lookup-plan.js";
import { lookupBulk, lookupSingle, type ResultLookup, urlOf } from "./resolve-urls.js";
import type { ManifestFile } from "./result-folder.js";
import { DEFAULT_DOWNLOAD_ATTEMPTS, withDownloadRetries } from "./retry-download.js";
import type { SaveAudioOptions } from "./save-audio.js";
import type { SaveResultBaseOptions } from "./save-result.js";
import { saveResultAssets } from "./save-result-assets.js";

export interface DownloadResultsOptions
  extends Pick<SaveAudioOptions, "overwrite" | "idleTimeoutMs" | "fsync">,
    Pick<SaveResultBaseOptions, "transcriptFormats" | "languages" | "fetch"> {
  /** Downloads (and lookups) at once; default 4. A run saved as a folder counts as one. */
  concurrency?: number | undefined;
  /** Aborts every lookup and download; the call then rejects with the signal's reason (after cleanup). */
  signal?: AbortSignal | undefined;
  /** Create `dir` when missing (default true). */
  mkdir?: boolean | undefined;
  /**
   * The file name for a run, inside `dir`. Default `<runId>.<family extension>` (`123.flac`) for a file
   * result, `<runId>` (a folder) for a JSON one.
   */
  fileName?: ((runId: number) => string) | undefined;
  /**
   * Tries per lookup and per download, the first included (default 3): a reset, a 5xx, a stall or a cut body
   * is tried again, each time as a fresh atomic save.
   */
  downloadAttempts?: number | undefined;
  /** Called as each run id settles, in completion order. */
  onResult?: ((result: DownloadResult) => void) | undefined;
}

/**
 * One run's outcome: the saved file (or folder, with its files, for a JSON result), or the error for it.
 * `bytes` is the file's size, or the sum of the folder's files.
 */
export type DownloadResult =
  | { runId: number; path: string; bytes: number; files?: ManifestFile[] | undefined; error?: undefined }
  | { runId: number; error: unknown; path?: undefined };

/**
 * Saves the results of any number of finished runs into `dir`, for every family with a bulk endpoint (a map
 * keyed by run id, or a list). Asks it in chunks within the family's bounds (`families[family].bulkRunIds`,
 * e.g. 2–5; a lone id or a short remainder uses the single-result endpoint), then saves each run with
 * bounded concurrency: a file result's pre-signed URL to `<runId>.<ext>` through `saveAudio` (atomic,
 * length-checked), a JSON result into the folder `<runId>/` exactly as `saveResult` does (every asset,
 * transcript and `manifest.json`, all or nothing). Resolves with one entry per distinct run id, in input
 * order: what was saved, or the error for that id. One failure never stops the others.
 */
export async function downloadResults(
  client: CambClient,
  family: BulkResultFamily,
  runIds: readonly number[],
  dir: string,
  options: DownloadResultsOptions = {},
): Promise<DownloadResult[]> {
  const ids = [...new Set(runIds)]; // the same id twice would race for the same file
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new TypeError(`Invalid run id: ${id}`);
  const { signal } = options;
  signal?.throwIfAborted();
  const entry = families[family];
  const attempts = options.downloadAttempts ?? DEFAULT_DOWNLOAD_ATTEMPTS;
  const limitLookups = createLimit(options.concurrency ?? 4);
  const limitDownloads = createLimit(options.concurrency ?? 4);
  if (options.mkdir ?? true) await fileOps.mkdir(dir, { recursive: true });

  const results = new Map<number, DownloadResult>();
  const settle = (result: DownloadResult) => {
    results.set(result.runId, result);
    options.onResult?.(result);
  };
  type Saved = { path: string; bytes: number; files: ManifestFile[] | undefined };
  const saveFile = async (runId: number, lookup: ResultLookup): Promise<Saved> => {
    const found = urlOf(lookup);
    if ("error" in found) throw found.error;
    const path = join(dir, options.fileName?.(runId) ?? `${runId}.${entry.fileExtension}`);
    const saved = await withDownloadRetries(
      () => fetchToFile(found.url, path, { ...options, mkdir: false }),
      attempts,
      signal,
    );
    return { path: saved.path, bytes: saved.bytes, files: undefined };
  };
  const saveFolder = async (runId: number, lookup: ResultLookup): Promise<Saved> => {
    if ("error" in lookup) throw lookup.error;
    const folder = join(dir, options.fileName?.(runId) ?? String(runId));
    const saved = await saveResultAssets(
      client,
      family,
      runId,
      folder,
      { ...options, downloadAttempts: attempts },
      { result: lookup.result },
    );
    const bytes = saved.files.reduce((sum, file) => sum + file.bytes, 0);
    return { path: saved.path, bytes, files: saved.files };
  };
  const save = async (lookup: ResultLookup) => {
    const { runId } = lookup;
    if ("error" in lookup) return settle(lookup);
    try {
      const saved = await limitDownloads(() =>
        entry.resultIsAudio ? saveFile(runId, lookup) : saveFolder(runId, lookup),
      );
      settle({ runId, ...saved });
    } catch (error) {
      settle({ runId, error });
    }
  };

  const plan = planLookups(ids, entry.bulkRunIds);
  await Promise.all([
    ...plan.bulk.map(async (chunk) => {
      const lookups = await limitLookups(() => lookupBulk(client, family, chunk, signal, attempts));
      await Promise.all(lookups.map(save));
    }),
    ...plan.single.map(async (runId) =>
      save(await limitLookups(() => lookupSingle(client, family, runId, signal, attempts))),
    ),
  ]);
  // Every save has cleaned up by now: reject only after that, so no temp file outlives the call.
  signal?.throwIfAborted();
  return ids.map((runId) => results.get(runId)!);
}
