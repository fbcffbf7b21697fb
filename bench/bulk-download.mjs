// Benchmark 3 — bulk download of 100 results.
//
// Method: the sandbox (startSandbox on 127.0.0.1, in its own process — servers/sandbox-server.mjs — so its
// encoding does not share the client's event loop; its request log is read over a control port) holds
// 100 finished tts runs of ~3 s of FLAC each (created through the API before timing). Contenders, each
// writing into its own empty temp folder:
//   sequential loop   for (const id of runIds) await saveResult(camb, "tts", id, …)  — one result call each
//   downloadResults   @camb-kit/node downloadResults(camb, "tts", runIds, dir, { concurrency }) with
//                     concurrency 1, 4 and 8: bulk lookups of up to 5 ids, then the pre-signed URLs
// After a warm-up of each, rounds run every contender once in a rotated order; the ratio of a round is the
// contender's wall time / the sequential loop's (< 1 = faster); median and min–max. The sandbox's request
// log gives the number of API calls (storage downloads are counted apart) — expected ⌈100/5⌉ = 20.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCambClient, createTask, getTaskStatus } from "@camb-kit/client";
import { downloadResults, saveResult } from "@camb-kit/node";
import { startServerProcess } from "./lib/child.mjs";
import { fmt, median, now, ratioText } from "./lib/stats.mjs";
import { main } from "./lib/table.mjs";

/** Creates `count` finished tts runs in the sandbox and returns their run ids. */
async function makeRuns(camb, count) {
  const ids = [];
  for (let i = 0; i < count; i++) {
    const text = `Benchmark clip number ${i}, about three seconds long.`;
    const { data } = await createTask(camb, "tts", { text, voice_id: 1, language: 1 });
    const status = await getTaskStatus(camb, "tts", /** @type {string} */ (data?.task_id));
    const runId = status.data?.run_id;
    if (status.data?.status !== "SUCCESS" || typeof runId !== "number")
      throw new Error(`run ${i} did not finish: ${JSON.stringify(status.data)}`);
    ids.push(runId);
  }
  return ids;
}

export async function run({ quick = false, log = console.error } = {}) {
  const count = quick ? 12 : 100;
  const rounds = quick ? 1 : 3;
  const sandbox = await startServerProcess(
    fileURLToPath(new URL("./servers/sandbox-server.mjs", import.meta.url)),
    [JSON.stringify({ pendingPolls: 0 })],
  );
  /** @returns {Promise<{ method: string, path: string }[]>} the sandbox's requests from index `from` */
  const requestsFrom = async (from) => (await fetch(`${sandbox.control}/requests?from=${from}`)).json();
  let seen = (await requestsFrom(0)).length;
  const camb = createCambClient({ baseUrl: sandbox.url, apiKey: "bench-key" });
  const base = mkdtempSync(join(tmpdir(), "camb-bench-bulk-"));
  let folder = 0;
  const freshDir = () => join(base, String(folder++));
  try {
    const runIds = await makeRuns(camb, count);
    /** @type {Record<string, (dir: string) => Promise<void>>} */
    const contenders = {
      "sequential loop": async (dir) => {
        for (const id of runIds) await saveResult(camb, "tts", id, join(dir, String(id)), { mkdir: true });
      },
    };
    for (const concurrency of [1, 4, 8]) {
      contenders[`downloadResults c=${concurrency}`] = async (dir) => {
        const results = await downloadResults(camb, "tts", runIds, dir, { concurrency });
        const failed = results.filter((r) => r.error !== undefined);
        if (failed.length) throw new Error(`${failed.length} downloads failed: ${String(failed[0].error)}`);
      };
    }
    const names = Object.keys(contenders);
    /** Runs one contender, returning wall time and the API / storage requests it made. */
    const measure = async (name) => {
      const started = now();
      await contenders[name](freshDir());
      const ms = now() - started;
      const made = await requestsFrom(seen);
      seen += made.length;
      const storage = made.filter((r) => r.path.startsWith("/_storage")).length;
      return { ms, api: made.length - storage, storage };
    };
    for (const name of names) await measure(name); // warm-up
    /** @type {Record<string, { ms: number, api: number, storage: number }[]>} */
    const results = Object.fromEntries(names.map((n) => [n, []]));
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + round) % names.length];
        results[name].push(await measure(name));
      }
    }
    log(`bulk download: ${count} runs, ${rounds} rounds`);
    const seq = results["sequential loop"];
    const ms = (name) => median(results[name].map((r) => r.ms));
    return names.slice(1).map((name) => {
      const { ratio, spread } = ratioText(results[name].map((r, i) => r.ms / seq[i].ms));
      const { api, storage } = results[name][0];
      const expected = Math.ceil(count / 5);
      return {
        bench: "3 bulk download",
        subject: `${name}, ${count} runs`,
        vs: "sequential saveResult loop",
        metric: "wall time",
        ratio,
        spread,
        absolute: `${fmt(ms(name), 0)} ms vs ${fmt(ms("sequential loop"), 0)} ms; API calls ${api} (+${storage} storage) vs ${seq[0].api}`,
        goal: `${expected} API calls`,
        ok: api === expected,
      };
    });
  } finally {
    rmSync(base, { recursive: true, force: true });
    await sandbox.stop();
  }
}

await main(import.meta.url, run);
