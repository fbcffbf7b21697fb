// Decodes a saved WAV, FLAC or MP3 file whole and reports what it really is, so nothing printed is a guess.
import { readFile } from "node:fs/promises";
import { CambError } from "@camb-kit/client";
import { normalizeMediaType } from "@camb-kit/client/spec";
import { FLACDecoder } from "@wasm-audio-decoders/flac";
import { MPEGDecoder } from "mpg123-decoder";

/** What a saved audio file turned out to be, established by decoding all of it. */
export interface AudioInfo {
  path: string;
  format: "wav" | "flac" | "mp3";
  bytes: number;
  durationSeconds: number;
  sampleRate: number;
  channels: number;
}

export class UndecodableAudioError extends CambError {
  override readonly name: string = "UndecodableAudioError";
}

function decodeWav(data: Uint8Array): Omit<AudioInfo, "path" | "bytes" | "format"> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const text = (offset: number) => String.fromCharCode(...data.subarray(offset, offset + 4));
  if (text(0) !== "RIFF" || text(8) !== "WAVE") throw new UndecodableAudioError("not a RIFF/WAVE file");
  let format: { channels: number; sampleRate: number; blockAlign: number } | undefined;
  for (let offset = 12; offset + 8 <= data.length; ) {
    const id = text(offset);
    const size = view.getUint32(offset + 4, true);
    if (id === "fmt ") {
      format = {
        channels: view.getUint16(offset + 10, true),
        sampleRate: view.getUint32(offset + 12, true),
        blockAlign: view.getUint16(offset + 20, true),
      };
    } else if (id === "data") {
      if (!format || format.blockAlign === 0)
        throw new UndecodableAudioError("WAV data before a valid fmt chunk");
      if (offset + 8 + size > data.length) throw new UndecodableAudioError("WAV data chunk is truncated");
      if (size % format.blockAlign !== 0) throw new UndecodableAudioError("WAV data is not whole frames");
      return { ...format, durationSeconds: size / format.blockAlign / format.sampleRate };
    }
    offset += 8 + size + (size % 2);
  }
  throw new UndecodableAudioError("WAV file has no data chunk");
}

/** What both wasm decoders report; a file with any decode error, or no samples, is not audio we can vouch for. */
interface DecodeResult {
  errors: { message: string }[];
  samplesDecoded: number;
  sampleRate: number;
}

function measure(result: DecodeResult, format: string, channels: number) {
  if (result.errors.length > 0 || result.samplesDecoded === 0) {
    throw new UndecodableAudioError(`${format} decode failed: ${result.errors[0]?.message ?? "no samples"}`);
  }
  return {
    channels,
    sampleRate: result.sampleRate,
    durationSeconds: result.samplesDecoded / result.sampleRate,
  };
}

async function decodeFlac(data: Uint8Array) {
  const decoder = new FLACDecoder();
  await decoder.ready;
  try {
    const result = await decoder.decodeFile(data);
    return measure(result, "FLAC", result.channelData.length);
  } finally {
    decoder.free();
  }
}

/**
 * Channels from the first MPEG frame header: mpg123 always decodes to two channels, so its output cannot
 * tell a mono file from a stereo one. Channel mode 0b11 in the header's fourth byte means mono.
 */
function mp3Channels(data: Uint8Array): number {
  let offset = 0;
  if (String.fromCharCode(...data.subarray(0, 3)) === "ID3") {
    // ID3v2: 10-byte header, then a "syncsafe" size (7 bits per byte).
    offset = 10 + (((data[6] ?? 0) << 21) | ((data[7] ?? 0) << 14) | ((data[8] ?? 0) << 7) | (data[9] ?? 0));
  }
  for (; offset + 3 < data.length; offset++) {
    if (data[offset] === 0xff && ((data[offset + 1] ?? 0) & 0xe0) === 0xe0)
      return (data[offset + 3] ?? 0) >> 6 === 3 ? 1 : 2;
  }
  throw new UndecodableAudioError("MP3 has no frame header");
}

async function decodeMp3(data: Uint8Array) {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    return measure(decoder.decode(data), "MP3", mp3Channels(data));
  } finally {
    decoder.free();
  }
}

function sniff(data: Uint8Array): AudioInfo["format"] | undefined {
  const head = String.fromCharCode(...data.subarray(0, 4));
  if (head === "RIFF") return "wav";
  if (head === "fLaC") return "flac";
  if (head.startsWith("ID3") || (data[0] === 0xff && ((data[1] ?? 0) & 0xe0) === 0xe0)) return "mp3";
  return undefined;
}

/** The media types this inspector decodes: the containers of its three decoders. */
const DECODED_MEDIA_TYPES = new Set(["audio/wav", "audio/flac", "audio/mpeg"]);

/** Whether `inspectAudio` can decode files of this media type (raw PCM and AAC it cannot). */
export function inspectable(mediaType: string): boolean {
  return DECODED_MEDIA_TYPES.has(normalizeMediaType(mediaType));
}

/** Decodes a whole file (WAV, FLAC or MP3) and reports its format, duration, rate and channels. */
export async function inspectAudio(path: string): Promise<AudioInfo> {
  const data = new Uint8Array(await readFile(path));
  const format = sniff(data);
  if (!format) throw new UndecodableAudioError(`${path}: not WAV, FLAC or MP3`);
  const decoded =
    format === "wav" ? decodeWav(data) : format === "flac" ? await decodeFlac(data) : await decodeMp3(data);
  return { path, format, bytes: data.length, ...decoded };
}

export function describeAudio(info: AudioInfo): string {
  const size =
    info.bytes >= 1_048_576
      ? `${(info.bytes / 1_048_576).toFixed(1)} MiB`
      : `${(info.bytes / 1024).toFixed(1)} KiB`;
  const channels = info.channels === 1 ? "mono" : `${info.channels} ch`;
  return `${info.format.toUpperCase()}, ${info.durationSeconds.toFixed(2)} s, ${info.sampleRate} Hz ${channels}, ${size}`;
}
