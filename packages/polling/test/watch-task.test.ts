// watchTask: yields each status, throws on failure, and break, return() or abort stop the wait at once.
import { getEventListeners } from "node:events";
import type { TaskStatusResult } from "@camb-kit/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TaskProcessingError, watchTask } from "../src/index.js";
import { fixed } from "./helpers/scripted-check.js";
import { pending, scriptedClient, settle, success } from "./helpers/scripted-fetch.js";

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

async function collect(iterable: AsyncIterable<TaskStatusResult>) {
  const seen: TaskStatusResult[] = [];
  for await (const status of iterable) seen.push(status);
  return seen;
}

describe("watchTask", () => {
  it("yields every status and ends after SUCCESS", async () => {
    const scripted = scriptedClient([pending, pending, success(9)]);
    const result = settle(collect(watchTask(scripted.client, "text-to-voice", "v1", fixed)));
    await vi.runAllTimersAsync();
    expect(await result).toEqual({ ok: true, value: [pending, pending, success(9)] });
    expect(scripted.requests).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("yields the failing status, then throws what waitForTask throws", async () => {
    const failed = { status: "ERROR", exception_reason: "PROCESSING_ERROR" };
    const scripted = scriptedClient([pending, failed]);
    const seen: TaskStatusResult[] = [];
    const result = settle(
      (async () => {
        for await (const status of watchTask(scripted.client, "tts", "t", fixed)) seen.push(status);
      })(),
    );
    await vi.runAllTimersAsync();
    const settled = await result;
    expect(seen).toEqual([pending, failed]);
    expect((settled as { error: unknown }).error).toBeInstanceOf(TaskProcessingError);
  });

  it("break stops polling: no further request, no listener, no timer", async () => {
    const longLived = new AbortController();
    const scripted = scriptedClient([pending]);
    const seen: TaskStatusResult[] = [];
    const loop = settle(
      (async () => {
        for await (const status of watchTask(scripted.client, "tts", "t", {
          ...fixed,
          signal: longLived.signal,
        })) {
          seen.push(status);
          if (seen.length === 2) break;
        }
      })(),
    );
    await vi.advanceTimersByTimeAsync(2000);
    expect((await loop).ok).toBe(true);
    expect(seen).toHaveLength(2);
    expect(scripted.requests).toHaveLength(2);
    expect(getEventListeners(longLived.signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(scripted.requests).toHaveLength(2);
  });

  it("return() while a next() sleeps ends that next() and sends nothing more", async () => {
    const longLived = new AbortController();
    const scripted = scriptedClient([pending]);
    const iterator = watchTask(scripted.client, "tts", "t", { ...fixed, signal: longLived.signal });
    const first = iterator.next();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await first).toEqual({ done: false, value: pending });
    const second = settle(iterator.next()); // now asleep until 2000
    await vi.advanceTimersByTimeAsync(500);
    const closed = await iterator.return?.();
    expect(closed).toEqual({ done: true, value: undefined });
    expect(await second).toEqual({ ok: true, value: { done: true, value: undefined } });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(scripted.requests).toHaveLength(1);
    expect(getEventListeners(longLived.signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("return() before the first next() sends nothing", async () => {
    const scripted = scriptedClient([pending]);
    const iterator = watchTask(scripted.client, "tts", "t");
    await iterator.return?.();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    await vi.runAllTimersAsync();
    expect(scripted.requests).toHaveLength(0);
  });

  it("an abort of the caller's signal rejects the pending next() with its reason", async () => {
    const controller = new AbortController();
    const scripted = scriptedClient([pending]);
    const iterator = watchTask(scripted.client, "tts", "t", { signal: controller.signal });
    const first = settle(iterator.next());
    await vi.advanceTimersByTimeAsync(500);
    const reason = new Error("gone");
    controller.abort(reason);
    expect(await first).toEqual({ ok: false, error: reason });
    expect(scripted.requests).toHaveLength(0);
  });
});
