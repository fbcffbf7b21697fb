// useTaskStatus: backoff until SUCCESS, typed failure errors, nothing sent after unmount or without an id.
import { CambApiError, createTask, unwrap } from "@camb-kit/client";
import {
  PaymentRequiredError,
  TaskFailedError,
  TaskProcessingError,
  TaskTimedOutError,
} from "@camb-kit/polling";
import type { TaskOutcome } from "@camb-kit/sandbox";
import { describe, expect, it } from "vitest";
import { useTaskStatus } from "../src/index.js";
import { advance, fakeTime, renderCambHook, testClient } from "./helpers/render.js";
import { installSandbox, pathsSeen } from "./helpers/sandbox-server.js";

const fixed = { intervalMs: 1000, backoffFactor: 2, jitter: "none" as const };

/** Creates a tts task on the sandbox with real timers (so msw answers), then switches to fake time. */
async function createdTask(family: "tts" | "text-to-sound" = "tts") {
  const body =
    family === "text-to-sound"
      ? { prompt: "rain on a tin roof" }
      : { text: "Hello from the hooks", voice_id: 147320, language: 1 };
  const created = unwrap(await createTask(testClient(), family, body as never));
  fakeTime();
  return created.task_id!;
}

describe("useTaskStatus", () => {
  it("checks at once, then backs off, and stops at SUCCESS with the run id", async () => {
    const sandbox = installSandbox({ pendingPolls: 3 });
    const taskId = await createdTask();
    const { result } = renderCambHook(() => useTaskStatus({ family: "tts", taskId, ...fixed }));
    expect(result.current.isWaiting).toBe(true);

    await advance(0);
    expect(result.current.taskStatus).toBe("PENDING");
    expect(result.current.data).toMatchObject({ status: "PENDING" });
    const statusCalls = () => pathsSeen(sandbox).filter((path) => path === `/tts/${taskId}`).length;
    expect(statusCalls()).toBe(1);
    // Delays of 1000, 2000 and 4000 ms: the 2nd check at 1000, the 3rd at 3000, the 4th at 7000.
    await advance(999);
    expect(statusCalls()).toBe(1);
    await advance(1);
    expect(statusCalls()).toBe(2);
    await advance(2000);
    expect(statusCalls()).toBe(3);
    await advance(4000);
    expect(statusCalls()).toBe(4);

    // TanStack's own fields keep their meaning; the task's are beside them.
    expect(result.current).toMatchObject({
      status: "success",
      isSuccess: true,
      data: { status: "SUCCESS" },
      taskStatus: "SUCCESS",
      isDone: true,
      isWaiting: false,
      error: null,
    });
    expect(result.current.runId).toEqual(expect.any(Number));
    // Terminal: no further check, however long we wait.
    await advance(600_000);
    expect(statusCalls()).toBe(4);
  });

  const failures: [TaskOutcome, new (...args: any[]) => TaskFailedError][] = [
    ["ERROR", TaskProcessingError],
    ["TIMEOUT", TaskTimedOutError],
    ["PAYMENT_REQUIRED", PaymentRequiredError],
  ];
  for (const [outcome, ErrorClass] of failures) {
    it(`reports ${outcome} as a typed ${ErrorClass.name} and stops polling`, async () => {
      const sandbox = installSandbox({ pendingPolls: 1, outcome });
      const taskId = await createdTask("text-to-sound");
      const { result } = renderCambHook(() => useTaskStatus({ family: "text-to-sound", taskId, ...fixed }));
      await advance(1000);
      expect(result.current.taskStatus).toBe(outcome);
      expect(result.current.isFailed).toBe(true);
      // A failing status is the query's error: TanStack Query stops there, as a failed request would.
      expect(result.current.status).toBe("error");
      expect(result.current.isError).toBe(true);
      expect(result.current.isWaiting).toBe(false);
      const error = result.current.error;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(TaskFailedError);
      expect((error as TaskFailedError).status).toBe(outcome);
      expect((error as TaskFailedError).taskId).toBe(taskId);
      const payload = (error as TaskFailedError).payload;
      expect(payload.status).toBe(outcome);
      expect((error as TaskFailedError).exceptionReason).toBe(payload.exception_reason ?? null);
      expect((error as TaskFailedError).message).toContain(outcome);
      const seen = sandbox.requests.length;
      await advance(600_000);
      expect(sandbox.requests.length).toBe(seen);
    });
  }

  it("sends no request after unmount, even mid-wait", async () => {
    const sandbox = installSandbox({ pendingPolls: 1000 });
    const taskId = await createdTask();
    const { result, unmount } = renderCambHook(() => useTaskStatus({ family: "tts", taskId, ...fixed }));
    await advance(3000);
    expect(result.current.taskStatus).toBe("PENDING");
    const seen = sandbox.requests.length;
    expect(seen).toBeGreaterThan(2);
    unmount();
    await advance(600_000);
    expect(sandbox.requests.length).toBe(seen);
  });

  it("waits for a task id before sending anything", async () => {
    const sandbox = installSandbox();
    fakeTime();
    const { result, rerender } = renderCambHook(
      ({ id }: { id?: string }) => useTaskStatus({ family: "tts", taskId: id, ...fixed }),
      {
        initialProps: {},
      },
    );
    await advance(10_000);
    expect(sandbox.requests).toHaveLength(0);
    expect(result.current).toMatchObject({ isWaiting: false, taskStatus: undefined, error: null });
    expect(result.current.fetchStatus).toBe("idle");
    rerender({ id: "not-a-task" });
    await advance(0);
    expect(sandbox.requests).toHaveLength(1);
  });

  it("refuses a schedule waitForTask would refuse, naming the option", () => {
    installSandbox();
    for (const bad of [
      { intervalMs: 0 },
      { backoffFactor: 0.5 },
      { intervalMs: 5000, maxIntervalMs: 1000 },
    ]) {
      expect(() => renderCambHook(() => useTaskStatus({ family: "tts", taskId: "t", ...bad }))).toThrow(
        new RangeError(`Invalid ${Object.keys(bad).at(-1)}: ${Object.values(bad).at(-1)}`),
      );
    }
  });

  it("surfaces a failing status call as CambApiError and stops", async () => {
    const sandbox = installSandbox();
    fakeTime();
    const { result } = renderCambHook(() =>
      useTaskStatus({ family: "tts", taskId: "no-such-task", ...fixed }),
    );
    await advance(0);
    expect(result.current.isFailed).toBe(true);
    expect(result.current.error).toBeInstanceOf(CambApiError);
    expect((result.current.error as CambApiError).status).toBe(404);
    await advance(600_000);
    expect(sandbox.requests).toHaveLength(1);
  });
});
