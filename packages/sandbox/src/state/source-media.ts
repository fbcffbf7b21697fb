// What the sandbox knows of a task's source media: how long it is and, when the sandbox made it itself, the
// text it speaks. Read from the file for uploads and for the sandbox's own storage URLs (a speech result
// dubbed or subtitled gives its text back); any other URL cannot be fetched, so its length is derived from it.
import { readMediaFacts } from "../media/read-media-facts.js";
import { hashString } from "../random.js";
import type { ObjectStore } from "./storage.js";
import { STORAGE_PREFIX } from "./storage.js";

export interface SourceMedia {
  seconds: number;
  /** The words of the sandbox's own speech; undefined for foreign media. */
  text: string | undefined;
}

/** 10 to 59 s, the same for the same URL: a stand-in for media the sandbox cannot download. */
export function derivedSeconds(url: string): number {
  return 10 + (hashString(url) % 50);
}

/** The facts of a media URL: read from the sandbox's own storage when it points there, else derived. */
export async function sourceMediaOfUrl(
  url: string,
  origin: string,
  storage: ObjectStore,
): Promise<SourceMedia> {
  const prefix = `${origin}${STORAGE_PREFIX}/`;
  const token = url.startsWith(prefix) ? url.slice(prefix.length).split("/")[0] : undefined;
  const stored = token ? storage.lookup(token) : undefined;
  if (stored && stored !== "expired") {
    const facts = await readMediaFacts(stored.audio.stream());
    if (facts.durationSeconds !== undefined) return { seconds: facts.durationSeconds, text: facts.text };
  }
  return { seconds: derivedSeconds(url), text: undefined };
}
