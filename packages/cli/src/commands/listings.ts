// `camb voices` and `camb languages`: the listings, as lines or JSON.
import { operations, unwrap } from "@camb-kit/client";
import { enumNames } from "@camb-kit/client/spec";
import type { Context } from "../context.js";
import { printResult } from "../output.js";

/** `FEMALE` for 2, `NOT_KNOWN` for 0: the spec's names of the gender codes, lower-cased for reading. */
function genderName(code: number | null | undefined): string {
  const name: string | undefined = (enumNames.Gender as Record<string, string>)[String(code ?? 0)];
  return name?.toLowerCase().replace(/_/g, " ") ?? "";
}

/** `camb voices`: every voice the key can use. */
export async function voices(context: Context): Promise<void> {
  const list = unwrap(await context.client.GET(operations.listVoices.path, { signal: context.signal }));
  printResult(
    context,
    list,
    list.map((item) => `${String(item.id).padStart(8)}  ${item.voice_name}  ${genderName(item.gender)}`),
  );
}

/** `camb languages [--target]`: the numeric language ids and their locales. */
export async function languages(context: Context, options: { target?: boolean }): Promise<void> {
  const { path } = options.target ? operations.listTargetLanguages : operations.listSourceLanguages;
  const list = unwrap(await context.client.GET(path, { signal: context.signal }));
  printResult(
    context,
    list,
    list.map((item) => `${String(item.id).padStart(4)}  ${item.short_name.padEnd(16)} ${item.language}`),
  );
}
