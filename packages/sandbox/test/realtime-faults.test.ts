// Fault rules on the WebSocket channels, as a bare `ws` client sees them: a refused or reset handshake,
// latency, a connection dropped mid-session, a stall, a broken JSON frame, and a server that stops reading.
import { channels } from "@camb-kit/client/spec";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type FaultRule, type RunningSandbox, startSandbox } from "../src/index.js";
import { openChannel, type TestSocket } from "./helpers/ws-client.js";

const KEY = { "x-api-key": "test-key" };
const START = { type: "session.start", voice_id: 147320, output_format: "wav" };

let sb: RunningSandbox | undefined;
async function start(faults: FaultRule[], latencyMs?: number): Promise<RunningSandbox> {
  sb = await startSandbox({ faults, ...(latencyMs === undefined ? {} : { latencyMs }) });
  return sb;
}
afterEach(async () => {
  vi.useRealTimers();
  await sb?.close();
  sb = undefined;
});

const types = (socket: TestSocket) => socket.messages.map((m) => m.type);

/** A live TTS session that speaks two sentences. */
function speak(socket: TestSocket): void {
  socket.send(START);
  socket.send({ type: "text.chunk", text: "The first sentence is here. The second one follows. " });
  socket.send({ type: "text.done" });
}

describe("faults on the channels", () => {
  it("answers the upgrade with an HTTP status instead of 101 (status), on the nth session only", async () => {
    const sandbox = await start([{ route: "liveSpeech", kind: "status", status: 503, nth: 1 }]);
    const refused = openChannel(sandbox, "liveSpeech", { headers: KEY });
    await expect(refused.opened).rejects.toThrow("HTTP 503");
    const next = openChannel(sandbox, "liveSpeech", { headers: KEY });
    await next.opened;
    next.socket.close();
    await next.closed;
  });

  it("destroys the socket instead of the handshake (reset)", async () => {
    const sandbox = await start([{ route: "liveTranscription", kind: "reset" }]);
    const socket = openChannel(sandbox, "liveTranscription", { headers: KEY });
    await expect(socket.opened).rejects.toThrow();
    expect((await socket.closed).code).toBe(1006);
  });

  it("waits out the latency before the handshake", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const sandbox = await start([], 2000);
    const socket = openChannel(sandbox, "liveTranscription", { headers: KEY });
    await vi.waitFor(() => expect(sandbox.requests).toHaveLength(1));
    expect(socket.socket.readyState).toBe(socket.socket.CONNECTING);
    vi.advanceTimersByTime(2000);
    await socket.opened;
    await socket.message(channels.liveTranscription.ready);
    socket.socket.close();
    await socket.closed;
  });

  it("drops the connection mid-session, with no close frame (truncate)", async () => {
    const sandbox = await start([{ route: "liveSpeech", kind: "truncate", afterBytes: 2000 }]);
    const socket = openChannel(sandbox, "liveSpeech", { headers: KEY });
    await socket.opened;
    speak(socket);
    expect((await socket.closed).code).toBe(1006);
    expect(types(socket)).toContain("session.ready");
    expect(types(socket)).not.toContain("session.done");
  });

  it("stops sending for the stall's time, then goes on (stall)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const sandbox = await start([{ route: "liveSpeech", kind: "stall", afterBytes: 1000, ms: 30_000 }]);
    const socket = openChannel(sandbox, "liveSpeech", { headers: KEY });
    await socket.opened;
    speak(socket);
    await socket.message("session.ready");
    // The stall is a timer of the server's: once it is pending, nothing past the first bytes has been sent.
    await vi.waitFor(() => expect(vi.getTimerCount()).toBeGreaterThan(0));
    expect(types(socket)).toEqual(["session.ready", "segment.start"]);
    vi.advanceTimersByTime(30_000);
    expect((await socket.closed).code).toBe(1000);
    expect(types(socket).at(-1)).toBe("session.done");
  });

  it("sends a broken JSON frame before the next one (malformed-json)", async () => {
    const sandbox = await start([{ route: "liveTranscription", kind: "malformed-json" }]);
    const socket = openChannel(sandbox, "liveTranscription", { headers: KEY });
    await socket.opened;
    await socket.message(channels.liveTranscription.ready);
    expect(socket.frames[0]).toEqual({ kind: "text", text: '{"type": "sess' });
    socket.socket.close();
    await socket.closed;
  });

  it("stops reading, so a client's sends pile up in its bufferedAmount (slow-reader)", async () => {
    const sandbox = await start([{ route: "liveTranscription", kind: "slow-reader" }]);
    const socket = openChannel(sandbox, "liveTranscription", { headers: KEY });
    await socket.opened;
    await socket.message(channels.liveTranscription.ready);
    const chunk = new Uint8Array(64 * 1024);
    let sent = 0;
    // Loopback buffers take some megabytes first; past them every byte stays in the client.
    while (socket.socket.bufferedAmount < 4 * 1024 * 1024 && sent < 256 * 1024 * 1024) {
      socket.send(chunk);
      sent += chunk.length;
      if (sent % (4 * 1024 * 1024) === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(socket.socket.bufferedAmount).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    socket.socket.terminate();
    await socket.closed;
  });

  it("names the channels among the routes a rule may take", async () => {
    await expect(startSandbox({ faults: [{ route: "liveSpeach", kind: "reset" }] })).rejects.toThrow(
      RangeError,
    );
  });
});
