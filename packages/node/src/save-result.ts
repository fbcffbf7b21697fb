// saveResult: a finished task's file, fetched as a stream and saved atomically under the family's extension.
import { extname } from "node:path";
import { type AudioTaskFamily, type CambClient, families, openResultAudio } from "@camb-kit/client";
import { sameMediaType } from "@camb-kit/client/spec";
import { UnexpectedContentTypeError } from "./errors.js";
import { type SaveAudioOptions, type SaveAudioResult, saveAudio } from "./save-audio.js";

/** `saveAudio`'s options; `expectedBytes` and `contentType` come from the response itself. */
export type SaveResultOptions = Omit<SaveAudioOptions, "expectedBytes" | "contentType">;

/** Adds the family's extension (`.flac` for tts, `.wav` for text-to-sound…) when the path has none. */
export function withDefaultExtension(path: string, extension: string): string {
  return extname(path) === "" ? `${path}.${extension}` : path;
}

/**
 * Fetches a finished task's audio (`GET /<family>-result/{run_id}`, raw bytes) and streams it to `path`.
 *
 * - The family decides the expected content type (`families[family].resultMediaType`): an answer in another
 *   type (e.g. JSON) throws `UnexpectedContentTypeError` before anything is written.
 * - A path without an extension gets the family's (`families[family].fileExtension`): `out/run-7` becomes
 *   `out/run-7.flac` for tts. The returned `path` is the one actually written.
 * - Content-Length, when sent, is enforced (`TruncatedStreamError`); non-2xx answers throw `CambApiError`.
 */
export async function saveResult(
  client: CambClient,
  family: AudioTaskFamily,
  runId: number,
  path: string,
  options: SaveResultOptions = {},
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
