// With no WebSocket passed, a session uses the runtime's own, and on a runtime without one (Node 20) loads
// the `ws` package on first use, sending the key in a header either way.
import { afterEach, expect, test, vi } from "vitest";
import { openLiveSpeech, RealtimeConnectionError } from "../src/index.js";
import { collect } from "./helpers/collect.js";
import { startPeerServer } from "./helpers/scripted-peer.js";

afterEach(() => {
  vi.unstubAllGlobals();
});

test.each([
  ["the runtime's WebSocket", false],
  ["ws, loaded when the runtime has none", true],
])("by default a session opens over %s, with the key in its header", async (_name, withoutGlobal) => {
  if (withoutGlobal) vi.stubGlobal("WebSocket", undefined);
  const server = await startPeerServer();
  try {
    const session = openLiveSpeech(server.client("k-default"), { voice_id: 3 });
    const peer = await server.nextPeer();
    expect(peer.headers["x-api-key"]).toBe("k-default");
    expect(await peer.nextMessage()).toEqual({ type: "session.start", voice_id: 3 });
    peer.send({ type: "session.ready", session_id: "s", run_id: 1 });
    await session.ready;
    await session.close();
  } finally {
    await server.close();
  }
});

test("bad options are a RangeError or TypeError at once, before anything connects", async () => {
  const server = await startPeerServer();
  try {
    const camb = server.client();
    expect(() => openLiveSpeech(camb, { voice_id: 1 }, { maxBufferedBytes: 0 })).toThrow(RangeError);
    expect(() => openLiveSpeech(camb, { voice_id: 1 }, { connectTimeoutMs: -1 })).toThrow(RangeError);
    expect(() => openLiveSpeech(camb, { voice_id: 1 }, { keyPlacement: "cookie" as "query" })).toThrow(
      TypeError,
    );
    expect(() => openLiveSpeech({} as typeof camb, { voice_id: 1 })).toThrow(TypeError);
    const session = openLiveSpeech(camb, { voice_id: 1 });
    const peer = await server.nextPeer(); // the first connection is the valid session's
    expect(await peer.nextMessage()).toEqual({ type: "session.start", voice_id: 1 });
    await session.close();
  } finally {
    await server.close();
  }
});

test("a realtimeBaseUrl with credentials is refused without quoting them; a non-ws one too", async () => {
  const { createCambClient } = await import("@camb-kit/client");
  const { openLiveTranscription } = await import("../src/index.js");
  const withPassword = createCambClient({
    apiKey: "k",
    realtimeBaseUrl: "wss://user:hunter2-secret@example.com",
  });
  expect(() => openLiveTranscription(withPassword)).toThrow(TypeError);
  try {
    openLiveTranscription(withPassword);
  } catch (error) {
    expect(String(error)).not.toContain("hunter2-secret");
  }
  const ftp = createCambClient({ apiKey: "k", realtimeBaseUrl: "ftp://example.com" });
  expect(() => openLiveTranscription(ftp)).toThrow(/ws\(s\) or http\(s\)/);
});

test("a server that answers the upgrade with HTTP 401 is a RealtimeConnectionError, not a hang", async () => {
  const { createServer } = await import("node:http");
  const http = createServer((_request, response) => response.writeHead(401).end());
  http.on("upgrade", (_request, socket) =>
    socket.end("HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\n\r\n"),
  );
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  try {
    const { createCambClient } = await import("@camb-kit/client");
    const { port } = http.address() as { port: number };
    const camb = createCambClient({ apiKey: "k-401", baseUrl: `http://127.0.0.1:${port}` });
    for (const WebSocket of [undefined, (await import("ws")).WebSocket]) {
      const session = openLiveSpeech(camb, { voice_id: 1 }, { WebSocket: WebSocket as never });
      const { error } = await collect(session);
      expect(error).toBeInstanceOf(RealtimeConnectionError);
      await session.closed;
    }
  } finally {
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  }
});
