// Benchmark 4 — polling cost: status requests and detection delay, simulated time.
//
// Method: no real waiting and no server. A virtual clock (lib/virtual-clock.mjs) replaces setTimeout and
// Date.now, and a stub client answers `GET /tts/{task_id}` with PENDING until the task's length has passed,
// then SUCCESS. The real `waitForTask` of @camb-kit/polling runs against it with its DEFAULT schedule (first
// check after 2.8 s, then 2.8 s doubling to a 5 s cap, every delay ±10%) — only `random` is a seeded PRNG so
// runs repeat, and `timeoutMs` is raised to 2× the task length where the one-hour default would cut a long
// task short (a 3,600 s ±10% task would otherwise time out about half the time). The baseline is what the
// official examples do: check at once, then every 5 s (`while (true) { get; if done break; sleep(5 s) }`).
// Task lengths are the nominal 5 s / 60 s / 600 s / 3,600 s times a uniform factor in [0.9, 1.1], the same
// for both strategies per seed; requests are answered instantly (a real round trip shifts both alike).
// Reported per length: median and worst of (a) the number of status requests and (b) the detection delay
// (when the wait returns minus when the task finished), over many seeds; ratios are ours / fixed loop.
// Goals (issue 14): from 60 s up, each median within 5% of the loop's (ratio ≤ 1.05); at 5 s, under 1 s of
// delay. 1,000 seeds: a median delay of 500 draws would move by about ±4% from seed noise alone (±3% here).
import { sleep } from "@camb-kit/client/internal";
import { waitForTask } from "@camb-kit/polling";
import { DEFAULT_TIMEOUT_MS } from "@camb-kit/polling/internal";
import { seededRandom as seeded } from "@camb-kit/sandbox";
import { fmt, median } from "./lib/stats.mjs";
import { main } from "./lib/table.mjs";
import { installVirtualClock } from "./lib/virtual-clock.mjs";

/** A client whose status call answers from the virtual clock. @param {() => number} now @param {number} doneAt */
function stubClient(now, doneAt) {
  const client = {
    calls: 0,
    async GET() {
      client.calls++;
      const done = now() >= doneAt;
      const data = done ? { status: "SUCCESS", run_id: 1 } : { status: "PENDING", run_id: null };
      return { data, response: new Response(null, { status: 200 }) };
    },
  };
  return client;
}

/** The official examples' loop: check, and sleep 5 s while not done. */
async function fixedLoop(client, intervalMs) {
  for (;;) {
    const { data } = await client.GET("/tts/{task_id}", {});
    if (data.status === "SUCCESS") return data;
    await sleep(intervalMs);
  }
}

export async function run({ quick = false, log = console.error } = {}) {
  const seeds = quick ? 20 : 1000;
  const clock = installVirtualClock();
  const rows = [];
  try {
    for (const nominalS of [5, 60, 600, 3600]) {
      /** @type {Record<"ours" | "fixed", { calls: number[], delay: number[] }>} */
      const out = { ours: { calls: [], delay: [] }, fixed: { calls: [], delay: [] } };
      for (let seed = 1; seed <= seeds; seed++) {
        const random = seeded(seed * 7919 + nominalS);
        const lengthMs = Math.round(nominalS * 1000 * (0.9 + 0.2 * random()));
        for (const who of /** @type {const} */ (["ours", "fixed"])) {
          clock.reset();
          const client = stubClient(clock.now, lengthMs);
          const wait =
            who === "ours"
              ? waitForTask(/** @type {any} */ (client), "tts", "task", {
                  random,
                  timeoutMs: Math.max(DEFAULT_TIMEOUT_MS, 2 * lengthMs),
                })
              : fixedLoop(client, 5000);
          await clock.run(wait);
          out[who].calls.push(client.calls);
          out[who].delay.push(clock.now() - lengthMs);
        }
      }
      log(`polling: ${nominalS} s tasks, ${seeds} seeds`);
      const pairs = [
        ["calls", "status requests", (v) => fmt(v, 0)],
        ["delay", "detection delay", (v) => `${fmt(v / 1000, 1)} s`],
      ];
      for (const [key, metric, show] of pairs) {
        const ours = out.ours[key];
        const fixed = out.fixed[key];
        const worstOurs = Math.max(...ours);
        const worstFixed = Math.max(...fixed);
        const ratio = median(ours) / median(fixed);
        const goal =
          nominalS >= 60
            ? { goal: "≤ 1.05", ok: ratio <= 1.05 }
            : key === "delay"
              ? { goal: "< 1 s", ok: median(ours) < 1000 }
              : {};
        rows.push({
          bench: "4 polling cost",
          subject: `waitForTask defaults, ${nominalS} s task`,
          vs: "fixed 5 s loop",
          metric: `${metric} (median)`,
          ratio,
          spread: `worst: ${fmt(worstOurs / worstFixed)}×`,
          absolute: `ours ${show(median(ours))} (worst ${show(worstOurs)}) vs ${show(median(fixed))} (worst ${show(worstFixed)})`,
          ...goal,
        });
      }
    }
  } finally {
    clock.uninstall();
  }
  return rows;
}

await main(import.meta.url, run);
