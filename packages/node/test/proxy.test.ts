// createCambProxy: the allow-list, the key added and never leaked, both bodies streamed, aborts and 502s.
import type { IncomingMessage } from "node:http";
import { families, type OperationId, operations } from "@camb-kit/client";
import { afterEach, describe, expect, it } from "vitest";
import { deferred, startServer, type TestServer } from "../../../tests/support/http-server.js";
import { createCambProxy, DEFAULT_PROXY_ALLOW } from "../src/index.js";
import { startProxy } from "./helpers/proxy-server.js";

const KEY = "sk-live-proxy-secret-4242";
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function upstreamAnswering(handler: Parameters<typeof startServer>[0]) {
  const upstream = await startServer(handler);
  servers.push(upstream);
  return upstream;
}

async function proxyTo(upstream: TestServer, options: Partial<Parameters<typeof createCambProxy>[0]> = {}) {
  const proxy = await startProxy({ apiKey: KEY, baseUrl: upstream.url, ...options });
  servers.push(proxy);
  return `${proxy.url}/api/camb`;
}

const json = (body: unknown) => (_req: IncomingMessage, res: import("node:http").ServerResponse) => {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
};

describe("createCambProxy", () => {
  it("forwards an allowed call with the key added and the caller's credentials removed", async () => {
    const upstream = await upstreamAnswering(json([{ id: 1, voice_name: "Ada" }]));
    const base = await proxyTo(upstream);
    const response = await fetch(`${base}/list-voices?page=2`, {
      headers: {
        accept: "application/json",
        cookie: "session=abc",
        authorization: "Bearer app-token",
        "x-api-key": "browser-guess",
        traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([{ id: 1, voice_name: "Ada" }]);
    expect(upstream.requests).toHaveLength(1);
    const sent = upstream.requests[0]!;
    expect(sent.method).toBe("GET");
    expect(sent.path).toBe("/list-voices?page=2");
    expect(sent.headers["x-api-key"]).toBe(KEY);
    expect(sent.headers.cookie).toBeUndefined();
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.headers.accept).toBe("application/json");
    expect(sent.headers.traceparent).toContain("0af7651916cd43dd");
  });

  it("answers 403 for operations outside the allow-list and never calls upstream", async () => {
    const upstream = await upstreamAnswering(json({ task_id: "t" }));
    const base = await proxyTo(upstream);
    const forbidden: [string, string][] = [
      ["POST", "/tts"], // creating tasks is opt-in
      ["POST", "/tts-stream"], // and so is streaming speech (it spends credits)
      ["POST", "/create-custom-voice"],
      ["GET", "/tts-stream"], // right path, wrong method
      ["GET", "/admin"],
      ["GET", "/tts/..%2F..%2Fsecret"],
      ["GET", "/tts/%2e%2e"],
    ];
    for (const [method, path] of forbidden) {
      const response = await fetch(`${base}${path}`, { method, body: method === "POST" ? "{}" : null });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    expect((await fetch(`${base.replace("/api/camb", "")}/elsewhere/list-voices`)).status).toBe(404);
    expect(upstream.requests).toHaveLength(0);
  });

  it("allows every read by default (GETs and bulk result URLs), nothing that spends or changes the account", () => {
    const ids = Object.keys(operations) as OperationId[];
    for (const id of ids) {
      const { method, tasks, readOnly } = operations[id];
      const reads = method === "GET" || tasks.some((task) => task.role === "bulk");
      // The spec marks the GETs that change state (`x-camb-changes-state`): those stay opt-in.
      expect(DEFAULT_PROXY_ALLOW.includes(id), id).toBe(reads && readOnly);
    }
    const stateChangingGets = ids.filter((id) => operations[id].method === "GET" && !operations[id].readOnly);
    expect(stateChangingGets.length).toBeGreaterThan(0);
    for (const id of stateChangingGets) expect(DEFAULT_PROXY_ALLOW).not.toContain(id);
    // Every task family's create call (uploads included) is opt-in; so are streamed speech and cloning.
    for (const family of Object.values(families)) {
      if (family.operations.create) expect(DEFAULT_PROXY_ALLOW).not.toContain(family.operations.create);
      for (const read of [family.operations.status, family.operations.result, family.operations.bulk]) {
        if (read) expect(DEFAULT_PROXY_ALLOW).toContain(read);
      }
    }
    expect(DEFAULT_PROXY_ALLOW).not.toContain("streamSpeech");
    expect(DEFAULT_PROXY_ALLOW).not.toContain("createCustomVoice");
  });

  it("opens operations by operationId or spec path, and rejects typos at startup", async () => {
    const upstream = await upstreamAnswering(json({ task_id: "t-1" }));
    const base = await proxyTo(upstream, {
      allow: ["createSoundTask", "/list-voices"],
      prefix: "/api/camb/",
    });
    const created = await fetch(`${base}/text-to-sound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt: "rain" }),
    });
    expect(created.status).toBe(200);
    expect((await fetch(`${base}/list-voices`)).status).toBe(200);
    expect((await fetch(`${base}/source-languages`)).status).toBe(403);
    expect(upstream.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /text-to-sound",
      "GET /list-voices",
    ]);
    expect(() => createCambProxy({ apiKey: KEY, allow: ["listVoice" as never] })).toThrow(/listVoice/);
    expect(() => createCambProxy({ apiKey: "" })).toThrow(TypeError);
  });

  it("never returns the key: not in headers, not in a body, even split across chunks", async () => {
    const upstream = await upstreamAnswering((_req, res) => {
      res.writeHead(401, { "content-type": "application/json", "x-echo": `key=${KEY}`, "set-cookie": "a=b" });
      const text = JSON.stringify({ detail: `Invalid key ${KEY}, and again ${KEY}` });
      const cut = text.indexOf(KEY) + 5;
      res.write(text.slice(0, cut), () => res.end(text.slice(cut)));
    });
    const base = await proxyTo(upstream);
    const response = await fetch(`${base}/list-voices`);
    expect(response.status).toBe(401);
    const body = await response.text();
    expect(body).not.toContain(KEY);
    expect(body).toContain("[redacted]");
    for (const [name, value] of response.headers) {
      expect(`${name}: ${value}`).not.toContain(KEY);
    }
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("streams the response through without buffering it", async () => {
    const firstSeen = deferred();
    const upstream = await upstreamAnswering(async (_req, res) => {
      res.writeHead(200, { "content-type": "audio/mpeg" });
      res.write(Buffer.alloc(1000, 1));
      await firstSeen.promise; // the rest is only sent once the client has the first chunk
      res.end(Buffer.alloc(1000, 2));
    });
    const base = await proxyTo(upstream, { allow: ["streamSpeech"] });
    const response = await fetch(`${base}/tts-stream`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const reader = response.body!.getReader();
    let received = 0;
    const first = await reader.read();
    received += first.value!.length;
    firstSeen.resolve();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      received += chunk.value.length;
    expect(received).toBe(2000);
  });

  it("streams the request body through without buffering it", async () => {
    const upstreamGotFirst = deferred();
    let upstreamBody = "";
    const upstream = await upstreamAnswering((req, res) => {
      req.on("data", (chunk: Buffer) => {
        upstreamBody += chunk.toString();
        upstreamGotFirst.resolve();
      });
      req.on("end", () => res.writeHead(200, { "content-type": "text/plain" }).end("ok"));
    });
    const base = await proxyTo(upstream, { allow: ["createSpeechTask"] });
    const encoder = new TextEncoder();
    let step = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        step++;
        if (step === 1) controller.enqueue(encoder.encode('{"text":"part one'));
        else if (step === 2) {
          await upstreamGotFirst.promise; // only continue once the first part reached the API
          controller.enqueue(encoder.encode(' and two"}'));
        } else controller.close();
      },
    });
    const response = await fetch(`${base}/tts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(await response.text()).toBe("ok");
    expect(upstreamBody).toBe('{"text":"part one and two"}');
  });

  it("a browser that goes away aborts the upstream call (toNodeHandler)", async () => {
    const upstreamClosed = deferred<boolean>();
    const upstream = await upstreamAnswering((_req, res) => {
      res.on("close", () => upstreamClosed.resolve(res.writableFinished));
      res.writeHead(200, { "content-type": "audio/mpeg" });
      res.write(Buffer.alloc(100)); // and never ends
    });
    const base = await proxyTo(upstream, { allow: ["streamSpeech"] });
    const controller = new AbortController();
    const response = await fetch(`${base}/tts-stream`, {
      method: "POST",
      body: "{}",
      signal: controller.signal,
    });
    await response.body!.getReader().read();
    controller.abort();
    expect(await upstreamClosed.promise).toBe(false);
  });

  it("answers 502 without details when the API cannot be reached", async () => {
    const dead = await startServer(() => {});
    const url = dead.url;
    await dead.close();
    const proxy = await startProxy({ apiKey: KEY, baseUrl: url });
    servers.push(proxy);
    const response = await fetch(`${proxy.url}/api/camb/list-voices`);
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain(KEY);
  });
});
