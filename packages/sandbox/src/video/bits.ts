// A big-endian bit writer with H.264's Exp-Golomb codes, and the NAL unit wrapping (emulation prevention).

/** Writes an H.264 RBSP: fixed-width fields (`u`), Exp-Golomb codes (`ue`, `se`), then the trailing bits. */
export class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  /** `value` in `width` bits, most significant first. */
  u(width: number, value: number): this {
    for (let bit = width - 1; bit >= 0; bit--) {
      this.current = (this.current << 1) | ((value >>> bit) & 1);
      if (++this.used === 8) this.flushByte();
    }
    return this;
  }

  /** Unsigned Exp-Golomb: as many zeros as `value + 1` has bits after its leading one, then `value + 1`. */
  ue(value: number): this {
    const coded = value + 1;
    const width = 32 - Math.clz32(coded);
    return this.u(width - 1, 0).u(width, coded);
  }

  /** Signed Exp-Golomb: 0, 1, -1, 2, -2… mapped onto 0, 1, 2, 3, 4… */
  se(value: number): this {
    return this.ue(value > 0 ? 2 * value - 1 : -2 * value);
  }

  get byteAligned(): boolean {
    return this.used === 0;
  }

  /** Whole bytes, written as they are; the writer must be byte-aligned. */
  raw(bytes: ArrayLike<number>): this {
    if (!this.byteAligned) throw new Error("BitWriter.raw needs a byte-aligned position");
    for (let i = 0; i < bytes.length; i++) this.bytes.push(bytes[i] ?? 0);
    return this;
  }

  /** rbsp_trailing_bits: a stop bit, then zeros up to the byte boundary. */
  finish(): Uint8Array {
    this.u(1, 1);
    while (!this.byteAligned) this.u(1, 0);
    return Uint8Array.from(this.bytes);
  }

  private flushByte(): void {
    this.bytes.push(this.current & 0xff);
    this.current = 0;
    this.used = 0;
  }
}

/**
 * A NAL unit from its header byte and RBSP, with an emulation-prevention byte (0x03) after every two zero
 * bytes that precede a byte of 0–3, so no start code can appear inside it (H.264 7.4.1).
 */
export function nalUnit(header: number, rbsp: Uint8Array): Uint8Array {
  const out: number[] = [header];
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros === 2 && byte <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}
