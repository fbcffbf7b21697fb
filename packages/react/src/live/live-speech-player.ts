// Plays live TTS audio as segments arrive: one MediaSource stream of every segment where the browser can
// (mp3 in Chromium, the default; speech/media-source-playback.ts), else each segment decoded and queued
// gaplessly through Web Audio (wav, flac: files that cannot be appended to each other).
import { listenToPlayer, type PlayerEvent } from "../speech/audio-events.js";
import { playWithMediaSource } from "../speech/media-source-playback.js";
import { canUseMediaSource } from "../speech/playback.js";
import { AudioQueue, type QueueState } from "./audio-queue.js";

/** How live speech is played: appended to one MediaSource, or segment by segment through Web Audio. */
export type LiveSpeechPlaybackMode = "media-source" | "web-audio";

/** What the player reports: the element's or the queue's state, in the hook's terms. */
export type PlayerState = "buffering" | "playing" | "paused" | "ended";

export interface LiveSpeechPlayer {
  readonly mode: LiveSpeechPlaybackMode;
  /** One frame of a segment's audio. */
  push(data: Uint8Array, segmentId: number | undefined): void;
  /** The segment is complete (its `segment.done`). */
  segmentDone(segmentId: number): void;
  /** No more audio comes. */
  end(): void;
  release(): void;
}

export interface PlayerInput {
  audio: HTMLAudioElement;
  mimeType: string;
  /** "auto" plays through MediaSource when the browser takes the format; "web-audio" never does. */
  mode: "auto" | "web-audio";
  onState: (state: PlayerState) => void;
  onError: (error: unknown) => void;
}

const elementState: Record<Exclude<PlayerEvent, "error">, PlayerState> = {
  playing: "playing",
  waiting: "buffering",
  pause: "paused",
  ended: "ended",
};

/** Appends every segment to one MediaSource: concatenated mp3 segments are one stream. */
function mediaSourcePlayer(input: PlayerInput): LiveSpeechPlayer {
  const { audio } = input;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  // No backpressure to honour here: frames arrive at the pace speech is made, and the player appends each
  // as soon as the one before is in (evicting what has played when the buffer is full).
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const unlisten = listenToPlayer(audio, (event) => {
    if (event === "error") input.onError(audio.error ?? new Error("The audio element failed to play"));
    else input.onState(elementState[event]);
  });
  const playback = playWithMediaSource({
    audio,
    stream,
    mimeType: input.mimeType,
    onFirstAudio: () => {},
    onReady: () => void audio.play().catch(input.onError),
  });
  let open = true;
  let released = false;
  playback.done.catch((error) => {
    if (!released) input.onError(error);
  });
  return {
    mode: "media-source",
    push(data) {
      if (open) controller.enqueue(data);
    },
    segmentDone() {},
    end() {
      if (!open) return;
      open = false;
      controller.close();
    },
    release() {
      open = false;
      released = true;
      unlisten();
      playback.release();
    },
  };
}

/** Collects each segment whole (a complete file), then queues it for gapless playback. */
function webAudioPlayer(input: PlayerInput): LiveSpeechPlayer {
  const states: Record<QueueState, PlayerState> = {
    playing: "playing",
    waiting: "buffering",
    ended: "ended",
  };
  const queue = new AudioQueue((state) => input.onState(states[state]), input.onError);
  const pending = new Map<number | undefined, Uint8Array[]>();
  const flush = (segmentId: number | undefined) => {
    const frames = pending.get(segmentId);
    pending.delete(segmentId);
    if (!frames || frames.length === 0) return;
    const bytes = new Uint8Array(frames.reduce((sum, frame) => sum + frame.byteLength, 0));
    let offset = 0;
    for (const frame of frames) {
      bytes.set(frame, offset);
      offset += frame.byteLength;
    }
    queue.enqueue(bytes);
  };
  return {
    mode: "web-audio",
    push(data, segmentId) {
      const frames = pending.get(segmentId) ?? [];
      frames.push(data);
      pending.set(segmentId, frames);
    },
    segmentDone: flush,
    end() {
      for (const segmentId of [...pending.keys()]) flush(segmentId);
      queue.end();
    },
    release() {
      pending.clear();
      queue.release();
    },
  };
}

/** The player for this format and browser. */
export function createLiveSpeechPlayer(input: PlayerInput): LiveSpeechPlayer {
  return input.mode === "auto" && canUseMediaSource(input.mimeType)
    ? mediaSourcePlayer(input)
    : webAudioPlayer(input);
}
