// The types a channel session is built from: the audio event, the ready message, and what opens a session.
import type { ChannelId, ClientMessage, channels, ServerMessage } from "@camb-kit/client/spec";
import type { SessionOptions } from "./session-options.js";

/** Audio the server sent, as one event in the session's stream. */
export interface AudioEvent {
  type: "audio";
  data: Uint8Array;
}

/** The server message that says channel `C` is ready. */
export type ReadyMessage<C extends ChannelId> = Extract<
  ServerMessage<C>,
  { type: (typeof channels)[C]["ready"] }
>;

export interface ChannelSessionInit<C extends ChannelId, E> {
  channel: C;
  query?: Record<string, string | number | boolean | undefined> | undefined;
  /** The first message, without the key (placed here when the channel wants it there). */
  start?: ClientMessage<C> | undefined;
  options?: SessionOptions | undefined;
  /** Turns what the server sent into the session's event (live TTS attaches the segment to its audio). */
  toEvent: (event: ServerMessage<C> | AudioEvent) => E;
}
