// One save in a fresh process, reporting throughput and RSS growth as JSON on stdout. Used by
// test/memory.test.ts (the 1 GiB RSS check). Argument: a JSON object
//   { module, mode: "bare" | "saveAudio" | "saveResult" | "saveSpeech", url, key?, body?, out, warmupUrl?,
//     warmupBody? }
// `module` is the URL of a build of @camb-kit/node (dist/index.js, or the test's private build).
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createCambClient } from "@camb-kit/client";

const args = JSON.parse(process.argv[2]);
const { saveAudio, saveResult, saveSpeech } = await import(args.module);

async function save(url, out, body = args.body) {
  switch (args.mode) {
    case "bare": {
      const response = await fetch(url);
      await pipeline(Readable.fromWeb(response.body), createWriteStream(out));
      return;
    }
    case "saveAudio":
      await saveAudio(await fetch(url), out);
      return;
    case "saveResult":
      await saveResult(createCambClient({ baseUrl: url, apiKey: args.key ?? "k" }), "tts", 1, out);
      return;
    case "saveSpeech":
      await saveSpeech(createCambClient({ baseUrl: url, apiKey: args.key, retry: false }), body, out);
      return;
    default:
      throw new Error(`unknown mode ${args.mode}`);
  }
}

// A small save first, so one-time setup (undici, fs, the client) is in the baseline, not the growth.
if (args.warmupUrl) {
  await save(args.warmupUrl, `${args.out}.warmup`, args.warmupBody);
  await rm(`${args.out}.warmup`, { force: true });
}
globalThis.gc?.();
const baseline = process.memoryUsage.rss();
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 5);
const started = performance.now();
await save(args.url, args.out);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss());
const maxRss = process.resourceUsage().maxRSS * 1024; // the kernel's exact high-water mark
process.stdout.write(
  JSON.stringify({ mode: args.mode, seconds, baseline, peak, growth: Math.max(peak, maxRss) - baseline }),
);
