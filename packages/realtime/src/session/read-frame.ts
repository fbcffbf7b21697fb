// What one frame from the server is, as the channel table says: a JSON message, audio (a binary frame, or a
// message that carries it in base64), or something that is no message of the channel.
import { type ChannelId, channels, type ServerMessage } from "@camb-kit/client/spec";
import { fromBase64 } from "../base64.js";

export type Frame<C extends ChannelId> =
  | { kind: "message"; message: ServerMessage<C>; bytes: number }
  | { kind: "audio"; data: Uint8Array }
  | { kind: "invalid"; detail: string };

function binaryOf(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  // `ws` hands out a Buffer when binaryType could not be set; any view is taken as it is.
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}

export function readFrame<C extends ChannelId>(channel: C, data: unknown): Frame<C> {
  const audioOut = channels[channel].audioOut;
  if (typeof data !== "string") {
    const bytes = binaryOf(data);
    if (!bytes) return { kind: "invalid", detail: "a frame of an unknown kind" };
    if (!audioOut?.binary) return { kind: "invalid", detail: "a binary frame on a channel that sends none" };
    return { kind: "audio", data: bytes };
  }
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return { kind: "invalid", detail: "a text frame that is not JSON" };
  }
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type !== "string") return { kind: "invalid", detail: "a message without a type" };
  if (audioOut?.message && type === audioOut.message && audioOut.field) {
    const encoded = (message as Record<string, unknown>)[audioOut.field];
    const bytes = typeof encoded === "string" ? fromBase64(encoded) : undefined;
    if (!bytes) return { kind: "invalid", detail: `a ${type} message whose ${audioOut.field} is not base64` };
    return { kind: "audio", data: bytes };
  }
  return { kind: "message", message: message as ServerMessage<C>, bytes: data.length };
}
