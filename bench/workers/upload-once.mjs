// One upload in a fresh process (started by upload.mjs): `node upload-once.mjs <mode> <baseUrl> <file> <warm>`.
// Prints {"ms", "rssGrowth", "bytes", "chunked"}: rssGrowth = peak RSS of the process (getrusage maxrss) minus
// RSS just before the upload, after every module is loaded and one small warm-up upload (of <warm>).
import { createReadStream, openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import { request } from "node:http";
import { Readable } from "node:stream";
import { CambClient } from "@camb-ai/sdk";
import { createCambClient } from "@camb-kit/client";
import { fileFromPath } from "@camb-kit/node";

const [mode, baseUrl, file, warm] = process.argv.slice(2);
const camb = createCambClient({ baseUrl, apiKey: "bench-key" });
const sdk = new CambClient({ baseUrl, apiKey: "bench-key" });
const fields = { voice_name: "Bench", gender: 1 };

/** @type {Record<string, (path: string) => Promise<{ bytes: number, chunked: boolean }>>} */
const modes = {
  // The file's stream piped into a bare node:http request with its length, no multipart framing.
  bare: async (path) => {
    const { size } = await stat(path);
    return new Promise((resolve, reject) => {
      const headers = { "x-api-key": "bench-key", "content-length": size };
      const sent = request(
        `${baseUrl}/create-custom-voice`,
        { method: "POST", headers },
        async (response) => {
          let text = "";
          for await (const chunk of response) text += chunk;
          resolve(JSON.parse(text));
        },
      );
      sent.on("error", reject);
      createReadStream(path).on("error", reject).pipe(sent);
    });
  },
  // The same over fetch (the transport of every fetch-based client): a bare streamed request with its length.
  // redirect "error": in any other mode undici keeps a copy of the whole body (nodejs/undici#4058).
  "bare-fetch": async (path) => {
    const { size } = await stat(path);
    const body = Readable.toWeb(createReadStream(path));
    const headers = { "x-api-key": "bench-key", "content-length": String(size) };
    const init = { method: "POST", body, headers, duplex: "half", redirect: "error" };
    const response = await fetch(`${baseUrl}/create-custom-voice`, /** @type {RequestInit} */ (init));
    return response.json();
  },
  // camb-kit: the typed body, the file a Blob backed by the file on disk.
  "camb-kit": async (path) => {
    const body = { ...fields, file: await openAsBlob(path) };
    const { data, error, response } = await camb.POST("/create-custom-voice", { body });
    if (!response.ok) throw new Error(`camb-kit: ${response.status} ${JSON.stringify(error)}`);
    return /** @type {any} */ (data);
  },
  // camb-kit with @camb-kit/node's fileFromPath: the same typed body, the part a File read from disk with
  // progress counted per chunk (the callback does the least a progress bar would: keep the last count).
  "camb-kit-file": async (path) => {
    let sent = 0;
    const file = await fileFromPath(path, { onUploadProgress: (progress) => (sent = progress.sent) });
    const { data, error, response } = await camb.POST("/create-custom-voice", { body: { ...fields, file } });
    if (!response.ok) throw new Error(`camb-kit-file: ${response.status} ${JSON.stringify(error)}`);
    if (sent !== file.size) throw new Error(`camb-kit-file: progress ended at ${sent} of ${file.size}`);
    return /** @type {any} */ (data);
  },
  // The official SDK, given the same file-backed Blob, and a Node stream as its README shows.
  "sdk-blob": async (path) =>
    /** @type {any} */ (
      await sdk.voiceCloning.createCustomVoice({ ...fields, file: await openAsBlob(path) })
    ),
  "sdk-stream": async (path) =>
    /** @type {any} */ (
      await sdk.voiceCloning.createCustomVoice({ ...fields, file: createReadStream(path) })
    ),
};

/** Uploads the file and checks that the server read at least all of its bytes (multipart adds framing). */
async function upload(path) {
  const { size } = await stat(path);
  const started = performance.now();
  const answer = await modes[mode](path);
  const ms = performance.now() - started;
  if (!(answer.bytes >= size)) throw new Error(`${mode}: the server read ${answer.bytes} bytes of ${size}`);
  return { ms, bytes: answer.bytes, chunked: answer.chunked };
}

// Warm-up: a small upload loads undici, opens the keep-alive socket and JITs the path, so a fresh process's
// one-time start-up is not billed to the upload being measured.
await upload(warm);
const before = process.memoryUsage().rss;
const result = await upload(file);
const peak = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ ...result, rssGrowth: Math.max(0, peak - before) })}\n`);
