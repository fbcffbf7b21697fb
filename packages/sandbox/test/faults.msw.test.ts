// The fault kinds in-process (msw): statuses, resets, truncation, fake-timer stalls, bad JSON, odd statuses.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createSandbox, type FaultRule } from "../src/index.js";
import { call, MSW_BASE } from "./helpers/harness.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => vi.useRealTimers());
afterAll(() => server.close());

function use(faults: FaultRule[]) {
  server.resetHandlers(...createSandbox({ faults }).handlers);
}

const SPEECH = {
  text: "In-process faults.",
  language: "en-us",
  voice_id: 1,
  output_configuration: { format: "pcm_s16le" },
};

describe("faults in-process (msw), seen by fetch", () => {
  test("status and Retry-After", async () => {
    use([{ kind: "status", status: 429, retryAfter: "3" }]);
    const response = await call(MSW_BASE, "/list-voices");
    expect([response.status, response.headers.get("retry-after")]).toEqual([429, "3"]);
  });

  test("reset is a network error", async () => {
    use([{ kind: "reset" }]);
    await expect(call(MSW_BASE, "/list-voices")).rejects.toThrow(TypeError);
  });

  test("truncate: the body errors after afterBytes", async () => {
    use([{ route: "streamSpeech", kind: "truncate", afterBytes: 3000 }]);
    const reader = (await call(MSW_BASE, "/tts-stream", { body: SPEECH })).body?.getReader();
    let received = 0;
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await (reader as ReadableStreamDefaultReader<Uint8Array>).read();
          if (done) return;
          received += value.length;
        }
      })(),
    ).rejects.toThrow(/truncate/);
    expect(received).toBe(3000);
  });

  test("stall and latency wait on timers: fake timers release them", async () => {
    use([
      { route: "streamSpeech", kind: "stall", afterBytes: 2048, ms: 10_000 },
      { route: "streamSpeech", kind: "latency", ms: 5_000 },
    ]);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let answered = false;
    const pending = call(MSW_BASE, "/tts-stream", { body: SPEECH }).then((r) => {
      answered = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const reader = (await pending).body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    expect((await reader.read()).value?.length).toBe(2048);
    let resumed = false;
    const next = reader.read().then((r) => {
      resumed = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(resumed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await next).value?.length).toBeGreaterThan(0);
    await reader.cancel();
  });

  test("malformed-json and unknown-status", async () => {
    use([
      { route: "listVoices", kind: "malformed-json" },
      { route: "getSoundTaskStatus", kind: "unknown-status" },
    ]);
    await expect((await call(MSW_BASE, "/list-voices")).json()).rejects.toThrow(SyntaxError);
    const { task_id } = (await (
      await call(MSW_BASE, "/text-to-sound", { body: { prompt: "x" } })
    ).json()) as {
      task_id: string;
    };
    const status = (await (await call(MSW_BASE, `/text-to-sound/${task_id}`)).json()) as { status: string };
    expect(status.status).toBe("SANDBOX_UNKNOWN_STATUS");
  });
});
