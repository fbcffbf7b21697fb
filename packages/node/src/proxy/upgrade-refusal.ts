// Answers a WebSocket upgrade the proxy will not relay: a plain HTTP response on the raw socket, then closed.
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";

/**
 * Writes `status` with a JSON `{ detail }` body (as the proxy's REST errors) and ends the socket. No
 * WebSocket is opened: a browser sees a failed connection, a Node client the status.
 */
export function refuseUpgrade(socket: Duplex, status: number, detail: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ detail });
  // A client that resets the connection meanwhile must not crash the server (node:http leaves an upgrade's
  // socket without an error listener).
  socket.on("error", () => {});
  socket.once("finish", () => socket.destroy());
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}`,
      "Connection: close",
      "Content-Type: application/json",
      "Cache-Control: no-store",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "",
      body,
    ].join("\r\n"),
  );
}

// The handshake RFC 6455 §4.2.1 asks for; `ws` checks the same before it would answer 101.
const KEY = /^[+/0-9A-Za-z]{22}==$/;

/** True when `req` is a WebSocket opening handshake the relay can complete. */
export function isWebSocketHandshake(req: {
  method?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}): boolean {
  const { upgrade, "sec-websocket-key": key, "sec-websocket-version": version } = req.headers;
  return (
    req.method === "GET" &&
    typeof upgrade === "string" &&
    upgrade.toLowerCase() === "websocket" &&
    typeof key === "string" &&
    KEY.test(key) &&
    (version === "13" || version === "8")
  );
}
