// A language as the API takes it (a numeric id, a lowercase locale tag or `auto`), resolved against the
// sandbox's language table: what the answers need (an id for the typed fields, a locale for text and keys).

import { LANGUAGES } from "../data/languages.js";
import type { Json } from "../openapi/json.js";

const BY_ID = new Map(LANGUAGES.map((language) => [language.id, language]));
const BY_LOCALE = new Map(LANGUAGES.map((language) => [language.short_name, language]));
/** What `auto` detects: the sandbox's speech is English. */
const DETECTED = BY_ID.get(1);

export interface ResolvedLanguage {
  id: number;
  locale: string;
}

/** The language an input value names; `auto` is English; an unknown locale keeps its tag with id 0. */
export function resolveLanguage(value: Json | undefined): ResolvedLanguage {
  const found =
    typeof value === "number"
      ? BY_ID.get(value)
      : value === "auto" || value === undefined
        ? DETECTED
        : BY_LOCALE.get(String(value));
  if (found) return { id: found.id, locale: found.short_name };
  return { id: typeof value === "number" ? value : 0, locale: String(value) };
}

/** Every language of a list-valued input field (`target_languages`), in order, without repeats. */
export function resolveLanguages(value: Json | undefined): ResolvedLanguage[] {
  const seen = new Set<string>();
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.map(resolveLanguage).filter(({ locale }) => !seen.has(locale) && seen.add(locale));
}
