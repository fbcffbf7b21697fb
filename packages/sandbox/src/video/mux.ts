// Muxes a one-colour H.264 picture and the sandbox's MP3 tone into MP4, MOV or Matroska with mediabunny.
import { mp3Chunks } from "../audio/mp3.js";
import { pullStream } from "../audio/pull-stream.js";
import type { ToneSpec } from "../audio/tone.js";
import type { VideoContainer } from "./containers.js";
import { encodeStill } from "./h264.js";

/** A thumbnail-sized 16:9 picture: the video track only has to exist, so it costs next to nothing. */
export const PICTURE_SIZE = { width: 64, height: 36 } as const;

/** One frame a second, every frame a keyframe: about 400 bytes a second, and any second is a seek point. */
export const FRAMES_PER_SECOND = 1;

/**
 * Samples of silence a decoder puts before lamejs's first input sample: LAME's encoder delay (576) plus the
 * MP3 decoder's filterbank delay (529), the same at every sample rate (measured with ffmpeg). The audio
 * packets start this much before zero, so the tone lines up with the picture: MP4 and MOV cut it with an
 * edit list, Matroska with negative block timestamps.
 */
const MP3_CODEC_DELAY = 1105;

export interface MuxRequest {
  container: VideoContainer;
  /** Audio frames (samples per channel) of the tone; the video lasts as long. */
  totalFrames: number;
  audio: ToneSpec;
}

/** A colour per seed, so each language's video looks different: fixed luma, a hue on the chroma circle. */
export function pictureColour(seed: number): [number, number, number] {
  const hue = ((seed % 360) / 180) * Math.PI;
  return [110, Math.round(128 + 48 * Math.cos(hue)), Math.round(128 + 48 * Math.sin(hue))];
}

/**
 * Reads a stream to its end. The MP3 goes through the audio's pullStream, which waits for a turn of the
 * event loop every few milliseconds: encoding a minute takes about a second, and the sandbox (a server, or
 * msw inside a page) must keep answering meanwhile.
 */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The whole file, in memory: MP4 and MOV get their index (moov) in front and Matroska its duration and cues,
 * which a streamed (fragmented, append-only) file would lack. That is bounded: about 9 KB a second at 24 kHz
 * mono, 17 KB at 44.1 kHz stereo.
 *
 * The audio is MP3, the one compressed codec the sandbox can encode that all three containers carry (no
 * pure-JS AAC encoder exists). lamejs writes the frames; mediabunny's own MP3 reader splits them into
 * timed packets, so no hand-written frame parser is needed. mediabunny is imported on first use: only
 * video requests pay for loading it.
 */
export async function muxVideo({ container, totalFrames, audio }: MuxRequest): Promise<Uint8Array> {
  const mb = await import("mediabunny");
  const mp3Bytes = await readAll(pullStream(mp3Chunks(audio, totalFrames)));
  const mp3 = new mb.Input({ source: new mb.BufferSource(mp3Bytes), formats: [mb.MP3] });
  const target = new mb.BufferTarget();
  const output = new mb.Output({
    format:
      container === "mkv"
        ? new mb.MkvOutputFormat()
        : container === "mov"
          ? new mb.MovOutputFormat()
          : new mb.Mp4OutputFormat(),
    target,
  });
  try {
    const track = await mp3.getPrimaryAudioTrack();
    const audioConfig = await track?.getDecoderConfig();
    if (!track || !audioConfig) throw new Error("mediabunny found no MP3 audio in the encoded tone");
    const video = new mb.EncodedVideoPacketSource("avc");
    const sound = new mb.EncodedAudioPacketSource("mp3");
    output.addVideoTrack(video);
    output.addAudioTrack(sound);
    await output.start();

    const still = encodeStill({ ...PICTURE_SIZE, colour: pictureColour(audio.seed) });
    const { codec, codedWidth, codedHeight, description } = still;
    const seconds = totalFrames / audio.sampleRate;
    const pictures = Math.ceil(seconds * FRAMES_PER_SECOND);
    let next = 0;
    // Packets go in in time order across the tracks, so the muxer interleaves them as it goes.
    const addPicturesUpTo = async (time: number) => {
      for (; next < pictures && next / FRAMES_PER_SECOND <= time; next++) {
        const start = next / FRAMES_PER_SECOND;
        const duration = Math.min(1 / FRAMES_PER_SECOND, seconds - start); // the last one ends with the audio
        const packet = new mb.EncodedPacket(still.frames[next % 2 === 0 ? 0 : 1], "key", start, duration);
        await video.add(
          packet,
          next === 0 ? { decoderConfig: { codec, codedWidth, codedHeight, description } } : undefined,
        );
      }
    };
    const delay = MP3_CODEC_DELAY / audio.sampleRate;
    let first = true;
    for await (const frame of new mb.EncodedPacketSink(track).packets()) {
      const start = frame.timestamp - delay;
      if (start >= seconds) break; // LAME's end padding: nothing of the tone is left
      // The frame that crosses the end is cut short, so the container states the requested length.
      const packet = frame.clone({ timestamp: start, duration: Math.min(frame.duration, seconds - start) });
      await addPicturesUpTo(start);
      await sound.add(packet, first ? { decoderConfig: audioConfig } : undefined);
      first = false;
    }
    await addPicturesUpTo(Number.POSITIVE_INFINITY);
    await output.finalize();
    if (!target.buffer) throw new Error("mediabunny finalized the video without a buffer");
    return new Uint8Array(target.buffer);
  } catch (error) {
    if (output.state === "started") await output.cancel();
    throw error;
  } finally {
    mp3.dispose();
  }
}
