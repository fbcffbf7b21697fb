// The batch's one create lane: creates go out one at a time, so a crash can lose the answer of one create at
// most, and a create already sent is not aborted (its task id is worth more than a quick stop).
import { observeAttempts } from "@camb-kit/client/internal";
import { createLimit } from "../limit.js";

/** One create call in the lane: its signal, and `commit()` to stop following the batch's signal. */
export interface CreateCall {
  signal: AbortSignal;
  /** From now on an abort of the batch does not abort this call: the request is out (or its upload is done). */
  commit(): void;
}

interface Current {
  signal: AbortSignal;
  commitWhenSent: boolean;
  commit(): void;
}

/**
 * Runs create calls one at a time. Each runs on a signal that follows the batch's until the request leaves
 * (the client's attempt observer sees that signal just before the request is sent), or for an upload until
 * the caller commits once every file was read whole: a server makes no task from a body it has not received,
 * and a task it made must reach the journal. After that the call runs to its answer (bounded by the client's
 * own timeout) even when the batch is aborted.
 */
export class CreateLane {
  readonly #one = createLimit(1);
  readonly #detach: () => void;
  #current: Current | undefined;

  /** Observes `camb`'s attempts; attach it after the batch's pacing, so a create waits at the gate first. */
  constructor(camb: object) {
    this.#detach = observeAttempts(camb, {
      before: (signal) => {
        const current = this.#current;
        if (current?.commitWhenSent && signal === current.signal) current.commit();
      },
    });
  }

  /**
   * Runs `send` in the lane. `commitWhenSent` false (an upload) leaves the commit to the caller. Rejects with
   * the batch signal's reason when it aborts before the call is committed.
   */
  run<T>(
    send: (call: CreateCall) => Promise<T>,
    batchSignal: AbortSignal | undefined,
    commitWhenSent: boolean,
  ): Promise<T> {
    return this.#one(async () => {
      batchSignal?.throwIfAborted();
      const controller = new AbortController();
      const onAbort = () => controller.abort(batchSignal?.reason);
      batchSignal?.addEventListener("abort", onAbort, { once: true });
      const commit = () => batchSignal?.removeEventListener("abort", onAbort);
      this.#current = { signal: controller.signal, commitWhenSent, commit };
      try {
        return await send({ signal: controller.signal, commit });
      } catch (error) {
        // An aborted request rejects with whatever the fetch implementation chose; callers get the reason.
        if (controller.signal.aborted) throw controller.signal.reason;
        throw error;
      } finally {
        this.#current = undefined;
        commit();
      }
    });
  }

  /** Stops observing the client. */
  close(): void {
    this.#detach();
  }
}
