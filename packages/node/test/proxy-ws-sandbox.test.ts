// The proxy in front of the sandbox's WebSocket servers: a key-less browser runs every channel's session
// through it, the key placed where each protocol wants it, and the API's close codes reach the browser.
import { channels } from "@camb-kit/client/spec";
import { startSandbox } from "@camb-kit/sandbox";
import { afterEach, describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { DEFAULT_PROXY_ALLOW } from "../src/index.js";
import { closed, messages, openBrowser, startWsProxy, wsUrl } from "./helpers/ws-relay.js";

const KEY = "sk-live-sandbox-proxy-0123456789";

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** The sandbox (accepting only `accepted`) and the proxy in front of it holding `proxyKey`. */
async function throughProxy(proxyKey = KEY, accepted = KEY) {
  const sandbox = await startSandbox({ port: 0, apiKeys: [accepted] });
  running.push(sandbox);
  const proxy = await startWsProxy({
    apiKey: proxyKey,
    baseUrl: sandbox.url,
    realtimeBaseUrl: sandbox.realtimeUrl,
    allow: [...DEFAULT_PROXY_ALLOW, "liveSpeech", "liveTranscription", "realtimeTranslation"],
  });
  running.push(proxy);
  return { sandbox, base: `${wsUrl(proxy.url)}/api/camb` };
}

/** Reads JSON messages (and counts binary bytes) until one of type `until`. */
async function readUntil(socket: WebSocket, inbox: ReturnType<typeof messages>, until: string) {
  const types: string[] = [];
  let audioBytes = 0;
  for (;;) {
    const message = await inbox.next();
    if (message.binary) {
      audioBytes += message.data.length;
      continue;
    }
    const { type } = JSON.parse(message.data.toString()) as { type: string };
    types.push(type);
    if (type === until) return { types, audioBytes, socket };
  }
}

describe("createCambProxy's relay in front of the sandbox", () => {
  it("live speech: a key-less browser gets the session, its segments and their audio", async () => {
    const { sandbox, base } = await throughProxy();
    const browser = await openBrowser(`${base}${channels.liveSpeech.path}`);
    const inbox = messages(browser);
    const ended = closed(browser);
    browser.send(JSON.stringify({ type: "session.start", voice_id: 147320, language: "en-us" }));
    browser.send(JSON.stringify({ type: "text.chunk", text: "Through the proxy. Twice over." }));
    browser.send(JSON.stringify({ type: "text.done" }));
    const { types, audioBytes } = await readUntil(browser, inbox, "session.done");
    expect(types).toEqual([
      "session.ready",
      "segment.start",
      "segment.done",
      "segment.start",
      "segment.done",
      "session.done",
    ]);
    expect(audioBytes).toBeGreaterThan(1000);
    for (const frame of inbox.seen.filter((message) => message.binary)) {
      expect(frame.data.length).toBeLessThanOrEqual(channels.liveSpeech.audioOut.maxFrameBytes);
    }
    expect((await ended).code).toBe(1000);
    const upgrade = sandbox.requests.find((request) => request.path === channels.liveSpeech.path);
    expect(upgrade!.headers[channels.liveSpeech.auth.header]).toBe(KEY);
  });

  it("realtime translation: the proxy's key in the first message opens the session", async () => {
    const { base } = await throughProxy();
    const browser = await openBrowser(`${base}${channels.realtimeTranslation.path}`);
    const inbox = messages(browser);
    browser.send(
      JSON.stringify({
        type: channels.realtimeTranslation.start,
        session: { source_language: "en-us", target_language: "es-es" },
      }),
    );
    const { types } = await readUntil(browser, inbox, channels.realtimeTranslation.ready);
    expect(types.at(-1)).toBe("session.created");
    browser.close();
  });

  it("live transcription: the session opens with its query, and the key in the header", async () => {
    const { sandbox, base } = await throughProxy();
    const browser = await openBrowser(`${base}${channels.liveTranscription.path}?sample_rate=24000`);
    const inbox = messages(browser);
    await readUntil(browser, inbox, channels.liveTranscription.ready);
    const upgrade = sandbox.requests.find((request) => request.path === channels.liveTranscription.path);
    expect(new URL(upgrade!.url).searchParams.get("sample_rate")).toBe("24000");
    expect(upgrade!.headers[channels.liveTranscription.auth.header]).toBe(KEY);
    browser.close();
  });

  it("the API's close codes reach the browser: 4401 for a key it refuses, 4400, 4402", async () => {
    const refused = await throughProxy("sk-a-key-the-sandbox-refuses-000", KEY);
    const a = await openBrowser(`${refused.base}${channels.liveSpeech.path}`);
    const aClosed = closed(a);
    a.send(JSON.stringify({ type: "session.start", voice_id: 147320 }));
    expect((await aClosed).code).toBe(4401);

    const { base } = await throughProxy();
    const b = await openBrowser(`${base}${channels.liveSpeech.path}`);
    const bClosed = closed(b);
    b.send(JSON.stringify({ type: "text.chunk", text: "not a start" }));
    expect((await bClosed).code).toBe(4400);

    const c = await openBrowser(`${base}${channels.liveSpeech.path}`);
    const cClosed = closed(c);
    c.send(JSON.stringify({ type: "session.start", voice_id: 147320 }));
    c.send(JSON.stringify({ type: "text.chunk", text: "Out of credits [sandbox:payment]. " }));
    expect((await cClosed).code).toBe(4402);
  });
});
