// When a batch checks a task's status: learned from the durations of finished tasks of the same kind and size.
import { resolvePollOptions, scheduledDelay } from "@camb-kit/polling/internal";

/*
 * Why the schedule is what it is.
 *
 * The baseline is CAMB's own examples: check at once, then every I = 5 s. A task of length T costs ⌈T/I⌉ + 1
 * requests and is noticed I/2 = 2.5 s late on the median. Without knowing T nothing beats that for long tasks
 * (polling's default schedule matches it), but a batch knows more: tasks of one family and similar input size
 * take similar times, so after a few of them the next one's end is predictable. With n durations seen, lo (their
 * 5% quantile, the lowest for n < 20) and hi (the highest):
 *
 * 1. Skip: no check before a = lo − g − m·lo. For durations spread evenly over [A, B], the lowest of n samples
 *    lies (B − A)/(n + 1) above A on average, and that is g = (hi − lo)/(n − 1) in what is seen. m = 10% covers
 *    a slower or faster hour of the API and the error of the durations themselves (a recorded duration is only
 *    known to within the interval of the checks that found it). This is where all the savings are: the loop
 *    spends a/I requests on a task that is almost never done yet.
 * 2. Window [a, b], b = hi + g + m·hi: a check every s = min(0.8·I, max(1 s, 10% of hi)). When the end falls
 *    at random between two checks s apart it is noticed s/2 late on the median, so 0.8·I (4 s) gives 2 s against
 *    the loop's 2.5 s, leaving 20% for what the estimate gets wrong (a task that ends before a waits for it).
 *    Short tasks get a spacing of 10% of their length (a 5 s task is checked every second around its end), but
 *    never under 1 s: no hot loop even for tasks that take a few hundred ms.
 * 3. Past b, the steady interval I: a task far longer than any seen is still checked every I, like the loop
 *    (so no delay above the cap once past the window), and it never becomes a hot loop either.
 * 4. Jitter: the skip lands anywhere within one spacing around a (tasks created together, or all resumed at
 *    once after a rerun, spread over the window's first s), later delays are scaled by [1 − j, 1 + j] with
 *    polling's j = 10%, which keeps their mean, so the request count, the schedule's.
 * 5. Before minSamples (3) durations of a key are known, polling's default schedule (2.8 s, 5.6 s, then every
 *    5 s): nothing learned, nothing risked.
 *
 * For 60 s ± 10 s tasks with their durations known: a ≈ 45.5 s, s = 4 s, so ≈ 1 + (60 − 45.5)/4 + ½ ≈ 5
 * requests against the loop's ≈ 13.5 (0.4×) and a 2 s median delay against 2.5 s. bench/batch-polling.mjs
 * measures it, and test/batch-schedule.test.ts holds it to the goal (≤ 0.6× the requests, median delay
 * no worse than the loop's).
 */

const LOW_QUANTILE = 0.05;
const MARGIN = 0.1;
const WINDOW_SHARE_OF_STEADY = 0.8;
const SPACING_SHARE_OF_LENGTH = 0.1;
const MIN_SPACING_MS = 1_000;

export interface LearnedScheduleOptions {
  /** Durations known before the first task, e.g. the done records of a previous run's journal. */
  known?: Iterable<{ key: string; durationMs: number }>;
  /** Source of randomness for the jitter, in [0, 1). Default Math.random; tests pass a seeded one. */
  random?: () => number;
  /** The delay after `attempt` checks while too little is known. Default: @camb-kit/polling's default schedule. */
  fallback?: (attempt: number) => number;
  /** Durations of a key needed before they decide its schedule. Default 3 (an integer >= 2). */
  minSamples?: number;
  /**
   * The most recent durations kept per key (older ones are forgotten, so a drift is followed). Default 250.
   * Keep it well above the batch's concurrency: tasks started together finish shortest first, and a memory
   * shorter than one such wave would keep only its slow end (and start every window too late).
   */
  maxSamples?: number;
}

/** What the durations of one key decide: the window of likely ends and the spacing of checks inside it. */
interface Window {
  start: number;
  end: number;
  spacing: number;
}

/** A schedule of status checks shared by a batch's tasks, which learns from the tasks that finish. */
export class LearnedSchedule {
  readonly #durations = new Map<string, number[]>();
  readonly #windows = new Map<string, Window | undefined>();
  readonly #random: () => number;
  readonly #fallback: (attempt: number) => number;
  readonly #minSamples: number;
  readonly #maxSamples: number;
  readonly #steadyMs: number;
  readonly #jitter: number;

  constructor(options: LearnedScheduleOptions = {}) {
    const { random = Math.random, minSamples = 3, maxSamples = 250 } = options;
    if (typeof random !== "function") throw new TypeError("random must be a function");
    if (options.fallback !== undefined && typeof options.fallback !== "function") {
      throw new TypeError("fallback must be a function");
    }
    if (!(Number.isInteger(minSamples) && minSamples >= 2)) {
      throw new RangeError(`minSamples must be an integer >= 2, got ${minSamples}`);
    }
    if (!(Number.isInteger(maxSamples) && maxSamples >= minSamples)) {
      throw new RangeError(`maxSamples must be an integer >= minSamples, got ${maxSamples}`);
    }
    const polling = resolvePollOptions({ random });
    this.#random = random;
    this.#fallback = options.fallback ?? ((attempt) => scheduledDelay(polling, attempt));
    this.#minSamples = minSamples;
    this.#maxSamples = maxSamples;
    this.#steadyMs = polling.maxIntervalMs;
    this.#jitter = typeof polling.jitter === "number" ? polling.jitter : 0;
    for (const { key, durationMs } of options.known ?? []) this.record(key, durationMs);
  }

  /**
   * Learns that a task of `key` took `durationMs` (a previous run's journal; `finished` estimates it from the
   * checks). Record successes only: a failure's time says nothing about how long the others take. Non-finite
   * or negative durations are ignored.
   */
  record(key: string, durationMs: number): void {
    if (!(Number.isFinite(durationMs) && durationMs >= 0)) return;
    const durations = this.#durations.get(key) ?? [];
    this.#durations.set(key, durations);
    durations.push(durationMs);
    if (durations.length > this.#maxSamples) durations.shift();
    this.#windows.delete(key);
  }

  /**
   * Learns from a task of `key` that was still running at its check `lastPendingMs` after creation (0 when no
   * check saw it running) and done at `doneMs`; returns the duration recorded (for the journal). The end lies
   * between the two: the midpoint when they are at most one steady interval apart, and half of one before
   * `doneMs` when further (a skipped stretch: the midpoint of 0 and the first check at 50 s would say 25 s).
   */
  finished(key: string, lastPendingMs: number, doneMs: number): number {
    const durationMs = doneMs - Math.min(Math.max(doneMs - lastPendingMs, 0), this.#steadyMs) / 2;
    this.record(key, durationMs);
    return durationMs;
  }

  /** How many durations of `key` are known. */
  samples(key: string): number {
    return this.#durations.get(key)?.length ?? 0;
  }

  /**
   * The delay, in whole ms, before the next status check of a task of `key` that has been running for
   * `elapsedMs` (since its create call answered) after `attempt` checks (0 before the first).
   */
  nextDelay(key: string, elapsedMs: number, attempt: number): number {
    const window = this.#windowOf(key);
    if (!window) return Math.round(this.#fallback(attempt));
    const { start, end, spacing } = window;
    const r = Math.min(Math.max(this.#random(), 0), 1);
    // Skipping lands within half a spacing either side of the start, so the shortest skip is still half a
    // spacing: a task just short of the window is not checked twice in a row.
    if (elapsedMs < start - spacing) return Math.round(start - elapsedMs + spacing * (r - 0.5));
    const interval = elapsedMs < end ? spacing : this.#steadyMs;
    return Math.round(interval * (1 + this.#jitter * (2 * r - 1)));
  }

  #windowOf(key: string): Window | undefined {
    if (this.#windows.has(key)) return this.#windows.get(key);
    const window = this.#learn(this.#durations.get(key) ?? []);
    this.#windows.set(key, window);
    return window;
  }

  #learn(durations: readonly number[]): Window | undefined {
    const n = durations.length;
    if (n < this.#minSamples) return undefined;
    const sorted = [...durations].sort((a, b) => a - b);
    const lo = sorted[Math.floor(LOW_QUANTILE * n)] as number;
    const hi = sorted[n - 1] as number;
    const gap = (hi - lo) / (n - 1);
    const spacing = Math.min(
      WINDOW_SHARE_OF_STEADY * this.#steadyMs,
      Math.max(MIN_SPACING_MS, SPACING_SHARE_OF_LENGTH * hi),
    );
    return {
      start: Math.max(0, lo - gap - MARGIN * lo),
      end: hi + gap + MARGIN * hi,
      spacing,
    };
  }
}

/**
 * The key under which a task's duration is learned: its family and the bucket of its input size. Buckets are
 * √2 wide (a duration grows with the text or media sent, so inputs within a factor of 1.4 of each other take
 * similar times); `inputBytes` undefined (unknown) makes one bucket of its own.
 */
export function sizeKey(family: string, inputBytes: number | undefined): string {
  if (inputBytes === undefined || !(Number.isFinite(inputBytes) && inputBytes >= 0)) return `${family}:any`;
  return `${family}:b${Math.floor(2 * Math.log2(inputBytes + 1))}`;
}
