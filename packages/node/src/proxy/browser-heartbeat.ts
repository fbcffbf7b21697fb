// Pings the browser's side of a relayed session, and drops a browser that stopped answering: one that died
// without a close (a laptop asleep, a NAT that forgot the connection) would otherwise keep its API session open.
import type { WebSocket } from "ws";

/**
 * Sends `browser` a ping every `intervalMs`; when nothing (no pong, nor any other frame) came from it since the
 * previous ping, terminates it. Its "close" (1006) then ends the API's session as "going away", the path of a
 * browser that leaves. The timer goes with the socket's "close". `intervalMs` 0 sends no ping.
 */
export function keepBrowserAlive(browser: WebSocket, intervalMs: number): void {
  if (intervalMs === 0) return;
  let heard = true;
  const hear = () => {
    heard = true;
  };
  browser.on("pong", hear);
  browser.on("ping", hear);
  browser.on("message", hear);

  const timer = setInterval(() => {
    // Closing already: ws's own close timeout ends a browser that does not answer the close (and `ping` throws).
    if (browser.readyState !== browser.OPEN) return;
    // A paused browser (backpressure, the API slow to take its frames) is not being read: its pongs wait in
    // the socket, so silence says nothing about it.
    if (!heard && !browser.isPaused) {
      browser.terminate();
      return;
    }
    heard = false;
    browser.ping();
  }, intervalMs);
  // The socket holds the process open while it lives; the timer need not.
  timer.unref();
  browser.once("close", () => clearInterval(timer));
}
