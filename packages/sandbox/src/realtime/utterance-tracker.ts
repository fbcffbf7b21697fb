// What a listening session has heard, as audio time passes: the sandbox's own utterances word by word (their
// text decoded from the sound), and placeholder sentences for stretches of other audible audio.
import { SandboxSpeechDecoder } from "./speech-decoder.js";

export interface HeardWord {
  word: string;
  start: number;
  end: number;
  confidence: number;
}

export interface HeardUtterance {
  /** Seconds of session audio. */
  start: number;
  seconds: number;
  words: HeardWord[];
  confidence: number;
}

/** Words heard of an utterance so far (`final`: all of it, and the utterance is closed). */
export interface Heard {
  final: boolean;
  utterance: HeardUtterance;
  words: HeardWord[];
}

/** A stretch of other audio becomes a placeholder sentence every this many seconds (REST cues are 7 s at most). */
const PLACEHOLDER_SECONDS = 5;
/** ...and a shorter one only at the end of a stretch, if it lasts this long. */
const MIN_PLACEHOLDER_SECONDS = 1;
/** Audio this recent is not judged yet: the decoder finds an utterance about 0.1 s after it begins. */
const DECODE_LAG_SECONDS = 0.5;
/** Audibility is judged in blocks this long; a stretch with less than half of them audible is silence. */
const BLOCK_SECONDS = 0.1;
const AUDIBLE_RMS = 0.01;
/** Float time of a decoded start is exact to a few milliseconds; an utterance ends within this of its time. */
const END_TOLERANCE = 0.02;
const SPEECH_CONFIDENCE = 0.99;
const PLACEHOLDER_CONFIDENCE = 0.5;

/** Words spread over an utterance's time in proportion to their length (a space counts as a character). */
export function timedWords(text: string, start: number, seconds: number, confidence: number): HeardWord[] {
  const words = text.split(/\s+/u).filter(Boolean);
  const total = words.reduce((n, word) => n + word.length + 1, 0);
  let at = 0;
  return words.map((word) => {
    const from = start + (at / total) * seconds;
    at += word.length + 1;
    const to = start + ((at - 1) / total) * seconds;
    return { word, start: round(from), end: round(to), confidence };
  });
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

/**
 * Feeds a session's mono audio to the sandbox speech decoder and keeps the clock: an utterance's words are
 * heard once their time has passed (interim results), the utterance closes when its time is over (final).
 * Audible audio that is no sandbox speech becomes "Sandbox transcript, segment N." sentences, the REST
 * sandbox's placeholder. Memory is bounded: the decoder's frame, pending utterances, a stretch's blocks.
 */
export class UtteranceTracker {
  private readonly decoder: SandboxSpeechDecoder | undefined;
  private readonly pending: { utterance: HeardUtterance; heard: number }[] = [];
  private received = 0;
  private claimedUntil = 0;
  private stretchStart = 0;
  private blocks: boolean[] = [];
  private blockEnergy = 0;
  private blockSamples = 0;
  private readonly blockLength: number;
  private placeholders = 0;

  constructor(private readonly sampleRate: number) {
    // Below 8 kHz the code's tones cannot be carried: everything heard is placeholder.
    this.decoder = sampleRate >= 8000 ? new SandboxSpeechDecoder(sampleRate) : undefined;
    this.blockLength = Math.max(1, Math.round(BLOCK_SECONDS * sampleRate));
  }

  /** Seconds of audio received. */
  get seconds(): number {
    return this.received;
  }

  push(samples: Float32Array): Heard[] {
    const out: Heard[] = [];
    for (const found of this.decoder?.push(samples) ?? []) {
      this.closeStretch(found.start, out);
      const utterance = {
        start: found.start,
        seconds: found.seconds,
        words: timedWords(found.text, found.start, found.seconds, SPEECH_CONFIDENCE),
        confidence: SPEECH_CONFIDENCE,
      };
      this.pending.push({ utterance, heard: 0 });
      this.claimedUntil = Math.max(this.claimedUntil, found.start + found.seconds);
      this.stretchStart = Math.max(this.stretchStart, this.claimedUntil);
    }
    this.measure(samples);
    this.received += samples.length / this.sampleRate;
    this.hear(out);
    this.judgeStretch(out);
    return out;
  }

  /** Everything not yet final, as heard so far (the words begun before the audio ended), then nothing more. */
  finish(): Heard[] {
    const out: Heard[] = [];
    this.hear(out);
    for (const entry of this.pending.splice(0)) {
      const words = entry.utterance.words.filter((word) => word.start < this.received);
      out.push({ final: true, utterance: entry.utterance, words });
    }
    this.closeStretch(this.received, out);
    return out;
  }

  /** Interim results for words whose time has passed; finals for utterances whose time is over. */
  private hear(out: Heard[]): void {
    while (this.pending.length > 0) {
      const entry = this.pending[0] as (typeof this.pending)[number];
      const { utterance } = entry;
      if (this.received + END_TOLERANCE >= utterance.start + utterance.seconds) {
        this.pending.shift();
        out.push({ final: true, utterance, words: utterance.words });
        continue;
      }
      const heard = utterance.words.filter((word) => word.end <= this.received).length;
      if (heard > entry.heard) {
        entry.heard = heard;
        out.push({ final: false, utterance, words: utterance.words.slice(0, heard) });
      }
      return;
    }
  }

  /** Audibility of the audio past the claimed time, in blocks. */
  private measure(samples: Float32Array): void {
    for (let i = 0; i < samples.length; i++) {
      const x = samples[i] ?? 0;
      this.blockEnergy += x * x;
      if (++this.blockSamples < this.blockLength) continue;
      const blockEnd = this.received + (i + 1) / this.sampleRate;
      if (blockEnd > this.stretchStart + BLOCK_SECONDS / 2)
        this.blocks.push(Math.sqrt(this.blockEnergy / this.blockSamples) > AUDIBLE_RMS);
      this.blockEnergy = 0;
      this.blockSamples = 0;
    }
  }

  /** Full placeholder windows of a stretch, once the decoder has had time to find speech in them. */
  private judgeStretch(out: Heard[]): void {
    while (this.received - DECODE_LAG_SECONDS - this.stretchStart >= PLACEHOLDER_SECONDS) {
      const count = Math.round(PLACEHOLDER_SECONDS / BLOCK_SECONDS);
      this.placeholder(this.stretchStart, PLACEHOLDER_SECONDS, this.blocks.splice(0, count), out);
      this.stretchStart += PLACEHOLDER_SECONDS;
    }
  }

  /** Ends the current stretch at `end` (where an utterance begins, or the audio ends). */
  private closeStretch(end: number, out: Heard[]): void {
    const seconds = end - this.stretchStart;
    if (seconds >= MIN_PLACEHOLDER_SECONDS) {
      const count = Math.round(seconds / BLOCK_SECONDS);
      this.placeholder(this.stretchStart, seconds, this.blocks.slice(0, count), out);
    }
    this.blocks = [];
    this.stretchStart = Math.max(this.stretchStart, end);
  }

  private placeholder(start: number, seconds: number, blocks: boolean[], out: Heard[]): void {
    const audible = blocks.filter(Boolean).length;
    if (blocks.length === 0 || audible < blocks.length / 2) return;
    const text = `Sandbox transcript, segment ${++this.placeholders}.`;
    const words = timedWords(text, start, seconds, PLACEHOLDER_CONFIDENCE);
    out.push({
      final: true,
      utterance: { start, seconds, words, confidence: PLACEHOLDER_CONFIDENCE },
      words,
    });
  }
}
