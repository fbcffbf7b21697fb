// renderTranscript round-trips through real subtitle parsers: times, text, speakers, empty segments.
import { enums } from "@camb-kit/client/spec";
import { describe, expect, it } from "vitest";
import { renderTranscript, type TranscriptSegment } from "../src/index.js";
import {
  type ParsedCue,
  parseSrt,
  parseVttWithMediaCaptions,
  parseVttWithW3c,
} from "./helpers/subtitle-parsers.js";

const seg = (start: number, end: number, text: string, speaker = "SPEAKER_0"): TranscriptSegment => ({
  start,
  end,
  text,
  speaker,
});

/**
 * The WebVTT file read by both parsers, which must agree on times and text, the W3C validator finding
 * nothing wrong. Voices are media-captions': the W3C parser leaves character references in a tag's
 * annotation as written, where the WebVTT tokenizer decodes them ("character reference in annotation").
 */
async function parseVtt(file: string): Promise<ParsedCue[]> {
  const w3c = parseVttWithW3c(file);
  expect(w3c.errors).toEqual([]);
  const cues = await parseVttWithMediaCaptions(file);
  const withoutVoice = (list: ParsedCue[]) => list.map(({ voice: _, ...rest }) => rest);
  expect(withoutVoice(cues)).toEqual(withoutVoice(w3c.cues));
  return cues;
}

const times = (cues: readonly ParsedCue[]) => cues.map((cue) => [cue.start, cue.end]);
const texts = (cues: readonly ParsedCue[]) => cues.map((cue) => cue.text);

describe("renderTranscript times", () => {
  const segments = [
    seg(0, 1.0005, "rounds half up as written"),
    seg(59.9995, 61.2344, "carries into the minute, rounds down below half"),
    seg(3599.9999, 7199.99951, "to the next hour"),
    seg(7323.004, 7324.999, "past two hours"),
  ];
  const expected = [
    [0, 1.001],
    [60, 61.234],
    [3600, 7200],
    [7323.004, 7324.999],
  ];

  it("writes SRT timestamps as hh:mm:ss,mmm that a strict SRT parser reads back to the millisecond", async () => {
    const file = renderTranscript(segments, "srt");
    expect(file).toContain("00:00:00,000 --> 00:00:01,001");
    // 59.9995 is stored as 59.99949…: it still rounds up, as the decimal the API wrote does.
    expect(file).toContain("00:01:00,000 --> 00:01:01,234");
    expect(file).toContain("02:02:03,004 --> 02:02:04,999");
    const cues = await parseSrt(file);
    expect(times(cues)).toEqual(expected);
  });

  it("writes WebVTT timestamps as hh:mm:ss.mmm that both WebVTT parsers read back", async () => {
    const file = renderTranscript(segments, "vtt");
    expect(file.startsWith("WEBVTT\n\n")).toBe(true);
    expect(file).toContain("01:00:00.000 --> 02:00:00.000");
    expect(times(await parseVtt(file))).toEqual(expected);
  });

  it("lets hours grow past two digits (the W3C parser reads them; media-captions refuses any)", () => {
    const file = renderTranscript([seg(360_000, 360_000.5, "a hundred hours in")], "vtt");
    expect(file).toContain("100:00:00.000 --> 100:00:00.500");
    const w3c = parseVttWithW3c(file);
    expect(w3c.errors).toEqual([]);
    expect(times(w3c.cues)).toEqual([[360_000, 360_000.5]]);
    expect(renderTranscript([seg(360_000, 360_001, "x")], "srt")).toContain(
      "100:00:00,000 --> 100:00:01,000",
    );
  });

  it("puts cues in time order (WebVTT requires it), keeping the order of segments that start together", async () => {
    const shuffled = [seg(5, 6, "c"), seg(1, 2, "a"), seg(3, 4, "b1"), seg(3, 3.5, "b2")];
    expect(texts(await parseVtt(renderTranscript(shuffled, "vtt")))).toEqual(["a", "b1", "b2", "c"]);
    expect(texts(await parseSrt(renderTranscript(shuffled, "srt")))).toEqual(["a", "b1", "b2", "c"]);
    expect(renderTranscript(shuffled, "txt")).toBe("a\nb1\nb2\nc\n");
  });

  it("refuses a negative or non-finite time and an end before its start, naming the segment", () => {
    expect(() => renderTranscript([seg(0, 1, "a"), seg(-1, 2, "b")], "srt")).toThrow(/segment 1: start/);
    expect(() => renderTranscript([seg(0, Number.NaN, "a")], "vtt")).toThrow(RangeError);
    expect(() => renderTranscript([seg(0, Number.POSITIVE_INFINITY, "a")], "txt")).toThrow(RangeError);
    expect(() => renderTranscript([seg(2, 1, "a")], "srt")).toThrow(/end .* before start/);
    // Equal after rounding to the millisecond is a zero-length cue, not an error.
    expect(renderTranscript([seg(1.0001, 1.0, "a")], "srt")).toContain("00:00:01,000 --> 00:00:01,000");
  });
});

describe("renderTranscript text", () => {
  const tricky = [
    seg(1, 2, "Tom & Jerry <3 say: a --> b > c"),
    seg(2, 3, "first line\r\nsecond line\n\n\nthird, after blank lines"),
    seg(3, 4, "  padded  \n  lines  "),
  ];

  it("escapes WebVTT markup, so both parsers give back the text itself and the validator finds no error", async () => {
    const file = renderTranscript(tricky, "vtt");
    expect(file).not.toMatch(/-->\s*b/);
    expect(texts(await parseVtt(file))).toEqual([
      "Tom & Jerry <3 say: a --> b > c",
      "first line\nsecond line\nthird, after blank lines",
      "padded\nlines",
    ]);
  });

  it("keeps SRT text as written but for an arrow, which would read as a timing line", async () => {
    const file = renderTranscript(tricky, "srt");
    expect(texts(await parseSrt(file))).toEqual([
      "Tom & Jerry <3 say: a -> b > c",
      "first line\nsecond line\nthird, after blank lines",
      "padded\nlines",
    ]);
    // Exactly one timing line per cue: a reader that looks for "-->" finds the cues and nothing else.
    expect(file.split("\n").filter((line) => line.includes("-->"))).toHaveLength(3);
  });

  it("writes plain text as one line per segment", () => {
    expect(renderTranscript(tricky, "txt")).toBe(
      "Tom & Jerry <3 say: a --> b > c\nfirst line second line third, after blank lines\npadded lines\n",
    );
  });

  it("leaves out segments with no text, numbering the SRT cues that remain 1, 2, 3", async () => {
    const segments = [
      seg(0, 1, "one"),
      seg(1, 2, ""),
      seg(2, 3, " \n\t "),
      seg(3, 4, "two"),
      seg(4, 5, "three"),
    ];
    const srt = renderTranscript(segments, "srt");
    expect(srt.match(/^\d+$/gm)).toEqual(["1", "2", "3"]);
    expect(texts(await parseSrt(srt))).toEqual(["one", "two", "three"]);
    expect(texts(await parseVtt(renderTranscript(segments, "vtt")))).toEqual(["one", "two", "three"]);
    expect(renderTranscript(segments, "txt")).toBe("one\ntwo\nthree\n");
  });

  it("renders no segments as an empty file (WebVTT keeps its header, which parses)", async () => {
    expect(renderTranscript([], "srt")).toBe("");
    expect(renderTranscript([], "txt")).toBe("");
    expect(await parseVtt(renderTranscript([], "vtt"))).toEqual([]);
  });
});

describe("renderTranscript speakers", () => {
  const dialogue = [
    seg(0, 1, "Hello.", "SPEAKER_0"),
    seg(1, 2, "Hi,\nthere.", "SPEAKER_1"),
    seg(2, 3, "Bye.", "R&D <lead>"),
  ];

  it("names speakers when there are several: a WebVTT voice span, both parsers reading its name", async () => {
    const cues = await parseVtt(renderTranscript(dialogue, "vtt"));
    expect(cues.map((cue) => [cue.voice, cue.text])).toEqual([
      ["SPEAKER_0", "Hello."],
      ["SPEAKER_1", "Hi,\nthere."],
      ["R&D <lead>", "Bye."],
    ]);
    // Escaped in the annotation, as the W3C parser (which does not decode it) shows.
    expect(parseVttWithW3c(renderTranscript(dialogue, "vtt")).cues[2]!.voice).toBe("R&amp;D &lt;lead&gt;");
  });

  it("names speakers in SRT and plain text as a label before the text", async () => {
    expect(texts(await parseSrt(renderTranscript(dialogue, "srt")))).toEqual([
      "SPEAKER_0: Hello.",
      "SPEAKER_1: Hi,\nthere.",
      "R&D <lead>: Bye.",
    ]);
    expect(renderTranscript(dialogue, "txt")).toBe(
      "SPEAKER_0: Hello.\nSPEAKER_1: Hi, there.\nR&D <lead>: Bye.\n",
    );
  });

  it("says nothing of a lone speaker unless asked, and nothing of any when told not to", async () => {
    const monologue = [seg(0, 1, "One."), seg(1, 2, "Two.")];
    expect(renderTranscript(monologue, "txt")).toBe("One.\nTwo.\n");
    expect(renderTranscript(monologue, "txt", { speakers: true })).toBe("SPEAKER_0: One.\nSPEAKER_0: Two.\n");
    const vtt = await parseVtt(renderTranscript(monologue, "vtt", { speakers: true }));
    expect(vtt.map((cue) => cue.voice)).toEqual(["SPEAKER_0", "SPEAKER_0"]);
    expect(renderTranscript(dialogue, "txt", { speakers: false })).toBe("Hello.\nHi, there.\nBye.\n");
  });
});

describe("renderTranscript formats", () => {
  it("renders every transcript format the spec names, each file ending with a newline", () => {
    for (const format of enums.TranscriptFileFormat) {
      expect(renderTranscript([seg(0, 1, "x")], format).endsWith("x\n")).toBe(true);
    }
    expect(() => renderTranscript([seg(0, 1, "x")], "ass" as never)).toThrow(RangeError);
  });
});
