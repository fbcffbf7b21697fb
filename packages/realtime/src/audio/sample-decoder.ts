// Decodes PCM bytes of any supported encoding into float samples in [-1, 1], interleaved, carrying a frame
// split across two chunks over to the next one.
import { bytesPerSample, type PcmEncoding, type RawAudioFormat } from "./audio-format.js";

type Read = (view: DataView, offset: number) => number;

const readers: Readonly<Record<PcmEncoding, Read>> = {
  u8: (view, offset) => (view.getUint8(offset) - 128) / 128,
  s16le: (view, offset) => view.getInt16(offset, true) / 32768,
  s24le: (view, offset) => {
    const value = view.getUint8(offset) | (view.getUint8(offset + 1) << 8) | (view.getInt8(offset + 2) << 16);
    return value / 8388608;
  },
  s32le: (view, offset) => view.getInt32(offset, true) / 2147483648,
  f32le: (view, offset) => view.getFloat32(offset, true),
  f64le: (view, offset) => view.getFloat64(offset, true),
};

export class SampleDecoder {
  private readonly read: Read;
  private readonly frameBytes: number;
  private carry: Uint8Array = new Uint8Array(0);

  constructor(private readonly format: RawAudioFormat) {
    this.read = readers[format.encoding];
    this.frameBytes = bytesPerSample[format.encoding] * format.channels;
  }

  /** The whole frames in `carry + chunk`, as floats; a trailing partial frame waits for the next chunk. */
  push(chunk: Uint8Array): Float32Array {
    let bytes = chunk;
    if (this.carry.length) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    const whole = bytes.length - (bytes.length % this.frameBytes);
    this.carry = bytes.slice(whole);
    const width = bytesPerSample[this.format.encoding];
    const samples = new Float32Array(whole / width);
    const view = new DataView(bytes.buffer, bytes.byteOffset, whole);
    for (let index = 0; index < samples.length; index += 1) samples[index] = this.read(view, index * width);
    return samples;
  }
}

/** Interleaved frames of `channels` averaged into one channel. */
export function downmix(samples: Float32Array, channels: number): Float32Array {
  if (channels === 1) return samples;
  const mono = new Float32Array(samples.length / channels);
  for (let frame = 0; frame < mono.length; frame += 1) {
    let sum = 0;
    for (let channel = 0; channel < channels; channel += 1) sum += samples[frame * channels + channel]!;
    mono[frame] = sum / channels;
  }
  return mono;
}

/** Float samples as 16-bit little-endian PCM, clipped to the range and rounded. */
export function encodePcm16(samples: Float32Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < samples.length; index += 1) {
    const sample = Math.max(-1, Math.min(1, samples[index]!));
    view.setInt16(index * 2, Math.round(sample < 0 ? sample * 32768 : sample * 32767), true);
  }
  return bytes;
}
