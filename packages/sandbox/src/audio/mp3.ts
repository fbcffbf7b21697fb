// MP3 encoding of the sandbox's tone with lamejs, loaded on first use, as a stream of encoded chunks.
import { id3v2Tag } from "./speech-tags.js";
import { createLoop, type ToneSpec } from "./tone.js";

/** The sample rates MPEG-1/2/2.5 layer III can carry. */
export const MP3_SAMPLE_RATES: readonly number[] = [
  8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000,
];

const FRAMES_PER_CALL = 1152 * 16;

/**
 * MP3 through @breezystack/lamejs (a maintained, pure-JS LAME port, so it also runs in a browser worker).
 * It is imported on first use: only mp3 requests pay for loading it, and the package's CommonJS entry (an
 * IIFE that exports nothing) is never required, since `import()` resolves its ESM build in both outputs.
 * A text goes first, in an ID3v2 tag (MP3 has no container of its own).
 */
export async function* mp3Chunks(
  spec: ToneSpec,
  totalFrames: number,
  text?: string,
): AsyncGenerator<Uint8Array> {
  const { Mp3Encoder } = await import("@breezystack/lamejs");
  if (text !== undefined) yield id3v2Tag(text);
  const { channels, sampleRate } = spec;
  const loop = createLoop(spec);
  const encoder = new Mp3Encoder(channels, sampleRate, channels === 1 ? 64 : 128);
  for (let start = 0; start < totalFrames; start += FRAMES_PER_CALL) {
    const count = Math.min(FRAMES_PER_CALL, totalFrames - start);
    const planes = Array.from({ length: channels }, () => new Int16Array(count));
    for (let i = 0; i < count; i++) {
      const base = ((start + i) % sampleRate) * channels;
      for (let ch = 0; ch < channels; ch++) (planes[ch] as Int16Array)[i] = loop[base + ch] ?? 0;
    }
    const encoded = encoder.encodeBuffer(planes[0] as Int16Array, planes[1]);
    if (encoded.length > 0) yield new Uint8Array(encoded);
  }
  const tail = encoder.flush();
  if (tail.length > 0) yield new Uint8Array(tail);
}
