// The shapes of audio input: the PCM sample encodings camb-kit reads, a raw format declared by the caller,
// and the format a session takes (read from the channel table and the session's query).
import { type ChannelId, channels } from "@camb-kit/client/spec";

/** PCM sample encodings camb-kit can read (little-endian; 8-bit is unsigned, as WAV stores it). */
export type PcmEncoding = "u8" | "s16le" | "s24le" | "s32le" | "f32le" | "f64le";

/** Raw PCM as the caller declares it: interleaved samples at a rate. */
export interface RawAudioFormat {
  sampleRate: number;
  channels: number;
  encoding: PcmEncoding;
}

/** `"wav"`: a WAV file (its header says the format); or raw PCM in a declared format. */
export type AudioInputFormat = "wav" | RawAudioFormat;

export const bytesPerSample: Readonly<Record<PcmEncoding, number>> = {
  u8: 1,
  s16le: 2,
  s24le: 3,
  s32le: 4,
  f32le: 4,
  f64le: 8,
};

/** A channel's input encoding as the spec names it (`linear16`, …). */
type SpecEncoding = NonNullable<NonNullable<(typeof channels)[ChannelId]["audioIn"]>["encoding"]>;

/** The spec's name of PCM16, the only encoding camb-kit converts to (typed: a rename breaks the build). */
export const PCM16_ENCODING: SpecEncoding = "linear16";

/** What a session takes: its encoding as the spec names it, its rate and channel count. */
export interface SessionAudioFormat {
  encoding: string;
  sampleRate: number;
  channels: number;
}

/**
 * The input format of `channel`, read from the channel table: fixed there, or taken from the session's query
 * (the caller's value, else the table's default).
 */
export function sessionAudioFormat(
  channel: ChannelId,
  query: Readonly<Record<string, unknown>> | undefined,
): SessionAudioFormat {
  const audioIn = channels[channel].audioIn;
  if (!audioIn) throw new TypeError(`the ${channel} channel takes no audio`);
  const fromQuery = (name: string | null, fallback: string | number | null) =>
    (name ? query?.[name] : undefined) ?? fallback;
  const format = {
    encoding: String(fromQuery(audioIn.fromQuery.encoding, audioIn.encoding)),
    sampleRate: Number(fromQuery(audioIn.fromQuery.sampleRate, audioIn.sampleRate)),
    channels: Number(fromQuery(audioIn.fromQuery.channels, audioIn.channels)),
  };
  return format;
}

/** Rejects a declared raw format that cannot be read, with a RangeError or TypeError naming it. */
export function checkRawFormat(format: RawAudioFormat): void {
  if (!(format.encoding in bytesPerSample)) {
    throw new TypeError(
      `Invalid audio encoding: ${String(format.encoding)} (expected one of ${Object.keys(bytesPerSample).join(", ")})`,
    );
  }
  if (!Number.isInteger(format.sampleRate) || format.sampleRate <= 0) {
    throw new RangeError(`Invalid sampleRate: ${String(format.sampleRate)}`);
  }
  if (!Number.isInteger(format.channels) || format.channels <= 0) {
    throw new RangeError(`Invalid channels: ${String(format.channels)}`);
  }
}
