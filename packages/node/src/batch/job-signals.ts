// The jobs' own signals, all following the batch's stop signal through one listener on it.

/** One job's signal, and `close()` for when the job has ended. */
export interface JobSignal {
  signal: AbortSignal;
  /** Drops the job's link to the batch and aborts its signal, cancelling whatever it left running. */
  close(): void;
}

/**
 * Hands each job a signal of its own that aborts when the batch stops. However many jobs run at once, the
 * stop signal carries one listener (not one a job, which passes Node's limit of 10 and warns), and a job's
 * link is dropped the moment it ends. Each job gets its own signal because fetch implementations (undici
 * among them) leave a listener on a request's signal after the response: those go with the job's signal.
 */
export class JobSignals {
  readonly #stop: AbortSignal;
  readonly #open = new Set<AbortController>();
  readonly #onStop = () => {
    for (const controller of this.#open) controller.abort(this.#stop.reason);
    this.#open.clear();
  };

  constructor(stop: AbortSignal) {
    this.#stop = stop;
    stop.addEventListener("abort", this.#onStop, { once: true });
  }

  /** A signal for a job starting now: already aborted if the batch has stopped. */
  open(): JobSignal {
    const controller = new AbortController();
    if (this.#stop.aborted) controller.abort(this.#stop.reason);
    else this.#open.add(controller);
    return {
      signal: controller.signal,
      close: () => {
        this.#open.delete(controller);
        controller.abort(new DOMException("The job has ended", "AbortError"));
      },
    };
  }

  /** Stops following the batch's signal (once every job has ended). */
  close(): void {
    this.#stop.removeEventListener("abort", this.#onStop);
  }
}
