// openLiveSpeech: live text-to-speech. Text in as it comes, audio out per segment, each frame tagged with the
// segment it belongs to.
import type { CambClient } from "@camb-kit/client";
import type { components, ServerMessage } from "@camb-kit/client/spec";
import { ChannelSession } from "../session/channel-session.js";
import type { RealtimeSession } from "../session/realtime-session.js";
import type { SessionOptions } from "../session/session-options.js";
import type { AudioEvent, ReadyMessage } from "../session/session-types.js";

/** The configuration of a live TTS session: `session.start` without its `type` (`voice_id` is required). */
export type LiveSpeechStart = Omit<components["schemas"]["LiveSpeechSessionStart"], "type">;

/** Audio of one segment, in the session's `output_format`; `segment_id` is the segment it belongs to. */
export interface LiveSpeechAudio {
  type: "audio";
  data: Uint8Array;
  /** The `segment_id` of the last `segment.start` (undefined if the server sent audio before any). */
  segment_id: number | undefined;
}

/** What a live TTS session yields: every server message, and the audio frames between them. */
export type LiveSpeechEvent = ServerMessage<"liveSpeech"> | LiveSpeechAudio;

export interface LiveSpeechSession extends RealtimeSession<LiveSpeechEvent, ReadyMessage<"liveSpeech">> {
  /** Sends text to speak (`text.chunk`) once the session is ready; waits while the send buffer is full. */
  sendText(text: string, index?: number): Promise<void>;
  /** No more text (`text.done`): the server speaks the rest, sends `session.done`, and the iterator ends. */
  finish(): Promise<void>;
}

class LiveSpeech extends ChannelSession<"liveSpeech", LiveSpeechEvent> implements LiveSpeechSession {
  sendText(text: string, index?: number): Promise<void> {
    if (typeof text !== "string") return Promise.reject(new TypeError("sendText takes a string"));
    return this.sendMessage(
      index === undefined ? { type: "text.chunk", text } : { type: "text.chunk", text, index },
    );
  }
}

/**
 * Opens a live TTS session (`start` is its `session.start`). Connecting starts at once; iterate the session
 * for its events, `sendText()` as text arrives, then `finish()`.
 */
export function openLiveSpeech(
  camb: CambClient,
  start: LiveSpeechStart,
  options?: SessionOptions,
): LiveSpeechSession {
  if (start === null || typeof start !== "object")
    throw new TypeError("openLiveSpeech needs a session.start body");
  let segment: number | undefined;
  const toEvent = (event: ServerMessage<"liveSpeech"> | AudioEvent): LiveSpeechEvent => {
    if (event.type === "audio") return { ...event, segment_id: segment };
    if (event.type === "segment.start") segment = event.segment_id;
    return event;
  };
  return new LiveSpeech(camb, {
    channel: "liveSpeech",
    start: { ...start, type: "session.start" },
    options,
    toEvent,
  });
}
