// The delay schedule: growth to the cap, both jitters' bounds, server hints, the deadline and setTimeout's limit.
import { describe, expect, it } from "vitest";
import { nextDelay, type ScheduleOptions, scheduledDelay } from "../src/schedule.js";

const base: ScheduleOptions = {
  initialDelayMs: 1000,
  intervalMs: 1000,
  maxIntervalMs: 10_000,
  backoffFactor: 1.5,
  jitter: "none",
  random: () => 0.5,
};

describe("scheduledDelay", () => {
  it("grows by the factor up to the cap without jitter", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 50, 5000].map((attempt) => scheduledDelay(base, attempt));
    expect(delays).toEqual([1000, 1500, 2250, 3375, 5062.5, 7593.75, 10_000, 10_000, 10_000]);
  });

  it("keeps full jitter between intervalMs and the ceiling", () => {
    for (const r of [0, 0.25, 0.999_999]) {
      const options = { ...base, jitter: "full" as const, random: () => r };
      for (let attempt = 1; attempt <= 40; attempt++) {
        const ceiling = scheduledDelay(base, attempt);
        const delay = scheduledDelay(options, attempt);
        expect(delay).toBeGreaterThanOrEqual(1000);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
    const at = (r: number) => scheduledDelay({ ...base, jitter: "full", random: () => r }, 4);
    expect(at(0)).toBe(1000);
    expect(at(0.5)).toBe(1000 + 0.5 * (3375 - 1000));
  });

  it("never returns less than intervalMs even from a misbehaving random()", () => {
    const options = { ...base, jitter: "full" as const };
    expect(scheduledDelay({ ...options, random: () => -5 }, 3)).toBe(1000);
    expect(scheduledDelay({ ...options, random: () => 7 }, 3)).toBe(2250);
  });

  it("is a fixed interval with factor 1", () => {
    expect(scheduledDelay({ ...base, backoffFactor: 1 }, 30)).toBe(1000);
  });

  it("scales every delay, the first included, by a factor in [1 - j, 1 + j] with a numeric jitter", () => {
    const at = (r: number, attempt: number) =>
      scheduledDelay({ ...base, initialDelayMs: 2000, jitter: 0.1, random: () => r }, attempt);
    expect([0, 1, 4, 7].map((attempt) => at(0, attempt))).toEqual([1800, 900, 3037.5, 9000]);
    expect([0, 1, 4, 7].map((attempt) => at(0.5, attempt))).toEqual([2000, 1000, 3375, 10_000]);
    expect(at(0.999_999, 7)).toBeCloseTo(11_000, 0);
    // Out-of-range random() values are clamped to the same bounds.
    expect(at(-3, 7)).toBe(9000);
    expect(at(9, 7)).toBe(11_000);
  });

  it("sleeps exactly initialDelayMs before the first check with full jitter or none", () => {
    for (const jitter of ["full", "none", 0] as const) {
      expect(scheduledDelay({ ...base, initialDelayMs: 2000, jitter, random: () => 0.9 }, 0)).toBe(2000);
    }
  });
});

describe("nextDelay", () => {
  it("raises the delay to a server hint, capped at maxIntervalMs", () => {
    expect(nextDelay(1000, 4000, 10_000, Infinity)).toBe(4000);
    expect(nextDelay(1000, 60_000, 10_000, Infinity)).toBe(10_000);
  });

  it("never lowers the schedule for a shorter hint", () => {
    expect(nextDelay(5000, 100, 10_000, Infinity)).toBe(5000);
    expect(nextDelay(5000, 0, 10_000, Infinity)).toBe(5000);
  });

  it("ends at the deadline", () => {
    expect(nextDelay(5000, 8000, 10_000, 1234)).toBe(1234);
  });

  it("clamps to what setTimeout accepts", () => {
    expect(nextDelay(2 ** 40, undefined, Infinity, Infinity)).toBe(2 ** 31 - 1);
    expect(nextDelay(-5, undefined, 10, Infinity)).toBe(0);
    expect(nextDelay(1000, Number.NaN, 10_000, Infinity)).toBe(1000);
  });
});
