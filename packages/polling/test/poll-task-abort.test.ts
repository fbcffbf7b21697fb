// pollTask's abort handling: before, while asleep and during a check; no listener or timer left after a wait.
import { getEventListeners } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { pollTask } from "../src/index.js";
import {
  doneOutcome,
  fixed,
  type Outcome,
  pendingOutcome,
  scriptedCheck,
  useFakeTime,
} from "./helpers/scripted-check.js";
import { settle } from "./helpers/scripted-fetch.js";

const pending = pendingOutcome;
const done = doneOutcome;
useFakeTime();

describe("pollTask abort", () => {
  it("an aborted signal rejects with its reason and calls nothing", async () => {
    const { check } = scriptedCheck([done]);
    const reason = new Error("stop");
    const result = settle(pollTask(check, { signal: AbortSignal.abort(reason) }));
    await vi.runAllTimersAsync();
    expect(await result).toEqual({ ok: false, error: reason });
    expect(check).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("abort while asleep rejects at once and calls nothing more", async () => {
    const { check } = scriptedCheck([pending]);
    const controller = new AbortController();
    let state = "waiting";
    const result = pollTask(check, { ...fixed, signal: controller.signal }).catch((error) => {
      state = "rejected";
      throw error;
    });
    result.catch(() => {});
    await vi.advanceTimersByTimeAsync(1500); // one check at 1000, asleep until 2000
    expect(check).toHaveBeenCalledTimes(1);
    const reason = new Error("user left");
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0); // lets promises settle; the clock stays at 1500
    expect(state).toBe("rejected");
    await expect(result).rejects.toBe(reason);
    expect(Date.now()).toBe(1500);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it("abort during a check rejects with the reason, not the check's own error", async () => {
    const controller = new AbortController();
    const check = vi.fn(
      ({ signal }: { signal: AbortSignal }) =>
        new Promise<Outcome>((_, reject) =>
          signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
        ),
    );
    const result = settle(pollTask(check, { ...fixed, signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(check).toHaveBeenCalledTimes(1);
    const reason = new Error("cancelled");
    controller.abort(reason);
    expect(await result).toEqual({ ok: false, error: reason });
  });

  it("a check that ignores the signal does not continue the wait", async () => {
    const controller = new AbortController();
    let release: (outcome: Outcome) => void = () => {};
    const check = vi.fn(() => new Promise<Outcome>((resolve) => (release = resolve)));
    const result = settle(pollTask(check, { ...fixed, signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort(new Error("stop"));
    release(pending);
    expect(await result).toEqual({ ok: false, error: new Error("stop") });
    await vi.runAllTimersAsync();
    expect(check).toHaveBeenCalledTimes(1);
  });
});

describe("pollTask leaves nothing behind", () => {
  const paths: Record<string, Outcome[]> = {
    success: [pending, done],
    failure: [pending, { state: "failure", error: new Error("x") }],
    timeout: [pending],
  };

  for (const [name, outcomes] of Object.entries(paths)) {
    it(`no listener on a long-lived signal and no timer after ${name}`, async () => {
      const longLived = new AbortController();
      const { check } = scriptedCheck(outcomes);
      const result = settle(pollTask(check, { signal: longLived.signal, timeoutMs: 3000 }));
      await vi.advanceTimersByTimeAsync(1000);
      expect(getEventListeners(longLived.signal, "abort")).toHaveLength(1);
      await vi.runAllTimersAsync();
      await result;
      expect(getEventListeners(longLived.signal, "abort")).toHaveLength(0);
      expect(vi.getTimerCount()).toBe(0);
    });
  }

  it("no listener piles up over many waits on one signal", async () => {
    const longLived = new AbortController();
    for (let i = 0; i < 50; i++) {
      const { check } = scriptedCheck([pending, done]);
      await Promise.all([pollTask(check, { signal: longLived.signal }), vi.runAllTimersAsync()]);
    }
    expect(getEventListeners(longLived.signal, "abort")).toHaveLength(0);
  });
});
