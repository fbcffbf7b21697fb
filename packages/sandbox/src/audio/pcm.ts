/** The raw PCM layouts `/tts-stream` offers (`pcm_*`), and how to write a 16-bit source into each. */
export type PcmFormat = "pcm_s16le" | "pcm_s16be" | "pcm_s32le" | "pcm_s32be" | "pcm_f32le" | "pcm_f32be";

export const PCM_FORMATS: readonly PcmFormat[] = [
  "pcm_s16le",
  "pcm_s16be",
  "pcm_s32le",
  "pcm_s32be",
  "pcm_f32le",
  "pcm_f32be",
];

export function isPcmFormat(value: string): value is PcmFormat {
  return (PCM_FORMATS as readonly string[]).includes(value);
}

export function bytesPerSample(format: PcmFormat): number {
  return format.includes("16") ? 2 : 4;
}

/** Encodes 16-bit samples into the given layout (s32 is the same signal scaled up, f32 normalised). */
export function encodePcm(samples: Int16Array, format: PcmFormat): Uint8Array {
  const size = bytesPerSample(format);
  const out = new Uint8Array(samples.length * size);
  const view = new DataView(out.buffer);
  const little = format.endsWith("le");
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] ?? 0;
    if (format.startsWith("pcm_s16")) view.setInt16(i * 2, s, little);
    else if (format.startsWith("pcm_s32")) view.setInt32(i * 4, s * 65536, little);
    else view.setFloat32(i * 4, s / 32768, little);
  }
  return out;
}
