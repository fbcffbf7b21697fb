// Reads a FLAC file's length from its STREAMINFO block, to check the browser's duration against the file.
/**
 * The length of a FLAC file in seconds, from its STREAMINFO block: total samples / sample rate. Read from
 * the bytes themselves, so the browser's `duration` is checked against the file, not against a formula.
 */
export function flacDuration(bytes: Uint8Array): number {
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (magic !== "fLaC") throw new Error(`not a FLAC file (starts with ${JSON.stringify(magic)})`);
  // "fLaC", a 4-byte block header, then STREAMINFO: 10 bytes of block/frame sizes, then 20 bits of sample
  // rate, 3 of channels, 5 of bits per sample and 36 of total samples.
  const info = new DataView(bytes.buffer, bytes.byteOffset + 8, 18);
  const sampleRate = (info.getUint32(10) >>> 12) & 0xfffff;
  const totalSamples = (info.getUint8(13) & 0x0f) * 2 ** 32 + info.getUint32(14);
  if (sampleRate === 0 || totalSamples === 0) throw new Error("STREAMINFO has no sample rate or length");
  return totalSamples / sampleRate;
}
