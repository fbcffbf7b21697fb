// Opens and closes the WebSocket of a session: the class the caller passed, else the runtime's, else `ws`
// (loaded on first use), with the upgrade's headers when the key travels in one; closed with a handshake
// that may take only so long.
import type { PlacedKey } from "../key-placement.js";
import { redactedCause, type SessionFailures } from "../session/session-failures.js";
import type { Timer } from "../session/timer.js";
import { loadWs } from "./load-ws.js";
import { globalWebSocket } from "./runtime.js";
import { CLOSED, OPEN, type RealtimeSocket, type RealtimeSocketConstructor } from "./socket-types.js";

/** How long a closing handshake, or a close after an error, may take before the socket is let go. */
export const CLOSE_GRACE_MS = 5_000;

/** The WebSocket class to use; rejects with a TypeError on Node 20 without `ws`. */
export async function socketClass(
  passed: RealtimeSocketConstructor | undefined,
): Promise<RealtimeSocketConstructor> {
  return passed ?? (globalWebSocket() as RealtimeSocketConstructor | undefined) ?? (await loadWs());
}

/** A new socket to `placed.url`; a constructor that throws (an invalid URL, say) is a connection error. */
export function openSocket(
  WebSocket: RealtimeSocketConstructor,
  placed: PlacedKey,
  failures: SessionFailures,
): RealtimeSocket {
  let socket: RealtimeSocket;
  try {
    socket = placed.headers
      ? new WebSocket(placed.url, { headers: placed.headers })
      : new WebSocket(placed.url);
  } catch (error) {
    // Not rethrown as it is: a runtime's message may quote the URL, key and all.
    throw failures.connection("could not be opened", redactedCause(error));
  }
  // Blobs (the browsers' default) would need an async read per frame; `ws` defaults to Buffers.
  socket.binaryType = "arraybuffer";
  return socket;
}

/**
 * Closes `socket` with 1000 and calls `released` once it is closed, or after CLOSE_GRACE_MS (a `ws` socket is
 * terminated then) should its close never come. `resume`: it was paused, and would read no close frame.
 */
export function closeSocket(
  socket: RealtimeSocket,
  { resume }: { resume: boolean },
  grace: Timer,
  released: () => void,
): void {
  if (socket.readyState === CLOSED) {
    released();
    return;
  }
  if (resume && socket.readyState === OPEN) socket.resume?.(); // ws's resume() works on an open socket only
  socket.close(1000);
  grace.start(CLOSE_GRACE_MS, () => {
    socket.terminate?.();
    released();
  });
}
