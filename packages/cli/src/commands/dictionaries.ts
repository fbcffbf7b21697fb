// `camb dictionaries list|create|add-term|delete`: the term dictionaries dubs and translations can use.
import { basename, extname } from "node:path";
import { operations, unwrap } from "@camb-kit/client";
import { Command } from "commander";
import { parseId, type Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { InputError } from "../exit-codes.js";
import { resolveLanguage } from "../languages.js";
import { uploadFile } from "../media-input.js";
import { printResult } from "../output.js";

async function list(context: Context): Promise<void> {
  const dictionaries = unwrap(
    await context.client.GET(operations.listDictionaries.path, { signal: context.signal }),
  );
  printResult(
    context,
    dictionaries,
    dictionaries.map(
      (item) =>
        `${String(item.id).padStart(6)}  ${item.name}  (${item.dictionary_terms?.length ?? 0} terms)${item.description ? `  ${item.description}` : ""}`,
    ),
  );
}

async function create(context: Context, path: string, options: { name?: string; description?: string }) {
  const body = {
    dictionary_name: options.name ?? basename(path, extname(path)),
    ...(options.description ? { dictionary_description: options.description } : {}),
    dictionary_file: await uploadFile(context, path),
  };
  // The client sends a body with a file part as multipart.
  const answer = unwrap(
    await context.client.POST(operations.createDictionaryFromFile.path, {
      body,
      signal: context.signal,
    }),
  );
  context.reporter.done();
  printResult(context, answer, [`created dictionary "${body.dictionary_name}": ${JSON.stringify(answer)}`]);
}

/** `es-es=Hola fr-fr=Bonjour` -> the term's translations, each language resolved to its id. */
async function addTerm(context: Context, id: string, pairs: string[]) {
  const translations = await Promise.all(
    pairs.map(async (pair) => {
      const at = pair.indexOf("=");
      if (at < 1) throw new InputError(`a translation is <language>=<text>, got "${pair}"`);
      const language = await resolveLanguage(context, pair.slice(0, at), "target", "add-term");
      return { language: language.id, translation: pair.slice(at + 1) };
    }),
  );
  const answer = unwrap(
    await context.client.POST(operations.addDictionaryTerm.path, {
      params: { path: { dictionary_id: parseId(id, "the dictionary id") } },
      body: { translations },
      signal: context.signal,
    }),
  );
  printResult(context, answer, [`added a term in ${translations.length} language(s) to dictionary ${id}`]);
}

async function remove(context: Context, id: string, options: { term?: string }) {
  const dictionary_id = parseId(id, "the dictionary id");
  const answer = options.term
    ? await context.client.DELETE(operations.deleteDictionaryTerm.path, {
        params: { path: { dictionary_id, term_id: parseId(options.term, "--term") } },
        signal: context.signal,
      })
    : await context.client.DELETE(operations.deleteDictionary.path, {
        params: { path: { dictionary_id } },
        signal: context.signal,
      });
  const what = options.term ? `term ${options.term} of dictionary ${id}` : `dictionary ${id}`;
  printResult(context, unwrap(answer), [`deleted ${what}`]);
}

export function dictionariesCommand(run: Run): Command {
  const command = new Command("dictionaries").description(
    "list, create, extend and delete term dictionaries",
  );
  command
    .command("list")
    .description("list your dictionaries")
    .action((_, sub: Command) => run(sub, list));
  command
    .command("create <file>")
    .description("create a dictionary from a CSV or Excel file (uploaded)")
    .option("--name <name>", "its name (default: the file's name)")
    .option("--description <text>", "what it is for")
    .action((path: string, options, sub: Command) => run(sub, (context) => create(context, path, options)));
  command
    .command("add-term <dictionary-id> <translations...>")
    .description("add a term, given as <language>=<text> per language, e.g. en-us=camb es-es=camb")
    .action((id: string, pairs: string[], _, sub: Command) =>
      run(sub, (context) => addTerm(context, id, pairs)),
    );
  command
    .command("delete <dictionary-id>")
    .description("delete a dictionary, or one of its terms with --term")
    .option("--term <term-id>", "delete only this term")
    .action((id: string, options, sub: Command) => run(sub, (context) => remove(context, id, options)));
  return command;
}
