// The save pipeline's counting stage: progress, the idle timeout, and the check against the expected size.
import { Transform, type TransformCallback } from "node:stream";
import { IdleTimeoutError, TruncatedStreamError } from "./errors.js";

export interface Progress {
  bytes: number;
  /** The expected total when known (Content-Length, Blob size…), otherwise undefined. */
  totalBytes: number | undefined;
}

export interface ByteMeterOptions {
  expectedBytes?: number | undefined;
  idleTimeoutMs?: number | undefined;
  onProgress?: ((progress: Progress) => void) | undefined;
}

/**
 * A pass-through stage of the save pipeline that counts bytes, reports progress, fails a stalled stream
 * (`idleTimeoutMs` without a chunk, first byte included) and checks the total against `expectedBytes` when
 * the source ends: a short body is a `TruncatedStreamError`, never a silently short file.
 */
export class ByteMeter extends Transform {
  bytes = 0;
  readonly #expected: number | undefined;
  readonly #onProgress: ByteMeterOptions["onProgress"];
  #timer: NodeJS.Timeout | undefined;

  constructor(options: ByteMeterOptions) {
    // 64 KiB, the size of a typical socket read: one chunk in flight per stage instead of a stall per chunk.
    super({ highWaterMark: 64 * 1024 });
    this.#expected = options.expectedBytes;
    this.#onProgress = options.onProgress;
    const idle = options.idleTimeoutMs;
    if (idle !== undefined && idle > 0 && Number.isFinite(idle)) {
      // Destroying the meter fails the whole pipeline, which destroys (cancels) the source.
      this.#timer = setTimeout(() => this.destroy(new IdleTimeoutError(idle)), idle);
    }
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#timer?.refresh();
    this.bytes += chunk.byteLength;
    if (this.#expected !== undefined && this.bytes > this.#expected) {
      callback(new RangeError(`Received more than the ${this.#expected} expected bytes`));
      return;
    }
    try {
      this.#onProgress?.({ bytes: this.bytes, totalBytes: this.#expected });
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.#stopTimer();
    if (this.#expected !== undefined && this.bytes < this.#expected) {
      callback(new TruncatedStreamError(this.#expected, this.bytes));
      return;
    }
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#stopTimer();
    callback(error);
  }

  #stopTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
