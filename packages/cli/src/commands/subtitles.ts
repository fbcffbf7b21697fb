// `camb subtitles <file|url> --format vtt`: subtitle files, one per language. A URL goes to the subtitles
// task (which can also translate them); a local file is uploaded for transcription and exported the same way.
import { join } from "node:path";
import { families, unwrap } from "@camb-kit/client";
import { enums } from "@camb-kit/client/spec";
import { Command, Option } from "commander";
import type { Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { InputError } from "../exit-codes.js";
import { describeTranscript, inspectTranscript } from "../inspect-transcript.js";
import { type ResolvedLanguage, resolveLanguage, resolveLanguages } from "../languages.js";
import { isUrl } from "../media-input.js";
import { printResult } from "../output.js";
import { outputTarget } from "../output-target.js";
import { runTask } from "../task-run.js";
import { writeExport } from "../transcript-output.js";
import { transcribeMedia, transcriptAnswer } from "./transcribe.js";

type SubtitleFormat = (typeof enums.TranscriptFileFormat)[number];
export const SUBTITLE_FORMATS: readonly SubtitleFormat[] = enums.TranscriptFileFormat;

export interface SubtitlesOptions {
  from: string;
  to?: string;
  format: SubtitleFormat;
  output?: string;
}

/** The subtitles of a URL, one export per language, each written to its own file. */
async function fromUrl(context: Context, url: string, options: SubtitlesOptions) {
  const source = await resolveLanguage(context, options.from, "source", "--from");
  const targets: ResolvedLanguage[] = options.to
    ? await resolveLanguages(context, options.to, "target", "--to")
    : [source];
  const outcome = await runTask(context, "subtitles", {
    media_url: url,
    source_language: source.id,
    target_languages: targets.map((language) => language.id),
  });
  const single = targets.length === 1;
  const folder = options.output ?? (single ? "." : `subtitles-${outcome.runId}`);
  const written = [];
  for (const language of targets) {
    const target = single
      ? await outputTarget(options.output, `subtitles.${options.format}`, context.json)
      : { kind: "file" as const, path: join(folder, `${language.locale}.${options.format}`) };
    const answer = unwrap(
      await context.client.GET(families.subtitles.languageResult, {
        params: {
          path: { run_id: outcome.runId, language: language.locale },
          query: { format_type: options.format },
        },
        signal: context.signal,
      }),
    );
    const file = await writeExport(context, answer, target);
    if (file) written.push({ ...file, language: language.locale });
  }
  return { outcome, written };
}

/** Subtitles of a local file: uploaded for transcription, then exported in the format. */
async function fromFile(context: Context, path: string, options: SubtitlesOptions) {
  if (options.to)
    throw new InputError("--to (translated subtitles) needs a URL: a local file is only transcribed");
  const target = await outputTarget(options.output, `subtitles.${options.format}`, context.json);
  const outcome = await transcribeMedia(context, path, options.from);
  const file = await writeExport(
    context,
    await transcriptAnswer(context, outcome.runId, options.format),
    target,
  );
  return { outcome, written: file ? [file] : [] };
}

export async function subtitles(context: Context, media: string, options: SubtitlesOptions): Promise<void> {
  const { outcome, written } = await (isUrl(media) ? fromUrl : fromFile)(context, media, options);
  const files = await Promise.all(
    written.map(async (file) => ({ ...file, subtitles: await inspectTranscript(file.path, options.format) })),
  );
  printResult(
    context,
    { family: outcome.family, taskId: outcome.taskId, runId: outcome.runId, files },
    files.map((file) => `${file.path}  ${describeTranscript(file.subtitles)}`),
  );
}

export function subtitlesCommand(run: Run): Command {
  return new Command("subtitles")
    .argument("<file|url>", "a URL the API can fetch, or a local file (uploaded and transcribed)")
    .description("make subtitle files, one per language")
    .option("--from <language>", "the spoken language: a locale or a numeric id", "en-us")
    .option(
      "--to <languages>",
      "languages to subtitle in, comma-separated (URLs only; default the spoken one)",
    )
    .addOption(
      new Option("--format <format>", "subtitle format")
        .choices(SUBTITLE_FORMATS)
        .default(SUBTITLE_FORMATS[0]),
    )
    .option("-o, --output <path>", "the file for one language (- for stdout), the folder for several")
    .action((media: string, options: SubtitlesOptions, command: Command) =>
      run(command, (context) => subtitles(context, media, options)),
    );
}
