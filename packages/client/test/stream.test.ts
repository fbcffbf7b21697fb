// Binary endpoints against a real HTTP server on 127.0.0.1: the stream is handed over as soon as the headers
// arrive, the headers timeout does not cut a long body, and a body that breaks mid-way is never retried.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test, vi } from "vitest";
import { CambApiError, createCambClient, openResultAudio, openSpeechStream } from "../src/index.js";
import { scriptedFetch } from "./helpers/scripted-fetch.js";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
let server: Server | undefined;
let hits = 0;

async function serve(handler: Handler): Promise<string> {
  hits = 0;
  server = createServer((request, response) => {
    hits++;
    handler(request, response);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/apis`;
}

afterEach(async () => {
  vi.useRealTimers();
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

const speech = { text: "A long story", language: "en-us", voice_id: 1 };

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe("streamed audio over real HTTP", () => {
  test("the first chunk is readable before the server has finished, with credits and content type", async () => {
    const rest = deferred();
    const baseUrl = await serve((_, response) => {
      response.writeHead(200, { "content-type": "audio/wav", "x-credits-required": "12.5" });
      response.write("RIFF");
      rest.promise.then(() => response.end("-rest"));
    });
    const camb = createCambClient({ baseUrl, apiKey: "k" });
    const audio = await openSpeechStream(camb, speech);
    expect(audio.creditsRequired).toBe(12.5);
    expect(audio.contentType).toBe("audio/wav");
    expect(audio.contentLength).toBeUndefined();
    const reader = audio.stream.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("RIFF");
    rest.resolve();
    let tail = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      tail += new TextDecoder().decode(chunk.value);
    }
    expect(tail).toBe("-rest");
  });

  test("a Content-Length that cannot be trusted (malformed, or of an encoded body) is no length at all", async () => {
    const untrusted: Record<string, string>[] = [
      { "content-length": "12abc" },
      { "content-length": "4", "content-encoding": "br" },
    ];
    for (const headers of untrusted) {
      const { fetch } = scriptedFetch([
        new Response("fLaC", { headers: { "content-type": "audio/flac", ...headers } }),
      ]);
      const camb = createCambClient({ baseUrl: "http://camb.test", fetch });
      expect((await openResultAudio(camb, "tts", 5)).contentLength).toBeUndefined();
    }
  });

  test("the headers timeout stops at the headers: a body slower than timeoutMs still completes", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const rest = deferred();
    const baseUrl = await serve((_, response) => {
      response.writeHead(200, { "content-type": "audio/flac", "content-length": "8" });
      response.write("fLaC");
      rest.promise.then(() => response.end("data"));
    });
    const camb = createCambClient({ baseUrl, timeoutMs: 1000 });
    const audio = await openResultAudio(camb, "tts", 5);
    expect(audio.contentLength).toBe(8);
    await vi.advanceTimersByTimeAsync(10_000);
    rest.resolve();
    expect(new TextDecoder().decode(await new Response(audio.stream).arrayBuffer())).toBe("fLaCdata");
  });

  test("after the headers, the caller's signal still aborts the body (global fetch path)", async () => {
    const baseUrl = await serve((_, response) => {
      response.writeHead(200, { "content-type": "audio/flac" });
      response.write("fLaC");
    });
    const camb = createCambClient({ baseUrl, timeoutMs: 60_000 });
    const controller = new AbortController();
    const audio = await openResultAudio(camb, "tts", 5, { signal: controller.signal });
    const reader = audio.stream.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("fLaC");
    const reason = new Error("listener left the page");
    controller.abort(reason);
    await expect(reader.read()).rejects.toBe(reason);
  });

  test("a body cut off mid-stream errors the stream and is not retried", async () => {
    const baseUrl = await serve((_, response) => {
      response.writeHead(200, { "content-type": "audio/flac", "content-length": "1000" });
      response.write("fLaC", () => response.socket?.destroy());
    });
    const camb = createCambClient({ baseUrl });
    const audio = await openResultAudio(camb, "tts", 5);
    await expect(new Response(audio.stream).arrayBuffer()).rejects.toThrow();
    expect(hits).toBe(1);
  });

  test("a 503 before the headers of a result is retried, and the second answer streams", async () => {
    const baseUrl = await serve((_, response) => {
      if (hits === 1) {
        response.writeHead(503, { "retry-after": "0" }).end();
        return;
      }
      response.writeHead(200, { "content-type": "audio/wav" }).end("RIFFdata");
    });
    const camb = createCambClient({ baseUrl });
    const audio = await openResultAudio(camb, "text-to-sound", 3);
    expect(new TextDecoder().decode(await new Response(audio.stream).arrayBuffer())).toBe("RIFFdata");
    expect(hits).toBe(2);
  });

  test("a JSON error from /tts-stream is thrown as CambApiError, never handed over as audio", async () => {
    const baseUrl = await serve((_, response) => {
      response.writeHead(422, { "content-type": "application/json" });
      response.end(
        JSON.stringify({ detail: [{ loc: ["body", "language"], msg: "unsupported", type: "value_error" }] }),
      );
    });
    const camb = createCambClient({ baseUrl });
    const error = await openSpeechStream(camb, speech).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CambApiError);
    expect(error).toMatchObject({ status: 422, path: "/tts-stream", method: "POST" });
  });
});
