// What probing a live source answers: an ffprobe-like description, derived from the URL alone, so it repeats.
import type { Schemas } from "@camb-kit/client/spec";
import { hashString } from "../random.js";

type ProbeLiveStreamResult = Schemas["ProbeLiveStreamResult"];
type ProbedAudioStream = Schemas["ProbedAudioStream"];

/** The two containers live sources arrive in: RTMP carries FLV, the rest (SRT, UDP, RTP, HLS) MPEG-TS. */
type Container = "flv" | "mpegts";

const H264 = "H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10";
const AAC = "AAC (Advanced Audio Coding)";
const SIZES = [
  [1920, 1080],
  [1280, 720],
] as const;
const AUDIO_LANGUAGES = ["eng", "spa", "fra", "deu"] as const;

function containerOf(url: string): Container {
  return /^rtmps?:/i.test(url.trim()) ? "flv" : "mpegts";
}

/** ffprobe's `[n][0][0][0]` / `0x00nn` pair for a stream type (MPEG-TS) or 0 (FLV sets none). */
function codecTag(type: number) {
  return { codec_tag_string: `[${type}][0][0][0]`, codec_tag: `0x${type.toString(16).padStart(4, "0")}` };
}

/** MPEG-TS streams have PIDs from 0x100, as ffmpeg's muxer numbers them; FLV streams have none. */
const pid = (container: Container, index: number) =>
  container === "mpegts" ? `0x${(0x100 + index).toString(16)}` : null;

/**
 * One H.264 video stream, one or two AAC audio streams (FLV carries one), no data streams: what a typical
 * contribution feed carries. Every choice (size, profile, rate, bit rate, languages) is drawn from a hash of
 * the URL, so the same source always probes the same, and different sources differ.
 */
export function probeStream(url: string): ProbeLiveStreamResult {
  const hash = hashString(url.trim());
  const container = containerOf(url);
  const [width, height] = SIZES[hash & 1] ?? SIZES[0];
  const audioCount = container === "flv" ? 1 : 1 + ((hash >>> 1) & 1);
  const sampleRate = (hash >>> 2) & 1 ? 44_100 : 48_000;
  const bitRate = (hash >>> 3) & 1 ? 192_000 : 128_000;
  const firstLanguage = (hash >>> 4) % AUDIO_LANGUAGES.length;
  const audio_streams = Array.from({ length: audioCount }, (_, n): ProbedAudioStream => {
    const index = n + 1;
    return {
      index,
      codec_name: "aac",
      codec_long_name: AAC,
      ...codecTag(container === "mpegts" ? 0x0f : 0),
      profile: "LC",
      sample_fmt: "fltp",
      sample_rate: sampleRate,
      channels: 2,
      channel_layout: "stereo",
      id: pid(container, index),
      bit_rate: bitRate,
      tags: { language: AUDIO_LANGUAGES[(firstLanguage + n) % AUDIO_LANGUAGES.length] },
    };
  });
  return {
    video_streams: [
      {
        index: 0,
        codec_name: "h264",
        codec_long_name: H264,
        ...codecTag(container === "mpegts" ? 0x1b : 0),
        profile: (hash >>> 5) & 1 ? "Main" : "High",
        width,
        height,
        // FLV carries H.264 in its AVC (length-prefixed) form, MPEG-TS in Annex B start codes.
        is_avc: container === "flv",
        id: pid(container, 0),
      },
    ],
    audio_streams,
    data_streams: [],
  };
}
