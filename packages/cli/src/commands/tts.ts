import { type StreamSpeechBody, unwrap } from "@camb-kit/client";
import { saveSpeech } from "@camb-kit/node";
import type { Context } from "../context.js";
import { InputError } from "../exit-codes.js";
import { describeFile, printResult } from "../output.js";

export interface TtsOptions {
  voice?: string;
  language: string;
  model?: string;
  format: "mp3" | "wav" | "flac" | "pcm_s16le";
  output?: string;
}

const EXTENSIONS = { mp3: "mp3", wav: "wav", flac: "flac", pcm_s16le: "pcm" } as const;

export function parseVoiceId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1)
    throw new InputError(`--voice must be a voice id (a positive integer), got "${value}"`);
  return id;
}

async function defaultVoice(context: Context): Promise<number> {
  const voices = unwrap(await context.client.GET("/list-voices", { signal: context.signal }));
  const first = voices[0];
  if (!first) throw new InputError("no voice available: pass --voice <id> (see `camb voices`)");
  context.reporter.step(`no --voice given: using ${first.voice_name} (${first.id})`);
  return first.id;
}

/** `camb tts "text"`: streams /tts-stream straight to a file. */
export async function tts(context: Context, text: string, options: TtsOptions): Promise<void> {
  if (!(options.format in EXTENSIONS))
    throw new InputError(`--format must be one of ${Object.keys(EXTENSIONS).join(", ")}`);
  const body: StreamSpeechBody = {
    text,
    language: options.language,
    voice_id: options.voice ? parseVoiceId(options.voice) : await defaultVoice(context),
    output_configuration: { format: options.format },
    ...(options.model ? { speech_model: options.model } : {}),
  };
  const path = options.output ?? `speech.${EXTENSIONS[options.format]}`;
  context.reporter.step(`streaming speech to ${path}`);
  const saved = await saveSpeech(context.client, body, path, {
    signal: context.signal,
    onProgress: ({ bytes, totalBytes }) => context.reporter.bytes(path, bytes, totalBytes),
  });
  context.reporter.done();
  const described = options.format === "pcm_s16le" ? undefined : await describeFile(saved.path);
  printResult(context, { ...saved, audio: described?.info }, [
    described?.line ?? `${saved.path}  raw PCM, ${saved.bytes} bytes`,
    ...(saved.creditsRequired === undefined ? [] : [`credits used: ${saved.creditsRequired}`]),
  ]);
}
