// The delay between two checks: capped backoff with full jitter, raised by server hints, cut at the deadline.
import { clampDelay } from "@camb-kit/client/internal";

/** The parts of the options the delay depends on. */
export interface ScheduleOptions {
  intervalMs: number;
  maxIntervalMs: number;
  backoffFactor: number;
  jitter: "full" | "none";
  random: () => number;
}

/**
 * The sleep after the check numbered `attempt` (1 for the first check), before any hint or deadline.
 *
 * The ceiling grows as `intervalMs * backoffFactor^(attempt-1)` up to `maxIntervalMs`. Full jitter draws
 * uniformly between `intervalMs` and that ceiling (the aws waiter's rule): the floor keeps a `random()` of 0
 * from producing a zero delay, which would be a request storm.
 */
export function scheduledDelay(options: ScheduleOptions, attempt: number): number {
  const { intervalMs, maxIntervalMs, backoffFactor } = options;
  // factor^n overflows to Infinity for a large n; Math.min then simply picks the cap.
  const ceiling = Math.min(maxIntervalMs, intervalMs * backoffFactor ** Math.max(0, attempt - 1));
  if (options.jitter === "none") return ceiling;
  const r = Math.min(Math.max(options.random(), 0), 1);
  return intervalMs + r * (ceiling - intervalMs);
}

/**
 * The delay actually slept: the schedule, raised (never lowered) by a server hint capped at
 * `maxIntervalMs`, then shortened to the time left before the deadline, rounded to whole ms (timers have no
 * finer resolution) and clamped to what setTimeout accepts.
 */
export function nextDelay(
  scheduled: number,
  hintMs: number | undefined,
  maxIntervalMs: number,
  timeLeftMs: number,
): number {
  const hinted = Number.isFinite(hintMs)
    ? Math.max(scheduled, Math.min(hintMs as number, maxIntervalMs))
    : scheduled;
  return clampDelay(Math.round(Math.min(hinted, timeLeftMs)));
}
