// pollTask: the backoff schedule, the deadline's final check, transient errors and onStatus reporting.
import { describe, expect, it, vi } from "vitest";
import { PollTimeoutError, pollTask } from "../src/index.js";
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

describe("pollTask", () => {
  it("resolves after N checks, sleeping on the backoff schedule", async () => {
    const { check, calls } = scriptedCheck([pending, pending, pending, done]);
    const result = settle(pollTask(check, fixed));
    await vi.runAllTimersAsync();
    expect(await result).toEqual({ ok: true, value: "result" });
    // initial 1000, then 1000, 1500, 2250 (factor 1.5)
    expect(calls).toEqual([1000, 2000, 3500, 5750]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("passes the attempt number and a signal to the check", async () => {
    const { check } = scriptedCheck([pending, done]);
    await Promise.all([pollTask(check, fixed), vi.runAllTimersAsync()]);
    expect(check.mock.calls.map(([context]) => context.attempt)).toEqual([1, 2]);
    expect(check.mock.calls[0]?.[0].signal).toBeInstanceOf(AbortSignal);
  });

  it("rejects with the failure's error", async () => {
    const error = new Error("bad");
    const { check } = scriptedCheck([pending, { state: "failure", error, status: "BROKEN" }]);
    const result = settle(pollTask(check, fixed));
    await vi.runAllTimersAsync();
    expect(await result).toEqual({ ok: false, error });
    expect(check).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("makes one final check at the deadline, then throws PollTimeoutError", async () => {
    const { check, calls } = scriptedCheck([pending]);
    const result = settle(pollTask(check, { ...fixed, timeoutMs: 5000 }));
    await vi.runAllTimersAsync();
    // 1000, 2000, 3500; the next sleep (2250) is cut to the 1500 left, so the last check is at 5000 exactly.
    expect(calls).toEqual([1000, 2000, 3500, 5000]);
    const settled = await result;
    expect(settled.ok).toBe(false);
    const error = (settled as { error: PollTimeoutError }).error;
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect(error).toMatchObject({ elapsedMs: 5000, attempts: 4, lastStatus: "PENDING", taskId: undefined });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("succeeds when the final check at the deadline finds the task done", async () => {
    const { check, calls } = scriptedCheck([pending, pending, pending, done]);
    const result = settle(pollTask(check, { ...fixed, timeoutMs: 5000 }));
    await vi.runAllTimersAsync();
    expect(calls.at(-1)).toBe(5000);
    expect(await result).toEqual({ ok: true, value: "result" });
  });

  it("cuts the initial delay to a deadline shorter than it", async () => {
    const { check, calls } = scriptedCheck([pending]);
    const result = settle(pollTask(check, { ...fixed, timeoutMs: 400 }));
    await vi.runAllTimersAsync();
    expect(calls).toEqual([400]);
    expect((await result).ok).toBe(false);
  });

  it("gives up after one hour by default", async () => {
    const { check } = scriptedCheck([pending]);
    const result = settle(pollTask(check));
    await vi.runAllTimersAsync();
    const settled = await result;
    expect((settled as { error: PollTimeoutError }).error).toMatchObject({ elapsedMs: 3_600_000 });
    expect(Date.now()).toBe(3_600_000);
  });

  it("waits past the default deadline only when timeoutMs is Infinity", async () => {
    const { check } = scriptedCheck([pending]);
    const controller = new AbortController();
    const options = { ...fixed, timeoutMs: Infinity, signal: controller.signal };
    const result = settle(pollTask(check, options));
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    controller.abort(new Error("enough"));
    expect(await result).toEqual({ ok: false, error: new Error("enough") });
    // 7 checks in the first 21.8 s of ramp-up (1 s initial delay, then 1, 1.5, 2.25, 3.4, 5.1, 7.6 s), then
    // one per 10 s for the rest of the day: 7 + 8637. Never a burst.
    expect(check).toHaveBeenCalledTimes(8644);
  });

  it("rejects bad options before doing anything", async () => {
    const { check } = scriptedCheck([done]);
    for (const options of [
      { intervalMs: 0 },
      { intervalMs: Number.NaN },
      { backoffFactor: 0.5 },
      { maxIntervalMs: 10, intervalMs: 100 },
      { timeoutMs: 0 },
      { initialDelayMs: -1 },
      { maxTransientErrors: -1 },
    ]) {
      await expect(pollTask(check, options)).rejects.toBeInstanceOf(RangeError);
    }
    expect(check).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("pollTask transient errors", () => {
  const transient = (n: number): Outcome => ({ state: "transient", error: new Error(`net ${n}`) });

  it("tolerates maxTransientErrors in a row", async () => {
    const { check } = scriptedCheck([transient(1), transient(2), transient(3), done]);
    const result = settle(pollTask(check, { ...fixed, maxTransientErrors: 3 }));
    await vi.runAllTimersAsync();
    expect(await result).toEqual({ ok: true, value: "result" });
  });

  it("throws the last error once there are more than maxTransientErrors in a row", async () => {
    const { check } = scriptedCheck([transient(1), transient(2), transient(3)]);
    const result = settle(pollTask(check, { ...fixed, maxTransientErrors: 2 }));
    await vi.runAllTimersAsync();
    expect(await result).toEqual({ ok: false, error: new Error("net 3") });
    expect(check).toHaveBeenCalledTimes(3);
  });

  it("counts only consecutive errors", async () => {
    const { check } = scriptedCheck([transient(1), pending, transient(2), pending, transient(3), done]);
    const result = settle(pollTask(check, { ...fixed, maxTransientErrors: 1 }));
    await vi.runAllTimersAsync();
    expect(await result).toEqual({ ok: true, value: "result" });
  });

  it("a deadline reached on a transient error names it as the cause", async () => {
    const { check } = scriptedCheck([pending, transient(1)]);
    const result = settle(pollTask(check, { ...fixed, timeoutMs: 2000 }));
    await vi.runAllTimersAsync();
    const error = ((await result) as { error: PollTimeoutError }).error;
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect(error).toMatchObject({ attempts: 2, lastStatus: "PENDING", cause: new Error("net 1") });
  });

  it("sleeps between transient errors", async () => {
    const { check, calls } = scriptedCheck([transient(1), transient(2), done]);
    await Promise.all([pollTask(check, fixed), vi.runAllTimersAsync()]);
    expect(calls).toEqual([1000, 2000, 3500]);
  });

  it("a thrown check error is final", async () => {
    const error = new Error("bug");
    const check = vi.fn(() => {
      throw error;
    });
    const result = settle(pollTask(check, fixed));
    await vi.runAllTimersAsync();
    expect(await result).toEqual({ ok: false, error });
    expect(check).toHaveBeenCalledTimes(1);
  });
});

describe("pollTask onStatus", () => {
  it("reports every status with attempt, elapsed time and next delay", async () => {
    const { check } = scriptedCheck([pending, pending, done]);
    const onStatus = vi.fn();
    await Promise.all([pollTask(check, { ...fixed, onStatus }), vi.runAllTimersAsync()]);
    expect(onStatus.mock.calls).toEqual([
      ["PENDING", { attempt: 1, elapsedMs: 1000, nextDelayMs: 1000 }],
      ["PENDING", { attempt: 2, elapsedMs: 2000, nextDelayMs: 1500 }],
      ["DONE", { attempt: 3, elapsedMs: 3500, nextDelayMs: undefined }],
    ]);
  });

  it("an exception or rejection in onStatus goes to onError and the wait goes on", async () => {
    const { check } = scriptedCheck([pending, pending, done]);
    const onError = vi.fn();
    let calls = 0;
    const onStatus = () => {
      calls++;
      if (calls === 1) throw new Error("sync boom");
      return Promise.reject(new Error("async boom"));
    };
    const result = settle(pollTask(check, { ...fixed, onStatus, onError }));
    await vi.runAllTimersAsync();
    expect(await result).toEqual({ ok: true, value: "result" });
    expect(onError.mock.calls).toEqual([
      [new Error("sync boom")],
      [new Error("async boom")],
      [new Error("async boom")],
    ]);
  });

  it("warns on the console by default, and a throwing onError is ignored too", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { check } = scriptedCheck([pending, done]);
    const boom = () => {
      throw new Error("boom");
    };
    await Promise.all([pollTask(check, { ...fixed, onStatus: boom }), vi.runAllTimersAsync()]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    const result = settle(pollTask(check, { ...fixed, onStatus: boom, onError: boom }));
    await vi.runAllTimersAsync();
    expect((await result).ok).toBe(true);
  });
});
