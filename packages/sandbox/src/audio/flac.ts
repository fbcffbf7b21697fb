// A minimal FLAC writer (uncompressed 16-bit frames) whose exact byte length is known before the first byte.
import { crc8, crc16 } from "./crc.js";
import { vorbisCommentBlock } from "./speech-tags.js";

/**
 * A minimal FLAC writer: 16-bit samples in VERBATIM subframes (no compression: the sandbox needs valid,
 * decodable FLAC, not small FLAC), fixed 4096-sample blocks, a STREAMINFO with exact sizes and sample
 * count, CRC-8 frame headers and CRC-16 frame footers. The MD5 field is zero, which FLAC defines as
 * "not computed" (computing it would need the whole signal before the first byte is sent).
 */
export const FLAC_BLOCK_SIZE = 4096;

// Frame-header sample-rate codes; other rates use 0 ("read it from STREAMINFO").
const RATE_CODES = new Map<number, number>([
  [88200, 1],
  [176400, 2],
  [192000, 3],
  [8000, 4],
  [16000, 5],
  [22050, 6],
  [24000, 7],
  [32000, 8],
  [44100, 9],
  [48000, 10],
  [96000, 11],
]);

export interface FlacLayout {
  sampleRate: number;
  channels: number;
  totalFrames: number;
  /** The spoken text, carried in a VORBIS_COMMENT block after STREAMINFO. */
  text?: string;
}

/** FLAC's UTF-8-like coding of the frame number. */
function codedNumber(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  let rest = n;
  let limit = 0x40; // payload bits the lead byte can still carry shrink as continuation bytes are added
  while (rest >= limit) {
    bytes.unshift(0x80 | (rest & 0x3f));
    rest = Math.floor(rest / 64);
    limit >>= 1;
  }
  const lead = (0xff00 >> (bytes.length + 1)) & 0xff;
  return [lead | rest, ...bytes];
}

function frameCount(layout: FlacLayout): number {
  return Math.ceil(layout.totalFrames / FLAC_BLOCK_SIZE);
}

function frameSize(layout: FlacLayout, index: number): number {
  const blockSize = Math.min(FLAC_BLOCK_SIZE, layout.totalFrames - index * FLAC_BLOCK_SIZE);
  const header = 4 + codedNumber(index).length + (blockSize === FLAC_BLOCK_SIZE ? 0 : 2) + 1;
  return header + layout.channels * (1 + 2 * blockSize) + 2;
}

function commentBlock(layout: FlacLayout): Uint8Array {
  return layout.text === undefined ? new Uint8Array(0) : vorbisCommentBlock(layout.text, true);
}

/**
 * "fLaC", the STREAMINFO block (which FLAC requires first), then the VORBIS_COMMENT block with the text,
 * when there is one; the last of them carries the last-metadata-block flag.
 */
export function flacHeader(layout: FlacLayout): Uint8Array {
  const comment = commentBlock(layout);
  const out = new Uint8Array(4 + 4 + 34 + comment.length);
  const view = new DataView(out.buffer);
  out.set([0x66, 0x4c, 0x61, 0x43], 0);
  out.set([comment.length > 0 ? 0 : 0x80, 0, 0, 34], 4); // last-block flag, type 0 (STREAMINFO), length 34
  out.set(comment, 42);
  const frames = frameCount(layout);
  // Full frames grow with the frame number's coded length, so the extremes are the first and last full
  // frame and the (possibly shorter) final one.
  const lastFull = Math.max(0, Math.floor(layout.totalFrames / FLAC_BLOCK_SIZE) - 1);
  const sizes = [0, lastFull, frames - 1].filter((i) => i < frames).map((i) => frameSize(layout, i));
  view.setUint16(8, FLAC_BLOCK_SIZE);
  view.setUint16(10, FLAC_BLOCK_SIZE);
  const setUint24 = (offset: number, value: number) => {
    view.setUint16(offset, value >>> 8);
    view.setUint8(offset + 2, value & 0xff);
  };
  setUint24(12, Math.min(...sizes));
  setUint24(15, Math.max(...sizes));
  const packed =
    (BigInt(layout.sampleRate) << 44n) |
    (BigInt(layout.channels - 1) << 41n) |
    (15n << 36n) | // bits per sample - 1
    BigInt(layout.totalFrames);
  view.setBigUint64(18, packed);
  return out; // bytes 26..41: MD5, left zero
}

/** The byte length of the whole file, known before any frame is written (so Content-Length can be sent). */
export function flacByteLength(layout: FlacLayout): number {
  const frames = frameCount(layout);
  const full = Math.floor(layout.totalFrames / FLAC_BLOCK_SIZE);
  const fixed = 4 + 1 + layout.channels * (1 + 2 * FLAC_BLOCK_SIZE) + 2; // every full frame, minus its number
  // Closed form, so an hours-long stream costs nothing to measure: count the frame numbers of each coded
  // length (1 byte below 0x80, 2 below 0x800, …).
  let numberBytes = 0;
  let from = 0;
  for (const [limit, bytes] of [
    [0x80, 1],
    [0x800, 2],
    [0x10000, 3],
    [0x200000, 4],
    [0x4000000, 5],
    [Infinity, 6],
  ]) {
    const count = Math.max(0, Math.min(full, limit as number) - from);
    numberBytes += count * (bytes as number);
    from += count;
  }
  const partial = frames > full ? frameSize(layout, full) : 0;
  return 42 + commentBlock(layout).length + full * fixed + numberBytes + partial;
}

/** Writes frame `index`, reading interleaved samples from `sampleAt(frame, channel)`. */
export function flacFrame(
  layout: FlacLayout,
  index: number,
  samples: Int16Array,
  loopFrames: number,
): Uint8Array {
  const { channels } = layout;
  const start = index * FLAC_BLOCK_SIZE;
  const blockSize = Math.min(FLAC_BLOCK_SIZE, layout.totalFrames - start);
  const out = new Uint8Array(frameSize(layout, index));
  const view = new DataView(out.buffer);
  const full = blockSize === FLAC_BLOCK_SIZE;
  let pos = 0;
  out[pos++] = 0xff;
  out[pos++] = 0xf8; // sync code, fixed-blocksize stream
  out[pos++] = ((full ? 12 : 7) << 4) | (RATE_CODES.get(layout.sampleRate) ?? 0);
  out[pos++] = ((channels - 1) << 4) | (4 << 1); // independent channels, 16 bits per sample
  for (const byte of codedNumber(index)) out[pos++] = byte;
  if (!full) {
    view.setUint16(pos, blockSize - 1);
    pos += 2;
  }
  out[pos] = crc8(out, 0, pos);
  pos++;
  for (let ch = 0; ch < channels; ch++) {
    out[pos++] = 0x02; // subframe header: VERBATIM, no wasted bits
    for (let i = 0; i < blockSize; i++) {
      view.setInt16(pos, samples[((start + i) % loopFrames) * channels + ch] ?? 0);
      pos += 2;
    }
  }
  view.setUint16(pos, crc16(out, 0, pos));
  return out;
}

export function flacFrameCount(layout: FlacLayout): number {
  return frameCount(layout);
}
