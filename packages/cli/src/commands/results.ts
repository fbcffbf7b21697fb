// `camb results`: a bulk download of finished runs of a family, one line (or JSON entry) per run id.
import { type BulkTaskFamily, families, isTaskFamily } from "@camb-kit/client";
import { downloadResults } from "@camb-kit/node";
import type { Context } from "../context.js";
import { ExitCode, InputError } from "../exit-codes.js";
import { describeFile, printResult } from "../output.js";

function bulkFamily(name: string): BulkTaskFamily {
  const bulk = Object.keys(families).filter(
    (family) => isTaskFamily(family) && families[family].bulk !== null,
  );
  if (!isTaskFamily(name) || families[name].bulk === null) {
    throw new InputError(`results: family must be one of ${bulk.join(", ")}, got "${name}"`);
  }
  return name as BulkTaskFamily;
}

/** `camb results <family> <run ids...> -o dir`: bulk download, one line per run id. */
export async function results(
  context: Context,
  familyName: string,
  ids: string[],
  options: { output: string; concurrency?: string },
): Promise<number> {
  const family = bulkFamily(familyName);
  const runIds = ids.map((id) => {
    const runId = Number(id);
    if (!Number.isInteger(runId) || runId < 1)
      throw new InputError(`run ids are positive integers, got "${id}"`);
    return runId;
  });
  const concurrency = options.concurrency === undefined ? 4 : Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new InputError("--concurrency must be an integer >= 1");
  context.reporter.step(`downloading ${runIds.length} ${family} result(s) to ${options.output}`);
  const outcomes = await downloadResults(context.client, family, runIds, options.output, {
    concurrency,
    signal: context.signal,
  });
  const lines: string[] = [];
  const report = [];
  for (const outcome of outcomes) {
    if ("error" in outcome) {
      const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      lines.push(`run ${outcome.runId}: failed: ${message}`);
      report.push({ runId: outcome.runId, error: message });
    } else {
      const { info, line } = await describeFile(outcome.path);
      lines.push(`run ${outcome.runId}: ${line}`);
      report.push({ runId: outcome.runId, path: outcome.path, audio: info });
    }
  }
  printResult(context, report, lines);
  return report.some((item) => "error" in item) ? ExitCode.apiError : ExitCode.ok;
}
