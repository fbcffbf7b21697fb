// Changes the sample rate of a stream of interleaved float frames by linear interpolation, chunk by chunk,
// with the position and the last frame carried across chunks so the output has no seams.
//
// Linear interpolation keeps a tone's frequency exactly and costs one multiply per sample; going down it lets
// some energy above the new Nyquist fold back (about -20 dB for speech content near it), which speech
// recognisers tolerate. Speech input is mostly 44.1/48 kHz going to 16/24 kHz.
export class LinearResampler {
  private readonly step: number;
  private position = 0; // of the next output frame, in input frames, counted from `last` (frame 0) when held
  private last: Float32Array | undefined;

  constructor(
    inputRate: number,
    outputRate: number,
    private readonly channels: number,
  ) {
    this.step = inputRate / outputRate;
  }

  push(input: Float32Array): Float32Array {
    const channels = this.channels;
    const held = this.last ? 1 : 0;
    const frames = input.length / channels + held;
    if (frames < 2) {
      if (frames === 1) this.last = held ? this.last : input.slice(0, channels);
      return new Float32Array(0);
    }
    const at = (frame: number, channel: number) =>
      held && frame === 0 ? this.last![channel]! : input[(frame - held) * channels + channel]!;
    // Every output frame needs the input frame after it: frames up to (not on) the last one are made now.
    const capacity = Math.max(0, Math.ceil((frames - 1 - this.position) / this.step) + 1);
    const output = new Float32Array(capacity * channels);
    let position = this.position;
    let count = 0;
    while (position < frames - 1) {
      const frame = Math.floor(position);
      const fraction = position - frame;
      for (let channel = 0; channel < channels; channel += 1) {
        const a = at(frame, channel);
        output[count * channels + channel] = a + fraction * (at(frame + 1, channel) - a);
      }
      count += 1;
      position += this.step;
    }
    // The last input frame becomes frame 0 of the next chunk.
    this.position = position - (frames - 1);
    this.last = input.slice(input.length - channels);
    return output.subarray(0, count * channels);
  }

  /** The frame that sits exactly on the last input frame, if the stream ends there. */
  flush(): Float32Array {
    if (!this.last || this.position > 1e-9) return new Float32Array(0);
    return this.last;
  }
}
