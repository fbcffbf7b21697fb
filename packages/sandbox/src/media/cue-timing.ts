// Places cues on a timeline of whole milliseconds: slots by text length, with floors, gaps and a ceiling.

export interface CueTimingLimits {
  /** The whole timeline, in ms. */
  totalMs: number;
  /** The least time between one cue's end and the next one's start. */
  gapMs: number;
  /** No cue lasts longer; the rest of its slot is silence. */
  maxMs: number;
}

/** Integers summing to `total`, each at least its share rounded down (largest remainders get the rest). */
function apportion(shares: readonly number[], total: number): number[] {
  const whole = shares.map((share) => Math.floor(share));
  const rest = total - whole.reduce((a, b) => a + b, 0);
  const byRemainder = shares
    .map((share, i) => ({ i, r: share - Math.floor(share) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < rest; k++) {
    const i = byRemainder[k % byRemainder.length]?.i ?? 0;
    whole[i] = (whole[i] ?? 0) + 1;
  }
  return whole;
}

/**
 * Slot lengths for `available` ms: each cue gets `λ × weight` but never less than its floor (the λ that
 * makes them sum to `available`, found by binding the cues with the highest floor per weight first). When
 * the floors alone do not fit, they shrink in proportion: the duration, not the text, is then too short.
 */
function slots(weights: readonly number[], floors: readonly number[], available: number): number[] {
  const floorSum = floors.reduce((a, b) => a + b, 0);
  if (floorSum >= available) {
    const share = (i: number) =>
      floorSum > 0 ? (available * (floors[i] ?? 0)) / floorSum : available / floors.length;
    return apportion(
      floors.map((_, i) => share(i)),
      available,
    );
  }
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => (floors[b] ?? 0) / (weights[b] ?? 1) - (floors[a] ?? 0) / (weights[a] ?? 1));
  const bound = new Set<number>();
  let boundSum = 0;
  let freeWeight = weights.reduce((a, b) => a + b, 0);
  for (const i of order) {
    const lambda = (available - boundSum) / freeWeight;
    if (lambda * (weights[i] ?? 0) >= (floors[i] ?? 0)) break;
    bound.add(i);
    boundSum += floors[i] ?? 0;
    freeWeight -= weights[i] ?? 0;
  }
  const lambda = (available - boundSum) / freeWeight;
  return apportion(
    weights.map((w, i) => (bound.has(i) ? (floors[i] ?? 0) : lambda * w)),
    available,
  );
}

/**
 * `[startMs, endMs]` for cues of the given weights (their characters) and floors, in order, from 0 to at
 * most `totalMs`, at least `gapMs` apart. When the floors and gaps do not all fit, gaps that would take more
 * than half the timeline shrink to that half (a timeline that short cannot keep them), so every cue still
 * gets time; otherwise the gaps are kept and the floors give way.
 */
export function timeCues(
  weights: readonly number[],
  floors: readonly number[],
  limits: CueTimingLimits,
): [number, number][] {
  const count = weights.length;
  if (count === 0) return [];
  const { totalMs, maxMs } = limits;
  const gaps = limits.gapMs * (count - 1);
  const fits = floors.reduce((a, b) => a + b, 0) + gaps <= totalMs;
  const gapMs = !fits && gaps > totalMs / 2 ? Math.floor(totalMs / 2 / (count - 1)) : limits.gapMs;
  const lengths = slots(weights, floors, totalMs - gapMs * (count - 1));
  const cues: [number, number][] = [];
  let at = 0;
  for (const length of lengths) {
    cues.push([at, at + Math.min(length, maxMs)]);
    at += length + gapMs;
  }
  return cues;
}
