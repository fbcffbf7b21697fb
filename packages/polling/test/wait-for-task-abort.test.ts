// waitForTask's abort handling and cleanup: no request, listener or timer left behind on any path.
import { getEventListeners } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { waitForTask } from "../src/index.js";
import { runWaitForTask } from "./helpers/run-wait-for-task.js";
import { fixed, useFakeTime } from "./helpers/scripted-check.js";
import { type Answer, pending, scriptedClient, settle, success } from "./helpers/scripted-fetch.js";

const run = runWaitForTask;
useFakeTime();

describe("waitForTask abort and cleanup", () => {
  it("an aborted signal sends no request", async () => {
    const reason = new Error("never mind");
    const { settled, requests } = await run([success(1)], { signal: AbortSignal.abort(reason) });
    expect(settled).toEqual({ ok: false, error: reason });
    expect(requests).toHaveLength(0);
  });

  it("abort while asleep rejects at once and sends nothing more", async () => {
    const scripted = scriptedClient([pending]);
    const controller = new AbortController();
    const result = settle(
      waitForTask(scripted.client, "text-to-sound", "t", { ...fixed, signal: controller.signal }),
    );
    await vi.advanceTimersByTimeAsync(2500); // polls at 1000 and 2000, asleep until 3500
    expect(scripted.requests).toHaveLength(2);
    const reason = new DOMException("left the page", "AbortError");
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(await result).toEqual({ ok: false, error: reason });
    expect(Date.now()).toBe(2500);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(scripted.requests).toHaveLength(2);
  });

  it("abort during a status request rejects with the signal's reason", async () => {
    const requests: Request[] = [];
    const { createCambClient } = await import("@camb-kit/client");
    const client = createCambClient({
      apiKey: "k",
      baseUrl: "https://api.test",
      retry: false,
      fetch: (request) => {
        requests.push(request);
        return new Promise((_, reject) =>
          request.signal.addEventListener("abort", () => reject(new TypeError("aborted"))),
        );
      },
    });
    const controller = new AbortController();
    const result = settle(waitForTask(client, "tts", "t", { ...fixed, signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toHaveLength(1);
    const reason = new Error("stop");
    controller.abort(reason);
    expect(await result).toEqual({ ok: false, error: reason });
    expect(vi.getTimerCount()).toBe(0);
  });

  const endings: Record<string, Answer[]> = {
    success: [pending, success(1)],
    failure: [pending, { status: "PAYMENT_REQUIRED" }],
    timeout: [pending],
  };
  for (const [name, answers] of Object.entries(endings)) {
    it(`leaves no listener on a long-lived signal and no timer after ${name}`, async () => {
      const longLived = new AbortController();
      const scripted = scriptedClient(answers);
      const result = settle(
        waitForTask(scripted.client, "tts", "t", { signal: longLived.signal, timeoutMs: 5000 }),
      );
      await vi.advanceTimersByTimeAsync(1500);
      expect(getEventListeners(longLived.signal, "abort")).toHaveLength(1);
      await vi.runAllTimersAsync();
      await result;
      expect(getEventListeners(longLived.signal, "abort")).toHaveLength(0);
      expect(vi.getTimerCount()).toBe(0);
    });
  }

  it("leaves no listener and no timer after abort", async () => {
    const longLived = new AbortController();
    const scripted = scriptedClient([pending]);
    const result = settle(waitForTask(scripted.client, "tts", "t", { signal: longLived.signal }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(getEventListeners(longLived.signal, "abort")).toHaveLength(1);
    longLived.abort(new Error("unmount"));
    expect(await result).toEqual({ ok: false, error: new Error("unmount") });
    expect(getEventListeners(longLived.signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
