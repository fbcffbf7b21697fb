// Backpressure in the relay: when one side reads slower than the other sends, the proxy stops reading the
// fast side instead of buffering, so a slow link never makes its memory grow; nothing is lost or reordered.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { HIGH_WATER_BYTES, relayFrames } from "../src/proxy/frame-relay.js";

const FRAME_BYTES = 64 * 1024;
// Far more than loopback's socket buffers take on the way (a few MiB each), so most must wait at the sender.
const TOTAL_BYTES = 64 * 1024 * 1024;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A real WebSocket pair on 127.0.0.1: the server's end and the client's. */
async function pair(): Promise<{ server: WebSocket; client: WebSocket }> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const accepted = once(wss, "connection");
  const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`);
  const [server] = (await accepted) as [WebSocket];
  await once(client, "open");
  cleanups.push(async () => {
    client.terminate();
    server.terminate();
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  });
  return { server, client };
}

/** Frame `index` of the flood: its number first, so that order can be checked. */
function frame(index: number): Buffer {
  const bytes = Buffer.alloc(FRAME_BYTES, index % 251);
  bytes.writeUInt32BE(index, 0);
  return bytes;
}

/**
 * The relay between `browser` and `api` (the proxy's two ends); `fast` floods `slow`'s side, which is not
 * read until the fast side has been paused. Returns the most the proxy held unsent toward the slow side.
 */
async function flood(direction: "to-browser" | "to-api") {
  const browserLink = await pair(); // server: the proxy's end; client: the browser
  const apiLink = await pair(); // server: the API; client: the proxy's end
  const proxyBrowser = browserLink.server;
  const proxyApi = apiLink.client;
  relayFrames(proxyBrowser, proxyApi, {
    apiKey: "sk-unused-in-this-test",
    placeKey: null,
    badRequestCode: 4400,
  });

  const [sender, reader, proxyToward, proxyFrom] =
    direction === "to-browser"
      ? [apiLink.server, browserLink.client, proxyBrowser, proxyApi]
      : [browserLink.client, apiLink.server, proxyApi, proxyBrowser];
  let mostHeld = 0;
  proxyFrom.on("message", () => {
    mostHeld = Math.max(mostHeld, proxyToward.bufferedAmount);
  });
  reader.pause(); // a slow link: the reader takes nothing for now
  const frames = TOTAL_BYTES / FRAME_BYTES;
  for (let index = 0; index < frames; index++) sender.send(frame(index));

  // The proxy stops reading the fast side once it holds the high-water mark for the slow one.
  await vi.waitFor(() => expect(proxyFrom.isPaused).toBe(true), { timeout: 30_000, interval: 20 });
  expect(proxyToward.bufferedAmount).toBeGreaterThan(0);
  expect(proxyToward.bufferedAmount).toBeLessThanOrEqual(HIGH_WATER_BYTES + FRAME_BYTES);
  // ...and so the sender is held back too: most of the flood is still on its side.
  expect(sender.bufferedAmount).toBeGreaterThan(TOTAL_BYTES / 2);

  const received: number[] = [];
  const all = new Promise<void>((resolve) =>
    reader.on("message", (data: Buffer) => {
      expect(data.equals(frame(data.readUInt32BE(0)))).toBe(true);
      received.push(data.readUInt32BE(0));
      if (received.length === frames) resolve();
    }),
  );
  reader.resume();
  await all;
  expect(received).toEqual(Array.from({ length: frames }, (_, index) => index));
  expect(proxyFrom.isPaused).toBe(false);
  return mostHeld;
}

describe("the relay's backpressure", () => {
  it("a browser that reads slowly pauses the API's side: the proxy holds about the high-water mark", async () => {
    expect(await flood("to-browser")).toBeLessThanOrEqual(HIGH_WATER_BYTES + FRAME_BYTES);
  });

  it("an API that reads slowly pauses the browser's side the same way", async () => {
    expect(await flood("to-api")).toBeLessThanOrEqual(HIGH_WATER_BYTES + FRAME_BYTES);
  });
});
