// The retry loop: which statuses and methods are retried, backoff, Retry-After, and abort during a wait.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { CambConnectionError, createCambClient } from "../src/index.js";
import { json, scriptedFetch } from "./helpers/scripted-fetch.js";

const BASE = "http://camb.test/apis";
const status = (taskId = "t1") => ({ params: { path: { task_id: taskId } } });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("retries", () => {
  test("retries 503 with backoff and returns the first success: exactly 3 requests", async () => {
    const script = scriptedFetch([json(503, {}), json(502, {}), json(200, { status: "PENDING" })]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch, retry: { random: () => 0.5 } });
    const pending = camb.GET("/tts/{task_id}", status());
    await vi.advanceTimersByTimeAsync(0);
    expect(script.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(249); // first window 500 ms, half of it with random 0.5
    expect(script.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(script.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(500); // second window 1000 ms
    const { data, response } = await pending;
    expect(response.status).toBe(200);
    expect(data).toEqual({ status: "PENDING" });
    expect(script.requests).toHaveLength(3);
  });

  test("stops at the limit and returns the last failure", async () => {
    const script = scriptedFetch([json(500, { detail: "boom" })]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch, retry: { maxRetries: 3 } });
    const pending = camb.GET("/list-voices");
    await vi.runAllTimersAsync();
    const { error, response } = await pending;
    expect(response.status).toBe(500);
    expect(error).toEqual({ detail: "boom" });
    expect(script.requests).toHaveLength(4);
  });

  test.each([408, 429, 500, 599])("retries status %i", async (code) => {
    const script = scriptedFetch([json(code, {}), json(200, [])]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch });
    const pending = camb.GET("/list-voices");
    await vi.runAllTimersAsync();
    expect((await pending).response.status).toBe(200);
    expect(script.requests).toHaveLength(2);
  });

  test.each([400, 401, 404, 422])("does not retry status %i", async (code) => {
    const script = scriptedFetch([json(code, {}), json(200, [])]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch });
    const pending = camb.GET("/list-voices");
    await vi.runAllTimersAsync();
    expect((await pending).response.status).toBe(code);
    expect(script.requests).toHaveLength(1);
  });

  test("retries network errors on GET", async () => {
    const script = scriptedFetch([new TypeError("fetch failed"), json(200, [])]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch });
    const pending = camb.GET("/list-voices");
    await vi.runAllTimersAsync();
    expect((await pending).response.status).toBe(200);
    expect(script.requests).toHaveLength(2);
  });

  test.each([429, 503])(
    "retries a POST answered %i: the API says it did not handle it, so no task was started",
    async (code) => {
      const script = scriptedFetch([json(code, {}, { "retry-after": "2" }), json(200, { task_id: "t" })]);
      const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch });
      const pending = camb.POST("/text-to-sound", { body: { prompt: "rain" } });
      await vi.advanceTimersByTimeAsync(1999);
      expect(script.requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).data).toEqual({ task_id: "t" });
      expect(await script.requests[1]?.text()).toBe(JSON.stringify({ prompt: "rain" }));
    },
  );

  test.each([500, 502, 504, 408])(
    "does not retry a POST answered %i: the task may have started, and a second create could pay twice",
    async (code) => {
      const script = scriptedFetch([json(code, {}), json(200, { task_id: "t" })]);
      const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch });
      const pending = camb.POST("/text-to-sound", { body: { prompt: "rain" } });
      await vi.runAllTimersAsync();
      expect((await pending).response.status).toBe(code);
      expect(script.requests).toHaveLength(1);
    },
  );

  test("a connection lost on a POST is a CambConnectionError that says the request may have been sent", async () => {
    const reset = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
    const script = scriptedFetch([reset, json(200, { task_id: "t" })]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch });
    const error = await camb.POST("/text-to-sound", { body: { prompt: "rain" } }).catch((e) => e);
    expect(error).toBeInstanceOf(CambConnectionError);
    expect(error).toMatchObject({ requestSent: true, method: "POST", path: "/text-to-sound", cause: reset });
    expect(error.message).toContain("may have reached the API");
    expect(script.requests).toHaveLength(1);
  });

  test("a connection refused before anything was sent is retried, POST included", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const script = scriptedFetch([refused, json(200, { task_id: "t" })]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch });
    const pending = camb.POST("/text-to-sound", { body: { prompt: "rain" } });
    await vi.runAllTimersAsync();
    expect((await pending).data).toEqual({ task_id: "t" });
    expect(script.requests).toHaveLength(2);
  });

  test("POST opted in: the body is rebuilt for every attempt", async () => {
    const script = scriptedFetch([json(503, {}), json(503, {}), json(200, { task_id: "t" })]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch, retry: { methods: ["POST"] } });
    const pending = camb.POST("/text-to-sound", { body: { prompt: "rain" } });
    await vi.runAllTimersAsync();
    expect((await pending).data).toEqual({ task_id: "t" });
    const bodies = await Promise.all(script.requests.map((request) => request.text()));
    expect(bodies).toEqual(Array(3).fill(JSON.stringify({ prompt: "rain" })));
  });

  test("retry: false sends exactly one request", async () => {
    const script = scriptedFetch([json(503, {}), json(200, [])]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch, retry: false });
    expect((await camb.GET("/list-voices")).response.status).toBe(503);
    expect(script.requests).toHaveLength(1);
  });
});

describe("Retry-After", () => {
  test("delay-seconds form is honoured to the millisecond", async () => {
    const script = scriptedFetch([json(429, {}, { "retry-after": "3" }), json(200, [])]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch, retry: { random: () => 0 } });
    const pending = camb.GET("/list-voices");
    await vi.advanceTimersByTimeAsync(2999);
    expect(script.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(script.requests).toHaveLength(2);
    expect((await pending).response.status).toBe(200);
  });

  test("HTTP-date form is honoured", async () => {
    vi.setSystemTime(new Date("2026-11-20T12:00:00Z"));
    const later = new Date("2026-11-20T12:00:05Z").toUTCString();
    const script = scriptedFetch([json(503, {}, { "retry-after": later }), json(200, [])]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch, retry: { random: () => 0 } });
    const pending = camb.GET("/list-voices");
    await vi.advanceTimersByTimeAsync(4999);
    expect(script.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(script.requests).toHaveLength(2);
    await pending;
  });

  test("a hint above the cap is not shortened: the response is returned without retrying", async () => {
    const script = scriptedFetch([
      json(429, { detail: "slow down" }, { "retry-after": "120" }),
      json(200, []),
    ]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch, retry: { maxRetryAfterMs: 60_000 } });
    const { response } = await camb.GET("/list-voices");
    expect(response.status).toBe(429);
    expect(script.requests).toHaveLength(1);
  });
});

describe("abort", () => {
  test("abort during the backoff sleep rejects at once and sends nothing more", async () => {
    const script = scriptedFetch([json(503, {}, { "retry-after": "30" }), json(200, [])]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch });
    const controller = new AbortController();
    const pending = camb.GET("/list-voices", { signal: controller.signal });
    const outcome = pending.then(
      () => "resolved",
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(script.requests).toHaveLength(1);
    const reason = new Error("user cancelled");
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(await outcome).toBe(reason);
    await vi.runAllTimersAsync();
    expect(script.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  test("an already aborted signal sends nothing", async () => {
    const script = scriptedFetch([json(200, [])]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch });
    const reason = new Error("already gone");
    await expect(camb.GET("/list-voices", { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(script.requests.every((request) => request.signal.aborted)).toBe(true);
  });
});
