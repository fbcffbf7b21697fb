// The headers timeout (CambTimeoutError, retried on GET) and CambApiError's fields, never carrying the key.
import { afterEach, describe, expect, test, vi } from "vitest";
import { CambApiError, CambTimeoutError, createCambClient, unwrap } from "../src/index.js";
import { hangingFetch, json, scriptedFetch } from "./helpers/scripted-fetch.js";

const BASE = "http://camb.test/apis";
const KEY = "sk-secret-key-0123456789";

afterEach(() => {
  vi.useRealTimers();
});

describe("timeout until headers", () => {
  test("fires as CambTimeoutError naming the call, and leaves no timer behind", async () => {
    vi.useFakeTimers();
    const hanging = hangingFetch();
    const camb = createCambClient({ baseUrl: BASE, fetch: hanging.fetch, timeoutMs: 1000, retry: false });
    const outcome = camb.GET("/list-voices").catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(999);
    expect(hanging.requests[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(CambTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 1000, method: "GET", path: "/list-voices" });
    expect(vi.getTimerCount()).toBe(0);
  });

  test("a timed-out GET is retried, then the timeout surfaces", async () => {
    vi.useFakeTimers();
    const hanging = hangingFetch();
    const camb = createCambClient({
      baseUrl: BASE,
      fetch: hanging.fetch,
      timeoutMs: 100,
      retry: { maxRetries: 1 },
    });
    const outcome = camb.GET("/list-voices").catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    expect(await outcome).toBeInstanceOf(CambTimeoutError);
    expect(hanging.requests).toHaveLength(2);
  });

  test("the caller's abort wins over the timeout and is not retried", async () => {
    const hanging = hangingFetch();
    const camb = createCambClient({ baseUrl: BASE, fetch: hanging.fetch, timeoutMs: 60_000 });
    const controller = new AbortController();
    const outcome = camb.GET("/list-voices", { signal: controller.signal }).catch((error: unknown) => error);
    await vi.waitFor(() => expect(hanging.requests).toHaveLength(1));
    controller.abort(new Error("stop"));
    expect(await outcome).toEqual(new Error("stop"));
    expect(hanging.requests).toHaveLength(1);
  });
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("CambApiError", () => {
  test("unwrap returns data on success", async () => {
    const camb = createCambClient({ baseUrl: BASE, fetch: scriptedFetch([json(200, [])]).fetch });
    expect(unwrap(await camb.GET("/list-voices"))).toEqual([]);
  });

  test("carries status, parsed body, headers, request id, method and path", async () => {
    const body = { detail: [{ loc: ["body", "prompt"], msg: "Field required", type: "missing" }] };
    const script = scriptedFetch([json(422, body, { "x-request-id": "req-42" })]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch });
    const error = await caught(camb.POST("/text-to-sound", { body: { prompt: "" } }).then(unwrap));
    expect(error).toBeInstanceOf(CambApiError);
    expect(error).toMatchObject({
      status: 422,
      body,
      requestId: "req-42",
      method: "POST",
      path: "/text-to-sound",
    });
    expect((error as CambApiError).headers.get("content-type")).toBe("application/json");
    expect((error as Error).message).toBe("CAMB API 422 on POST /text-to-sound: body.prompt: Field required");
  });

  test("an empty 500 body still yields a CambApiError (openapi-fetch's error is a falsy empty string)", async () => {
    const script = scriptedFetch([new Response(null, { status: 500 })]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch, retry: false });
    const result = await camb.GET("/list-voices");
    expect(result.error).toBeFalsy();
    const error = await caught(Promise.resolve(result).then(unwrap));
    expect(error).toBeInstanceOf(CambApiError);
    expect(error).toMatchObject({ status: 500, body: "", path: "/list-voices" });
  });

  test("a text body is kept as text", async () => {
    const script = scriptedFetch([new Response("Bad Gateway", { status: 502 })]);
    const camb = createCambClient({ baseUrl: BASE, fetch: script.fetch, retry: false });
    const error = await caught(camb.GET("/list-voices").then(unwrap));
    expect(error).toMatchObject({ status: 502, body: "Bad Gateway" });
  });

  test("the API key never appears in the message, body, headers or serialisation, even when echoed", async () => {
    const echo = (request: Request) =>
      json(
        401,
        { detail: `invalid key ${request.headers.get("x-api-key")}`, [KEY]: [KEY] },
        { "x-echo": `key=${request.headers.get("x-api-key")}` },
      );
    const camb = createCambClient({ apiKey: KEY, baseUrl: BASE, fetch: scriptedFetch([echo]).fetch });
    const error = (await caught(camb.GET("/list-voices").then(unwrap))) as CambApiError;
    expect(error).toBeInstanceOf(CambApiError);
    const everything = [
      error.message,
      error.stack,
      JSON.stringify(error),
      JSON.stringify(error.body),
      JSON.stringify([...error.headers]),
      String(error),
    ].join("\n");
    expect(everything).not.toContain(KEY);
    expect(error.message).toContain("invalid key [redacted]");
  });

  test("the key is not in a timeout error either", async () => {
    vi.useFakeTimers();
    const camb = createCambClient({ apiKey: KEY, baseUrl: BASE, fetch: hangingFetch().fetch, timeoutMs: 5 });
    const outcome = caught(camb.GET("/list-voices"));
    await vi.runAllTimersAsync();
    const error = await outcome;
    expect(`${JSON.stringify(error)} ${(error as Error).message} ${(error as Error).stack}`).not.toContain(
      KEY,
    );
  });
});

describe("middleware", () => {
  test("gets real Requests, as openapi-fetch promises, and what it sets goes out", async () => {
    const script = scriptedFetch([json(200, [])]);
    const camb = createCambClient({ apiKey: "k", baseUrl: "http://camb.test/apis", fetch: script.fetch });
    const seen: unknown[] = [];
    camb.use({
      onRequest({ request }) {
        seen.push(request);
        request.headers.set("x-trace", "abc");
        return request;
      },
    });
    await camb.GET("/list-voices");
    expect(seen[0]).toBeInstanceOf(Request);
    expect(script.requests[0]?.headers.get("x-trace")).toBe("abc");
    expect(script.requests[0]?.headers.get("x-api-key")).toBe("k");
  });
});
