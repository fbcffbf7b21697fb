// Languages as a user types them (a locale such as es-es, or a numeric id) turned into the API's numeric ids,
// checked against the API's own listing so a typo is bad input before anything is spent.
import { type components, operations, unwrap } from "@camb-kit/client";
import type { Context } from "./context.js";
import { InputError } from "./exit-codes.js";

type Language = components["schemas"]["Language"];

/** Source languages are what a task reads; target languages what it produces. The API lists them apart. */
export type LanguageRole = "source" | "target";

/** A language both ways: the numeric id every language field takes, and its locale for names and messages. */
export interface ResolvedLanguage {
  id: number;
  locale: string;
}

const listings = new WeakMap<Context, Partial<Record<LanguageRole, Promise<Language[]>>>>();

/** The API's listing for `role`, fetched once per command run. */
function listing(context: Context, role: LanguageRole): Promise<Language[]> {
  const cached = listings.get(context) ?? {};
  listings.set(context, cached);
  const { path } = role === "source" ? operations.listSourceLanguages : operations.listTargetLanguages;
  cached[role] ??= context.client.GET(path, { signal: context.signal }).then(unwrap);
  return cached[role];
}

/** `es-es`, `ES-ES` or `54` -> `{ id: 54, locale: "es-es" }`; anything the listing lacks is an InputError. */
export async function resolveLanguage(
  context: Context,
  value: string,
  role: LanguageRole,
  option: string,
): Promise<ResolvedLanguage> {
  const wanted = value.trim().toLowerCase();
  const list = await listing(context, role);
  const found = /^\d+$/.test(wanted)
    ? list.find((language) => language.id === Number(wanted))
    : list.find((language) => language.short_name.toLowerCase() === wanted);
  if (!found) {
    throw new InputError(
      `${option}: "${value}" is not a ${role} language (a locale such as ${list[0]?.short_name ?? "en-us"}, or an id: see \`camb languages${role === "target" ? " --target" : ""}\`)`,
    );
  }
  return { id: found.id, locale: found.short_name.toLowerCase() };
}

/** A comma-separated list (`es-es,fr-fr` or `54,76`), each resolved; duplicates are dropped. */
export async function resolveLanguages(
  context: Context,
  value: string,
  role: LanguageRole,
  option: string,
): Promise<ResolvedLanguage[]> {
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw new InputError(`${option}: name at least one language`);
  const resolved = await Promise.all(items.map((item) => resolveLanguage(context, item, role, option)));
  return resolved.filter(
    (language, index) => resolved.findIndex((other) => other.id === language.id) === index,
  );
}
