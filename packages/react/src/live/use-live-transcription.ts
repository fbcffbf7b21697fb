// useLiveTranscription: the microphone (or any MediaStream) transcribed live through the app's proxy: PCM16
// from an AudioWorklet at the session's rate, interim and final results as state.
import { channels } from "@camb-kit/client/spec";
import {
  type LiveTranscriptionEvent,
  type LiveTranscriptionQuery,
  type LiveTranscriptionSession,
  openLiveTranscription,
  type SessionOptions,
} from "@camb-kit/realtime";
import { useCallback, useRef, useState } from "react";
import { useCambClient } from "../provider.js";
import { useSessionSlot } from "../use-session-slot.js";
import { type Microphone, openMicrophone } from "./microphone.js";
import { sendCaptured } from "./send-captured.js";
import { emptyTranscript, foldTranscript, type LiveTranscriptSegment, transcriptText } from "./transcript.js";

export type LiveTranscriptionStatus = "idle" | "starting" | "listening" | "finishing" | "done" | "error";

export interface LiveTranscriptionOptions {
  /** The session's query: `language`, `model`, `sample_rate` (the capture is resampled to it)… */
  query?: LiveTranscriptionQuery;
  /** `getUserMedia` audio constraints. Default `{ channelCount: 1 }`. */
  audio?: MediaTrackConstraints | boolean;
  /** Passed to `openLiveTranscription` (timeouts, keep-alive, a WebSocket class); the hook owns the signal. */
  sessionOptions?: Omit<SessionOptions, "signal">;
  /** Every event of the session, as it comes (Ready, Results, Final). */
  onEvent?: (event: LiveTranscriptionEvent) => void;
}

export interface LiveTranscriptionState {
  /**
   * Asks for the microphone (or captures `stream`, whose tracks it then leaves running) and opens a session,
   * stopping the one before. Resolves once audio flows, or it failed (into `error`); rejects only with a
   * TypeError for a query whose audio it cannot capture (an encoding other than the channel's, stereo).
   */
  start: (stream?: MediaStream) => Promise<void>;
  /**
   * Stops capturing, sends the audio still held, and asks for the rest of the transcript (`CloseStream`).
   * Resolves once the session has ended with its final result; never rejects.
   */
  stop: () => Promise<void>;
  /** Ends the session and the capture now, without waiting for the final result. */
  cancel: () => void;
  status: LiveTranscriptionStatus;
  listening: boolean;
  /** Finished utterances, in order. */
  segments: LiveTranscriptSegment[];
  /** The current utterance as heard so far; "" between utterances. */
  interim: string;
  /** The finished text: every segment's transcript, joined by spaces. */
  transcript: string;
  error: unknown;
}

interface Current {
  controller: AbortController;
  session: LiveTranscriptionSession;
  microphone: Microphone | undefined;
  /** stop() was called: a capture that opens after it is stopped at once. */
  stopping: boolean;
  ended: Promise<void>;
}

type View = Pick<LiveTranscriptionState, "status" | "segments" | "interim" | "error">;

const idle: View = { status: "idle", ...emptyTranscript, error: undefined };

/** The PCM the session takes, from its query (its `fromQuery` parameters) or the channel's defaults. */
function sessionAudio(query: LiveTranscriptionQuery | undefined): number {
  const AUDIO_IN = channels.liveTranscription.audioIn;
  const given = (name: string | null) =>
    name === null ? undefined : (query as Record<string, unknown> | undefined)?.[name];
  const encoding = given(AUDIO_IN.fromQuery.encoding) ?? AUDIO_IN.encoding;
  const channelCount = given(AUDIO_IN.fromQuery.channels) ?? AUDIO_IN.channels;
  if (encoding !== AUDIO_IN.encoding || Number(channelCount) !== 1) {
    throw new TypeError(
      `useLiveTranscription sends ${AUDIO_IN.encoding} mono: leave the query's encoding and channels out`,
    );
  }
  return Number(given(AUDIO_IN.fromQuery.sampleRate) ?? AUDIO_IN.sampleRate);
}

/**
 * Live transcription (`openLiveTranscription` from @camb-kit/realtime) with the client from `CambProvider`:
 * point its `realtimeBaseUrl` at the app's `createCambProxy` (with `liveTranscription` allowed) and the page
 * never holds the key. `cancel()`, a new `start()` and unmounting close the session and free the microphone.
 */
export function useLiveTranscription(options: LiveTranscriptionOptions = {}): LiveTranscriptionState {
  const client = useCambClient();
  const [view, setView] = useState<View>(idle);
  const slot = useSessionSlot<Current>("Live transcription", (ending) => ending.microphone?.release());
  const latest = useRef(options);
  latest.current = options;

  const cancel = useCallback(() => {
    slot.release();
    setView(idle);
  }, [slot]);

  const start = useCallback(
    async (stream?: MediaStream) => {
      slot.release();
      const { query, audio, sessionOptions, onEvent } = latest.current;
      const sampleRate = sessionAudio(query);
      const controller = new AbortController();
      const session = openLiveTranscription(client, query, { ...sessionOptions, signal: controller.signal });
      const mine: Current = {
        controller,
        session,
        microphone: undefined,
        stopping: false,
        ended: Promise.resolve(),
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
      setView({ ...idle, status: "starting" });

      mine.ended = (async () => {
        for await (const event of session) {
          onEvent?.(event);
          update((v) => ({ ...v, ...foldTranscript(v, event) }));
        }
        update((v) => (v.status === "error" ? v : { ...v, status: "done", interim: "" }));
      })().catch(fail);

      try {
        const microphone = await openMicrophone({ stream, constraints: audio, sampleRate });
        if (slot.current !== mine) return microphone.release();
        mine.microphone = microphone;
        if (mine.stopping) void microphone.stop();
        await session.ready;
        update((v) => (v.status === "starting" ? { ...v, status: "listening" } : v));
        // Not awaited: it runs until stop() ends the capture; then the session is asked to finish.
        void sendCaptured(microphone.chunks, (chunk) => session.sendAudio(chunk))
          .then(() => (slot.current === mine ? session.finish() : undefined))
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
    setView((v) => (v.status === "listening" || v.status === "starting" ? { ...v, status: "finishing" } : v));
    // The capture's end sends its last chunk; the pump then sends CloseStream and the session runs out.
    mine.stopping = true;
    await mine.microphone?.stop();
    await mine.ended;
  }, [slot]);

  return {
    start,
    stop,
    cancel,
    ...view,
    listening: view.status === "listening",
    transcript: transcriptText(view),
  };
}
