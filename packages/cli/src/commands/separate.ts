// `camb separate <file> -o dir/`: an audio separation of a local file, both stems saved.
import { Command } from "commander";
import type { Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { uploadFile } from "../media-input.js";
import { saveAndReport } from "../save-outputs.js";
import { runTask } from "../task-run.js";

/** Uploads a file, waits for the separation and saves the foreground and background stems. */
export async function separate(
  context: Context,
  path: string,
  options: { output?: string },
): Promise<number> {
  const outcome = await runTask(context, "audio-separation", { media_file: await uploadFile(context, path) });
  return saveAndReport(context, outcome, options.output ?? `separation-${outcome.runId}`);
}

export function separateCommand(run: Run): Command {
  return new Command("separate")
    .argument("<file>", "the audio or video file to separate (uploaded)")
    .description("separate speech from background: waits and saves both stems")
    .option("-o, --output <dir>", "folder for the stems (default separation-<run id>)")
    .action((path: string, options: { output?: string }, command: Command) =>
      run(command, (context) => separate(context, path, options)),
    );
}
