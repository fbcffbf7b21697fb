// Dubbing: per target language, dubbed speech (MP3 carrying the translated text), a video in which ffprobe
// finds a picture and that audio, and a transcript within the audio's length; transcript exports of a dub in
// any of its languages; and a dub's other formats, answered by the create call once converted.
import type { Schemas } from "@camb-kit/client/spec";
import { canRender, renderAudio } from "../audio/render.js";
import { type ResolvedLanguage, resolveLanguage, resolveLanguages } from "../language/language-input.js";
import { translateText } from "../language/translate.js";
import type { Json } from "../openapi/json.js";
import { hashString } from "../random.js";
import type { RunRecord } from "../state/tasks.js";
import { canRenderVideo } from "../video/containers.js";
import { MAX_VIDEO_SECONDS, renderVideo } from "../video/render.js";
import { field, type OperationHandler, type RouteContext } from "./context.js";
import { detail, json } from "./respond.js";
import { publish, runMedia, segmentsOf, sourceText, transcriptExport } from "./run-media.js";

type DubResult = Schemas["DubResult"];
const SPEECH = { sampleRate: 24_000, channels: 1 };
/** The target when a dub names none (a docs example dubs English into Spanish). */
const DEFAULT_TARGET = 54;

/** A dub's target languages: `target_languages`, else the older single `target_language`. */
export function dubTargets(input: Json): ResolvedLanguage[] {
  const targets = resolveLanguages(field(input, "target_languages") ?? field(input, "target_language"));
  return targets.length > 0 ? targets : [resolveLanguage(DEFAULT_TARGET)];
}

/** The text of a dub in one of its languages: the source's words, translated unless it is the source. */
async function dubText(context: RouteContext, run: RunRecord, language: ResolvedLanguage) {
  const media = await runMedia(context, run);
  const seconds = Math.min(media.seconds, MAX_VIDEO_SECONDS);
  const source = resolveLanguage(field(run.input, "source_language"));
  const text =
    language.locale === source.locale ? sourceText(media) : translateText(sourceText(media), language);
  return { text, seconds };
}

async function languageResult(context: RouteContext, run: RunRecord, language: ResolvedLanguage) {
  const { text, seconds } = await dubText(context, run, language);
  const seed = hashString(`dub:${run.id}:${language.locale}`);
  const name = `dub_${run.id}_${language.locale}`;
  const audio = publish(context, renderAudio({ seed, ...SPEECH, seconds, format: "mp3", text }), name);
  const video = publish(
    context,
    renderVideo({ seconds, container: "mp4", audio: { seed, ...SPEECH } }),
    name,
  );
  const result: DubResult = { audio_url: audio, video_url: video, transcript: segmentsOf(text, seconds) };
  return result;
}

/** `GET /dub-result/{run_id}`: one result for one target, a map keyed by locale for several. */
export async function dubResult(context: RouteContext, run: RunRecord): Promise<Json> {
  const targets = dubTargets(run.input);
  const results = await Promise.all(targets.map((language) => languageResult(context, run, language)));
  if (results.length === 1) return results[0] as Json;
  return Object.fromEntries(targets.map((language, i) => [language.locale, results[i] as Json]));
}

/** The languages of a dub: its source and its targets. */
function dubLanguages(run: RunRecord): ResolvedLanguage[] {
  return [resolveLanguage(field(run.input, "source_language")), ...dubTargets(run.input)];
}

/** `GET /transcript/{run_id}/{language}`: the transcript of a dub in one of its languages, as an export. */
export const getDubTranscript: OperationHandler = async (context) => {
  const run = context.state.runs.get(Number(context.input.path.run_id));
  if (run?.family !== "dub") return detail(400, `Run ${context.input.path.run_id} is not a finished dub.`);
  const language = resolveLanguage(context.input.path.language);
  if (!dubLanguages(run).some(({ locale }) => locale === language.locale))
    return detail(400, `Run ${run.id} was not dubbed into ${language.locale}.`);
  const { text, seconds } = await dubText(context, run, language);
  return json(
    transcriptExport(context, segmentsOf(text, seconds), `transcript_${run.id}_${language.locale}`),
  );
};

/** The file of a dub in another format, or why the sandbox cannot make it. */
function altFormatFile(context: RouteContext, run: RunRecord, language: ResolvedLanguage, format: string) {
  const seconds = Math.min(run.media?.seconds ?? 30, MAX_VIDEO_SECONDS);
  const seed = hashString(`dub:${run.id}:${language.locale}`);
  const name = `dub_${run.id}_${language.locale}`;
  if (canRenderVideo(format))
    return publish(context, renderVideo({ seconds, container: format, audio: { seed, ...SPEECH } }), name);
  if (canRender(format)) return publish(context, renderAudio({ seed, ...SPEECH, seconds, format }), name);
  return undefined;
}

/**
 * `POST /dub-alt-format/{run_id}/{language}`: a conversion task the first time; once a conversion of that
 * dub, language and format has succeeded, the same call answers the file's URL (`{ output_url }`).
 */
export const createDubAltFormat: OperationHandler = async (context) => {
  const { state, input } = context;
  const run = state.runs.get(Number(input.path.run_id));
  if (run?.family !== "dub") return detail(400, `Run ${input.path.run_id} is not a finished dub.`);
  const language = resolveLanguage(input.path.language);
  if (!dubLanguages(run).some(({ locale }) => locale === language.locale))
    return detail(400, `Run ${run.id} was not dubbed into ${language.locale}.`);
  const format = String(field(input.body, "output_format"));
  const converted = [...state.runs.values()].some(
    (other) =>
      other.family === "dub-alt-format" &&
      field(other.input, "dub_run_id") === run.id &&
      field(other.input, "language") === language.locale &&
      field(other.input, "output_format") === format,
  );
  if (!converted) {
    const request = { dub_run_id: run.id, language: language.locale, output_format: format };
    return json({ task_id: state.createTask("dub-alt-format", request).id });
  }
  await runMedia(context, run);
  const url = altFormatFile(context, run, language, format);
  if (!url) return detail(501, `The camb-kit sandbox cannot encode ${format}.`);
  return json({ output_url: url });
};
