// The batch's shared pace: AIMD concurrency, the Retry-After pause, the rate ceiling, aborts and order (fake
// timers), then paceClient on a real client against a real HTTP server on 127.0.0.1.
import { getEventListeners } from "node:events";
import { createCambClient } from "@camb-kit/client";
import { operations } from "@camb-kit/client/spec";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startServer, type TestServer } from "../../../tests/support/http-server.js";
import { AdaptiveLimit } from "../src/batch/adaptive-limit.js";
import { paceClient } from "../src/batch/pace-client.js";

/** Marks each promise's settling, in order, without awaiting it. */
function track<T>(promises: Promise<T>[]) {
  const settled: { index: number; at: number; ok: boolean }[] = [];
  promises.forEach((promise, index) => {
    promise.then(
      () => settled.push({ index, at: Date.now(), ok: true }),
      () => settled.push({ index, at: Date.now(), ok: false }),
    );
  });
  return settled;
}

describe("AdaptiveLimit (fake timers)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it("hands out at most `max` slots, in the order they were asked for, and a release twice frees one", async () => {
    const limit = new AdaptiveLimit({ max: 2 });
    const first = await limit.acquire();
    await limit.acquire();
    const waiting = [limit.acquire(), limit.acquire(), limit.acquire()];
    const settled = track(waiting);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toHaveLength(0);
    first();
    first();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled.map((s) => s.index)).toEqual([0]);
    (await waiting[0])?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled.map((s) => s.index)).toEqual([0, 1]);
    expect(limit.active).toBe(2);
  });

  it("halves once for a burst of 429s, again after the window, never below min, and tells each throttle", () => {
    const throttles: unknown[] = [];
    const limit = new AdaptiveLimit({
      max: 8,
      min: 2,
      windowMs: 1_000,
      onThrottle: (t) => throttles.push(t),
    });
    for (let i = 0; i < 6; i++) limit.onResponse(429);
    expect(limit.limit).toBe(4);
    vi.advanceTimersByTime(999);
    limit.onResponse(503);
    expect(limit.limit).toBe(4);
    vi.advanceTimersByTime(1);
    limit.onResponse(503);
    expect(limit.limit).toBe(2);
    vi.advanceTimersByTime(1_000);
    limit.onResponse(429);
    expect(limit.limit).toBe(2);
    expect(throttles).toEqual([
      { limit: 4, retryAfterMs: undefined },
      { limit: 2, retryAfterMs: undefined },
      { limit: 2, retryAfterMs: undefined },
    ]);
  });

  it("grows back by one slot per `limit` successes after the window, up to max; faults do not count", () => {
    const limit = new AdaptiveLimit({ max: 8, windowMs: 1_000 });
    limit.onResponse(429);
    expect(limit.limit).toBe(4);
    for (let i = 0; i < 10; i++) limit.onResponse(200); // within the window: answers to the old rate
    expect(limit.limit).toBe(4);
    vi.advanceTimersByTime(1_000);
    for (let i = 0; i < 10; i++) limit.onResponse(500);
    expect(limit.limit).toBe(4);
    for (let i = 0; i < 4; i++) limit.onResponse(200);
    expect(limit.limit).toBe(5);
    for (let i = 0; i < 5; i++) limit.onResponse(404); // the API answered: it is keeping up
    expect(limit.limit).toBe(6);
    for (let i = 0; i < 100; i++) limit.onResponse(200);
    expect(limit.limit).toBe(8);
  });

  it("holds new slots while more are held than the lowered limit, and hands them out as it grows", async () => {
    const limit = new AdaptiveLimit({ max: 4, windowMs: 0 });
    const held = await Promise.all([limit.acquire(), limit.acquire(), limit.acquire(), limit.acquire()]);
    limit.onResponse(429);
    expect(limit.limit).toBe(2);
    const settled = track([limit.acquire()]);
    held[0]?.();
    held[1]?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toHaveLength(0); // 2 held, limit 2
    limit.onResponse(200);
    limit.onResponse(200);
    await vi.advanceTimersByTimeAsync(0);
    expect(limit.limit).toBe(3);
    expect(settled).toHaveLength(1);
    expect(limit.active).toBe(3);
  });

  it("pauses every request of the batch until Retry-After has passed, including ones asked for during it", async () => {
    const limit = new AdaptiveLimit({ max: 8 });
    await limit.beforeRequest();
    limit.onResponse(429, 3_000);
    const early = [limit.beforeRequest(), limit.beforeRequest()];
    await vi.advanceTimersByTimeAsync(1_000);
    const late = limit.beforeRequest();
    const settled = track([...early, late]);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(settled).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled.map((s) => [s.index, s.at])).toEqual([
      [0, 3_000],
      [1, 3_000],
      [2, 3_000],
    ]);
    expect(limit.pausedUntil).toBe(3_000);
  });

  it("extends the pause for a longer Retry-After and caps it at maxPauseMs", async () => {
    const limit = new AdaptiveLimit({ max: 8, maxPauseMs: 10_000 });
    limit.onResponse(429, 2_000);
    limit.onResponse(429, 600_000);
    expect(limit.pausedUntil).toBe(10_000);
    expect(limit.limit).toBe(4); // one burst
    const settled = track([limit.beforeRequest()]);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(settled).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual([{ index: 0, at: 10_000, ok: true }]);
  });

  it("never lets more than maxRequestsPerSecond through in any window, in arrival order", async () => {
    const limit = new AdaptiveLimit({ max: 8, maxRequestsPerSecond: 4 });
    const settled = track(Array.from({ length: 20 }, () => limit.beforeRequest()));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(settled.map((s) => s.index)).toEqual([...Array(20).keys()]);
    const times = settled.map((s) => s.at);
    for (let i = 1; i < times.length; i++) expect((times[i] as number) - (times[i - 1] as number)).toBe(250);
    for (const start of times) {
      for (const windowMs of [1, 250, 999, 1_000, 2_500]) {
        const inWindow = times.filter((t) => t >= start && t < start + windowMs).length;
        expect(inWindow).toBeLessThanOrEqual(Math.ceil((windowMs * 4) / 1_000));
      }
    }
  });

  it("spaces requests after a pause too, so the batch does not rush back all at once", async () => {
    const limit = new AdaptiveLimit({ max: 8, maxRequestsPerSecond: 10 });
    limit.onResponse(503, 1_000);
    const settled = track([limit.beforeRequest(), limit.beforeRequest(), limit.beforeRequest()]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(settled.map((s) => s.at)).toEqual([1_000, 1_100, 1_200]);
  });

  it("rejects a wait with the signal's reason when it aborts, keeps the line moving and leaves no listener", async () => {
    const limit = new AdaptiveLimit({ max: 1, maxRequestsPerSecond: 1 });
    const release = await limit.acquire();
    const controller = new AbortController();
    const reason = new Error("stop");
    const slotWaits = [limit.acquire(controller.signal), limit.acquire()];
    const slots = track(slotWaits);
    await limit.beforeRequest();
    const gateWaits = [limit.beforeRequest(controller.signal), limit.beforeRequest()];
    const gates = track(gateWaits);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(2);
    controller.abort(reason);
    await expect(slotWaits[0]).rejects.toBe(reason);
    await expect(gateWaits[0]).rejects.toBe(reason);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(slots.filter((s) => s.ok).map((s) => s.index)).toEqual([1]);
    expect(gates.filter((s) => s.ok).map((s) => [s.index, s.at])).toEqual([[1, 1_000]]);
    await expect(limit.acquire(controller.signal)).rejects.toBe(reason);
    await expect(limit.beforeRequest(controller.signal)).rejects.toBe(reason);
  });

  it("drops its timer when the only waiter aborts", async () => {
    const limit = new AdaptiveLimit({ max: 1 });
    limit.onResponse(429, 30_000);
    const controller = new AbortController();
    const wait = limit.beforeRequest(controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    await expect(wait).rejects.toBeInstanceOf(DOMException);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects options that would never let a request through or are not what they claim", () => {
    for (const bad of [
      { max: 0 },
      { max: 1.5 },
      { max: 4, min: 0 },
      { max: 4, min: 5 },
      { max: 4, maxRequestsPerSecond: 0 },
      { max: 4, maxRequestsPerSecond: Number.NaN },
      { max: 4, windowMs: -1 },
      { max: 4, maxPauseMs: Number.POSITIVE_INFINITY },
    ]) {
      expect(() => new AdaptiveLimit(bad)).toThrow(RangeError);
    }
    expect(() => new AdaptiveLimit(null as never)).toThrow(TypeError);
    expect(() => new AdaptiveLimit({ max: 1, now: 0 as never })).toThrow(TypeError);
    expect(() => new AdaptiveLimit({ max: 1, onThrottle: "log" as never })).toThrow(TypeError);
  });
});

describe("paceClient", () => {
  const path = operations.listVoices.path;
  let server: TestServer;
  afterEach(async () => {
    await server?.close();
  });

  it("holds every request of the client until Retry-After has passed, retries and new calls alike", async () => {
    const arrivals: number[] = [];
    server = await startServer((_request, response) => {
      arrivals.push(Date.now());
      const first = arrivals.length === 1;
      response.writeHead(first ? 429 : 200, {
        "content-type": "application/json",
        ...(first ? { "retry-after-ms": "150" } : {}),
      });
      response.end(first ? "{}" : "[]");
    });
    const camb = createCambClient({ apiKey: "k", baseUrl: server.url });
    let other: Promise<unknown> | undefined;
    const throttles: unknown[] = [];
    const limit = new AdaptiveLimit({
      max: 8,
      onThrottle: (throttle) => {
        throttles.push(throttle);
        // Another job's request, sent the moment the batch learns it is throttled.
        other = camb.GET(path);
      },
    });
    const detach = paceClient(camb, limit);
    const { response } = await camb.GET(path);
    await other;
    detach();
    expect(response.status).toBe(200);
    expect(throttles).toEqual([{ limit: 4, retryAfterMs: 150 }]);
    expect(arrivals).toHaveLength(3);
    for (const at of arrivals.slice(1)) expect(at).toBeGreaterThanOrEqual(limit.pausedUntil);
  });

  it("spaces every attempt under the rate ceiling and stops observing once detached", async () => {
    // The client's own clock and timers are faked here (a stub fetch answers at once), so the spacing is
    // asserted exactly: with real time, a second observer's timestamps trail the gate's by a scheduling jitter.
    vi.useFakeTimers({ now: 0 });
    try {
      let throttle = false;
      const sent: number[] = [];
      const stub = async () => {
        sent.push(Date.now());
        return new Response(throttle ? "{}" : "[]", {
          status: throttle ? 429 : 200,
          headers: { "content-type": "application/json", "retry-after-ms": "1" },
        });
      };
      const limit = new AdaptiveLimit({ max: 8, maxRequestsPerSecond: 25 });
      const camb = createCambClient({ apiKey: "k", baseUrl: "http://camb.test", fetch: stub, retry: false });
      const detach = paceClient(camb, limit);
      const calls = Promise.all(Array.from({ length: 5 }, () => camb.GET(path)));
      await vi.advanceTimersByTimeAsync(0);
      expect(sent).toEqual([0]);
      await vi.advanceTimersByTimeAsync(39);
      expect(sent).toEqual([0]);
      await vi.advanceTimersByTimeAsync(200);
      await calls;
      expect(sent).toEqual([0, 40, 80, 120, 160]);
      detach();
      throttle = true;
      await camb.GET(path);
      expect(limit.limit).toBe(8);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
