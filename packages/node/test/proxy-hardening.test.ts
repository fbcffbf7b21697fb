// createCambProxy against hostile clients and servers: it routes on the request target (never the Host
// header), redacts the reason phrase, bounds request bodies and the wait for the API, and follows a client
// that leaves.
import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { deferred, startServer, type TestServer } from "../../../tests/support/http-server.js";
import { startProxy } from "./helpers/proxy-server.js";

const KEY = "sk-live-proxy-hardening-7777";
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function started(server: Promise<TestServer>) {
  servers.push(await server);
  return servers.at(-1)!;
}

/** A raw HTTP/1.1 request, so the test controls the Host header and the body exactly. */
function rawRequest(
  url: string,
  init: { method: string; path: string; headers: Record<string, string>; body?: string },
) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { hostname, port, method: init.method, path: init.path, headers: init.headers },
      (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

describe("createCambProxy hardening", () => {
  it("routes on the request target: a Host header carrying a path cannot reach another operation", async () => {
    const upstream = await started(startServer((_req, res) => res.writeHead(200).end("[]")));
    const proxy = await started(startProxy({ apiKey: KEY, baseUrl: upstream.url, allow: ["listVoices"] }));
    const answer = await rawRequest(proxy.url, {
      method: "GET",
      path: "/api/camb/list-voices",
      headers: { host: "x/api/camb/tts-stream?" },
    });
    expect(answer.status).toBe(200);
    expect(upstream.requests.map((request) => request.path)).toEqual(["/list-voices"]);
    // And a POST smuggled the same way is still the POST /list-voices it says it is: not allowed.
    const smuggled = await rawRequest(proxy.url, {
      method: "POST",
      path: "/api/camb/list-voices",
      headers: { host: "x/api/camb/tts-stream?", "content-type": "application/json" },
      body: "{}",
    });
    expect(smuggled.status).toBe(403);
    expect(upstream.requests).toHaveLength(1);
  });

  it("redacts the key from the upstream reason phrase", async () => {
    const upstream = await started(
      startServer((_req, res) =>
        res.writeHead(400, `Bad key ${KEY}`, { "content-type": "text/plain" }).end("no"),
      ),
    );
    const proxy = await started(startProxy({ apiKey: KEY, baseUrl: upstream.url }));
    const response = await fetch(`${proxy.url}/api/camb/list-voices`);
    expect(response.status).toBe(400);
    expect(response.statusText).toBe("Bad key [redacted]");
  });

  it("refuses a body larger than maxRequestBytes: 413 at once when declared, and when it streams past", async () => {
    const upstream = await started(startServer((_req, res) => res.writeHead(200).end("{}")));
    const proxy = await started(
      startProxy({ apiKey: KEY, baseUrl: upstream.url, allow: ["streamSpeech"], maxRequestBytes: 1000 }),
    );
    const declared = await fetch(`${proxy.url}/api/camb/tts-stream`, {
      method: "POST",
      body: "x".repeat(1001),
    });
    expect(declared.status).toBe(413);
    expect(upstream.requests).toHaveLength(0);
    const chunks = [new Uint8Array(600), new Uint8Array(600)];
    const streamed = await fetch(`${proxy.url}/api/camb/tts-stream`, {
      method: "POST",
      body: new ReadableStream({ pull: (c) => (chunks.length ? c.enqueue(chunks.shift()!) : c.close()) }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual({ detail: expect.stringContaining("1000 bytes") });
  });

  it("answers 504 when the API sends no headers within upstreamTimeoutMs, and drops the upstream call", async () => {
    const upstreamClosed = deferred<boolean>();
    const upstream = await started(
      startServer((_req, res) => {
        res.on("close", () => upstreamClosed.resolve(res.writableFinished));
      }),
    );
    const proxy = await started(startProxy({ apiKey: KEY, baseUrl: upstream.url, upstreamTimeoutMs: 200 }));
    const response = await fetch(`${proxy.url}/api/camb/list-voices`);
    expect(response.status).toBe(504);
    expect(await upstreamClosed.promise).toBe(false);
  });

  it("an upstreamTimeoutMs of Infinity waits: it is not the 1 ms timer Node makes of it", async () => {
    const arrived = deferred();
    let answer: (() => void) | undefined;
    const upstream = await started(
      startServer((_req, res) => {
        answer = () => res.writeHead(200, { "content-type": "application/json" }).end("[]");
        arrived.resolve();
      }),
    );
    const proxy = await started(
      startProxy({ apiKey: KEY, baseUrl: upstream.url, upstreamTimeoutMs: Number.POSITIVE_INFINITY }),
    );
    const pending = fetch(`${proxy.url}/api/camb/list-voices`);
    await arrived.promise;
    // Past the 1 ms an unclamped Infinity would have given: the proxy is still waiting for the answer.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 5));
    answer?.();
    expect((await pending).status).toBe(200);
  });

  it("a client that leaves before the API answers cancels the upstream request", async () => {
    const upstreamClosed = deferred<boolean>();
    const arrived = deferred();
    const upstream = await started(
      startServer((_req, res) => {
        arrived.resolve();
        res.on("close", () => upstreamClosed.resolve(res.writableFinished));
      }),
    );
    const proxy = await started(startProxy({ apiKey: KEY, baseUrl: upstream.url }));
    const controller = new AbortController();
    const pending = fetch(`${proxy.url}/api/camb/list-voices`, { signal: controller.signal }).catch((e) => e);
    await arrived.promise;
    controller.abort();
    await pending;
    expect(await upstreamClosed.promise).toBe(false);
  });
});
