// The gate every request of a batch passes: closed during a Retry-After pause, and open at most `rate` times a second.
import { clampDelay } from "@camb-kit/client/internal";
import { WaitQueue } from "./wait-queue.js";

/**
 * Lets requests through one at a time, in arrival order, no sooner than `spacingMs` after the previous one
 * (a ceiling of 1000 / spacingMs requests a second in every window, bursts included: a token bucket of one)
 * and not before a pause ends. At most one timer runs, and only while someone waits.
 */
export class RequestGate {
  readonly #queue = new WaitQueue(() => this.#reschedule());
  readonly #spacingMs: number;
  readonly #now: () => number;
  #pausedUntil = Number.NEGATIVE_INFINITY;
  #nextAt = Number.NEGATIVE_INFINITY;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(spacingMs: number, now: () => number) {
    this.#spacingMs = spacingMs;
    this.#now = now;
  }

  /** When the gate next opens (epoch ms): the later of the pause's end and the rate ceiling's next slot. */
  get opensAt(): number {
    return Math.max(this.#pausedUntil, this.#nextAt);
  }

  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  /** Resolves when this request may go; rejects with the signal's reason if it aborts first. */
  pass(signal?: AbortSignal | null): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const now = this.#now();
    if (this.#queue.size === 0 && this.opensAt <= now) {
      this.#nextAt = now + this.#spacingMs;
      return Promise.resolve();
    }
    const waiting = this.#queue.wait(signal);
    this.#reschedule();
    return waiting;
  }

  /** Closes the gate until `until` (epoch ms); a pause already longer is kept. */
  pauseUntil(until: number): void {
    if (until <= this.#pausedUntil) return;
    this.#pausedUntil = until;
    this.#reschedule();
  }

  /** Serves every waiter whose turn has come, then sleeps until the next one's (or not at all). */
  #serve(): void {
    this.#timer = undefined;
    for (;;) {
      const now = this.#now();
      if (this.#queue.size === 0) return;
      if (this.opensAt > now) break;
      this.#nextAt = now + this.#spacingMs;
      this.#queue.serveNext();
    }
    this.#reschedule();
  }

  #reschedule(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#queue.size === 0) return;
    // A timer may fire a millisecond before Date.now() reaches its mark; #serve then simply sleeps again.
    const delay = Math.max(1, Math.ceil(this.opensAt - this.#now()));
    this.#timer = setTimeout(() => this.#serve(), clampDelay(delay));
  }
}
