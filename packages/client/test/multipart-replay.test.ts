// Uploads and the request path: a retry re-reads files but never a consumed stream; aborts release what is
// being read; the headers timeout bounds a stall, not an upload's length; middleware and redirects.
import { openAsBlob } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { deferred } from "../../../tests/support/http-server.js";
import { CambConnectionError, CambTimeoutError, createCambClient } from "../src/index.js";
import type { StreamedFile } from "../src/multipart/form-entries.js";
import { sha256, startUploadServer, type UploadServer } from "./helpers/multipart-server.js";
import { hangingFetch, json } from "./helpers/scripted-fetch.js";

let server: UploadServer;
let dir: string;
beforeAll(async () => {
  server = await startUploadServer();
  dir = await mkdtemp(join(tmpdir(), "camb-multipart-"));
});
afterEach(() => {
  server.uploads.length = 0;
  server.requests.length = 0;
  server.answer = () => ({});
  vi.useRealTimers();
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const bytes = new Uint8Array(200_000).map((_, i) => (i * 13) % 256);
/** Retries with no backoff wait, so a retried call needs no timer. */
const client = () => createCambClient({ apiKey: "k", baseUrl: server.url, retry: { random: () => 0 } });
/** A one-shot stream of `chunks`, recording whether it was cancelled. */
function oneShot(chunks: Uint8Array[], size?: number) {
  const cancelled = deferred<unknown>();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel: (reason) => cancelled.resolve(reason),
  });
  const file: StreamedFile = { stream, filename: "live.wav", type: "audio/wav", ...(size ? { size } : {}) };
  return { file, cancelled: cancelled.promise };
}

describe("retries and replay", () => {
  test("a file from disk is read again, in full, when a 503 is retried", async () => {
    const path = join(dir, "voice.wav");
    await writeFile(path, bytes);
    server.answer = (_, index) => (index === 0 ? { status: 503 } : {});
    const file = await openAsBlob(path);
    const { response } = await client().POST("/create-custom-voice", {
      body: { voice_name: "A", gender: 1, file },
    });
    expect(response.status).toBe(200);
    expect(server.uploads).toHaveLength(2);
    for (const upload of server.uploads) expect(upload.parts[2]).toMatchObject({ sha256: sha256(bytes) });
  });

  test("a body with a one-shot stream is sent once: the 503 is the answer, not a retry", async () => {
    server.answer = () => ({ status: 503 });
    const { file } = oneShot([bytes.subarray(0, 1000), bytes.subarray(1000)]);
    const { response } = await client().POST("/create-custom-voice", {
      body: { voice_name: "A", gender: 1, file },
    });
    expect(response.status).toBe(503);
    expect(server.uploads).toHaveLength(1);
    expect(server.uploads[0]?.parts[2]).toEqual({
      name: "file",
      filename: "live.wav",
      type: "audio/wav",
      size: bytes.length,
      sha256: sha256(bytes),
    });
  });

  test("a stream of unknown length is sent chunked; one that states its size keeps the Content-Length", async () => {
    await client().POST("/create-custom-voice", {
      body: { voice_name: "A", gender: 1, file: oneShot([bytes]).file },
    });
    expect(server.uploads[0]?.headers["transfer-encoding"]).toBe("chunked");
    const sized = oneShot([bytes], bytes.length).file;
    await client().POST("/create-custom-voice", { body: { voice_name: "A", gender: 1, file: sized } });
    expect(Number(server.uploads[1]?.headers["content-length"])).toBe(server.uploads[1]?.bytes);
  });
});

describe("aborts, timeouts and redirects", () => {
  test("an abort mid-upload cancels the stream being read and the streams not reached yet", async () => {
    const controller = new AbortController();
    const reading = deferred();
    const first = deferred<unknown>();
    const stream = new ReadableStream<Uint8Array>({
      pull(stream) {
        stream.enqueue(bytes);
        reading.resolve(); // the upload is under way; the next pulls wait for the abort
        return new Promise(() => {});
      },
      cancel: (reason) => first.resolve(reason),
    });
    const second = oneShot([bytes]);
    const live: StreamedFile = { stream, filename: "a.wav" };
    const call = client().POST("/create-custom-voice", {
      body: { voice_name: "A", gender: 1, file: live, description: "x", ...{ extra: second.file } },
      signal: controller.signal,
    });
    await reading.promise;
    controller.abort(new Error("stop"));
    await expect(call).rejects.toThrow("stop");
    await expect(first.promise).resolves.toMatchObject({ message: "stop" });
    await expect(second.cancelled).resolves.toMatchObject({ message: "stop" });
  });

  test("a part that fails mid-read fails the call, sent once, and cancels the streams not reached yet", async () => {
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.error(new Error("disk gone"));
      },
    });
    const later = oneShot([bytes]);
    const file: StreamedFile = { stream: failing, filename: "a.wav" };
    const call = client().POST("/create-custom-voice", {
      body: { voice_name: "A", gender: 1, file, ...{ extra: later.file } },
    });
    await expect(call).rejects.toMatchObject({ name: "CambConnectionError", requestSent: true });
    await expect(later.cancelled).resolves.toMatchObject({ message: "disk gone" });
    expect(server.requests.length).toBeLessThanOrEqual(1); // never retried (it may not have left at all)
  });

  test("the headers timeout starts again on each chunk taken: a slow upload finishes, a stalled one times out", async () => {
    vi.useFakeTimers();
    const file = new Blob([bytes, bytes, bytes, bytes]);
    const slowReader = async (request: Request, stallAfter: number) => {
      const reader = request.body!.getReader();
      for (let chunks = 0; !(await reader.read()).done; chunks++) {
        if (chunks === stallAfter) return hangingFetch().fetch(request);
        await vi.advanceTimersByTimeAsync(900); // each chunk just within the 1000 ms allowed
      }
      return json(200, { voice_id: 7 });
    };
    const options = { baseUrl: "http://camb.test", timeoutMs: 1000, retry: false } as const;
    const slow = createCambClient({ ...options, fetch: (request) => slowReader(request, Infinity) });
    const { data } = await slow.POST("/create-custom-voice", { body: { voice_name: "A", gender: 1, file } });
    expect(data).toEqual({ voice_id: 7 });

    const stalled = createCambClient({ ...options, fetch: (request) => slowReader(request, 2) });
    const call = stalled.POST("/create-custom-voice", { body: { voice_name: "A", gender: 1, file } });
    const outcome = expect(call).rejects.toBeInstanceOf(CambTimeoutError);
    await vi.advanceTimersByTimeAsync(3000);
    await outcome;
  });

  test("an upload is not sent across a redirect, with or without a key", async () => {
    server.answer = () => ({ status: 307, headers: { location: `${server.url}/elsewhere` } });
    const file = new Blob([bytes]);
    for (const apiKey of ["k", ""]) {
      const camb = createCambClient({ apiKey, baseUrl: server.url, retry: false });
      const call = camb.POST("/create-custom-voice", { body: { voice_name: "A", gender: 1, file } });
      await expect(call).rejects.toBeInstanceOf(CambConnectionError);
    }
    expect(server.uploads.map((upload) => upload.parts.length)).toEqual([3, 3]);
  });

  test("with middleware, an upload is a real Request, streamed whole, and sent once", async () => {
    server.answer = () => ({ status: 503 });
    const camb = client();
    const seen: Request[] = [];
    camb.use({ onRequest: ({ request }) => void seen.push(request) });
    const file = new File([bytes], "voice.wav");
    const { response } = await camb.POST("/create-custom-voice", {
      body: { voice_name: "A", gender: 1, file },
    });
    expect(response.status).toBe(503);
    expect(seen[0]).toBeInstanceOf(Request);
    expect(seen[0]?.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(server.uploads).toHaveLength(1);
    expect(server.uploads[0]?.parts[2]).toMatchObject({ filename: "voice.wav", sha256: sha256(bytes) });
  });
});
