// Cuts a byte stream into frames of one size (the last one shorter), whatever sizes the chunks come in.

export class FrameChunker {
  private frame: Uint8Array;
  private filled = 0;

  /** `align`: the final short frame is cut to a multiple of it (whole samples of every channel). */
  constructor(
    private readonly frameBytes: number,
    private readonly align: number,
  ) {
    this.frame = new Uint8Array(frameBytes);
  }

  push(bytes: Uint8Array): Uint8Array[] {
    const frames: Uint8Array[] = [];
    let offset = 0;
    while (offset < bytes.length) {
      const taken = Math.min(this.frameBytes - this.filled, bytes.length - offset);
      this.frame.set(bytes.subarray(offset, offset + taken), this.filled);
      this.filled += taken;
      offset += taken;
      if (this.filled === this.frameBytes) {
        frames.push(this.frame);
        this.frame = new Uint8Array(this.frameBytes);
        this.filled = 0;
      }
    }
    return frames;
  }

  /** What is left, as a last short frame, or undefined when nothing is. */
  flush(): Uint8Array | undefined {
    const length = this.filled - (this.filled % this.align);
    this.filled = 0;
    return length > 0 ? this.frame.slice(0, length) : undefined;
  }
}
