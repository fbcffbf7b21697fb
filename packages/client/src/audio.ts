// The audio answers (a task's result, streamed speech) as an unread stream with what its headers say.
import type { CambClient } from "./camb-client.js";
import { declaredContentLength } from "./content-length.js";
import { CambApiError } from "./errors/api-error.js";
import type { AudioTaskFamily } from "./families.js";
import { operations } from "./generated/operations.js";
import type { components } from "./generated/schema.js";
import { type CallOptions, getResultStream } from "./tasks.js";
import type { FetchResult } from "./unwrap.js";

/** An audio response whose body has not been read yet. Read `stream` once (tee it to read it twice). */
export interface AudioStream {
  stream: ReadableStream<Uint8Array>;
  /** The response's Content-Type, e.g. `audio/flac`. */
  contentType: string | undefined;
  /** From Content-Length when the server sent a trustworthy one (a chunked stream has none). */
  contentLength: number | undefined;
  response: Response;
}

export interface SpeechStream extends AudioStream {
  /** Credits the request used, from the `X-Credits-Required` header. */
  creditsRequired: number | undefined;
}

export type StreamSpeechBody = components["schemas"]["StreamSpeechRequest"];

function toAudioStream(result: FetchResult<ReadableStream<Uint8Array> | null, unknown>): AudioStream {
  const { response, data } = result;
  if (!response.ok || result.error !== undefined) throw CambApiError.fromResponse(response, result.error);
  if (!data) throw CambApiError.fromResponse(response, "the response has no body");
  return {
    stream: data,
    contentType: response.headers.get("content-type") ?? undefined,
    contentLength: declaredContentLength(response.headers),
    response,
  };
}

/** Fetches a finished task's audio as a stream; throws `CambApiError` on any non-2xx answer. */
export async function openResultAudio(
  client: CambClient,
  family: AudioTaskFamily,
  runId: number,
  options: CallOptions = {},
): Promise<AudioStream> {
  return toAudioStream(await getResultStream(client, family, runId, options));
}

/** `streamSpeech` (`POST /tts-stream`): starts streaming speech; throws `CambApiError` on any non-2xx answer. */
export async function openSpeechStream(
  client: CambClient,
  body: StreamSpeechBody,
  options: CallOptions = {},
): Promise<SpeechStream> {
  const result = await client.POST(operations.streamSpeech.path, { body, parseAs: "stream", ...options });
  const audio = toAudioStream(result);
  const credits = audio.response.headers.get("x-credits-required");
  return { ...audio, creditsRequired: credits === null ? undefined : Number(credits) };
}
