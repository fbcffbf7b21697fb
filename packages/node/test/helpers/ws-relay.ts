// For the WebSocket relay tests: the proxy on a real node:http server (upgrade wired as an app wires it), a
// scripted upstream WebSocket server standing in for the API, and a browser stand-in (a `ws` client).
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Duplex } from "node:stream";
import { type RawData, WebSocket, WebSocketServer } from "ws";
import { listenOnLoopback } from "../../../../tests/support/http-server.js";
import { type CambProxyOptions, createCambProxy, toNodeHandler } from "../../src/index.js";

export interface Listening {
  /** `http://127.0.0.1:<port>` */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** createCambProxy mounted as the README says: `createServer(handler).on("upgrade", handler.upgrade)`. */
export async function startWsProxy(options: CambProxyOptions): Promise<Listening> {
  const handler = toNodeHandler(createCambProxy(options));
  return listenOnLoopback(createServer(handler).on("upgrade", handler.upgrade));
}

export interface UpstreamSession {
  socket: WebSocket;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
}

export interface ScriptedUpstream extends Listening {
  /** Every handshake that reached the upstream, in order. */
  sessions: UpstreamSession[];
  /** The next session to open (or the one already open and not yet taken). */
  nextSession(): Promise<UpstreamSession>;
  /** Upgrades that reached the server, accepted or not. */
  upgrades: number;
}

/**
 * A WebSocket server standing in for the API at every channel path. `respond` may refuse a handshake: it
 * writes its own answer on the socket and returns true.
 */
export async function startScriptedUpstream(
  respond?: (request: IncomingMessage, socket: Duplex) => boolean,
): Promise<ScriptedUpstream> {
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((_request, response) => response.writeHead(404).end());
  const sessions: UpstreamSession[] = [];
  const waiting: ((session: UpstreamSession) => void)[] = [];
  const untaken: UpstreamSession[] = [];
  const upstream = { sessions, upgrades: 0 } as ScriptedUpstream;
  server.on("upgrade", (request, socket, head) => {
    upstream.upgrades++;
    if (respond?.(request, socket)) return;
    wss.handleUpgrade(request, socket, head, (ws) => {
      const url = new URL(request.url ?? "/", "http://upstream");
      const session = { socket: ws, path: url.pathname, query: url.searchParams, headers: request.headers };
      sessions.push(session);
      const take = waiting.shift();
      if (take) take(session);
      else untaken.push(session);
    });
  });
  const listening = await listenOnLoopback(server);
  return Object.assign(upstream, listening, {
    nextSession: () =>
      new Promise<UpstreamSession>((resolve) => {
        const session = untaken.shift();
        if (session) resolve(session);
        else waiting.push(resolve);
      }),
  });
}

/** `http://…` as `ws://…`. */
export const wsUrl = (url: string) => url.replace(/^http/, "ws");

/** Opens a browser stand-in and waits for it to be open (its messages collected from the start). */
export async function openBrowser(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const socket = new WebSocket(url, { headers });
  // A server that speaks first may have its first frame in the handshake's packet: listen before "open".
  messages(socket);
  await once(socket, "open");
  return socket;
}

/** The HTTP status a refused handshake was answered with, and its JSON body. */
export async function refusedWith(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const socket = new WebSocket(url, { headers });
  socket.on("error", () => {});
  const [, response] = (await once(socket, "unexpected-response")) as [unknown, IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  socket.terminate();
  return { status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
}

type Inbox = {
  seen: { data: Buffer; binary: boolean }[];
  next(): Promise<{ data: Buffer; binary: boolean }>;
};
const inboxes = new WeakMap<WebSocket, Inbox>();

/** Collects a socket's messages (one collector per socket); `next()` waits for the next one not yet taken. */
export function messages(socket: WebSocket): Inbox {
  const existing = inboxes.get(socket);
  if (existing) return existing;
  const seen: { data: Buffer; binary: boolean }[] = [];
  const waiting: ((message: { data: Buffer; binary: boolean }) => void)[] = [];
  let taken = 0;
  socket.on("message", (data: RawData, binary: boolean) => {
    const message = { data: data as Buffer, binary };
    seen.push(message);
    const take = waiting.shift();
    if (take) {
      taken++;
      take(message);
    }
  });
  const inbox = {
    seen,
    next: () =>
      new Promise<{ data: Buffer; binary: boolean }>((resolve) => {
        if (taken < seen.length) resolve(seen[taken++]!);
        else waiting.push(resolve);
      }),
  };
  inboxes.set(socket, inbox);
  return inbox;
}

/** Resolves with the code and reason a socket closed with. */
export async function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  if (socket.readyState === socket.CLOSED) throw new Error("already closed: listen before it closes");
  const [code, reason] = (await once(socket, "close")) as [number, Buffer];
  return { code, reason: reason.toString("utf8") };
}
