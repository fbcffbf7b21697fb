// Wrappers over real decoders (ffprobe, flac -t, sox, ffmpeg) and a temp folder for the audio they check.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/** Real decoders (Debian's flac, sox, ffmpeg): the audio must be what standard tools accept. */
const dir = mkdtempSync(join(tmpdir(), "camb-sandbox-audio-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

export function writeTemp(bytes: Uint8Array, extension: string): string {
  const path = join(dir, `clip-${counter++}.${extension}`);
  writeFileSync(path, bytes);
  return path;
}

export interface Probe {
  codec: string;
  sampleRate: number;
  channels: number;
  duration: number;
}

export function ffprobe(path: string): Probe {
  const out = execFileSync("ffprobe", [
    "-v",
    "error",
    "-show_entries",
    "stream=codec_name,sample_rate,channels:format=duration",
    "-of",
    "json",
    path,
  ]).toString();
  const parsed = JSON.parse(out) as {
    streams: { codec_name: string; sample_rate: string; channels: number }[];
    format: { duration: string };
  };
  const stream = parsed.streams[0];
  if (!stream) throw new Error(`ffprobe found no stream in ${path}`);
  return {
    codec: stream.codec_name,
    sampleRate: Number(stream.sample_rate),
    channels: stream.channels,
    duration: Number(parsed.format.duration),
  };
}

/** `flac -t`: decodes every frame and checks both CRCs. Returns the exit status and messages. */
export function flacTest(path: string): { status: number | null; output: string } {
  const result = spawnSync("flac", ["-t", "-s", path]);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** sox's `stat` on a file (input format options before the path, e.g. for raw PCM). */
export function soxStat(path: string, inputOptions: string[] = []): Record<string, number> {
  const result = spawnSync("sox", [...inputOptions, path, "-n", "stat"]);
  if (result.status !== 0) throw new Error(`sox failed: ${result.stderr}`);
  const stats: Record<string, number> = {};
  for (const line of result.stderr.toString().split("\n")) {
    const match = /^(.+?):\s+(-?[\d.]+)/.exec(line);
    if (match?.[1] && match[2]) stats[match[1].trim()] = Number(match[2]);
  }
  return stats;
}

/** `sox --i`: sample rate, channels and duration of a WAV/FLAC header as sox reads it. */
export function soxInfo(path: string): { sampleRate: number; channels: number; duration: number } {
  const info = (flag: string) => Number(execFileSync("sox", ["--i", flag, path]).toString().trim());
  return { sampleRate: info("-r"), channels: info("-c"), duration: info("-D") };
}

/** Decodes anything ffmpeg reads (mp3 here: sox has no mp3 handler on Debian) into a WAV next to it. */
export function ffmpegToWav(path: string): string {
  const out = `${path}.wav`;
  execFileSync("ffmpeg", ["-v", "error", "-xerror", "-i", path, "-y", out]);
  return out;
}
