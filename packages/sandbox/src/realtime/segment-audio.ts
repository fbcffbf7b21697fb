// One live TTS segment's audio as a whole file in the session's format (the sandbox's WAV, FLAC and MP3
// writers, text carried in the container too), cut into frames no bigger than the channel allows.

import { flacFrame, flacFrameCount, flacHeader } from "../audio/flac.js";
import { encodePcm } from "../audio/pcm.js";
import { wavHeader } from "../audio/wav.js";

/** MP3 frames are encoded this many samples a call (as audio/mp3.ts does). */
const MP3_SAMPLES_PER_CALL = 1152 * 16;
const MP3_MONO_KBPS = 64;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function wavFile(samples: Int16Array, sampleRate: number, text: string): Uint8Array {
  const data = encodePcm(samples, { kind: "s16", littleEndian: true, bytesPerSample: 2 });
  return concat([wavHeader(sampleRate, 1, data.length, text), data]);
}

function flacFile(samples: Int16Array, sampleRate: number, text: string): Uint8Array {
  const layout = { sampleRate, channels: 1, totalFrames: samples.length, text };
  const frames = Array.from({ length: flacFrameCount(layout) }, (_, i) =>
    flacFrame(layout, i, samples, samples.length),
  );
  return concat([flacHeader(layout), ...frames]);
}

/**
 * MP3 through lamejs, imported on first use as audio/mp3.ts does. No ID3 tag: MP3 segments are frames a
 * player joins into one stream, where a tag in the middle is an error (the text is in the sound anyway).
 */
async function mp3File(samples: Int16Array, sampleRate: number): Promise<Uint8Array> {
  const { Mp3Encoder } = await import("@breezystack/lamejs");
  const encoder = new Mp3Encoder(1, sampleRate, MP3_MONO_KBPS);
  const parts: Uint8Array[] = [];
  for (let at = 0; at < samples.length; at += MP3_SAMPLES_PER_CALL)
    parts.push(new Uint8Array(encoder.encodeBuffer(samples.subarray(at, at + MP3_SAMPLES_PER_CALL))));
  parts.push(new Uint8Array(encoder.flush()));
  return concat(parts);
}

/**
 * A segment's samples as one complete file in `format` (wav, flac or mp3: what `canRender` allows besides
 * raw PCM), WAV and FLAC with the text in their metadata as REST speech has it: each segment decodes on its
 * own, and MP3 segments also play back to back as one stream.
 */
export async function segmentFile(
  samples: Int16Array,
  sampleRate: number,
  format: string,
  text: string,
): Promise<Uint8Array> {
  if (format === "wav") return wavFile(samples, sampleRate, text);
  if (format === "flac") return flacFile(samples, sampleRate, text);
  if (format === "mp3") return mp3File(samples, sampleRate);
  throw new RangeError(`The sandbox cannot encode live TTS audio as ${format}`);
}

/** Bytes cut into frames of at most `maxBytes`. */
export function* frames(bytes: Uint8Array, maxBytes: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += maxBytes) yield bytes.subarray(at, at + maxBytes);
}
