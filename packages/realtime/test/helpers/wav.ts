// Test audio: sine waves, WAV files written in any PCM or float layout, and a frequency estimate to check
// that conversion kept a tone's pitch.
import type { PcmEncoding } from "../../src/index.js";

/** `seconds` of a sine at `frequency`, interleaved over `channels` (each channel the same), amplitude 0.5. */
export function sine(frequency: number, sampleRate: number, seconds: number, channels = 1): Float32Array {
  const frames = Math.round(sampleRate * seconds);
  const samples = new Float32Array(frames * channels);
  for (let frame = 0; frame < frames; frame += 1) {
    const value = 0.5 * Math.sin((2 * Math.PI * frequency * frame) / sampleRate);
    for (let channel = 0; channel < channels; channel += 1) samples[frame * channels + channel] = value;
  }
  return samples;
}

const writers: Record<PcmEncoding, [number, (view: DataView, offset: number, value: number) => void]> = {
  u8: [1, (view, offset, value) => view.setUint8(offset, Math.round(value * 127) + 128)],
  s16le: [2, (view, offset, value) => view.setInt16(offset, Math.round(value * 32767), true)],
  s24le: [
    3,
    (view, offset, value) => {
      const int = Math.round(value * 8388607);
      view.setUint8(offset, int & 0xff);
      view.setUint8(offset + 1, (int >> 8) & 0xff);
      view.setInt8(offset + 2, int >> 16);
    },
  ],
  s32le: [4, (view, offset, value) => view.setInt32(offset, Math.round(value * 2147483647), true)],
  f32le: [4, (view, offset, value) => view.setFloat32(offset, value, true)],
  f64le: [8, (view, offset, value) => view.setFloat64(offset, value, true)],
};

/** Raw PCM bytes of `samples` in `encoding`. */
export function pcmBytes(samples: Float32Array, encoding: PcmEncoding): Uint8Array {
  const [width, write] = writers[encoding];
  const bytes = new Uint8Array(samples.length * width);
  const view = new DataView(bytes.buffer);
  samples.forEach((value, index) => {
    write(view, index * width, value);
  });
  return bytes;
}

export interface WavOptions {
  sampleRate: number;
  channels: number;
  encoding: PcmEncoding;
  /** Write WAVE_FORMAT_EXTENSIBLE (0xFFFE) with the sub-format, as many recorders do. */
  extensible?: boolean;
  /** A format code to write instead (a compressed WAV). */
  formatCode?: number;
  /** Extra chunks before `fmt ` and `data` (a LIST chunk, say), with odd sizes to test padding. */
  extraChunk?: Uint8Array;
  /** Write 0 as the data size (a WAV streamed while it was recorded). */
  unknownSize?: boolean;
}

export function wavFile(samples: Float32Array, options: WavOptions): Uint8Array {
  const data = pcmBytes(samples, options.encoding);
  const width = writers[options.encoding][0];
  const float = options.encoding === "f32le" || options.encoding === "f64le";
  const code = options.formatCode ?? (options.extensible ? 0xfffe : float ? 3 : 1);
  const fmtSize = options.extensible ? 40 : 16;
  const extra = options.extraChunk;
  const extraSize = extra ? 8 + extra.length + (extra.length & 1) : 0;
  const bytes = new Uint8Array(12 + extraSize + 8 + fmtSize + 8 + data.length);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) =>
    [...text].forEach((c, i) => {
      view.setUint8(offset + i, c.charCodeAt(0));
    });
  ascii(0, "RIFF");
  view.setUint32(4, bytes.length - 8, true);
  ascii(8, "WAVE");
  let offset = 12;
  if (extra) {
    ascii(offset, "LIST");
    view.setUint32(offset + 4, extra.length, true);
    bytes.set(extra, offset + 8);
    offset += extraSize;
  }
  ascii(offset, "fmt ");
  view.setUint32(offset + 4, fmtSize, true);
  view.setUint16(offset + 8, code, true);
  view.setUint16(offset + 10, options.channels, true);
  view.setUint32(offset + 12, options.sampleRate, true);
  view.setUint32(offset + 16, options.sampleRate * options.channels * width, true);
  view.setUint16(offset + 20, options.channels * width, true);
  view.setUint16(offset + 22, width * 8, true);
  if (options.extensible) {
    view.setUint16(offset + 24, 22, true);
    view.setUint16(offset + 26, width * 8, true);
    view.setUint32(offset + 28, 0, true);
    view.setUint16(offset + 32, float ? 3 : 1, true); // the sub-format GUID's first two bytes
  }
  offset += 8 + fmtSize;
  ascii(offset, "data");
  view.setUint32(offset + 4, options.unknownSize ? 0 : data.length, true);
  bytes.set(data, offset + 8);
  return bytes;
}

/** PCM16 little-endian bytes as floats. */
export function pcm16Samples(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const samples = new Float32Array(bytes.byteLength / 2);
  for (let index = 0; index < samples.length; index += 1)
    samples[index] = view.getInt16(index * 2, true) / 32768;
  return samples;
}

/** The frequency of a tone, from its rising zero crossings (exact enough for a clean sine over a second). */
export function dominantFrequency(samples: Float32Array, sampleRate: number): number {
  const crossings: number[] = [];
  for (let index = 1; index < samples.length; index += 1) {
    const a = samples[index - 1]!;
    const b = samples[index]!;
    if (a < 0 && b >= 0) crossings.push(index - 1 + a / (a - b));
  }
  const periods = crossings.length - 1;
  return (periods * sampleRate) / (crossings[crossings.length - 1]! - crossings[0]!);
}

/** Concatenates byte chunks. */
export function joinBytes(chunks: Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
