// useRealtimeTranslation: speech-to-speech translation through the app's proxy: the microphone in (PCM16 at
// the channel's rate), what was heard and its translation as state, the translated speech played as it comes.
import { channels, type components } from "@camb-kit/client/spec";
import {
  openRealtimeTranslation,
  type RealtimeTranslationEvent,
  type RealtimeTranslationSession,
  type RealtimeTranslationSettings,
  type SessionOptions,
} from "@camb-kit/realtime";
import { useCallback, useRef, useState } from "react";
import { useCambClient } from "../provider.js";
import { useSessionSlot } from "../use-session-slot.js";
import { AudioQueue } from "./audio-queue.js";
import { type Microphone, openMicrophone } from "./microphone.js";
import { sendCaptured } from "./send-captured.js";
import { foldTurns, type TranslationTurn } from "./translation-turns.js";

export type RealtimeTranslationStatus = "idle" | "starting" | "listening" | "stopping" | "done" | "error";

export interface RealtimeTranslationOptions {
  /** `getUserMedia` audio constraints. Default `{ channelCount: 1 }`. */
  audio?: MediaTrackConstraints | boolean;
  /** Play the translated speech (Web Audio, as it arrives). Default true. */
  playback?: boolean;
  /** Passed to `openRealtimeTranslation` (timeouts, buffer sizes, a WebSocket class); the hook owns the signal. */
  sessionOptions?: Omit<SessionOptions, "signal">;
  /** Every event of the session, as it comes (translated audio included). */
  onEvent?: (event: RealtimeTranslationEvent) => void;
}

export interface RealtimeTranslationState {
  /**
   * Opens a session with `settings` (`source_language`, `target_language`, `model`, `voice`…) and captures
   * the microphone (or `stream`, whose tracks it then leaves running), stopping the session before.
   * Resolves once audio flows, or it failed (into `error`); never rejects.
   */
  start: (settings: RealtimeTranslationSettings, stream?: MediaStream) => Promise<void>;
  /**
   * Stops capturing, sends the audio still held, then closes the session (the protocol has no end message:
   * a translation still being made is dropped; wait for the last turn's `done` to keep it). Never rejects.
   */
  stop: () => Promise<void>;
  /** Ends the session, the capture and the playback now. */
  cancel: () => void;
  status: RealtimeTranslationStatus;
  listening: boolean;
  /** From `session.created`. */
  session: components["schemas"]["RealtimeTranslationSessionInfo"] | undefined;
  /** Each utterance heard and its translation, in order. */
  turns: TranslationTurn[];
  /** Translated speech is sounding. */
  speaking: boolean;
  error: unknown;
}

interface Current {
  controller: AbortController;
  session: RealtimeTranslationSession;
  microphone: Microphone | undefined;
  player: AudioQueue | undefined;
  stopping: boolean;
}

type View = Pick<RealtimeTranslationState, "status" | "session" | "turns" | "speaking" | "error">;

const idle: View = { status: "idle", session: undefined, turns: [], speaking: false, error: undefined };

/**
 * Realtime translation (`openRealtimeTranslation` from @camb-kit/realtime, beta) with the client from
 * `CambProvider`: point its `realtimeBaseUrl` at the app's `createCambProxy` (with `realtimeTranslation`
 * allowed: it puts the key into the first message) and the page never holds the key.
 */
export function useRealtimeTranslation(options: RealtimeTranslationOptions = {}): RealtimeTranslationState {
  const client = useCambClient();
  const [view, setView] = useState<View>(idle);
  const slot = useSessionSlot<Current>("Realtime translation", (ending) => {
    ending.microphone?.release();
    ending.player?.release();
  });
  const latest = useRef(options);
  latest.current = options;

  const cancel = useCallback(() => {
    slot.release();
    setView(idle);
  }, [slot]);

  const start = useCallback(
    async (settings: RealtimeTranslationSettings, stream?: MediaStream) => {
      slot.release();
      const { audio, playback, sessionOptions, onEvent } = latest.current;
      const controller = new AbortController();
      const session = openRealtimeTranslation(client, settings, {
        ...sessionOptions,
        signal: controller.signal,
      });
      const mine: Current = {
        controller,
        session,
        microphone: undefined,
        player: undefined,
        stopping: false,
      };
      slot.hold(mine);
      const update = (change: (view: View) => View) => {
        if (slot.current === mine) setView(change);
      };
      const fail = (error: unknown) => {
        if (controller.signal.aborted) return;
        update((v) => ({ ...v, status: "error", error }));
        mine.microphone?.release();
        void session.close();
      };
      if (playback !== false) {
        mine.player = new AudioQueue(
          (state) => update((v) => ({ ...v, speaking: state === "playing" })),
          fail,
        );
      }
      setView({ ...idle, status: "starting" });

      void (async () => {
        for await (const event of session) {
          onEvent?.(event);
          if (event.type === "audio") {
            const { sampleRate } = channels.realtimeTranslation.audioOut;
            mine.player?.enqueue({ pcm16: event.data, sampleRate });
          } else if (event.type === "session.created") {
            update((v) => ({ ...v, session: event.session }));
          } else {
            update((v) => ({ ...v, turns: foldTurns(v.turns, event) }));
          }
        }
        mine.player?.end();
        update((v) => (v.status === "error" ? v : { ...v, status: "done" }));
      })().catch(fail);

      try {
        const microphone = await openMicrophone({
          stream,
          constraints: audio,
          sampleRate: channels.realtimeTranslation.audioIn.sampleRate,
        });
        if (slot.current !== mine) return microphone.release();
        mine.microphone = microphone;
        if (mine.stopping) void microphone.stop();
        await session.ready;
        update((v) => (v.status === "starting" ? { ...v, status: "listening" } : v));
        void sendCaptured(microphone.chunks, (chunk) => session.sendAudio(chunk))
          .then(() => (slot.current === mine ? session.close() : undefined))
          .catch(fail);
      } catch (error) {
        fail(error);
      }
    },
    [client, slot],
  );

  const stop = useCallback(async () => {
    const mine = slot.current;
    if (!mine) return;
    mine.stopping = true;
    setView((v) => (v.status === "error" ? v : { ...v, status: "stopping" }));
    if (mine.microphone) await mine.microphone.stop();
    else await mine.session.close();
    await mine.session.closed;
  }, [slot]);

  return { start, stop, cancel, ...view, listening: view.status === "listening" };
}
