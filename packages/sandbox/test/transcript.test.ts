// transcriptSegments over a fixed table of texts, durations and options: exact text cover and every limit honoured.
import { describe, expect, test } from "vitest";
import {
  placeholderText,
  type SubtitleFormattingOptions,
  type TranscriptSegment,
  transcriptSegments,
} from "../src/media/transcript.js";
import { normalizeTranscriptText, sentences, splitByCharacters } from "../src/media/transcript-text.js";
import { seededRandom } from "../src/random.js";

/** 240 words from a fixed seed, with sentence ends and commas: the same "random" prose on every run. */
function prose(seed: number, words: number): string {
  const random = seededRandom(seed);
  const vocabulary = [
    "sandbox",
    "voice",
    "a",
    "transcript",
    "of",
    "the",
    "quick",
    "cue",
    "segment",
    "audio",
    "reads",
  ];
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const word = vocabulary[Math.floor(random() * vocabulary.length)] ?? "word";
    const end = random();
    out.push(end < 0.1 ? `${word}.` : end < 0.15 ? `${word}?` : end < 0.25 ? `${word},` : word);
  }
  return `${out.join(" ")}.`;
}

const TEXTS: [string, string][] = [
  ["the sandbox's TTS sentence", "Fifty characters of text make three seconds here!"],
  [
    "prose with quotes, tabs, newlines and Unicode",
    "  Dr. Zoë said: «Hello there.»\tThen she left!\n\nWhy? Nobody knows… “Quoted text.” The end.  ",
  ],
  ["240 seeded words", prose(7, 240)],
  [
    "a word longer than any limit",
    "See https://example.com/a/very/long/path/that/never/breaks/anywhere for details.",
  ],
  ["Japanese without spaces", "今日は良い天気です。明日も晴れるでしょう。"],
  ["a single word", "Hi"],
];

const OPTIONS: [string, SubtitleFormattingOptions][] = [
  ["defaults", {}],
  ["3 s, 20 characters", { max_segment_duration_in_seconds: 3, max_characters_in_segment: 20 }],
  [
    "2 s minimum, 5-frame gaps",
    { min_segment_duration_in_seconds: 2, min_gap_between_segments_in_frames: 5 },
  ],
  [
    "12 cps, 32 characters, 2-frame gaps",
    { max_reading_speed_in_cps: 12, max_characters_in_segment: 32, min_gap_between_segments_in_frames: 2 },
  ],
  [
    "1.5 s max, 0.5 s min, 10 characters",
    {
      max_segment_duration_in_seconds: 1.5,
      min_segment_duration_in_seconds: 0.5,
      max_characters_in_segment: 10,
    },
  ],
];

/** Each text at its natural speed (60 ms a character), a quarter of it and five times it. */
const PACES: [string, (text: string) => number][] = [
  ["natural", (t) => Math.max(1, t.length * 0.06)],
  ["rushed", (t) => t.length * 0.015],
  ["slow", (t) => t.length * 0.3],
];

const EPSILON = 1e-9;

/** Checks every promised property; the "where the duration allows" ones only when it does. */
function expectWellFormed(
  segments: TranscriptSegment[],
  text: string,
  duration: number,
  options: SubtitleFormattingOptions,
) {
  const max = options.max_segment_duration_in_seconds ?? 7;
  const min = Math.min(max, options.min_segment_duration_in_seconds ?? 1);
  const cps = options.max_reading_speed_in_cps;
  const characters = Math.min(
    options.max_characters_in_segment ?? 42,
    cps ? Math.floor(cps * max) : Infinity,
  );
  const gap = (options.min_gap_between_segments_in_frames ?? 0) / 25;

  expect(segments.map((s) => s.text).join(" ")).toBe(normalizeTranscriptText(text));
  const needed = segments.map((s) => Math.min(max, Math.max(min, cps ? s.text.length / cps : 0)));
  const roomy =
    needed.reduce((a, b) => a + b, 0) + gap * (segments.length - 1) <= duration - 0.001 * segments.length;
  segments.forEach((s, i) => {
    expect(s.speaker).toBe("SPEAKER_0");
    for (const time of [s.start, s.end])
      expect(Math.abs(time * 1000 - Math.round(time * 1000))).toBeLessThan(1e-6);
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.end).toBeLessThanOrEqual(duration + EPSILON);
    expect(s.end - s.start).toBeLessThanOrEqual(max + EPSILON);
    if (s.text.includes(" ")) expect(s.text.length).toBeLessThanOrEqual(characters); // a lone word may be longer
    const next = segments[i + 1];
    if (next) expect(next.start - s.end).toBeGreaterThanOrEqual(roomy ? gap - EPSILON : 0);
    if (roomy) {
      expect(s.end - s.start).toBeGreaterThanOrEqual((needed[i] ?? 0) - EPSILON);
      if (cps && s.text.length <= cps * max)
        expect(s.text.length / (s.end - s.start)).toBeLessThanOrEqual(cps + 1e-6);
    }
  });
}

describe("segments over the table of texts, paces and options", () => {
  for (const [textName, text] of TEXTS)
    for (const [optionsName, options] of OPTIONS)
      for (const [paceName, pace] of PACES)
        test(`${textName}, ${optionsName}, ${paceName}`, () => {
          const duration = pace(text);
          const segments = transcriptSegments(text, duration, options);
          expect(segments.length).toBeGreaterThan(0);
          expectWellFormed(segments, text, duration, options);
          expect(transcriptSegments(text, duration, options)).toEqual(segments); // deterministic
        });
});

describe("how text is cut", () => {
  test("by sentence first, keeping sentence ends that have no space after them together", () => {
    expect(sentences("Hi. How are you? Fine!")).toEqual(["Hi.", "How are you?", "Fine!"]);
    expect(sentences("What?Yes. Then more")).toEqual(["What?Yes.", "Then more"]);
    expect(transcriptSegments("Hi. How are you? Fine!", 6).map((s) => s.text)).toEqual([
      "Hi.",
      "How are you?",
      "Fine!",
    ]);
  });

  test("a long text (segmented in windows) is cut into the same sentences as its parts", () => {
    const paragraph =
      "Dr. Zoë said «hello.» Then she left! Why? Nobody knows… “Quoted text.” See e.g. the end";
    const long = Array.from({ length: 300 }, (_, i) => `${paragraph} ${i}.`).join(" "); // ~26 000 characters
    const expected = Array.from({ length: 300 }, (_, i) => sentences(`${paragraph} ${i}.`)).flat();
    expect(sentences(long)).toEqual(expected);
  });

  test("a sentence over the character limit is cut into balanced pieces, never inside a word", () => {
    const sentence = "Fifty characters of text make three seconds here!";
    expect(splitByCharacters(sentence, 42)).toEqual(["Fifty characters of text", "make three seconds here!"]);
    expect(splitByCharacters("one two three", 3)).toEqual(["one", "two", "three"]);
  });

  test("the reading speed narrows the pieces: 10 cps over at most 2 s leaves 20 characters a cue", () => {
    const segments = transcriptSegments(prose(3, 60), 30, {
      max_reading_speed_in_cps: 10,
      max_segment_duration_in_seconds: 2,
    });
    for (const s of segments) if (s.text.includes(" ")) expect(s.text.length).toBeLessThanOrEqual(20);
  });

  test("a short text over a long recording: cues last at most the maximum, the rest is silence", () => {
    // Slots by length (6 and 8 characters of 600 s), each cue at its slot's start.
    const segments = transcriptSegments("Hello. Goodbye.", 600);
    expect(segments.map((s) => [s.start, s.end])).toEqual([
      [0, 7],
      [257.143, 264.143],
    ]);
  });

  test("a duration too short for the minimums still gives ordered cues inside it; zero gives empty cues", () => {
    const text = prose(11, 80);
    const segments = transcriptSegments(text, 2, {
      min_segment_duration_in_seconds: 1,
      min_gap_between_segments_in_frames: 10,
    });
    expectWellFormed(segments, text, 2, {
      min_segment_duration_in_seconds: 1,
      min_gap_between_segments_in_frames: 10,
    });
    expect(segments.at(-1)?.end).toBeLessThanOrEqual(2);
    const none = transcriptSegments("Nothing fits.", 0);
    expect(none).toEqual([{ start: 0, end: 0, text: "Nothing fits.", speaker: "SPEAKER_0" }]);
    expect(transcriptSegments("   ", 5)).toEqual([]);
  });

  test("options the API would refuse are a RangeError", () => {
    expect(() => transcriptSegments("x", 1, { max_characters_in_segment: -1 })).toThrow(RangeError);
    expect(() => transcriptSegments("x", 1, { max_segment_duration_in_seconds: Number.NaN })).toThrow(
      RangeError,
    );
  });
});

describe("foreign media: placeholder text", () => {
  test("one numbered sentence per maximum segment duration, covering the whole duration", () => {
    expect(placeholderText(20)).toBe(
      "Sandbox transcript, segment 1. Sandbox transcript, segment 2. Sandbox transcript, segment 3.",
    );
    const segments = transcriptSegments(undefined, 30.5, { min_gap_between_segments_in_frames: 3 });
    expect(segments.map((s) => s.text)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `Sandbox transcript, segment ${n}.`),
    );
    expectWellFormed(segments, placeholderText(30.5), 30.5, { min_gap_between_segments_in_frames: 3 });
    expect(segments[0]?.start).toBe(0);
    expect(segments.at(-1)?.end).toBe(30.5);
    expect(transcriptSegments(undefined, 30.5, { min_gap_between_segments_in_frames: 3 })).toEqual(segments);
  });

  test("an hour at 3 s a segment is 1200 segments; the count stops at 10 000 for very long media", () => {
    expect(transcriptSegments(undefined, 3600, { max_segment_duration_in_seconds: 3 })).toHaveLength(1200);
    const days = transcriptSegments(undefined, 10 * 86_400);
    expect(days).toHaveLength(10_000);
    expectWellFormed(days, placeholderText(10 * 86_400), 10 * 86_400, {});
  });
});
