// downloadResults: the files of many finished runs, looked up in bulk within the spec's bounds and saved.
import { join } from "node:path";
import { type BulkTaskFamily, type CambClient, families } from "@camb-kit/client";
import { fetchToFile, type PlainFetch } from "./fetch-to-file.js";
import { fileOps } from "./file-ops.js";
import { createLimit } from "./limit.js";
import { planLookups } from "./lookup-plan.js";
import { lookupBulk, lookupSingle, type UrlLookup } from "./resolve-urls.js";
import { DEFAULT_DOWNLOAD_ATTEMPTS, withDownloadRetries } from "./retry-download.js";
import type { SaveAudioOptions } from "./save-audio.js";

export interface DownloadResultsOptions
  extends Pick<SaveAudioOptions, "overwrite" | "idleTimeoutMs" | "fsync"> {
  /** Downloads (and lookups) at once; default 4. */
  concurrency?: number | undefined;
  /** Aborts every lookup and download; the call then rejects with the signal's reason (after cleanup). */
  signal?: AbortSignal | undefined;
  /** Create `dir` when missing (default true). */
  mkdir?: boolean | undefined;
  /** The file name for a run, inside `dir`. Default `<runId>.<family extension>`, e.g. `123.flac`. */
  fileName?: ((runId: number) => string) | undefined;
  /**
   * The fetch used for the pre-signed storage URLs; default `globalThis.fetch`. It is called with the URL and
   * `{ signal }` only: never the client's fetch, never the API key or any other client header.
   */
  fetch?: PlainFetch | undefined;
  /**
   * Tries per lookup and per download, the first included (default 3): a reset, a 5xx, a stall or a cut body
   * is tried again, each time as a fresh atomic save.
   */
  downloadAttempts?: number | undefined;
  /** Called as each run id settles, in completion order. */
  onResult?: ((result: DownloadResult) => void) | undefined;
}

export type DownloadResult =
  | { runId: number; path: string; bytes: number; error?: undefined }
  | { runId: number; error: unknown; path?: undefined };

/**
 * Downloads the files of any number of finished runs into `dir`. Asks the bulk endpoint in chunks within
 * the family's bounds (`families[family].bulkRunIds`, e.g. 2–5 for tts; a lone id or a short remainder uses
 * the single-result endpoint), downloads the returned pre-signed URLs with bounded concurrency through
 * `saveAudio` (atomic, length-checked), and resolves with one entry per distinct run id, in input order: a
 * saved file, or the error for that id. One failure never stops the others.
 */
export async function downloadResults(
  client: CambClient,
  family: BulkTaskFamily,
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
  const download = async (lookup: UrlLookup) => {
    if ("error" in lookup) return settle(lookup);
    const path = join(dir, options.fileName?.(lookup.runId) ?? `${lookup.runId}.${entry.fileExtension}`);
    try {
      const saved = await limitDownloads(() =>
        withDownloadRetries(
          () => fetchToFile(lookup.url, path, { ...options, mkdir: false }),
          attempts,
          signal,
        ),
      );
      settle({ runId: lookup.runId, path: saved.path, bytes: saved.bytes });
    } catch (error) {
      settle({ runId: lookup.runId, error });
    }
  };

  const plan = planLookups(ids, entry.bulkRunIds);
  await Promise.all([
    ...plan.bulk.map(async (chunk) => {
      const lookups = await limitLookups(() => lookupBulk(client, family, chunk, signal, attempts));
      await Promise.all(lookups.map(download));
    }),
    ...plan.single.map(async (runId) =>
      download(await limitLookups(() => lookupSingle(client, family, runId, signal, attempts))),
    ),
  ]);
  // Every save has cleaned up by now: reject only after that, so no temp file outlives the call.
  signal?.throwIfAborted();
  return ids.map((runId) => results.get(runId)!);
}
