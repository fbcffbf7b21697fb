// A forward-only reader over a byte stream that holds only what the current read needs.
const EMPTY = new Uint8Array(0);

/**
 * Reads a `ReadableStream<Uint8Array>` front to back for the media parsers. It keeps the unread rest of the
 * current chunk and, while a read spans chunks, the few bytes asked for; skipped bytes are dropped as they
 * arrive, so a 1 GiB upload costs one chunk of memory. Past `limit` bytes it stops reading, cancels the
 * stream and marks itself `truncated`.
 */
export class ByteCursor {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #limit: number;
  #buffer: Uint8Array = EMPTY;
  #position = 0;
  #received = 0;
  #ended = false;
  #truncated = false;

  constructor(stream: ReadableStream<Uint8Array>, limit = Number.POSITIVE_INFINITY) {
    this.#reader = stream.getReader();
    this.#limit = limit;
  }

  /** Bytes consumed so far (read or skipped). */
  get position(): number {
    return this.#position;
  }

  /** Whether reading stopped at the limit while the stream had more. */
  get truncated(): boolean {
    return this.#truncated;
  }

  /** Bytes buffered now, readable without waiting. */
  get available(): number {
    return this.#buffer.length;
  }

  byteAt(index: number): number {
    return this.#buffer[index] ?? 0;
  }

  /** A view of the next `length` buffered bytes (valid until the next read). */
  peek(length: number): Uint8Array {
    return this.#buffer.subarray(0, length);
  }

  advance(length: number): void {
    const step = Math.min(length, this.#buffer.length);
    this.#buffer = this.#buffer.subarray(step);
    this.#position += step;
  }

  async #pull(): Promise<Uint8Array | undefined> {
    while (!this.#ended) {
      const { done, value } = await this.#reader.read();
      if (done) {
        this.#ended = true;
        break;
      }
      let chunk = value;
      if (this.#received + chunk.length > this.#limit) {
        chunk = chunk.subarray(0, this.#limit - this.#received);
        this.#truncated = true;
        this.#ended = true;
        await this.#reader.cancel();
      }
      this.#received += chunk.length;
      if (chunk.length > 0) return chunk;
    }
    return undefined;
  }

  /** Buffers at least `length` bytes; false when the stream ends first. */
  async ensure(length: number): Promise<boolean> {
    while (this.#buffer.length < length) {
      const chunk = await this.#pull();
      if (!chunk) return false;
      if (this.#buffer.length === 0) {
        this.#buffer = chunk;
        continue;
      }
      const joined = new Uint8Array(this.#buffer.length + chunk.length);
      joined.set(this.#buffer);
      joined.set(chunk, this.#buffer.length);
      this.#buffer = joined;
    }
    return true;
  }

  /** The next `length` bytes, copied and consumed; undefined (consuming nothing) when fewer remain. */
  async take(length: number): Promise<Uint8Array | undefined> {
    if (!(await this.ensure(length))) return undefined;
    const bytes = this.#buffer.slice(0, length);
    this.advance(length);
    return bytes;
  }

  /** Consumes up to `length` bytes without keeping them; returns how many there were. */
  async skip(length: number): Promise<number> {
    const start = this.#position;
    let left = length;
    while (left > 0) {
      if (this.#buffer.length === 0) {
        const chunk = await this.#pull();
        if (!chunk) break;
        this.#buffer = chunk;
      }
      const step = Math.min(left, this.#buffer.length);
      this.advance(step);
      left -= step;
    }
    return this.#position - start;
  }

  /** Consumes the rest of the stream (or up to the limit). */
  async drain(): Promise<void> {
    await this.skip(Number.POSITIVE_INFINITY);
  }

  /** Gives the stream back: cancelled if unfinished (a parser failed), else just unlocked. */
  async release(): Promise<void> {
    this.#buffer = EMPTY;
    if (!this.#ended) await this.#reader.cancel().catch(() => undefined);
    this.#reader.releaseLock();
  }
}
