// A MediaSource and SourceBuffer stand-in for happy-dom, with Chromium's append rules and quota error.
/**
 * A MediaSource stand-in for happy-dom (which has none), faithful in what the hook relies on: `sourceopen`
 * after creation, one append at a time with `updating` and `updateend`, `endOfStream` only while open.
 */
export class FakeSourceBuffer extends EventTarget {
  updating = false;
  /** Every chunk ever appended, in order (removal does not forget them: tests compare the whole stream). */
  readonly chunks: Uint8Array[] = [];
  /** Bytes currently held; appends beyond `quota` fail like Chromium's with QuotaExceededError. */
  held = 0;
  removals = 0;

  constructor(readonly quota = Infinity) {
    super();
  }

  get buffered(): Pick<TimeRanges, "length" | "start" | "end"> {
    return { length: this.held > 0 ? 1 : 0, start: () => 0, end: () => this.held / 1000 };
  }

  appendBuffer(data: Uint8Array): void {
    if (this.updating) throw new DOMException("An append is still running", "InvalidStateError");
    if (this.held + data.byteLength > this.quota) throw new DOMException("Buffer full", "QuotaExceededError");
    this.held += data.byteLength;
    this.chunks.push(new Uint8Array(data));
    this.finishUpdate();
  }

  remove(_start: number, _end: number): void {
    this.removals++;
    this.held = 0;
    this.finishUpdate();
  }

  private finishUpdate(): void {
    this.updating = true;
    queueMicrotask(() => {
      this.updating = false;
      this.dispatchEvent(new Event("updateend"));
    });
  }

  get byteLength(): number {
    return this.chunks.reduce((total, chunk) => total + chunk.byteLength, 0);
  }
}

export class FakeMediaSource extends EventTarget {
  static readonly instances: FakeMediaSource[] = [];
  static supported = new Set(["audio/mpeg"]);
  static quota = Infinity;
  static isTypeSupported(type: string): boolean {
    return FakeMediaSource.supported.has(type);
  }

  readyState: "closed" | "open" | "ended" = "closed";
  readonly buffers: FakeSourceBuffer[] = [];
  endOfStreamCalls = 0;

  constructor() {
    super();
    FakeMediaSource.instances.push(this);
    // A real one opens once an element has taken its URL; the hook sets `src` synchronously after creating it.
    queueMicrotask(() => {
      this.readyState = "open";
      this.dispatchEvent(new Event("sourceopen"));
    });
  }

  addSourceBuffer(type: string): FakeSourceBuffer {
    if (!FakeMediaSource.isTypeSupported(type)) throw new DOMException(type, "NotSupportedError");
    const buffer = new FakeSourceBuffer(FakeMediaSource.quota);
    this.buffers.push(buffer);
    return buffer;
  }

  endOfStream(): void {
    if (this.readyState !== "open") throw new DOMException("Not open", "InvalidStateError");
    this.endOfStreamCalls++;
    this.readyState = "ended";
  }
}
