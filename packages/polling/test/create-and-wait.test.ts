// createAndWait: one create call then the wait, for every family; aborts, missing task ids, failed creates.
import { getEventListeners } from "node:events";
import { CambApiError, createCambClient, families } from "@camb-kit/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { waitableFamilies } from "../../../tests/support/families.js";
import { createAndWait, MissingTaskIdError, PaymentRequiredError } from "../src/index.js";
import type { PlainFamily } from "./helpers/family-shapes.js";
import { pending, scriptedClient, settle, success } from "./helpers/scripted-fetch.js";

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const body = { text: "hello", voice_id: 1, language: 1 } as never;

describe("createAndWait", () => {
  it("creates the task, then waits for it, for every family", async () => {
    for (const family of waitableFamilies(families) as PlainFamily[]) {
      const scripted = scriptedClient([{ task_id: "abc" }, pending, success(77)]);
      const onCreated = vi.fn();
      const result = settle(createAndWait(scripted.client, family, body, { onCreated }));
      await vi.runAllTimersAsync();
      expect(await result).toEqual({ ok: true, value: { taskId: "abc", runId: 77, status: success(77) } });
      expect(onCreated).toHaveBeenCalledWith("abc");
      const [create, ...polls] = scripted.requests;
      expect(create?.method).toBe("POST");
      expect(new URL(create?.url ?? "").pathname).toBe(families[family].create);
      expect(await create?.json()).toEqual(body);
      expect(polls.map((request) => new URL(request.url).pathname)).toEqual([
        families[family].status.replace("{task_id}", "abc"),
        families[family].status.replace("{task_id}", "abc"),
      ]);
    }
  });

  it("leaves no listener on a long-lived signal, create call included", async () => {
    const longLived = new AbortController();
    const scripted = scriptedClient([{ task_id: "abc" }, success(1)]);
    const result = settle(createAndWait(scripted.client, "tts", body, { signal: longLived.signal }));
    await vi.runAllTimersAsync();
    expect((await result).ok).toBe(true);
    expect(getEventListeners(longLived.signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("an abort during the create call rejects with the reason", async () => {
    const controller = new AbortController();
    const requests: Request[] = [];
    const client = createCambClient({
      apiKey: "k",
      baseUrl: "https://api.test",
      fetch: (request) => {
        requests.push(request);
        return new Promise((_, reject) =>
          request.signal.addEventListener("abort", () => reject(new TypeError("x"))),
        );
      },
    });
    const result = settle(createAndWait(client, "tts", body, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error("changed my mind"));
    expect(await result).toEqual({ ok: false, error: new Error("changed my mind") });
    expect(requests).toHaveLength(1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("a null task_id is a clear error and nothing is polled", async () => {
    const scripted = scriptedClient([{ task_id: null }]);
    const result = settle(createAndWait(scripted.client, "text-to-sound", body));
    await vi.runAllTimersAsync();
    const error = ((await result) as { error: MissingTaskIdError }).error;
    expect(error).toBeInstanceOf(MissingTaskIdError);
    expect(error.message).toContain("text-to-sound");
    expect(scripted.requests).toHaveLength(1);
  });

  it("a failed create throws CambApiError and polls nothing", async () => {
    const scripted = scriptedClient([Response.json({ detail: "Not enough credits" }, { status: 402 })]);
    const result = settle(createAndWait(scripted.client, "tts", body));
    await vi.runAllTimersAsync();
    expect(((await result) as { error: unknown }).error).toBeInstanceOf(CambApiError);
    expect(scripted.requests).toHaveLength(1);
  });

  it("an aborted signal sends not even the create request", async () => {
    const scripted = scriptedClient([{ task_id: "abc" }]);
    const reason = new Error("no");
    await expect(
      createAndWait(scripted.client, "tts", body, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(scripted.requests).toHaveLength(0);
  });

  it("failure statuses reject as in waitForTask", async () => {
    const scripted = scriptedClient([{ task_id: "abc" }, { status: "PAYMENT_REQUIRED" }]);
    const result = settle(createAndWait(scripted.client, "text-to-voice", body));
    await vi.runAllTimersAsync();
    expect(((await result) as { error: unknown }).error).toBeInstanceOf(PaymentRequiredError);
  });
});
