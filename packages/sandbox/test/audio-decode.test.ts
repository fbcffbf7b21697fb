// The sandbox's audio decodes with flac, sox and ffmpeg: task results, every stream format, FLAC edge cases.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { renderAudio } from "../src/audio/render.js";
import { type RunningSandbox, startSandbox } from "../src/index.js";
import { ffmpegToWav, ffprobe, flacTest, soxInfo, soxStat, writeTemp } from "./helpers/decoders.js";
import { call, runTask } from "./helpers/harness.js";

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());
const SPEECH = { language: "en-us", voice_id: 147320 };

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("results decode with real decoders", () => {
  test("TTS result: FLAC that flac -t accepts, 24 kHz mono, ~60 ms per character", async () => {
    const text = "Fifty characters of text make three seconds here!"; // 50 characters -> 3.0 s
    const done = await runTask(sb.url, "tts", { text, voice_id: 1, language: 1 });
    const path = writeTemp(await bytesOf(await call(sb.url, `/tts-result/${done.run_id}`)), "flac");
    expect(flacTest(path).status).toBe(0);
    const probe = ffprobe(path);
    expect(probe).toMatchObject({ codec: "flac", sampleRate: 24_000, channels: 1 });
    expect(probe.duration).toBeCloseTo(text.length * 0.06, 2);
    expect(soxInfo(path)).toMatchObject({ sampleRate: 24_000, channels: 1 });
  });

  test("sound result: WAV at 44.1 kHz stereo, `duration` seconds, default 8 s from the spec", async () => {
    const short = await runTask(sb.url, "text-to-sound", { prompt: "door creak", duration: 2.5 });
    const path = writeTemp(await bytesOf(await call(sb.url, `/text-to-sound-result/${short.run_id}`)), "wav");
    expect(soxInfo(path)).toEqual({ sampleRate: 44_100, channels: 2, duration: 2.5 });
    expect(ffprobe(path)).toMatchObject({ codec: "pcm_s16le", sampleRate: 44_100, channels: 2 });
    const standard = await runTask(sb.url, "text-to-sound", { prompt: "thunder" });
    const url = `/text-to-sound-result/${standard.run_id}`;
    expect(soxInfo(writeTemp(await bytesOf(await call(sb.url, url)), "wav")).duration).toBe(8);
  });

  test("voice design previews are 3 s WAV clips", async () => {
    const description =
      "A bright, youthful voice with a playful tone and quick delivery, suited to cartoons and games for children.";
    const done = await runTask(sb.url, "text-to-voice", { text: "Hi!", voice_description: description });
    const { previews } = (await (await call(sb.url, `/text-to-voice-result/${done.run_id}`)).json()) as {
      previews: string[];
    };
    const info = soxInfo(writeTemp(await bytesOf(await fetch(previews[0] ?? "")), "wav"));
    expect(info).toEqual({ sampleRate: 24_000, channels: 1, duration: 3 });
  });
});

describe("/tts-stream formats decode", () => {
  const stream = (format: string, extra: Record<string, unknown> = {}) =>
    call(sb.url, "/tts-stream", {
      body: {
        ...SPEECH,
        text: "Decode me, please.",
        output_configuration: { format, duration: 1.5, ...extra },
      },
    });

  test("wav and flac: exact duration, rate and channels; sample_rate is honoured", async () => {
    const wav = writeTemp(await bytesOf(await stream("wav")), "wav");
    expect(soxInfo(wav)).toEqual({ sampleRate: 24_000, channels: 1, duration: 1.5 });
    const flac = writeTemp(await bytesOf(await stream("flac", { sample_rate: 48_000 })), "flac");
    expect(flacTest(flac).status).toBe(0);
    expect(ffprobe(flac)).toMatchObject({ codec: "flac", sampleRate: 48_000, channels: 1, duration: 1.5 });
  });

  test("mp3 (lamejs): ffprobe reads MPEG audio of about the requested length", async () => {
    const path = writeTemp(await bytesOf(await stream("mp3")), "mp3");
    const probe = ffprobe(path);
    expect(probe).toMatchObject({ codec: "mp3", sampleRate: 24_000, channels: 1 });
    expect(Math.abs(probe.duration - 1.5)).toBeLessThan(0.12); // encoder delay and frame padding
    // A full decode (ffmpeg stops on the first error with -xerror), then the signal is not silence.
    expect(soxStat(ffmpegToWav(path))["RMS     amplitude"]).toBeGreaterThan(0.01);
  });

  test("every pcm_* layout decodes to the same signal and length", async () => {
    const layouts: [string, string[]][] = [
      ["pcm_s16le", ["-e", "signed", "-b", "16", "-L"]],
      ["pcm_s16be", ["-e", "signed", "-b", "16", "-B"]],
      ["pcm_s32le", ["-e", "signed", "-b", "32", "-L"]],
      ["pcm_s32be", ["-e", "signed", "-b", "32", "-B"]],
      ["pcm_f32le", ["-e", "floating-point", "-b", "32", "-L"]],
      ["pcm_f32be", ["-e", "floating-point", "-b", "32", "-B"]],
    ];
    const rms: number[] = [];
    for (const [format, options] of layouts) {
      const response = await stream(format);
      expect(response.headers.get("content-type")).toBe("application/octet-stream");
      const path = writeTemp(await bytesOf(response), "raw");
      const stats = soxStat(path, ["-t", "raw", "-r", "24000", "-c", "1", ...options]);
      expect(stats["Length (seconds)"], format).toBeCloseTo(1.5, 5);
      expect(stats["Maximum amplitude"], format).toBeLessThanOrEqual(1);
      rms.push(stats["RMS     amplitude"] ?? 0);
    }
    // A wrong byte order or scale would give a very different RMS: all six must agree.
    for (const value of rms) expect(value).toBeCloseTo(rms[0] ?? 0, 3);
    expect(rms[0]).toBeGreaterThan(0.01);
  });

  test("content depends on the input; the same input gives the same audio", async () => {
    const speak = async (text: string) =>
      bytesOf(
        await call(sb.url, "/tts-stream", {
          body: { ...SPEECH, text, output_configuration: { format: "wav" } },
        }),
      );
    const a = await speak("The first sentence.");
    const b = await speak("Another sentence!!!"); // same length, different text
    expect(a.length).toBe(b.length);
    expect(Buffer.compare(a, b)).not.toBe(0);
    expect(Buffer.compare(a, await speak("The first sentence."))).toBe(0);
  });
});

describe("the FLAC writer on edge cases", () => {
  test.each([
    ["shorter than one block, stereo, 44.1 kHz", 44_100, 2, 0.05],
    ["an exact number of blocks, odd rate (from STREAMINFO)", 11_000, 1, (4096 * 3) / 11_000],
    ["2100 frames: frame numbers take 3 bytes", 8_000, 1, (2100 * 4096) / 8_000],
  ])("%s", async (_name, sampleRate, channels, seconds) => {
    const audio = renderAudio({ seed: 42, sampleRate, channels, seconds, format: "flac" });
    const bytes = await collect(audio.stream());
    expect(bytes.length).toBe(audio.byteLength);
    const path = writeTemp(bytes, "flac");
    expect(flacTest(path)).toMatchObject({ status: 0 });
    const probe = ffprobe(path);
    expect(probe).toMatchObject({ sampleRate, channels });
    expect(probe.duration).toBeCloseTo(Math.round(seconds * sampleRate) / sampleRate, 3);
  });
});
