// `camb speak` through the built binary against the sandbox's live TTS: files in every format the inspector
// decodes, text from stdin spoken as it arrives, audio on stdout, a refused key, and Ctrl-C mid-session.
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatMediaTypes } from "@camb-kit/client/spec";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";
import { afterEach, describe, expect, test, vi } from "vitest";
import { LIVE_SPEECH_FORMATS } from "../src/commands/speak.js";
import { ExitCode } from "../src/exit-codes.js";
import { inspectAudio, inspectable } from "../src/inspect-audio.js";
import { startWithStdin } from "./helpers/live-run.js";
import { camb } from "./helpers/run-bin.js";

const temp = () => mkdtemp(join(tmpdir(), "camb-speak-"));
let external: RunningSandbox | undefined;
afterEach(async () => {
  await external?.close();
  external = undefined;
});

/** The formats whose files the CLI's inspector decodes (the spec's live TTS formats, AAC aside). */
const DECODED = LIVE_SPEECH_FORMATS.filter((format) =>
  inspectable(formatMediaTypes[format as keyof typeof formatMediaTypes]),
);

describe("camb speak", () => {
  test("writes one file per format that decodes whole as that format, every segment in it", async () => {
    const dir = await temp();
    const text = "Hello from the live session. This is its second sentence.";
    const durations: number[] = [];
    for (const format of DECODED) {
      const path = join(dir, `hello.${format}`);
      const result = await camb([
        "speak",
        text,
        "--voice",
        "147320",
        "--format",
        format,
        "-o",
        path,
        "--json",
      ]);
      expect(result.code, result.stderr).toBe(ExitCode.ok);
      const report = JSON.parse(result.stdout);
      expect(report).toMatchObject({ path, format, segments: 2, audio: { format } });
      expect(report.bytes).toBe(report.audio.bytes);
      durations.push(report.audio.durationSeconds);
    }
    expect(DECODED).toEqual(expect.arrayContaining(["wav", "flac", "mp3"]));
    // Each segment arrives as a file of its own; joined badly, a decoder would stop after the first one.
    // Whole, every container lasts as long as the WAV (whose every sentence listen hears, see its tests).
    for (const seconds of durations) expect(Math.abs(seconds - durations[0]!)).toBeLessThan(0.2);
    expect(durations[0]).toBeGreaterThan(2);
    expect((await readdir(dir)).sort()).toEqual(DECODED.map((format) => `hello.${format}`).sort());
  });

  test("speaks stdin as it arrives: a sentence is spoken before the pipe is closed", async () => {
    const dir = await temp();
    const path = join(dir, "piped.wav");
    const running = startWithStdin(["speak", "--voice", "147320", "--format", "wav", "-o", path, "--json"]);
    running.stdin.write("The first sentence arrives. ");
    // Explicit signal: the server has spoken the first sentence while stdin is still open.
    await vi.waitFor(() => expect(running.stderr()).toContain("segment 0: The first sentence arrives."), {
      timeout: 20_000,
    });
    running.stdin.end("Then the second one.");
    const result = await running.finished;
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stderr).toContain("segment 1: Then the second one.");
    expect(JSON.parse(result.stdout)).toMatchObject({ path, segments: 2, audio: { format: "wav" } });
  });

  test("-o - writes the audio to stdout, one stream that decodes", async () => {
    const text = "Straight to a pipe. In two segments.";
    const result = await camb(["speak", text, "--voice", "147320", "--format", "mp3", "-o", "-"]);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stderr).toMatch(/wrote \d+ bytes of mp3 to stdout \(2 segment\(s\)\)/);
    const path = join(await temp(), "piped.mp3");
    await writeFile(path, result.stdoutBytes);
    const info = await inspectAudio(path);
    expect(info).toMatchObject({ format: "mp3", bytes: result.stdoutBytes.length });
    expect(info.durationSeconds).toBeGreaterThan(1.5);
  });

  test("no text, on a pipe that is closed at once, is bad input and writes nothing", async () => {
    const dir = await temp();
    const running = startWithStdin(["speak", "--voice", "147320", "-o", join(dir, "empty.mp3")]);
    running.stdin.end();
    const result = await running.finished;
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.stderr).toContain("no text to speak");
    expect(await readdir(dir)).toEqual([]);
  });

  test("a key the server refuses (close 4401) exits 3, writes nothing and never shows the key", async () => {
    external = await startSandbox({ port: 0, apiKeys: ["the-right-key-0123456789"] });
    const dir = await temp();
    const key = "a-wrong-key-9876543210";
    const result = await camb(["speak", "Hello.", "--voice", "147320", "-o", join(dir, "x.mp3")], {
      CAMB_API_KEY: key,
      CAMB_BASE_URL: external.url,
      CAMB_REALTIME_URL: external.realtimeUrl,
    });
    expect(result.code).toBe(ExitCode.apiError);
    expect(result.stderr).toMatch(/4401/);
    expect(result.stdout + result.stderr).not.toContain(key);
    expect(await readdir(dir)).toEqual([]);
  });

  test("Ctrl-C mid-session closes it, exits 130 and leaves no partial or temp file", async () => {
    const dir = await temp();
    const running = startWithStdin([
      "speak",
      "--voice",
      "147320",
      "--format",
      "wav",
      "-o",
      join(dir, "cut.wav"),
    ]);
    running.stdin.write("Something is being said. ");
    // Explicit signal: audio of the first segment has reached the temp file; stdin stays open.
    await vi.waitFor(() => expect(running.stderr()).toMatch(/cut\.wav: \d/), { timeout: 20_000 });
    running.child.kill("SIGINT");
    const result = await running.finished;
    expect(result.code).toBe(ExitCode.interrupted);
    expect(result.stderr).toContain("interrupted by SIGINT");
    expect(await readdir(dir)).toEqual([]);
  });
});
