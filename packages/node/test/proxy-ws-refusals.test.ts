// Sessions the proxy does not relay: channels not allowed (none are by default), foreign origins, paths that
// name no channel, and an API that refuses, cannot be reached or does not answer the handshake.
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { channels } from "@camb-kit/client/spec";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { deferred } from "../../../tests/support/http-server.js";
import { createCambProxy, DEFAULT_PROXY_ALLOW, toNodeHandler } from "../src/index.js";
import { keyPlacement } from "../src/proxy/channel-target.js";
import {
  type Listening,
  openBrowser,
  refusedWith,
  startScriptedUpstream,
  startWsProxy,
  wsUrl,
} from "./helpers/ws-relay.js";

const KEY = "sk-live-proxy-refusals-0123456789";

const running: Listening[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function proxyTo(
  upstreamUrl: string,
  options: { allow?: readonly string[]; webSocketOrigins?: string[]; upstreamTimeoutMs?: number } = {},
) {
  const proxy = await startWsProxy({
    apiKey: KEY,
    baseUrl: upstreamUrl,
    realtimeBaseUrl: upstreamUrl,
    allow: (options.allow ?? [...DEFAULT_PROXY_ALLOW, "liveSpeech"]) as never,
    webSocketOrigins: options.webSocketOrigins,
    upstreamTimeoutMs: options.upstreamTimeoutMs,
  });
  running.push(proxy);
  return { base: `${wsUrl(proxy.url)}/api/camb`, http: proxy.url };
}

describe("sessions the proxy refuses", () => {
  it("opens no channel by default: every one is refused with 403 and nothing reaches the API", async () => {
    const upstream = await startScriptedUpstream();
    running.push(upstream);
    const { base } = await proxyTo(upstream.url, { allow: DEFAULT_PROXY_ALLOW });
    for (const channel of Object.values(channels)) {
      const refused = await refusedWith(`${base}${channel.path}`);
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.body)).toContain("is not allowed through this proxy");
    }
    expect(upstream.upgrades).toBe(0);
  });

  it("refuses a channel left out of allow, and relays the one listed", async () => {
    const upstream = await startScriptedUpstream();
    running.push(upstream);
    const { base } = await proxyTo(upstream.url, { allow: ["liveTranscription"] });
    expect((await refusedWith(`${base}${channels.liveSpeech.path}`)).status).toBe(403);
    const browser = await openBrowser(`${base}${channels.liveTranscription.path}`);
    expect((await upstream.nextSession()).path).toBe(channels.liveTranscription.path);
    browser.close();
    expect(upstream.upgrades).toBe(1);
  });

  it("throws at startup for an allow entry that is no operation, path or channel", () => {
    expect(() => createCambProxy({ apiKey: KEY, allow: ["liveSpeach" as never] })).toThrow(TypeError);
  });

  it("refuses pages of another origin (no CORS protects a WebSocket), unless their origin is listed", async () => {
    const upstream = await startScriptedUpstream();
    running.push(upstream);
    const { base, http } = await proxyTo(upstream.url, { webSocketOrigins: ["https://app.example"] });
    const url = `${base}${channels.liveSpeech.path}`;
    expect((await refusedWith(url, { origin: "https://evil.example" })).status).toBe(403);
    expect((await refusedWith(url, { origin: "null" })).status).toBe(403);
    expect(upstream.upgrades).toBe(0);
    (await openBrowser(url, { origin: http })).close(); // its own origin
    (await openBrowser(url, { origin: "https://app.example" })).close();
    expect(upstream.upgrades).toBe(2);
  });

  it("answers 404 for a path under the prefix that names no channel, 426 for a channel over plain HTTP", async () => {
    const upstream = await startScriptedUpstream();
    running.push(upstream);
    const { base, http } = await proxyTo(upstream.url);
    expect((await refusedWith(`${base}/no-such-channel`)).status).toBe(404);
    const plain = await fetch(`${http}/api/camb${channels.liveSpeech.path}`);
    expect(plain.status).toBe(426);
    expect(upstream.upgrades).toBe(0);
  });

  it("leaves upgrades outside its prefix to the server's other listeners", async () => {
    const handler = toNodeHandler(createCambProxy({ apiKey: KEY }));
    const server = createServer(handler);
    const declined: string[] = [];
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (handler.upgrade(req, socket, head)) return;
      declined.push(req.url ?? "");
      socket.end("HTTP/1.1 418 I'm a teapot\r\nContent-Length: 0\r\n\r\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/hmr`);
      socket.on("error", () => {});
      const [, response] = (await once(socket, "unexpected-response")) as [unknown, IncomingMessage];
      expect(response.statusCode).toBe(418);
      expect(declined).toEqual(["/hmr"]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("passes on the API's refusal of the handshake (401) without its body", async () => {
    const upstream = await startScriptedUpstream((_request, socket) => {
      socket.end(`HTTP/1.1 401 Unauthorized\r\nContent-Length: ${KEY.length}\r\n\r\n${KEY}`);
      return true;
    });
    running.push(upstream);
    const { base } = await proxyTo(upstream.url);
    const refused = await refusedWith(`${base}${channels.liveSpeech.path}`);
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).not.toContain(KEY);
  });

  it("answers 502 when the API cannot be reached, 504 when its handshake does not come in time", async () => {
    const gone = await startScriptedUpstream();
    const goneUrl = gone.url;
    await gone.close();
    const unreachable = await proxyTo(goneUrl);
    const refused = await refusedWith(`${unreachable.base}${channels.liveSpeech.path}`);
    expect(refused).toEqual({ status: 502, body: { detail: "The CAMB API could not be reached" } });

    const held: Duplex[] = [];
    const silent = await startScriptedUpstream((_request, socket) => {
      held.push(socket.resume()); // never answered; read, so that its end is seen
      return true;
    });
    running.push(silent);
    const slow = await proxyTo(silent.url, { upstreamTimeoutMs: 300 });
    expect((await refusedWith(`${slow.base}${channels.liveSpeech.path}`)).status).toBe(504);
    // The proxy ended its connection to the API (the API's side sees the end of its input).
    await Promise.all(held.map((socket) => (socket.readableEnded ? null : once(socket, "end"))));
  });

  it("drops its connection to the API when the browser goes away during the handshake", async () => {
    const held: Duplex[] = [];
    const reached = deferred();
    const silent = await startScriptedUpstream((_request, socket) => {
      held.push(socket.resume());
      reached.resolve();
      return true;
    });
    running.push(silent);
    const { base } = await proxyTo(silent.url, { upstreamTimeoutMs: 0 });
    const browser = new WebSocket(`${base}${channels.liveSpeech.path}`);
    browser.on("error", () => {});
    await reached.promise;
    browser.terminate();
    await once(held[0]!, "end");
  });
});

describe("where the key goes on a channel", () => {
  it("a header when the channel takes one, else its query parameter, else the first message's field", () => {
    expect(keyPlacement({ header: "x-api-key", query: "api_key", message: null })).toEqual({
      kind: "header",
      name: "x-api-key",
    });
    expect(keyPlacement({ header: null, query: "api_key", message: null } as never)).toEqual({
      kind: "query",
      name: "api_key",
    });
    expect(keyPlacement(channels.realtimeTranslation.auth)).toEqual({
      kind: "message",
      field: channels.realtimeTranslation.auth.message,
    });
  });
});
