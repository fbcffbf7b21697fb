// Parses a saved transcript or subtitle file whole (SRT and VTT with a real subtitle parser, JSON segments,
// plain text) and reports its cues, so a summary or the demo never calls an unreadable file a transcript.
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { CambError } from "@camb-kit/client";
import { parse } from "@plussub/srt-vtt-parser";

export type TranscriptFormat = "srt" | "vtt" | "txt" | "json";

/** What a saved transcript turned out to hold. */
export interface TranscriptInfo {
  path: string;
  format: TranscriptFormat;
  bytes: number;
  /** Timed cues (SRT/VTT entries, JSON segments); 0 for plain text. */
  cues: number;
  /** End of the last cue, in seconds; undefined for plain text. */
  durationSeconds: number | undefined;
  /** The words, cues joined by spaces. */
  text: string;
}

export class UnreadableTranscriptError extends CambError {
  override readonly name: string = "UnreadableTranscriptError";
}

interface Cue {
  start: number;
  end: number;
  text: string;
}

function checkCues(cues: Cue[], what: string): Cue[] {
  if (cues.length === 0) throw new UnreadableTranscriptError(`no ${what} cue`);
  for (const cue of cues) {
    if (!(cue.end > cue.start) || cue.start < 0)
      throw new UnreadableTranscriptError(`a ${what} cue ends before it starts (${cue.start} -> ${cue.end})`);
  }
  return cues;
}

/** JSON segments: `{ transcript: [...] }`, a bare list, or a per-language map of either. */
function jsonCues(value: unknown): Cue[] {
  const segments = Array.isArray(value) ? value : (value as { transcript?: unknown } | null)?.transcript;
  if (Array.isArray(segments)) {
    return segments.map((segment: { start?: unknown; end?: unknown; text?: unknown }) => {
      if (
        typeof segment.start !== "number" ||
        typeof segment.end !== "number" ||
        typeof segment.text !== "string"
      )
        throw new UnreadableTranscriptError("a JSON segment lacks start, end or text");
      return { start: segment.start, end: segment.end, text: segment.text };
    });
  }
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(jsonCues);
  throw new UnreadableTranscriptError("JSON holds no transcript segments");
}

function cuesOf(format: TranscriptFormat, text: string): Cue[] | undefined {
  const fromEntries = (entries: { from: number; to: number; text: string }[]) =>
    entries.map((entry) => ({ start: entry.from / 1000, end: entry.to / 1000, text: entry.text }));
  switch (format) {
    case "vtt":
      if (!/^(\uFEFF)?WEBVTT/.test(text)) throw new UnreadableTranscriptError("no WEBVTT header");
      return checkCues(fromEntries(parse(text).entries), "VTT");
    case "srt":
      // The parser reads WebVTT when the text says so; an SRT file must not.
      if (/^(\uFEFF)?WEBVTT/.test(text))
        throw new UnreadableTranscriptError("a WEBVTT header in an SRT file");
      return checkCues(fromEntries(parse(text).entries), "SRT");
    case "json":
      return checkCues(jsonCues(JSON.parse(text)), "JSON");
    case "txt":
      if (text.trim() === "") throw new UnreadableTranscriptError("the text file is empty");
      return undefined;
  }
}

export function isTranscriptFormat(value: string): value is TranscriptFormat {
  return ["srt", "vtt", "txt", "json"].includes(value);
}

/** Reads and parses a transcript file; its format is its extension (`.vtt`, `.srt`, `.txt`, `.json`). */
export async function inspectTranscript(path: string, format?: TranscriptFormat): Promise<TranscriptInfo> {
  const kind = format ?? extname(path).slice(1).toLowerCase();
  if (!isTranscriptFormat(kind)) throw new UnreadableTranscriptError(`${path}: not a transcript file`);
  const data = await readFile(path);
  const text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  let cues: Cue[] | undefined;
  try {
    cues = cuesOf(kind, text);
  } catch (error) {
    if (error instanceof UnreadableTranscriptError) throw error;
    throw new UnreadableTranscriptError(`${path}: ${(error as Error).message}`, { cause: error });
  }
  return {
    path,
    format: kind,
    bytes: data.byteLength,
    cues: cues?.length ?? 0,
    durationSeconds: cues ? Math.max(...cues.map((cue) => cue.end)) : undefined,
    text: cues ? cues.map((cue) => cue.text.trim()).join(" ") : text.trim(),
  };
}

/** `VTT, 3 cues over 4.2 s` or `TXT, 120 characters`. */
export function describeTranscript(info: TranscriptInfo): string {
  const name = info.format.toUpperCase();
  if (info.durationSeconds === undefined) return `${name}, ${info.text.length} characters`;
  return `${name}, ${info.cues} cue${info.cues === 1 ? "" : "s"} over ${info.durationSeconds.toFixed(1)} s`;
}
