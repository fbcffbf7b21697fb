// useSpeechStream: plays `POST /tts-stream` as it arrives, with its status and time to first audio.
import { openSpeechStream, type StreamSpeechBody } from "@camb-kit/client";
import { useCallback, useState } from "react";
import { useCambClient } from "../provider.js";
import { useAudioElement } from "../use-audio-element.js";
import { useSessionSlot } from "../use-session-slot.js";
import { listenToPlayer, type PlayerEvent } from "./audio-events.js";
import { playAsBlob } from "./blob-playback.js";
import { playWithMediaSource } from "./media-source-playback.js";
import { canUseMediaSource, type Playback } from "./playback.js";

export type SpeechStatus = "idle" | "connecting" | "buffering" | "playing" | "paused" | "ended" | "error";

export interface SpeechStreamOptions {
  /** "auto" (default) uses MediaSource when the browser supports the format, "blob" always waits for all of it. */
  mode?: "auto" | "blob";
}

export interface SpeechStreamState {
  /** Starts `/tts-stream` and plays it, stopping what played before. Never rejects: failures land in `error`. */
  speak: (body: StreamSpeechBody) => Promise<void>;
  /** Aborts the request, detaches the player and revokes every URL. */
  stop: () => void;
  /** Attach to an `<audio>` element to play there (and show its controls); otherwise a detached one is used. */
  audioRef: (element: HTMLAudioElement | null) => void;
  status: SpeechStatus;
  playing: boolean;
  /** Waiting for audio: before the first bytes, and whenever playback stalls for data. */
  buffering: boolean;
  ended: boolean;
  error: unknown;
  /** How the current stream is played, once known. */
  mode: Playback["mode"] | undefined;
  /** The response's Content-Type, e.g. `audio/mpeg`. */
  contentType: string | undefined;
  /** From `speak()` to the first audio bytes, in ms. */
  timeToFirstAudioMs: number | undefined;
  /** From `speak()` to the element's first `playing` event, in ms. */
  timeToPlaybackMs: number | undefined;
  /** From `speak()` to the last byte of the stream, in ms. Below `timeToPlaybackMs` with the Blob fallback. */
  timeToCompleteMs: number | undefined;
}

interface Session {
  controller: AbortController;
  playback: Playback | undefined;
  unlisten: () => void;
}

interface View {
  status: SpeechStatus;
  error: unknown;
  mode: Playback["mode"] | undefined;
  contentType: string | undefined;
  timeToFirstAudioMs: number | undefined;
  timeToPlaybackMs: number | undefined;
  timeToCompleteMs: number | undefined;
}

const idle: View = {
  status: "idle",
  error: undefined,
  mode: undefined,
  contentType: undefined,
  timeToFirstAudioMs: undefined,
  timeToPlaybackMs: undefined,
  timeToCompleteMs: undefined,
};

const statusAfter: Record<Exclude<PlayerEvent, "error">, SpeechStatus> = {
  playing: "playing",
  waiting: "buffering",
  pause: "paused",
  ended: "ended",
};

/**
 * Progressive speech playback of `POST /tts-stream`. With a format MediaSource takes (mp3 -> audio/mpeg in
 * Chromium, the API's default), sound starts with the first chunk; otherwise the stream is collected into a
 * Blob first. `stop()`, a new `speak()` and unmounting abort the request and release everything.
 */
export function useSpeechStream(options: SpeechStreamOptions = {}): SpeechStreamState {
  const client = useCambClient();
  const [view, setView] = useState<View>(idle);
  const { audioRef, audioElement } = useAudioElement();
  const slot = useSessionSlot<Session>("Speech", (ending) => {
    ending.unlisten();
    ending.playback?.release();
  });
  const mode = options.mode ?? "auto";

  const stop = useCallback(() => {
    slot.release();
    setView(idle);
  }, [slot]);

  const speak = useCallback(
    async (body: StreamSpeechBody) => {
      slot.release();
      const audio = audioElement();
      const started = performance.now();
      const elapsed = () => performance.now() - started;
      const mine: Session = { controller: new AbortController(), playback: undefined, unlisten: () => {} };
      slot.hold(mine);
      // Every update is dropped once this session has been replaced or stopped.
      const update = (change: (view: View) => View) => {
        if (slot.current === mine) setView(change);
      };
      const fail = (error: unknown) => update((v) => ({ ...v, status: "error", error }));
      setView({ ...idle, status: "connecting" });
      mine.unlisten = listenToPlayer(audio, (event) => {
        if (event === "error") return fail(audio.error ?? new Error("The audio element failed to play"));
        update((v) => ({
          ...v,
          status: statusAfter[event],
          timeToPlaybackMs: event === "playing" ? (v.timeToPlaybackMs ?? elapsed()) : v.timeToPlaybackMs,
        }));
      });
      try {
        const speech = await openSpeechStream(client, body, { signal: mine.controller.signal });
        if (slot.current !== mine) return void speech.stream.cancel().catch(() => {});
        // No Content-Type: nothing to tell MediaSource, so the Blob fallback plays it and the element sniffs it.
        const mimeType = speech.contentType;
        const input = {
          audio,
          stream: speech.stream,
          mimeType,
          onFirstAudio: () => update((v) => ({ ...v, status: "buffering", timeToFirstAudioMs: elapsed() })),
          onReady: () => void audio.play().catch(fail),
        };
        const playback =
          mode === "auto" && canUseMediaSource(mimeType)
            ? playWithMediaSource({ ...input, mimeType })
            : playAsBlob(input);
        mine.playback = playback;
        update((v) => ({ ...v, mode: playback.mode, contentType: speech.contentType }));
        await playback.done;
        update((v) => ({ ...v, timeToCompleteMs: elapsed() }));
      } catch (error) {
        // An abort is ours (stop, a new speak, unmount): nothing to report.
        if (!mine.controller.signal.aborted) fail(error);
      }
    },
    [client, mode, slot, audioElement],
  );

  return {
    speak,
    stop,
    audioRef,
    ...view,
    playing: view.status === "playing",
    buffering: view.status === "connecting" || view.status === "buffering",
    ended: view.status === "ended",
  };
}
