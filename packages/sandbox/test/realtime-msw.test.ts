// The channels through msw's WebSocket interception, as code on the global WebSocket (a browser) sees them:
// the same sessions as over real sockets, the key in the query.
import { channels, channelUrl, defaultBaseUrl, families } from "@camb-kit/client/spec";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket as NodeWebSocket } from "ws";
import {
  cambHandlers,
  cambRealtimeHandlers,
  createSandbox,
  decodeSandboxSpeech,
  renderSandboxSpeech,
} from "../src/index.js";
import { readMediaFacts } from "../src/media/read-media-facts.js";
import { pcm16Bytes, pcm16Samples } from "./helpers/pcm-signal.js";

// Node 20 has no global WebSocket (Node 22 does): msw patches the global, so give it one to patch.
if (typeof globalThis.WebSocket === "undefined")
  Object.defineProperty(globalThis, "WebSocket", {
    value: NodeWebSocket,
    configurable: true,
    writable: true,
  });

const server = setupServer(...cambHandlers(), ...cambRealtimeHandlers({ apiKeys: ["browser-key"] }));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Session {
  socket: WebSocket;
  frames: (Record<string, unknown> | Uint8Array)[];
  closed: Promise<{ code: number; reason: string }>;
  until(type: string): Promise<void>;
}

/** A browser-style session: the global WebSocket, binary frames as ArrayBuffers. */
function open(url: string): Session {
  const socket = new globalThis.WebSocket(url);
  socket.binaryType = "arraybuffer";
  const frames: Session["frames"] = [];
  const waiters: (() => void)[] = [];
  socket.addEventListener("message", (event) => {
    frames.push(
      typeof event.data === "string" ? JSON.parse(event.data) : new Uint8Array(event.data as ArrayBuffer),
    );
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason })),
  );
  const has = (type: string) => frames.some((f) => !(f instanceof Uint8Array) && f.type === type);
  const until = async (type: string) => {
    while (!has(type)) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { socket, frames, closed, until };
}

const opened = (socket: WebSocket) =>
  new Promise((resolve) => socket.addEventListener("open", resolve, { once: true }));

describe("the channels through msw", () => {
  it("serves live TTS at the API base with the ws scheme, the key in the query", async () => {
    const url = channelUrl("liveSpeech", { apiBaseUrl: defaultBaseUrl, query: { api_key: "browser-key" } });
    expect(url.startsWith("wss://client.camb.ai/apis/live-tts/ws")).toBe(true);
    const session = open(url);
    await opened(session.socket);
    session.socket.send(JSON.stringify({ type: "session.start", voice_id: 147320, output_format: "wav" }));
    session.socket.send(JSON.stringify({ type: "text.chunk", text: "Hello from msw." }));
    session.socket.send(JSON.stringify({ type: "text.done" }));
    expect((await session.closed).code).toBe(1000);
    const types = session.frames.map((f) => (f instanceof Uint8Array ? "audio" : f.type));
    expect(types[0]).toBe("session.ready");
    expect(types).toContain("audio");
    expect(types.slice(-2)).toEqual(["segment.done", "session.done"]);
  });

  it("serves live transcription at the realtime host, giving back the sandbox's speech", async () => {
    const url = channelUrl("liveTranscription", {
      apiBaseUrl: defaultBaseUrl,
      query: { x_api_key: "browser-key" },
    });
    const session = open(url);
    await opened(session.socket);
    const speech = pcm16Bytes(renderSandboxSpeech("Intercepted words.", { sampleRate: 16000 }));
    for (let at = 0; at < speech.length; at += 3200) session.socket.send(speech.slice(at, at + 3200));
    session.socket.send(JSON.stringify({ type: "CloseStream" }));
    expect((await session.closed).code).toBe(1000);
    const finals = session.frames.filter(
      (f): f is Record<string, unknown> => !(f instanceof Uint8Array) && f.is_final === true,
    );
    expect(JSON.stringify(finals)).toContain("Intercepted words.");
  });

  it("serves realtime translation, its translated speech as binary frames", async () => {
    const session = open(channelUrl("realtimeTranslation", { apiBaseUrl: defaultBaseUrl }));
    await opened(session.socket);
    session.socket.send(
      JSON.stringify({
        type: "session.update",
        session: { source_language: "en-us", target_language: "es-es" },
        auth: { api_key: "browser-key" },
      }),
    );
    await session.until(channels.realtimeTranslation.ready);
    const speech = pcm16Bytes(renderSandboxSpeech("Hola.", { sampleRate: 24000 }));
    session.socket.send(
      JSON.stringify({ type: "input_audio_buffer.append", audio: Buffer.from(speech).toString("base64") }),
    );
    await session.until("response.audio.done");
    const audio = session.frames.filter((f): f is Uint8Array => f instanceof Uint8Array);
    const samples = pcm16Samples(new Uint8Array(Buffer.concat(audio)));
    expect(decodeSandboxSpeech(samples, 24000).map((u) => u.text)).toEqual(["[es-es] Hola."]);
    session.socket.close();
    await session.closed;
  });

  it("closes with 4401 for a key apiKeys does not list", async () => {
    const session = open(
      channelUrl("liveTranscription", { apiBaseUrl: defaultBaseUrl, query: { x_api_key: "nope" } }),
    );
    expect((await session.closed).code).toBe(4401);
  });
});

describe("the channels of a createSandbox, through msw", () => {
  // Its own hosts, so the file's handlers (the default base and realtime host) never answer for it.
  const base = "https://linked.camb.test/apis";
  const key = "linked-key";

  /** Starts the sandbox's REST and realtime handlers ahead of the file's; the realtime ones share its state. */
  function linked() {
    const sandbox = createSandbox({ baseUrl: base, apiKeys: [key] });
    const realtime = cambRealtimeHandlers({ sandbox, realtimeBaseUrl: "wss://linked-realtime.camb.test" });
    server.use(...sandbox.handlers, ...realtime);
    return sandbox;
  }

  it("makes a live TTS session a run of the sandbox: its REST result speaks the session's text", async () => {
    const sandbox = linked();
    const session = open(channelUrl("liveSpeech", { apiBaseUrl: base, query: { api_key: key } }));
    await opened(session.socket);
    session.socket.send(JSON.stringify({ type: "session.start", voice_id: 147320 }));
    session.socket.send(JSON.stringify({ type: "text.chunk", text: "Fetched again later." }));
    session.socket.send(JSON.stringify({ type: "text.done" }));
    expect((await session.closed).code).toBe(1000);
    const ready = session.frames.find(
      (f): f is Record<string, unknown> => !(f instanceof Uint8Array) && f.type === channels.liveSpeech.ready,
    );
    const family = families[channels.liveSpeech.runFamily];
    const response = await fetch(`${base}${family.result.replace("{run_id}", String(ready?.run_id))}`, {
      headers: { "x-api-key": key },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(family.resultMediaType);
    expect((await readMediaFacts(response.body as ReadableStream<Uint8Array>)).text).toBe(
      "Fetched again later.",
    );
    // One request log: the upgrade, then the result.
    const paths = sandbox.requests.map((r) => r.path.slice(new URL(base).pathname.length));
    expect(paths).toEqual([
      channels.liveSpeech.path,
      family.result.replace("{run_id}", String(ready?.run_id)),
    ]);
  });

  it("takes the sandbox's options as its own: a key the sandbox does not list is refused", async () => {
    linked();
    const session = open(channelUrl("liveSpeech", { apiBaseUrl: base, query: { api_key: "browser-key" } }));
    expect((await session.closed).code).toBe(4401);
  });
});
