// The 44-byte RIFF/WAVE header of 16-bit PCM audio, for the sandbox's WAV answers.
/** A 44-byte canonical RIFF/WAVE header for 16-bit PCM. */
export function wavHeader(sampleRate: number, channels: number, dataBytes: number): Uint8Array {
  const header = new Uint8Array(44);
  const view = new DataView(header.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) header[offset + i] = text.charCodeAt(i);
  };
  // Sizes past 4 GiB cannot be written; 0xFFFFFFFF is the usual "streamed, length unknown" marker.
  const clamp = (n: number) => Math.min(n, 0xffffffff);
  ascii(0, "RIFF");
  view.setUint32(4, clamp(36 + dataBytes), true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true); // byte rate
  view.setUint16(32, channels * 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, clamp(dataBytes), true);
  return header;
}
