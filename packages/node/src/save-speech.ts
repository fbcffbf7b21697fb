import { type CambClient, openSpeechStream, type StreamSpeechBody } from "@camb-kit/client";
import { UnexpectedContentTypeError } from "./errors.js";
import { isNonAudioMediaType } from "./media-type.js";
import { type SaveAudioResult, saveAudio } from "./save-audio.js";
import type { SaveResultOptions } from "./save-result.js";

export interface SaveSpeechResult extends SaveAudioResult {
  /** Credits the request used, from the server's `X-Credits-Required` header (undefined when absent). */
  creditsRequired: number | undefined;
}

/**
 * `POST /tts-stream` straight to a file: the audio is written while it is generated, never held in memory.
 * The format follows `body.output_configuration.format`; the path is used as given. An answer that is not
 * audio (JSON, text) throws `UnexpectedContentTypeError`; non-2xx answers throw `CambApiError`.
 */
export async function saveSpeech(
  client: CambClient,
  body: StreamSpeechBody,
  path: string,
  options: SaveResultOptions = {},
): Promise<SaveSpeechResult> {
  const speech = await openSpeechStream(client, body, { signal: options.signal });
  if (isNonAudioMediaType(speech.contentType)) {
    await speech.stream.cancel().catch(() => {});
    throw new UnexpectedContentTypeError("audio", speech.contentType);
  }
  const saved = await saveAudio(speech.stream, path, {
    ...options,
    expectedBytes: speech.contentLength,
    contentType: speech.contentType,
  });
  return { ...saved, creditsRequired: speech.creditsRequired };
}
