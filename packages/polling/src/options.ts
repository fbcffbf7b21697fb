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
  /** First delay between two checks, in ms; later delays grow by `backoffFactor`. Default 1000. */
  intervalMs?: number;
  /**
   * Wait before the first check, in ms. Default: `intervalMs`. A CAMB task is never done the instant it is
   * created, so checking at once only spends a request; pass 0 when resuming a task created earlier.
   */
  initialDelayMs?: number;
  /** Largest delay between two checks, in ms (server hints are capped by it too). Default 10000. */
  maxIntervalMs?: number;
  /** Growth of the delay per check. 1 means a fixed interval. Default 1.5. */
  backoffFactor?: number;
  /**
   * "full" (default): each delay is drawn uniformly between `intervalMs` and the backoff ceiling, so many
   * waiters started together spread out. "none": exactly the ceiling. Never below `intervalMs` either way.
   */
  jitter?: "full" | "none";
  /** Source of randomness for the jitter, in [0, 1). Default Math.random; tests pass a fixed one. */
  random?: () => number;
  /**
   * Total time allowed, in ms, from the call to the last check. Default 600000 (10 minutes). The last sleep
   * is shortened to end at the deadline and one final check is made before `PollTimeoutError` is thrown.
   * `Infinity` waits forever, and only when passed explicitly.
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
  jitter: "full" | "none";
  random: () => number;
  timeoutMs: number;
  onError: (error: unknown) => void;
  maxTransientErrors: number;
}

export const DEFAULT_INTERVAL_MS = 1_000;
export const DEFAULT_MAX_INTERVAL_MS = 10_000;
export const DEFAULT_BACKOFF_FACTOR = 1.5;
export const DEFAULT_TIMEOUT_MS = 600_000;
export const DEFAULT_MAX_TRANSIENT_ERRORS = 3;

/** Fills in defaults and rejects values that could make a hot loop or a wait without end. */
export function resolvePollOptions<S>(options: PollOptions<S>): ResolvedPollOptions {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const o: ResolvedPollOptions = {
    intervalMs,
    initialDelayMs: options.initialDelayMs ?? intervalMs,
    maxIntervalMs: options.maxIntervalMs ?? Math.max(DEFAULT_MAX_INTERVAL_MS, intervalMs),
    backoffFactor: options.backoffFactor ?? DEFAULT_BACKOFF_FACTOR,
    jitter: options.jitter ?? "full",
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
    ["jitter", o.jitter === "full" || o.jitter === "none"],
    ["timeoutMs", o.timeoutMs > 0], // Infinity waits forever
    [
      "maxTransientErrors",
      maxTransientErrors >= 0 && (Number.isInteger(maxTransientErrors) || maxTransientErrors === Infinity),
    ],
  ];
  for (const [name, ok] of rules) if (!ok) throw new RangeError(`Invalid ${name}: ${o[name]}`);
  return o;
}
