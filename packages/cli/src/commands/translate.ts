// `camb translate <text…> --from en-us --to es-es`: a translation task, each argument one text.
import { getResultJson, unwrap } from "@camb-kit/client";
import { Command } from "commander";
import type { Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { resolveLanguage } from "../languages.js";
import { printResult } from "../output.js";
import { runTask } from "../task-run.js";

export interface TranslateOptions {
  from: string;
  to: string;
}

/** Translates every text argument in one task and prints the translations, one line each, in order. */
export async function translate(context: Context, texts: string[], options: TranslateOptions): Promise<void> {
  const source = await resolveLanguage(context, options.from, "source", "--from");
  const target = await resolveLanguage(context, options.to, "target", "--to");
  const outcome = await runTask(context, "translation", {
    texts,
    source_language: source.id,
    target_language: target.id,
  });
  const result = unwrap(
    await getResultJson(context.client, "translation", outcome.runId, { signal: context.signal }),
  );
  printResult(
    context,
    { taskId: outcome.taskId, runId: outcome.runId, from: source.locale, to: target.locale, ...result },
    result.texts,
  );
}

export function translateCommand(run: Run): Command {
  return new Command("translate")
    .argument("<text...>", "the texts to translate: each argument is one text (quote a sentence)")
    .description("translate texts and print the translations, one line per text")
    .requiredOption("--from <language>", "the source language: a locale (en-us) or a numeric id")
    .requiredOption("--to <language>", "the target language: a locale (es-es) or a numeric id")
    .action((texts: string[], options: TranslateOptions, command: Command) =>
      run(command, (context) => translate(context, texts, options)),
    );
}
