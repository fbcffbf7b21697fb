// Audio frames as live transcription takes them (linear16, linear32, A-law, μ-law; interleaved channels),
// turned into mono samples in [-1, 1], with a frame that splits a sample carried over to the next.

/** Bytes per sample of each encoding the spec's `LiveTranscriptionEncoding` names. */
const SAMPLE_BYTES: Readonly<Record<string, number>> = { linear16: 2, linear32: 4, alaw: 1, mulaw: 1 };

/** G.711 μ-law byte to a linear sample in [-1, 1]. */
function fromMulaw(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 7;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << exponent) - 0x84;
  return (u & 0x80 ? -magnitude : magnitude) / 32768;
}

/** G.711 A-law byte to a linear sample in [-1, 1]. */
function fromAlaw(byte: number): number {
  const a = byte ^ 0x55;
  const exponent = (a >> 4) & 7;
  const mantissa = a & 0x0f;
  const magnitude = exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  return (a & 0x80 ? magnitude : -magnitude) / 32768;
}

/** Reads frames of one session's audio; the sample layout comes from its query. */
export class PcmInput {
  private readonly frameBytes: number;
  private carry = new Uint8Array(0);
  /** Whole sample frames received so far (per channel), for the session's clock. */
  frames = 0;

  constructor(
    private readonly encoding: string,
    private readonly channels: number,
  ) {
    const bytes = SAMPLE_BYTES[encoding];
    if (bytes === undefined) throw new RangeError(`Unknown audio encoding ${encoding}`);
    this.frameBytes = bytes * channels;
  }

  /** The mono samples (channels averaged) of the whole sample frames received with this chunk. */
  push(chunk: Uint8Array): Float32Array {
    const bytes = this.carry.length === 0 ? chunk : concat(this.carry, chunk);
    const count = Math.floor(bytes.length / this.frameBytes);
    this.carry = bytes.slice(count * this.frameBytes);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out = new Float32Array(count);
    const width = this.frameBytes / this.channels;
    for (let frame = 0; frame < count; frame++) {
      let sum = 0;
      for (let ch = 0; ch < this.channels; ch++)
        sum += this.sample(view, (frame * this.channels + ch) * width);
      out[frame] = sum / this.channels;
    }
    this.frames += count;
    return out;
  }

  private sample(view: DataView, at: number): number {
    switch (this.encoding) {
      case "linear16":
        return view.getInt16(at, true) / 32768;
      case "linear32":
        return view.getInt32(at, true) / 2147483648;
      case "alaw":
        return fromAlaw(view.getUint8(at));
      default:
        return fromMulaw(view.getUint8(at));
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
