// Raw PCM that a live session sends, put in a WAV container: a header written before the length is known,
// and the sizes filled in once it is.
import { open } from "node:fs/promises";

/** Interleaved little-endian integer PCM. */
export interface PcmLayout {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
}

const HEADER_BYTES = 44;
/** What a WAV written to a pipe says for "length unknown" (as ffmpeg and sox write it). */
const UNKNOWN_SIZE = 0xffff_ffff;

/**
 * A 44-byte PCM WAV header. Without `dataBytes` the RIFF and data sizes say "unknown", which players of a
 * pipe read as "until the end"; a file gets its real sizes afterwards through `fillWavSizes`.
 */
export function wavHeader(layout: PcmLayout, dataBytes?: number): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) header[at + i] = text.charCodeAt(i);
  };
  const blockAlign = layout.channels * (layout.bitsPerSample / 8);
  ascii(0, "RIFF");
  view.setUint32(4, dataBytes === undefined ? UNKNOWN_SIZE : HEADER_BYTES - 8 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // integer PCM
  view.setUint16(22, layout.channels, true);
  view.setUint32(24, layout.sampleRate, true);
  view.setUint32(28, layout.sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, layout.bitsPerSample, true);
  ascii(36, "data");
  view.setUint32(40, dataBytes === undefined ? UNKNOWN_SIZE : dataBytes, true);
  return header;
}

/** Writes the real RIFF and data sizes into a WAV file that `wavHeader()` (without a length) began. */
export async function fillWavSizes(path: string, fileBytes: number): Promise<void> {
  // Past 4 GiB the fields cannot hold the size: "unknown" stays, which players read as "to the end".
  if (fileBytes - 8 > UNKNOWN_SIZE) return;
  const dataBytes = fileBytes - HEADER_BYTES;
  const sizes = new DataView(new ArrayBuffer(4));
  const file = await open(path, "r+");
  try {
    sizes.setUint32(0, HEADER_BYTES - 8 + dataBytes, true);
    await file.write(new Uint8Array(sizes.buffer.slice(0)), 0, 4, 4);
    sizes.setUint32(0, dataBytes, true);
    await file.write(new Uint8Array(sizes.buffer.slice(0)), 0, 4, 40);
  } finally {
    await file.close();
  }
}

/** `source` behind a WAV header whose sizes say "unknown", for `fillWavSizes` (a file) or a pipe. */
export async function* withWavHeader(
  source: AsyncIterable<Uint8Array>,
  layout: PcmLayout,
): AsyncGenerator<Uint8Array> {
  yield wavHeader(layout);
  yield* source;
}
