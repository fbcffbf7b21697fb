// Each side's close reaches the other through the proxy: the API's close codes reach the browser, and a
// browser that goes away ends the API's session (which spends credits while it is open).
import { channels } from "@camb-kit/client/spec";
import { afterEach, describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import {
  closed,
  type Listening,
  openBrowser,
  startScriptedUpstream,
  startWsProxy,
  type UpstreamSession,
  wsUrl,
} from "./helpers/ws-relay.js";

const KEY = "sk-live-proxy-close-0123456789";

const running: Listening[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** A browser session on live speech through the proxy, and the API's end of it. */
async function session(): Promise<{ browser: WebSocket; api: UpstreamSession }> {
  const upstream = await startScriptedUpstream();
  const proxy = await startWsProxy({ apiKey: KEY, baseUrl: upstream.url, allow: ["liveSpeech"] });
  running.push(upstream, proxy);
  const browser = await openBrowser(`${wsUrl(proxy.url)}/api/camb${channels.liveSpeech.path}`);
  return { browser, api: await upstream.nextSession() };
}

describe("close propagation through the proxy", () => {
  for (const [code, meaning] of Object.entries(channels.liveSpeech.closeCodes)) {
    it(`the API's close ${code} (${meaning}) reaches the browser with its reason`, async () => {
      const { browser, api } = await session();
      const browserClosed = closed(browser);
      api.socket.close(Number(code), `because: ${meaning}`);
      expect(await browserClosed).toEqual({ code: Number(code), reason: `because: ${meaning}` });
    });
  }

  it("the API's normal close reaches the browser after every frame it sent before it", async () => {
    const { browser, api } = await session();
    const received: string[] = [];
    browser.on("message", (data) => received.push(String(data)));
    const browserClosed = closed(browser);
    api.socket.send(JSON.stringify({ type: "segment.done", segment_id: 3 }));
    api.socket.send(JSON.stringify({ type: "session.done" }));
    api.socket.close(1000);
    expect((await browserClosed).code).toBe(1000);
    expect(received.map((text) => JSON.parse(text).type)).toEqual(["segment.done", "session.done"]);
  });

  it("an API connection that drops drops the browser's too (1006), never a clean close", async () => {
    const { browser, api } = await session();
    const browserClosed = closed(browser);
    api.socket.terminate();
    expect((await browserClosed).code).toBe(1006);
  });

  it("a browser that closes closes the API's session with its code and reason", async () => {
    const { browser, api } = await session();
    const apiClosed = closed(api.socket);
    browser.close(4000, "user left");
    expect(await apiClosed).toEqual({ code: 4000, reason: "user left" });
  });

  it("a browser that goes away without a close ends the API's session as going away (1001)", async () => {
    const { browser, api } = await session();
    const apiClosed = closed(api.socket);
    browser.terminate();
    expect((await apiClosed).code).toBe(1001);
  });

  it("a browser close without a code reaches the API without one (1005)", async () => {
    const { browser, api } = await session();
    const apiClosed = closed(api.socket);
    browser.close();
    expect((await apiClosed).code).toBe(1005);
  });
});
