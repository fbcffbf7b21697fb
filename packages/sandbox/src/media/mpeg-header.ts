// MPEG audio frame headers (layers I-III, MPEG-1/2/2.5) and a first frame's Xing/Info or VBRI count.
import { ascii, be24, be32 } from "./bytes.js";

export interface MpegFrame {
  /** 1 (MPEG-1), 2 (MPEG-2) or 2.5. */
  version: number;
  layer: number;
  sampleRate: number;
  samples: number;
  bytes: number;
  mono: boolean;
}

// kbit/s by bitrate index: MPEG-1 layers I, II, III, then MPEG-2/2.5 layer I and layers II/III.
const BITRATES = [
  [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
];
const RATES = new Map([
  [1, [44100, 48000, 32000]],
  [2, [22050, 24000, 16000]],
  [2.5, [11025, 12000, 8000]],
]);

/** The frame whose 4-byte header is `h`, or undefined when it is not a valid (non-free-format) header. */
export function parseFrameHeader(h: Uint8Array): MpegFrame | undefined {
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = h;
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const version = [2.5, 0, 2, 1][(b1 >> 3) & 3] ?? 0;
  const layer = 4 - ((b1 >> 1) & 3);
  const bitrateIndex = b2 >> 4;
  const sampleRate = RATES.get(version)?.[(b2 >> 2) & 3];
  if (version === 0 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || !sampleRate)
    return undefined;
  const table = version === 1 ? layer - 1 : layer === 1 ? 3 : 4;
  const bitrate = (BITRATES[table]?.[bitrateIndex] ?? 0) * 1000;
  const padding = (b2 >> 1) & 1;
  const samples = layer === 1 ? 384 : layer === 3 && version !== 1 ? 576 : 1152;
  const bytes =
    layer === 1
      ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4
      : Math.floor(((samples / 8) * bitrate) / sampleRate) + padding;
  return { version, layer, sampleRate, samples, bytes, mono: b3 >> 6 === 3 };
}

/** Whether a later header belongs to the same stream as the first (a resync must not lock onto noise). */
export function sameStream(a: MpegFrame, b: MpegFrame): boolean {
  return a.version === b.version && a.layer === b.layer && a.sampleRate === b.sampleRate;
}

/**
 * The playable sample count a first frame declares: a Xing/Info header (LAME, ffmpeg) with its frame count,
 * less the encoder delay and padding of a LAME/Lavc extension, or a VBRI header (Fraunhofer). Undefined
 * when the frame is audio, or declares no count, so the caller counts frames instead.
 */
export function declaredSamples(frame: MpegFrame, bytes: Uint8Array): number | undefined {
  if (frame.layer !== 3) return undefined;
  const side = frame.version === 1 ? (frame.mono ? 17 : 32) : frame.mono ? 9 : 17;
  const at = 4 + side;
  const tag = ascii(bytes, at, 4);
  if (tag === "Xing" || tag === "Info") {
    const flags = be32(bytes, at + 4);
    if (!(flags & 1)) return undefined;
    const frames = be32(bytes, at + 8);
    if (frames === 0) return undefined;
    // Frame count, then optional byte count, 100-byte TOC and quality; then the LAME extension, whose
    // encoder delay and padding (12 bits each) sit 21 bytes after its 9-character version string starts.
    const lame = at + 12 + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
    const encoder = ascii(bytes, lame, 4);
    const gaps = encoder === "LAME" || encoder === "Lavf" || encoder === "Lavc" ? be24(bytes, lame + 21) : 0;
    return Math.max(0, frames * frame.samples - (gaps >> 12) - (gaps & 0xfff));
  }
  if (ascii(bytes, 36, 4) === "VBRI") {
    const frames = be32(bytes, 36 + 14);
    return frames > 0 ? frames * frame.samples : undefined;
  }
  return undefined;
}
