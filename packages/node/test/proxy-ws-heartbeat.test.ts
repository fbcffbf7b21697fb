// The proxy pings browsers: one that stops answering (asleep, its NAT mapping gone) is dropped and its API
// session closed as going away, while one that answers is kept; no timer outlives a session.
import { once } from "node:events";
import { channels } from "@camb-kit/client/spec";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { type CambProxyOptions, createCambProxy } from "../src/index.js";
import {
  closed,
  type Listening,
  messages,
  openBrowser,
  startScriptedUpstream,
  startWsProxy,
  type UpstreamSession,
  wsUrl,
} from "./helpers/ws-relay.js";

const KEY = "sk-live-proxy-heartbeat-012345";
/** The documented default interval. */
const DEFAULT_HEARTBEAT_MS = 30_000;

const running: Listening[] = [];
// Only the intervals are faked: the sockets, and ws's own timeouts, run for real.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  vi.useRealTimers();
});

interface Session {
  browser: WebSocket;
  api: UpstreamSession;
  /** Resolves once the proxy has taken in the next bytes the browser sent (and ws has parsed them). */
  proxyRead(): Promise<void>;
}

/**
 * A live speech session through the proxy. `autoPong: false` makes the browser stand-in one that has gone
 * silent: it no longer answers pings (a browser's own WebSocket always does, where it is alive).
 */
async function session(
  options: Partial<CambProxyOptions>,
  browserOptions = { autoPong: true },
): Promise<Session> {
  const upstream = await startScriptedUpstream();
  const proxy = await startWsProxy({ apiKey: KEY, baseUrl: upstream.url, allow: ["liveSpeech"], ...options });
  running.push(upstream, proxy);
  // The explicit signal that a pong has reached the proxy: a listener on the upgraded socket itself, added
  // after the relay's, so by the time a promise it resolved is awaited, ws has handled the bytes.
  const reads: (() => void)[] = [];
  proxy.server.on("upgrade", (_request, socket) => socket.on("data", () => reads.shift()?.()));
  const url = `${wsUrl(proxy.url)}/api/camb${channels.liveSpeech.path}`;
  const browser = browserOptions.autoPong ? await openBrowser(url) : new WebSocket(url, browserOptions);
  if (browser.readyState !== browser.OPEN) await once(browser, "open");
  return {
    browser,
    api: await upstream.nextSession(),
    proxyRead: () => new Promise<void>((resolve) => reads.push(resolve)),
  };
}

/** Moves the clock one interval on and waits for the ping it sent; fails at once if the proxy dropped it. */
async function nextPing(browser: WebSocket, intervalMs: number): Promise<void> {
  const pinged = new Promise<void>((resolve, reject) => {
    const dropped = (code: number) => reject(new Error(`the proxy dropped the browser (${code})`));
    browser.once("close", dropped);
    browser.once("ping", () => {
      browser.off("close", dropped);
      resolve();
    });
  });
  vi.advanceTimersByTime(intervalMs);
  await pinged;
}

/** The API sends a frame and the browser receives it: the relay is still up both ways. */
async function stillRelaying({ browser, api }: Session, text: string): Promise<void> {
  const inbox = messages(browser);
  const received = inbox.next();
  api.socket.send(text);
  expect(String((await received).data)).toBe(text);
}

describe("the relay's heartbeat toward the browser", () => {
  it("a browser that stops answering is dropped after two intervals, and the API sees it go away (1001)", async () => {
    const live = await session({}, { autoPong: false });
    await nextPing(live.browser, DEFAULT_HEARTBEAT_MS);
    // One unanswered ping is not enough: the session is still relayed after it.
    await stillRelaying(live, "after the first ping");

    const browserClosed = closed(live.browser);
    const apiClosed = closed(live.api.socket);
    vi.advanceTimersByTime(DEFAULT_HEARTBEAT_MS);
    expect((await browserClosed).code).toBe(1006); // terminated, no closing handshake with a dead peer
    expect((await apiClosed).code).toBe(1001);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a browser that answers every ping is kept for many intervals", async () => {
    const live = await session({ heartbeatMs: 5_000 });
    for (let interval = 0; interval < 12; interval++) {
      // Its pong (sent before the ping event) is the only frame it sends.
      const ponged = live.proxyRead();
      await nextPing(live.browser, 5_000);
      await ponged;
    }
    expect(live.browser.readyState).toBe(WebSocket.OPEN);
    expect(live.api.socket.readyState).toBe(WebSocket.OPEN);
    await stillRelaying(live, "after twelve pings");
    expect(vi.getTimerCount()).toBe(1);
  });

  it("any frame from the browser counts as an answer, not only a pong", async () => {
    const live = await session({ heartbeatMs: 5_000 }, { autoPong: false });
    const upstreamInbox = messages(live.api.socket);
    for (let interval = 0; interval < 6; interval++) {
      await nextPing(live.browser, 5_000);
      const received = upstreamInbox.next();
      live.browser.send(JSON.stringify({ type: "text", text: `line ${interval}` }));
      await received; // the proxy has read it: it came after the ping
    }
    expect(live.browser.readyState).toBe(WebSocket.OPEN);
    await stillRelaying(live, "after six messages");
  });

  it("heartbeatMs 0 sends no ping and sets no timer", async () => {
    const live = await session({ heartbeatMs: 0 }, { autoPong: false });
    const pings: Buffer[] = [];
    live.browser.on("ping", (data) => pings.push(data));
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(20 * DEFAULT_HEARTBEAT_MS);
    // A ping would have gone out on the same connection before this frame.
    await stillRelaying(live, "after ten minutes");
    expect(pings).toEqual([]);
    expect(live.api.socket.readyState).toBe(WebSocket.OPEN);
  });

  it("no timer remains once a session ends", async () => {
    const live = await session({ heartbeatMs: 5_000 });
    expect(vi.getTimerCount()).toBe(1);
    const apiClosed = closed(live.api.socket);
    live.browser.close(1000, "done");
    expect(await apiClosed).toEqual({ code: 1000, reason: "done" });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("refuses a heartbeatMs that is negative, not a number or beyond a timer's range", () => {
    for (const heartbeatMs of [-1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) {
      expect(() => createCambProxy({ apiKey: KEY, heartbeatMs })).toThrow(RangeError);
    }
    expect(() => createCambProxy({ apiKey: KEY, heartbeatMs: 0 })).not.toThrow();
  });
});
