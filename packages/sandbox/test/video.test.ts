// Sandbox videos are real files: ffprobe sees one H.264 and one MP3 stream, ffmpeg decodes them, sound is in sync.
import { beforeAll, describe, expect, test } from "vitest";
import { createLoop } from "../src/audio/tone.js";
import { canRenderVideo } from "../src/video/containers.js";
import { PICTURE_SIZE, pictureColour } from "../src/video/mux.js";
import { MAX_VIDEO_SECONDS, renderVideo } from "../src/video/render.js";
import { writeTemp } from "./helpers/decoders.js";
import {
  audioSpan,
  decodeAll,
  decodeAudio,
  decodeFirstPicture,
  type ProbedVideo,
  probeVideo,
  toneLag,
} from "./helpers/video-probe.js";

const AUDIO = { seed: 4242, sampleRate: 24_000, channels: 1 };
const SECONDS = 2.5;
const AUDIO_FRAME = 576 / AUDIO.sampleRate; // an MPEG-2 layer III frame at 24 kHz

async function read(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe.each([
  { container: "mp4", contentType: "video/mp4", formatName: "mov,mp4,m4a,3gp,3g2,mj2" },
  { container: "mov", contentType: "video/quicktime", formatName: "mov,mp4,m4a,3gp,3g2,mj2" },
  { container: "mkv", contentType: "video/x-matroska", formatName: "matroska,webm" },
])("a $container video", ({ container, contentType, formatName }) => {
  let path: string;
  let type: string;
  let probe: ProbedVideo;
  beforeAll(async () => {
    const media = renderVideo({ seconds: SECONDS, container, audio: AUDIO });
    type = media.contentType;
    path = writeTemp(await read(media.stream()), container);
    probe = probeVideo(path);
  });
  const audioStream = () => probe.streams.find((s) => s.codec_type === "audio");

  test(`is answered as ${contentType} and ffprobe reads it as ${formatName}`, () => {
    expect(type).toBe(contentType);
    expect(probe.format.format_name).toBe(formatName);
  });

  test("holds exactly one video stream (H.264, 64x36) and one audio stream (MP3, 24 kHz mono)", () => {
    const { streams } = probe;
    const video = streams.filter((s) => s.codec_type === "video");
    const audio = streams.filter((s) => s.codec_type === "audio");
    expect(streams).toHaveLength(2);
    expect(video).toEqual([expect.objectContaining({ codec_name: "h264", width: 64, height: 36 })]);
    expect(audio).toEqual([
      expect.objectContaining({ codec_name: "mp3", sample_rate: "24000", channels: 1 }),
    ]);
  });

  test("its audio lasts the requested seconds, within one audio frame, and so does the file", () => {
    const span = audioSpan(path);
    expect(Math.abs(Math.max(0, span.end) - SECONDS)).toBeLessThanOrEqual(AUDIO_FRAME);
    expect(Number(probe.format.duration)).toBeCloseTo(SECONDS, 2);
    const stated = audioStream()?.duration;
    if (stated !== undefined) expect(Math.abs(Number(stated) - SECONDS)).toBeLessThanOrEqual(0.1); // MP4, MOV
  });

  test("decodes with ffmpeg from start to end without a single error", () => {
    expect(decodeAll(path)).toEqual({ status: 0, messages: "" });
  });

  test("presents the tone's first sample at 0 s, with the first picture (the MP3 encoder delay is cut)", () => {
    const start = Number(audioStream()?.start_time);
    const lag = toneLag(decodeAudio(path), createLoop(AUDIO));
    expect(Math.abs(start + lag / AUDIO.sampleRate)).toBeLessThan(0.001);
  });
});

describe("renderVideo", () => {
  test("stream() can be read twice, one after the other or at once, and gives the same bytes", async () => {
    const media = renderVideo({ seconds: 2, container: "mp4", audio: AUDIO });
    const first = await read(media.stream());
    const [second, third] = await Promise.all([read(media.stream()), read(media.stream())]);
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  test("draws the whole picture in one colour that follows the seed", async () => {
    const colours = [];
    for (const seed of [7, 200]) {
      const media = renderVideo({ seconds: 1, container: "mkv", audio: { ...AUDIO, seed } });
      const path = writeTemp(await read(media.stream()), "mkv");
      const { y, cb, cr } = decodeFirstPicture(path, PICTURE_SIZE.width, PICTURE_SIZE.height);
      const [Y, Cb, Cr] = pictureColour(seed);
      expect([new Set(y), new Set(cb), new Set(cr)]).toEqual([new Set([Y]), new Set([Cb]), new Set([Cr])]);
      colours.push([Y, Cb, Cr]);
    }
    expect(colours[0]).not.toEqual(colours[1]);
  });

  test("keeps a 44.1 kHz stereo tone's layout and length", async () => {
    const audio = { seed: 9, sampleRate: 44_100, channels: 2 };
    const path = writeTemp(
      await read(renderVideo({ seconds: 1.5, container: "mov", audio }).stream()),
      "mov",
    );
    const track = probeVideo(path).streams.find((s) => s.codec_type === "audio");
    expect(track).toMatchObject({ codec_name: "mp3", sample_rate: "44100", channels: 2 });
    expect(Math.abs(audioSpan(path).end - 1.5)).toBeLessThanOrEqual(1152 / 44_100);
    expect(decodeAll(path)).toEqual({ status: 0, messages: "" });
  });

  test("writes mp4, mkv and mov; mxf, which no pure-JS muxer writes, is refused with a RangeError", () => {
    expect(["mp4", "mkv", "mov", "mxf", "avi"].filter(canRenderVideo)).toEqual(["mp4", "mkv", "mov"]);
    expect(() => renderVideo({ seconds: 1, container: "mxf", audio: AUDIO })).toThrow(RangeError);
  });

  test("refuses what it cannot write: no seconds, more than the in-memory bound, a rate MP3 lacks", () => {
    const video =
      (seconds: number, audio = AUDIO) =>
      () =>
        renderVideo({ seconds, container: "mp4", audio });
    expect(video(0)).toThrow(RangeError);
    expect(video(Number.NaN)).toThrow(RangeError);
    expect(video(MAX_VIDEO_SECONDS + 1)).toThrow(RangeError);
    expect(video(1, { ...AUDIO, sampleRate: 96_000 })).toThrow(RangeError);
    expect(video(1, { ...AUDIO, channels: 3 })).toThrow(RangeError);
  });
});
