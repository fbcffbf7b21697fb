// The RIFF/WAVE header of the sandbox's 16-bit PCM WAV answers, with the spoken text in a LIST/INFO chunk.
import { riffInfoChunk } from "./speech-tags.js";

/**
 * A RIFF/WAVE header for 16-bit PCM: `fmt `, then (when there is a text) a `LIST`/`INFO` chunk, then the
 * `data` chunk header; the samples follow. The INFO chunk goes before `data` so that a reader of a stream
 * meets the text before the audio, and so that the header, and so the file's length, is known up front.
 */
export function wavHeader(
  sampleRate: number,
  channels: number,
  dataBytes: number,
  text?: string,
): Uint8Array {
  const info = text === undefined ? new Uint8Array(0) : riffInfoChunk(text);
  const header = new Uint8Array(44 + info.length);
  const view = new DataView(header.buffer);
  const ascii = (offset: number, id: string) => {
    for (let i = 0; i < id.length; i++) header[offset + i] = id.charCodeAt(i);
  };
  // Sizes past 4 GiB cannot be written; 0xFFFFFFFF is the usual "streamed, length unknown" marker.
  const clamp = (n: number) => Math.min(n, 0xffffffff);
  ascii(0, "RIFF");
  view.setUint32(4, clamp(36 + info.length + dataBytes), true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true); // byte rate
  view.setUint16(32, channels * 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  header.set(info, 36); // even-sized, so `data` stays word-aligned as RIFF requires
  ascii(36 + info.length, "data");
  view.setUint32(40 + info.length, clamp(dataBytes), true);
  return header;
}
