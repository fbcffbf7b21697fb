/**
 * A MediaSource stand-in for happy-dom (which has none), faithful in what the hook relies on: `sourceopen`
 * after creation, one append at a time with `updating` and `updateend`, `endOfStream` only while open.
 */
export class FakeSourceBuffer extends EventTarget {
  updating = false;
  readonly chunks: Uint8Array[] = [];

  appendBuffer(data: Uint8Array): void {
    if (this.updating) throw new DOMException("An append is still running", "InvalidStateError");
    this.updating = true;
    this.chunks.push(new Uint8Array(data));
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
    const buffer = new FakeSourceBuffer();
    this.buffers.push(buffer);
    return buffer;
  }

  endOfStream(): void {
    if (this.readyState !== "open") throw new DOMException("Not open", "InvalidStateError");
    this.endOfStreamCalls++;
    this.readyState = "ended";
  }
}
