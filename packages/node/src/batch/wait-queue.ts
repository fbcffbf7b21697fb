// A first-in, first-out line of waiters, each abortable by its own signal, for the batch's limiter and gate.

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  signal: AbortSignal | null | undefined;
  onAbort: () => void;
}

/**
 * Waiters served strictly in arrival order. A waiter whose signal aborts leaves the line at once (its promise
 * rejects with the signal's reason) and its listener is removed whichever way it leaves, so a long-lived
 * signal collects none.
 */
export class WaitQueue {
  readonly #waiters: Waiter[] = [];
  readonly #onLeave: () => void;

  /** `onLeave` runs after an aborted waiter left, so the owner can drop a timer nobody waits for any more. */
  constructor(onLeave: () => void = () => {}) {
    this.#onLeave = onLeave;
  }

  get size(): number {
    return this.#waiters.length;
  }

  /** Joins the end of the line; settles when `serveNext` reaches it, or rejects when `signal` aborts. */
  wait(signal?: AbortSignal | null): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const at = this.#waiters.indexOf(waiter);
          if (at >= 0) this.#waiters.splice(at, 1);
          reject(signal?.reason);
          this.#onLeave();
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.#waiters.push(waiter);
    });
  }

  /** Lets the first waiter go; false when the line is empty. */
  serveNext(): boolean {
    const waiter = this.#waiters.shift();
    if (!waiter) return false;
    waiter.signal?.removeEventListener("abort", waiter.onAbort);
    waiter.resolve();
    return true;
  }
}
