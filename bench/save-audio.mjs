// Benchmark 2 — saving a streamed result: throughput and peak memory.
//
// Method: a minimal audio server (servers/audio-server.mjs — why not the sandbox is explained there) runs in
// its own process and streams N bytes with Content-Length. Every save runs in a FRESH Node process
// (workers/save-once.mjs), one of:
//   bare              fetch + pipeline(Readable.fromWeb(body), createWriteStream(path))  — the baseline
//   saveResult        @camb-kit/node saveResult(camb, "tts", runId, path): client GET, content-type check,
//                     temp file in the target folder, byte count check, rename
//   saveStreamToFile  the official @camb-ai/sdk helper on the same fetch body
// Sizes: 10 MiB and 1 GiB (--quick: 1 MiB and 8 MiB). Rounds interleave the three in a rotated order; the
// throughput ratio of a round is bare time / subject time (> 1 = faster than bare), median and min–max over
// rounds. Memory: peak RSS of the worker (getrusage) minus its RSS just before the request; the median is
// shown, with the largest in the spread. The file is checked for the exact size and removed after each run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runJsonProcess, startServerProcess } from "./lib/child.mjs";
import { fmt, median, mib, ratioText } from "./lib/stats.mjs";
import { main } from "./lib/table.mjs";

const MODES = ["bare", "saveResult", "saveStreamToFile"];
const script = (path) => fileURLToPath(new URL(path, import.meta.url));

export async function run({ quick = false, log = console.error } = {}) {
  const sizes = quick
    ? [
        { label: "1 MiB", bytes: 1 << 20, rounds: 1 },
        { label: "8 MiB", bytes: 8 << 20, rounds: 1 },
      ]
    : [
        { label: "10 MiB", bytes: 10 << 20, rounds: 5 },
        { label: "1 GiB", bytes: 1 << 30, rounds: 3 },
      ];
  const server = await startServerProcess(script("./servers/audio-server.mjs"));
  const dir = mkdtempSync(join(tmpdir(), "camb-bench-save-"));
  const rows = [];
  try {
    for (const { label, bytes, rounds } of sizes) {
      /** @type {Record<string, { ms: number, rssGrowth: number }[]>} */
      const results = Object.fromEntries(MODES.map((m) => [m, []]));
      for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < MODES.length; i++) {
          const mode = MODES[(i + round) % MODES.length];
          results[mode].push(
            await runJsonProcess(script("./workers/save-once.mjs"), [mode, server.url, String(bytes), dir]),
          );
        }
      }
      log(`save audio: ${label}, ${rounds} rounds`);
      const mbps = (mode) => fmt(bytes / 1e6 / (median(results[mode].map((r) => r.ms)) / 1000), 0);
      const growth = (mode) => results[mode].map((r) => mib(r.rssGrowth));
      for (const mode of MODES.slice(1)) {
        const { ratio, spread } = ratioText(results[mode].map((r, i) => results.bare[i].ms / r.ms));
        rows.push({
          bench: "2 save audio",
          subject: `${mode}, ${label}`,
          vs: "bare pipeline",
          metric: "throughput",
          ratio,
          spread,
          absolute: `${mbps(mode)} MB/s vs ${mbps("bare")} MB/s`,
          ...(mode === "saveResult" ? { goal: "≥ 0.95", ok: ratio >= 0.95 } : {}),
        });
      }
      for (const mode of MODES) {
        const g = growth(mode);
        const bareMedian = median(growth("bare"));
        rows.push({
          bench: "2 save audio",
          subject: `${mode}, ${label}`,
          vs: "bare pipeline",
          metric: "peak RSS growth",
          ratio: mode === "bare" ? 1 : median(g) / bareMedian,
          spread: `max ${fmt(Math.max(...g), 1)} MiB`,
          absolute: `${fmt(median(g), 1)} MiB vs ${fmt(bareMedian, 1)} MiB`,
          ...(mode === "saveResult" && bytes >= 1 << 30 ? { goal: "< 64 MiB", ok: Math.max(...g) < 64 } : {}),
        });
      }
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}

await main(import.meta.url, run);
