// The WebSocket implementations every session suite runs over: the `ws` package (Node 20's default) and the
// runtime's own (undici's: global on Node 22+, behind --experimental-websocket on Node 20, which vitest.config sets).
import { WebSocket as WsWebSocket } from "ws";
import type { RealtimeSocketConstructor } from "../../src/index.js";

export interface SocketImplementation {
  name: string;
  WebSocket: RealtimeSocketConstructor;
  /** Whether it can stop reading from the network (`ws`'s pause()). */
  pausable: boolean;
}

const runtimeWebSocket = (globalThis as { WebSocket?: RealtimeSocketConstructor }).WebSocket;

export const socketImplementations: SocketImplementation[] = [
  { name: "ws", WebSocket: WsWebSocket as unknown as RealtimeSocketConstructor, pausable: true },
  ...(runtimeWebSocket
    ? [{ name: "the runtime's WebSocket", WebSocket: runtimeWebSocket, pausable: false }]
    : []),
];

if (!runtimeWebSocket)
  throw new Error("no global WebSocket: run the tests through vitest.config.ts (it enables it on Node 20)");
