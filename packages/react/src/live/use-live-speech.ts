// useLiveSpeech: live TTS through the app's proxy: text sent as it is typed or generated, and each segment's
// audio played as it arrives, with the session's segments and timings as state.
import { channels, formatMediaTypes, limits } from "@camb-kit/client/spec";
import {
  type LiveSpeechSession,
  type LiveSpeechStart,
  openLiveSpeech,
  type SessionOptions,
} from "@camb-kit/realtime";
import { useCallback, useRef, useState } from "react";
import { useCambClient } from "../provider.js";
import { useAudioElement } from "../use-audio-element.js";
import { useSessionSlot } from "../use-session-slot.js";
import {
  createLiveSpeechPlayer,
  type LiveSpeechPlaybackMode,
  type LiveSpeechPlayer,
} from "./live-speech-player.js";

export type LiveSpeechStatus =
  | "idle"
  | "connecting"
  | "ready"
  | "buffering"
  | "playing"
  | "paused"
  | "ended"
  | "error";

/** One segment the server speaks: a sentence of the text, as `segment.start` announced it. */
export interface LiveSpeechSegment {
  id: number;
  text: string;
  /** "speaking" from its `segment.start`, "done" at its `segment.done`, or "skipped". */
  state: "speaking" | "done" | "skipped";
}

export interface LiveSpeechOptions {
  /** "auto" (default) plays through MediaSource when the browser takes the format, else through Web Audio. */
  mode?: "auto" | "web-audio";
  /** Passed to `openLiveSpeech` (timeouts, buffer sizes, a WebSocket class); the hook owns the signal. */
  sessionOptions?: Omit<SessionOptions, "signal">;
}

export interface LiveSpeechState {
  /**
   * Opens a session with `config` (its `session.start`: `voice_id`, `language`, `output_format`…), stopping
   * the one before. Resolves once it is ready, or has failed (into `error`); never rejects.
   */
  start: (config: LiveSpeechStart) => Promise<void>;
  /**
   * Sends text to speak (as typed, or as a model generates it): the server speaks each sentence once it is
   * complete. Waits while the connection is behind. Failures land in `error`; rejects only with a TypeError
   * when no session was started.
   */
  sendText: (text: string) => Promise<void>;
  /** No more text: the rest is spoken. Resolves once the session has ended (all audio received). */
  finish: () => Promise<void>;
  /** Closes the session now and releases the player. */
  stop: () => void;
  /** Attach to an `<audio>` element to play there (MediaSource playback); otherwise a detached one is used. */
  audioRef: (element: HTMLAudioElement | null) => void;
  status: LiveSpeechStatus;
  playing: boolean;
  /** Waiting for audio: while connecting, before the first segment, and whenever playback runs dry. */
  buffering: boolean;
  ended: boolean;
  error: unknown;
  /** How the session's audio is played, once started. */
  mode: LiveSpeechPlaybackMode | undefined;
  /** From `session.ready`. */
  sessionId: string | undefined;
  runId: number | undefined;
  segments: LiveSpeechSegment[];
  /** From the first `sendText()` to the first audio byte, in ms. */
  timeToFirstAudioMs: number | undefined;
}

interface Current {
  controller: AbortController;
  session: LiveSpeechSession;
  player: LiveSpeechPlayer;
  events: Promise<void>;
  firstTextAt: number | undefined;
}

type View = Pick<
  LiveSpeechState,
  "status" | "error" | "mode" | "sessionId" | "runId" | "segments" | "timeToFirstAudioMs"
>;

const idle: View = {
  status: "idle",
  error: undefined,
  mode: undefined,
  sessionId: undefined,
  runId: undefined,
  segments: [],
  timeToFirstAudioMs: undefined,
};

/** The media type of the session's audio: its start message's format field, or that field's default. */
function audioMediaType(config: LiveSpeechStart): string {
  // Read when a session starts, not at import: a bundle without this hook keeps none of these tables.
  const field = channels.liveSpeech.audioOut.formatField;
  const format = config[field] ?? limits.LiveSpeechSessionStart[field].default;
  return formatMediaTypes[format as keyof typeof formatMediaTypes];
}

/**
 * Live TTS (`openLiveSpeech` from @camb-kit/realtime) with the client from `CambProvider`: point its
 * `baseUrl` at the app's `createCambProxy` (with `liveSpeech` allowed) and the page never holds the key.
 * `stop()`, a new `start()` and unmounting close the session and release the audio.
 */
export function useLiveSpeech(options: LiveSpeechOptions = {}): LiveSpeechState {
  const client = useCambClient();
  const [view, setView] = useState<View>(idle);
  const { audioRef, audioElement } = useAudioElement();
  const slot = useSessionSlot<Current>("Live speech", (ending) => ending.player.release());
  const mode = options.mode ?? "auto";
  const sessionOptions = useRef(options.sessionOptions);
  sessionOptions.current = options.sessionOptions;

  const stop = useCallback(() => {
    slot.release();
    setView(idle);
  }, [slot]);

  const start = useCallback(
    async (config: LiveSpeechStart) => {
      slot.release();
      const audio = audioElement();
      const controller = new AbortController();
      // Every update is dropped once this session has been replaced or stopped.
      let mine: Current | undefined;
      const update = (change: (view: View) => View) => {
        if (mine && slot.current === mine) setView(change);
      };
      const fail = (error: unknown) => {
        if (!controller.signal.aborted) update((v) => ({ ...v, status: "error", error }));
      };
      let player: LiveSpeechPlayer;
      try {
        // Made here, in the call a click started: browsers let audio start from a user gesture.
        player = createLiveSpeechPlayer({
          audio,
          mimeType: audioMediaType(config),
          mode,
          onState: (state) => update((v) => (v.status === "error" ? v : { ...v, status: state })),
          onError: fail,
        });
      } catch (error) {
        // No way to play it (no Web Audio): nothing is opened.
        return setView({ ...idle, status: "error", error });
      }
      const session = openLiveSpeech(client, config, {
        ...sessionOptions.current,
        signal: controller.signal,
      });
      mine = { controller, session, player, events: Promise.resolve(), firstTextAt: undefined };
      const self = mine;
      slot.hold(self);
      setView({ ...idle, status: "connecting", mode: player.mode });

      const segment = (id: number, change: Partial<LiveSpeechSegment>) =>
        update((v) => ({ ...v, segments: v.segments.map((s) => (s.id === id ? { ...s, ...change } : s)) }));
      self.events = (async () => {
        let first = true;
        for await (const event of session) {
          if (event.type === "audio") {
            if (first && self.firstTextAt !== undefined) {
              const elapsed = performance.now() - self.firstTextAt;
              update((v) => ({ ...v, timeToFirstAudioMs: elapsed }));
            }
            if (first) update((v) => (v.status === "ready" ? { ...v, status: "buffering" } : v));
            first = false;
            player.push(event.data, event.segment_id);
          } else if (event.type === "segment.start") {
            const added = { id: event.segment_id, text: event.text, state: "speaking" as const };
            update((v) => ({ ...v, segments: [...v.segments, added] }));
          } else if (event.type === "segment.done") {
            player.segmentDone(event.segment_id);
            segment(event.segment_id, { state: "done" });
          } else if (event.type === "segment.skipped") {
            segment(event.segment_id, { state: "skipped" });
          } else if (event.type === "session.done") {
            player.end();
          }
        }
        player.end();
      })().catch(fail);

      try {
        const ready = await session.ready;
        update((v) => ({
          ...v,
          status: v.status === "connecting" ? "ready" : v.status,
          sessionId: ready.session_id,
          runId: ready.run_id,
        }));
      } catch (error) {
        fail(error);
      }
    },
    [client, mode, slot, audioElement],
  );

  const sendText = useCallback(
    (text: string) => {
      const session = slot.current;
      if (!session) return Promise.reject(new TypeError("useLiveSpeech: call start() before sendText()"));
      session.firstTextAt ??= performance.now();
      return session.session.sendText(text).catch((error: unknown) => {
        if (!session.controller.signal.aborted && slot.current === session)
          setView((v) => ({ ...v, status: "error", error }));
      });
    },
    [slot],
  );

  const finish = useCallback(async () => {
    const session = slot.current;
    if (!session) return;
    try {
      await session.session.finish();
    } catch (error) {
      if (!session.controller.signal.aborted && slot.current === session)
        setView((v) => ({ ...v, status: "error", error }));
    }
    await session.events;
  }, [slot]);

  return {
    start,
    sendText,
    finish,
    stop,
    audioRef,
    ...view,
    playing: view.status === "playing",
    buffering: view.status === "connecting" || view.status === "ready" || view.status === "buffering",
    ended: view.status === "ended",
  };
}
