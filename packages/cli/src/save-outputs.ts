// Saving everything a finished run holds (one file, or a folder of every asset with its manifest) with
// progress on stderr, then checking each file and printing the summary: one flow for every command.
import { relative } from "node:path";
import { families, type ResultTaskFamily, type Schemas, type TaskFamily } from "@camb-kit/client";
import { enums, operationSchemas } from "@camb-kit/client/spec";
import { saveResult } from "@camb-kit/node";
import type { Context } from "./context.js";
import { ExitCode, InputError } from "./exit-codes.js";
import { folderProgress } from "./folder-progress.js";
import { describeInfo, type FileInfo, inspectFile } from "./inspect-file.js";
import type { ResolvedLanguage } from "./languages.js";
import { printResult } from "./output.js";
import type { TaskOutcome } from "./task-run.js";

type TranscriptFormat = Schemas["TranscriptFileFormat"];
/** Every rendered transcript format of the spec: what a folder save writes unless `--format` narrows it. */
export const SAVED_TRANSCRIPT_FORMATS: readonly TranscriptFormat[] = enums.TranscriptFileFormat;

/** What the command knows of the run beside its family and id. */
export interface SaveOutputsOptions {
  /** The language the run was made from (`--from`): its transcript is saved too. */
  source?: ResolvedLanguage | undefined;
  /** The languages it was made in (`--to`): their files, and the language a result path may take. */
  targets?: readonly ResolvedLanguage[] | undefined;
  /** The rendered transcript formats to save (`--format`); default every one the spec has. */
  transcriptFormats?: readonly TranscriptFormat[] | undefined;
}

/** One saved file, as the save reported it, with what checking it found. */
export interface SavedOutput {
  path: string;
  bytes: number;
  kind?: string | undefined;
  language?: string | undefined;
  format?: string | undefined;
  checked: FileInfo | { error: string };
}

type SavedFile = { path: string; bytes: number; kind?: string; language?: string; format?: string };

/** A file or folder `saveResult` wrote: a single file (`path`, `bytes`), or a folder with its `files`. */
interface Saved {
  path: string;
  bytes?: number;
  files?: SavedFile[];
}

/** Whether a family's run has anything to save (a result endpoint). */
export function hasResult(family: TaskFamily): family is ResultTaskFamily {
  return families[family].result !== null;
}

/** `srt,vtt` -> the formats, each checked against the spec's; undefined (every format) when not given. */
export function parseTranscriptFormats(value: string | undefined): TranscriptFormat[] | undefined {
  if (value === undefined) return undefined;
  const asked = value.split(",").map((item) => item.trim().toLowerCase());
  for (const format of asked) {
    if (!(SAVED_TRANSCRIPT_FORMATS as readonly string[]).includes(format))
      throw new InputError(`--format: "${format}" is not one of ${SAVED_TRANSCRIPT_FORMATS.join(", ")}`);
  }
  return [...new Set(asked)] as TranscriptFormat[];
}

/**
 * The result path's parameters beside the run id (`resultParams`: the language a result is read in), filled
 * with the one target language, as its id or its locale by the parameter's schema in the spec.
 */
export function resultPath(family: ResultTaskFamily, targets: readonly ResolvedLanguage[] | undefined) {
  const { resultParams, operations } = families[family];
  if (resultParams.length === 0) return undefined;
  const [target, ...more] = targets ?? [];
  if (!target || more.length > 0)
    throw new InputError(`${family}: its result is read per ${resultParams.join(", ")}: name one with --to`);
  const parameters = operationSchemas[operations.result].parameters;
  return Object.fromEntries(
    resultParams.map((name: string) => {
      const type = parameters.find((parameter) => parameter.name === name)?.schema.type;
      return [name, type === "string" ? target.locale : target.id];
    }),
  );
}

async function check(file: SavedFile): Promise<SavedOutput> {
  const checked = await inspectFile(file.path).catch((error: unknown) => ({
    error: error instanceof Error ? error.message : String(error),
  }));
  const { path, bytes, kind, language, format } = file;
  return { path, bytes, kind, language, format, checked };
}

/** Saves a run's result to `target` (a file for a file result, else a folder) and checks every file. */
export async function saveOutputs(
  context: Context,
  family: TaskFamily,
  runId: number,
  target: string,
  options: SaveOutputsOptions = {},
): Promise<{ path: string; files: SavedOutput[] }> {
  if (!hasResult(family)) throw new InputError(`${family} has no result to save`);
  const path = resultPath(family, options.targets);
  const languages = [options.source, ...(options.targets ?? [])].flatMap((item) => item?.locale ?? []);
  context.reporter.step(`saving run ${runId} to ${target}`);
  const onProgress = families[family].resultIsAudio
    ? ({ bytes, totalBytes }: { bytes: number; totalBytes: number | undefined }) =>
        context.reporter.bytes(target, bytes, totalBytes)
    : folderProgress(context.reporter, target);
  // `path` is filled above exactly for the families whose result path takes more than the run id.
  const save = saveResult as (...args: unknown[]) => Promise<Saved>;
  const saved = await save(context.client, family, runId, target, {
    signal: context.signal,
    mkdir: true,
    onProgress,
    languages: [...new Set(languages)],
    transcriptFormats: options.transcriptFormats,
    path,
  });
  context.reporter.done();
  const files = saved.files ?? [{ path: saved.path, bytes: saved.bytes ?? 0 }];
  return { path: saved.path, files: await Promise.all(files.map(check)) };
}

/** `es-es transcript srt  out/dub/es-es-transcript.srt  SRT, 3 cue(s)…`: one line per saved file. */
export function outputLines(files: readonly SavedOutput[]): string[] {
  return files.map((file) => {
    const label = [file.language, file.kind, file.format].filter(Boolean).join(" ");
    const name = relative(process.cwd(), file.path) || file.path;
    const what = "error" in file.checked ? `UNREADABLE: ${file.checked.error}` : describeInfo(file.checked);
    return `${label ? `${label.padEnd(22)} ` : ""}${name}  ${what}`;
  });
}

/** Saves a finished task's outputs and prints the summary; exit 3 when a saved file fails its check. */
export async function saveAndReport(
  context: Context,
  outcome: Pick<TaskOutcome, "family" | "taskId" | "runId">,
  target: string,
  options: SaveOutputsOptions = {},
  extra: Record<string, unknown> = {},
): Promise<number> {
  const { path, files } = await saveOutputs(context, outcome.family, outcome.runId, target, options);
  const { family, taskId, runId } = outcome;
  const where = relative(process.cwd(), path) || ".";
  const head = `${family} run ${runId}${taskId ? ` (task ${taskId})` : ""}: ${files.length} file(s) in ${where}`;
  printResult(context, { family, taskId, runId, path, ...extra, files }, [head, ...outputLines(files)]);
  return files.some((file) => "error" in file.checked) ? ExitCode.apiError : ExitCode.ok;
}
