// `camb status <family> <task-id>` and `camb wait <family> <task-id> [-o out]`, for any family of the table.
import {
  families,
  getTaskStatus,
  isTaskFamily,
  type PollableTaskFamily,
  type TaskFamily,
  unwrap,
} from "@camb-kit/client";
import { Command } from "commander";
import type { Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { InputError } from "../exit-codes.js";
import { type ResolvedLanguage, resolveLanguage, resolveLanguages } from "../languages.js";
import { printResult } from "../output.js";
import {
  hasResult,
  parseTranscriptFormats,
  resultPath,
  SAVED_TRANSCRIPT_FORMATS,
  saveAndReport,
} from "../save-outputs.js";
import { statusLabel, waitWithProgress } from "../task-run.js";

/** The families with a status call: every one `status` and `wait` serve. */
export const WAITABLE_FAMILIES: readonly PollableTaskFamily[] = (
  Object.keys(families) as TaskFamily[]
).filter((family): family is PollableTaskFamily => families[family].status !== null);

function waitableFamily(name: string): PollableTaskFamily {
  if (!isTaskFamily(name) || !(WAITABLE_FAMILIES as readonly string[]).includes(name))
    throw new InputError(`family must be one of ${WAITABLE_FAMILIES.join(", ")}, got "${name}"`);
  return name as PollableTaskFamily;
}

/** The run ids of a status: its `run_id`, or each run's of a status that is a list of runs. */
function runIds(answer: unknown): number[] {
  const runs = Array.isArray(answer) ? answer : [answer];
  return runs.flatMap((run) => {
    const id = (run as { run_id?: unknown } | null)?.run_id;
    return typeof id === "number" ? [id] : [];
  });
}

/** One status check, printed as the API answered it. */
async function status(context: Context, name: string, taskId: string): Promise<void> {
  const family = waitableFamily(name);
  const answer = unwrap(await getTaskStatus(context.client, family, taskId, { signal: context.signal }));
  const ids = runIds(answer);
  const runs = ids.length ? ` (run ${ids.join(", ")})` : "";
  printResult(context, answer, [`${family} task ${taskId}: ${statusLabel(answer)}${runs}`]);
}

export interface WaitCommandOptions {
  output?: string;
  from?: string;
  to?: string;
  format?: string;
}

/** Waits for a task created earlier (or elsewhere) and, with `-o`, saves everything its run holds. */
async function wait(context: Context, name: string, taskId: string, options: WaitCommandOptions) {
  const family = waitableFamily(name);
  // Every input is checked before the wait, which may take minutes.
  const source = options.from ? await resolveLanguage(context, options.from, "source", "--from") : undefined;
  const targets: ResolvedLanguage[] | undefined = options.to
    ? await resolveLanguages(context, options.to, "target", "--to")
    : undefined;
  const transcriptFormats = parseTranscriptFormats(options.format);
  if (options.output !== undefined) {
    if (!hasResult(family)) throw new InputError(`${family} has no result to save: drop -o`);
    resultPath(family, targets);
  }
  const { runId, status: final } = await waitWithProgress(context, family, taskId);
  if (options.output === undefined) {
    printResult(context, { family, taskId, runId, status: final }, [
      `${family} task ${taskId}: run ${runId}`,
    ]);
    return undefined;
  }
  const saving = { source, targets, transcriptFormats };
  return saveAndReport(context, { family, taskId, runId }, options.output, saving);
}

export function statusCommand(run: Run): Command {
  return new Command("status")
    .argument("<family>", `a task family: ${WAITABLE_FAMILIES.join(", ")}`)
    .argument("<task-id>", "the id the create call answered")
    .description("check a task's status once")
    .action((family: string, taskId: string, _, command: Command) =>
      run(command, (context) => status(context, family, taskId)),
    );
}

export function waitCommand(run: Run): Command {
  return new Command("wait")
    .argument("<family>", `a task family: ${WAITABLE_FAMILIES.join(", ")}`)
    .argument("<task-id>", "the id the create call answered")
    .description("wait for a task to finish (progress on stderr) and print its run id; -o saves its outputs")
    .option("-o, --output <path>", "save everything the run holds here (a file or a folder, by family)")
    .option("--from <language>", "with -o: the run's source language, whose transcript is saved too")
    .option("--to <languages>", "with -o: the run's languages (and the one a per-language result is read in)")
    .option(
      "--format <formats>",
      `with -o: transcript formats to save, comma-separated (default all: ${SAVED_TRANSCRIPT_FORMATS.join(",")})`,
    )
    .action((family: string, taskId: string, options: WaitCommandOptions, command: Command) =>
      run(command, (context) => wait(context, family, taskId, options)),
    );
}
