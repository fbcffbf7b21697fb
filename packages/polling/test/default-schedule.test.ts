// The default schedule on fake timers: when the first checks happen, the steady 5 s, the jitter's bounds,
// a herd of waiters drifting apart, never more requests than a fixed 5 s loop, and the defaults' checks.
import { seededRandom } from "@camb-kit/sandbox";
import { describe, expect, it, vi } from "vitest";
import { type PollOptions, PollTimeoutError, pollTask } from "../src/index.js";
import { resolvePollOptions } from "../src/options.js";
import { useFakeTime } from "./helpers/scripted-check.js";
import { settle } from "./helpers/scripted-fetch.js";

useFakeTime();

/** A task that ends `lengthMs` after the wait starts: the times of the checks until the first that sees it. */
async function checkTimes(lengthMs: number, options: PollOptions = {}): Promise<number[]> {
  const start = Date.now();
  const calls: number[] = [];
  const check = () => {
    calls.push(Date.now() - start);
    return Date.now() - start >= lengthMs
      ? { state: "success" as const, value: "done" }
      : { state: "pending" as const };
  };
  const result = settle(pollTask(check, options));
  await vi.runAllTimersAsync();
  expect(await result).toEqual({ ok: true, value: "done" });
  return calls;
}

const gaps = (times: number[]) => times.slice(1).map((time, i) => time - (times[i] as number));
/** A random() of 0.5 puts every jittered delay exactly on the schedule. */
const onSchedule = { random: () => 0.5 };

describe("the default schedule", () => {
  it("checks first at 2.8 s, then at 5.6 s, then every 5 s", async () => {
    const times = await checkTimes(60_000, onSchedule);
    expect(times.slice(0, 4)).toEqual([2800, 5600, 10_600, 15_600]);
    expect(new Set(gaps(times).slice(1))).toEqual(new Set([5000]));
    expect(times.at(-1)).toBe(60_600);
  });

  it("never sends more status requests than a loop that checks at once and then every 5 s", async () => {
    const loopRequests = (lengthMs: number) => Math.ceil(lengthMs / 5000) + 1;
    for (let lengthMs = 100; lengthMs <= 130_000; lengthMs += 1300) {
      const requests = (await checkTimes(lengthMs, onSchedule)).length;
      expect(requests, `a task of ${lengthMs} ms`).toBeLessThanOrEqual(loopRequests(lengthMs));
    }
  });

  it("notices a task of 5 s ± 10% 0.6 s late (median), and a long one as late as the loop on average", async () => {
    const late = async (lengthMs: number) =>
      ((await checkTimes(lengthMs, onSchedule)).at(-1) as number) - lengthMs;
    const short: number[] = [];
    for (let lengthMs = 4500; lengthMs <= 5500; lengthMs += 100) short.push(await late(lengthMs));
    // The loop notices these 0–4.5 s late: at 5 s, or at 10 s.
    expect(short.sort((a, b) => a - b)[5]).toBe(600);
    expect(Math.max(...short)).toBe(1100);
    // Over whole 5 s periods of task lengths the loop is 2.5 s late on average (2.45 s on a 100 ms grid).
    const lateness: number[] = [];
    for (let lengthMs = 600_000; lengthMs < 610_000; lengthMs += 100) lateness.push(await late(lengthMs));
    expect(lateness.reduce((a, b) => a + b) / lateness.length).toBeCloseTo(2450, -1);
  });

  it("keeps every delay within ±10% of the schedule, and the steady delay's mean at 5 s", async () => {
    for (const random of [() => 0, () => 0.999_999, seededRandom(3)]) {
      const times = await checkTimes(600_000, { random });
      // The first sleep: 2.8 s, jittered or not (the loop may take it as given).
      expect(times[0]).toBeGreaterThanOrEqual(2520);
      expect(times[0]).toBeLessThanOrEqual(3080);
      const [second, ...steady] = gaps(times);
      expect(second).toBeGreaterThanOrEqual(2520);
      expect(second).toBeLessThanOrEqual(3080);
      for (const gap of steady.slice(0, -1)) {
        expect(gap).toBeGreaterThanOrEqual(4500);
        expect(gap).toBeLessThanOrEqual(5500);
      }
    }
    const steady = gaps(await checkTimes(600_000, { random: seededRandom(4) })).slice(1);
    const mean = steady.reduce((a, b) => a + b) / steady.length;
    expect(Math.abs(mean - 5000)).toBeLessThan(100);
  });

  it("spreads a herd of waiters started together, where no jitter keeps them in step", async () => {
    const herd = async (jitter: PollOptions["jitter"]) => {
      const waits = Array.from({ length: 40 }, (_, i) =>
        checkTimes(120_000, { jitter, random: seededRandom(100 + i) }),
      );
      return Promise.all(waits);
    };
    // The most waiters checking within the same 100 ms at the n-th check.
    const busiest = (herdTimes: number[][], n: number) => {
      const times = herdTimes.map((times) => times[n - 1] as number).sort((a, b) => a - b);
      return Math.max(...times.map((time) => times.filter((t) => t >= time && t < time + 100).length));
    };
    const inStep = await herd("none");
    expect(busiest(inStep, 2)).toBe(40);
    expect(busiest(inStep, 20)).toBe(40);
    // With the default ±10%, at most half the herd shares a 100 ms window at the second check, and the
    // spread keeps growing (like √n) with every check.
    const jittered = await herd(undefined);
    expect(busiest(jittered, 2)).toBeLessThanOrEqual(20);
    expect(busiest(jittered, 20)).toBeLessThanOrEqual(10);
    expect(busiest(jittered, 20)).toBeLessThan(busiest(jittered, 2));
  });
});

describe("the default options", () => {
  it("are a 2.8 s interval doubling to a 5 s cap, ±10% jitter and a one-hour deadline", () => {
    expect(resolvePollOptions({})).toMatchObject({
      initialDelayMs: 2800,
      intervalMs: 2800,
      backoffFactor: 2,
      maxIntervalMs: 5000,
      jitter: 0.1,
      timeoutMs: 3_600_000,
    });
  });

  it("give up after one hour, with a final check at the deadline", async () => {
    const calls: number[] = [];
    const check = () => {
      calls.push(Date.now());
      return { state: "pending" as const };
    };
    const result = settle(pollTask(check, onSchedule));
    await vi.runAllTimersAsync();
    const settled = await result;
    expect(settled.ok).toBe(false);
    expect((settled as { error: unknown }).error).toBeInstanceOf(PollTimeoutError);
    expect(calls.at(-1)).toBe(3_600_000);
  });

  it("lower the interval to a smaller maxIntervalMs given alone instead of rejecting it", () => {
    expect(resolvePollOptions({ maxIntervalMs: 2000 })).toMatchObject({
      intervalMs: 2000,
      initialDelayMs: 2000,
      maxIntervalMs: 2000,
    });
    expect(resolvePollOptions({ intervalMs: 8000 })).toMatchObject({
      initialDelayMs: 8000,
      maxIntervalMs: 8000,
    });
  });

  it("reject a jitter that could shrink a delay towards zero, naming it", () => {
    for (const jitter of [0.51, 1, -0.1, Number.NaN, Number.POSITIVE_INFINITY, "half"]) {
      expect(() => resolvePollOptions({ jitter } as PollOptions)).toThrow(
        new RangeError(`Invalid jitter: ${jitter}`),
      );
    }
    for (const jitter of [0, 0.5, "full", "none"] as const) {
      expect(resolvePollOptions({ jitter }).jitter).toBe(jitter);
    }
    expect(() => resolvePollOptions({ maxIntervalMs: 0 })).toThrow(
      new RangeError("Invalid maxIntervalMs: 0"),
    );
  });
});
