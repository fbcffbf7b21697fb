// The demo's "every file decodes" claim rests on this inspector, so it is checked against files made by real
// encoders (ffmpeg, sox), including the cases where a lazy check would lie.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { inspectAudio, UndecodableAudioError } from "../src/inspect-audio.js";

const dir = mkdtempSync(join(tmpdir(), "camb-inspect-"));
function ffmpeg(name: string, ...args: string[]): string {
  const path = join(dir, name);
  execFileSync("ffmpeg", [
    "-loglevel",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    "sine=frequency=440:duration=1.5",
    ...args,
    path,
  ]);
  return path;
}

describe("inspectAudio", () => {
  test.each([
    ["mono.wav", ["-ar", "22050", "-ac", "1"], { format: "wav", sampleRate: 22050, channels: 1 }],
    ["stereo.wav", ["-ar", "48000", "-ac", "2"], { format: "wav", sampleRate: 48000, channels: 2 }],
    ["mono.flac", ["-ar", "24000", "-ac", "1"], { format: "flac", sampleRate: 24000, channels: 1 }],
    ["mono.mp3", ["-ar", "24000", "-ac", "1"], { format: "mp3", sampleRate: 24000, channels: 1 }],
    ["stereo.mp3", ["-ar", "44100", "-ac", "2"], { format: "mp3", sampleRate: 44100, channels: 2 }],
  ] as const)("%s", async (name, args, expected) => {
    const info = await inspectAudio(ffmpeg(name, ...args));
    expect(info).toMatchObject(expected);
    // MP3 frames pad the start and end; the others are sample-exact.
    expect(info.durationSeconds).toBeCloseTo(1.5, expected.format === "mp3" ? 1 : 3);
  });

  test("an MP3 with an ID3 tag is read past the tag", async () => {
    const path = ffmpeg(
      "tagged.mp3",
      "-ar",
      "22050",
      "-ac",
      "1",
      "-metadata",
      "title=camb-kit",
      "-id3v2_version",
      "3",
    );
    expect(readFileSync(path).subarray(0, 3).toString()).toBe("ID3");
    expect(await inspectAudio(path)).toMatchObject({ format: "mp3", channels: 1 });
  });

  test("a truncated WAV is refused, not reported as shorter audio", async () => {
    const whole = readFileSync(ffmpeg("cut.wav", "-ar", "8000", "-ac", "1"));
    const path = join(dir, "cut-short.wav");
    writeFileSync(path, whole.subarray(0, whole.length - 1001));
    await expect(inspectAudio(path)).rejects.toBeInstanceOf(UndecodableAudioError);
  });

  test("a corrupt FLAC and an unknown format are refused", async () => {
    const flac = readFileSync(ffmpeg("corrupt.flac", "-ar", "8000"));
    const corrupt = join(dir, "corrupt-body.flac");
    writeFileSync(corrupt, Buffer.concat([flac.subarray(0, 200), Buffer.alloc(flac.length - 200, 0x55)]));
    await expect(inspectAudio(corrupt)).rejects.toBeInstanceOf(UndecodableAudioError);
    const text = join(dir, "notes.txt");
    writeFileSync(text, "not audio at all");
    await expect(inspectAudio(text)).rejects.toThrow(/not WAV, FLAC or MP3/);
  });
});
