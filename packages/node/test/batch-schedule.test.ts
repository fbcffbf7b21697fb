// The batch's learned polling schedule: its fallback, its window around the likely end, its bounds and jitter,
// and the goal (≤ 0.6× a 5 s loop's requests, median delay no worse) computed on fixed seeds.
import { resolvePollOptions, scheduledDelay } from "@camb-kit/polling/internal";
import { seededRandom } from "@camb-kit/sandbox";
import { describe, expect, it } from "vitest";
import { LearnedSchedule, sizeKey } from "../src/batch/learned-schedule.js";

const KEY = "family:b20";
const STEADY_MS = resolvePollOptions({}).maxIntervalMs;

/** `count` durations spread evenly over [from, to]. */
const evenly = (count: number, from: number, to: number) =>
  Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));

/** A schedule that already knows `durations` under KEY. */
const informed = (durations: number[], random: () => number = () => 0.5) =>
  new LearnedSchedule({ random, known: durations.map((durationMs) => ({ key: KEY, durationMs })) });

/** The check times (ms since create) of one task of length `lengthMs`, up to the one that finds it done. */
function checksOf(schedule: LearnedSchedule, lengthMs: number): number[] {
  const times: number[] = [];
  let at = 0;
  for (let attempt = 0; at < lengthMs || attempt === 0; attempt++) {
    at += schedule.nextDelay(KEY, at, attempt);
    times.push(at);
  }
  return times;
}

const gaps = (times: number[]) => times.map((t, i) => t - (i === 0 ? 0 : (times[i - 1] as number)));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

describe("LearnedSchedule before it knows enough", () => {
  it("follows polling's default schedule, delay for delay", () => {
    const schedule = new LearnedSchedule({ random: seededRandom(3) });
    schedule.record(KEY, 60_000);
    schedule.record(KEY, 61_000); // two of the three needed
    const polling = resolvePollOptions({ random: seededRandom(3) });
    for (let attempt = 0; attempt < 8; attempt++) {
      expect(schedule.nextDelay(KEY, attempt * 5_000, attempt)).toBe(
        Math.round(scheduledDelay(polling, attempt)),
      );
    }
  });

  it("takes a fallback of the caller's and learns each key on its own", () => {
    const schedule = new LearnedSchedule({ fallback: (attempt) => 1_000 + attempt, random: () => 0.5 });
    for (const d of [60_000, 61_000, 62_000]) schedule.record("other:b1", d);
    expect(schedule.nextDelay(KEY, 0, 4)).toBe(1_004);
    expect(schedule.nextDelay("other:b1", 0, 0)).toBeGreaterThan(40_000);
  });
});

describe("LearnedSchedule with durations seen", () => {
  const seen = evenly(50, 50_000, 70_000);

  it("skips the stretch where a task is almost never done, then checks at most 4 s apart until past the longest", () => {
    const times = checksOf(informed(seen), 70_000);
    // The first check comes after a 10% margin below the fastest tasks seen, not before.
    expect(times[0]).toBeGreaterThan(0.85 * 50_000);
    expect(times[0]).toBeLessThan(50_000);
    for (const gap of gaps(times).slice(1)) expect(gap).toBe(0.8 * STEADY_MS);
    // Against the loop's 15 checks (0, 5, …, 70 s): the whole skipped stretch is saved.
    expect(times.length).toBeLessThanOrEqual(8);
  });

  it("still notices a task far longer than any seen, at the steady interval, and never spins", () => {
    const times = checksOf(informed(seen, seededRandom(5)), 300_000);
    const late = gaps(times).filter((_, i) => (times[i] as number) > 1.2 * 70_000);
    expect(late.length).toBeGreaterThan(30);
    for (const gap of late) {
      expect(gap).toBeGreaterThanOrEqual(Math.floor(STEADY_MS * 0.9));
      expect(gap).toBeLessThanOrEqual(Math.ceil(STEADY_MS * 1.1));
    }
    expect((times.at(-1) as number) - 300_000).toBeLessThanOrEqual(STEADY_MS * 1.1);
  });

  it("notices a task shorter than all seen at the window's start", () => {
    const schedule = informed(seen);
    const times = checksOf(schedule, 20_000);
    expect(times).toHaveLength(1);
    expect(times[0]).toBe(schedule.nextDelay(KEY, 0, 0));
  });

  it("spaces checks of short tasks by a tenth of their length, never under a second", () => {
    const short = checksOf(informed(evenly(20, 4_500, 5_500)), 5_500);
    for (const gap of gaps(short).slice(1)) expect(gap).toBe(1_000);
    const tiny = checksOf(informed(evenly(20, 100, 300)), 10_000);
    for (const gap of gaps(tiny)) expect(gap).toBeGreaterThanOrEqual(1_000 * 0.9);
  });

  it("keeps every delay within its jitter: ±half a spacing on the skip, ±10% after", () => {
    for (const r of [0, 0.999999]) {
      const schedule = informed(seen, () => r);
      const middle = informed(seen).nextDelay(KEY, 0, 0);
      const skip = schedule.nextDelay(KEY, 0, 0);
      expect(Math.abs(skip - middle)).toBeLessThanOrEqual(0.5 * 0.8 * STEADY_MS);
      const inWindow = schedule.nextDelay(KEY, 55_000, 3);
      expect(inWindow).toBeGreaterThanOrEqual(Math.floor(0.9 * 0.8 * STEADY_MS));
      expect(inWindow).toBeLessThanOrEqual(Math.ceil(1.1 * 0.8 * STEADY_MS));
      const past = schedule.nextDelay(KEY, 200_000, 40);
      expect(past).toBeGreaterThanOrEqual(Math.floor(0.9 * STEADY_MS));
      expect(past).toBeLessThanOrEqual(Math.ceil(1.1 * STEADY_MS));
    }
  });

  it("spreads tasks started together over the window's first spacing, and they drift apart", () => {
    const schedule = informed(seen, seededRandom(11));
    const firsts = Array.from({ length: 100 }, () => schedule.nextDelay(KEY, 0, 0));
    const span = Math.max(...firsts) - Math.min(...firsts);
    expect(span).toBeGreaterThan(0.8 * 0.8 * STEADY_MS);
    expect(new Set(firsts).size).toBeGreaterThan(90);
  });

  it("repeats itself exactly with the same random", () => {
    const a = checksOf(informed(seen, seededRandom(9)), 90_000);
    const b = checksOf(informed(seen, seededRandom(9)), 90_000);
    expect(a).toEqual(b);
  });

  it("forgets the oldest durations beyond maxSamples, so it follows a slower API", () => {
    const schedule = new LearnedSchedule({ random: () => 0.5, minSamples: 3, maxSamples: 3 });
    for (const d of [10_000, 11_000, 12_000, 100_000, 101_000, 102_000]) schedule.record(KEY, d);
    expect(schedule.samples(KEY)).toBe(3);
    expect(schedule.nextDelay(KEY, 0, 0)).toBeGreaterThan(80_000);
  });

  it("ignores durations that are not a time", () => {
    const schedule = new LearnedSchedule();
    for (const d of [Number.NaN, -1, Number.POSITIVE_INFINITY]) schedule.record(KEY, d);
    expect(schedule.samples(KEY)).toBe(0);
  });
});

describe("LearnedSchedule.finished", () => {
  it("records the midpoint of two close checks, and half a steady interval before a check after a skip", () => {
    const schedule = new LearnedSchedule();
    expect(schedule.finished(KEY, 52_000, 56_000)).toBe(54_000);
    // Seen done at its first check, 55 s in: the task ended near it, not at 27.5 s.
    expect(schedule.finished(KEY, 0, 55_000)).toBe(55_000 - STEADY_MS / 2);
    expect(schedule.samples(KEY)).toBe(2);
  });
});

describe("sizeKey", () => {
  it("puts inputs within a factor of √2 in one bucket, per family", () => {
    expect(sizeKey("a", 1_500)).toBe(sizeKey("a", 1_900));
    expect(sizeKey("a", 2_000)).not.toBe(sizeKey("a", 6_000));
    expect(sizeKey("a", 2_000)).not.toBe(sizeKey("b", 2_000));
    expect(sizeKey("a", undefined)).toBe("a:any");
    expect(sizeKey("a", Number.NaN)).toBe("a:any");
    expect(sizeKey("a", 0)).toBe("a:b0");
  });
});

describe("LearnedSchedule options", () => {
  it("rejects values that could never learn or that are not functions", () => {
    expect(() => new LearnedSchedule({ minSamples: 1 })).toThrow(RangeError);
    expect(() => new LearnedSchedule({ minSamples: 2.5 })).toThrow(RangeError);
    expect(() => new LearnedSchedule({ minSamples: 5, maxSamples: 4 })).toThrow(RangeError);
    expect(() => new LearnedSchedule({ random: 1 as never })).toThrow(TypeError);
    expect(() => new LearnedSchedule({ fallback: "5s" as never })).toThrow(TypeError);
  });
});

interface BatchRun {
  requests: number;
  /** Detected minus ended, per task. */
  delays: number[];
  /** What the schedule learned, as a journal would keep it. */
  recorded: { key: string; durationMs: number }[];
}

/**
 * A batch in simulated time, as runBatch paces it: at most `concurrency` tasks between create and done (the
 * next one created when one ends), each checked after `nextDelay` (or, with `loopMs`, at once and then every
 * `loopMs`), status answers instant. Events are taken in time order, so this is the batch without timers.
 */
function simulateBatch(run: {
  lengths: number[];
  concurrency: number;
  key: string;
  random: () => number;
  known?: { key: string; durationMs: number }[] | undefined;
  loopMs?: number;
}): BatchRun {
  const schedule = new LearnedSchedule({ random: run.random, known: run.known });
  const waiting = [...run.lengths];
  const tasks: {
    lengthMs: number;
    createdAt: number;
    attempt: number;
    lastPending: number;
    nextAt: number;
  }[] = [];
  const result: BatchRun = { requests: 0, delays: [], recorded: [] };
  let now = 0;
  const plan = (task: (typeof tasks)[number]) => {
    const delay =
      run.loopMs === undefined
        ? schedule.nextDelay(run.key, now - task.createdAt, task.attempt)
        : task.attempt === 0
          ? 0
          : run.loopMs;
    task.nextAt = now + delay;
  };
  const create = () => {
    const lengthMs = waiting.shift();
    if (lengthMs === undefined) return;
    const task = { lengthMs, createdAt: now, attempt: 0, lastPending: 0, nextAt: 0 };
    plan(task);
    tasks.push(task);
  };
  while (tasks.length < run.concurrency && waiting.length > 0) create();
  while (tasks.length > 0) {
    const task = tasks.reduce((first, t) => (t.nextAt < first.nextAt ? t : first));
    now = task.nextAt;
    result.requests++;
    task.attempt++;
    const at = now - task.createdAt;
    if (at < task.lengthMs) {
      task.lastPending = at;
      plan(task);
      continue;
    }
    result.recorded.push({ key: run.key, durationMs: schedule.finished(run.key, task.lastPending, at) });
    result.delays.push(at - task.lengthMs);
    tasks.splice(tasks.indexOf(task), 1);
    create();
  }
  return result;
}

describe("a batch of 100 tasks of 60 s ± 10 s against a fixed 5 s loop (fixed seeds)", () => {
  const SEEDS = 20;
  const lengthsOf = (random: () => number) =>
    Array.from({ length: 100 }, () => Math.round(50_000 + 20_000 * random()));

  /** Requests summed and detection delays pooled over the seeds, for one way of running the batch. */
  function figures(concurrency: number, rerun: boolean) {
    const ours: BatchRun[] = [];
    const loop: BatchRun[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = seededRandom(seed * 31 + concurrency);
      const lengths = lengthsOf(random);
      // A previous run of other tasks of the same kind left its durations in the journal.
      const known = rerun
        ? simulateBatch({ lengths: lengthsOf(random), concurrency, key: KEY, random }).recorded
        : undefined;
      ours.push(simulateBatch({ lengths, concurrency, key: KEY, random, known }));
      loop.push(simulateBatch({ lengths, concurrency, key: KEY, random, loopMs: STEADY_MS }));
    }
    const sum = (runs: BatchRun[]) => runs.reduce((total, run) => total + run.requests, 0);
    const delays = (runs: BatchRun[]) => median(runs.flatMap((run) => run.delays));
    return {
      requestsRatio: Number((sum(ours) / sum(loop)).toFixed(2)),
      medianDelayMs: { ours: delays(ours), loop: delays(loop) },
    };
  }

  it("needs at most 0.6× the requests at concurrency 8, with a median delay no worse", () => {
    const result = figures(8, false);
    console.log(`concurrency 8: ${JSON.stringify(result)}`);
    expect(result.requestsRatio).toBeLessThanOrEqual(0.6);
    expect(result.medianDelayMs.ours).toBeLessThanOrEqual(result.medianDelayMs.loop);
  });

  it("needs at most 0.6× the requests with all 100 at once when a previous run's durations are known", () => {
    const result = figures(100, true);
    console.log(`all at once, rerun: ${JSON.stringify(result)}`);
    expect(result.requestsRatio).toBeLessThanOrEqual(0.6);
    expect(result.medianDelayMs.ours).toBeLessThanOrEqual(result.medianDelayMs.loop);
  });

  it("cannot save with all 100 started at once and nothing known, but costs no more than the loop", () => {
    // Nothing ends before ~50 s, when every task has already spent polling's default checks.
    const result = figures(100, false);
    console.log(`all at once, cold: ${JSON.stringify(result)}`);
    expect(result.requestsRatio).toBeGreaterThan(0.9);
    expect(result.requestsRatio).toBeLessThanOrEqual(1.05);
    expect(result.medianDelayMs.ours).toBeLessThanOrEqual(result.medianDelayMs.loop);
  });
});
