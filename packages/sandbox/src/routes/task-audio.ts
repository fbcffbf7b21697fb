import { families, type TaskFamily } from "@camb-kit/client";
import { type RenderedAudio, type RenderFormat, renderAudio } from "../audio/render.js";
import { hashString } from "../random.js";
import type { Json } from "../spec/document.js";
import { operationAt } from "../spec/operations.js";
import { schemaDefault } from "../spec/schema-shapes.js";
import { field } from "./context.js";

/** Speech is ~60 ms per character, never shorter than a second (a short word is still a clip). */
export function speechSeconds(text: string): number {
  return Math.min(3600, Math.max(1, text.length * 0.06));
}

/** The main text of an input: `text`, `prompt`, else its first string field. */
export function mainText(input: Json | undefined): string {
  for (const name of ["text", "prompt", "voice_description"]) {
    const value = field(input, name);
    if (typeof value === "string") return value;
  }
  const first =
    input && typeof input === "object" ? Object.values(input).find((v) => typeof v === "string") : "";
  return typeof first === "string" ? first : "";
}

const FORMAT_BY_MEDIA_TYPE: Record<string, { format: RenderFormat; sampleRate: number; channels: number }> = {
  "audio/flac": { format: "flac", sampleRate: 24_000, channels: 1 }, // speech
  "audio/wav": { format: "wav", sampleRate: 44_100, channels: 2 }, // sound effects and music
  "audio/mpeg": { format: "mp3", sampleRate: 24_000, channels: 1 },
};

/** How long a family's result lasts for an input: `duration` if the create body has one, else text length. */
function secondsFor(family: TaskFamily, input: Json, seed: number): number {
  const create = operationAt(families[family].create, "post");
  const declaresDuration = create?.body ? schemaDefault(create.body.schema, ["duration"]) : undefined;
  const duration = field(input, "duration");
  // Music ignores `duration` and comes back at a fixed, prompt-dependent length (spec: CreateSoundTaskRequest).
  if (field(input, "audio_type") === "music") return 10 + (seed % 21);
  if (typeof duration === "number") return duration;
  if (typeof declaresDuration === "number") return declaresDuration;
  return speechSeconds(mainText(input));
}

/** The audio of a finished run, in the family's result media type (FLAC for TTS, WAV for sound). */
export function runAudio(family: TaskFamily, input: Json): RenderedAudio {
  const seed = hashString(`${family}:${JSON.stringify(input)}`);
  const layout = FORMAT_BY_MEDIA_TYPE[families[family].resultMediaType] ?? FORMAT_BY_MEDIA_TYPE["audio/wav"];
  const { format, sampleRate, channels } = layout ?? { format: "wav", sampleRate: 44_100, channels: 2 };
  return renderAudio({ seed, sampleRate, channels, seconds: secondsFor(family, input, seed), format });
}

/** A preview clip of a designed voice: 3 s of WAV, different per preview. */
export function previewAudio(input: Json, index: number): RenderedAudio {
  const seed = hashString(`preview:${index}:${JSON.stringify(input)}`);
  return renderAudio({ seed, sampleRate: 24_000, channels: 1, seconds: 3, format: "wav" });
}

export const EXTENSION_BY_TYPE: Record<string, string> = {
  "audio/flac": "flac",
  "audio/wav": "wav",
  "audio/mpeg": "mp3",
  "audio/aac": "aac",
  "application/octet-stream": "pcm",
};
