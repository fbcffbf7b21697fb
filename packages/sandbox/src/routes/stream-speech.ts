// `streamSpeech`: speech in the requested output format, streamed as it is generated.
import { MP3_SAMPLE_RATES } from "../audio/mp3.js";
import { canRender, renderAudio } from "../audio/render.js";
import { schemaDefault } from "../openapi/schema-shapes.js";
import { hashString } from "../random.js";
import { field, type OperationHandler } from "./context.js";
import { audio, validationFailed } from "./respond.js";
import { speechSeconds } from "./task-audio.js";

/** The rate `/tts-stream` uses when `sample_rate` is absent (mars-flash's rate per the reference). */
const DEFAULT_SAMPLE_RATE = 24_000;
const MIN_RATE = 8_000;
const MAX_RATE = 192_000;

const FORMAT_LOC = ["body", "output_configuration", "format"];
const RATE_LOC = ["body", "output_configuration", "sample_rate"];

/**
 * `POST /tts-stream`: audio in the requested format (the spec's default when absent), streamed with chunked
 * transfer (no Content-Length) as it is generated, with `X-Credits-Required`. A format the spec declares but
 * the sandbox cannot encode (`adts`: no well-kept pure-JS AAC encoder exists, and a fake AAC stream would
 * mislead) is answered with a 422 naming the field.
 */
export const streamSpeech: OperationHandler = ({ input, schemas }) => {
  const body = input.body;
  const config = field(body, "output_configuration");
  const format = String(
    field(config, "format") ?? schemaDefault(schemas.body?.schema ?? {}, ["output_configuration", "format"]),
  );
  const rateValue = field(config, "sample_rate");
  const sampleRate = typeof rateValue === "number" ? rateValue : DEFAULT_SAMPLE_RATE;
  if (!canRender(format))
    return validationFailed([
      {
        loc: FORMAT_LOC,
        msg: `The camb-kit sandbox cannot encode '${format}'; use mp3, wav, flac or pcm_*`,
        type: "value_error",
      },
    ]);
  if (sampleRate < MIN_RATE || sampleRate > MAX_RATE)
    return validationFailed([
      {
        loc: RATE_LOC,
        msg: `The sandbox generates audio at ${MIN_RATE}-${MAX_RATE} Hz`,
        type: "value_error",
      },
    ]);
  if (format === "mp3" && !MP3_SAMPLE_RATES.includes(sampleRate))
    return validationFailed([
      { loc: RATE_LOC, msg: `MP3 supports ${MP3_SAMPLE_RATES.join(", ")} Hz`, type: "value_error" },
    ]);
  const text = String(field(body, "text") ?? "");
  const duration = field(config, "duration");
  const rendered = renderAudio({
    seed: hashString(JSON.stringify(body)),
    sampleRate,
    channels: 1,
    seconds: typeof duration === "number" ? duration : speechSeconds(text),
    format,
    text, // carried inside the file (not raw PCM), so a transcription in any process gives it back
  });
  // Credits follow the text length, the way character-priced TTS bills.
  return audio(rendered, { "x-credits-required": String(text.length) }, true);
};
