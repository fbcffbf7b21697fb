// Benchmark 9 — uploading a file from disk: throughput and peak memory.
//
// Method: a sink server (servers/upload-sink.mjs) runs in its own process, pinned to the other core, and
// reads and discards every body. A file of N bytes is written to a temp folder once (so every mode reads it
// from the page cache alike). Every upload runs in a FRESH Node process (workers/upload-once.mjs), one of:
//   bare-fetch  fetch(url, { body: Readable.toWeb(createReadStream(path)), duplex: "half" }) with Content-Length:
//               the baseline, a bare streamed request over the transport every fetch-based client has
//   bare        createReadStream(path) piped into http.request with Content-Length: the floor of Node, for
//               context (undici's fetch costs about a fifth of the throughput on its own, with any body)
//   camb-kit    camb.POST("/create-custom-voice", { body: { voice_name, gender, file } }),
//               file = await fs.openAsBlob(path): typed body, no bodySerializer
//   camb-kit-file the same with file = await fileFromPath(path, { onUploadProgress }) from @camb-kit/node
//   sdk-blob    the official @camb-ai/sdk voiceCloning.createCustomVoice with the same file-backed Blob
//   sdk-stream  the same with fs.createReadStream(path), as its README shows
// Sizes: 1 GiB (--quick: 8 MiB). Rounds interleave the modes in a rotated order; the throughput ratio of a
// round is baseline time / subject time (> 1 = faster), median and min–max over rounds. Memory: peak
// RSS of the worker (getrusage) minus its RSS just before the upload; the median is shown, with the largest in
// the spread. The server reports the bytes it read; a worker fails if they are fewer than the file's.
import { mkdtempSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pinToCores, runJsonProcess, startServerProcess } from "./lib/child.mjs";
import { fmt, median, mib, ratioText } from "./lib/stats.mjs";
import { main } from "./lib/table.mjs";

const MODES = ["bare-fetch", "bare", "camb-kit", "camb-kit-file", "sdk-blob", "sdk-stream"];
const BASELINE = "bare-fetch";
/** camb-kit's modes, which carry the goals. */
const OURS = ["camb-kit", "camb-kit-file"];
const VS = "bare streamed fetch";
const script = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Writes `bytes` bytes of a repeated pseudo-random block (incompressible enough, and cheap to make). */
async function writeFile(path, bytes) {
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < block.length; i++) block[i] = (i * 2654435761) >>> 24;
  const handle = await open(path, "w");
  try {
    for (let written = 0; written < bytes; written += block.length)
      await handle.write(block, 0, Math.min(block.length, bytes - written));
  } finally {
    await handle.close();
  }
}

export async function run({ quick = false, log = console.error } = {}) {
  const { label, bytes, rounds } = quick
    ? { label: "8 MiB", bytes: 8 << 20, rounds: 1 }
    : { label: "1 GiB", bytes: 1 << 30, rounds: 5 };
  const server = await startServerProcess(script("./servers/upload-sink.mjs"));
  // The workers inherit this process's core; the server keeps the other.
  pinToCores(server.pid);
  const dir = mkdtempSync(join(tmpdir(), "camb-bench-upload-"));
  const rows = [];
  try {
    const file = join(dir, "reference.wav");
    const warm = join(dir, "warm-up.wav");
    await writeFile(file, bytes);
    await writeFile(warm, 64 * 1024);
    /** @type {Record<string, { ms: number, rssGrowth: number, chunked: boolean }[]>} */
    const results = Object.fromEntries(MODES.map((m) => [m, []]));
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < MODES.length; i++) {
        const mode = MODES[(i + round) % MODES.length];
        results[mode].push(
          await runJsonProcess(script("./workers/upload-once.mjs"), [mode, server.url, file, warm]),
        );
      }
    }
    log(`upload: ${label}, ${rounds} rounds`);
    const mbps = (mode) => fmt(bytes / 1e6 / (median(results[mode].map((r) => r.ms)) / 1000), 0);
    const growth = (mode) => results[mode].map((r) => mib(r.rssGrowth));
    const framing = (mode) => (results[mode].some((r) => r.chunked) ? ", chunked" : ", Content-Length");
    for (const mode of MODES.filter((m) => m !== BASELINE)) {
      const { ratio, spread } = ratioText(results[mode].map((r, i) => results[BASELINE][i].ms / r.ms));
      rows.push({
        bench: "9 upload",
        subject: `${mode}, ${label}`,
        vs: VS,
        metric: "throughput",
        ratio,
        spread,
        absolute: `${mbps(mode)} MB/s vs ${mbps(BASELINE)} MB/s${framing(mode)}`,
        ...(OURS.includes(mode) ? { goal: "≥ 0.9", ok: ratio >= 0.9 } : {}),
      });
    }
    const { ratio, spread } = ratioText(results["camb-kit"].map((r, i) => results.bare[i].ms / r.ms));
    rows.push({
      bench: "9 upload",
      subject: `camb-kit, ${label}`,
      vs: "bare stream → http.request",
      metric: "throughput",
      ratio,
      spread,
      absolute: `${mbps("camb-kit")} MB/s vs ${mbps("bare")} MB/s`,
    });
    const baseMedian = median(growth(BASELINE));
    for (const mode of MODES) {
      const g = growth(mode);
      rows.push({
        bench: "9 upload",
        subject: `${mode}, ${label}`,
        vs: VS,
        metric: "peak RSS growth",
        ratio: median(g) / baseMedian,
        spread: `max ${fmt(Math.max(...g), 1)} MiB`,
        absolute: `${fmt(median(g), 1)} MiB vs ${fmt(baseMedian, 1)} MiB`,
        ...(OURS.includes(mode) && bytes >= 1 << 30 ? { goal: "< 64 MiB", ok: Math.max(...g) < 64 } : {}),
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}

await main(import.meta.url, run);
