// A pre-signed storage URL saved to a file: a plain fetch (never the client, never the key), typed errors,
// refused non-audio answers, then an atomic saveAudio.
import { CambConnectionError } from "@camb-kit/client";
import { mediaKind } from "@camb-kit/client/spec";
import { UnexpectedContentTypeError, urlWithoutQuery } from "./errors.js";
import { type SaveAudioOptions, type SaveAudioResult, saveAudio } from "./save-audio.js";

/** The fetch used for pre-signed URLs: called with the URL and `{ signal }` only. */
export type PlainFetch = (url: string, init: { signal?: AbortSignal }) => Promise<Response>;

export interface FetchToFileOptions
  extends Pick<SaveAudioOptions, "overwrite" | "idleTimeoutMs" | "fsync" | "mkdir" | "onProgress"> {
  signal?: AbortSignal | undefined;
  fetch?: PlainFetch | undefined;
}

/** Which answers are the file asked for (by Content-Type), and what to call it in the error otherwise. */
export interface Expected {
  what: string;
  accepts: (contentType: string | undefined) => boolean;
}

/** By default any bytes are the file: a text answer (an error page, JSON) is not. */
const BYTES: Expected = { what: "audio", accepts: (contentType) => mediaKind(contentType) !== "text" };

/**
 * Downloads `url` to a file. `path` is the file, or a function choosing it from the answer's Content-Type
 * (for assets whose format is only known once they answer).
 */
export async function fetchToFile(
  url: string,
  path: string | ((contentType: string | undefined) => string),
  options: FetchToFileOptions,
  expected: Expected = BYTES,
): Promise<SaveAudioResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  // A plain request: no client, no headers. Pre-signed URLs authenticate through their query.
  const plainFetch: PlainFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const response = await plainFetch(url, signal ? { signal } : {}).catch((error: unknown) => {
    if (signal?.aborted) throw signal.reason;
    // The query of a pre-signed URL is a credential: the error names the origin and path only.
    throw CambConnectionError.from(error, "GET", urlWithoutQuery(url));
  });
  const contentType = response.headers.get("content-type") ?? undefined;
  if (response.ok && !expected.accepts(contentType)) {
    await response.body?.cancel().catch(() => {});
    throw new UnexpectedContentTypeError(expected.what, contentType);
  }
  return saveAudio(response, typeof path === "string" ? path : path(contentType), {
    signal,
    overwrite: options.overwrite,
    idleTimeoutMs: options.idleTimeoutMs,
    fsync: options.fsync,
    mkdir: options.mkdir,
    onProgress: options.onProgress,
  });
}
