// The media a finished run serves: audio in its family's result type (the format, from the spec's media
// table), as long as the input asks for; and the preview clips of a designed voice.
import { families, mediaTypes, operationSchemas, type TaskFamily } from "@camb-kit/client/spec";
import { type RenderedAudio, renderAudio } from "../audio/render.js";
import { resolveLanguage } from "../language/language-input.js";
import { translateText } from "../language/translate.js";
import type { Json } from "../openapi/json.js";
import { schemaDefault } from "../openapi/schema-shapes.js";
import { hashString } from "../random.js";
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

/**
 * The words a result speaks, carried inside its audio so a later transcription gives them back: the
 * input's `text`, the field speech is read from. A `prompt` describes a sound and is not spoken.
 */
function spokenText(input: Json | undefined): string | undefined {
  const text = field(input, "text");
  if (typeof text !== "string") return undefined;
  // Translated speech (a body with a `target_language`) speaks the translation of its text.
  const target = field(input, "target_language");
  return target === undefined ? text : translateText(text, resolveLanguage(target));
}

/** The sandbox's recording layout per format: WAV results are sound effects (44.1 kHz stereo), others speech. */
function layoutOf(format: string): { sampleRate: number; channels: number } {
  return format === "wav" ? { sampleRate: 44_100, channels: 2 } : { sampleRate: 24_000, channels: 1 };
}

/** How long a family's result lasts for an input: `duration` if the create body has one, else text length. */
function secondsFor(family: TaskFamily, input: Json, seed: number): number {
  const body = operationSchemas[families[family].operations.create].body;
  const declaredDuration = body ? schemaDefault(body.schema, ["duration"]) : undefined;
  const duration = field(input, "duration");
  // Music ignores `duration` and comes back at a fixed, prompt-dependent length (spec: CreateSoundTaskRequest).
  if (field(input, "audio_type") === "music") return 10 + (seed % 21);
  if (typeof duration === "number") return duration;
  if (typeof declaredDuration === "number") return declaredDuration;
  return speechSeconds(mainText(input));
}

/** The audio of a finished run, in the first output format of the family's result media type. */
export function runAudio(family: TaskFamily, input: Json): RenderedAudio {
  const seed = hashString(`${family}:${JSON.stringify(input)}`);
  const mediaType = families[family].resultMediaType;
  if (mediaType === null) throw new RangeError(`${family} has no result`);
  const media: { formats: readonly string[] } = mediaTypes[mediaType];
  const format = media.formats[0];
  if (format === undefined) throw new RangeError(`No output format answers ${family}'s result media type`);
  const seconds = secondsFor(family, input, seed);
  return renderAudio({ seed, ...layoutOf(format), seconds, format, text: spokenText(input) });
}

/** A preview clip of a designed voice: 3 s of WAV speaking the input's `text`, different per preview. */
export function previewAudio(input: Json, index: number): RenderedAudio {
  const seed = hashString(`preview:${index}:${JSON.stringify(input)}`);
  return renderAudio({
    seed,
    sampleRate: 24_000,
    channels: 1,
    seconds: 3,
    format: "wav",
    text: spokenText(input),
  });
}
