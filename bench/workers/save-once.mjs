// One save in a fresh process (started by save-audio.mjs): `node save-once.mjs <mode> <baseUrl> <bytes> <dir>`.
// Prints {"ms", "rssGrowth"} where rssGrowth = peak RSS of the process (getrusage maxrss) minus RSS just
// before the request, after every module is loaded and one small warm-up save.
import { createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { saveStreamToFile } from "@camb-ai/sdk";
import { createCambClient } from "@camb-kit/client";
import { saveResult } from "@camb-kit/node";

const [mode, baseUrl, bytesArg, dir] = process.argv.slice(2);
const camb = createCambClient({ baseUrl, apiKey: "bench-key" });

/** @type {Record<string, (bytes: number, path: string, url: string) => Promise<unknown>>} */
const modes = {
  // The baseline of the issue: bare pipeline of the fetch body into a file.
  bare: async (_bytes, path, url) => {
    const response = await fetch(url, { headers: { "x-api-key": "bench-key" } });
    await pipeline(Readable.fromWeb(/** @type {any} */ (response.body)), createWriteStream(path));
  },
  saveResult: (bytes, path) => saveResult(camb, "tts", bytes, path),
  // The official SDK's helper, given the same body in the BinaryResponse shape it accepts (`stream()`).
  saveStreamToFile: async (_bytes, path, url) => {
    const response = await fetch(url, { headers: { "x-api-key": "bench-key" } });
    await saveStreamToFile({ stream: () => response.body }, path);
  },
};

/** Saves `bytes` bytes and checks the file. */
async function save(bytes) {
  const path = join(dir, `${mode}-${process.pid}-${bytes}.flac`);
  const started = performance.now();
  await modes[mode](bytes, path, `${baseUrl}/tts-result/${bytes}?output_type=raw_bytes`);
  const ms = performance.now() - started;
  const size = (await stat(path)).size;
  await rm(path, { force: true });
  if (size !== bytes) throw new Error(`${mode}: wrote ${size} bytes, expected ${bytes}`);
  return ms;
}

// Warm-up: a small save loads undici, opens the keep-alive socket and JITs the path, so a fresh process's
// one-time start-up is not billed to the save being measured.
await save(64 * 1024);
const before = process.memoryUsage().rss;
const ms = await save(Number(bytesArg));
const peak = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ ms, rssGrowth: Math.max(0, peak - before) })}\n`);
