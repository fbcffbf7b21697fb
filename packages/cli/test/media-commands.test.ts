// The commands of every family through the built binary against the embedded sandbox: what each one saves
// is checked as a file (audio decoded, video parsed, transcripts parsed), and languages resolve either way.
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { TRANSCRIPT_FORMATS } from "../src/commands/transcribe.js";
import { ExitCode } from "../src/exit-codes.js";
import { inspectTranscript } from "../src/inspect-transcript.js";
import { camb } from "./helpers/run-bin.js";

const temp = () => mkdtemp(join(tmpdir(), "camb-cli-media-"));
const SENTENCE = "The quick brown fox jumps over the lazy dog. It was a sunny day.";

/** A WAV of the sandbox's own speech, which carries its words for the transcription to give back. */
async function speech(dir: string): Promise<string> {
  const path = join(dir, "speech.wav");
  const result = await camb(["-q", "tts", SENTENCE, "--voice", "1", "--format", "wav", "-o", path]);
  expect(result.code).toBe(ExitCode.ok);
  return path;
}

describe("dub", () => {
  test("waits with progress on stderr, saves audio and video per language, and lists every file", async () => {
    const dir = await temp();
    const out = join(dir, "out");
    const result = await camb([
      "dub",
      "https://example.com/talk.mp4",
      "--from",
      "en-us",
      "--to",
      "es-es,76",
      "-o",
      out,
      "--json",
    ]);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stderr).toMatch(/dub: SUCCESS after \d+\.\d s/);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ family: "dub", source: "en-us", targets: ["es-es", "fr-fr"] });
    const kinds = report.files.map((file: { checked: { kind: string } }) => file.checked.kind);
    // Per language at least its audio and its video, each decoded or parsed.
    expect(kinds.filter((kind: string) => kind === "audio").length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((kind: string) => kind === "video").length).toBeGreaterThanOrEqual(2);
    for (const file of report.files) expect(file.checked).not.toHaveProperty("error");
    const saved = report.files.map((file: { path: string }) => file.path.slice(out.length + 1));
    // Everything in the folder is a reported file, or the manifest that lists them.
    for (const name of await readdir(out)) expect([...saved, "manifest.json"]).toContain(name);
  });

  test("an unknown language is bad input (exit 2) before any task is created, and nothing is written", async () => {
    const dir = await temp();
    const result = await camb([
      "dub",
      "https://example.com/a.mp4",
      "--from",
      "en-us",
      "--to",
      "xx-zz",
      "-o",
      dir,
    ]);
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.stderr).toContain('--to: "xx-zz" is not a target language');
    expect(result.stderr).not.toContain("creating");
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("transcribe, subtitles, translate, separate", () => {
  test("transcribing the sandbox's own speech gives its words back, in every format the spec has", async () => {
    const dir = await temp();
    const wav = await speech(dir);
    for (const format of TRANSCRIPT_FORMATS) {
      const path = join(dir, `talk.${format}`);
      const result = await camb(["transcribe", wav, "--format", format, "-o", path, "--json"]);
      expect(result.code, result.stderr).toBe(ExitCode.ok);
      expect(result.stderr).toMatch(/uploading speech\.wav: 0\.2 MiB of 0\.2 MiB/);
      const info = await inspectTranscript(path);
      expect(info.text.replace(/\s+/g, " ")).toBe(SENTENCE);
      expect(JSON.parse(result.stdout).transcript.format).toBe(format);
    }
  });

  test("a format the spec does not have is refused with the spec's choices", async () => {
    const result = await camb(["transcribe", "x.wav", "--format", "doc"]);
    expect(result.code).toBe(ExitCode.badInput);
    for (const format of TRANSCRIPT_FORMATS) expect(result.stderr).toContain(format);
  });

  test("subtitles of a URL in two languages write one parsed VTT file per language", async () => {
    const dir = await temp();
    const args = ["subtitles", "https://example.com/a.mp4", "--from", "1", "--to", "en-us,es-es"];
    const result = await camb([...args, "--format", "vtt", "-o", dir]);
    expect(result.code, result.stderr).toBe(ExitCode.ok);
    expect((await readdir(dir)).sort()).toEqual(["en-us.vtt", "es-es.vtt"]);
    const spanish = await inspectTranscript(join(dir, "es-es.vtt"));
    expect(spanish.cues).toBeGreaterThan(0);
    expect((await readFile(join(dir, "es-es.vtt"), "utf8")).startsWith("WEBVTT")).toBe(true);
  });

  test("subtitles of a local file are its transcription, exported", async () => {
    const dir = await temp();
    const wav = await speech(dir);
    const result = await camb(["subtitles", wav, "--format", "srt", "-o", join(dir, "talk.srt")]);
    expect(result.code, result.stderr).toBe(ExitCode.ok);
    expect((await inspectTranscript(join(dir, "talk.srt"))).text).toBe(SENTENCE);
  });

  test("translate prints one translation per text argument, in order", async () => {
    const result = await camb(["translate", "Good morning", "Thank you", "--from", "en-us", "--to", "54"]);
    expect(result.code, result.stderr).toBe(ExitCode.ok);
    expect(result.stdout.trim().split("\n")).toEqual(["[es-es] Good morning", "[es-es] Thank you"]);
  });

  test("separate uploads a file and saves both stems, each decoded", async () => {
    const dir = await temp();
    const wav = await speech(dir);
    const result = await camb(["separate", wav, "-o", join(dir, "stems"), "--json"]);
    expect(result.code, result.stderr).toBe(ExitCode.ok);
    const { files } = JSON.parse(result.stdout);
    const stems = files.filter((file: { checked: { kind: string } }) => file.checked.kind === "audio");
    expect(stems).toHaveLength(2);
    for (const file of stems) expect(file.checked.info.durationSeconds).toBeGreaterThan(3);
    for (const file of files) expect(file.checked).not.toHaveProperty("error");
  });

  test("a missing input file is bad input and no task is created", async () => {
    const result = await camb(["separate", "/no/such/file.wav"]);
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.stderr).toContain("/no/such/file.wav");
    expect(result.stderr).not.toContain("creating");
  });
});
