// Transcript exports parsed back by real subtitle parsers (media-captions strict, ffprobe): cues equal the segments.
import { execFileSync } from "node:child_process";
import { parseText, tokenizeVTTCue, type VTTCue, type VTTNode } from "media-captions";
import { describe, expect, test } from "vitest";
import { renderAudio } from "../src/audio/render.js";
import { readMediaFacts } from "../src/media/read-media-facts.js";
import { renderTranscript } from "../src/media/subtitles.js";
import { type TranscriptSegment, transcriptSegments } from "../src/media/transcript.js";
import { normalizeTranscriptText } from "../src/media/transcript-text.js";
import { writeTemp } from "./helpers/decoders.js";

const TRANSCRIPTS: [string, TranscriptSegment[]][] = [
  [
    "markup characters, Unicode and a word over the limit",
    transcriptSegments(
      "Fish & chips <b>not bold</b> --> arrows. Zoë’s “quotes” … and https://example.com/a/long/path/without/spaces!",
      9.25,
      { min_gap_between_segments_in_frames: 2, max_characters_in_segment: 24 },
    ),
  ],
  [
    "an hour and more of placeholder cues",
    transcriptSegments(undefined, 3725.4, { max_segment_duration_in_seconds: 5 }),
  ],
  ["the sandbox's TTS sentence", transcriptSegments("Fifty characters of text make three seconds here!", 3)],
];

/** A cue's text as a player shows it: WebVTT markup parsed, entities decoded. */
function shownText(cue: VTTCue): string {
  const flat = (nodes: VTTNode[]): string =>
    nodes
      .map((node) => ("data" in node ? node.data : flat((node as { children: VTTNode[] }).children)))
      .join("");
  return flat(tokenizeVTTCue(cue));
}

/** ffprobe's reading of a subtitle file: one packet per cue, with its start and duration. */
function ffprobeCues(path: string): { start: number; duration: number }[] {
  const out = execFileSync("ffprobe", [
    "-v",
    "error",
    "-show_entries",
    "packet=pts_time,duration_time",
    "-of",
    "json",
    path,
  ]);
  const { packets } = JSON.parse(out.toString()) as {
    packets: { pts_time: string; duration_time: string }[];
  };
  return packets.map((p) => ({ start: Number(p.pts_time), duration: Number(p.duration_time) }));
}

describe.each(TRANSCRIPTS)("%s", (_name, segments) => {
  // Compared in whole milliseconds: the parser adds seconds and fractions in floating point.
  const ms = (seconds: number) => Math.round(seconds * 1000);
  const times = segments.map((s) => [ms(s.start), ms(s.end)]);

  test("SRT: 1-based numbers, comma milliseconds, and cues equal to the segments", async () => {
    const srt = renderTranscript(segments, "srt");
    const blocks = srt.trimEnd().split("\n\n");
    expect(blocks).toHaveLength(segments.length);
    blocks.forEach((block, i) => {
      const [number, timing] = block.split("\n");
      expect(number).toBe(String(i + 1));
      expect(timing).toMatch(/^\d{2,}:[0-5]\d:[0-5]\d,\d{3} --> \d{2,}:[0-5]\d:[0-5]\d,\d{3}$/);
    });
    const parsed = await parseText(srt, { type: "srt", strict: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((c) => c.id)).toEqual(segments.map((_, i) => String(i + 1)));
    expect(parsed.cues.map((c) => [ms(c.startTime), ms(c.endTime)])).toEqual(times);
    expect(parsed.cues.map((c) => c.text)).toEqual(segments.map((s) => s.text));
  });

  test("WebVTT: the header, dot milliseconds, and cues (markup escaped) equal to the segments", async () => {
    const vtt = renderTranscript(segments, "vtt");
    expect(vtt.startsWith("WEBVTT\n\n")).toBe(true);
    expect(vtt).not.toMatch(/\d,\d{3} -->/);
    const parsed = await parseText(vtt, { type: "vtt", strict: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((c) => [ms(c.startTime), ms(c.endTime)])).toEqual(times);
    expect(parsed.cues.map(shownText)).toEqual(segments.map((s) => s.text));
  });

  test("ffprobe reads both files as subtitle streams with the same cue times", () => {
    for (const format of ["srt", "vtt"] as const) {
      const path = writeTemp(new TextEncoder().encode(renderTranscript(segments, format)), format);
      const cues = ffprobeCues(path).map((c) => [ms(c.start), ms(c.start + c.duration)]);
      expect(cues, format).toEqual(times);
    }
  });

  test("plain text: one segment a line", () => {
    expect(renderTranscript(segments, "txt")).toBe(segments.map((s) => `${s.text}\n`).join(""));
  });
});

test("speech made by the sandbox comes back as subtitles of its own text, within its duration", async () => {
  const text =
    "Round trips are testable end to end. The sandbox wrote this text into the MP3 it made; the transcript reads it back!";
  const audio = renderAudio({
    seed: 8,
    sampleRate: 24_000,
    channels: 1,
    seconds: text.length * 0.06,
    format: "mp3",
    text,
  });
  const facts = await readMediaFacts(audio.stream());
  const options = { max_characters_in_segment: 30, min_gap_between_segments_in_frames: 1 };
  const segments = transcriptSegments(facts.text, facts.durationSeconds ?? 0, options);
  const parsed = await parseText(renderTranscript(segments, "vtt"), { type: "vtt", strict: true });
  expect(parsed.cues.map(shownText).join(" ")).toBe(normalizeTranscriptText(text));
  expect(parsed.cues.at(-1)?.endTime).toBeLessThanOrEqual(facts.durationSeconds ?? 0);
  for (const cue of parsed.cues) if (cue.text.includes(" ")) expect(cue.text.length).toBeLessThanOrEqual(30);
});
