import { unwrap } from "@camb-kit/client";
import type { Context } from "../context.js";
import { printResult } from "../output.js";

const GENDERS: Record<number, string> = { 0: "unknown", 1: "male", 2: "female", 9: "n/a" };

/** `camb voices`: every voice the key can use. */
export async function voices(context: Context): Promise<void> {
  const list = unwrap(await context.client.GET("/list-voices", { signal: context.signal }));
  printResult(
    context,
    list,
    list.map(
      (item) => `${String(item.id).padStart(8)}  ${item.voice_name}  ${GENDERS[item.gender ?? 0] ?? ""}`,
    ),
  );
}

/** `camb languages [--target]`: the numeric language ids and their locales. */
export async function languages(context: Context, options: { target?: boolean }): Promise<void> {
  const path = options.target ? "/target-languages" : "/source-languages";
  const list = unwrap(await context.client.GET(path, { signal: context.signal }));
  printResult(
    context,
    list,
    list.map((item) => `${String(item.id).padStart(4)}  ${item.short_name.padEnd(16)} ${item.language}`),
  );
}
