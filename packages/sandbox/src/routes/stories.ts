// Stories: a narration of the uploaded text (MP3 that carries the words), its dialogue as a text file and,
// when asked for, its transcript; a story's translation into an added language is the same in that language.
import type { Schemas } from "@camb-kit/client/spec";
import { renderAudio } from "../audio/render.js";
import { type ResolvedLanguage, resolveLanguage } from "../language/language-input.js";
import { translateText } from "../language/translate.js";
import { textMedia } from "../media/text-media.js";
import type { Json } from "../openapi/json.js";
import { hashString } from "../random.js";
import type { RunRecord } from "../state/tasks.js";
import { field, type OperationHandler, type RouteContext } from "./context.js";
import { detail, json } from "./respond.js";
import { publish, runMedia, segmentsOf, sourceText } from "./run-media.js";
import { speechSeconds } from "./task-audio.js";

async function narration(
  context: RouteContext,
  story: RunRecord,
  language?: ResolvedLanguage,
): Promise<Json> {
  const words = sourceText(await runMedia(context, story));
  const text = language ? translateText(words, language) : words;
  const seconds = speechSeconds(text);
  const name = `story_${story.id}${language ? `_${language.locale}` : ""}`;
  const seed = hashString(name);
  const result: Schemas["StoryResult"] = {
    audio_url: publish(
      context,
      renderAudio({ seed, sampleRate: 24_000, channels: 1, seconds, format: "mp3", text }),
      name,
    ),
    dialogue_url: publish(context, textMedia(`${text}\n`, "text/plain"), `${name}_dialogue`),
  };
  if (context.input.query.include_transcript === true) result.transcript = segmentsOf(text, seconds);
  return result as Json;
}

/** `GET /story-result/{run_id}`. */
export function storyResult(context: RouteContext, run: RunRecord): Promise<Json> {
  return narration(context, run);
}

/**
 * `GET /translated-story-result/{run_id}/{target_language}`: the run id the translation task reported, or
 * the story's own (the spec leaves it open, so both are accepted).
 */
export const getTranslatedStoryResult: OperationHandler = async (context) => {
  const { runs } = context.state;
  const run = runs.get(Number(context.input.path.run_id));
  const story = run?.family === "translated-story" ? runs.get(Number(field(run.input, "story_run_id"))) : run;
  if (!story || (story.family !== "story" && story.family !== "story-setup"))
    return detail(400, `Run ${context.input.path.run_id} is not a finished story or story translation.`);
  const language = resolveLanguage(context.input.path.target_language);
  // Only a language a finished translation added: that translation's, or (by the story's id) any of them.
  const translations = run === story ? [...runs.values()] : [run];
  const added = translations.some(
    (other) =>
      other?.family === "translated-story" &&
      field(other.input, "story_run_id") === story.id &&
      field(other.input, "target_language") === language.id,
  );
  if (!added) return detail(400, `Story run ${story.id} has no translation into ${language.locale}.`);
  return json(await narration(context, story, language));
};

/** `POST /translated-story/{id}`: a translation task for a finished story (`id` is the story's run id). */
export const createTranslatedStory: OperationHandler = ({ state, input }) => {
  const story = state.runs.get(Number(input.path.id));
  if (!story || (story.family !== "story" && story.family !== "story-setup"))
    return detail(400, `Run ${input.path.id} is not a finished story.`);
  const target = resolveLanguage(field(input.body, "target_language"));
  const task = state.createTask("translated-story", { story_run_id: story.id, target_language: target.id });
  const answer: Schemas["TranslatedStoryCreated"] = {
    message: `Adding ${target.locale} to story run ${story.id}.`,
    task_id: task.id,
  };
  return json(answer);
};
