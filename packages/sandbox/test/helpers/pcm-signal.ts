// Signal tools for the realtime speech tests: resampling (as a client would, and as sox does), noise, PCM bytes.
import { spawnSync } from "node:child_process";
import { seededRandom } from "../../src/random.js";

/** Linear-interpolation resampling, the cheap kind a client's PCM16 conversion does. */
export function resampleLinear(samples: Int16Array, from: number, to: number): Int16Array {
  const out = new Int16Array(Math.floor((samples.length * to) / from));
  for (let i = 0; i < out.length; i++) {
    const position = (i * from) / to;
    const left = Math.floor(position);
    const fraction = position - left;
    const a = samples[left] ?? 0;
    const b = samples[left + 1] ?? a;
    out[i] = Math.round(a + (b - a) * fraction);
  }
  return out;
}

/** Resampling through sox (a real band-limited resampler), raw PCM16 mono in and out. */
export function resampleSox(samples: Int16Array, from: number, to: number): Int16Array {
  const raw = ["-t", "raw", "-e", "signed-integer", "-b", "16", "-c", "1", "-L"];
  const result = spawnSync("sox", [...raw, "-r", String(from), "-", ...raw, "-r", String(to), "-"], {
    input: Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength),
    maxBuffer: 1 << 28,
  });
  if (result.status !== 0) throw new Error(`sox failed: ${result.stderr}`);
  const bytes = new Uint8Array(result.stdout);
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
}

/** Adds Gaussian noise of standard deviation `sigma` (of full scale), seeded so the test repeats. */
export function withNoise(samples: Int16Array, sigma: number, seed = 7): Int16Array {
  const random = seededRandom(seed);
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    out[i] = Math.max(-32768, Math.min(32767, Math.round((samples[i] ?? 0) + gaussian * sigma * 32767)));
  }
  return out;
}

/** PCM16 little-endian bytes of samples. */
export function pcm16Bytes(samples: Int16Array): Uint8Array {
  const out = new Uint8Array(samples.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * 2, samples[i] ?? 0, true);
  return out;
}

/** Samples of PCM16 little-endian bytes. */
export function pcm16Samples(bytes: Uint8Array): Int16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Int16Array(bytes.byteLength >> 1);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true);
  return out;
}

/** Joins sample arrays. */
export function joinSamples(parts: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
