// One pace for a whole batch: a concurrency limit that halves when the API says "too many" and grows back
// one step at a time (AIMD), a pause for Retry-After, and a request-rate ceiling.
import { RequestGate } from "./request-gate.js";
import { WaitQueue } from "./wait-queue.js";

/*
 * Why AIMD, and why once per window.
 *
 * A 429 or 503 means the API, not one job, is overloaded, so the whole batch must slow down; each job backing
 * off on its own (what retries alone do) keeps the total rate where it was. Halving on the signal and adding one
 * slot per `limit` successes (one per "round" of the batch's slots, TCP's congestion avoidance) converges to the
 * rate the API allows and shares it fairly. The requests in flight when the first 429 arrives were sent at the
 * old rate, and their 429s say nothing new: after a decrease, further throttles count only once the window
 * (`windowMs`, or the Retry-After pause if longer: nothing new is sent during it) has passed. Successes in that
 * window do not grow the limit either, for the same reason. Only 429 and 503 are throttles: a 500 is a fault,
 * not a request to slow down, and a 4xx answer is the API keeping up.
 */

export interface AdaptiveLimitOptions {
  /** The concurrency asked for, and the most the limit grows back to. An integer >= 1. */
  max: number;
  /** The least the limit shrinks to. An integer in [1, max]; default 1. */
  min?: number;
  /** A ceiling on the requests of the whole batch per second (every attempt, retries included). Default none. */
  maxRequestsPerSecond?: number;
  /** After a decrease, throttles within this many ms (or within the pause, if longer) count once. Default 2000. */
  windowMs?: number;
  /** The longest Retry-After the whole batch pauses for, in ms. Default 60000 (the client's own retry cap). */
  maxPauseMs?: number;
  /** Clock, in epoch ms. Default Date.now. */
  now?: () => number;
  /** Told each throttle that counted (the limit after it, and the pause it started, if any). */
  onThrottle?: (info: { limit: number; retryAfterMs: number | undefined }) => void;
}

/** A batch's shared concurrency limit and request gate. */
export class AdaptiveLimit {
  readonly #max: number;
  readonly #min: number;
  readonly #windowMs: number;
  readonly #maxPauseMs: number;
  readonly #now: () => number;
  readonly #onThrottle: AdaptiveLimitOptions["onThrottle"];
  readonly #gate: RequestGate;
  readonly #slots = new WaitQueue();
  /** Fractional between whole steps: additive increase adds 1/limit per success. */
  #limit: number;
  #active = 0;
  #quietUntil = Number.NEGATIVE_INFINITY;

  constructor(options: AdaptiveLimitOptions) {
    if (typeof options !== "object" || options === null) throw new TypeError("options must be an object");
    const { max, min = 1, maxRequestsPerSecond, windowMs = 2_000, maxPauseMs = 60_000 } = options;
    const { now = Date.now, onThrottle } = options;
    if (!(Number.isInteger(max) && max >= 1)) throw new RangeError(`max must be an integer >= 1, got ${max}`);
    if (!(Number.isInteger(min) && min >= 1 && min <= max)) {
      throw new RangeError(`min must be an integer in [1, max], got ${min}`);
    }
    if (maxRequestsPerSecond !== undefined && !(maxRequestsPerSecond > 0)) {
      throw new RangeError(`maxRequestsPerSecond must be a number > 0, got ${maxRequestsPerSecond}`);
    }
    for (const [name, value] of [
      ["windowMs", windowMs],
      ["maxPauseMs", maxPauseMs],
    ] as const) {
      if (!(Number.isFinite(value) && value >= 0))
        throw new RangeError(`${name} must be a number >= 0, got ${value}`);
    }
    if (typeof now !== "function") throw new TypeError("now must be a function");
    if (onThrottle !== undefined && typeof onThrottle !== "function") {
      throw new TypeError("onThrottle must be a function");
    }
    this.#max = max;
    this.#min = min;
    this.#limit = max;
    this.#windowMs = windowMs;
    this.#maxPauseMs = maxPauseMs;
    this.#now = now;
    this.#onThrottle = onThrottle;
    this.#gate = new RequestGate(maxRequestsPerSecond === undefined ? 0 : 1_000 / maxRequestsPerSecond, now);
  }

  /** The number of slots the batch may hold at once now. */
  get limit(): number {
    return Math.floor(this.#limit);
  }

  /** The number of slots held. */
  get active(): number {
    return this.#active;
  }

  /** When the current Retry-After pause ends (epoch ms), or -Infinity when none was asked for. */
  get pausedUntil(): number {
    return this.#gate.pausedUntil;
  }

  /**
   * A slot for one step of a job (a status check, a download, a stream). Slots are handed out in the order
   * asked for; the returned function gives the slot back (calling it again does nothing). Rejects with the
   * signal's reason if it aborts while waiting.
   */
  async acquire(signal?: AbortSignal | null): Promise<() => void> {
    if (signal?.aborted) throw signal.reason;
    if (this.#slots.size > 0 || this.#active >= this.limit) await this.#slots.wait(signal);
    else this.#active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active--;
      this.#handOutSlots();
    };
  }

  /** Waits until the batch may send its next request: after any Retry-After pause, under the rate ceiling. */
  beforeRequest(signal?: AbortSignal | null): Promise<void> {
    return this.#gate.pass(signal);
  }

  /** Learns how a request ended: 429/503 slow the batch down, other answers below 500 let it speed up. */
  onResponse(status: number, retryAfterMs?: number): void {
    const now = this.#now();
    if (status === 429 || status === 503) {
      const pause =
        retryAfterMs !== undefined && retryAfterMs > 0 ? Math.min(retryAfterMs, this.#maxPauseMs) : 0;
      if (pause > 0) this.#gate.pauseUntil(now + pause);
      const pausedUntil = this.#gate.pausedUntil;
      if (now < this.#quietUntil) {
        // Same burst: a longer pause still keeps the window open until it ends.
        this.#quietUntil = Math.max(this.#quietUntil, pausedUntil);
        return;
      }
      this.#limit = Math.max(this.#min, Math.floor(this.#limit / 2));
      this.#quietUntil = Math.max(now + this.#windowMs, pausedUntil);
      this.#onThrottle?.({ limit: this.limit, retryAfterMs: pause > 0 ? pause : undefined });
      return;
    }
    if (status >= 500 || now < this.#quietUntil || this.#limit >= this.#max) return;
    this.#limit = Math.min(this.#max, this.#limit + 1 / Math.floor(this.#limit));
    this.#handOutSlots();
  }

  #handOutSlots(): void {
    while (this.#active < this.limit && this.#slots.size > 0) {
      this.#active++;
      this.#slots.serveNext();
    }
  }
}
