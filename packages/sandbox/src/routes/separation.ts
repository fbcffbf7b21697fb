// Audio separation: two stems as long as the uploaded audio, the voice (speaking what the upload carried)
// and the background, each a WAV file that decodes.
import type { Schemas } from "@camb-kit/client/spec";
import { renderAudio } from "../audio/render.js";
import type { Json } from "../openapi/json.js";
import { hashString } from "../random.js";
import type { RunRecord } from "../state/tasks.js";
import type { RouteContext } from "./context.js";
import { publish, runMedia } from "./run-media.js";

/** `GET /audio-separation-result/{run_id}`: URLs of the voice and background stems. */
export async function separationResult(context: RouteContext, run: RunRecord): Promise<Json> {
  const media = await runMedia(context, run);
  const stem = (name: string, text?: string) =>
    publish(
      context,
      renderAudio({
        seed: hashString(`${name}:${run.id}`),
        sampleRate: 44_100,
        channels: 2,
        seconds: media.seconds,
        format: "wav",
        text,
      }),
      `${name}_${run.id}`,
    );
  const result: Schemas["SeparationResult"] = {
    foreground_audio_url: stem("foreground", media.text),
    background_audio_url: stem("background"),
  };
  return result as Json;
}
