// Raw PCM layouts named as the spec's `pcm_*` formats spell them (pcm_s16le, pcm_f32be…), and the encoder.

export interface PcmLayout {
  kind: "s16" | "s32" | "f32";
  littleEndian: boolean;
  bytesPerSample: number;
}

/** The layout a format name describes (`pcm_s32be` -> 32-bit signed, big-endian); undefined for others. */
export function pcmLayout(format: string): PcmLayout | undefined {
  const match = /^pcm_(s16|s32|f32)(le|be)$/.exec(format);
  if (!match) return undefined;
  const kind = match[1] as PcmLayout["kind"];
  return { kind, littleEndian: match[2] === "le", bytesPerSample: kind === "s16" ? 2 : 4 };
}

/** Encodes 16-bit samples into a layout (s32 is the same signal scaled up, f32 normalised to [-1, 1)). */
export function encodePcm(samples: Int16Array, layout: PcmLayout): Uint8Array {
  const size = layout.bytesPerSample;
  const out = new Uint8Array(samples.length * size);
  const view = new DataView(out.buffer);
  const little = layout.littleEndian;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] ?? 0;
    if (layout.kind === "s16") view.setInt16(i * 2, s, little);
    else if (layout.kind === "s32") view.setInt32(i * 4, s * 65536, little);
    else view.setFloat32(i * 4, s / 32768, little);
  }
  return out;
}
