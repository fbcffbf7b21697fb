// The sandbox's realtime speech: PCM16 whose tones carry the spoken text (speech-code.ts), for live TTS and
// realtime translation, so that live transcription of it gives the text back.
import { encodePcm } from "../audio/pcm.js";
import { wavHeader } from "../audio/wav.js";
import { speechSeconds } from "../routes/task-audio.js";
import { BAUD, frameBits, frameSeconds, MARK_HZ, SPACE_HZ, speechFrame } from "./speech-code.js";

export interface SandboxSpeechOptions {
  /** Samples per second of the PCM; the code needs at least 8000. */
  sampleRate: number;
  /**
   * How long the utterance lasts; default the sandbox's speech length for the text (60 ms a character, at
   * least a second). Never shorter than the code needs to carry the text.
   */
  seconds?: number;
}

/** A WAV fixture's options: the speech's, and silence before it. */
export interface SandboxSpeechWavOptions extends SandboxSpeechOptions {
  /**
   * Silence before the utterance, in seconds; default 0. A capture that starts late (a browser's fake
   * microphone plays its file from the moment the device opens, before the page listens) still hears all of it.
   */
  leadingSilenceSeconds?: number;
}

/** Peak level: about -14 dBFS, quiet enough to be pleasant, far above any noise floor the decoder meets. */
const PEAK = 0.2;
/** The level dips to this share of the peak between "syllables", never to silence (the decoder needs tone). */
const FLOOR = 0.7;
const SYLLABLES_PER_SECOND = 4;
/** Fades at both ends, so a segment starts and stops without a click. */
const FADE_SECONDS = 0.005;

/** The length of the utterance `renderSandboxSpeech` makes for a text (what its frame's duration says). */
export function sandboxSpeechSeconds(text: string, seconds?: number): number {
  const needed = frameSeconds(speechFrame(text, 0).length) + 2 * FADE_SECONDS;
  return Math.max(seconds ?? speechSeconds(text), needed);
}

/**
 * Mono PCM16 of an utterance speaking `text`: the frame's bits as continuous-phase FSK from the first
 * sample, then idle mark tone to the end, under a slow syllable-like swell. The frame records the
 * utterance's duration, so a decoder places the words over the whole of it.
 */
export function renderSandboxSpeech(text: string, options: SandboxSpeechOptions): Int16Array {
  const { sampleRate } = options;
  if (!(Number.isInteger(sampleRate) && sampleRate >= 8000))
    throw new RangeError(
      `The sandbox's speech needs a whole sample rate of at least 8000 Hz, got ${sampleRate}`,
    );
  const seconds = sandboxSpeechSeconds(text, options.seconds);
  const bits = frameBits(speechFrame(text, seconds));
  const total = Math.round(seconds * sampleRate);
  const fade = Math.max(1, Math.round(FADE_SECONDS * sampleRate));
  const out = new Int16Array(total);
  let phase = 0;
  for (let n = 0; n < total; n++) {
    const t = n / sampleRate;
    const bit = bits[Math.floor(t * BAUD)] ?? 1;
    phase += (2 * Math.PI * (bit ? MARK_HZ : SPACE_HZ)) / sampleRate;
    if (phase > 2 * Math.PI) phase -= 2 * Math.PI;
    const swell = FLOOR + (1 - FLOOR) * (0.5 - 0.5 * Math.cos(2 * Math.PI * SYLLABLES_PER_SECOND * t));
    const edge = Math.min(1, (n + 1) / fade, (total - n) / fade);
    out[n] = Math.round(PEAK * swell * edge * Math.sin(phase) * 32767);
  }
  return out;
}

/**
 * The same utterance as a mono 16-bit WAV file, the text also in its INFO chunk (so REST transcription of the
 * file gives it back too): a fixture for `camb listen`, a browser's fake microphone, any file-based test.
 */
export function sandboxSpeechWav(text: string, options: SandboxSpeechWavOptions): Uint8Array {
  const silence = options.leadingSilenceSeconds ?? 0;
  if (!(silence >= 0 && Number.isFinite(silence)))
    throw new RangeError(`leadingSilenceSeconds must be a number >= 0, got ${silence}`);
  const speech = renderSandboxSpeech(text, options);
  const samples = new Int16Array(Math.round(silence * options.sampleRate) + speech.length);
  samples.set(speech, samples.length - speech.length);
  const data = encodePcm(samples, { kind: "s16", littleEndian: true, bytesPerSample: 2 });
  const header = wavHeader(options.sampleRate, 1, data.length, text);
  const file = new Uint8Array(header.length + data.length);
  file.set(header, 0);
  file.set(data, header.length);
  return file;
}
