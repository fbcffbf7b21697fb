// The sandbox's "translation": deterministic and recognisable, so a test can tell which text went to which
// language (`[es-es] Good morning`), and translating a translation replaces the tag instead of stacking it.
import type { ResolvedLanguage } from "./language-input.js";

const TAG = /^\[[a-z0-9-]+\] /;

/** `text` "in" `language`: the text behind the target's locale tag. */
export function translateText(text: string, language: ResolvedLanguage): string {
  return `[${language.locale}] ${text.replace(TAG, "")}`;
}
