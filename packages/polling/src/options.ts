// The polling options, their defaults, and the checks that reject a hot loop or a wait without end.
/** What `onStatus` learns besides the status itself. */
export interface StatusInfo {
  /** 1 for the first check. */
  attempt: number;
  /** Time since the wait started, in ms. */
  elapsedMs: number;
  /** The sleep before the next check, or undefined when this status ends the wait. */
  nextDelayMs: number | undefined;
}

/** Options of the generic `pollTask` core (and, through it, of every CAMB helper). */
export interface PollOptions<S = unknown> {
  /**
   * First delay between two checks, in ms; later delays grow by `backoffFactor` up to `maxIntervalMs`.
   * Default 2800 (see schedule.ts for why), or `maxIntervalMs` when that is given and smaller.
   */
  intervalMs?: number;
  /**
   * Wait before the first check, in ms. Default: `intervalMs`. A CAMB task is never done the instant it is
   * created, so checking at once only spends a request; pass 0 when resuming a task created earlier.
   */
  initialDelayMs?: number;
  /**
   * The steady delay between two checks once the backoff reaches it, in ms, before jitter (server hints are
   * capped by it too). Default 5000, or `intervalMs` when that is larger.
   */
  maxIntervalMs?: number;
  /** Growth of the delay per check. 1 means a fixed interval. Default 2: the third delay is already the cap. */
  backoffFactor?: number;
  /**
   * A number j in [0, 0.5] (default 0.1): each delay is scaled by a factor drawn uniformly in [1 − j, 1 + j],
   * so waiters started together drift apart while the average delay, and so the request count, stays the
   * schedule. Raise it (or pass "full") to spread a large herd of waiters sooner. "full": each delay after a
   * check is drawn uniformly between `intervalMs` and the backoff ceiling (more requests: the delays average
   * below the ceiling). "none" (= 0): exactly the schedule.
   */
  jitter?: number | "full" | "none";
  /** Source of randomness for the jitter, in [0, 1). Default Math.random; tests pass a fixed one. */
  random?: () => number;
  /**
   * Total time allowed, in ms, from the call to the last check. Default 3600000 (1 hour): dubbing and
   * stories take minutes, and the server ends a task that runs too long with its own TIMEOUT status, so
   * this is a backstop, not the usual end. The last sleep is shortened to end at the deadline and one final
   * check is made before `PollTimeoutError` is thrown. `Infinity` waits forever, and only when passed
   * explicitly.
   */
  timeoutMs?: number;
  /** Stops the wait: it rejects with `signal.reason` at once and sends no further request. */
  signal?: AbortSignal | undefined;
  /**
   * Called with every status seen (pending, success and failure alike). It is not awaited; an exception in
   * it, or a rejected promise it returns, goes to `onError` and does not stop the wait.
   */
  onStatus?: ((status: S, info: StatusInfo) => unknown) | undefined;
  /** Receives exceptions thrown by `onStatus`. Default: `console.warn`. */
  onError?: ((error: unknown) => void) | undefined;
  /** Consecutive transient failures of a check tolerated before the last one is thrown. Default 3. */
  maxTransientErrors?: number;
}

/** The options with their defaults filled in; `signal` and `onStatus` have none and are read as given. */
export interface ResolvedPollOptions {
  intervalMs: number;
  initialDelayMs: number;
  maxIntervalMs: number;
  backoffFactor: number;
  jitter: number | "full" | "none";
  random: () => number;
  timeoutMs: number;
  onError: (error: unknown) => void;
  maxTransientErrors: number;
}

// The default schedule: first check at 2.8 s, the second at 5.6 s, then every 5 s, each delay ±10%.
// schedule.ts explains the derivation (2 × 2.8 s × 0.9 ≥ 5 s keeps requests at or below a fixed 5 s loop's).
export const DEFAULT_INTERVAL_MS = 2_800;
export const DEFAULT_MAX_INTERVAL_MS = 5_000;
export const DEFAULT_BACKOFF_FACTOR = 2;
export const DEFAULT_JITTER = 0.1;
/** Delays never fall below half the schedule, whatever the jitter: no hot loop. */
export const MAX_JITTER = 0.5;
export const DEFAULT_TIMEOUT_MS = 3_600_000;
export const DEFAULT_MAX_TRANSIENT_ERRORS = 3;

/** Fills in defaults and rejects values that could make a hot loop or a wait without end. */
export function resolvePollOptions<S>(options: PollOptions<S>): ResolvedPollOptions {
  // A smaller maxIntervalMs given alone lowers the default interval rather than being rejected against it
  // (an invalid one is left for its own rule below to name).
  const cap = options.maxIntervalMs;
  const intervalMs =
    options.intervalMs ??
    (cap !== undefined && cap > 0 && cap < DEFAULT_INTERVAL_MS ? cap : DEFAULT_INTERVAL_MS);
  const o: ResolvedPollOptions = {
    intervalMs,
    initialDelayMs: options.initialDelayMs ?? intervalMs,
    maxIntervalMs: options.maxIntervalMs ?? Math.max(DEFAULT_MAX_INTERVAL_MS, intervalMs),
    backoffFactor: options.backoffFactor ?? DEFAULT_BACKOFF_FACTOR,
    jitter: options.jitter ?? DEFAULT_JITTER,
    random: options.random ?? Math.random,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    onError: options.onError ?? ((error) => console.warn("@camb-kit/polling: onStatus threw", error)),
    maxTransientErrors: options.maxTransientErrors ?? DEFAULT_MAX_TRANSIENT_ERRORS,
  };
  const { initialDelayMs, backoffFactor, maxTransientErrors } = o;
  const rules: [keyof ResolvedPollOptions, boolean][] = [
    // A zero interval would turn every pending status into an immediate new request.
    ["intervalMs", intervalMs > 0 && Number.isFinite(intervalMs)],
    ["initialDelayMs", initialDelayMs >= 0 && Number.isFinite(initialDelayMs)],
    ["maxIntervalMs", o.maxIntervalMs >= intervalMs],
    ["backoffFactor", backoffFactor >= 1 && Number.isFinite(backoffFactor)],
    ["jitter", validJitter(o.jitter)],
    ["timeoutMs", o.timeoutMs > 0], // Infinity waits forever
    [
      "maxTransientErrors",
      maxTransientErrors >= 0 && (Number.isInteger(maxTransientErrors) || maxTransientErrors === Infinity),
    ],
  ];
  for (const [name, ok] of rules) if (!ok) throw new RangeError(`Invalid ${name}: ${o[name]}`);
  return o;
}

/** "full", "none", or a fraction in [0, MAX_JITTER]; a larger one could shrink a delay towards zero. */
function validJitter(jitter: unknown): boolean {
  if (jitter === "full" || jitter === "none") return true;
  return typeof jitter === "number" && jitter >= 0 && jitter <= MAX_JITTER;
}
