// Video files with the sandbox's tone as their audio track, described up front and rendered when first read.
import { MP3_SAMPLE_RATES } from "../audio/mp3.js";
import { pullStream } from "../audio/pull-stream.js";
import type { RenderedAudio } from "../audio/render.js";
import type { ToneSpec } from "../audio/tone.js";
import { canRenderVideo, videoContentTypes } from "./containers.js";
import { muxVideo } from "./mux.js";

export interface VideoRequest {
  seconds: number;
  /** A video output format of the spec; see `canRenderVideo` for the ones the sandbox can write. */
  container: string;
  /** The audio track: the sandbox's tone for this seed, MP3-encoded (so an MP3 sample rate, 1 or 2 channels). */
  audio: ToneSpec;
}

/**
 * The same shape as RenderedAudio, so a route serves audio and video alike. `byteLength` is undefined: the
 * size is known only once the file has been muxed.
 */
export type RenderedMedia = RenderedAudio;

/** The longest video the sandbox renders: the file is built in memory (about 9–17 KB a second). */
export const MAX_VIDEO_SECONDS = 600;

const CHUNK_BYTES = 64 * 1024;

async function* slices(file: () => Promise<Uint8Array>): AsyncGenerator<Uint8Array> {
  const bytes = await file();
  // Copies, so a reader that writes into its chunks cannot change what the next stream() sends.
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.slice(at, at + CHUNK_BYTES);
}

/**
 * Describes a video; nothing is rendered until a stream is read. The first stream() renders the whole file
 * (MP3 encoding dominates: about 1 s per minute of 24 kHz mono) and the object keeps it, so every later
 * stream() sends the same bytes (a re-render would differ: MP4 and MOV stamp their creation time).
 */
export function renderVideo(request: VideoRequest): RenderedMedia {
  const { container, seconds, audio } = request;
  if (!canRenderVideo(container))
    throw new RangeError(`The sandbox cannot write the video format ${container}`);
  if (!(seconds > 0 && seconds <= MAX_VIDEO_SECONDS))
    throw new RangeError(
      `A sandbox video lasts more than 0 and at most ${MAX_VIDEO_SECONDS} s, not ${seconds}`,
    );
  if (!MP3_SAMPLE_RATES.includes(audio.sampleRate) || (audio.channels !== 1 && audio.channels !== 2))
    throw new RangeError(`MP3 cannot carry ${audio.channels} channels at ${audio.sampleRate} Hz`);
  const totalFrames = Math.max(1, Math.round(seconds * audio.sampleRate));
  let file: Promise<Uint8Array> | undefined;
  // Started by the first read, not by stream(): a stream that is never read renders nothing.
  const rendered = () => {
    file ??= muxVideo({ container, totalFrames, audio });
    return file;
  };
  return {
    contentType: videoContentTypes[container],
    byteLength: undefined,
    stream: () => pullStream(slices(rendered)),
  };
}
