// A JSON result saved whole into one folder: every file the table's `assets` paths point at (per language where
// the result is keyed by language), rendered transcripts, per-language results, the JSON, then a manifest.
import { relative } from "node:path";
import {
  type CambClient,
  type FetchResult,
  families,
  getLanguageResult,
  getResultJson,
  getTranscript,
  type LanguageResultFamily,
  type ResultFamily,
  type TranscriptFamily,
  unwrap,
} from "@camb-kit/client";
import { MissingResultError } from "./errors.js";
import type { PlainFetch } from "./fetch-to-file.js";
import { resultAssets, resultLanguages, withLocalNames } from "./result-assets.js";
import {
  type ExportQuery,
  exportParts,
  exportQuery,
  formatMediaType,
  formatsToAsk,
} from "./result-exports.js";
import { ResultFolder, type SavedManifest } from "./result-folder.js";
import { withDownloadRetries } from "./retry-download.js";
import type { SaveAudioOptions } from "./save-audio.js";

/** What a folder save takes beside `saveAudio`'s options. */
export interface ResultFolderOptions
  extends Omit<SaveAudioOptions, "expectedBytes" | "contentType" | "mkdir"> {
  downloadAttempts: number;
  fetch?: PlainFetch | undefined;
  /** Transcript formats to save (default: every format the spec offers for each transcript). */
  transcriptFormats?: readonly string[] | undefined;
  /** Languages to save per-language files for, beside those the result is keyed by. */
  languages?: readonly string[] | undefined;
  /** The result path's parameters beside the run id (`families[f].resultParams`). */
  path?: Record<string, unknown> | undefined;
}

/** The already-fetched result of a run (a bulk answer's entry), so the save does not ask for it again. */
export interface KnownResult {
  result: unknown;
}

type Json = FetchResult<unknown, unknown>;
type Fetcher = (query: Record<string, string> | undefined) => Promise<Json>;

/** The folder save of one run: the calls it makes, each tried again per `downloadAttempts`. */
async function saveInto(
  folder: ResultFolder,
  client: CambClient,
  family: ResultFamily,
  runId: number,
  result: unknown,
  options: ResultFolderOptions,
): Promise<void> {
  const entry = families[family];
  const { signal, downloadAttempts, transcriptFormats: asked } = options;
  const call = (request: () => Promise<Json>) =>
    withDownloadRetries(async () => unwrap(await request()), downloadAttempts, signal);

  const names = new Map<string, string>();
  for (const asset of resultAssets(result, entry.assets)) {
    const saved = await folder.download(asset.url, asset, entry.resultMediaType);
    names.set(JSON.stringify(asset.key), relative(folder.path, saved.path));
  }

  /** Every export format of one operation for one language (or none), each answer's files saved. */
  const saveExports = async (query: ExportQuery | undefined, language: string | undefined, get: Fetcher) => {
    for (const format of formatsToAsk(query, asked)) {
      const answer = await call(() => get({ [query!.param]: format }));
      for (const part of exportParts(answer, language === undefined ? [] : [language], language)) {
        const facts = { kind: "transcript", key: part.key, language: part.language, format };
        if (part.url !== undefined) await folder.download(part.url, facts, entry.resultMediaType, format);
        else await folder.writeText(folder.name(facts, format), part.text, formatMediaType(format), facts);
      }
    }
  };

  const languages = [...new Set([...resultLanguages(result, entry.assets), ...(options.languages ?? [])])];
  const byLanguage = entry.languageResult !== null && languages.length > 0;
  const getResult = getResultJson as (...args: unknown[]) => Promise<Json>;
  if (!byLanguage) {
    await saveExports(exportQuery(entry.operations.result), undefined, (query) =>
      getResult(client, family, runId, { signal, path: options.path, query }),
    );
  }
  for (const language of byLanguage ? languages : []) {
    const scoped = family as LanguageResultFamily;
    const get: Fetcher = (query) =>
      getLanguageResult(client, scoped, runId, language, { signal, query: query as never });
    const facts = { kind: "result", key: [language], language };
    const json = await call(() => get(undefined));
    await folder.writeText(
      folder.name(facts, "json"),
      toJson(json),
      entry.resultMediaType ?? undefined,
      facts,
    );
    await saveExports(exportQuery(entry.operations.languageResult), language, get);
  }
  for (const language of entry.transcript !== null ? languages : []) {
    await saveExports(exportQuery(entry.operations.transcript), language, (query) =>
      getTranscript(client, family as TranscriptFamily, runId, language, { signal, query: query as never }),
    );
  }

  const facts = { kind: "result", key: [] };
  const local = toJson(withLocalNames(result, names));
  await folder.writeText(folder.name(facts, "json"), local, entry.resultMediaType ?? undefined, facts);
}

const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Saves everything `family`'s JSON result for `runId` holds into the folder `dir` (created when missing) and
 * resolves with its manifest, also written as `manifest.json`, last. All or nothing: when any file fails (after
 * its retries) every file written is removed again, and the folders this save created.
 *
 * A `null` result (`families[f].resultNullable`: nothing to save yet) is a `MissingResultError`, thrown before
 * anything is written: an empty folder would look like a saved result.
 */
export async function saveResultAssets(
  client: CambClient,
  family: ResultFamily,
  runId: number,
  dir: string,
  options: ResultFolderOptions,
  known?: KnownResult,
): Promise<SavedManifest> {
  const { signal, downloadAttempts } = options;
  const getResult = getResultJson as (...args: unknown[]) => Promise<Json>;
  const result = known
    ? known.result
    : await withDownloadRetries(
        async () => unwrap(await getResult(client, family, runId, { signal, path: options.path })),
        downloadAttempts,
        signal,
      );
  if (result === null || result === undefined) throw new MissingResultError(runId);
  const folder = await ResultFolder.open(dir, options);
  try {
    await saveInto(folder, client, family, runId, result, options);
    return await folder.finish();
  } catch (error) {
    await folder.rollback();
    throw error;
  }
}
