// The delay between two checks: a short warm-up, then a steady interval with proportional jitter.
import { clampDelay } from "@camb-kit/client/internal";

/*
 * Why the defaults are what they are (options.ts holds the numbers).
 *
 * The baseline every user compares against is CAMB's own examples: check at once, then every 5 s (CAMB's
 * Python poller waits 5 s between checks too). For a task of length T that costs ⌈T/5⌉ + 1 requests and notices
 * the end, on average, 2.5 s late. Without knowing T, no schedule beats that on both counts for long tasks
 * (fewer checks means later detection), so the aim is to match it there and win on short tasks:
 *
 * 1. Steady interval I = maxIntervalMs = 5 s. Dubbing and stories take minutes, so almost all of their
 *    checks happen here; the same interval as the loop gives the same requests (T/I) and delay (I/2).
 * 2. The loop's check at 0 s is wasted: a CAMB task is never done the instant it is created. That one check
 *    is the whole budget of the warm-up. Two checks, at c and 2c, replace the loop's checks at 0 and I;
 *    as long as 2c ≥ I, a task that ends at T > 2c gets 2 + ⌈(T − 2c)/I⌉ ≤ ⌈T/I⌉ + 1 requests, never
 *    more than the loop, for any T. In options: `initialDelayMs = intervalMs = c`, and `backoffFactor = 2`
 *    turns the third delay (2c) into the cap I.
 * 3. c is as small as that rule allows once jitter is counted: 2c(1 − j) ≥ I, so c = I / (2(1 − j)) =
 *    2.78 s for j = 0.1, rounded up to 2.8 s. A task of about one interval (5 s) is then noticed ~0.6 s late
 *    instead of up to 5 s, and one that takes under 2.8 s by the first check.
 * 4. Jitter is proportional and small (±10%): each delay is scaled by a factor drawn in [1 − j, 1 + j],
 *    so its mean stays the schedule and so does the request count. Waiters started together drift apart
 *    (the spread of the n-th check grows like j·I·√(n/3)). A larger j, or "full" jitter (uniform between
 *    intervalMs and the backoff ceiling, the aws waiters' rule), spreads a big herd sooner; "full" averages
 *    (intervalMs + maxIntervalMs) / 2 per delay, i.e. more requests, so both stay opt-ins for herds.
 */

/** The parts of the options the delay depends on. */
export interface ScheduleOptions {
  initialDelayMs: number;
  intervalMs: number;
  maxIntervalMs: number;
  backoffFactor: number;
  /** A fraction in [0, 0.5] (proportional), "none" (= 0) or "full". */
  jitter: number | "full" | "none";
  random: () => number;
}

/**
 * The sleep after the check numbered `attempt` (1 for the first check; 0 for the sleep before it), before
 * any hint or deadline.
 *
 * The ceiling grows as `intervalMs * backoffFactor^(attempt-1)` up to `maxIntervalMs`. A numeric jitter j
 * scales it by a factor uniform in [1 − j, 1 + j]. Full jitter draws uniformly between `intervalMs` and the
 * ceiling; the floor keeps a `random()` of 0 from producing a zero delay, which would be a request storm.
 * The sleep before the first check is `initialDelayMs`, scaled by a numeric jitter only.
 */
export function scheduledDelay(options: ScheduleOptions, attempt: number): number {
  const { intervalMs, maxIntervalMs, backoffFactor, jitter } = options;
  const first = attempt < 1;
  // factor^n overflows to Infinity for a large n; Math.min then simply picks the cap.
  const ceiling = first
    ? options.initialDelayMs
    : Math.min(maxIntervalMs, intervalMs * backoffFactor ** (attempt - 1));
  if (jitter === "none" || jitter === 0 || (first && jitter === "full")) return ceiling;
  // A misbehaving random() (outside [0, 1)) must not leave the bounds either.
  const r = Math.min(Math.max(options.random(), 0), 1);
  if (jitter === "full") return intervalMs + r * (ceiling - intervalMs);
  return ceiling * (1 + jitter * (2 * r - 1));
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
