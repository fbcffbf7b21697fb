// Hands a file part's bytes to an analyser as a stream with backpressure, and settles what it returns.
import type { Analysis, FileAnalyser, FilePartInfo } from "./types.js";

/** Bytes queued for an analyser before the request is read no further: a few socket reads' worth. */
const QUEUE_BYTES = 1024 * 1024;

/**
 * One analyser's stream. The reader of the request pushes chunks in and, after each chunk, awaits `ready()`:
 * that is the backpressure, since the parser is synchronous and would otherwise queue the whole part here.
 * The feed stops (and `ready()` stops waiting) as soon as the analyser settles or cancels, so an analyser
 * that returns early never stalls the upload.
 */
export class AnalyserFeed {
  readonly settled: Promise<Analysis>;
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  #open = true;
  #wake: (() => void) | undefined;

  constructor(analyser: FileAnalyser, part: FilePartInfo) {
    const stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller;
        },
        pull: () => this.#release(),
        cancel: () => this.#stop(),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: QUEUE_BYTES }),
    );
    this.settled = Promise.resolve()
      .then(() => analyser(stream, part))
      .then(
        (value): Analysis => ({ ok: true, value }),
        (error: unknown): Analysis => ({ ok: false, error }),
      )
      .finally(() => this.#stop());
  }

  push(chunk: Uint8Array): void {
    if (this.#open) this.#controller.enqueue(chunk);
  }

  /** The part ended: the analyser reads what is queued, then sees the end. */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#controller.close();
  }

  /** The upload was refused or broke off: the analyser's next read fails with `reason`. */
  abort(reason: unknown): void {
    if (!this.#open) return;
    this.#open = false;
    this.#controller.error(reason);
  }

  /** Resolves once the analyser wants more (undefined when it already does, or has stopped). */
  ready(): Promise<void> | undefined {
    if (!this.#open || (this.#controller.desiredSize ?? 1) > 0) return undefined;
    return new Promise((resolve) => {
      this.#wake = resolve;
    });
  }

  #release(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #stop(): void {
    this.#open = false;
    this.#release();
  }
}
