// useCreateAndWait: progress, each failure, the shared status cache; cancel, unmount or a rerun stop it.
import { CambApiError } from "@camb-kit/client";
import {
  PaymentRequiredError,
  PollTimeoutError,
  TaskFailedError,
  TaskProcessingError,
  TaskTimedOutError,
} from "@camb-kit/polling";
import { act } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { cambKeys, useCreateAndWait, useTaskStatus } from "../src/index.js";
import { advance, fakeTime, renderCambHook } from "./helpers/render.js";
import { installSandbox, pathsSeen } from "./helpers/sandbox-server.js";

const fixed = { intervalMs: 1000, backoffFactor: 1, jitter: "none" as const };
const sound = { prompt: "rain on a tin roof" };

describe("useCreateAndWait", () => {
  it("creates, reports progress and resolves with the task and run ids", async () => {
    const sandbox = installSandbox({ pendingPolls: 2 });
    fakeTime();
    const { result, queryClient } = renderCambHook(() =>
      useCreateAndWait({ family: "text-to-sound", ...fixed }),
    );
    expect(result.current.progress).toBeUndefined();

    let settled: Awaited<ReturnType<typeof result.current.mutateAsync>> | undefined;
    act(() => {
      result.current.mutateAsync({ body: sound }).then((value) => {
        settled = value;
      });
    });
    await advance(0);
    expect(result.current.isPending).toBe(true);
    const taskId = result.current.progress?.taskId;
    expect(taskId).toEqual(expect.any(String));
    expect(result.current.progress?.attempt).toBe(0);

    await advance(1000);
    expect(result.current.progress).toMatchObject({ attempt: 1, status: { status: "PENDING" } });
    await advance(2000);

    expect(result.current.isSuccess).toBe(true);
    expect(result.current.data).toMatchObject({ taskId, runId: expect.any(Number) });
    expect(settled?.runId).toBe(result.current.data?.runId);
    expect(result.current.progress).toMatchObject({ attempt: 3, status: { status: "SUCCESS" } });
    expect(pathsSeen(sandbox)).toEqual([
      "/text-to-sound",
      `/text-to-sound/${taskId}`,
      `/text-to-sound/${taskId}`,
      `/text-to-sound/${taskId}`,
    ]);
    // The statuses it saw are in the cache useTaskStatus reads.
    expect(queryClient.getQueryData(cambKeys.taskStatus("text-to-sound", taskId!))).toMatchObject({
      status: "SUCCESS",
    });
  });

  it("shares what it learned with useTaskStatus: no second poller needed for a finished task", async () => {
    const sandbox = installSandbox({ pendingPolls: 0 });
    fakeTime();
    const { result, queryClient } = renderCambHook(() =>
      useCreateAndWait({ family: "text-to-sound", ...fixed }),
    );
    act(() => result.current.mutate({ body: sound }));
    await advance(1000);
    const { taskId } = result.current.data!;
    const seen = sandbox.requests.length;
    const status = renderCambHook(() => useTaskStatus({ family: "text-to-sound", taskId }), { queryClient });
    await advance(60_000);
    expect(status.result.current).toMatchObject({ taskStatus: "SUCCESS", runId: result.current.data?.runId });
    expect(sandbox.requests.length).toBe(seen);
  });

  const failures = [
    ["ERROR", TaskProcessingError],
    ["TIMEOUT", TaskTimedOutError],
    ["PAYMENT_REQUIRED", PaymentRequiredError],
  ] as const;
  for (const [outcome, ErrorClass] of failures) {
    it(`fails with ${ErrorClass.name} when the task ends with ${outcome}`, async () => {
      installSandbox({ pendingPolls: 1, outcome });
      fakeTime();
      const { result } = renderCambHook(() => useCreateAndWait({ family: "text-to-sound", ...fixed }));
      act(() => result.current.mutate({ body: sound }));
      await advance(2000);
      expect(result.current.isError).toBe(true);
      expect(result.current.error).toBeInstanceOf(ErrorClass);
      expect(result.current.error).toBeInstanceOf(TaskFailedError);
      expect((result.current.error as TaskFailedError).status).toBe(outcome);
      expect(result.current.progress?.status?.status).toBe(outcome);
    });
  }

  it("fails with PollTimeoutError after its deadline, and stops polling", async () => {
    const sandbox = installSandbox({ pendingPolls: 1000 });
    fakeTime();
    const { result } = renderCambHook(() =>
      useCreateAndWait({ family: "text-to-sound", ...fixed, timeoutMs: 4500 }),
    );
    act(() => result.current.mutate({ body: sound }));
    await advance(5000);
    expect(result.current.error).toBeInstanceOf(PollTimeoutError);
    const seen = sandbox.requests.length;
    await advance(600_000);
    expect(sandbox.requests.length).toBe(seen);
  });

  it("fails with CambApiError when the create call is rejected, and sends nothing else", async () => {
    const sandbox = installSandbox();
    fakeTime();
    const { result } = renderCambHook(() => useCreateAndWait({ family: "text-to-sound", ...fixed }));
    act(() => result.current.mutate({ body: {} as typeof sound }));
    await advance(0);
    expect(result.current.error).toBeInstanceOf(CambApiError);
    expect((result.current.error as CambApiError).status).toBe(422);
    await advance(60_000);
    expect(sandbox.requests).toHaveLength(1);
  });

  it("cancel() aborts the wait, returns to idle and sends no further request", async () => {
    const sandbox = installSandbox({ pendingPolls: 1000 });
    fakeTime();
    const { result } = renderCambHook(() => useCreateAndWait({ family: "text-to-sound", ...fixed }));
    act(() => result.current.mutate({ body: sound }));
    await advance(3000);
    expect(result.current.progress?.attempt).toBe(3);
    const seen = sandbox.requests.length;
    act(() => result.current.cancel());
    await advance(0);
    expect(result.current.isIdle).toBe(true);
    expect(result.current.progress).toBeUndefined();
    await advance(600_000);
    expect(sandbox.requests.length).toBe(seen);
  });

  it("unmounting aborts the wait: zero requests afterwards", async () => {
    const sandbox = installSandbox({ pendingPolls: 1000 });
    fakeTime();
    const { result, unmount } = renderCambHook(() => useCreateAndWait({ family: "text-to-sound", ...fixed }));
    act(() => result.current.mutate({ body: sound }));
    await advance(2500);
    const seen = sandbox.requests.length;
    expect(seen).toBe(3);
    unmount();
    await advance(600_000);
    expect(sandbox.requests.length).toBe(seen);
  });

  it("a new run aborts the one before", async () => {
    const sandbox = installSandbox({ pendingPolls: 1000 });
    fakeTime();
    const { result } = renderCambHook(() => useCreateAndWait({ family: "text-to-sound", ...fixed }));
    act(() => result.current.mutate({ body: sound }));
    await advance(1000);
    const first = result.current.progress?.taskId;
    act(() => result.current.mutate({ body: { prompt: "thunder" } }));
    await advance(0);
    const second = result.current.progress?.taskId;
    expect(second).not.toBe(first);
    await advance(5000);
    const polled = new Set(pathsSeen(sandbox).filter((path) => path.startsWith("/text-to-sound/")));
    const lastPolls = pathsSeen(sandbox).slice(-5);
    expect(polled).toEqual(new Set([`/text-to-sound/${first}`, `/text-to-sound/${second}`]));
    expect(lastPolls.every((path) => path === `/text-to-sound/${second}`)).toBe(true);
  });
});
