// saveSpeech: streamed speech written to a file while it is generated.
import { type CambClient, openSpeechStream, type StreamSpeechBody } from "@camb-kit/client";
import { mediaKind } from "@camb-kit/client/spec";
import { UnexpectedContentTypeError } from "./errors.js";
import { type SaveAudioOptions, type SaveAudioResult, saveAudio } from "./save-audio.js";

/** `saveAudio`'s options; `expectedBytes` and `contentType` come from the response itself. */
export type SaveSpeechOptions = Omit<SaveAudioOptions, "expectedBytes" | "contentType">;

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
  options: SaveSpeechOptions = {},
): Promise<SaveSpeechResult> {
  const speech = await openSpeechStream(client, body, { signal: options.signal });
  if (mediaKind(speech.contentType) === "text") {
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
