// Reads a WAV stream chunk by chunk: finds the format in the header, skips other chunks, and hands on the
// samples of the `data` chunk without holding the file in memory. Compressed WAV is refused.
import { AudioFormatError } from "../errors.js";
import type { PcmEncoding, RawAudioFormat } from "./audio-format.js";

// Format codes of the `fmt ` chunk (RFC 2361): PCM, IEEE float, and the extensible form that defers to a
// sub-format GUID whose first two bytes are one of the others.
const FORMAT_PCM = 0x0001;
const FORMAT_FLOAT = 0x0003;
const FORMAT_EXTENSIBLE = 0xfffe;
const COMPRESSED: Readonly<Record<number, string>> = {
  2: "ADPCM",
  6: "A-law",
  7: "µ-law",
  17: "IMA ADPCM",
  85: "MP3",
  255: "AAC",
};

const PCM_BITS: Readonly<Record<number, PcmEncoding>> = { 8: "u8", 16: "s16le", 24: "s24le", 32: "s32le" };
const FLOAT_BITS: Readonly<Record<number, PcmEncoding>> = { 32: "f32le", 64: "f64le" };

// A header (fmt, LIST, …) larger than this is not a WAV file we should buffer on the way to its samples.
const MAX_HEADER_CHUNK = 1024 * 1024;
// 0 and 0xFFFFFFFF in the data chunk's size mean "unknown": a WAV written while it was recorded.
const UNKNOWN_SIZES = new Set([0, 0xffffffff]);

const text = (bytes: Uint8Array, offset: number) =>
  String.fromCharCode(...bytes.subarray(offset, offset + 4));

function encodingOf(code: number, bits: number): PcmEncoding {
  const encoding =
    code === FORMAT_PCM ? PCM_BITS[bits] : code === FORMAT_FLOAT ? FLOAT_BITS[bits] : undefined;
  if (encoding) return encoding;
  if (code === FORMAT_PCM || code === FORMAT_FLOAT) {
    throw new AudioFormatError(
      `WAV with ${bits}-bit ${code === FORMAT_PCM ? "integer" : "float"} samples is not supported`,
    );
  }
  const name = COMPRESSED[code] ?? `format code 0x${code.toString(16).padStart(4, "0")}`;
  throw new AudioFormatError(`compressed WAV (${name}) is not supported: send PCM or float samples`);
}

function parseFmt(body: Uint8Array): RawAudioFormat {
  if (body.length < 16) throw new AudioFormatError("WAV fmt chunk is too short");
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let code = view.getUint16(0, true);
  const channels = view.getUint16(2, true);
  const sampleRate = view.getUint32(4, true);
  const bits = view.getUint16(14, true);
  if (code === FORMAT_EXTENSIBLE) {
    if (body.length < 26) throw new AudioFormatError("WAV extensible fmt chunk is too short");
    code = view.getUint16(24, true);
  }
  if (channels === 0 || sampleRate === 0)
    throw new AudioFormatError("WAV header declares no channels or no rate");
  return { encoding: encodingOf(code, bits), channels, sampleRate };
}

export class WavReader {
  /** The samples' format, once the header has been read. */
  format: RawAudioFormat | undefined;
  private pending: Uint8Array = new Uint8Array(0);
  private riffRead = false;
  private skipLeft = 0;
  private dataLeft: number | undefined; // undefined until the data chunk starts; Infinity when its size is unknown

  /** The sample bytes in `chunk` (after the header, before anything that follows the data chunk). */
  push(chunk: Uint8Array): Uint8Array[] {
    if (this.dataLeft !== undefined) return this.take(chunk);
    this.pending = this.pending.length ? concat(this.pending, chunk) : chunk;
    return this.readHeader();
  }

  /** Called at the end of the input: a file that never reached its samples is not WAV we can read. */
  end(): void {
    if (this.dataLeft === undefined) throw new AudioFormatError("the WAV input ended before its data chunk");
  }

  private take(chunk: Uint8Array): Uint8Array[] {
    const left = this.dataLeft!;
    if (left === 0 || chunk.length === 0) return [];
    const part = chunk.length <= left ? chunk : chunk.subarray(0, left);
    this.dataLeft = left - part.length;
    return [part];
  }

  private readHeader(): Uint8Array[] {
    let bytes = this.pending;
    if (!this.riffRead) {
      if (bytes.length < 12) return [];
      if (text(bytes, 0) !== "RIFF" || text(bytes, 8) !== "WAVE")
        throw new AudioFormatError("not a WAV file (no RIFF/WAVE header)");
      this.riffRead = true;
      bytes = bytes.subarray(12);
    }
    for (;;) {
      if (this.skipLeft > 0) {
        const skipped = Math.min(this.skipLeft, bytes.length);
        this.skipLeft -= skipped;
        bytes = bytes.subarray(skipped);
        if (this.skipLeft > 0) break;
      }
      if (bytes.length < 8) break;
      const id = text(bytes, 0);
      const size = new DataView(bytes.buffer, bytes.byteOffset + 4, 4).getUint32(0, true);
      if (id === "data") {
        if (!this.format) throw new AudioFormatError("WAV data chunk comes before its fmt chunk");
        this.dataLeft = UNKNOWN_SIZES.has(size) ? Number.POSITIVE_INFINITY : size;
        this.pending = new Uint8Array(0);
        return this.take(bytes.subarray(8));
      }
      const padded = size + (size & 1); // chunks are word-aligned
      if (id !== "fmt ") {
        this.skipLeft = padded;
        bytes = bytes.subarray(8);
        continue;
      }
      if (size > MAX_HEADER_CHUNK) throw new AudioFormatError("WAV fmt chunk is implausibly large");
      if (bytes.length < 8 + padded) break;
      this.format = parseFmt(bytes.subarray(8, 8 + size));
      bytes = bytes.subarray(8 + padded);
    }
    if (bytes.length > MAX_HEADER_CHUNK) throw new AudioFormatError("WAV header is implausibly large");
    this.pending = bytes.slice();
    return [];
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
