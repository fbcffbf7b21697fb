// The creates that take an upload (transcription, audio separation, stories): each file part is read as it
// arrives (media facts, or a document's text), and the task keeps those facts instead of the bytes.
import type { Schemas, TaskFamily } from "@camb-kit/client/spec";
import { documentText } from "../documents/document-text.js";
import { readMediaFacts } from "../media/read-media-facts.js";
import { derivedSeconds, type SourceMedia } from "../state/source-media.js";
import type { FileAnalyser, UploadedFile } from "../uploads/types.js";
import { field, type OperationHandler, type RouteContext } from "./context.js";
import { json, validationFailed } from "./respond.js";
import { speechSeconds } from "./task-audio.js";

const mediaFacts: FileAnalyser = (stream) => readMediaFacts(stream);
const text: FileAnalyser = (stream, part) => documentText(stream, part);

/** Analysers by file part, per family whose create takes an upload. */
export const UPLOAD_ANALYSERS: Partial<Record<TaskFamily, Readonly<Record<string, FileAnalyser>>>> = {
  transcription: { media_file: mediaFacts, file: mediaFacts },
  "audio-separation": { media_file: mediaFacts },
  story: { file: text },
  "story-setup": { file: text },
};

/** The facts of an uploaded media part; a format the sandbox cannot read gets a length from its size. */
function mediaOf(file: UploadedFile): SourceMedia {
  const facts = file.analysis?.ok
    ? (file.analysis.value as Awaited<ReturnType<typeof readMediaFacts>>)
    : undefined;
  if (facts?.durationSeconds !== undefined) return { seconds: facts.durationSeconds, text: facts.text };
  return { seconds: derivedSeconds(`${file.name}:${file.size}`), text: undefined };
}

function uploaded(context: RouteContext, parts: readonly string[]): UploadedFile | undefined {
  for (const part of parts) {
    const file = context.input.files[part];
    if (file) return file;
  }
  return undefined;
}

/** `POST /transcribe` and `POST /audio-separation`: the task remembers the upload's length and words. */
export function mediaUploadCreate(family: TaskFamily, parts: readonly string[]): OperationHandler {
  return async (context) => {
    const { state, input } = context;
    const file = uploaded(context, parts);
    const url = field(input.body, "media_url") ?? field(input.body, "audio_url");
    if (!file && typeof url !== "string")
      return validationFailed([
        {
          loc: ["body"],
          msg: "Value error, send the media as a media_file part or as a media_url",
          type: "value_error",
        },
      ]);
    const media = file ? mediaOf(file) : undefined;
    return json({ task_id: state.createTask(family, input.body ?? null, media).id });
  };
}

/** The story's words from its .txt or .docx, as the media a narration is made of. */
function storyMedia(file: UploadedFile | undefined): SourceMedia {
  const words = file?.analysis?.ok ? String(file.analysis.value).trim() : "";
  const story = words || "Once upon a time, the sandbox told a story.";
  return { seconds: speechSeconds(story), text: story };
}

/** `POST /story`: a task; `POST /story-setup`: the finished story at once (the spec's `StoryFinished`). */
export function storyCreate(family: TaskFamily, finishesAtOnce: boolean): OperationHandler {
  return ({ state, input, options }) => {
    const media = storyMedia(input.files.file);
    const task = state.createTask(family, input.body ?? null, media);
    if (!finishesAtOnce) return json({ task_id: task.id });
    // Finished at once: the task keeps the run, so a status check of it would report this run id.
    const runId = state.allocateRun(task);
    task.runId = runId;
    const optional = <T>(value: unknown, kind: string) => (typeof value === kind ? (value as T) : null);
    const finished: Schemas["StoryFinished"] = {
      run_id: runId,
      story_details: {
        story_title: optional<string>(field(input.body, "title"), "string") ?? "Untitled story",
        story_description: optional<string>(field(input.body, "description"), "string"),
        created_at: new Date(options.now()).toISOString(),
        source_language: Number(field(input.body, "source_language")),
        target_languages: [],
        folder_id: optional<number>(field(input.body, "folder_id"), "number"),
        studio_url: `${options.origin}/studio/stories/${runId}`,
      },
    };
    return json(finished);
  };
}
