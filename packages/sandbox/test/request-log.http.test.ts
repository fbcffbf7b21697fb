// The HTTP server's request log at GET /_sandbox/requests: what a test in another process counts with.
import { apiKeyHeader, channelUrl, matchOperation, operations } from "@camb-kit/client/spec";
import { afterEach, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import { type RecordedRequest, type RunningSandbox, startSandbox } from "../src/index.js";
import { CONTROL_PREFIX } from "../src/internal.js";

const KEY = "request-log-key-51f0c2";
const headers = { [apiKeyHeader]: KEY, "content-type": "application/json" };
let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function log(query = ""): Promise<RecordedRequest[]> {
  const response = await fetch(`${sandbox?.url}${CONTROL_PREFIX}/requests${query}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json");
  return (await response.json()) as RecordedRequest[];
}

const speech = { text: "Counted.", voice_id: 147320, language: 1 };

describe("GET /_sandbox/requests", () => {
  test("answers every request seen, in order, with the operation each was routed to", async () => {
    sandbox = await startSandbox({ port: 0 });
    const created = await fetch(`${sandbox.url}${operations.createSpeechTask.path}`, {
      method: "POST",
      headers,
      body: JSON.stringify(speech),
    });
    expect(created.status).toBe(200);
    await fetch(`${sandbox.url}${operations.listVoices.path}`, { headers });
    await fetch(`${sandbox.url}/no-such-path`, { headers });

    const seen = await log();
    expect(seen.map((request) => [request.method, request.path, request.operationId])).toEqual([
      ["POST", operations.createSpeechTask.path, "createSpeechTask"],
      ["GET", operations.listVoices.path, "listVoices"],
      ["GET", "/no-such-path", undefined],
    ]);
    // The same entries the in-process log holds: looking at it over HTTP added nothing.
    expect(sandbox.requests).toHaveLength(3);
    expect(await log()).toHaveLength(3);
  });

  test("?operation= keeps only those operations (repeatable), so a test can count creates", async () => {
    sandbox = await startSandbox({ port: 0 });
    for (let i = 0; i < 3; i++)
      await fetch(`${sandbox.url}${operations.createSpeechTask.path}`, {
        method: "POST",
        headers,
        body: JSON.stringify(speech),
      });
    await fetch(`${sandbox.url}${operations.listVoices.path}`, { headers });
    expect(await log("?operation=createSpeechTask")).toHaveLength(3);
    expect(await log("?operation=createSpeechTask&operation=listVoices")).toHaveLength(4);
    expect(await log("?operation=getSpeechTaskStatus")).toEqual([]);
  });

  test("shows that a key was sent, never the key", async () => {
    sandbox = await startSandbox({ port: 0 });
    await fetch(`${sandbox.url}${operations.listVoices.path}`, { headers });
    const text = await (await fetch(`${sandbox.url}${CONTROL_PREFIX}/requests`)).text();
    expect(text).not.toContain(KEY);
    expect(JSON.parse(text)[0].headers[apiKeyHeader]).toBe("[redacted]");
    // The in-process log is the test's own and keeps what was sent.
    expect(sandbox.requests[0]?.headers[apiKeyHeader]).toBe(KEY);
  });

  test("hides a key sent in a WebSocket session's query parameter too", async () => {
    sandbox = await startSandbox({ port: 0 });
    const url = channelUrl("liveTranscription", {
      apiBaseUrl: sandbox.url,
      realtimeBaseUrl: sandbox.realtimeUrl,
      query: { x_api_key: KEY, language: "en-us" },
    });
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    socket.terminate();
    const text = await (await fetch(`${sandbox.url}${CONTROL_PREFIX}/requests`)).text();
    expect(text).not.toContain(KEY);
    const [session] = JSON.parse(text) as RecordedRequest[];
    expect(new URL(session?.url ?? "").searchParams.get("x_api_key")).toBe("[redacted]");
    expect(new URL(session?.url ?? "").searchParams.get("language")).toBe("en-us");
  });

  test("is not faulted, delayed or recorded: a fault on every route leaves it alone", async () => {
    sandbox = await startSandbox({ port: 0, faults: [{ kind: "status", status: 503 }] });
    expect((await fetch(`${sandbox.url}${operations.listVoices.path}`, { headers })).status).toBe(503);
    expect((await log()).map((request) => request.operationId)).toEqual(["listVoices"]);
  });

  test("other paths under the prefix answer 404, other methods 405", async () => {
    sandbox = await startSandbox({ port: 0 });
    expect((await fetch(`${sandbox.url}${CONTROL_PREFIX}/nothing`)).status).toBe(404);
    const posted = await fetch(`${sandbox.url}${CONTROL_PREFIX}/requests`, { method: "POST", body: "x" });
    expect(posted.status).toBe(405);
    expect(posted.headers.get("allow")).toBe("GET, HEAD");
    expect(sandbox.requests).toEqual([]);
  });

  test("no operation of the spec lives under the prefix", () => {
    for (const operation of Object.values(operations)) {
      expect(operation.path.startsWith(`${CONTROL_PREFIX}/`)).toBe(false);
      expect(matchOperation(operation.method.toUpperCase(), `${CONTROL_PREFIX}/requests`)).toBeUndefined();
    }
  });
});
