// saveResult: everything a finished task holds, saved atomically: a family whose result is a file gets that
// file under the family's extension; a family whose result is JSON gets every file it points at, in a folder.
import { extname } from "node:path";
import {
  type AudioTaskFamily,
  type CambClient,
  families,
  openResultAudio,
  type ResultTaskFamily,
} from "@camb-kit/client";
import { sameMediaType } from "@camb-kit/client/spec";
import { UnexpectedContentTypeError } from "./errors.js";
import { DEFAULT_DOWNLOAD_ATTEMPTS, withDownloadRetries } from "./retry-download.js";
import { type SaveAudioOptions, type SaveAudioResult, saveAudio } from "./save-audio.js";
import { type SavedAssets, saveResultAssets } from "./save-result-assets.js";

/** `saveAudio`'s options (`expectedBytes` and `contentType` come from the response), and the retry bound. */
export type SaveResultOptions = Omit<SaveAudioOptions, "expectedBytes" | "contentType"> & {
  /** Tries per download, the first included (default 3): a reset, a 5xx or a cut body is tried again. */
  downloadAttempts?: number | undefined;
};

/** What `saveResult` wrote: the file of a file result, the folder and its files for a JSON one. */
export type SavedResult<F extends ResultTaskFamily> = F extends AudioTaskFamily
  ? SaveAudioResult
  : SavedAssets;

/** Adds the family's extension (`.flac` for tts, `.wav` for text-to-sound…) when the path has none. */
export function withDefaultExtension(path: string, extension: string): string {
  return extname(path) === "" ? `${path}.${extension}` : path;
}

async function saveResultFile(
  client: CambClient,
  family: AudioTaskFamily,
  runId: number,
  path: string,
  options: SaveResultOptions,
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
 * Saves a finished task's result (`GET /<family>-result/{run_id}`).
 *
 * - A file result (`families[family].resultIsAudio`) is streamed to `path`. Its content type must be the
 *   family's `resultMediaType` (`UnexpectedContentTypeError` before anything is written otherwise); a path
 *   without an extension gets the family's (`out/run-7` becomes `out/run-7.flac` for tts).
 * - A JSON result (text-to-voice's previews, and any family the spec gives one) is fetched as JSON and every
 *   URL in it is downloaded into the folder `path`, each under a name from its place in the JSON and the
 *   extension of its media type (`previews-1.wav`…): see `SavedAssets`.
 * - Downloads are idempotent: a reset, a 5xx, a stall or a cut body is tried again (`downloadAttempts`),
 *   each try a fresh atomic save. Content-Length, when sent, is enforced (`TruncatedStreamError`); API errors
 *   are `CambApiError`.
 */
export async function saveResult<F extends ResultTaskFamily>(
  client: CambClient,
  family: F,
  runId: number,
  path: string,
  options: SaveResultOptions = {},
): Promise<SavedResult<F>> {
  const { downloadAttempts = DEFAULT_DOWNLOAD_ATTEMPTS, ...rest } = options;
  const saved = families[family].resultIsAudio
    ? withDownloadRetries(
        () => saveResultFile(client, family as AudioTaskFamily, runId, path, rest),
        downloadAttempts,
        options.signal,
      )
    : saveResultAssets(client, family, runId, path, { ...rest, downloadAttempts });
  return (await saved) as SavedResult<F>;
}
