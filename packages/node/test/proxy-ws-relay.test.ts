// createCambProxy relays WebSocket sessions on node:http's upgrade: the key goes where each channel wants it
// and never back, frames pass both ways as they are, and the browser's own credentials stay behind.
import { channels } from "@camb-kit/client/spec";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_PROXY_ALLOW } from "../src/index.js";
import {
  closed,
  type Listening,
  messages,
  openBrowser,
  type ScriptedUpstream,
  startScriptedUpstream,
  startWsProxy,
  wsUrl,
} from "./helpers/ws-relay.js";

const KEY = "sk-live-proxy-0123456789abcdef";
const BROWSER_KEY = "sk-browser-must-not-pass-000";
const ALL_CHANNELS = ["liveSpeech", "liveTranscription", "realtimeTranslation"] as const;

const running: Listening[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** A scripted API and the proxy in front of it, allowing every channel (both servers at the upstream). */
async function relay(): Promise<{ upstream: ScriptedUpstream; proxy: string }> {
  const upstream = await startScriptedUpstream();
  const proxy = await startWsProxy({
    apiKey: KEY,
    baseUrl: upstream.url,
    realtimeBaseUrl: upstream.url,
    allow: [...DEFAULT_PROXY_ALLOW, ...ALL_CHANNELS],
  });
  running.push(upstream, proxy);
  return { upstream, proxy: `${wsUrl(proxy.url)}/api/camb` };
}

describe("the proxy's WebSocket relay", () => {
  it("live speech: the key goes up in the header, the browser's key, cookies and origin do not", async () => {
    const { upstream, proxy } = await relay();
    const browser = await openBrowser(`${proxy}${channels.liveSpeech.path}?api_key=${BROWSER_KEY}&extra=1`, {
      "x-api-key": BROWSER_KEY,
      cookie: "session=secret",
      authorization: "Bearer app-token",
      traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    });
    const session = await upstream.nextSession();
    expect(session.path).toBe(channels.liveSpeech.path);
    expect([...session.query.keys()]).toEqual([]); // the channel declares no query parameter
    expect(session.headers[channels.liveSpeech.auth.header]).toBe(KEY);
    expect(session.headers.cookie).toBeUndefined();
    expect(session.headers.authorization).toBeUndefined();
    expect(session.headers.origin).toBeUndefined();
    expect(session.headers.traceparent).toMatch(/^00-0af7/);
    browser.close();
  });

  it("passes text and binary frames both ways, unchanged and in order", async () => {
    const { upstream, proxy } = await relay();
    const browser = await openBrowser(`${proxy}${channels.liveSpeech.path}`);
    const session = await upstream.nextSession();
    const atApi = messages(session.socket);
    const atBrowser = messages(browser);

    const start = JSON.stringify({ type: "session.start", voice_id: 147320 });
    browser.send(start);
    browser.send(Buffer.from([1, 2, 3]));
    expect(await atApi.next()).toEqual({ data: Buffer.from(start), binary: false });
    expect(await atApi.next()).toEqual({ data: Buffer.from([1, 2, 3]), binary: true });

    const audio = Buffer.alloc(channels.liveSpeech.audioOut.maxFrameBytes, 7);
    session.socket.send(JSON.stringify({ type: "segment.start", segment_id: 0, text: "Hi" }));
    session.socket.send(audio);
    session.socket.send(JSON.stringify({ type: "segment.done", segment_id: 0 }));
    const first = await atBrowser.next();
    expect(first.binary).toBe(false);
    expect(JSON.parse(first.data.toString())).toMatchObject({ type: "segment.start" });
    expect(await atBrowser.next()).toEqual({ data: audio, binary: true });
    expect(JSON.parse((await atBrowser.next()).data.toString())).toMatchObject({ type: "segment.done" });
    browser.close();
  });

  it("live transcription: its declared query parameters pass, the key goes in the header, not x_api_key", async () => {
    const { upstream, proxy } = await relay();
    const { query, auth, path } = channels.liveTranscription;
    await openBrowser(
      `${proxy}${path}?sample_rate=24000&language=de-de&${auth.query}=${BROWSER_KEY}&debug=1`,
    );
    const session = await upstream.nextSession();
    expect(session.path).toBe(path);
    expect(Object.fromEntries(session.query)).toEqual({ sample_rate: "24000", language: "de-de" });
    expect(query.parameters).toEqual(expect.arrayContaining(["sample_rate", "language"]));
    expect(session.headers[auth.header]).toBe(KEY);
  });

  it("realtime translation: the key is set in the first message's auth field, replacing the browser's", async () => {
    const { upstream, proxy } = await relay();
    const { path, auth } = channels.realtimeTranslation;
    const browser = await openBrowser(`${proxy}${path}?model=iris&api_key=${BROWSER_KEY}`);
    const session = await upstream.nextSession();
    expect(Object.fromEntries(session.query)).toEqual({ model: "iris" });
    expect(session.headers["x-api-key"]).toBeUndefined();
    const atApi = messages(session.socket);

    const update = {
      type: "session.update",
      session: { source_language: "en-us", target_language: "es-es" },
      auth: { api_key: BROWSER_KEY },
    };
    browser.send(JSON.stringify(update));
    const append = JSON.stringify({ type: "input_audio_buffer.append", audio: "AAAA", auth: "left alone" });
    browser.send(append);
    const first = JSON.parse((await atApi.next()).data.toString());
    const [outer, inner] = auth.message;
    expect(first).toEqual({ ...update, [outer]: { [inner]: KEY } });
    expect((await atApi.next()).data.toString()).toBe(append); // only the first message is touched
  });

  it("realtime translation: a first message that is not a JSON object ends the session as a bad request", async () => {
    const { upstream, proxy } = await relay();
    const browser = await openBrowser(`${proxy}${channels.realtimeTranslation.path}`);
    const session = await upstream.nextSession();
    const atApi = messages(session.socket);
    const browserClosed = closed(browser);
    const apiClosed = closed(session.socket);
    browser.send("not json");
    const [code] = Object.entries(channels.realtimeTranslation.closeCodes).find(
      ([, m]) => m === "bad-request",
    )!;
    expect((await browserClosed).code).toBe(Number(code));
    expect((await apiClosed).code).toBe(1000);
    expect(atApi.seen).toEqual([]);
  });

  it("text from the API that echoes the key reaches the browser redacted; audio passes untouched", async () => {
    const { upstream, proxy } = await relay();
    const browser = await openBrowser(`${proxy}${channels.liveSpeech.path}`);
    const session = await upstream.nextSession();
    const atBrowser = messages(browser);
    session.socket.send(JSON.stringify({ type: "session.error", message: `key ${KEY} has no access` }));
    const text = (await atBrowser.next()).data.toString();
    expect(text).not.toContain(KEY);
    expect(JSON.parse(text)).toEqual({ type: "session.error", message: "key [redacted] has no access" });
    const browserClosed = closed(browser);
    session.socket.close(4401, `bad key ${KEY}`);
    const { code, reason } = await browserClosed;
    expect(code).toBe(4401);
    expect(reason).toBe("bad key [redacted]");
  });
});
