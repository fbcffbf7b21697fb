// A multipart body's fields as form entries, the way the API reads them: text, repeated parts, JSON, files.

/**
 * A file part given as a one-shot stream (a download being forwarded, or a file in Deno, whose
 * `fs.openAsBlob` reads the whole file into memory where `Deno.open(path).readable` streams it). A stream can
 * be read once, so a request with one is sent once: it is never retried or sent across a redirect.
 */
export interface StreamedFile {
  stream: ReadableStream<Uint8Array>;
  /** The part's filename. */
  filename: string;
  /** The part's Content-Type. Default `application/octet-stream`. */
  type?: string;
  /** Its length in bytes, when known: with every part's length known, the request has a Content-Length. */
  size?: number;
}

/** What a file part takes: a Blob or File (in Node, `fs.openAsBlob(path)` streams from disk), or a stream. */
export type FilePart = Blob | StreamedFile;

/** One part's value: text, or a file. */
export type FormValue = string | FilePart;

export function isStreamedFile(value: unknown): value is StreamedFile {
  // Duck-typed, so a stream from a polyfill or another realm is recognised too.
  return typeof (value as StreamedFile | null)?.stream?.getReader === "function" && !(value instanceof Blob);
}

function isFilePart(value: unknown): value is FilePart {
  return value instanceof Blob || isStreamedFile(value);
}

/**
 * Whether a body has a file part, and so must be multipart: a Blob or a stream cannot be JSON. Only the top
 * level is looked at, and an array by its first item: a bulk call's thousands of ids are not scanned.
 */
export function hasFileParts(body: unknown): boolean {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  for (const key in body) {
    const value = (body as Record<string, unknown>)[key];
    if (isFilePart(Array.isArray(value) ? value[0] : value)) return true;
  }
  return false;
}

/**
 * The body's parts in order. An array is one part per item (the API reads repeated parts, as for a story's
 * `chosen_dictionaries`); an object is its JSON text (as `/transcribe` reads `formatting_options`); numbers
 * and booleans are their text; `undefined` and `null` send no part.
 */
export function formEntries(body: Record<string, unknown>): [name: string, value: FormValue][] {
  const entries: [string, FormValue][] = [];
  for (const name in body) {
    const value = body[name];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      const part = isFilePart(item) ? item : typeof item === "object" ? JSON.stringify(item) : String(item);
      entries.push([name, part]);
    }
  }
  return entries;
}
