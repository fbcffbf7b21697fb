// Audio files of any length in the spec's output formats, described up front and generated as they are read.
import { formatMediaTypes, type OutputFormat } from "@camb-kit/client/spec";
import { FLAC_BLOCK_SIZE, flacByteLength, flacFrame, flacFrameCount, flacHeader } from "./flac.js";
import { mp3Chunks } from "./mp3.js";
import { encodePcm, type PcmLayout, pcmLayout } from "./pcm.js";
import { pullStream } from "./pull-stream.js";
import { createLoop, type ToneSpec } from "./tone.js";
import { wavHeader } from "./wav.js";

export interface AudioRequest extends ToneSpec {
  seconds: number;
  /** An output format of the spec; see `canRender` for the ones the sandbox can encode. */
  format: string;
  /**
   * The words spoken, carried inside the file (WAV `LIST`/`INFO`, FLAC `VORBIS_COMMENT`, MP3 ID3v2; see
   * speech-tags.ts) so that a transcription, in any process, gives them back. Raw PCM has no container
   * and so carries nothing.
   */
  text?: string;
}

export interface RenderedAudio {
  contentType: string;
  /** Known in advance for every format but mp3, so results and downloads can send Content-Length. */
  byteLength: number | undefined;
  /** A new pull-based stream of the whole file; every call starts from the beginning. */
  stream(): ReadableStream<Uint8Array>;
}

/**
 * Whether the sandbox can encode a format: wav, flac, mp3 and every pcm_* layout. Not `adts`: no well-kept
 * pure-JS AAC encoder exists, and a fake AAC stream would mislead (see the README).
 */
export function canRender(format: string): format is OutputFormat {
  return (
    Object.hasOwn(formatMediaTypes, format) &&
    (format === "wav" || format === "flac" || format === "mp3" || pcmLayout(format) !== undefined)
  );
}

const CHUNK_BYTES = 64 * 1024;

/** Header, then `dataBytes` taken round-robin from a pre-encoded one-second loop, in 64 KiB chunks. */
function* loopChunks(header: Uint8Array, loopBytes: Uint8Array, dataBytes: number): Generator<Uint8Array> {
  if (header.length > 0) yield header;
  let offset = 0;
  while (offset < dataBytes) {
    const chunk = new Uint8Array(Math.min(CHUNK_BYTES, dataBytes - offset));
    let filled = 0;
    while (filled < chunk.length) {
      const from = (offset + filled) % loopBytes.length;
      const piece = loopBytes.subarray(from, Math.min(loopBytes.length, from + chunk.length - filled));
      chunk.set(piece, filled);
      filled += piece.length;
    }
    offset += chunk.length;
    yield chunk;
  }
}

function* flacChunks(spec: ToneSpec, totalFrames: number, text?: string): Generator<Uint8Array> {
  const layout = { sampleRate: spec.sampleRate, channels: spec.channels, totalFrames, text };
  const loop = createLoop(spec);
  yield flacHeader(layout);
  const count = flacFrameCount(layout);
  const perChunk = Math.max(1, Math.floor(CHUNK_BYTES / (FLAC_BLOCK_SIZE * 2 * spec.channels)));
  for (let index = 0; index < count; index += perChunk) {
    const frames: Uint8Array[] = [];
    for (let i = index; i < Math.min(count, index + perChunk); i++)
      frames.push(flacFrame(layout, i, loop, spec.sampleRate));
    const chunk = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
    let at = 0;
    for (const frame of frames) {
      chunk.set(frame, at);
      at += frame.length;
    }
    yield chunk;
  }
}

/** Describes the audio for a request; nothing is generated until a stream is read. */
export function renderAudio(request: AudioRequest): RenderedAudio {
  const { format, sampleRate, channels, text } = request;
  if (!canRender(format)) throw new RangeError(`The sandbox cannot encode the format ${format}`);
  const totalFrames = Math.max(1, Math.round(request.seconds * sampleRate));
  const contentType = formatMediaTypes[format];
  if (format === "flac") {
    const byteLength = flacByteLength({ sampleRate, channels, totalFrames, text });
    return { contentType, byteLength, stream: () => pullStream(flacChunks(request, totalFrames, text)) };
  }
  if (format === "mp3") {
    const stream = () => pullStream(mp3Chunks(request, totalFrames, text));
    return { contentType, byteLength: undefined, stream };
  }
  // WAV carries 16-bit little-endian PCM after its header; raw PCM is samples only, with no room for a text.
  const pcm: PcmLayout = pcmLayout(format) ?? { kind: "s16", littleEndian: true, bytesPerSample: 2 };
  const dataBytes = totalFrames * channels * pcm.bytesPerSample;
  const header = format === "wav" ? wavHeader(sampleRate, channels, dataBytes, text) : new Uint8Array(0);
  return {
    contentType,
    byteLength: header.length + dataBytes,
    // The loop is encoded lazily, per stream, so describing audio costs nothing until it is read.
    stream: () => pullStream(loopChunks(header, encodePcm(createLoop(request), pcm), dataBytes)),
  };
}
