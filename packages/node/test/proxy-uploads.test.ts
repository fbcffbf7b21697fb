// Uploads through createCambProxy to the sandbox: multipart streams up as it arrives (the API has the first
// bytes before the browser sent the rest), the declared length goes along, and maxRequestBytes still holds.
import {
  type CambClient,
  createCambClient,
  getResultJson,
  getTaskStatus,
  openResultAudio,
  unwrap,
} from "@camb-kit/client";
import { afterEach, describe, expect, it } from "vitest";
import type { TestServer } from "../../../tests/support/http-server.js";
import { DEFAULT_PROXY_ALLOW } from "../src/index.js";
import { startProxy } from "./helpers/proxy-server.js";
import { gatedBody, multipartParts, type Tap, tapInFront } from "./helpers/proxy-upload.js";
import { finishedRuns, requestsTo, sandbox } from "./helpers/sandbox.js";

const UPLOADS = [...DEFAULT_PROXY_ALLOW, "createTranscriptionTask"] as const;
const closing: (TestServer | Tap)[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((server) => server.close()));
});

/** Speech the sandbox made (a FLAC that carries its words), so a transcription of it gives them back. */
async function sandboxSpeech(client: CambClient): Promise<{ bytes: Uint8Array<ArrayBuffer>; text: string }> {
  const [runId] = await finishedRuns(client, "tts", 1);
  const audio = await openResultAudio(client, "tts", runId!);
  return { bytes: new Uint8Array(await new Response(audio.stream).arrayBuffer()), text: "Run number 0." };
}

/** Polls a transcription through `client` until it is done and returns its transcript's text. */
async function transcriptText(client: CambClient, taskId: string): Promise<string> {
  for (let poll = 0; poll < 10; poll++) {
    const status = unwrap(await getTaskStatus(client, "transcription", taskId));
    if (status.status === "SUCCESS" && typeof status.run_id === "number") {
      const result = unwrap(await getResultJson(client, "transcription", status.run_id));
      const segments = Array.isArray(result)
        ? result
        : (result as { transcript: { text: string }[] }).transcript;
      return segments.map((segment) => segment.text).join(" ");
    }
  }
  throw new Error("the transcription did not finish");
}

describe("uploads through createCambProxy to the sandbox", () => {
  it("streams a multipart upload: the API has its first bytes before the browser sends the rest", async () => {
    const sb = await sandbox();
    const tap = await tapInFront(sb.url);
    closing.push(tap);
    const proxy = await startProxy({ apiKey: sb.key, baseUrl: tap.url, allow: UPLOADS });
    closing.push(proxy);
    const speech = await sandboxSpeech(sb.client);

    const parts = multipartParts(
      { language: "en-us" },
      { field: "media_file", name: "speech.flac", type: "audio/flac", bytes: speech.bytes },
    );
    const half = Math.floor(parts.file.length / 2);
    const first = new Uint8Array([...parts.head, ...parts.file.subarray(0, half)]);
    // The second half is held back until the API side of the proxy has received (headers and) the first.
    const before = tap.upstreamBytes;
    const firstArrived = tap.received(before + first.length);
    let rest = false;
    const body = gatedBody(
      [first, parts.file.subarray(half), parts.tail],
      [
        firstArrived.then(() => {
          rest = true;
        }),
      ],
    );
    const response = await fetch(`${proxy.url}/api/camb/transcribe`, {
      method: "POST",
      headers: { "content-type": parts.contentType },
      body,
      duplex: "half",
    } as RequestInit);
    expect(rest).toBe(true);
    expect(response.status).toBe(200);
    const { task_id } = (await response.json()) as { task_id: string };

    // The same run read back through the proxy by a key-less client: the sandbox heard the whole file.
    const browser = createCambClient({ apiKey: "", baseUrl: `${proxy.url}/api/camb`, retry: false });
    expect(await transcriptText(browser, task_id)).toContain(speech.text.replace(/\.$/, ""));
    const [upload] = requestsTo(sb.requests, "/transcribe");
    expect(upload!.headers["x-api-key"]).toBe(sb.key);
  });

  it("sends a File upload with its declared length, which the API sees unchanged", async () => {
    const sb = await sandbox();
    const proxy = await startProxy({ apiKey: sb.key, baseUrl: sb.url, allow: UPLOADS });
    closing.push(proxy);
    const speech = await sandboxSpeech(sb.client);
    const browser = createCambClient({ apiKey: "", baseUrl: `${proxy.url}/api/camb`, retry: false });
    const form = new FormData();
    form.set("language", "en-us");
    form.set("media_file", new File([speech.bytes], "speech.flac", { type: "audio/flac" }));
    const sent = new Request(`${proxy.url}/api/camb/transcribe`, { method: "POST", body: form });
    const declared = String((await sent.clone().arrayBuffer()).byteLength);
    const response = await fetch(sent.url, {
      method: "POST",
      body: form,
      headers: { "content-length": declared },
    });
    expect(response.status).toBe(200);
    const [upload] = requestsTo(sb.requests, "/transcribe");
    expect(upload!.headers["content-length"]).toBe(declared);
    const { task_id } = (await response.json()) as { task_id: string };
    expect(await transcriptText(browser, task_id)).toContain("Run number 0");
  });

  it("holds uploads to maxRequestBytes while they stream: 413, and the API is cut off near the limit", async () => {
    const sb = await sandbox();
    const tap = await tapInFront(sb.url);
    closing.push(tap);
    const proxy = await startProxy({
      apiKey: sb.key,
      baseUrl: tap.url,
      allow: UPLOADS,
      maxRequestBytes: 64 * 1024,
    });
    closing.push(proxy);
    const parts = multipartParts(
      { language: "en-us" },
      { field: "media_file", name: "big.wav", type: "audio/wav", bytes: new Uint8Array(200 * 1024) },
    );
    // Undeclared length, sent in 16 KiB steps: the limit trips partway, while the upload is still streaming.
    const chunks: Uint8Array[] = [parts.head];
    for (let at = 0; at < parts.file.length; at += 16 * 1024)
      chunks.push(parts.file.subarray(at, at + 16 * 1024));
    chunks.push(parts.tail);
    const response = await fetch(`${proxy.url}/api/camb/transcribe`, {
      method: "POST",
      headers: { "content-type": parts.contentType },
      body: gatedBody(chunks),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ detail: expect.stringContaining(`${64 * 1024} bytes`) });
    // undici may still write what it pulled after the fetch failed; then it resets that connection.
    await tap.closed(1);
    // The limit plus what was in flight (one step, headers, framing), far from the 200 KiB sent.
    expect(tap.upstreamBytes).toBeLessThan(64 * 1024 + 20 * 1024);
  });

  it("refuses an upload whose declared length is over maxRequestBytes before any of it goes upstream", async () => {
    const sb = await sandbox();
    const proxy = await startProxy({
      apiKey: sb.key,
      baseUrl: sb.url,
      allow: UPLOADS,
      maxRequestBytes: 64 * 1024,
    });
    closing.push(proxy);
    const form = new FormData();
    form.set("language", "en-us");
    form.set("media_file", new File([new Uint8Array(200 * 1024)], "big.wav", { type: "audio/wav" }));
    const response = await fetch(`${proxy.url}/api/camb/transcribe`, { method: "POST", body: form });
    expect(response.status).toBe(413);
    expect(requestsTo(sb.requests, "/transcribe")).toHaveLength(0);
  });
});
