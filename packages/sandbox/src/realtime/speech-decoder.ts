// Finds the sandbox's speech frames in PCM as it streams in: the words each utterance carried and its time.
import { crc16 } from "../audio/crc.js";
import { FskDemodulator, type LineByte } from "./fsk-demodulator.js";
import { BAUD, BITS_PER_BYTE, CRC_BYTES, HEADER_BYTES, LEAD_IN_BITS, MAGIC } from "./speech-code.js";

/** One utterance of the sandbox's speech, found in audio. */
export interface SandboxUtterance {
  /** The words it speaks. */
  text: string;
  /** Seconds from the first sample the decoder was given to the utterance's first sample. */
  start: number;
  /** How long the utterance lasts, in seconds (as its frame says). */
  seconds: number;
}

/** Bytes of a frame follow each other with no gap; more than half a byte's time between them ends the frame. */
const MAX_GAP_BYTES = 1.5;
const utf8 = new TextDecoder("utf-8");

/**
 * A streaming decoder of the sandbox's speech (see speech-code.ts): feed it PCM at its sample rate, in
 * pieces of any size, and it returns each utterance as its last byte arrives. It keeps only the frame
 * being read (at most 64 KiB of text), so an hour of audio costs what a second does. Foreign audio yields
 * nothing: the magic and the CRC make a false frame practically impossible.
 */
export class SandboxSpeechDecoder {
  private readonly demodulator: FskDemodulator;
  private readonly byteSamples: number;
  private readonly found: SandboxUtterance[] = [];
  private frame: number[] = [];
  /** Where each byte of the frame began, while the magic is still being matched. */
  private starts: number[] = [];
  private lastByteAt = Number.NEGATIVE_INFINITY;
  private expected = 0;

  constructor(private readonly sampleRate: number) {
    if (!(sampleRate >= 8000))
      throw new RangeError(`The sandbox's speech needs 8000 Hz or more, got ${sampleRate}`);
    this.byteSamples = (BITS_PER_BYTE * sampleRate) / BAUD;
    this.demodulator = new FskDemodulator(sampleRate, (byte) => this.take(byte));
  }

  /** Samples as PCM16 (Int16Array) or floats in [-1, 1]; returns the utterances completed by them. */
  push(samples: Int16Array | Float32Array | Float64Array): SandboxUtterance[] {
    if (samples instanceof Int16Array) {
      const scaled = new Float32Array(samples.length);
      for (let i = 0; i < samples.length; i++) scaled[i] = (samples[i] ?? 0) / 32768;
      this.demodulator.push(scaled);
    } else this.demodulator.push(samples);
    return this.found.splice(0);
  }

  private take({ value, startSample }: LineByte): void {
    if (startSample - this.lastByteAt > MAX_GAP_BYTES * this.byteSamples) this.frame = [];
    this.lastByteAt = startSample;
    if (this.frame.length === 0) this.starts = [];
    this.frame.push(value);
    const at = this.frame.length;
    if (at <= MAGIC.length) {
      this.starts.push(startSample);
      // Hunting: slide along the bytes until the last ones are the magic.
      if (value !== MAGIC[at - 1]) this.restartHunt();
      return;
    }
    if (at === MAGIC.length + HEADER_BYTES) {
      const length = ((this.frame[3] ?? 0) << 8) | (this.frame[4] ?? 0);
      this.expected = MAGIC.length + HEADER_BYTES + length + CRC_BYTES;
    }
    if (at < MAGIC.length + HEADER_BYTES || at < this.expected) return;
    this.finish();
  }

  /** The bytes so far did not start with the magic: keep the longest tail that still could. */
  private restartHunt(): void {
    while (this.frame.length > 0 && !this.frame.every((byte, i) => byte === MAGIC[i])) {
      this.frame.shift();
      this.starts.shift();
    }
  }

  private finish(): void {
    const bytes = Uint8Array.from(this.frame);
    this.frame = [];
    const end = bytes.length - CRC_BYTES;
    const crc = ((bytes[end] ?? 0) << 8) | (bytes[end + 1] ?? 0);
    if (crc16(bytes, MAGIC.length, end) !== crc) return;
    const durationMs = ((bytes[5] ?? 0) << 16) | ((bytes[6] ?? 0) << 8) | (bytes[7] ?? 0);
    const leadIn = (LEAD_IN_BITS * this.sampleRate) / BAUD;
    this.found.push({
      text: utf8.decode(bytes.subarray(MAGIC.length + HEADER_BYTES, end)),
      start: Math.max(0, ((this.starts[0] ?? 0) - leadIn) / this.sampleRate),
      seconds: durationMs / 1000,
    });
  }
}

/** Every utterance of the sandbox's speech in a whole recording. */
export function decodeSandboxSpeech(
  samples: Int16Array | Float32Array | Float64Array,
  sampleRate: number,
): SandboxUtterance[] {
  return new SandboxSpeechDecoder(sampleRate).push(samples);
}
