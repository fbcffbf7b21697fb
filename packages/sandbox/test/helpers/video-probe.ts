// ffprobe and ffmpeg over video files: their streams, a full decode, the audio samples and where the tone sits.
import { execFileSync, spawnSync } from "node:child_process";
import type { EncodedStill } from "../../src/video/h264.js";

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  profile?: string;
  width?: number;
  height?: number;
  sample_rate?: string;
  channels?: number;
  start_time?: string;
  duration?: string;
}

export interface ProbedVideo {
  streams: ProbedStream[];
  format: { format_name: string; duration: string; tags?: Record<string, string> };
}

/** `ffprobe -show_streams -show_format`: what a player sees in the file. */
export function probeVideo(path: string): ProbedVideo {
  const out = execFileSync("ffprobe", ["-v", "error", "-show_streams", "-show_format", "-of", "json", path]);
  return JSON.parse(out.toString()) as ProbedVideo;
}

/**
 * When the audio track starts and ends, from its packets: Matroska states no per-stream duration, so the
 * packets are the one measure every container shares.
 */
export function audioSpan(path: string): { start: number; end: number } {
  const out = execFileSync("ffprobe", [
    ...["-v", "error", "-select_streams", "a:0", "-show_entries", "packet=pts_time,duration_time"],
    ...["-of", "json", path],
  ]);
  const { packets } = JSON.parse(out.toString()) as {
    packets: { pts_time: string; duration_time: string }[];
  };
  const times = packets.map((p) => ({
    start: Number(p.pts_time),
    end: Number(p.pts_time) + Number(p.duration_time),
  }));
  return { start: Math.min(...times.map((t) => t.start)), end: Math.max(...times.map((t) => t.end)) };
}

/** A full decode of every stream (`ffmpeg -v error -i … -f null -`): its exit status and whatever it printed. */
export function decodeAll(path: string): { status: number | null; messages: string } {
  const result = spawnSync("ffmpeg", ["-v", "error", "-i", path, "-f", "null", "-"]);
  return { status: result.status, messages: `${result.stdout}${result.stderr}`.trim() };
}

/** The first audio track decoded to 16-bit samples, as ffmpeg presents it (an MP4 edit list applied). */
export function decodeAudio(path: string): Int16Array {
  const raw = execFileSync("ffmpeg", ["-v", "error", "-i", path, "-map", "0:a:0", "-f", "s16le", "-"], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return new Int16Array(raw.buffer, raw.byteOffset, raw.length / 2);
}

/** The first video frame as 8-bit 4:2:0 planes. */
export function decodeFirstPicture(path: string, width: number, height: number) {
  const raw = execFileSync("ffmpeg", [
    ...["-v", "error", "-i", path, "-map", "0:v:0", "-frames:v", "1"],
    ...["-f", "rawvideo", "-pix_fmt", "yuv420p", "-"],
  ]);
  const luma = width * height;
  return {
    y: raw.subarray(0, luma),
    cb: raw.subarray(luma, luma + luma / 4),
    cr: raw.subarray(luma + luma / 4, luma + luma / 2),
  };
}

/**
 * How many samples into `decoded` the tone's first sample lies: the lag with the least squared error
 * against the reference (silence before it), over the first half second. The tone's slow envelope makes
 * that minimum clear: other lags err several times more.
 */
export function toneLag(decoded: Int16Array, reference: Int16Array, maxLag = 1500): number {
  let best = { lag: 0, error: Number.POSITIVE_INFINITY };
  const window = Math.min(12_000, reference.length);
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let error = 0;
    for (let i = 0; i < window; i++) {
      const expected = i - lag >= 0 ? (reference[i - lag] ?? 0) : 0;
      error += ((decoded[i] ?? 0) - expected) ** 2;
    }
    if (error < best.error) best = { lag, error };
  }
  return best.lag;
}

/** A raw H.264 elementary stream (start codes, SPS, PPS, then `count` pictures), as ffmpeg reads `.h264`. */
export function annexB(still: EncodedStill, count: number): Uint8Array {
  const startCode = [0, 0, 0, 1];
  const record = still.description; // avcC: 6 bytes, SPS length and SPS, a count, PPS length and PPS
  const spsLength = ((record[6] ?? 0) << 8) | (record[7] ?? 0);
  const sps = record.subarray(8, 8 + spsLength);
  const pps = record.subarray(11 + spsLength);
  const bytes = [...startCode, ...sps, ...startCode, ...pps];
  for (let i = 0; i < count; i++) bytes.push(...startCode, ...still.frames[i % 2 === 0 ? 0 : 1].subarray(4));
  return Uint8Array.from(bytes);
}
