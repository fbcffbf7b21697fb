// The events a session received and its consumer has not read yet, with their size counted: past the limit
// the queue asks its source to stop reading (or fails it) before memory grows without bound; read down to
// half, it lets reading resume. It also keeps the way the session ended.

type Ending = { kind: "done" } | { kind: "error"; error: unknown };

/** How the queue slows its source down. */
export interface FlowControl {
  /** Stop reading from the network; false when the source cannot (the standard WebSocket API). */
  pause(): boolean;
  resume(): void;
  /** The limit was passed and reading cannot stop: the session must end. */
  overflow(queuedBytes: number): void;
}

/** A single-consumer queue that an async iterator reads: events in order, then the end or the error. */
export class EventQueue<T> {
  private items: { event: T; bytes: number }[] = [];
  private head = 0;
  private ending: Ending | undefined;
  private waiter: ((result: IteratorResult<T>) => void) | undefined;
  private waiterFail: ((error: unknown) => void) | undefined;
  /** Bytes of the events waiting to be read. */
  queuedBytes = 0;
  /** Whether the source was asked to stop reading. */
  paused = false;

  constructor(
    private readonly maxBytes: number,
    private readonly flow: FlowControl,
  ) {}

  push(event: T, bytes: number): void {
    if (this.ending) return;
    if (this.waiter) {
      const resolve = this.waiter;
      this.clearWaiter();
      resolve({ value: event, done: false });
      return;
    }
    this.items.push({ event, bytes });
    this.queuedBytes += bytes;
    if (this.queuedBytes <= this.maxBytes || this.paused) return;
    if (this.flow.pause()) this.paused = true;
    else this.flow.overflow(this.queuedBytes);
  }

  /** Ends the queue once what it holds is read: normally, or with `error`. The first ending counts. */
  end(error?: unknown): void {
    if (this.ending) return;
    this.ending = error === undefined ? { kind: "done" } : { kind: "error", error };
    if (this.waiter && this.head >= this.items.length) this.settleWaiter();
  }

  /** Ends at once with `error`, dropping what was not read (an abort: the caller wants nothing more). */
  abort(error: unknown): void {
    this.items = [];
    this.head = 0;
    this.queuedBytes = 0;
    this.ending = { kind: "error", error };
    this.settleWaiter();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.head < this.items.length) {
      const item = this.items[this.head]!;
      this.head += 1;
      this.queuedBytes -= item.bytes;
      // Drop read entries now and then rather than shift() on every read (O(n) each).
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      if (this.paused && this.queuedBytes <= this.maxBytes / 2) {
        this.paused = false;
        this.flow.resume();
      }
      return Promise.resolve({ value: item.event, done: false });
    }
    if (this.ending) return this.finish();
    return new Promise((resolve, reject) => {
      this.waiter = resolve;
      this.waiterFail = reject;
    });
  }

  private finish(): Promise<IteratorResult<T>> {
    const ending = this.ending!;
    // An error is thrown once; the iterator is done after it.
    this.ending = { kind: "done" };
    return ending.kind === "error"
      ? Promise.reject(ending.error)
      : Promise.resolve({ value: undefined, done: true });
  }

  private settleWaiter(): void {
    if (!this.waiter) return;
    const resolve = this.waiter;
    const reject = this.waiterFail!;
    this.clearWaiter();
    this.finish().then(resolve, reject);
  }

  private clearWaiter(): void {
    this.waiter = undefined;
    this.waiterFail = undefined;
  }
}
