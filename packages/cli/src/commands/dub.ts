// `camb dub <video-url> --from en-us --to es-es,fr-fr -o out/`: a dub, waited for, every output saved.
import { Command } from "commander";
import type { Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { InputError } from "../exit-codes.js";
import { resolveLanguage, resolveLanguages } from "../languages.js";
import { isUrl } from "../media-input.js";
import { parseTranscriptFormats, SAVED_TRANSCRIPT_FORMATS, saveAndReport } from "../save-outputs.js";
import { runTask } from "../task-run.js";

export interface DubOptions {
  from: string;
  to: string;
  format?: string;
  output?: string;
}

/** Dubs a video (or audio) URL, waits for it, saves every output of every language and prints a summary. */
export async function dub(context: Context, url: string, options: DubOptions): Promise<number> {
  if (!isUrl(url)) throw new InputError(`dub takes a video URL (http or https), got "${url}"`);
  const source = await resolveLanguage(context, options.from, "source", "--from");
  const targets = await resolveLanguages(context, options.to, "target", "--to");
  const transcriptFormats = parseTranscriptFormats(options.format);
  const outcome = await runTask(context, "dub", {
    video_url: url,
    source_language: source.id,
    target_languages: targets.map((language) => language.id),
  });
  const target = options.output ?? `dub-${outcome.runId}`;
  return saveAndReport(
    context,
    outcome,
    target,
    { source, targets, transcriptFormats },
    { source: source.locale, targets: targets.map((language) => language.locale) },
  );
}

export function dubCommand(run: Run): Command {
  return new Command("dub")
    .argument("<video-url>", "the video or audio to dub (a URL the API can fetch)")
    .description("dub a video into other languages: waits, saves every output (audio, video, transcripts)")
    .requiredOption("--from <language>", "the source language: a locale (en-us) or a numeric id")
    .requiredOption("--to <languages>", "target languages, comma-separated (es-es,fr-fr or ids)")
    .option(
      "--format <formats>",
      `transcript formats to save per language, comma-separated (default all: ${SAVED_TRANSCRIPT_FORMATS.join(",")})`,
    )
    .option("-o, --output <dir>", "folder for the outputs (default dub-<run id>)")
    .action((url: string, options: DubOptions, command: Command) =>
      run(command, (context) => dub(context, url, options)),
    );
}
