// `camb story <file.txt> --voice <id> -o dir/`: a narrated story from a text or .docx file, every output saved.
import { Command } from "commander";
import type { Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { resolveLanguage } from "../languages.js";
import { uploadFile } from "../media-input.js";
import { saveAndReport } from "../save-outputs.js";
import { runTask } from "../task-run.js";
import { parseVoiceId } from "./tts.js";

export interface StoryOptions {
  voice?: string;
  language: string;
  title?: string;
  output?: string;
}

/** Uploads a story, waits for its narration and saves the audio and the dialogue. */
export async function story(context: Context, path: string, options: StoryOptions): Promise<number> {
  const language = await resolveLanguage(context, options.language, "source", "--language");
  const body = {
    source_language: language.id,
    ...(options.voice ? { narrator_voice_id: parseVoiceId(options.voice) } : {}),
    ...(options.title ? { title: options.title } : {}),
    file: await uploadFile(context, path),
  };
  const outcome = await runTask(context, "story", body);
  return saveAndReport(context, outcome, options.output ?? `story-${outcome.runId}`, { source: language });
}

export function storyCommand(run: Run): Command {
  return new Command("story")
    .argument("<file>", "the story as a .txt or .docx file (uploaded)")
    .description("narrate a story: waits and saves its audio and dialogue")
    .option("--voice <id>", "the narrator's voice id (the API's choice when absent)")
    .option("--language <language>", "the story's language: a locale or a numeric id", "en-us")
    .option("--title <title>", "the story's title")
    .option("-o, --output <dir>", "folder for the outputs (default story-<run id>)")
    .action((path: string, options: StoryOptions, command: Command) =>
      run(command, (context) => story(context, path, options)),
    );
}
