// A streaming, non-coherent FSK demodulator with 8N1 byte framing: samples in, bytes and their times out.
import { BAUD, BITS_PER_BYTE, MARK_HZ, SPACE_HZ } from "./speech-code.js";

/** A byte off the line, and the sample where its start bit began. */
export interface LineByte {
  value: number;
  startSample: number;
}

/**
 * Below this level (of a full-scale sine, 1.0) the line counts as silent: about -34 dBFS, under the
 * quietest the sandbox's speech gets, above the hiss of an idle microphone.
 */
const GATE_LEVEL = 0.02;
/** How much of the timing carries over from byte to byte (the rest comes from each start bit's crossing). */
const CARRY = 0.85;
/** The oscillators are renormalised this often, so their rounding never drifts. */
const RENORMALISE_EVERY = 4096;

/** A complex oscillator at one frequency, advanced by rotation (no sin/cos per sample). */
class Phasor {
  re = 1;
  im = 0;
  private readonly cos: number;
  private readonly sin: number;
  constructor(hz: number, sampleRate: number) {
    this.cos = Math.cos((2 * Math.PI * hz) / sampleRate);
    this.sin = Math.sin((2 * Math.PI * hz) / sampleRate);
  }
  step(): void {
    const re = this.re * this.cos - this.im * this.sin;
    this.im = this.im * this.cos + this.re * this.sin;
    this.re = re;
  }
  renormalise(): void {
    const norm = Math.hypot(this.re, this.im);
    this.re /= norm;
    this.im /= norm;
  }
}

/**
 * Each tone's energy over the last bit (a sliding window of one bit, as a running sum of the signal mixed
 * down by that tone), and their difference: positive is mark, negative space. A falling crossing of the
 * difference is half a bit after a start bit began (the window then holds half of each tone), so each byte
 * is sampled at the ends of its ten bits from there. Bytes of a frame follow back to back, so the timing
 * of one carries over to the next (see watchForStart), which averages out the noise on single crossings.
 */
export class FskDemodulator {
  private readonly bit: number;
  private readonly window: number;
  private readonly ring: Float64Array;
  private readonly mark: Phasor;
  private readonly space: Phasor;
  private readonly sums = new Float64Array(4);
  private readonly gate: number;
  private n = 0;
  private previous = 0;
  /** Sample at which the next bit of the byte being read is taken; undefined while the line is idle. */
  private nextAt: number | undefined;
  private bitIndex = 0;
  private value = 0;
  private byteStart = 0;
  private sawMark = false;
  /** Where the next byte starts if it follows the last one back to back; undefined on an idle line. */
  private predicted: number | undefined;

  constructor(
    sampleRate: number,
    private readonly onByte: (byte: LineByte) => void,
  ) {
    this.bit = sampleRate / BAUD;
    this.window = Math.max(1, Math.round(this.bit));
    this.ring = new Float64Array(this.window * 4);
    this.mark = new Phasor(MARK_HZ, sampleRate);
    this.space = new Phasor(SPACE_HZ, sampleRate);
    // A full-scale sine mixed down sums to window/2 in magnitude; the gate is on the energy (squared).
    this.gate = ((GATE_LEVEL * this.window) / 2) ** 2;
  }

  /** Feeds samples in [-1, 1]. */
  push(samples: ArrayLike<number>): void {
    for (let i = 0; i < samples.length; i++) this.step(samples[i] ?? 0);
  }

  private step(x: number): void {
    const { mark, space, ring, sums } = this;
    const slot = (this.n % this.window) * 4;
    this.slide(0, slot, x * mark.re);
    this.slide(1, slot, -x * mark.im);
    this.slide(2, slot, x * space.re);
    this.slide(3, slot, -x * space.im);
    mark.step();
    space.step();
    if (this.n % RENORMALISE_EVERY === 0) {
      mark.renormalise();
      space.renormalise();
      // The running sums are recomputed now and then too, so an hour of adds and subtracts cannot drift.
      sums.fill(0);
      for (let s = 0; s < this.window; s++)
        for (let k = 0; k < 4; k++) sums[k] = (sums[k] ?? 0) + (ring[s * 4 + k] ?? 0);
    }
    const markEnergy = (sums[0] ?? 0) ** 2 + (sums[1] ?? 0) ** 2;
    const spaceEnergy = (sums[2] ?? 0) ** 2 + (sums[3] ?? 0) ** 2;
    const difference = markEnergy - spaceEnergy;
    const audible = markEnergy + spaceEnergy > this.gate;
    this.decide(difference, audible);
    this.previous = difference;
    this.n++;
  }

  /** Replaces the oldest value of running sum `k` with `value`. */
  private slide(k: number, slot: number, value: number): void {
    const { sums, ring } = this;
    sums[k] = (sums[k] ?? 0) + value - (ring[slot + k] ?? 0);
    ring[slot + k] = value;
  }

  private decide(difference: number, audible: boolean): void {
    const n = this.n;
    if (this.nextAt === undefined) {
      this.watchForStart(n, difference, audible);
      return;
    }
    if (n < this.nextAt) return;
    const isMark = difference > 0;
    const index = this.bitIndex++;
    this.nextAt += this.bit;
    if (!audible || (index === 0 && isMark)) {
      this.idle(false); // silence, or a glitch, not a start bit
      return;
    }
    if (index >= 1 && index <= 8) {
      if (isMark) this.value |= 1 << (index - 1);
      return;
    }
    if (index === BITS_PER_BYTE - 1) {
      if (!isMark) {
        this.idle(false); // a space where the stop bit belongs: a framing error, dropped
        return;
      }
      this.onByte({ value: this.value, startSample: this.byteStart });
      this.idle(true);
      this.predicted = this.byteStart + BITS_PER_BYTE * this.bit;
    }
  }

  /**
   * On an idle line, a falling crossing after mark is a start bit, half a bit into it. Right after a byte,
   * the next one is expected back to back: its start is then a blend of that prediction and the crossing
   * (which noise moves by a few samples), and taken from the prediction alone when noise hides the
   * crossing. Carrying the timing over from byte to byte keeps the sampling points steady through a frame.
   */
  private watchForStart(n: number, difference: number, audible: boolean): void {
    const predicted = this.predicted;
    if (predicted !== undefined && n > predicted + this.bit) {
      this.predicted = undefined;
      if (audible)
        this.beginByte(predicted); // no crossing seen where it belonged: trust the clock
      else this.idle(false);
      return;
    }
    if (!audible) {
      this.sawMark = false;
      return;
    }
    if (difference > 0) {
      this.sawMark = true;
      return;
    }
    if (!(this.sawMark && this.previous > 0)) return;
    // The crossing, between this sample and the last, to a fraction of a sample.
    const measured = n - 1 + this.previous / (this.previous - difference) - this.bit / 2;
    this.predicted = undefined;
    this.beginByte(predicted === undefined ? measured : CARRY * predicted + (1 - CARRY) * measured);
  }

  private beginByte(start: number): void {
    this.byteStart = start;
    this.nextAt = start + this.bit;
    this.bitIndex = 0;
    this.value = 0;
  }

  private idle(onMark: boolean): void {
    this.nextAt = undefined;
    this.predicted = undefined;
    this.sawMark = onMark;
  }
}
