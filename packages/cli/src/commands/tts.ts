// `camb tts`: streamed speech written straight to a file, in any output format of the spec.
import { openSpeechStream, operations, type StreamSpeechBody, unwrap } from "@camb-kit/client";
import { enums, extensionOf, formatMediaTypes, limits, mediaKind } from "@camb-kit/client/spec";
import { saveSpeech, UnexpectedContentTypeError } from "@camb-kit/node";
import type { Context } from "../context.js";
import { InputError } from "../exit-codes.js";
import { inspectable } from "../inspect-audio.js";
import { describeFile, printResult } from "../output.js";
import { outputTarget, writeToStdout } from "../output-target.js";

/** The spec's output formats of streamed speech, e.g. mp3, wav, flac, adts and the pcm_* layouts. */
export const SPEECH_FORMATS: readonly string[] = enums.StreamOutputFormat;
type SpeechFormat = (typeof enums.StreamOutputFormat)[number];
/** The format the API streams when none is asked for. */
export const DEFAULT_SPEECH_FORMAT: SpeechFormat = limits.StreamOutputConfiguration.format.default;

export interface TtsOptions {
  voice?: string;
  language: string;
  model?: string;
  format: string;
  output?: string;
}

export function parseVoiceId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1)
    throw new InputError(`--voice must be a voice id (a positive integer), got "${value}"`);
  return id;
}

/** The first voice of `camb voices`, for a command given no --voice (said on stderr). */
export async function defaultVoice(context: Context): Promise<number> {
  const voices = unwrap(await context.client.GET(operations.listVoices.path, { signal: context.signal }));
  const first = voices[0];
  if (!first) throw new InputError("no voice available: pass --voice <id> (see `camb voices`)");
  context.reporter.step(`no --voice given: using ${first.voice_name} (${first.id})`);
  return first.id;
}

function speechFormat(value: string): SpeechFormat {
  if (!SPEECH_FORMATS.includes(value))
    throw new InputError(`--format must be one of ${SPEECH_FORMATS.join(", ")}`);
  return value as SpeechFormat;
}

/** `camb tts "text"`: streams speech straight to a file (default name `speech.<extension of the format>`). */
export async function tts(context: Context, text: string, options: TtsOptions): Promise<void> {
  const format = speechFormat(options.format);
  const mediaType = formatMediaTypes[format];
  const body: StreamSpeechBody = {
    text,
    language: options.language,
    voice_id: options.voice ? parseVoiceId(options.voice) : await defaultVoice(context),
    output_configuration: { format },
    ...(options.model ? { speech_model: options.model } : {}),
  };
  const target = await outputTarget(
    options.output,
    `speech.${extensionOf(mediaType) ?? "bin"}`,
    context.json,
  );
  if (target.kind === "stdout") {
    const speech = await openSpeechStream(context.client, body, { signal: context.signal });
    if (mediaKind(speech.contentType) === "text") {
      await speech.stream.cancel();
      throw new UnexpectedContentTypeError("audio", speech.contentType);
    }
    const bytes = await writeToStdout(speech.stream, speech.contentLength, context.signal);
    context.reporter.step(`wrote ${bytes} bytes of ${format} to stdout`);
    return;
  }
  const { path } = target;
  context.reporter.step(`streaming speech to ${path}`);
  const saved = await saveSpeech(context.client, body, path, {
    signal: context.signal,
    onProgress: ({ bytes, totalBytes }) => context.reporter.bytes(path, bytes, totalBytes),
  });
  context.reporter.done();
  // Containers the inspector decodes are checked and described; raw PCM and AAC are reported by size.
  const described = inspectable(mediaType) ? await describeFile(saved.path) : undefined;
  printResult(context, { ...saved, audio: described?.info }, [
    described?.line ?? `${saved.path}  ${format}, ${saved.bytes} bytes`,
    ...(saved.creditsRequired === undefined ? [] : [`credits used: ${saved.creditsRequired}`]),
  ]);
}
