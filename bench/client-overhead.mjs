// Benchmark 1 — client overhead per status poll.
//
// Method: a minimal node:http server (its own process, see servers/json-server.mjs for why not the sandbox)
// answers every GET with a small JSON task status. In this process, four clients make the same call,
// `GET /tts/{task_id}` with the same x-api-key header, one at a time (a poll loop is sequential), and parse
// the JSON body:
//   raw fetch         fetch(url, { headers }) + response.json()        — the baseline
//   openapi-fetch     createClient<paths>().GET(...)                    — what our client is built on
//   createCambClient  camb.GET(...) with default options (retries on, 60 s headers timeout)
//   @camb-ai/sdk      client.textToSpeech.getTtsResult({ task_id })     — the official SDK
// Each contender first warms up (JIT, keep-alive sockets). Then R rounds; in each round every contender runs
// a batch of B calls, in a rotated order, so drift on a shared machine hits all of them alike. A round's ratio
// is contender time / raw fetch time of the same round; the table shows the median ratio and min–max.
// Second part, in-process: the same calls with globalThis.fetch replaced by a stub that answers at once, so
// only the clients' own per-call work is timed (no socket, far less noise). Here the ratio is against
// openapi-fetch alone (raw fetch would time nothing), and the absolute column gives the added µs per call.
// CAMB_BENCH_CLIENT=/path/to/bundle.mjs adds a fifth contender: a createCambClient from another build (used
// to measure a proposed fix without touching packages/client).
import { fileURLToPath } from "node:url";
import { CambClient } from "@camb-ai/sdk";
import { createCambClient } from "@camb-kit/client";
import { seededRandom } from "@camb-kit/sandbox";
import createClient from "openapi-fetch";
import { pinToCores, startServerProcess } from "./lib/child.mjs";
import { fmt, median, now, ratioText } from "./lib/stats.mjs";
import { main } from "./lib/table.mjs";

const API_KEY = "bench-key";
const TASK_ID = "6a3f2c1e-0000-4000-8000-000000000001";

/** @param {string} url @returns {Promise<Record<string, () => Promise<unknown>>>} */
async function contenders(url) {
  const headers = { "x-api-key": API_KEY };
  const statusUrl = `${url}/tts/${TASK_ID}`;
  const openapi = createClient({ baseUrl: url, headers });
  const camb = createCambClient({ baseUrl: url, apiKey: API_KEY });
  const official = new CambClient({ apiKey: API_KEY, baseUrl: url });
  /** @type {Record<string, () => Promise<unknown>>} */
  const list = {
    "raw fetch": async () => (await fetch(statusUrl, { headers })).json(),
    "openapi-fetch": async () =>
      (await openapi.GET("/tts/{task_id}", { params: { path: { task_id: TASK_ID } } })).data,
    createCambClient: async () =>
      (await camb.GET("/tts/{task_id}", { params: { path: { task_id: TASK_ID } } })).data,
    "@camb-ai/sdk": async () => official.textToSpeech.getTtsResult({ task_id: TASK_ID }),
  };
  if (process.env.CAMB_BENCH_CLIENT) {
    const alt = await import(process.env.CAMB_BENCH_CLIENT);
    const client = alt.createCambClient({ baseUrl: url, apiKey: API_KEY });
    list["createCambClient (CAMB_BENCH_CLIENT)"] = async () =>
      (await client.GET("/tts/{task_id}", { params: { path: { task_id: TASK_ID } } })).data;
  }
  return list;
}

/** Runs `rounds` interleaved, rotated rounds of `perBatch` calls of every contender (after a warm-up). */
async function interleaved(list, { rounds, perBatch, warmup }) {
  const names = Object.keys(list);
  for (const name of names) await batch(list[name], warmup);
  /** @type {Record<string, { wall: number, cpu: number }[]>} */
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const random = seededRandom(1);
  for (let round = 0; round < rounds; round++) {
    // A fresh order every round (seeded): with a fixed rotation each contender would always follow the same
    // neighbour and inherit its garbage.
    const order = [...names].sort(() => random() - 0.5);
    for (const name of order) times[name].push(await batch(list[name], perBatch));
  }
  return times;
}

/** The same clients over a stub global fetch: only their own work is left to time. */
async function stubbed({ rounds, perBatch, warmup }) {
  const body = JSON.stringify({ status: "PENDING", run_id: null });
  const stub = async () =>
    new Response(body, {
      headers: { "content-type": "application/json", "content-length": String(body.length) },
    });
  const realFetch = globalThis.fetch;
  globalThis.fetch = stub; // createCambClient looks fetch up per call; the others get it passed explicitly
  try {
    const url = "http://127.0.0.1:9";
    const params = { params: { path: { task_id: TASK_ID } } };
    const openapi = createClient({ baseUrl: url, headers: { "x-api-key": API_KEY }, fetch: stub });
    const camb = createCambClient({ baseUrl: url, apiKey: API_KEY });
    const official = new CambClient({ apiKey: API_KEY, baseUrl: url, fetch: stub });
    /** @type {Record<string, () => Promise<unknown>>} */
    const list = {
      "openapi-fetch": () => openapi.GET("/tts/{task_id}", params),
      createCambClient: () => camb.GET("/tts/{task_id}", params),
      "@camb-ai/sdk": () => official.textToSpeech.getTtsResult({ task_id: TASK_ID }),
    };
    if (process.env.CAMB_BENCH_CLIENT) {
      const alt = await import(process.env.CAMB_BENCH_CLIENT);
      const client = alt.createCambClient({ baseUrl: url, apiKey: API_KEY });
      list["createCambClient (CAMB_BENCH_CLIENT)"] = () => client.GET("/tts/{task_id}", params);
    }
    return await interleaved(list, { rounds, perBatch, warmup });
  } finally {
    globalThis.fetch = realFetch;
  }
}

/**
 * Wall time and this process's CPU time (user + system) of `count` sequential calls. CPU time is the steadier
 * figure on a loaded machine: other processes stretch the wall clock but not the work this client does.
 * @param {() => Promise<unknown>} call @param {number} count
 */
async function batch(call, count) {
  const cpu = process.cpuUsage();
  const started = now();
  for (let i = 0; i < count; i++) await call();
  const wall = now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

export async function run({ quick = false, log = console.error } = {}) {
  // Batches of 1000 calls (~0.4 s): the kernel accounts CPU time in ticks of a few ms, so a batch of 100
  // calls (~40 ms) would give CPU ratios with ±10% of quantisation noise alone.
  const rounds = quick ? 3 : 12;
  const perBatch = quick ? 100 : 1000;
  const warmup = quick ? 200 : 1500;
  const server = await startServerProcess(
    fileURLToPath(new URL("./servers/json-server.mjs", import.meta.url)),
  );
  const pinned = pinToCores(server.pid);
  try {
    const list = await contenders(server.url);
    const names = Object.keys(list);
    // Sanity: every contender must really get the JSON status, or we would be timing errors.
    for (const name of names) {
      const data = /** @type {any} */ (await list[name]());
      const status = data?.status ?? data?.data?.status;
      if (status !== "PENDING") throw new Error(`${name} did not get the status: ${JSON.stringify(data)}`);
    }
    const times = await interleaved(list, { rounds, perBatch, warmup });
    log(
      `client overhead: ${rounds} rounds × ${perBatch} calls per contender${pinned ? ", client and server pinned to cores 0 and 1" : ""}`,
    );
    const perCall = (name, key) => `${fmt((median(times[name].map((t) => t[key])) / perBatch) * 1000, 0)} µs`;
    const rows = [];
    /** @param {string} name @param {string} baseline @param {"wall" | "cpu"} key */
    const row = (name, baseline, key, goal) => {
      const ratios = times[name].map((t, i) => t[key] / times[baseline][i][key]);
      const { ratio, spread } = ratioText(ratios);
      return {
        bench: "1 client overhead",
        subject: name,
        vs: baseline,
        metric: key === "wall" ? "wall time/call" : "client CPU/call",
        ratio,
        spread,
        absolute: `${perCall(name, key)} vs ${perCall(baseline, key)}`,
        ...(goal ? { goal: "≤ 1.05", ok: ratio <= 1.05 } : {}),
      };
    };
    for (const key of /** @type {const} */ (["wall", "cpu"])) {
      for (const name of names.slice(1)) rows.push(row(name, "raw fetch", key, false));
      // The goal is stated against openapi-fetch alone.
      for (const name of names.filter((n) => n.startsWith("createCambClient")))
        rows.push(row(name, "openapi-fetch", key, true));
    }
    // In-process part: per-call work of the clients alone.
    const stubTimes = await stubbed({ rounds, perBatch: perBatch * 2, warmup });
    for (const name of Object.keys(stubTimes).slice(1)) {
      const ratios = stubTimes[name].map((t, i) => t.wall / stubTimes["openapi-fetch"][i].wall);
      const { ratio, spread } = ratioText(ratios);
      const us = (n) => (median(stubTimes[n].map((t) => t.wall)) / (perBatch * 2)) * 1000;
      rows.push({
        bench: "1 client overhead",
        subject: `${name} (stub fetch)`,
        vs: "openapi-fetch (stub fetch)",
        metric: "client work/call",
        ratio,
        spread,
        absolute: `${fmt(us(name), 0)} µs vs ${fmt(us("openapi-fetch"), 0)} µs (+${fmt(us(name) - us("openapi-fetch"), 0)} µs)`,
      });
    }
    return rows;
  } finally {
    await server.stop();
  }
}

await main(import.meta.url, run);
