// The sandbox's speech carries its text inside the file, readable in any later process; decoders still accept it.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { renderAudio } from "../src/audio/render.js";
import { type RunningSandbox, startSandbox } from "../src/index.js";
import { readMediaFacts } from "../src/media/read-media-facts.js";
import { previewAudio, runAudio } from "../src/routes/task-audio.js";
import { ffmpegToWav, ffprobe, flacTest, soxInfo, writeTemp } from "./helpers/decoders.js";
import { call } from "./helpers/harness.js";
import { collect, ffprobeFrames, ffprobeTags, fileStream } from "./helpers/media-streams.js";

const TEXT = "Bonjour, « Zoë » ! Speech & text <round trip>: 42 characters… and 中文 too.\nA second line.";
const FIELD = "CAMB_SANDBOX_TEXT";

/** Bytes before the audio in a file without a text: the canonical WAV header, "fLaC" + STREAMINFO, none. */
const PLAIN_HEADER = { wav: 44, flac: 42, mp3: 0 } as const;

describe("rendered speech carries its text and stays valid", () => {
  test.each([
    ["wav", 24_000, 1],
    ["wav", 44_100, 2],
    ["flac", 24_000, 1],
    ["flac", 48_000, 2],
    ["mp3", 24_000, 1],
    ["mp3", 44_100, 2],
  ] as const)("%s at %i Hz, %i channel(s)", async (format, sampleRate, channels) => {
    const request = { seed: 9, sampleRate, channels, seconds: 1.5, format };
    const tagged = renderAudio({ ...request, text: TEXT });
    const bytes = await collect(tagged.stream());
    if (format !== "mp3") expect(bytes.length).toBe(tagged.byteLength); // still known before the first byte
    // The audio itself is byte for byte what the untagged file holds: the tag only adds bytes in front of it.
    const plain = await collect(renderAudio(request).stream());
    const added = bytes.length - plain.length;
    expect(added).toBeGreaterThan(new TextEncoder().encode(TEXT).length);
    const header = PLAIN_HEADER[format];
    expect(Buffer.compare(bytes.subarray(header + added), plain.subarray(header))).toBe(0);

    const path = writeTemp(bytes, format);
    const probe = ffprobe(path);
    expect(probe).toMatchObject({ sampleRate, channels });
    const tags = ffprobeTags(path);
    if (format === "wav") expect(tags).toMatchObject({ comment: TEXT, encoder: "camb-kit sandbox" });
    else expect(tags[FIELD]).toBe(TEXT);

    const facts = await readMediaFacts(await fileStream(path));
    expect(facts).toMatchObject({ format, text: TEXT, bytes: bytes.length, truncated: false });
    if (format === "mp3") {
      // No Xing header: every frame is counted, exactly as many as ffmpeg demuxes.
      const { frames, sampleRate: rate, duration } = ffprobeFrames(path);
      const samplesPerFrame = rate >= 32_000 ? 1152 : 576;
      expect(facts.durationSeconds).toBeCloseTo((frames * samplesPerFrame) / rate, 9);
      expect(Math.abs((facts.durationSeconds ?? 0) - duration)).toBeLessThan(samplesPerFrame / rate);
      expect(Math.abs((facts.durationSeconds ?? 0) - 1.5)).toBeLessThan(0.12); // encoder delay and padding
      ffmpegToWav(path); // decodes whole, -xerror
    } else {
      expect(facts.durationSeconds).toBe(1.5);
      expect(probe.duration).toBe(1.5);
      expect(soxInfo(path)).toEqual({ sampleRate, channels, duration: 1.5 });
    }
    if (format === "flac") {
      expect(flacTest(path).status).toBe(0);
      expect(execFileSync("metaflac", ["--show-vendor-tag", path]).toString().trim()).toBe(
        "camb-kit sandbox",
      );
      // sox lists Vorbis comments (its WAV reader reads no INFO comment, so WAV is shown by ffprobe alone).
      expect(execFileSync("sox", ["--i", "-a", path]).toString()).toContain(`${FIELD}=Bonjour`);
    }
  });

  test("a FLAC with the text keeps STREAMINFO first and the VORBIS_COMMENT block last", async () => {
    const audio = renderAudio({
      seed: 1,
      sampleRate: 16_000,
      channels: 1,
      seconds: 0.3,
      format: "flac",
      text: "Hi.",
    });
    const path = writeTemp(await collect(audio.stream()), "flac");
    const list = execFileSync("metaflac", ["--list", path]).toString();
    expect([...list.matchAll(/type: (\d+) \((\w+)\)\n\s+is last: (\w+)/g)].map((m) => m.slice(1))).toEqual([
      ["0", "STREAMINFO", "false"],
      ["4", "VORBIS_COMMENT", "true"],
    ]);
  });

  test("raw PCM has no container, so it carries nothing: the bytes are the same with or without a text", async () => {
    const request = { seed: 4, sampleRate: 24_000, channels: 1, seconds: 0.5, format: "pcm_s16le" };
    const withText = await collect(renderAudio({ ...request, text: TEXT }).stream());
    expect(Buffer.compare(withText, await collect(renderAudio(request).stream()))).toBe(0);
  });

  test("NUL characters are dropped and a text past 1 MiB is cut on a character boundary", async () => {
    const nul = renderAudio({
      seed: 2,
      sampleRate: 8_000,
      channels: 1,
      seconds: 0.2,
      format: "wav",
      text: "a\u0000b",
    });
    expect((await readMediaFacts(nul.stream())).text).toBe("ab");
    const long = "é".repeat(600_000); // 1.2 MB of UTF-8
    const cut = renderAudio({
      seed: 2,
      sampleRate: 8_000,
      channels: 1,
      seconds: 0.2,
      format: "flac",
      text: long,
    });
    const text = (await readMediaFacts(cut.stream())).text ?? "";
    expect(text).toBe("é".repeat(512 * 1024));
  });
});

describe("the routes pass the spoken text into the audio", () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  test.each(["wav", "flac", "mp3"])(
    "/tts-stream %s gives the request's text back from the saved file",
    async (format) => {
      const text = "The sandbox said this, and a later process reads it back.";
      const response = await call(sb.url, "/tts-stream", {
        body: { text, language: "en-us", voice_id: 147320, output_configuration: { format } },
      });
      expect(response.status).toBe(200);
      // Saved to disk and read from there: nothing but the file links the two.
      const path = writeTemp(new Uint8Array(await response.arrayBuffer()), format);
      const facts = await readMediaFacts(await fileStream(path));
      expect(facts).toMatchObject({ format, text });
      expect(facts.durationSeconds).toBeCloseTo(text.length * 0.06, format === "mp3" ? 0 : 6);
    },
  );

  test("a task result speaks its input's `text`; a sound made from a `prompt` carries no text", async () => {
    const speech = runAudio("tts", { text: "Read me back.", voice_id: 1, language: 1 });
    expect(await readMediaFacts(speech.stream())).toMatchObject({ format: "flac", text: "Read me back." });
    const sound = await readMediaFacts(runAudio("text-to-sound", { prompt: "rain on a tin roof" }).stream());
    expect(sound.format).toBe("wav");
    expect(sound.text).toBeUndefined();
    const preview = previewAudio({ text: "Hi there!", voice_description: "calm" }, 0);
    expect(await readMediaFacts(preview.stream())).toMatchObject({
      format: "wav",
      text: "Hi there!",
      durationSeconds: 3,
    });
  });
});
