// `camb transcribe <file|url> --format srt -o talk.srt`: a transcription, written in any format the spec has.
import { families, getResultJson, unwrap } from "@camb-kit/client";
import { enums, extensionOf } from "@camb-kit/client/spec";
import { Command, Option } from "commander";
import type { Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { describeTranscript, inspectTranscript } from "../inspect-transcript.js";
import { resolveLanguage } from "../languages.js";
import { mediaInput } from "../media-input.js";
import { printResult } from "../output.js";
import { outputTarget } from "../output-target.js";
import { runTask, type TaskOutcome } from "../task-run.js";
import { writeExport } from "../transcript-output.js";

/** The result itself (its JSON segments), named by the extension of the family's result media type. */
export const SEGMENTS_FORMAT = extensionOf(families.transcription.resultMediaType) ?? "json";
/** Every export format of the spec, and the segments as JSON. */
export const TRANSCRIPT_FORMATS: readonly string[] = [...enums.TranscriptFileFormat, SEGMENTS_FORMAT];
type ExportFormat = (typeof enums.TranscriptFileFormat)[number];

export interface TranscribeOptions {
  language: string;
  format: string;
  output?: string;
}

/** The run's transcript in `format`: the result's segments, or the API's export of them. */
export async function transcriptAnswer(context: Context, runId: number, format: string): Promise<unknown> {
  if (format === SEGMENTS_FORMAT)
    return unwrap(await getResultJson(context.client, "transcription", runId, { signal: context.signal }));
  const query = { format_type: format as ExportFormat };
  const path = { run_id: runId };
  return unwrap(
    await context.client.GET(families.transcription.result, {
      params: { path, query },
      signal: context.signal,
    }),
  );
}

/** Creates a transcription of an uploaded file or a URL and waits for it. */
export async function transcribeMedia(
  context: Context,
  media: string,
  language: string,
): Promise<TaskOutcome> {
  const spoken = await resolveLanguage(context, language, "source", "--language");
  const input = await mediaInput(context, media);
  const source = input.kind === "url" ? { media_url: input.url } : { media_file: input.file };
  return runTask(context, "transcription", { language: spoken.id, ...source });
}

/** Transcribes, then writes the transcript (default `transcript.<format>`) and reports its cues. */
export async function transcribe(context: Context, media: string, options: TranscribeOptions): Promise<void> {
  const target = await outputTarget(options.output, `transcript.${options.format}`, context.json);
  const outcome = await transcribeMedia(context, media, options.language);
  const written = await writeExport(
    context,
    await transcriptAnswer(context, outcome.runId, options.format),
    target,
  );
  if (!written) return;
  const info = await inspectTranscript(written.path, options.format as never);
  const { taskId, runId } = outcome;
  printResult(context, { taskId, runId, ...written, transcript: info }, [
    `${written.path}  ${describeTranscript(info)}`,
    info.text.replace(/\s+/g, " "),
  ]);
}

export function transcribeCommand(run: Run): Command {
  return new Command("transcribe")
    .argument("<file|url>", "a local audio or video file (uploaded) or a URL the API can fetch")
    .description("transcribe speech and write the transcript")
    .option("--language <language>", "the spoken language: a locale or a numeric id", "en-us")
    .addOption(
      new Option("--format <format>", "transcript format")
        .choices(TRANSCRIPT_FORMATS)
        .default(SEGMENTS_FORMAT),
    )
    .option("-o, --output <file>", "output file, a folder for transcript.<format>, or - for stdout")
    .action((media: string, options: TranscribeOptions, command: Command) =>
      run(command, (context) => transcribe(context, media, options)),
    );
}
