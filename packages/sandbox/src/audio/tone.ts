// The sandbox's synthetic "voice": a one-second seamless tone loop derived from a hash of the request.
/**
 * The sandbox's "voice": a pair of tones under a syllable-like envelope, with frequencies derived from a
 * hash of the request, so different inputs give different (and recognisably different) audio.
 *
 * All frequencies are whole hertz, so exactly one second of audio loops seamlessly. Generating a stream is
 * then a matter of copying from a one-second loop: constant memory and CPU for any duration.
 */
export interface ToneSpec {
  /** Hash of the input the audio depends on. */
  seed: number;
  sampleRate: number;
  channels: number;
}

/** One second of interleaved 16-bit samples that repeats seamlessly. */
export function createLoop({ seed, sampleRate, channels }: ToneSpec): Int16Array {
  const base = 140 + (seed % 260);
  const partial = base + 40 + ((seed >>> 9) % 180);
  const syllables = 2 + ((seed >>> 17) % 5); // envelope cycles per second: a whole number, so it loops
  const loop = new Int16Array(sampleRate * channels);
  for (let frame = 0; frame < sampleRate; frame++) {
    const t = frame / sampleRate;
    const envelope = 0.5 - 0.5 * Math.cos(2 * Math.PI * syllables * t);
    for (let ch = 0; ch < channels; ch++) {
      const shift = ch * (1 + ((seed >>> 25) % 7)); // a slightly different pitch per channel
      const value =
        0.22 * Math.sin(2 * Math.PI * (base + shift) * t) +
        0.12 * Math.sin(2 * Math.PI * (partial + shift) * t);
      loop[frame * channels + ch] = Math.round(envelope * value * 32767);
    }
  }
  return loop;
}
