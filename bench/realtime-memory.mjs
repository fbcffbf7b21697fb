// Benchmark 13 — realtime memory: an hour of live transcription, a server that stops reading, events unread.
//
// Method: the sandbox runs in its own process (servers/sandbox-server.mjs; a second one with the slow-reader
// fault on live transcription, which stops reading the client's socket after 64 KiB, for good). Each
// measurement is a fresh `node --expose-gc` process running tests/reliability/realtime-memory.mjs (the same
// harness `pnpm test` runs at smaller sizes), which samples its RSS every 20 ms and after every send and
// reports the peak growth over the RSS after a warm-up and a GC. Contenders, per scenario:
//   transcription  1 h of PCM16 16 kHz mono (115.2 MB; --quick: 5 min) in 100 ms pieces, sent as fast as the
//                  session takes them, every event read: openLiveTranscription + sendAudio vs bare `ws` that
//                  waits while bufferedAmount > 1 MiB (a careful hand-written client)
//   slow-reader    up to 1 h offered for 5 s (--quick: 2 s) to a server that reads nothing: camb-kit vs a bare
//                  `ws` loop that sends without waiting (what WebSocket examples do)
//   unread-events  live TTS of 400 sentences (~86 MB of WAV; --quick: 200) whose events are not read for
//                  5 s from the first audio frame on, then drained: growth while unread, against the same with 100 sentences (~21 MB, also
//                  past the 16 MiB queue limit): the growth must not follow the audio; and a bare `ws` client
//                  that queues every message, the same two ways
// R runs of each (--quick: 1), alternating contenders; the table shows medians and the range.
import { fileURLToPath } from "node:url";
import { runJsonProcess, startServerProcess } from "./lib/child.mjs";
import { fmt, median, mib } from "./lib/stats.mjs";
import { main } from "./lib/table.mjs";

const HARNESS = fileURLToPath(new URL("../tests/reliability/realtime-memory.mjs", import.meta.url));
const SERVER = fileURLToPath(new URL("./servers/sandbox-server.mjs", import.meta.url));
const STOPS_READING = {
  faults: [{ route: "liveTranscription", kind: "slow-reader", afterBytes: 65_536, ms: 0 }],
};
const KEY = "bench-key";

/** @param {{ url: string, realtimeUrl: string }} server @param {object} args */
function measure(server, args) {
  const urls = { apiUrl: server.url, realtimeUrl: server.realtimeUrl, key: KEY };
  return runJsonProcess(HARNESS, [JSON.stringify({ ...urls, ...args })], ["--expose-gc"]);
}

/** Runs `a` and `b` `rounds` times, alternating which goes first. */
async function alternating(rounds, a, b) {
  const as = [];
  const bs = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2) {
      bs.push(await b());
      as.push(await a());
    } else {
      as.push(await a());
      bs.push(await b());
    }
  }
  return [as, bs];
}

const range = (values) => `${fmt(mib(Math.min(...values)), 1)}–${fmt(mib(Math.max(...values)), 1)} MiB`;
const mibText = (value) => `${fmt(mib(value), 1)} MiB`;

export async function run({ quick = false, log = console.error } = {}) {
  const rounds = quick ? 1 : 3;
  const [sandbox, stopsReading] = await Promise.all([
    startServerProcess(SERVER),
    startServerProcess(SERVER, [JSON.stringify(STOPS_READING)]),
  ]);
  try {
    const rows = [];
    const audioSeconds = quick ? 300 : 3600;
    const hour = { scenario: "transcription", audioSeconds };
    const [ours, bare] = await alternating(
      rounds,
      () => measure(sandbox, { ...hour, contender: "camb-kit" }),
      () => measure(sandbox, { ...hour, contender: "bare" }),
    );
    const growth = median(ours.map((r) => r.growth));
    log(`transcription: ${audioSeconds} s of audio in ${fmt(median(ours.map((r) => r.seconds)), 1)} s`);
    rows.push({
      bench: "13 realtime memory",
      subject: `openLiveTranscription, ${audioSeconds / 60} min of PCM16 16 kHz`,
      vs: "bare ws, waiting on bufferedAmount",
      metric: "peak RSS growth",
      ratio: growth / median(bare.map((r) => r.growth)),
      spread: range(ours.map((r) => r.growth)),
      absolute: `${mibText(growth)} vs ${mibText(median(bare.map((r) => r.growth)))}; ${fmt((audioSeconds * 32_000) / 1e6, 1)} MB in ${fmt(median(ours.map((r) => r.seconds)), 1)} s, ${ours[0].events} events`,
      goal: "< 32 MiB",
      ok: growth < 32 * 1024 * 1024,
    });

    const stalled = { scenario: "slow-reader", audioSeconds: 3600, seconds: quick ? 2 : 5 };
    const [held, flooded] = await alternating(
      rounds,
      () => measure(stopsReading, { ...stalled, contender: "camb-kit" }),
      () => measure(stopsReading, { ...stalled, contender: "bare" }),
    );
    const heldGrowth = median(held.map((r) => r.growth));
    rows.push({
      bench: "13 realtime memory",
      subject: `sendAudio to a server that stops reading, ${stalled.seconds} s`,
      vs: "bare ws send loop",
      metric: "peak RSS growth",
      ratio: heldGrowth / median(flooded.map((r) => r.growth)),
      spread: range(held.map((r) => r.growth)),
      absolute: `${mibText(heldGrowth)} vs ${mibText(median(flooded.map((r) => r.growth)))}; accepted ${mibText(median(held.map((r) => r.sent)))} vs ${mibText(median(flooded.map((r) => r.sent)))}`,
      goal: "< 32 MiB",
      ok: heldGrowth < 32 * 1024 * 1024,
    });

    // Both sizes are above the queue's 16 MiB limit (100 sentences are ~21 MB of WAV).
    const sentences = quick ? 200 : 400;
    const unread = (contender, count) => () =>
      measure(sandbox, { scenario: "unread-events", seconds: 5, contender, sentences: count });
    const [large, small] = await alternating(rounds, unread("camb-kit", sentences), unread("camb-kit", 100));
    const [bareLarge, bareSmall] = await alternating(rounds, unread("bare", sentences), unread("bare", 100));
    const peak = (runs) => median(runs.map((r) => r.unreadPeak));
    const received = (runs) => `${fmt(median(runs.map((r) => r.received)) / 1e6, 0)} MB`;
    rows.push({
      bench: "13 realtime memory",
      subject: `openLiveSpeech, events unread 5 s, ${received(large)} of audio`,
      vs: `the same with ${received(small)}`,
      metric: "peak RSS growth while unread",
      ratio: peak(large) / peak(small),
      spread: range(large.map((r) => r.unreadPeak)),
      absolute: `${mibText(peak(large))} vs ${mibText(peak(small))} (maxQueuedBytes 16 MiB)`,
      goal: "≤ 1.25 (bounded)",
      ok: peak(large) / peak(small) <= 1.25,
    });
    rows.push({
      bench: "13 realtime memory",
      subject: `bare ws queueing messages, ${received(bareLarge)} of audio`,
      vs: `the same with ${received(bareSmall)}`,
      metric: "peak RSS growth while unread",
      ratio: peak(bareLarge) / peak(bareSmall),
      spread: range(bareLarge.map((r) => r.unreadPeak)),
      absolute: `${mibText(peak(bareLarge))} vs ${mibText(peak(bareSmall))}; ${fmt(median(bareLarge.map((r) => r.arrivedUnread)) / 1e6, 0)} MB arrived while unread`,
    });
    return rows;
  } finally {
    await Promise.all([sandbox.stop(), stopsReading.stop()]);
  }
}

await main(import.meta.url, run);
