// waitForTask: status paths per family, failure statuses, unknown statuses, Retry-After, transient errors.
import {
  CambApiError,
  CambConnectionError,
  createCambClient,
  families,
  type StatusTaskFamily,
  type TaskFamily,
} from "@camb-kit/client";
import { describe, expect, it, vi } from "vitest";
import {
  MissingRunIdError,
  PaymentRequiredError,
  PollTimeoutError,
  TaskFailedError,
  TaskProcessingError,
  TaskTimedOutError,
  UnknownTaskStatusError,
  waitForTask,
} from "../src/index.js";
import { runWaitForTask } from "./helpers/run-wait-for-task.js";
import { fixed, useFakeTime } from "./helpers/scripted-check.js";
import { pending, scriptedClient, settle, success } from "./helpers/scripted-fetch.js";

const run = runWaitForTask;
useFakeTime();

describe("waitForTask", () => {
  it("resolves with the SUCCESS status after N polls, one GET each", async () => {
    const { settled, requests, sentAt } = await run([pending, pending, pending, success(7)]);
    expect(settled).toEqual({ ok: true, value: { status: "SUCCESS", run_id: 7 } });
    expect(requests).toHaveLength(4);
    expect(sentAt).toEqual([1000, 2000, 3500, 5750]);
    for (const request of requests) {
      expect(request.method).toBe("GET");
      expect(request.url).toBe("https://api.test/tts/task-1");
      expect(request.headers.get("x-api-key")).toBe("test-key");
    }
    expect(vi.getTimerCount()).toBe(0);
  });

  it("polls the status path of every family in the generated table whose status is a status object", async () => {
    const statusFamilies = (Object.keys(families) as TaskFamily[]).filter(
      (name): name is StatusTaskFamily => families[name].statusKind === "task",
    );
    expect(statusFamilies.length).toBeGreaterThan(3);
    for (const family of statusFamilies) {
      const { settled, requests } = await run([success(1)], {}, family);
      expect(settled.ok).toBe(true);
      const { status, statusParam } = families[family];
      const path = status.replace(`{${statusParam}}`, "task-1");
      expect(requests.map((request) => new URL(request.url).pathname)).toEqual([path]);
    }
  });

  it("escapes the task id in the path", async () => {
    const scripted = scriptedClient([success(1)]);
    const result = waitForTask(scripted.client, "tts", "a/b c", fixed);
    await vi.runAllTimersAsync();
    await result;
    expect(scripted.requests[0]?.url).toBe("https://api.test/tts/a%2Fb%20c");
  });

  it("reports each status to onStatus", async () => {
    const onStatus = vi.fn();
    await run([pending, success(3)], { onStatus });
    expect(onStatus.mock.calls.map(([status]) => status)).toEqual([pending, success(3)]);
  });
});

describe("waitForTask failure statuses", () => {
  const cases = [
    ["ERROR", TaskProcessingError, "TASK_ERROR", "HARMFUL_CONTENT_DETECTED"],
    ["TIMEOUT", TaskTimedOutError, "TASK_TIMEOUT", "SOURCE_TOO_LONG"],
    ["PAYMENT_REQUIRED", PaymentRequiredError, "PAYMENT_REQUIRED", "PAYMENT_REQUIRED"],
  ] as const;

  for (const [status, ErrorClass, code, reason] of cases) {
    it(`${status} rejects with ${ErrorClass.name} and the reason`, async () => {
      const payload = { status, exception_reason: reason, message: "details here", run_id: null };
      const { settled, requests } = await run([pending, payload]);
      expect(requests).toHaveLength(2);
      const error = (settled as { error: TaskFailedError }).error;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(TaskFailedError);
      expect(error).toMatchObject({
        name: ErrorClass.name,
        taskId: "task-1",
        status,
        code,
        exceptionReason: reason,
        serverMessage: "details here",
        payload,
      });
      expect(error.message).toBe(`CAMB task task-1 ended with ${status} (${reason}): details here`);
    });
  }

  it("keeps an object message and a missing reason", async () => {
    const payload = { status: "ERROR", message: { detail: "bad voice" } };
    const { settled } = await run([payload]);
    const error = (settled as { error: TaskFailedError }).error;
    expect(error.exceptionReason).toBeNull();
    expect(error.serverMessage).toEqual({ detail: "bad voice" });
    expect(error.message).toBe('CAMB task task-1 ended with ERROR: {"detail":"bad voice"}');
  });

  it("a SUCCESS without a positive integer run_id is an error, not a success", async () => {
    for (const payload of [
      { status: "SUCCESS" },
      { status: "SUCCESS", run_id: null },
      { status: "SUCCESS", run_id: "9" },
      { status: "SUCCESS", run_id: 1.5 },
      { status: "SUCCESS", run_id: -7 },
      { status: "SUCCESS", run_id: 0 },
      { status: "SUCCESS", run_id: 2 ** 60 },
    ]) {
      const { settled } = await run([payload]);
      expect((settled as { error: unknown }).error).toBeInstanceOf(MissingRunIdError);
    }
  });
});

describe("waitForTask deadline", () => {
  it("a check gets only the time left: a client retrying its own headers timeout cannot overshoot", async () => {
    // A status endpoint that never answers, behind a client that times out after 1 s and retries twice.
    const hanging = (request: Request) =>
      new Promise<Response>((_, reject) => {
        request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
      });
    const client = createCambClient({ baseUrl: "https://api.test", fetch: hanging, timeoutMs: 1000 });
    const start = Date.now();
    const wait = waitForTask(client, "tts", "task-1", { timeoutMs: 2000, initialDelayMs: 0 });
    const result = settle(wait).then((outcome) => ({ ...outcome, after: Date.now() - start }));
    await vi.advanceTimersByTimeAsync(30_000);
    const settled = await result;
    expect(settled.after).toBe(2000); // not 3 x 1 s plus backoff, as each attempt of the client would take
    expect((settled as { error: unknown }).error).toBeInstanceOf(PollTimeoutError);
  });
});

describe("waitForTask unknown statuses", () => {
  it("fails by default once it persists past maxTransientErrors, each check after a sleep", async () => {
    const { settled, sentAt } = await run([pending, { status: "CANCELLED" }], { maxTransientErrors: 2 });
    expect(sentAt).toEqual([1000, 2000, 3500, 5750]);
    const error = (settled as { error: UnknownTaskStatusError }).error;
    expect(error).toBeInstanceOf(UnknownTaskStatusError);
    expect(error).toMatchObject({ taskId: "task-1", status: "CANCELLED" });
  });

  it("one glitched answer does not end the wait", async () => {
    const { settled } = await run([pending, { status: "??" }, pending, success(3)]);
    expect(settled).toEqual({ ok: true, value: { status: "SUCCESS", run_id: 3 } });
  });

  it("a body without a status is unknown too", async () => {
    const { settled } = await run([{ foo: 1 }], { maxTransientErrors: 0 });
    expect((settled as { error: unknown }).error).toBeInstanceOf(UnknownTaskStatusError);
  });

  it('"pending" keeps polling on the normal schedule, never in a hot loop', async () => {
    const weird = { status: "QUEUED_SOMEWHERE" };
    const { settled, sentAt } = await run([weird, weird, weird, success(5)], { unknownStatus: "pending" });
    expect(settled).toEqual({ ok: true, value: success(5) });
    expect(sentAt).toEqual([1000, 2000, 3500, 5750]);
  });

  it('"pending" still ends at the deadline with a bounded number of requests', async () => {
    const { settled, requests } = await run([{ status: "NEW" }], {
      unknownStatus: "pending",
      timeoutMs: 60_000,
    });
    const error = (settled as { error: PollTimeoutError }).error;
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect(error).toMatchObject({ taskId: "task-1", elapsedMs: 60_000, lastStatus: { status: "NEW" } });
    expect(requests).toHaveLength(error.attempts);
    // ramp-up of 7 checks in 21.8 s, then every 10 s, plus the final check at 60 s
    expect(requests).toHaveLength(11);
  });
});

describe("waitForTask server hints", () => {
  const withHeaders = (body: unknown, headers: Record<string, string>, status = 200) =>
    Response.json(body, { status, headers });

  it("a Retry-After on a status response raises the next delay", async () => {
    const { sentAt } = await run([withHeaders(pending, { "retry-after": "4" }), success(1)]);
    expect(sentAt).toEqual([1000, 5000]);
  });

  it("the hint is capped at maxIntervalMs", async () => {
    const { sentAt } = await run([withHeaders(pending, { "retry-after": "120" }), success(1)]);
    expect(sentAt).toEqual([1000, 11_000]);
    const capped = await run([withHeaders(pending, { "retry-after": "120" }), success(1)], {
      maxIntervalMs: 3000,
    });
    expect(capped.sentAt).toEqual([1000, 4000]);
  });

  it("a short hint never lowers the schedule", async () => {
    const { sentAt } = await run([
      pending,
      pending,
      withHeaders(pending, { "retry-after": "0" }),
      success(1),
    ]);
    expect(sentAt).toEqual([1000, 2000, 3500, 5750]);
  });

  it("a 429 with Retry-After is waited out as a transient error", async () => {
    const { settled, sentAt } = await run([
      withHeaders({ detail: "slow down" }, { "retry-after": "6" }, 429),
      success(2),
    ]);
    expect(settled.ok).toBe(true);
    expect(sentAt).toEqual([1000, 7000]);
  });
});

describe("waitForTask transient errors", () => {
  const unavailable = () => new Response("busy", { status: 503 });

  it("tolerates maxTransientErrors consecutive 5xx and network errors", async () => {
    const answers = [unavailable(), new TypeError("fetch failed"), unavailable(), success(4)];
    const { settled, requests } = await run(answers);
    expect(settled).toEqual({ ok: true, value: success(4) });
    expect(requests).toHaveLength(4);
  });

  it("surfaces the last error after maxTransientErrors + 1 in a row", async () => {
    const { settled, requests } = await run([pending, unavailable()], { maxTransientErrors: 2 });
    expect(requests).toHaveLength(4);
    const error = (settled as { error: CambApiError }).error;
    expect(error).toBeInstanceOf(CambApiError);
    expect(error).toMatchObject({ status: 503, method: "GET", path: "/tts/task-1" });
  });

  it("surfaces a network error the same way, as the client's CambConnectionError", async () => {
    const failure = new TypeError("fetch failed");
    const { settled, requests } = await run([failure], { maxTransientErrors: 0 });
    expect(requests).toHaveLength(1);
    const { error } = settled as { error: CambConnectionError };
    expect(error).toBeInstanceOf(CambConnectionError);
    expect(error.cause).toBe(failure);
  });

  it("a 4xx other than 408/429 is final at once", async () => {
    const { settled, requests } = await run([Response.json({ detail: "Not found" }, { status: 404 })]);
    expect(requests).toHaveLength(1);
    expect((settled as { error: CambApiError }).error).toMatchObject({ status: 404 });
  });
});
