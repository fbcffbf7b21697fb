// The key goes where each channel's protocol wants it and nowhere else: a header (Node), the query (when
// asked, and in runtimes that cannot set headers), the first message (realtime translation), or nowhere
// (no key: a browser behind the app's proxy). The server's view is what is asserted.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { openLiveSpeech, openLiveTranscription, openRealtimeTranslation } from "../src/index.js";
import { placeKey } from "../src/key-placement.js";
import { type PeerServer, startPeerServer } from "./helpers/scripted-peer.js";
import { socketImplementations } from "./helpers/socket-implementations.js";

const KEY = "sk-live-key-0123456789";

describe.each(socketImplementations)("over $name", ({ WebSocket }) => {
  let server: PeerServer;
  beforeEach(async () => {
    server = await startPeerServer();
  });
  afterEach(() => server.close());

  test("live TTS sends the key as its header in Node, and not in the URL or the first message", async () => {
    const session = openLiveSpeech(server.client(KEY), { voice_id: 7 }, { WebSocket });
    const peer = await server.nextPeer();
    expect(peer.url.pathname).toBe("/apis/live-tts/ws");
    expect(peer.headers["x-api-key"]).toBe(KEY);
    expect(peer.url.search).toBe("");
    const start = await peer.nextMessage();
    expect(start).toEqual({ type: "session.start", voice_id: 7 });
    await session.close();
  });

  test("keyPlacement query puts it in the channel's own query parameter, and in no header", async () => {
    const speech = openLiveSpeech(server.client(KEY), { voice_id: 7 }, { WebSocket, keyPlacement: "query" });
    const speechPeer = await server.nextPeer();
    expect(speechPeer.url.searchParams.get("api_key")).toBe(KEY);
    expect(speechPeer.headers["x-api-key"]).toBeUndefined();
    await speech.close();

    const listen = openLiveTranscription(
      server.client(KEY),
      { sample_rate: 24_000 },
      { WebSocket, keyPlacement: "query" },
    );
    const listenPeer = await server.nextPeer();
    expect(listenPeer.url.pathname).toBe("/streaming-transcription/listen");
    expect(Object.fromEntries(listenPeer.url.searchParams)).toEqual({ sample_rate: "24000", x_api_key: KEY });
    expect(listenPeer.headers["x-api-key"]).toBeUndefined();
    await listen.close();
  });

  test("realtime translation sends the key only as auth.api_key of its session.update", async () => {
    const settings = { source_language: "en-us", target_language: "de-de", model: "iris" as const };
    const session = openRealtimeTranslation(server.client(KEY), settings, { WebSocket });
    const peer = await server.nextPeer();
    expect(peer.url.pathname).toBe("/v1/realtime");
    expect(Object.fromEntries(peer.url.searchParams)).toEqual({ model: "iris" });
    expect(peer.headers["x-api-key"]).toBeUndefined();
    expect(await peer.nextMessage()).toEqual({
      type: "session.update",
      session: settings,
      auth: { api_key: KEY },
    });
    await session.close();
  });

  test("a client without a key sends none: no header, no query parameter, no auth field", async () => {
    const speech = openLiveSpeech(server.client(), { voice_id: 7 }, { WebSocket });
    const speechPeer = await server.nextPeer();
    expect(speechPeer.headers["x-api-key"]).toBeUndefined();
    expect(speechPeer.url.search).toBe("");
    await speech.close();

    const settings = { source_language: "en-us", target_language: "de-de" };
    const translation = openRealtimeTranslation(server.client(), settings, { WebSocket });
    const translationPeer = await server.nextPeer();
    expect(await translationPeer.nextMessage()).toEqual({ type: "session.update", session: settings });
    await translation.close();
  });
});

describe("where the runtime decides", () => {
  const base = {
    channel: "liveSpeech" as const,
    url: "wss://client.camb.ai/apis/live-tts/ws",
    apiKey: KEY,
    requested: undefined,
  };

  test("a browser and Deno (no WebSocket headers) put the key in the query; errors may print the URL without it", () => {
    for (const runtime of ["browser", "deno"] as const) {
      const placed = placeKey({ ...base, runtime, customSocket: false });
      expect(new URL(placed.url).searchParams.get("api_key")).toBe(KEY);
      expect(placed.headers).toBeUndefined();
      expect(placed.printableUrl).not.toContain(KEY);
    }
  });

  test("Bun sends the header; asking a browser for a header is a TypeError, unless a WebSocket class is passed", () => {
    expect(placeKey({ ...base, runtime: "bun", customSocket: false }).headers).toEqual({ "x-api-key": KEY });
    expect(() => placeKey({ ...base, runtime: "browser", customSocket: false, requested: "header" })).toThrow(
      TypeError,
    );
    expect(
      placeKey({ ...base, runtime: "browser", customSocket: true, requested: "header" }).headers,
    ).toEqual({
      "x-api-key": KEY,
    });
  });
});
