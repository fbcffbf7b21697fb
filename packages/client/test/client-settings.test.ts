// The internal entry's view of a client: its settings, and observers told of every attempt, retries included.
import { describe, expect, test } from "vitest";
import { createCambClient } from "../src/index.js";
import { clientSettings, observeAttempts } from "../src/internal.js";
import { json, scriptedFetch } from "./helpers/scripted-fetch.js";

const BASE = "http://camb.test/apis";
const noWait = { random: () => 0, initialDelayMs: 0 };

describe("clientSettings", () => {
  test("gives back the base URL, key and realtime base the client was made with", () => {
    const camb = createCambClient({
      baseUrl: `${BASE}/`,
      apiKey: "k-123456789",
      realtimeBaseUrl: "ws://127.0.0.1:9",
    });
    expect(clientSettings(camb)).toMatchObject({
      baseUrl: BASE,
      apiKey: "k-123456789",
      realtimeBaseUrl: "ws://127.0.0.1:9",
    });
  });

  test("refuses an object that createCambClient did not make", () => {
    expect(() => clientSettings({})).toThrow(TypeError);
  });
});

describe("observeAttempts", () => {
  test("sees every attempt of a retried call, in order, with each status", async () => {
    const script = scriptedFetch([json(429, {}), json(503, {}), json(200, { status: "PENDING" })]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch, retry: noWait });
    const seen: (number | undefined)[] = [];
    let gated = 0;
    observeAttempts(camb, {
      before: () => {
        gated += 1;
      },
      after: (status) => seen.push(status),
    });
    const { response } = await camb.GET("/tts/{task_id}", { params: { path: { task_id: "t1" } } });
    expect(response.status).toBe(200);
    expect(seen).toEqual([429, 503, 200]);
    expect(gated).toBe(3);
  });

  test("a before hook that waits holds the request back until it resolves", async () => {
    const script = scriptedFetch([json(200, [])]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    observeAttempts(camb, { before: () => gate });
    const pending = camb.GET("/list-voices");
    await Promise.resolve();
    expect(script.requests).toHaveLength(0);
    release();
    await pending;
    expect(script.requests).toHaveLength(1);
  });

  test("a network failure is reported without a status; a detached observer hears nothing more", async () => {
    const failing = async () => {
      throw new TypeError("fetch failed");
    };
    const camb = createCambClient({ baseUrl: BASE, fetch: failing, retry: false });
    const seen: (number | undefined)[] = [];
    const detach = observeAttempts(camb, { after: (status) => seen.push(status) });
    await expect(camb.GET("/list-voices")).rejects.toThrow();
    detach();
    await expect(camb.GET("/list-voices")).rejects.toThrow();
    expect(seen).toEqual([undefined]);
  });

  test("an observer that throws does not change the answer", async () => {
    const script = scriptedFetch([json(200, [])]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch });
    observeAttempts(camb, {
      after: () => {
        throw new Error("observer bug");
      },
    });
    const { response } = await camb.GET("/list-voices");
    expect(response.status).toBe(200);
  });
});
