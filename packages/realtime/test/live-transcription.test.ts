// Live transcription: audio from a file, a web stream or a Node stream arrives as PCM16 binary frames at the
// session's rate; transcripts come back as typed events; CloseStream ends it after Final; KeepAlive fills
// the silences; a failing source ends the pipe with its own error and leaves the session open.
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { openLiveTranscription } from "../src/index.js";
import { collect } from "./helpers/collect.js";
import { type Peer, type PeerServer, startPeerServer } from "./helpers/scripted-peer.js";
import { socketImplementations } from "./helpers/socket-implementations.js";
import { dominantFrequency, joinBytes, pcm16Samples, sine, wavFile } from "./helpers/wav.js";

const results = (transcript: string, isFinal: boolean) => ({
  type: "Results",
  is_final: isFinal,
  start: 0,
  duration: 1,
  channel: { alternatives: [{ transcript, confidence: 0.9, words: [] }] },
});

/** Binary frames the peer received until it saw the JSON message `type`, and that message. */
async function audioUntil(peer: Peer, type: string): Promise<Uint8Array[]> {
  const frames: Uint8Array[] = [];
  for (;;) {
    const frame = await peer.next();
    if (frame.binary) frames.push(frame.binary);
    else if (frame.json?.type === type) return frames;
  }
}

describe.each(socketImplementations)("over $name", ({ WebSocket }) => {
  let server: PeerServer;
  beforeEach(async () => {
    server = await startPeerServer();
  });
  afterEach(() => server.close());

  async function openReady(query = {}, options = {}) {
    const session = openLiveTranscription(server.client("k-1"), query, { WebSocket, ...options });
    const peer = await server.nextPeer();
    peer.send({ type: "Ready" });
    await session.ready;
    return { session, peer };
  }

  test("a 44.1 kHz stereo WAV is sent as 16 kHz mono PCM16 frames of 50 ms; Results and Final come back", async () => {
    const { session, peer } = await openReady();
    const tone = sine(500, 44_100, 1, 2);
    const wav = wavFile(tone, { sampleRate: 44_100, channels: 2, encoding: "s16le" });
    const reading = collect(session);
    const sent = await session.pipeAudio(Readable.from([wav.subarray(0, 1000), wav.subarray(1000)]));
    await session.finish();
    const frames = await audioUntil(peer, "CloseStream");
    expect(frames.slice(0, -1).every((frame) => frame.length === 1600)).toBe(true);
    const pcm = pcm16Samples(joinBytes(frames));
    expect(Math.abs(pcm.length - 16_000)).toBeLessThanOrEqual(1);
    expect(dominantFrequency(pcm, 16_000)).toBeCloseTo(500, 0);
    expect(sent).toEqual({
      frames: frames.length,
      bytes: pcm.length * 2,
      seconds: (pcm.length * 2) / 32_000,
    });

    peer.send(results("hello", false));
    peer.send(results("hello world", true));
    peer.send({ ...results("", true), type: "Final" });
    peer.socket.close(1000);
    const { events, error } = await reading;
    expect(error).toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(["Ready", "Results", "Results", "Final"]);
  });

  test("the query's sample_rate is the rate audio is converted to", async () => {
    const { session, peer } = await openReady({ sample_rate: 8000 });
    expect(peer.url.searchParams.get("sample_rate")).toBe("8000");
    const wav = wavFile(sine(300, 16_000, 0.5), { sampleRate: 16_000, channels: 1, encoding: "f32le" });
    await session.pipeAudio(new Blob([wav as Uint8Array<ArrayBuffer>]).stream());
    await session.finish();
    const pcm = pcm16Samples(joinBytes(await audioUntil(peer, "CloseStream")));
    expect(pcm.length).toBe(4000);
    await session.close();
  });

  test("sendAudio sends PCM as it is, cut into frames of at most 100 ms", async () => {
    const { session, peer } = await openReady();
    const pcm = new Uint8Array(8000).map((_, index) => index % 251);
    await session.sendAudio(pcm.buffer);
    await session.finish();
    const frames = await audioUntil(peer, "CloseStream");
    expect(frames.map((frame) => frame.length)).toEqual([3200, 3200, 1600]);
    expect(joinBytes(frames)).toEqual(pcm);
    await session.close();
  });

  test("a stopped pipe cancels its source, a failing source rejects the pipe with its error; the session stays open", async () => {
    const { session, peer } = await openReady();
    const failure = new Error("disk went away");
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(3200));
      },
      cancel() {
        cancelled = true;
      },
    });
    const controller = new AbortController();
    const piping = session.pipeAudio(stream, { signal: controller.signal });
    await peer.next(); // some audio got through
    controller.abort(failure);
    await expect(piping).rejects.toBe(failure);
    expect(cancelled).toBe(true);

    const broken = Readable.from(
      (async function* () {
        yield new Uint8Array(3200);
        throw failure;
      })(),
    );
    await expect(session.pipeAudio(broken)).rejects.toBe(failure);
    expect(broken.destroyed).toBe(true);
    await session.sendAudio(new Uint8Array(2)); // still open
    await session.close();
  });

  test("a pipe at real-time pace sends each frame when its audio would have been spoken (fake clock)", async () => {
    const { session, peer } = await openReady();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const piping = session.pipeAudio(new Uint8Array(32_000), { pace: "realtime", frameMs: 100 }); // 1 s
      const framesSent = () => peer.frames.filter((frame) => frame.binary).length;
      const untilSent = async (count: number) => {
        while (framesSent() < count) await new Promise((resolve) => setImmediate(resolve));
      };
      await untilSent(1); // the frame of 0–100 ms goes at once
      await vi.advanceTimersByTimeAsync(250);
      await untilSent(3); // those due at 100 and 200 ms
      expect(framesSent()).toBe(3);
      await vi.advanceTimersByTimeAsync(1000);
      await untilSent(10);
      await piping;
    } finally {
      vi.useRealTimers();
    }
    await session.close();
  });
});

describe("KeepAlive", () => {
  test("is sent after keepAliveMs with nothing sent, not while audio flows, and never after finish (fake timers)", async () => {
    const server = await startPeerServer();
    const { WebSocket } = socketImplementations[0]!;
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const session = openLiveTranscription(server.client("k-1"), {}, { WebSocket, keepAliveMs: 3000 });
      const peer = await server.nextPeer();
      peer.send({ type: "Ready" });
      await session.ready;
      await vi.advanceTimersByTimeAsync(2999);
      expect(peer.frames).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(await peer.nextMessage()).toEqual({ type: "KeepAlive" });
      await vi.advanceTimersByTimeAsync(2000);
      await session.sendAudio(new Uint8Array(640)); // restarts the wait
      await vi.advanceTimersByTimeAsync(2000);
      expect((await peer.next()).binary?.length).toBe(640);
      expect(peer.frames).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1000);
      expect(await peer.nextMessage()).toEqual({ type: "KeepAlive" });
      await session.finish();
      expect(await peer.nextMessage()).toEqual({ type: "CloseStream" });
      const before = peer.frames.length;
      await vi.advanceTimersByTimeAsync(20_000);
      await session.sendAudio(new Uint8Array(2)); // a round trip: anything sent before it has arrived
      await peer.next();
      expect(peer.frames.length).toBe(before + 1);
      await session.close();
    } finally {
      vi.useRealTimers();
      await server.close();
    }
  });
});
