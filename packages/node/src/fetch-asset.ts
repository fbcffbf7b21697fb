// A result's file (audio, video, a stem, a subtitle file, a story's dialogue) from its pre-signed URL: a plain
// fetch, like fetchToFile, but text is accepted when the spec declares it as a file type.
import { CambConnectionError } from "@camb-kit/client";
import { mediaKind, mediaTypes, normalizeMediaType, sameMediaType } from "@camb-kit/client/spec";
import { UnexpectedContentTypeError, urlWithoutQuery } from "./errors.js";
import type { FetchToFileOptions, PlainFetch } from "./fetch-to-file.js";
import { type SaveAudioResult, saveAudio } from "./save-audio.js";

/**
 * Whether an answer of this type can be a result's file: bytes, or a text type of the spec's media table
 * (subtitles, plain text) other than the JSON of the result itself. An error page (HTML, JSON) is refused.
 */
function acceptable(contentType: string | undefined, resultMediaType: string | null): boolean {
  if (mediaKind(contentType) !== "text") return true;
  const declared = Object.hasOwn(mediaTypes, normalizeMediaType(contentType ?? ""));
  return declared && !(resultMediaType !== null && sameMediaType(contentType ?? "", resultMediaType));
}

/** Downloads an asset URL to the file `path(contentType)`, atomically (see `saveAudio`). */
export async function fetchAsset(
  url: string,
  path: (contentType: string | undefined) => string,
  resultMediaType: string | null,
  options: FetchToFileOptions,
): Promise<SaveAudioResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  // A plain request: no client, no headers. Pre-signed URLs authenticate through their query.
  const plainFetch: PlainFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const response = await plainFetch(url, signal ? { signal } : {}).catch((error: unknown) => {
    if (signal?.aborted) throw signal.reason;
    throw CambConnectionError.from(error, "GET", urlWithoutQuery(url));
  });
  const contentType = response.headers.get("content-type") ?? undefined;
  if (response.ok && !acceptable(contentType, resultMediaType)) {
    await response.body?.cancel().catch(() => {});
    throw new UnexpectedContentTypeError("a file", contentType);
  }
  return saveAudio(response, path(contentType), {
    signal,
    overwrite: options.overwrite,
    idleTimeoutMs: options.idleTimeoutMs,
    fsync: options.fsync,
    mkdir: options.mkdir,
    onProgress: options.onProgress,
    contentType,
  });
}
