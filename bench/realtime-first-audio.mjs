// Benchmark 12 — live TTS: time from `text.done` to the first audio byte, @camb-kit/realtime vs bare `ws`.
//
// Method: the sandbox (own process) serves live TTS at its API base (`channelUrl("liveSpeech", …)`). Each
// round opens one session per contender, waits for `session.ready`, sends one text chunk with no sentence
// boundary (so the server holds it: `idle_timeout` is set far beyond the round) and then `text.done`; the
// clock runs from just before `text.done` is handed to the client to the first binary audio frame the
// caller sees, after which the session is drained to `session.done`. Output format WAV, so the sandbox's
// MP3 encoder does not dominate what is measured. Contenders:
//   @camb-kit/realtime  openLiveSpeech(camb, start) → await ready → sendText → finish(); first `audio` event
//   bare ws             new WebSocket(url, { headers }) from `ws`, JSON frames by hand; first binary message
// After a warm-up of each, R rounds in alternating order; ratio per round = camb-kit / bare (> 1 = later);
// the table shows the median and the interquartile range (a 1–2 ms figure on a shared VM has outliers that
// min–max would let dominate).
import { fileURLToPath } from "node:url";
import { createCambClient } from "@camb-kit/client";
import { channelUrl } from "@camb-kit/client/spec";
import { openLiveSpeech } from "@camb-kit/realtime";
import WebSocket from "ws";
import { startServerProcess } from "./lib/child.mjs";
import { fmt, median, now, summary } from "./lib/stats.mjs";
import { main } from "./lib/table.mjs";

const KEY = "bench-key";
// No full stop: the server speaks it only on `text.done`, which is the moment measured.
const TEXT = "a short line of live speech for the first audio benchmark";
const START = { voice_id: 147320, language: "en-us", output_format: "wav", idle_timeout: 600 };

/** @param {ReturnType<typeof createCambClient>} camb */
async function withCambKit(camb) {
  const session = openLiveSpeech(camb, START);
  await session.ready;
  await session.sendText(TEXT);
  const started = now();
  let firstAudio;
  await session.finish();
  for await (const event of session) {
    if (event.type === "audio") firstAudio ??= now() - started;
  }
  if (firstAudio === undefined) throw new Error("camb-kit: no audio");
  return firstAudio;
}

/** What a user writes with `ws` alone: JSON frames by hand, the first binary frame is audio. @param {string} url */
function withBareWs(url) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { "x-api-key": KEY } });
    let started;
    let firstAudio;
    socket.on("open", () => socket.send(JSON.stringify({ type: "session.start", ...START })));
    socket.on("message", (data, isBinary) => {
      if (isBinary) {
        firstAudio ??= now() - started;
        return;
      }
      const message = JSON.parse(String(data));
      if (message.type === "session.ready") {
        socket.send(JSON.stringify({ type: "text.chunk", text: TEXT }));
        started = now();
        socket.send(JSON.stringify({ type: "text.done" }));
      } else if (message.type === "session.error") reject(new Error(message.message));
    });
    socket.on("error", reject);
    socket.on("close", () =>
      firstAudio === undefined ? reject(new Error("bare ws: no audio")) : resolve(firstAudio),
    );
  });
}

export async function run({ quick = false, log = console.error } = {}) {
  const rounds = quick ? 3 : 100;
  const sandbox = await startServerProcess(
    fileURLToPath(new URL("./servers/sandbox-server.mjs", import.meta.url)),
  );
  try {
    const camb = createCambClient({ baseUrl: sandbox.url, apiKey: KEY });
    const url = channelUrl("liveSpeech", { apiBaseUrl: sandbox.url });
    const ours = () => withCambKit(camb);
    const bare = () => withBareWs(url);
    for (let i = 0; i < (quick ? 1 : 5); i++) {
      await ours();
      await bare();
    }
    const a = [];
    const b = [];
    for (let round = 0; round < rounds; round++) {
      if (round % 2) {
        b.push(await bare());
        a.push(await ours());
      } else {
        a.push(await ours());
        b.push(await bare());
      }
    }
    const ratios = summary(a.map((value, i) => value / b[i]));
    log(
      `live TTS first audio: ${rounds} rounds, camb-kit ${fmt(median(a), 2)} ms, bare ws ${fmt(median(b), 2)} ms`,
    );
    return [
      {
        bench: "12 live TTS first audio",
        subject: "@camb-kit/realtime openLiveSpeech",
        vs: "bare ws client",
        metric: "text.done → first audio byte",
        ratio: ratios.median,
        spread: `${fmt(ratios.q1)}–${fmt(ratios.q3)} (IQR)`,
        absolute: `${fmt(median(a), 2)} ms vs ${fmt(median(b), 2)} ms, ${rounds} sessions each`,
        goal: "≤ 1.05",
        ok: ratios.median <= 1.05,
      },
    ];
  } finally {
    await sandbox.stop();
  }
}

await main(import.meta.url, run);
