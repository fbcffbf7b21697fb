// What a channel session sees of its WebSocket and of the sandbox, so one session logic serves the node:http
// server (ws) and msw's WebSocket handlers alike.
import { type ChannelId, channels } from "@camb-kit/client/spec";
import type { FaultSelector } from "../faults/select.js";
import type { JsonObject } from "../openapi/json.js";
import type { ResolvedOptions } from "../state/options.js";
import type { RecordedRequest } from "../types.js";

/** One accepted WebSocket, as either transport gives it to a session. */
export interface ChannelConnection {
  /** The URL the client opened (its query carries the channel's parameters, maybe the key). */
  readonly url: URL;
  /** Lower-cased handshake headers; none under msw (a browser's WebSocket cannot send any). */
  readonly headers: Readonly<Record<string, string>>;
  /** Sends a text or binary frame; resolves once the transport has taken it (the server's backpressure). */
  send(frame: string | Uint8Array): Promise<void>;
  /** A close handshake with an application code and a reason (at most 123 bytes of UTF-8). */
  close(code: number, reason: string): void;
  /** Ends the connection with no close frame, as a dropped network does. */
  drop(): void;
  /** Stops reading the client's frames (its sends then back up), and starts again. */
  pauseReading(): void;
  resumeReading(): void;
}

/** A session of a channel: fed the client's frames, told when the client has gone. */
export interface ChannelSession {
  receive(frame: string | Uint8Array): void;
  /** The connection closed (either side); stop timers and sending. */
  ended(): void;
}

/** What sessions share across a sandbox: its options, fault draws, request log, ids and runs. */
export interface RealtimeContext {
  options: ResolvedOptions;
  selector: FaultSelector;
  requests: RecordedRequest[];
  /** A new session id. */
  sessionId(): string;
  /**
   * The run id of a session on `channel`: a run of the channel's `runFamily` on `input` (which the session
   * may go on filling in, e.g. the text spoken so far) when the sandbox's REST state is reachable.
   */
  sessionRun(channel: ChannelId, input: JsonObject): number;
  /** Whether a voice exists for the key (live TTS refuses others with 4400). */
  voiceExists(id: number): boolean;
}

/** The meanings the spec gives application close codes. */
export type CloseMeaning = "bad-request" | "unauthorized" | "payment-required";

/** WebSocket's own codes (RFC 6455 §7.4.1) the sessions use besides the spec's. */
export const NORMAL_CLOSURE = 1000;
export const INTERNAL_ERROR = 1011;

/** The close code a channel uses for a meaning, read from the generated table (not typed here). */
export function closeCode(channel: ChannelId, meaning: CloseMeaning): number {
  const entry = Object.entries(channels[channel].closeCodes).find(([, value]) => value === meaning);
  if (!entry) throw new RangeError(`The spec gives ${channel} no close code for ${meaning}`);
  return Number(entry[0]);
}

const utf8 = new TextEncoder();
/** RFC 6455 allows 123 bytes of reason in a close frame. */
const MAX_REASON_BYTES = 123;

/** A close reason cut to what a close frame holds, on a character boundary. */
export function closeReason(text: string): string {
  if (utf8.encode(text).length <= MAX_REASON_BYTES) return text;
  let cut = text.slice(0, MAX_REASON_BYTES);
  while (utf8.encode(`${cut}…`).length > MAX_REASON_BYTES) cut = cut.slice(0, -1);
  return `${cut}…`;
}
