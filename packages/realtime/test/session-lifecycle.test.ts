// A session opens, becomes ready, yields its events in order and ends: cleanly after the server's done
// message, or when the caller closes it, breaks out of the loop or aborts. Every way closes the socket.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { openLiveSpeech } from "../src/index.js";
import { collect } from "./helpers/collect.js";
import { type PeerServer, startPeerServer } from "./helpers/scripted-peer.js";
import { socketImplementations } from "./helpers/socket-implementations.js";

const ready = { type: "session.ready", session_id: "s-1", run_id: 42 };

describe.each(socketImplementations)("over $name", ({ WebSocket }) => {
  let server: PeerServer;
  beforeEach(async () => {
    server = await startPeerServer();
  });
  afterEach(() => server.close());

  test("ready resolves with the ready message, events come in order, and session.done ends the loop", async () => {
    const session = openLiveSpeech(
      server.client("k-1"),
      { voice_id: 7, output_format: "wav" },
      { WebSocket },
    );
    const peer = await server.nextPeer();
    await peer.nextMessage();
    peer.send(ready);
    expect(await session.ready).toEqual(ready);
    const reading = collect(session);
    await session.sendText("Hello there.");
    expect(await peer.nextMessage()).toEqual({ type: "text.chunk", text: "Hello there." });
    await session.finish();
    expect(await peer.nextMessage()).toEqual({ type: "text.done" });
    peer.send({ type: "segment.start", segment_id: 0, text: "Hello there." });
    peer.sendBinary(new Uint8Array([1, 2, 3]));
    peer.sendBinary(new Uint8Array([4, 5]));
    peer.send({ type: "segment.done", segment_id: 0 });
    peer.send({ type: "session.done" });
    const { events, error } = await reading;
    expect(error).toBeUndefined();
    expect(events.map((event) => event.type)).toEqual([
      "session.ready",
      "segment.start",
      "audio",
      "audio",
      "segment.done",
      "session.done",
    ]);
    expect(events[2]).toEqual({ type: "audio", data: new Uint8Array([1, 2, 3]), segment_id: 0 });
    await session.closed;
    expect((await peer.closed).code).toBe(1000);
  });

  test("close() closes the socket with 1000, resolves once it is closed, and the loop ends cleanly", async () => {
    const session = openLiveSpeech(server.client("k-1"), { voice_id: 7 }, { WebSocket });
    const peer = await server.nextPeer();
    await peer.nextMessage();
    peer.send(ready);
    await session.ready;
    const reading = collect(session);
    await session.close();
    expect(await peer.closed).toEqual({ code: 1000, reason: "" });
    expect(await reading).toEqual({ events: [ready], error: undefined });
    await expect(session.sendText("late")).rejects.toThrow(/is closed/);
  });

  test("break out of for await closes the socket before the loop statement completes", async () => {
    const session = openLiveSpeech(server.client("k-1"), { voice_id: 7 }, { WebSocket });
    const peer = await server.nextPeer();
    await peer.nextMessage();
    peer.send(ready);
    for await (const event of session) {
      expect(event.type).toBe("session.ready");
      break;
    }
    expect(await peer.closed).toEqual({ code: 1000, reason: "" });
  });

  test("an abort closes the socket; the loop, ready and a waiting send reject with the signal's reason", async () => {
    const controller = new AbortController();
    const session = openLiveSpeech(
      server.client("k-1"),
      { voice_id: 7 },
      { WebSocket, signal: controller.signal },
    );
    const peer = await server.nextPeer();
    await peer.nextMessage();
    const waitingSend = session.sendText("never sent"); // waits for ready, which never comes
    const reading = collect(session);
    const reason = new Error("user went away");
    controller.abort(reason);
    expect((await reading).error).toBe(reason);
    await expect(session.ready).rejects.toBe(reason);
    await expect(waitingSend).rejects.toBe(reason);
    await session.closed;
    expect((await peer.closed).code).toBe(1000);
  });

  test("a signal aborted before the call opens no connection at all", async () => {
    const reason = new Error("already gone");
    const session = openLiveSpeech(
      server.client("k-1"),
      { voice_id: 7 },
      { WebSocket, signal: AbortSignal.abort(reason) },
    );
    expect((await collect(session)).error).toBe(reason);
    await session.closed;
    // The next connection the server sees is the next session's: the aborted one made none.
    const next = openLiveSpeech(server.client("k-1"), { voice_id: 8 }, { WebSocket });
    const peer = await server.nextPeer();
    expect(await peer.nextMessage()).toEqual({ type: "session.start", voice_id: 8 });
    await next.close();
  });
});
