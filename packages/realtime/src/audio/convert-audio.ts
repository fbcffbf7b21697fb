// Turns audio input of any supported form into the frames a session sends: WAV or declared raw PCM decoded,
// downmixed, resampled and encoded to PCM16 at the session's rate, cut into frames of `frameMs`.
import { AudioFormatError } from "../errors.js";
import {
  type AudioInputFormat,
  checkRawFormat,
  PCM16_ENCODING,
  type RawAudioFormat,
  type SessionAudioFormat,
} from "./audio-format.js";
import { type AudioSource, audioChunks } from "./audio-source.js";
import { FrameChunker } from "./frame-chunker.js";
import { LinearResampler } from "./linear-resampler.js";
import { downmix, encodePcm16, SampleDecoder } from "./sample-decoder.js";
import { WavReader } from "./wav-reader.js";

/** Bytes in, bytes out: one stage of the conversion, with what it holds back given out at the end. */
interface Stage {
  push(bytes: Uint8Array): Uint8Array[];
  end(): Uint8Array[];
}

const passThrough: Stage = { push: (bytes) => [bytes], end: () => [] };

/** PCM16 at `target` from `format`, or the bytes as they are when they already are that. */
function pcm16Stage(format: RawAudioFormat, target: SessionAudioFormat): Stage {
  if (target.encoding !== PCM16_ENCODING) {
    throw new AudioFormatError(
      `this session takes ${target.encoding} audio and camb-kit converts only to ${PCM16_ENCODING}: send ${target.encoding} bytes with no format, or open the session with ${PCM16_ENCODING}`,
    );
  }
  if (format.channels !== target.channels && target.channels !== 1) {
    throw new AudioFormatError(
      `cannot turn ${format.channels}-channel audio into ${target.channels} channels`,
    );
  }
  if (
    format.encoding === "s16le" &&
    format.sampleRate === target.sampleRate &&
    format.channels === target.channels
  ) {
    return passThrough;
  }
  const decoder = new SampleDecoder(format);
  const channels = target.channels;
  const resampler =
    format.sampleRate === target.sampleRate
      ? undefined
      : new LinearResampler(format.sampleRate, target.sampleRate, channels);
  return {
    push(bytes) {
      const mixed =
        format.channels === channels ? decoder.push(bytes) : downmix(decoder.push(bytes), format.channels);
      return [encodePcm16(resampler ? resampler.push(mixed) : mixed)];
    },
    end: () => (resampler ? [encodePcm16(resampler.flush())] : []),
  };
}

/** A WAV stream: the header read first, then its samples through the PCM16 stage. */
function wavStage(target: SessionAudioFormat): Stage {
  const reader = new WavReader();
  let samples: Stage | undefined;
  const forward = (parts: Uint8Array[]) => {
    if (parts.length === 0) return [];
    samples ??= pcm16Stage(reader.format!, target);
    return parts.flatMap((part) => samples!.push(part));
  };
  return {
    push: (bytes) => forward(reader.push(bytes)),
    end() {
      reader.end();
      samples ??= pcm16Stage(reader.format!, target);
      return samples.end();
    },
  };
}

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(a.length + b.length);
  bytes.set(a);
  bytes.set(b, a.length);
  return bytes;
}

const isWav = (head: Uint8Array) =>
  String.fromCharCode(...head.subarray(0, 4)) === "RIFF" &&
  String.fromCharCode(...head.subarray(8, 12)) === "WAVE";

/**
 * The stage for `format`; with none, the first bytes decide: a WAV header means WAV, anything else is taken
 * to be in the session's own format already and sent as it is.
 */
function stageFor(format: AudioInputFormat | undefined, head: Uint8Array, target: SessionAudioFormat): Stage {
  if (format === "wav") return wavStage(target);
  if (format) {
    checkRawFormat(format);
    return pcm16Stage(format, target);
  }
  return isWav(head) ? wavStage(target) : passThrough;
}

export interface ConvertAudioOptions {
  format?: AudioInputFormat | undefined;
  /** Length of each frame sent, in ms of audio. Default 50. */
  frameMs?: number | undefined;
}

/** Frames of ready-to-send audio for a session taking `target`, read from `source` as it comes. */
export async function* sessionAudioFrames(
  source: AudioSource,
  target: SessionAudioFormat,
  options: ConvertAudioOptions = {},
): AsyncGenerator<Uint8Array> {
  const frameMs = options.frameMs ?? 50;
  if (!(frameMs >= 10 && frameMs <= 1000)) throw new RangeError(`Invalid frameMs: ${frameMs} (10 to 1000)`);
  const align = 2 * target.channels;
  const chunker = new FrameChunker(
    Math.max(1, Math.round((target.sampleRate * frameMs) / 1000)) * align,
    align,
  );
  let stage: Stage | undefined;
  let head: Uint8Array = new Uint8Array(0);
  for await (const chunk of audioChunks(source)) {
    if (stage) {
      for (const part of stage.push(chunk)) yield* chunker.push(part);
      continue;
    }
    // Twelve bytes tell a WAV file (RIFF, size, WAVE); gather them before deciding.
    head = head.length ? joined(head, chunk) : chunk;
    if (head.length < 12 && options.format === undefined) continue;
    stage = stageFor(options.format, head, target);
    for (const part of stage.push(head)) yield* chunker.push(part);
  }
  if (!stage) {
    // Input shorter than a WAV header: raw audio in the session's format (or nothing at all).
    stage = stageFor(options.format, head, target);
    for (const part of stage.push(head)) yield* chunker.push(part);
  }
  for (const part of stage.end()) yield* chunker.push(part);
  const last = chunker.flush();
  if (last) yield last;
}
