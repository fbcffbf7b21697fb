// Subtitles: per target language, cues over the media's length that honour the formatting options, as
// segments or exported (SRT, VTT, text, or a file); all languages at once, or one.
import type { ResolvedLanguage } from "../language/language-input.js";
import { resolveLanguage, resolveLanguages } from "../language/language-input.js";
import { translateText } from "../language/translate.js";
import type { Json } from "../openapi/json.js";
import type { RunRecord } from "../state/tasks.js";
import { field, type RouteContext } from "./context.js";
import { detail } from "./respond.js";
import { runMedia, segmentsOf, sourceText, transcriptExport, wantsExport } from "./run-media.js";

async function subtitlesIn(context: RouteContext, run: RunRecord, language: ResolvedLanguage): Promise<Json> {
  const media = await runMedia(context, run);
  const text = translateText(sourceText(media), language);
  const segments = segmentsOf(text, media.seconds, field(run.input, "formatting_options"));
  if (wantsExport(context))
    return transcriptExport(context, segments, `subtitles_${run.id}_${language.locale}`);
  return { transcript: segments } as Json;
}

/**
 * `GET /sub-result/{run_id}` (every target language, keyed by locale) and `/sub-result/{run_id}/{language}`
 * (one; a language the task did not ask for is a 400).
 */
export async function subtitleResult(context: RouteContext, run: RunRecord): Promise<Json | Response> {
  const targets = resolveLanguages(field(run.input, "target_languages"));
  const asked = context.input.path.language;
  if (asked === undefined) {
    const entries = await Promise.all(
      targets.map(async (language) => [language.locale, await subtitlesIn(context, run, language)]),
    );
    return Object.fromEntries(entries);
  }
  const language = resolveLanguage(asked);
  if (!targets.some(({ locale }) => locale === language.locale))
    return detail(400, `Run ${run.id} has no subtitles in ${language.locale}.`);
  return subtitlesIn(context, run, language);
}
