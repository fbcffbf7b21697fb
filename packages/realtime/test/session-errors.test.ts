// Every way a session fails ends it with a typed error and never a hang: the documented close codes, the
// server's error message, other close codes, a dropped connection, a refused one, a frame that is no message,
// each timeout. None of them shows the key.
import { createServer, type Server, type Socket } from "node:net";
import { CambError } from "@camb-kit/client";
import { channels } from "@camb-kit/client/spec";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  openLiveSpeech,
  openLiveTranscription,
  RealtimeBadRequestError,
  RealtimeConnectionError,
  RealtimePaymentRequiredError,
  RealtimeProtocolError,
  RealtimeServerError,
  RealtimeTimeoutError,
  RealtimeUnauthorizedError,
} from "../src/index.js";
import { collect, everyRendering } from "./helpers/collect.js";
import { type PeerServer, startPeerServer } from "./helpers/scripted-peer.js";
import { socketImplementations } from "./helpers/socket-implementations.js";

const KEY = "sk-secret-key-for-errors-42";
const ready = { type: "session.ready", session_id: "s-1", run_id: 42 };

const classByCode: Record<string, typeof RealtimeServerError> = {
  "bad-request": RealtimeBadRequestError,
  unauthorized: RealtimeUnauthorizedError,
  "payment-required": RealtimePaymentRequiredError,
};

describe.each(socketImplementations)("over $name", ({ WebSocket }) => {
  let server: PeerServer;
  beforeEach(async () => {
    server = await startPeerServer();
  });
  afterEach(() => server.close());

  const open = (options: Parameters<typeof openLiveSpeech>[2] = {}) =>
    openLiveSpeech(server.client(KEY), { voice_id: 7 }, { WebSocket, ...options });

  test.each(Object.entries(channels.liveSpeech.closeCodes))(
    "close code %s after session.error is its class, with the server's message and never the key",
    async (code, meaning) => {
      const session = open();
      const peer = await server.nextPeer();
      await peer.nextMessage();
      peer.send({ type: "session.error", message: `rejected key ${KEY}`, code: meaning });
      peer.socket.close(Number(code), meaning);
      const { error } = await collect(session);
      expect(error).toBeInstanceOf(classByCode[meaning]);
      expect(error).toBeInstanceOf(RealtimeServerError);
      expect(error).toBeInstanceOf(CambError);
      expect(error).toMatchObject({ channel: "liveSpeech", closeCode: Number(code), closeReason: meaning });
      expect((error as RealtimeServerError).serverMessage).toMatchObject({
        type: "session.error",
        code: meaning,
      });
      expect((error as Error).message).toContain("rejected key [redacted]");
      expect(everyRendering(error)).not.toContain(KEY);
      await expect(session.ready).rejects.toBe(error);
    },
  );

  test("a documented close code alone (no error message) is still its class", async () => {
    const session = open();
    const peer = await server.nextPeer();
    peer.socket.close(4401, "");
    const { error } = await collect(session);
    expect(error).toBeInstanceOf(RealtimeUnauthorizedError);
  });

  test("an error message followed by a normal close is a RealtimeServerError", async () => {
    const session = open();
    const peer = await server.nextPeer();
    await peer.nextMessage();
    peer.send(ready);
    peer.send({ type: "session.error", message: "synthesis failed" });
    peer.socket.close(1000);
    const { events, error } = await collect(session);
    expect(events).toEqual([ready]);
    expect(error).toBeInstanceOf(RealtimeServerError);
    expect(error).not.toBeInstanceOf(RealtimeBadRequestError);
    expect((error as Error).message).toMatch(/synthesis failed/);
  });

  test("an undocumented close code is a RealtimeConnectionError carrying the code and reason", async () => {
    const session = open();
    const peer = await server.nextPeer();
    await peer.nextMessage();
    peer.send(ready);
    peer.socket.close(1011, "internal error");
    const { error } = await collect(session);
    expect(error).toBeInstanceOf(RealtimeConnectionError);
    expect(error).toMatchObject({ closeCode: 1011, closeReason: "internal error" });
  });

  test("a connection dropped mid-session ends it with RealtimeConnectionError after the events before the drop", async () => {
    const session = open();
    const peer = await server.nextPeer();
    await peer.nextMessage();
    peer.send(ready);
    peer.send({ type: "segment.start", segment_id: 0, text: "Hi." });
    await session.ready;
    const reading = collect(session);
    await session.sendText("Hi.");
    await peer.nextMessage();
    peer.socket.terminate();
    const { events, error } = await reading;
    expect(events.map((event) => event.type)).toEqual(["session.ready", "segment.start"]);
    expect(error).toBeInstanceOf(RealtimeConnectionError);
    expect(error).toMatchObject({ closeCode: 1006 });
    await expect(session.sendText("after the drop")).rejects.toBe(error);
    await session.closed;
  });

  test("a refused connection rejects the loop and ready with RealtimeConnectionError, the URL shown without the key", async () => {
    const port = server.port;
    await server.close();
    const client = (await import("@camb-kit/client")).createCambClient({
      apiKey: KEY,
      baseUrl: `http://127.0.0.1:${port}/apis`,
    });
    const session = openLiveSpeech(client, { voice_id: 7 }, { WebSocket, keyPlacement: "query" });
    const { error } = await collect(session);
    expect(error).toBeInstanceOf(RealtimeConnectionError);
    expect((error as RealtimeConnectionError).url).toBe(`ws://127.0.0.1:${port}/apis/live-tts/ws`);
    expect(everyRendering(error)).not.toContain(KEY);
    await expect(session.ready).rejects.toBe(error);
    server = await startPeerServer(); // for afterEach
  });

  test("a text frame that is not JSON ends the session with RealtimeProtocolError", async () => {
    const session = open();
    const peer = await server.nextPeer();
    peer.socket.send("<html>gateway error</html>");
    const { error } = await collect(session);
    expect(error).toBeInstanceOf(RealtimeProtocolError);
    expect((await peer.closed).code).toBe(1000);
  });

  test("no ready message within readyTimeoutMs is a RealtimeTimeoutError waiting for ready", async () => {
    const session = open({ readyTimeoutMs: 50 });
    const peer = await server.nextPeer();
    const { error } = await collect(session);
    expect(error).toBeInstanceOf(RealtimeTimeoutError);
    expect(error).toMatchObject({ waitingFor: "ready", timeoutMs: 50 });
    expect((await peer.closed).code).toBe(1000);
  });

  test("silence after finish() beyond finishTimeoutMs is a RealtimeTimeoutError waiting for finish", async () => {
    const session = openLiveTranscription(server.client(KEY), {}, { WebSocket, finishTimeoutMs: 50 });
    const peer = await server.nextPeer();
    peer.send({ type: "Ready" });
    await session.ready;
    await session.finish();
    expect(await peer.nextMessage()).toEqual({ type: "CloseStream" });
    const { error } = await collect(session);
    expect(error).toMatchObject({ name: "RealtimeTimeoutError", waitingFor: "finish" });
  });
});

describe("a socket that never opens", () => {
  let tcp: Server;
  const accepted: Socket[] = [];
  beforeEach(async () => {
    // Accepts connections and never answers the upgrade: the socket stays CONNECTING.
    tcp = createServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve));
  });
  afterEach(async () => {
    for (const socket of accepted.splice(0)) socket.destroy();
    await new Promise<void>((resolve) => tcp.close(() => resolve()));
  });

  test.each(socketImplementations)(
    "times out with RealtimeTimeoutError waiting for open ($name)",
    async ({ WebSocket }) => {
      const { port } = tcp.address() as { port: number };
      const client = (await import("@camb-kit/client")).createCambClient({
        apiKey: KEY,
        baseUrl: `http://127.0.0.1:${port}`,
      });
      const session = openLiveSpeech(client, { voice_id: 7 }, { WebSocket, connectTimeoutMs: 100 });
      const { error } = await collect(session);
      expect(error).toBeInstanceOf(RealtimeTimeoutError);
      expect(error).toMatchObject({ waitingFor: "open", timeoutMs: 100 });
      await session.closed;
    },
  );
});

describe("an error message with no close after it", () => {
  test("ends the session with RealtimeServerError once the grace period passes (fake timers)", async () => {
    const server = await startPeerServer();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const session = openLiveSpeech(
        server.client(KEY),
        { voice_id: 7 },
        { WebSocket: socketImplementations[0]!.WebSocket },
      );
      const peer = await server.nextPeer();
      await peer.nextMessage();
      const reading = collect(session);
      const before = vi.getTimerCount(); // the ready deadline
      peer.send({ type: "session.error", message: "stuck" });
      // The message is on its way over a real socket: turn the event loop (setImmediate is not faked)
      // until the session has started its grace timer, then let the fake time run out.
      while (vi.getTimerCount() === before) await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(10_000);
      const { error } = await reading;
      expect(error).toBeInstanceOf(RealtimeServerError);
      expect((error as Error).message).toMatch(/stuck/);
    } finally {
      vi.useRealTimers();
      await server.close();
    }
  });
});
