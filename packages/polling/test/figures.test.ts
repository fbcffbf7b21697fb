// The figure quoted in the README: a task that takes 60 s, polled with the default settings. Computed from the
// real schedule in simulated time (status requests answer instantly), over many seeds of the jitter; one
// seed is replayed through pollTask on fake timers to prove the simulation matches the loop.

import { seededRandom } from "@camb-kit/sandbox";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pollTask } from "../src/index.js";
import { resolvePollOptions } from "../src/options.js";
import { nextDelay, scheduledDelay } from "../src/schedule.js";

const TASK_MS = 60_000;
const SEEDS = 10_000;

/** The times of the checks until the first one at or after TASK_MS. */
function simulate(random: () => number, jitter?: "none"): number[] {
  const options = resolvePollOptions({ jitter, random });
  const times = [nextDelay(scheduledDelay(options, 0), undefined, Infinity, Infinity)];
  while ((times.at(-1) as number) < TASK_MS) {
    const delay = nextDelay(
      scheduledDelay(options, times.length),
      undefined,
      options.maxIntervalMs,
      Infinity,
    );
    times.push((times.at(-1) as number) + delay);
  }
  return times;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

afterEach(() => {
  vi.useRealTimers();
});

describe("a 60 s task with the default settings", () => {
  it("matches pollTask itself", async () => {
    vi.useFakeTimers({ now: 0 });
    const expected = simulate(seededRandom(7));
    const calls: number[] = [];
    const check = () => {
      calls.push(Date.now());
      return Date.now() >= TASK_MS
        ? { state: "success" as const, value: "done" }
        : { state: "pending" as const };
    };
    const result = pollTask(check, { random: seededRandom(7) });
    await vi.runAllTimersAsync();
    await result;
    expect(calls).toEqual(expected);
  });

  it("needs no more requests than a fixed 5 s loop and notices completion within one jittered interval", () => {
    const fixed = simulate(() => 0, "none");
    const requests: number[] = [];
    const lateness: number[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const times = simulate(seededRandom(seed));
      requests.push(times.length);
      lateness.push((times.at(-1) as number) - TASK_MS);
    }
    requests.sort((a, b) => a - b);
    lateness.sort((a, b) => a - b);
    const figures = {
      withoutJitter: { requests: fixed.length, lateMs: (fixed.at(-1) as number) - TASK_MS },
      defaultJitter: {
        seeds: SEEDS,
        requests: { min: requests[0], median: quantile(requests, 0.5), max: requests.at(-1) },
        lateMs: {
          median: Math.round(quantile(lateness, 0.5)),
          p95: Math.round(quantile(lateness, 0.95)),
          worst: Math.round(lateness.at(-1) as number),
        },
      },
    };
    console.log(`60 s task, default settings: ${JSON.stringify(figures, null, 2)}`);

    // 2.8 s, 5.6 s, then every 5 s: 60.6 s is the 13th check; the loop (0 s, then every 5 s) needs 14.
    expect(figures.withoutJitter).toEqual({ requests: 13, lateMs: 600 });
    const { maxIntervalMs, jitter } = resolvePollOptions({});
    // A check can never be later than one jittered steady interval after completion.
    expect(figures.defaultJitter.lateMs.worst).toBeLessThanOrEqual(maxIntervalMs * (1 + Number(jitter)));
    expect(figures.defaultJitter.requests.median).toBeLessThanOrEqual(14);
  });
});
