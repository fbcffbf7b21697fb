// Audio input becomes PCM16 at the session's rate: WAV of every PCM and float depth, raw PCM as declared,
// resampled with the pitch kept, downmixed, framed; compressed or broken input is refused with AudioFormatError.
import { describe, expect, test } from "vitest";
import { sessionAudioFrames } from "../src/audio/convert-audio.js";
import { AudioFormatError, type PcmEncoding } from "../src/index.js";
import { dominantFrequency, joinBytes, pcm16Samples, pcmBytes, sine, wavFile } from "./helpers/wav.js";

const mono16k = { encoding: "linear16", sampleRate: 16_000, channels: 1 };

async function convert(
  source: Parameters<typeof sessionAudioFrames>[0],
  options: Parameters<typeof sessionAudioFrames>[2] = {},
  target = mono16k,
): Promise<Uint8Array[]> {
  const frames: Uint8Array[] = [];
  for await (const frame of sessionAudioFrames(source, target, options)) frames.push(frame);
  return frames;
}

/** `bytes` as one chunk per `size` bytes: every header and sample split across chunks somewhere. */
function* inChunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

describe("WAV input", () => {
  const encodings: PcmEncoding[] = ["u8", "s16le", "s24le", "s32le", "f32le", "f64le"];
  test.each(encodings)("a %s WAV at 16 kHz becomes the same PCM16 samples", async (encoding) => {
    const tone = sine(440, 16_000, 0.25);
    const pcm = pcm16Samples(
      joinBytes(await convert(wavFile(tone, { sampleRate: 16_000, channels: 1, encoding }))),
    );
    expect(pcm.length).toBe(tone.length);
    const tolerance = encoding === "u8" ? 1 / 64 : 1 / 16_000;
    let worst = 0;
    tone.forEach((value, index) => {
      worst = Math.max(worst, Math.abs(value - pcm[index]!));
    });
    expect(worst).toBeLessThan(tolerance);
  });

  test("a WAV split into 7-byte chunks reads the same as in one piece, header chunks and padding included", async () => {
    const wav = wavFile(sine(300, 22_050, 0.2, 2), {
      sampleRate: 22_050,
      channels: 2,
      encoding: "s24le",
      extensible: true,
      extraChunk: new TextEncoder().encode("INFOodd"),
    });
    const whole = joinBytes(await convert(wav));
    const split = joinBytes(await convert(inChunksOf(wav, 7)));
    expect(split).toEqual(whole);
    expect(whole.length).toBeGreaterThan(0);
  });

  test("a WAV whose data size is unknown (0) is read to its end", async () => {
    const tone = sine(200, 16_000, 0.1);
    const frames = await convert(
      wavFile(tone, { sampleRate: 16_000, channels: 1, encoding: "s16le", unknownSize: true }),
    );
    expect(joinBytes(frames).length).toBe(tone.length * 2);
  });

  test.each([
    [0x0055, /MP3/],
    [0x0007, /µ-law/],
    [0x0011, /ADPCM/],
    [0x1234, /0x1234/],
  ])("a compressed WAV (format code %i) is refused with AudioFormatError", async (formatCode, message) => {
    const wav = wavFile(sine(440, 16_000, 0.05), {
      sampleRate: 16_000,
      channels: 1,
      encoding: "s16le",
      formatCode,
    });
    const error = await convert(wav, { format: "wav" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AudioFormatError);
    expect((error as Error).message).toMatch(message);
  });

  test("input declared as WAV that is not one, or ends inside its header, is refused", async () => {
    await expect(convert(new Uint8Array(64), { format: "wav" })).rejects.toThrow(AudioFormatError);
    const wav = wavFile(sine(440, 16_000, 0.05), { sampleRate: 16_000, channels: 1, encoding: "s16le" });
    await expect(convert(wav.subarray(0, 30), { format: "wav" })).rejects.toThrow(
      /ended before its data chunk/,
    );
  });
});

describe("resampling and downmixing", () => {
  test("a 1 kHz sine at 44.1 kHz becomes 16 kHz audio of the same length and the same 1 kHz", async () => {
    const tone = sine(1000, 44_100, 1);
    const wav = wavFile(tone, { sampleRate: 44_100, channels: 1, encoding: "s16le" });
    const pcm = pcm16Samples(joinBytes(await convert(inChunksOf(wav, 4096))));
    expect(Math.abs(pcm.length - 16_000)).toBeLessThanOrEqual(1);
    expect(dominantFrequency(pcm, 16_000)).toBeCloseTo(1000, 0);
  });

  test("48 kHz stereo float becomes 24 kHz mono with the pitch kept and both channels averaged", async () => {
    const left = sine(600, 48_000, 0.5);
    const stereo = new Float32Array(left.length * 2);
    left.forEach((value, index) => {
      stereo[index * 2] = value;
      stereo[index * 2 + 1] = 0; // the right channel is silent: the mix is half the left
    });
    const target = { encoding: "linear16", sampleRate: 24_000, channels: 1 };
    const raw = pcmBytes(stereo, "f32le");
    const pcm = pcm16Samples(
      joinBytes(
        await convert(raw, { format: { sampleRate: 48_000, channels: 2, encoding: "f32le" } }, target),
      ),
    );
    expect(Math.abs(pcm.length - 12_000)).toBeLessThanOrEqual(1);
    expect(dominantFrequency(pcm, 24_000)).toBeCloseTo(600, 0);
    expect(Math.max(...pcm)).toBeCloseTo(0.25, 2);
  });

  test("upsampling 8 kHz to 16 kHz keeps the pitch and doubles the length", async () => {
    const raw = pcmBytes(sine(250, 8000, 1), "s16le");
    const pcm = pcm16Samples(
      joinBytes(await convert(raw, { format: { sampleRate: 8000, channels: 1, encoding: "s16le" } })),
    );
    expect(Math.abs(pcm.length - 16_000)).toBeLessThanOrEqual(2);
    expect(dominantFrequency(pcm, 16_000)).toBeCloseTo(250, 0);
  });
});

describe("framing and pass-through", () => {
  test("PCM16 already at the session's format is sent as it is, in frames of frameMs", async () => {
    const raw = pcmBytes(sine(440, 16_000, 0.33), "s16le");
    const frames = await convert(raw, { frameMs: 20 });
    expect(joinBytes(frames)).toEqual(raw);
    expect(frames.slice(0, -1).every((frame) => frame.length === 640)).toBe(true);
    expect(frames.at(-1)!.length).toBeLessThanOrEqual(640);
  });

  test("with no format, bytes that are not WAV are taken to be in the session's format already", async () => {
    const raw = new Uint8Array([1, 2, 3, 4, 5, 6]);
    expect(joinBytes(await convert(raw))).toEqual(raw);
  });

  test("bad declared formats and frame lengths are a TypeError or RangeError", async () => {
    const format = { sampleRate: 16_000, channels: 1, encoding: "mp3" as PcmEncoding };
    await expect(convert(new Uint8Array(4), { format })).rejects.toThrow(TypeError);
    await expect(
      convert(new Uint8Array(4), { format: { ...format, encoding: "s16le", sampleRate: 0 } }),
    ).rejects.toThrow(RangeError);
    await expect(convert(new Uint8Array(4), { frameMs: 5 })).rejects.toThrow(RangeError);
  });

  test("a session taking another encoding gets raw bytes as they are, and refuses WAV it would have to convert", async () => {
    const mulaw = { encoding: "mulaw", sampleRate: 8000, channels: 1 };
    expect(joinBytes(await convert(new Uint8Array(100).fill(7), {}, mulaw))).toEqual(
      new Uint8Array(100).fill(7),
    );
    const wav = wavFile(sine(440, 8000, 0.05), { sampleRate: 8000, channels: 1, encoding: "s16le" });
    await expect(convert(wav, {}, mulaw)).rejects.toThrow(AudioFormatError);
  });
});
