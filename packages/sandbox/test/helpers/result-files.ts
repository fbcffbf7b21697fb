// The files results point at, downloaded (pre-signed URLs: no API key) and read as players read them: the
// length ffmpeg decodes, the text the sandbox's speech carries, the cues a strict subtitle parser finds.
import { parseText } from "media-captions";
import { expect } from "vitest";
import { SPEECH_TEXT_FIELD } from "../../src/audio/speech-tags.js";
import { ffmpegToWav, soxInfo, writeTemp } from "./decoders.js";
import { ffprobeTags } from "./media-streams.js";

export interface Downloaded {
  path: string;
  contentType: string | null;
  bytes: Uint8Array;
}

/** Downloads a result's file into the decoders' temp folder, under `extension`. */
export async function download(url: string, extension: string): Promise<Downloaded> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { path: writeTemp(bytes, extension), contentType: response.headers.get("content-type"), bytes };
}

/** A text file a result points at (a transcript export, a story's dialogue). */
export async function downloadText(url: string): Promise<{ text: string; contentType: string | null }> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return { text: await response.text(), contentType: response.headers.get("content-type") };
}

/** Seconds of audio in a file as ffmpeg decodes it (every frame, `-xerror`), measured by sox on the WAV. */
export function decodedSeconds(path: string): number {
  return soxInfo(ffmpegToWav(path)).duration;
}

/** The words the sandbox's speech carries: a WAV's comment, the sandbox's own tag in FLAC and MP3. */
export function carriedText(path: string): string | undefined {
  const tags = ffprobeTags(path);
  return path.endsWith(".wav") ? tags.comment : tags[SPEECH_TEXT_FIELD];
}

export interface Cue {
  start: number;
  end: number;
  text: string;
}

/** SRT or WebVTT parsed strictly by media-captions: it must parse without an error. */
export async function cuesOf(text: string, type: "srt" | "vtt"): Promise<Cue[]> {
  const parsed = await parseText(text, { type, strict: true });
  expect(parsed.errors, `${type} parse errors`).toEqual([]);
  return parsed.cues.map((cue) => ({ start: cue.startTime, end: cue.endTime, text: cue.text }));
}

/** Segments or cues in whole milliseconds (a parser adds seconds and fractions in floating point). */
export function inMs(cues: readonly Cue[]): [number, number, string][] {
  return cues.map((cue) => [Math.round(cue.start * 1000), Math.round(cue.end * 1000), cue.text]);
}

/** Fails unless every segment lies within [0, seconds] (a microsecond of float slack) in order. */
export function expectWithin(segments: readonly Cue[], seconds: number): void {
  let previous = 0;
  for (const segment of segments) {
    expect(segment.start).toBeGreaterThanOrEqual(previous);
    expect(segment.end).toBeGreaterThanOrEqual(segment.start);
    expect(segment.end).toBeLessThanOrEqual(seconds + 1e-6);
    previous = segment.end;
  }
}

/** The words of a transcript: its segments' texts joined by spaces. */
export const wordsOf = (segments: readonly { text: string }[]) =>
  segments.map((segment) => segment.text).join(" ");
