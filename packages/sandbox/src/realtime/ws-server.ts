// The channels over real sockets: WebSocket upgrades of the sandbox's node:http server, served with `ws`
// (imported on call, like node:http, so the package stays importable in a browser).
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import { delay } from "../delay.js";
import type { FaultRule } from "../types.js";
import type { ChannelConnection, RealtimeContext } from "./connection.js";
import { admit, type ChannelBases, channelAt, openSession } from "./open-session.js";

/** Frames larger than this are refused (ws closes with 1009): an audio chunk is kilobytes, never this. */
const MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  return headers;
}

/** An HTTP answer instead of the upgrade (a gateway's error, an unknown path), then the socket is closed. */
function refuse(socket: Duplex, status: number, statusText: string, rule?: FaultRule): void {
  const body = JSON.stringify({ detail: rule ? `Sandbox fault: HTTP ${status}` : statusText });
  const retry =
    rule && (rule.retryAfter !== undefined || status === 429)
      ? `retry-after: ${rule.retryAfter ?? "1"}\r\n`
      : "";
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${retry}connection: close\r\n\r\n${body}`,
  );
}

function connectionOf(socket: WebSocket, url: URL, headers: Record<string, string>): ChannelConnection {
  return {
    url,
    headers,
    // ws calls back once the frame is written to the socket: a client that does not read holds it back.
    send: (frame) =>
      new Promise((resolve, reject) => {
        if (socket.readyState !== socket.OPEN) return resolve();
        socket.send(frame, { binary: typeof frame !== "string" }, (error) =>
          error ? reject(error) : resolve(),
        );
      }),
    close: (code, reason) => socket.close(code, reason),
    drop: () => socket.terminate(),
    pauseReading: () => socket.pause(),
    resumeReading: () => socket.resume(),
  };
}

/**
 * Serves the channels on `server`'s upgrades: each is logged and drawn for faults like a REST request, the
 * latency waited out, `status` and `reset` faults answered instead of the handshake, then the session runs.
 * Returns a closer that ends every open session (upgraded sockets are no longer the HTTP server's).
 */
export async function serveChannels(
  server: Server,
  context: RealtimeContext,
  bases: ChannelBases,
): Promise<() => void> {
  const { WebSocketServer } = await import("ws");
  const { STATUS_CODES } = await import("node:http");
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  const open = new Set<Duplex>();
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    socket.on("error", () => socket.destroy());
    void upgrade(req, socket, head);
  });

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? "/", bases.realtime.replace(/^http/, "ws"));
    const headers = headersOf(req);
    const channel = channelAt(url, bases);
    const plan = admit(context, channel ?? "unknown", url, headers);
    if (!channel) return refuse(socket, 404, "Not Found");
    await delay(plan.latencyMs);
    const fault = plan.fault;
    if (fault?.kind === "reset") return void socket.destroy();
    if (fault?.kind === "status") {
      const status = fault.status ?? 500;
      return refuse(socket, status, STATUS_CODES[status] ?? "Error", fault);
    }
    if (socket.destroyed) return;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = openSession(channel, connectionOf(ws, url, headers), context, plan);
      ws.on("message", (data: Buffer, isBinary: boolean) =>
        session.receive(
          isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data.toString("utf8"),
        ),
      );
      ws.on("close", () => session.ended());
      ws.on("error", () => ws.terminate());
    });
  }

  return () => {
    for (const socket of open) socket.destroy();
    wss.close();
  };
}
