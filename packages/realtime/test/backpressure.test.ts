// Nothing buffers without bound. Out: against a server that stops reading, sends wait while bufferedAmount
// is over maxBufferedBytes, which never grows past it by more than one frame. In: a consumer slower than the
// server makes `ws` stop reading (the queue stays near maxQueuedBytes, every event still arrives in order);
// a WebSocket that cannot stop reading fails the session with RealtimeBacklogError instead of growing.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { openLiveSpeech, openLiveTranscription, RealtimeBacklogError } from "../src/index.js";
import { collect } from "./helpers/collect.js";
import { type Peer, type PeerServer, startPeerServer } from "./helpers/scripted-peer.js";
import { socketImplementations } from "./helpers/socket-implementations.js";

const KiB = 1024;
const MiB = 1024 * KiB;
const FRAME = 3200; // 100 ms of 16 kHz PCM16

const turn = () => new Promise((resolve) => setImmediate(resolve));

let server: PeerServer;
beforeEach(async () => {
  server = await startPeerServer();
});
afterEach(() => server.close());

describe.each(socketImplementations)("sending over $name", ({ WebSocket }) => {
  test("against a server that stops reading, the pipe waits with at most one frame over the limit", async () => {
    const limit = 256 * KiB;
    const session = openLiveTranscription(server.client("k-1"), {}, { WebSocket, maxBufferedBytes: limit });
    const peer = await server.nextPeer();
    peer.send({ type: "Ready" });
    await session.ready;
    peer.socket.pause(); // the server reads nothing more: the kernel's buffers fill, then the client's

    let pulled = 0;
    let maxBuffered = 0;
    let done = false;
    const source = (async function* () {
      while (!done) {
        maxBuffered = Math.max(maxBuffered, session.bufferedAmount);
        pulled += 32 * KiB;
        yield new Uint8Array(32 * KiB);
      }
    })();
    const piping = session.pipeAudio(source, { frameMs: 100 });
    // The gate engages once the kernel is full and the socket's own buffer passes the limit.
    while (session.bufferedAmount <= limit) await turn();

    // Fake time lets the gate poll bufferedAmount for a long while without the test sleeping: the pipe
    // pulls nothing more and the buffer stays put, since nothing drains. The gate's timers are fake from
    // here until the pipe is through (a fake timer left pending when real ones return would never fire).
    const pulledBefore = pulled;
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      await vi.advanceTimersByTimeAsync(10_000);
      expect(pulled).toBe(pulledBefore);
      expect(session.bufferedAmount).toBeLessThanOrEqual(limit + FRAME);
      let sent = false;
      const waiting = session.sendAudio(new Uint8Array(FRAME)).then(() => {
        sent = true;
      });
      await vi.advanceTimersByTimeAsync(10_000);
      expect(sent).toBe(false);

      done = true;
      peer.socket.resume();
      let through = false;
      void Promise.all([piping, waiting]).then(() => {
        through = true;
      });
      while (!through) {
        await vi.advanceTimersByTimeAsync(50);
        await turn();
      }
    } finally {
      vi.useRealTimers();
    }
    expect(maxBuffered).toBeLessThanOrEqual(limit + FRAME);
    await session.finish();
    let received = 0;
    for (;;) {
      const frame = await peer.next();
      if (frame.json?.type === "CloseStream") break;
      received += frame.binary?.length ?? 0;
    }
    expect(received).toBe(pulled + FRAME);
    await session.close();
  });
});

/** Sends `count` binary frames of `size` bytes, each filled with its index, then session.done. */
function flood(peer: Peer, count: number, size: number): void {
  peer.send({ type: "session.ready", session_id: "s", run_id: 1 });
  peer.send({ type: "segment.start", segment_id: 0, text: "long" });
  for (let index = 0; index < count; index += 1) peer.sendBinary(new Uint8Array(size).fill(index % 256));
  peer.send({ type: "segment.done", segment_id: 0 });
  peer.send({ type: "session.done" });
}

describe("receiving", () => {
  const [ws, runtime] = socketImplementations;

  test("over ws, a slow consumer pauses the socket: the queue stays near maxQueuedBytes and all 32 MiB arrive in order", async () => {
    const maxQueuedBytes = MiB;
    const session = openLiveSpeech(
      server.client("k-1"),
      { voice_id: 1 },
      { WebSocket: ws!.WebSocket, maxQueuedBytes },
    );
    const peer = await server.nextPeer();
    await peer.nextMessage();
    const count = 512;
    flood(peer, count, 64 * KiB);
    let audio = 0;
    let maxQueued = 0;
    for await (const event of session) {
      maxQueued = Math.max(maxQueued, session.queuedBytes);
      if (event.type !== "audio") continue;
      expect(event.data[0]).toBe(audio % 256);
      audio += 1;
      await turn(); // a consumer slower than loopback
    }
    expect(audio).toBe(count);
    // Past the limit ws stops reading; what it had already read (one socket read of frames) still comes.
    expect(maxQueued).toBeLessThanOrEqual(maxQueuedBytes + 512 * KiB);
  });

  test("over a WebSocket that cannot pause, a consumer that falls behind gets RealtimeBacklogError", async () => {
    const maxQueuedBytes = MiB;
    const session = openLiveSpeech(
      server.client("k-1"),
      { voice_id: 1 },
      { WebSocket: runtime!.WebSocket, maxQueuedBytes },
    );
    const peer = await server.nextPeer();
    await peer.nextMessage();
    flood(peer, 64, 64 * KiB);
    // Read nothing until the session has ended: it must end on its own, not hold 4 MiB.
    await session.closed;
    const { events, error } = await collect(session);
    expect(error).toBeInstanceOf(RealtimeBacklogError);
    expect(error).toMatchObject({ maxQueuedBytes });
    expect(events.length).toBeGreaterThan(0);
    expect((await peer.closed).code).toBe(1000);
  });
});
