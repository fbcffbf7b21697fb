// A WebSocket server on 127.0.0.1 that each test scripts by hand (ws's WebSocketServer): it records what each
// connection received (URL, headers, frames) and lets the test answer, stall, stop reading, close or drop.
import { createServer, type IncomingHttpHeaders } from "node:http";
import { createCambClient } from "@camb-kit/client";
import { type WebSocket, WebSocketServer } from "ws";

export interface Frame {
  text?: string;
  json?: any;
  binary?: Buffer;
}

export interface Peer {
  url: URL;
  headers: IncomingHttpHeaders;
  socket: WebSocket;
  /** Every frame received so far, in order. */
  frames: Frame[];
  /** The next frame not yet taken by next(). */
  next(): Promise<Frame>;
  /** Takes frames until one is a JSON message (skipping binary audio), and returns it. */
  nextMessage(): Promise<any>;
  send(message: unknown): void;
  sendBinary(bytes: Uint8Array): void;
  /** Resolves with the close the client sent (or 1006 when the connection just ended). */
  closed: Promise<{ code: number; reason: string }>;
}

export interface PeerServer {
  port: number;
  /** The next connection (those already made come first). */
  nextPeer(): Promise<Peer>;
  /** A client of this server (live TTS under `/apis`, the realtime channels at the root); no key by default. */
  client(apiKey?: string): ReturnType<typeof createCambClient>;
  close(): Promise<void>;
}

function makePeer(socket: WebSocket, url: string, headers: IncomingHttpHeaders): Peer {
  const frames: Frame[] = [];
  const waiting: ((frame: Frame) => void)[] = [];
  let taken = 0;
  socket.on("message", (data: Buffer, isBinary: boolean) => {
    const frame: Frame = isBinary ? { binary: Buffer.from(data) } : { text: data.toString("utf8") };
    if (frame.text !== undefined) frame.json = JSON.parse(frame.text);
    frames.push(frame);
    const waiter = waiting.shift();
    if (waiter) {
      taken += 1;
      waiter(frame);
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })),
  );
  const next = () => {
    if (taken < frames.length) return Promise.resolve(frames[taken++]!);
    return new Promise<Frame>((resolve) => waiting.push(resolve));
  };
  return {
    url: new URL(url, "ws://127.0.0.1"),
    headers,
    socket,
    frames,
    next,
    async nextMessage() {
      for (;;) {
        const frame = await next();
        if (frame.json !== undefined) return frame.json;
      }
    },
    send: (message) => socket.send(JSON.stringify(message)),
    sendBinary: (bytes) => socket.send(bytes, { binary: true }),
    closed,
  };
}

/** Starts a server; `onConnection` scripts each connection as it opens (optional: tests may drive peers). */
export async function startPeerServer(onConnection?: (peer: Peer) => void): Promise<PeerServer> {
  // Our own HTTP server, so that close() can end every connection, upgraded or not: undici keeps the
  // connection of an upgrade it gave up on open, which would hold server.close() for seconds.
  const http = createServer();
  const server = new WebSocketServer({ server: http });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const peers: Peer[] = [];
  const waiting: ((peer: Peer) => void)[] = [];
  let handedOut = 0;
  server.on("connection", (socket, request) => {
    const peer = makePeer(socket, request.url ?? "/", request.headers);
    onConnection?.(peer);
    peers.push(peer);
    const waiter = waiting.shift();
    if (waiter) {
      handedOut += 1;
      waiter(peer);
    }
  });
  const port = (http.address() as { port: number }).port;
  return {
    port,
    nextPeer() {
      if (handedOut < peers.length) return Promise.resolve(peers[handedOut++]!);
      return new Promise((resolve) => waiting.push(resolve));
    },
    client: (apiKey = "") =>
      createCambClient({
        apiKey,
        baseUrl: `http://127.0.0.1:${port}/apis`,
        realtimeBaseUrl: `ws://127.0.0.1:${port}`,
        retry: false,
      }),
    close: async () => {
      for (const client of server.clients) client.terminate();
      server.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
