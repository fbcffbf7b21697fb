// The media a finished run serves: audio in its family's result type (the format, from the spec's media
// table), as long as the input asks for; and the preview clips of a designed voice.
import {
  families,
  mediaTypes,
  type OperationId,
  operationSchemas,
  operations,
  type TaskFamily,
} from "@camb-kit/client/spec";
import { type RenderedAudio, renderAudio } from "../audio/render.js";
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

/** The sandbox's recording layout per format: WAV results are sound effects (44.1 kHz stereo), others speech. */
function layoutOf(format: string): { sampleRate: number; channels: number } {
  return format === "wav" ? { sampleRate: 44_100, channels: 2 } : { sampleRate: 24_000, channels: 1 };
}

function createOperation(family: TaskFamily): OperationId | undefined {
  return (Object.keys(operations) as OperationId[]).find((id) => {
    const { task } = operations[id];
    return task?.family === family && task.role === "create";
  });
}

/** How long a family's result lasts for an input: `duration` if the create body has one, else text length. */
function secondsFor(family: TaskFamily, input: Json, seed: number): number {
  const create = createOperation(family);
  const body = create ? operationSchemas[create].body : null;
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
  const media: { formats: readonly string[] } = mediaTypes[families[family].resultMediaType];
  const format = media.formats[0];
  if (format === undefined) throw new RangeError(`No output format answers ${family}'s result media type`);
  return renderAudio({ seed, ...layoutOf(format), seconds: secondsFor(family, input, seed), format });
}

/** A preview clip of a designed voice: 3 s of WAV, different per preview. */
export function previewAudio(input: Json, index: number): RenderedAudio {
  const seed = hashString(`preview:${index}:${JSON.stringify(input)}`);
  return renderAudio({ seed, sampleRate: 24_000, channels: 1, seconds: 3, format: "wav" });
}
