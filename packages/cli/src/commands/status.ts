// `camb status <family> <task-id>` and `camb wait <family> <task-id> [-o out]`, for any family of the table.
import {
  families,
  getTaskStatus,
  isTaskFamily,
  type StatusTaskFamily,
  type TaskFamily,
  unwrap,
} from "@camb-kit/client";
import { Command } from "commander";
import type { Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { InputError } from "../exit-codes.js";
import { printResult } from "../output.js";
import { hasResult, saveAndReport } from "../save-outputs.js";
import { waitWithProgress } from "../task-run.js";

/** The families with a status call: every one `status` and `wait` serve. */
export const WAITABLE_FAMILIES: readonly TaskFamily[] = (Object.keys(families) as TaskFamily[]).filter(
  (family) => families[family].status !== null,
);

function waitableFamily(name: string): TaskFamily {
  if (!isTaskFamily(name) || !WAITABLE_FAMILIES.includes(name))
    throw new InputError(`family must be one of ${WAITABLE_FAMILIES.join(", ")}, got "${name}"`);
  return name;
}

/** One status check, printed as the API answered it. */
async function status(context: Context, name: string, taskId: string): Promise<void> {
  const family = waitableFamily(name);
  const answer = unwrap(
    await getTaskStatus(context.client, family as StatusTaskFamily, taskId, { signal: context.signal }),
  );
  const { status: state, run_id: runId } = (answer ?? {}) as { status?: string; run_id?: number | null };
  const line = state
    ? `${family} task ${taskId}: ${state}${runId ? ` (run ${runId})` : ""}`
    : `${family} task ${taskId}: ${JSON.stringify(answer)}`;
  printResult(context, answer, [line]);
}

/** Waits for a task created earlier (or elsewhere) and, with `-o`, saves everything its run holds. */
async function wait(context: Context, name: string, taskId: string, options: { output?: string }) {
  const family = waitableFamily(name);
  if (options.output !== undefined && !hasResult(family))
    throw new InputError(`${family} has no result to save: drop -o`);
  const { runId, status: final } = await waitWithProgress(context, family, taskId);
  if (options.output === undefined) {
    printResult(context, { family, taskId, runId, status: final }, [
      `${family} task ${taskId}: run ${runId}`,
    ]);
    return undefined;
  }
  return saveAndReport(context, { family, taskId, runId, finished: undefined }, options.output);
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
    .action((family: string, taskId: string, options: { output?: string }, command: Command) =>
      run(command, (context) => wait(context, family, taskId, options)),
    );
}
