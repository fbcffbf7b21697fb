// The in-band code of the sandbox's realtime speech: its text as FSK tones, framed so a decoder finds it.
import { crc16 } from "../audio/crc.js";

/**
 * Live transcription receives bare PCM, with no container to carry the words in (REST speech puts them in
 * WAV INFO, Vorbis comments or ID3), so the realtime speech carries its text in the sound itself.
 *
 * The modulation is Bell-202's tone pair (mark 1200 Hz = 1, space 2200 Hz = 0, continuous phase) at 600
 * baud instead of 1200: a bit then lasts 1/600 s, which keeps the tones apart after a resampler's low-pass
 * and under noise, and it is still faster than speech (a byte in 16.7 ms, a character is 60 ms of speech).
 * Bytes go as an asynchronous serial line does (8N1: a start bit 0, eight data bits LSB first, a stop bit
 * 1), so every byte brings its own timing and a decoder needs no clock recovery; the line idles on mark.
 *
 *   lead-in (LEAD_IN_BITS of mark) | magic (3) | length (2, BE) | duration ms (3, BE) | text (UTF-8) | CRC-16 (2, BE)
 *
 * The CRC (FLAC's, polynomial 0x8005) covers length, duration and text; with the magic it makes a false
 * frame in noise or foreign audio practically impossible. Both tones stay well inside the band of 8 kHz
 * audio, so every rate a session takes carries the code.
 */
export const MARK_HZ = 1200;
export const SPACE_HZ = 2200;
export const BAUD = 600;
/** Idle mark before the first byte, so a decoder sees the line idle before the first start bit. */
export const LEAD_IN_BITS = 36;
/** Starts with bytes UTF-8 never contains (0xF5, 0xC1), so a frame's text cannot look like a frame start. */
export const MAGIC: readonly number[] = [0xf5, 0x4b, 0xc1];
/** Length and duration after the magic. */
export const HEADER_BYTES = 5;
export const CRC_BYTES = 2;
/** The longest text a frame carries (its length field is 16 bits); longer text is cut at a character. */
export const MAX_CODED_TEXT_BYTES = 0xffff;
/** The longest utterance a frame can describe (a 24-bit count of milliseconds). */
const MAX_DURATION_MS = 0xffffff;
/** Serial framing: start bit, eight data bits, stop bit. */
export const BITS_PER_BYTE = 10;

const utf8 = new TextEncoder();

/** The text's UTF-8 bytes, cut to `MAX_CODED_TEXT_BYTES` on a character boundary. */
function codedText(text: string): Uint8Array {
  const bytes = utf8.encode(text);
  if (bytes.length <= MAX_CODED_TEXT_BYTES) return bytes;
  let end = MAX_CODED_TEXT_BYTES;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--; // back off a continuation byte
  return bytes.subarray(0, end);
}

/** The bytes of one frame: magic, length, duration, text and the CRC over the middle three. */
export function speechFrame(text: string, seconds: number): Uint8Array {
  const body = codedText(text);
  const durationMs = Math.min(MAX_DURATION_MS, Math.max(0, Math.round(seconds * 1000)));
  const frame = new Uint8Array(MAGIC.length + HEADER_BYTES + body.length + CRC_BYTES);
  frame.set(MAGIC, 0);
  let at = MAGIC.length;
  frame[at++] = body.length >>> 8;
  frame[at++] = body.length & 0xff;
  frame[at++] = durationMs >>> 16;
  frame[at++] = (durationMs >>> 8) & 0xff;
  frame[at++] = durationMs & 0xff;
  frame.set(body, at);
  at += body.length;
  const crc = crc16(frame, MAGIC.length, at);
  frame[at++] = crc >>> 8;
  frame[at] = crc & 0xff;
  return frame;
}

/** Seconds of audio a frame of `frameBytes` bytes takes, lead-in included. */
export function frameSeconds(frameBytes: number): number {
  return (LEAD_IN_BITS + frameBytes * BITS_PER_BYTE) / BAUD;
}

/** The line's bits for a frame: lead-in mark, then each byte framed 8N1. Bits past the end are idle mark. */
export function frameBits(frame: Uint8Array): Uint8Array {
  const bits = new Uint8Array(LEAD_IN_BITS + frame.length * BITS_PER_BYTE).fill(1);
  let at = LEAD_IN_BITS;
  for (const byte of frame) {
    bits[at] = 0; // start bit
    for (let bit = 0; bit < 8; bit++) bits[at + 1 + bit] = (byte >>> bit) & 1;
    at += BITS_PER_BYTE; // the stop bit is already 1
  }
  return bits;
}
