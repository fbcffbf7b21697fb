// readMediaFacts on real encoders' files, on any chunking, past a byte limit, and over 100s of MB in bounded memory.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { renderAudio } from "../src/audio/render.js";
import { readMediaFacts } from "../src/media/read-media-facts.js";
import { writeTemp } from "./helpers/decoders.js";
import {
  chunked,
  collect,
  ffmpeg,
  ffprobeFrames,
  fileStream,
  firstChunk,
  lazyStream,
} from "./helpers/media-streams.js";

const MB = 1e6;

/** A file written by ffmpeg from a 2.3 s sine (or what `input` says). */
function encoded(extension: string, args: string[], input = "sine=frequency=330:duration=2.3"): string {
  const path = writeTemp(new Uint8Array(0), extension);
  ffmpeg("-f", "lavfi", "-i", input, ...args, path);
  return path;
}

/** The exact duration ffmpeg decodes (it trims the encoder delay and padding a LAME tag declares). */
function decodedSeconds(path: string): number {
  const wav = `${path}.decoded.wav`;
  ffmpeg("-i", path, wav);
  return Number(execFileSync("sox", ["--i", "-D", wav]).toString());
}

describe("files from real encoders", () => {
  test.each([
    ["WAV by ffmpeg (LIST/INFO before data)", "wav", ["-ar", "22050", "-metadata", "comment=not ours"], 2.3],
    ["FLAC by ffmpeg", "flac", ["-ar", "48000", "-ac", "2"], 2.3],
    ["WAV by ffmpeg, 8-bit unsigned", "wav", ["-ar", "8000", "-c:a", "pcm_u8"], 2.3],
  ] as const)("%s: exact duration, no text", async (_name, format, args, seconds) => {
    const facts = await readMediaFacts(await fileStream(encoded(format, [...args])));
    expect(facts).toMatchObject({ format, durationSeconds: seconds, truncated: false });
    expect(facts.text).toBeUndefined(); // a foreign comment is not the sandbox's speech
  });

  test("WAV and FLAC by sox and flac", async () => {
    const wav = writeTemp(new Uint8Array(0), "wav");
    execFileSync("sox", ["-n", "-r", "16000", "-c", "2", wav, "synth", "1.25", "sine", "300"]);
    expect(await readMediaFacts(await fileStream(wav))).toMatchObject({
      format: "wav",
      durationSeconds: 1.25,
    });
    const flac = `${wav}.flac`;
    execFileSync("flac", ["-s", "-f", "-o", flac, wav]);
    expect(await readMediaFacts(await fileStream(flac))).toMatchObject({
      format: "flac",
      durationSeconds: 1.25,
    });
  });

  test("MP3 with a Xing/LAME header: the declared frames less the encoder delay and padding", async () => {
    const path = encoded("mp3", ["-ar", "44100", "-b:a", "128k"]);
    const facts = await readMediaFacts(await fileStream(path));
    expect(facts.format).toBe("mp3");
    expect(facts.durationSeconds).toBeCloseTo(decodedSeconds(path), 3);
    // ffprobe's duration is every frame's, delay and padding included: together less than two frames more.
    const extra = ffprobeFrames(path).duration - (facts.durationSeconds ?? 0);
    expect(extra).toBeGreaterThan(0);
    expect(extra).toBeLessThan((2 * 1152) / 44_100);
  });

  test.each([
    ["MPEG-1 stereo", ["-ar", "32000", "-ac", "2"], 1152],
    ["MPEG-2 mono", ["-ar", "16000", "-ac", "1"], 576],
    ["MPEG-2.5 mono", ["-ar", "8000", "-ac", "1"], 576],
  ] as const)("MP3 without a Xing header (%s): every frame counted", async (_name, args, samplesPerFrame) => {
    const path = encoded("mp3", [...args, "-write_xing", "0"]);
    const { frames, sampleRate } = ffprobeFrames(path);
    const facts = await readMediaFacts(await fileStream(path));
    expect(facts.durationSeconds).toBeCloseTo((frames * samplesPerFrame) / sampleRate, 9);
  });

  test("a foreign encoder's CAMB_SANDBOX_TEXT tag is read: ID3v2.4 (UTF-8), ID3v2.3 (UTF-16), Vorbis", async () => {
    const tag = ["-metadata", "CAMB_SANDBOX_TEXT=Grüße aus ffmpeg", "-metadata", "title=other"];
    for (const extra of [
      ["-id3v2_version", "4"],
      ["-id3v2_version", "3"],
    ]) {
      const facts = await readMediaFacts(await fileStream(encoded("mp3", [...tag, ...extra])));
      expect(facts, extra.join(" ")).toMatchObject({ format: "mp3", text: "Grüße aus ffmpeg" });
    }
    const flac = await readMediaFacts(await fileStream(encoded("flac", tag)));
    expect(flac).toMatchObject({ format: "flac", text: "Grüße aus ffmpeg", durationSeconds: 2.3 });
  });

  test("a streamed WAV (sizes 0xFFFFFFFF) and a cut one are timed by the bytes that arrive", async () => {
    const piped = ffmpeg("-f", "lavfi", "-i", "sine=duration=1.5", "-ar", "8000", "-f", "wav", "pipe:1");
    expect(piped.readUInt32LE(4)).toBe(0xffffffff);
    expect((await readMediaFacts(chunked(piped, 4096))).durationSeconds).toBe(1.5);
    const whole = await collect(
      renderAudio({ seed: 1, sampleRate: 8000, channels: 1, seconds: 2, format: "wav" }).stream(),
    );
    const cut = whole.subarray(0, whole.length - 8000); // half a second of 16-bit samples short
    expect((await readMediaFacts(chunked(cut, 1000))).durationSeconds).toBe(1.5);
  });

  test("unknown formats and empty streams: no duration, every byte counted", async () => {
    const text = new TextEncoder().encode("Not media at all, just words.");
    expect(await readMediaFacts(chunked(text, 7))).toEqual({
      format: "unknown",
      durationSeconds: undefined,
      bytes: text.length,
      truncated: false,
    });
    expect(await readMediaFacts(chunked(new Uint8Array(0), 1))).toMatchObject({
      format: "unknown",
      bytes: 0,
    });
    const ogg = encoded("ogg", ["-c:a", "libvorbis"]);
    expect(await readMediaFacts(await fileStream(ogg))).toMatchObject({
      format: "unknown",
      durationSeconds: undefined,
      bytes: readFileSync(ogg).length,
    });
  });
});

describe("streams as they arrive", () => {
  test.each(["wav", "flac", "mp3"] as const)("%s: the same facts whatever the chunking", async (format) => {
    const audio = renderAudio({
      seed: 5,
      sampleRate: 24_000,
      channels: 1,
      seconds: 0.8,
      format,
      text: "Chunk me.",
    });
    const bytes = await collect(audio.stream());
    const expected = await readMediaFacts(chunked(bytes, bytes.length));
    expect(expected).toMatchObject({ format, text: "Chunk me." });
    for (const size of [1, 3, 4, 191, 4097])
      expect(await readMediaFacts(chunked(bytes, size)), `${size}`).toEqual(expected);
  });

  test("past maxBytes the stream is cancelled: header durations stay, counted ones are unknown", async () => {
    const wav = renderAudio({
      seed: 1,
      sampleRate: 24_000,
      channels: 1,
      seconds: 10,
      format: "wav",
      text: "Long.",
    });
    const source = lazyStream(await firstChunk(wav.stream()), new Uint8Array(65_536), wav.byteLength ?? 0);
    const facts = await readMediaFacts(source.stream, { maxBytes: 100_000 });
    expect(facts).toEqual({
      format: "wav",
      durationSeconds: 10,
      text: "Long.",
      bytes: 100_000,
      truncated: true,
    });
    expect(source.cancelled).toBe(true);
    expect(source.sent).toBeLessThan(100_000 + 65_536);

    const mp3 = await collect(
      renderAudio({ seed: 1, sampleRate: 24_000, channels: 1, seconds: 3, format: "mp3" }).stream(),
    );
    const cut = await readMediaFacts(chunked(mp3, 1000), { maxBytes: 20_000 });
    expect(cut).toMatchObject({ format: "mp3", durationSeconds: undefined, bytes: 20_000, truncated: true });
    const exact = await readMediaFacts(chunked(mp3, 1000), { maxBytes: mp3.length });
    expect(exact.truncated).toBe(false);
  });
});

describe("bounded memory", () => {
  /** Peak growth of ArrayBuffer memory and RSS while `read` runs, sampled at every pull of its source. */
  async function measure(read: (sample: () => void) => Promise<unknown>) {
    const base = process.memoryUsage();
    let arrayBuffers = 0;
    let rss = 0;
    const sample = () => {
      const now = process.memoryUsage();
      arrayBuffers = Math.max(arrayBuffers, now.arrayBuffers - base.arrayBuffers);
      rss = Math.max(rss, now.rss - base.rss);
    };
    const result = await read(sample);
    return { result, arrayBuffers, rss };
  }

  test("200 MB of WAV, produced lazily, is read through without being held", async () => {
    const wav = renderAudio({
      seed: 1,
      sampleRate: 48_000,
      channels: 2,
      seconds: (200 * MB) / 192_000,
      format: "wav",
    });
    const total = wav.byteLength ?? 0;
    const head = await firstChunk(wav.stream());
    let source: ReturnType<typeof lazyStream> | undefined;
    const { result, arrayBuffers, rss } = await measure((sample) => {
      source = lazyStream(head, new Uint8Array(65_536), total, { onPull: sample });
      return readMediaFacts(source.stream);
    });
    expect(source?.sent).toBe(total);
    expect(result).toEqual({
      format: "wav",
      durationSeconds: (200 * MB) / 192_000,
      bytes: total,
      truncated: false,
    });
    console.log(
      `200 MB WAV: ArrayBuffer growth ${(arrayBuffers / MB).toFixed(2)} MB, RSS growth ${(rss / MB).toFixed(1)} MB`,
    );
    expect(arrayBuffers).toBeLessThan(8 * MB);
    expect(rss).toBeLessThan(64 * MB);
  });

  test("100 MB of MP3 frames are counted one by one without being held", async () => {
    // 20 s at 24 kHz, 64 kbit/s: 836 frames of 192 bytes (576 samples each), repeated; handed out in chunks
    // of an odd length, so frame headers straddle chunk boundaries and the reader has to join them.
    const frames = await collect(
      renderAudio({ seed: 2, sampleRate: 24_000, channels: 1, seconds: 20, format: "mp3" }).stream(),
    );
    expect(frames.length).toBe(836 * 192);
    const total = 100 * MB;
    const { result, arrayBuffers, rss } = await measure((sample) =>
      readMediaFacts(
        lazyStream(new Uint8Array(0), frames, total, { chunkSize: 65_537, onPull: sample }).stream,
      ),
    );
    // The last frame is cut short by the end of the stream, so it is not counted.
    const expected = (Math.floor(total / 192) * 576) / 24_000;
    expect(result).toEqual({ format: "mp3", durationSeconds: expected, bytes: total, truncated: false });
    console.log(
      `100 MB MP3: ArrayBuffer growth ${(arrayBuffers / MB).toFixed(2)} MB, RSS growth ${(rss / MB).toFixed(1)} MB`,
    );
    expect(arrayBuffers).toBeLessThan(8 * MB);
    expect(rss).toBeLessThan(64 * MB);
  });
});
