// Float audio at the device's rate to PCM16 mono at a session's rate, in chunks: the AudioWorklet's work.
// Self-contained on purpose (no imports, no outer names): its source is shipped into the worklet as it is.

/**
 * Downmixes, resamples (linear interpolation, continuous across blocks) and encodes to 16-bit little-endian
 * PCM, and hands out chunks of `chunkFrames` output frames. One instance per stream: it carries the phase
 * and the last input sample from block to block, so block edges add no clicks.
 */
export class Pcm16Encoder {
  private readonly step: number;
  private position = 0;
  private previous = 0;
  private readonly chunk: Int16Array;
  private filled = 0;

  constructor(
    inputRate: number,
    outputRate: number,
    private readonly chunkFrames: number,
  ) {
    if (!(inputRate > 0) || !(outputRate > 0) || !(chunkFrames >= 1))
      throw new RangeError("Pcm16Encoder needs positive rates and a chunk size");
    this.step = inputRate / outputRate;
    this.chunk = new Int16Array(chunkFrames);
  }

  /** Takes one block (one Float32Array per channel, same length); returns the chunks it completed. */
  push(channels: readonly Float32Array[]): ArrayBuffer[] {
    const done: ArrayBuffer[] = [];
    const length = channels.length === 0 ? 0 : channels[0]!.length;
    const mono = new Float32Array(length);
    for (const channel of channels)
      for (let i = 0; i < length; i++) mono[i]! += channel[i]! / channels.length;
    // `position` is in input samples of this block; -1 is the last sample of the block before, so an output
    // sample falling between two blocks is interpolated like any other.
    while (this.position <= length - 1) {
      const index = Math.floor(this.position);
      const fraction = this.position - index;
      const before = index < 0 ? this.previous : mono[index]!;
      const sample = fraction === 0 ? before : before + (mono[index + 1]! - before) * fraction;
      const clamped = Math.max(-1, Math.min(1, sample));
      this.chunk[this.filled++] = clamped < 0 ? Math.round(clamped * 0x8000) : Math.round(clamped * 0x7fff);
      if (this.filled === this.chunkFrames) {
        done.push(this.bytes());
        this.filled = 0;
      }
      this.position += this.step;
    }
    if (length > 0) {
      this.previous = mono[length - 1]!;
      this.position -= length;
    }
    return done;
  }

  /** The frames of the chunk not yet complete, when the stream ends; empty when there are none. */
  flush(): ArrayBuffer {
    const rest = this.bytes(this.filled);
    this.filled = 0;
    return rest;
  }

  private bytes(frames = this.chunkFrames): ArrayBuffer {
    const out = new ArrayBuffer(frames * 2);
    const view = new DataView(out);
    for (let i = 0; i < frames; i++) view.setInt16(i * 2, this.chunk[i]!, true);
    return out;
  }
}
