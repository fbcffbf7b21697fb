// saveResult: everything a finished task holds, saved atomically: a family whose result is a file gets that
// file under the family's extension; a family whose result is JSON gets a folder with every file it holds.
import { extname } from "node:path";
import {
  type AudioTaskFamily,
  type CambClient,
  families,
  openResultAudio,
  type ResultFamily,
  type ResultOptions,
  type ResultTaskFamily,
  type Schemas,
} from "@camb-kit/client";
import { sameMediaType } from "@camb-kit/client/spec";
import { UnexpectedContentTypeError } from "./errors.js";
import type { PlainFetch } from "./fetch-to-file.js";
import type { SavedManifest } from "./result-folder.js";
import { DEFAULT_DOWNLOAD_ATTEMPTS, withDownloadRetries } from "./retry-download.js";
import { type SaveAudioOptions, type SaveAudioResult, saveAudio } from "./save-audio.js";
import { saveResultAssets } from "./save-result-assets.js";

type Family<F extends ResultFamily> = (typeof families)[F];

/** What every `saveResult` call takes: `saveAudio`'s options (the type and size come from the answer), and more. */
export type SaveResultBaseOptions = Omit<SaveAudioOptions, "expectedBytes" | "contentType"> & {
  /** Tries per download, the first included (default 3): a reset, a 5xx or a cut body is tried again. */
  downloadAttempts?: number | undefined;
  /**
   * Rendered transcript formats a folder save writes (default: every format the spec offers for each of the
   * family's transcripts; `[]` for none).
   */
  transcriptFormats?: readonly Schemas["TranscriptFileFormat"][] | undefined;
  /**
   * Languages to save per-language files for (transcripts, per-language results), beside the languages the
   * result is keyed by: a one-language result does not name its language, and a source language is no key.
   */
  languages?: readonly string[] | undefined;
  /** The fetch for pre-signed file URLs (called with the URL and `{ signal }` only); default `globalThis.fetch`. */
  fetch?: PlainFetch | undefined;
};

/**
 * `saveResult`'s options for `family`: a family whose result path takes more than the run id
 * (`families[f].resultParams`, e.g. a target language) requires it as `path`.
 */
export type SaveResultOptions<F extends ResultFamily = ResultTaskFamily> = F extends unknown
  ? SaveResultBaseOptions &
      (Family<F>["resultParams"] extends readonly []
        ? { path?: undefined }
        : { path: NonNullable<ResultOptions<F>["path"]> })
  : never;

type OptionsArg<F extends ResultFamily> = Family<F>["resultParams"] extends readonly []
  ? [options?: SaveResultOptions<F>]
  : [options: SaveResultOptions<F>];

/** The kinds of file a folder save of `F` writes: its assets' kinds, rendered transcripts and the JSON. */
export type SavedFileKind<F extends ResultFamily> =
  | Family<F>["assets"][number]["kind"]
  | "transcript"
  | "result";

/** What `saveResult` wrote: the file of a file result, the folder and its manifest for a JSON one. */
export type SavedResult<F extends ResultFamily> = F extends AudioTaskFamily
  ? SaveAudioResult
  : SavedManifest<SavedFileKind<F>>;

/** Adds the family's extension (`.flac` for tts, `.wav` for text-to-sound…) when the path has none. */
export function withDefaultExtension(path: string, extension: string): string {
  return extname(path) === "" ? `${path}.${extension}` : path;
}

async function saveResultFile(
  client: CambClient,
  family: AudioTaskFamily,
  runId: number,
  path: string,
  options: SaveAudioOptions,
): Promise<SaveAudioResult> {
  const entry = families[family];
  const audio = await openResultAudio(client, family, runId, { signal: options.signal });
  // A missing Content-Type is accepted (some servers send none); JSON, an error page or another format is not.
  if (audio.contentType !== undefined && !sameMediaType(audio.contentType, entry.resultMediaType)) {
    await audio.stream.cancel().catch(() => {}); // release the connection: this body will not be read
    throw new UnexpectedContentTypeError(entry.resultMediaType, audio.contentType);
  }
  return saveAudio(audio.stream, withDefaultExtension(path, entry.fileExtension), {
    ...options,
    expectedBytes: audio.contentLength,
    contentType: audio.contentType,
  });
}

/**
 * Saves a finished task's result.
 *
 * - A file result (`families[family].resultIsAudio`) is streamed to the file `target`. Its content type must
 *   be the family's `resultMediaType` (`UnexpectedContentTypeError` before anything is written otherwise); a
 *   path without an extension gets the family's (`out/run-7` becomes `out/run-7.flac` for tts).
 * - A JSON result is saved into the folder `target`: every file its `assets` paths point at (per language
 *   where the result is keyed by language), each per-language result, the family's transcripts and exports in
 *   `transcriptFormats`, the JSON itself as `result.json` (file URLs replaced by the saved files' names), and
 *   last `manifest.json`. Resolves with the manifest (`SavedManifest`). All or nothing.
 * - A result that is `null` (`resultNullable`) is a `MissingResultError`, with nothing written.
 * - Downloads are idempotent: a reset, a 5xx, a stall or a cut body is tried again (`downloadAttempts`),
 *   each try a fresh atomic save. Content-Length, when sent, is enforced (`TruncatedStreamError`); API errors
 *   are `CambApiError`.
 */
export async function saveResult<F extends ResultFamily>(
  client: CambClient,
  family: F,
  runId: number,
  target: string,
  ...[options]: OptionsArg<F>
): Promise<SavedResult<F>> {
  const given: SaveResultBaseOptions & { path?: Record<string, unknown> | undefined } = options ?? {};
  const {
    downloadAttempts = DEFAULT_DOWNLOAD_ATTEMPTS,
    transcriptFormats,
    languages,
    path,
    fetch,
    ...rest
  } = given;
  const saved = families[family].resultIsAudio
    ? withDownloadRetries(
        () => saveResultFile(client, family as AudioTaskFamily, runId, target, rest),
        downloadAttempts,
        rest.signal,
      )
    : saveResultAssets(client, family, runId, target, {
        ...rest,
        downloadAttempts,
        transcriptFormats,
        languages,
        path,
        fetch,
      });
  return (await saved) as SavedResult<F>;
}
