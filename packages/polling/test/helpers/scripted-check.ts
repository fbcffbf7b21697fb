// Poll checks that replay scripted outcomes, the outcomes themselves, and fake time from 0 for a test file.
import { afterEach, beforeEach, vi } from "vitest";
import type { CheckContext, CheckOutcome } from "../../src/index.js";

export type Outcome = CheckOutcome<string, string>;

/** A check that replays outcomes (the last repeats) and records when it was called. */
export function scriptedCheck(outcomes: Outcome[]) {
  const calls: number[] = [];
  const check = vi.fn((_context: CheckContext) => {
    calls.push(Date.now());
    return outcomes[Math.min(calls.length - 1, outcomes.length - 1)] as Outcome;
  });
  return { check, calls };
}

export const pendingOutcome: Outcome = { state: "pending", status: "PENDING" };
export const doneOutcome: Outcome = { state: "success", value: "result", status: "DONE" };
/** No jitter: delays are exactly the backoff schedule, so tests can name the millisecond. */
export const fixed = {
  jitter: "none",
  initialDelayMs: 1000,
  intervalMs: 1000,
  backoffFactor: 1.5,
  maxIntervalMs: 10_000,
} as const;

/** Fake timers starting at time 0 for every test of the calling file. */
export function useFakeTime(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
