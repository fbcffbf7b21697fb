// Every fault kind over real HTTP as a plain fetch sees it, plus seeded probabilities and route checks.
import { enums } from "@camb-kit/client/spec";
import { afterEach, describe, expect, test } from "vitest";
import {
  createSandbox,
  type FaultRule,
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from "../src/index.js";
import { call, runTask } from "./helpers/harness.js";

let sb: RunningSandbox | undefined;
async function start(options: SandboxOptions): Promise<RunningSandbox> {
  sb = await startSandbox(options);
  return sb;
}
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

const SPEECH = { text: "Faults are fun to test.", language: "en-us", voice_id: 1 };

/** Reads a body to the end or to its error; returns the bytes that arrived and the error, if any. */
async function drain(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { received, error: undefined };
      received += value.length;
    }
  } catch (error) {
    return { received, error: error as Error };
  }
}

describe("faults over real HTTP, seen by a plain fetch", () => {
  test("status: 429 with Retry-After, 503 on the nth request of one route only", async () => {
    const faults: FaultRule[] = [
      { route: "listVoices", kind: "status", status: 429 },
      {
        route: "listSourceLanguages",
        kind: "status",
        status: 429,
        retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT",
      },
      { route: "listTargetLanguages", kind: "status", status: 503, nth: [2] },
    ];
    const { url } = await start({ faults });
    const limited = await call(url, "/list-voices");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(await limited.json()).toEqual({ detail: expect.any(String) });
    expect((await call(url, "/source-languages")).headers.get("retry-after")).toBe(
      "Wed, 21 Oct 2026 07:28:00 GMT",
    );
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(url, "/target-languages")).status);
    expect(statuses).toEqual([200, 503, 200]);
  });

  test("reset: the connection is destroyed before any header; the next request works", async () => {
    const { url } = await start({ faults: [{ kind: "reset", nth: 1 }] });
    await expect(call(url, "/list-voices")).rejects.toThrow(TypeError);
    expect((await call(url, "/list-voices")).status).toBe(200);
  });

  test("truncate: Content-Length is declared, the socket is cut after afterBytes", async () => {
    const { url } = await start({
      faults: [{ route: "getSoundResult", kind: "truncate", afterBytes: 1000 }],
    });
    const done = await runTask(url, "text-to-sound", { prompt: "glass", duration: 1 });
    const response = await call(url, `/text-to-sound-result/${done.run_id}`);
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("content-length"))).toBe(44 + 44_100 * 4);
    const { received, error } = await drain(response);
    expect(received).toBe(1000);
    expect(error).toBeInstanceOf(Error);
  });

  test("truncate on the chunked /tts-stream: the stream ends in an error after afterBytes", async () => {
    const { url } = await start({ faults: [{ route: "streamSpeech", kind: "truncate", afterBytes: 5000 }] });
    const response = await call(url, "/tts-stream", {
      body: { ...SPEECH, output_configuration: { format: "wav" } },
    });
    const { received, error } = await drain(response);
    expect(received).toBe(5000);
    expect(error).toBeInstanceOf(Error);
  });

  test("stall longer than the client's idle timeout looks like a hang (and close() does not wait for it)", async () => {
    const { url } = await start({
      faults: [{ route: "streamSpeech", kind: "stall", afterBytes: 4096, ms: 3_600_000 }],
    });
    const idle = new AbortController();
    const response = await fetch(`${url}/tts-stream`, {
      method: "POST",
      headers: { "x-api-key": "k", "content-type": "application/json" },
      body: JSON.stringify({ ...SPEECH, output_configuration: { format: "pcm_s16le" } }),
      signal: idle.signal,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let received = 0;
    while (received < 4096) received += (await reader.read()).value?.length ?? 0;
    expect(received).toBe(4096);
    const next = reader.read();
    idle.abort(new Error("client idle timeout")); // the explicit signal a client's idle timer would fire
    await expect(next).rejects.toThrow("client idle timeout");
  });

  test("stall then resume: after the pause the whole body arrives", async () => {
    // That the body stops at exactly afterBytes is shown by the hang test above (nothing more can arrive);
    // how long the pause lasts is checked with fake timers in faults.msw.test.ts. Timing it here would be flaky.
    const { url } = await start({
      faults: [{ route: "streamSpeech", kind: "stall", afterBytes: 4096, ms: 20 }],
    });
    const response = await call(url, "/tts-stream", {
      body: { ...SPEECH, output_configuration: { format: "pcm_s16le" } },
    });
    const { received, error } = await drain(response);
    expect(error).toBeUndefined();
    expect(received).toBe(Math.round(SPEECH.text.length * 0.06 * 24_000) * 2);
  });

  test("latency: a rule adds its ms, and latencyMs applies to every answer", async () => {
    const { url } = await start({
      latencyMs: 50,
      faults: [{ route: "listVoices", kind: "latency", ms: 100 }],
    });
    const started = performance.now();
    expect((await call(url, "/list-voices")).status).toBe(200);
    // A causal lower bound (the request left before the server started waiting), with 5 ms of timer slack.
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  test("malformed-json: a 200 whose JSON does not parse", async () => {
    const { url } = await start({ faults: [{ route: "listVoices", kind: "malformed-json" }] });
    const response = await call(url, "/list-voices");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  test("unknown-status: status polls answer a status the spec does not know; other routes are untouched", async () => {
    const { url } = await start({ faults: [{ kind: "unknown-status" }] });
    const created = (await (await call(url, "/text-to-sound", { body: { prompt: "hum" } })).json()) as {
      task_id: string;
    };
    const { status } = (await (await call(url, `/text-to-sound/${created.task_id}`)).json()) as {
      status: string;
    };
    expect((enums.TaskStatus as readonly string[]).includes(status)).toBe(false);
  });

  test("probability from a seed is deterministic; probability 0 never fires", async () => {
    const pattern = async (seed: number, probability: number) => {
      const running = await startSandbox({ seed, faults: [{ kind: "status", status: 503, probability }] });
      const statuses = [];
      for (let i = 0; i < 16; i++) statuses.push((await call(running.url, "/list-voices")).status);
      await running.close();
      return statuses;
    };
    const first = await pattern(7, 0.5);
    expect(await pattern(7, 0.5)).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 503]));
    expect(new Set(await pattern(7, 0))).toEqual(new Set([200]));
  });

  test('route "storage" faults hit pre-signed downloads only', async () => {
    const { url } = await start({ faults: [{ route: "storage", kind: "reset" }] });
    const done = await runTask(url, "tts", { text: "stored", voice_id: 1, language: 1 });
    const { output_url } = (await (
      await call(url, `/tts-result/${done.run_id}?output_type=file_url`)
    ).json()) as {
      output_url: string;
    };
    await expect(fetch(output_url)).rejects.toThrow(TypeError);
  });

  test("an unknown route name is rejected up front", () => {
    expect(() => createSandbox({ faults: [{ route: "getSpeechResults2", kind: "reset" }] })).toThrow(
      /Valid routes/,
    );
  });
});
