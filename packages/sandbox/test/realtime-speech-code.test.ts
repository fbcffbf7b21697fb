// The in-band code of the sandbox's realtime speech: its text survives rates, resamplers, noise and MP3.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeSandboxSpeech, SandboxSpeechDecoder } from "../src/realtime/speech-decoder.js";
import {
  renderSandboxSpeech,
  sandboxSpeechSeconds,
  sandboxSpeechWav,
} from "../src/realtime/speech-render.js";
import { ffmpegToWav, writeTemp } from "./helpers/decoders.js";
import { joinSamples, pcm16Bytes, resampleLinear, resampleSox, withNoise } from "./helpers/pcm-signal.js";

const TEXT = "The quick brown fox jumps over the lazy dog. Ça va? 日本語もどうぞ 🎉";

describe("the sandbox's realtime speech", () => {
  it.each([8000, 16_000, 24_000, 44_100, 48_000])("gives its text back at %i Hz", (rate) => {
    const samples = renderSandboxSpeech(TEXT, { sampleRate: rate });
    const [utterance, ...rest] = decodeSandboxSpeech(samples, rate);
    expect(rest).toEqual([]);
    expect(utterance?.text).toBe(TEXT);
    expect(utterance?.start).toBeCloseTo(0, 2);
    expect(utterance?.seconds).toBeCloseTo(samples.length / rate, 2);
  });

  it.each([
    [24_000, 16_000],
    [44_100, 16_000],
    [24_000, 44_100],
    [48_000, 24_000],
    [16_000, 24_000],
  ])("survives a client's linear resampling from %i to %i Hz", (from, to) => {
    const samples = resampleLinear(renderSandboxSpeech(TEXT, { sampleRate: from }), from, to);
    expect(decodeSandboxSpeech(samples, to).map((u) => u.text)).toEqual([TEXT]);
  });

  it.each([
    [24_000, 16_000],
    [44_100, 24_000],
    [22_050, 16_000],
  ])("survives sox's resampler from %i to %i Hz", (from, to) => {
    const samples = resampleSox(renderSandboxSpeech(TEXT, { sampleRate: from }), from, to);
    expect(decodeSandboxSpeech(samples, to).map((u) => u.text)).toEqual([TEXT]);
  });

  it.each([1, 2, 3, 4, 5])(
    "survives white noise at about 8 dB signal to noise, resampled to 16 kHz (seed %i)",
    (seed) => {
      const clean = resampleLinear(renderSandboxSpeech(TEXT, { sampleRate: 24_000 }), 24_000, 16_000);
      const noisy = withNoise(clean, 0.05, seed);
      expect(decodeSandboxSpeech(noisy, 16_000).map((u) => u.text)).toEqual([TEXT]);
    },
  );

  it("survives MP3 encoding and decoding (ffmpeg)", () => {
    const clean = renderSandboxSpeech(TEXT, { sampleRate: 24_000 });
    const raw = writeTemp(pcm16Bytes(clean), "pcm");
    const mp3 = `${raw}.mp3`;
    execFileSync("ffmpeg", [
      "-v",
      "error",
      "-f",
      "s16le",
      "-ar",
      "24000",
      "-ac",
      "1",
      "-i",
      raw,
      "-b:a",
      "64k",
      mp3,
    ]);
    const wav = readFileSync(ffmpegToWav(mp3));
    const samples = new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.byteLength));
    expect(decodeSandboxSpeech(samples, 24_000).map((u) => u.text)).toEqual([TEXT]);
  });

  it("finds each utterance of a stream, at its time, fed in small pieces", () => {
    const rate = 16_000;
    const silence = new Int16Array(rate / 2);
    const first = renderSandboxSpeech("Hello there.", { sampleRate: rate });
    const second = renderSandboxSpeech("General Kenobi!", { sampleRate: rate, seconds: 2.5 });
    const stream = joinSamples([silence, first, second, silence]);
    const decoder = new SandboxSpeechDecoder(rate);
    const found = [];
    for (let at = 0; at < stream.length; at += 333)
      found.push(...decoder.push(stream.subarray(at, at + 333)));
    expect(found.map((u) => u.text)).toEqual(["Hello there.", "General Kenobi!"]);
    expect(found[0]?.start).toBeCloseTo(0.5, 2);
    expect(found[1]?.start).toBeCloseTo(0.5 + first.length / rate, 2);
    expect(found[1]?.seconds).toBeCloseTo(2.5, 3);
  });

  it("finds nothing in foreign audio, silence or noise", () => {
    const rate = 16_000;
    const tone = Int16Array.from({ length: rate * 2 }, (_, i) =>
      Math.round(8000 * Math.sin((i * 2 * Math.PI * 1500) / rate)),
    );
    expect(decodeSandboxSpeech(tone, rate)).toEqual([]);
    expect(decodeSandboxSpeech(new Int16Array(rate), rate)).toEqual([]);
    expect(decodeSandboxSpeech(withNoise(new Int16Array(rate * 10), 0.3), rate)).toEqual([]);
  });

  it("lasts the sandbox's speech length, or longer when the text needs it", () => {
    expect(sandboxSpeechSeconds("Hi.")).toBe(1);
    expect(sandboxSpeechSeconds("a".repeat(100))).toBeCloseTo(6, 5);
    // A duration too short for the code is stretched to what the frame takes (10 bits a byte at 600 baud).
    expect(sandboxSpeechSeconds("a".repeat(100), 0.5)).toBeGreaterThan((100 * 10) / 600);
    expect(() => renderSandboxSpeech("x", { sampleRate: 4000 })).toThrow(RangeError);
  });

  it("a WAV fixture with leading silence gives the text back, placed after the silence", () => {
    const wav = sandboxSpeechWav("Heard late.", { sampleRate: 16_000, leadingSilenceSeconds: 2 });
    const bytes = Buffer.from(wav);
    const data = bytes.indexOf("data", 12, "latin1");
    const length = bytes.readUInt32LE(data + 4);
    const samples = new Int16Array(
      bytes.buffer.slice(bytes.byteOffset + data + 8, bytes.byteOffset + data + 8 + length),
    );
    expect(samples.slice(0, 32_000).every((sample) => sample === 0)).toBe(true);
    const [utterance, ...rest] = decodeSandboxSpeech(samples, 16_000);
    expect(rest).toEqual([]);
    expect(utterance?.text).toBe("Heard late.");
    expect(utterance?.start).toBeCloseTo(2, 1);
    expect(() => sandboxSpeechWav("x", { sampleRate: 16_000, leadingSilenceSeconds: -1 })).toThrow(
      RangeError,
    );
  });
});
