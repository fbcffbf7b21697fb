// A result's file (audio, video, a stem, a subtitle file, a story's dialogue) from its pre-signed URL: as
// fetchToFile, but text is accepted when the spec declares it as a file type.
import { mediaKind, mediaTypes, normalizeMediaType, sameMediaType } from "@camb-kit/client/spec";
import { type FetchToFileOptions, fetchToFile } from "./fetch-to-file.js";
import type { SaveAudioResult } from "./save-audio.js";

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
export function fetchAsset(
  url: string,
  path: (contentType: string | undefined) => string,
  resultMediaType: string | null,
  options: FetchToFileOptions,
): Promise<SaveAudioResult> {
  return fetchToFile(url, path, options, {
    what: "a file",
    accepts: (contentType) => acceptable(contentType, resultMediaType),
  });
}
