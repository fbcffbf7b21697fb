// What the sandbox does differently per task family, by resource: how a family's JSON result is made (also
// for its bulk answer and a list-shaped status), and the roles a resource answers itself (a create that takes
// an upload or answers the file, a transcript export). A family without an entry is served generically from
// the spec (tasks.ts), which is how a family added to the spec is served with no edit here.
import type { TaskFamily } from "@camb-kit/client/spec";
import type { Json } from "../openapi/json.js";
import type { RunRecord } from "../state/tasks.js";
import type { OperationHandler, RouteContext } from "./context.js";
import { createDubAltFormat, dubResult, getDubTranscript } from "./dubbing.js";
import { projectSetupRun } from "./projects.js";
import { separationResult } from "./separation.js";
import { createTranslatedStory, getTranslatedStoryResult, storyResult } from "./stories.js";
import { subtitleResult } from "./subtitles.js";
import { transcriptionResult } from "./transcription.js";
import { translationResult } from "./translation.js";
import { mediaUploadCreate, storyCreate } from "./uploads.js";

/** A finished run's JSON result (a Response for a refusal, e.g. a language the run does not have). */
export type ResultMaker = (context: RouteContext, run: RunRecord) => Promise<Json | Response>;

export const RESULTS: Partial<Record<TaskFamily, ResultMaker>> = {
  dub: dubResult,
  transcription: transcriptionResult,
  translation: translationResult,
  "audio-separation": separationResult,
  story: storyResult,
  "story-setup": storyResult,
  "project-setup": projectSetupRun,
  subtitles: subtitleResult,
};

type Role = "create" | "status" | "result" | "bulk" | "transcript";

/** Roles a resource answers itself, in place of the generic handler. */
export const ROLE_HANDLERS: Partial<Record<TaskFamily, Partial<Record<Role, OperationHandler>>>> = {
  dub: { transcript: getDubTranscript },
  transcription: { create: mediaUploadCreate("transcription", ["media_file", "file"]) },
  "audio-separation": { create: mediaUploadCreate("audio-separation", ["media_file"]) },
  story: { create: storyCreate("story", false) },
  "story-setup": { create: storyCreate("story-setup", true) },
  "dub-alt-format": { create: createDubAltFormat },
  "translated-story": { create: createTranslatedStory, result: getTranslatedStoryResult },
};
