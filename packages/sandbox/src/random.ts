// Deterministic randomness: the sandbox gives the same answers for the same inputs and seed, so tests that
// rely on probabilities or on "different input, different audio" are reproducible.

/** 32-bit FNV-1a hash of a string. Cheap, stable across runtimes, good enough to pick tone frequencies. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * mulberry32: a tiny seeded PRNG returning floats in [0, 1). Exported as `seededRandom` for tests that need
 * repeatable randomness, e.g. `waitForTask(client, family, id, { random: seededRandom(1) })`.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
