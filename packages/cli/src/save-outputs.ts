// Saving everything a finished run holds (one file, or a folder of every asset with its manifest) with
// progress on stderr, then checking each file and printing the summary: one flow for every command.
import { relative } from "node:path";
import { families, type ResultTaskFamily, type TaskFamily } from "@camb-kit/client";
import { saveResult } from "@camb-kit/node";
import type { Context } from "./context.js";
import { ExitCode, InputError } from "./exit-codes.js";
import { describeInfo, type FileInfo, inspectFile } from "./inspect-file.js";
import { printResult } from "./output.js";
import type { TaskOutcome } from "./task-run.js";

/** One saved file, as the save reported it, with what checking it found. */
export interface SavedOutput {
  path: string;
  bytes: number;
  kind?: string | undefined;
  language?: string | undefined;
  checked: FileInfo | { error: string };
}

/** A file or folder `saveResult` wrote: a single file (`path`, `bytes`), or a folder with its `files`. */
interface Saved {
  path: string;
  bytes?: number;
  files?: { path: string; bytes: number; kind?: string; language?: string }[];
}

/** Whether a family's run has anything to save (a result endpoint). */
export function hasResult(family: TaskFamily): family is ResultTaskFamily {
  return families[family].result !== null;
}

async function check(file: { path: string; bytes: number; kind?: string; language?: string }) {
  const checked = await inspectFile(file.path).catch((error: unknown) => ({
    error: error instanceof Error ? error.message : String(error),
  }));
  return { path: file.path, bytes: file.bytes, kind: file.kind, language: file.language, checked };
}

/** Saves a run's result to `target` (a file for a file result, else a folder) and checks every file. */
export async function saveOutputs(
  context: Context,
  family: TaskFamily,
  runId: number,
  target: string,
): Promise<{ path: string; files: SavedOutput[] }> {
  if (!hasResult(family)) throw new InputError(`${family} has no result to save`);
  context.reporter.step(`saving run ${runId} to ${target}`);
  const saved = (await saveResult(context.client, family, runId, target, {
    signal: context.signal,
    mkdir: true,
    onProgress: ({ bytes, totalBytes }) => context.reporter.bytes(target, bytes, totalBytes),
  })) as Saved;
  context.reporter.done();
  const files = saved.files ?? [{ path: saved.path, bytes: saved.bytes ?? 0 }];
  return { path: saved.path, files: await Promise.all(files.map(check)) };
}

/** `es-es video  out/dub/es-es-video.mp4  MP4 12.0 s, …`: one line per saved file. */
export function outputLines(files: readonly SavedOutput[]): string[] {
  return files.map((file) => {
    const label = [file.language, file.kind].filter(Boolean).join(" ");
    const name = relative(process.cwd(), file.path) || file.path;
    const what = "error" in file.checked ? `UNREADABLE: ${file.checked.error}` : describeInfo(file.checked);
    return `${label ? `${label.padEnd(18)} ` : ""}${name}  ${what}`;
  });
}

/** Saves a finished task's outputs and prints the summary; exit 3 when a saved file fails its check. */
export async function saveAndReport(
  context: Context,
  outcome: TaskOutcome,
  target: string,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const { path, files } = await saveOutputs(context, outcome.family, outcome.runId, target);
  const { family, taskId, runId } = outcome;
  const head = `${family} run ${runId}${taskId ? ` (task ${taskId})` : ""}: ${files.length} file(s) in ${relative(process.cwd(), path) || "."}`;
  printResult(context, { family, taskId, runId, path, ...extra, files }, [head, ...outputLines(files)]);
  return files.some((file) => "error" in file.checked) ? ExitCode.apiError : ExitCode.ok;
}
