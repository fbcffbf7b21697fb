#!/usr/bin/env node
// `node --expose-gc realtime-memory.mjs '<json>'`: one realtime session in this process, measured for memory,
// its report as JSON on stdout. The sandbox runs elsewhere (the test's process, or the benchmark's server
// process), so only the client's memory is in this process's RSS. Used by test/realtime-memory.test.ts (short
// runs) and bench/realtime-memory.mjs (the hour-long one).
//
// Scenarios (`scenario`), each with contender `camb-kit` (@camb-kit/realtime) or `bare` (ws alone):
//   transcription  live transcription of `audioSeconds` of PCM16 16 kHz mono sent as fast as the session
//                  takes it, every event read. bare: ws.send, waiting while bufferedAmount > 1 MiB.
//   slow-reader    up to `audioSeconds` sent to a server that stops reading (the sandbox's slow-reader
//                  fault), for `seconds` of wall time, then closed. bare: ws.send in a loop with no waiting
//                  (what the examples of WebSocket clients do).
//   unread-events  live TTS of a long text whose events are not read for `seconds`, then drained. bare: a
//                  'message' listener that queues every frame, read after the same wait.
// RSS is sampled every 20 ms and after every send; `growth` is the peak minus the RSS after a warm-up.
import { setTimeout as sleep } from "node:timers/promises";
import { createCambClient } from "@camb-kit/client";
import { channelUrl } from "@camb-kit/client/spec";
import { openLiveSpeech, openLiveTranscription } from "@camb-kit/realtime";
import WebSocket from "ws";

const args = JSON.parse(process.argv[2] ?? "{}");
const { scenario, contender, apiUrl, realtimeUrl, key } = args;
const RATE = 16_000;
const PIECE_BYTES = (RATE / 10) * 2; // 100 ms of PCM16 mono: what a capture callback hands over

/** 100 ms of a quiet two-tone signal: audio the server decodes as nothing in particular. */
function piece(index) {
  const samples = new Int16Array(PIECE_BYTES / 2);
  for (let n = 0; n < samples.length; n++) {
    const t = (index * samples.length + n) / RATE;
    samples[n] = Math.round(3000 * Math.sin(2 * Math.PI * 440 * t) + 1000 * Math.sin(2 * Math.PI * 97 * t));
  }
  return new Uint8Array(samples.buffer);
}
// Ten distinct pieces, reused: generating an hour of audio must not itself take memory or most of the time.
const PIECES = Array.from({ length: 10 }, (_, i) => piece(i));

const meter = {
  baseline: 0,
  peak: 0,
  sample() {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  },
  settle() {
    globalThis.gc?.();
    this.baseline = process.memoryUsage.rss();
    this.peak = this.baseline;
  },
};
const sampler = setInterval(() => meter.sample(), 20);

const camb = createCambClient({ apiKey: key, baseUrl: apiUrl, realtimeBaseUrl: realtimeUrl });
const transcriptionUrl = () =>
  channelUrl("liveTranscription", {
    apiBaseUrl: apiUrl,
    realtimeBaseUrl: realtimeUrl,
    query: { sample_rate: RATE },
  });

/**
 * Sends up to `total` pieces through `send`, settling the meter after the first `warmup` of them. A send that
 * rejects because the session was closed on purpose (`stopped()`) ends the loop.
 */
async function sendPieces(send, { total, warmup, stopped }) {
  let sent = 0;
  for (let i = 0; i < total && !stopped(); i++) {
    if (i === warmup) meter.settle();
    try {
      await send(PIECES[i % PIECES.length]);
    } catch (error) {
      if (stopped()) break;
      throw error;
    }
    sent += PIECE_BYTES;
    meter.sample();
  }
  return sent;
}

/** A deadline that calls `stop` when it passes (never, without `seconds`). */
function deadline(seconds, stop) {
  let passed = false;
  const pass = () => {
    passed = true;
    stop();
  };
  const timer = seconds === undefined ? undefined : setTimeout(pass, seconds * 1000);
  return { passed: () => passed, clear: () => clearTimeout(timer) };
}

async function transcriptionCambKit({ total, warmup, seconds }) {
  const session = openLiveTranscription(camb, { sample_rate: RATE });
  let events = 0;
  const reading = (async () => {
    for await (const _ of session) events++;
  })();
  await session.ready;
  const limit = deadline(seconds, () => void session.close());
  const sent = await sendPieces((data) => session.sendAudio(data), { total, warmup, stopped: limit.passed });
  meter.sample();
  if (!limit.passed()) await session.finish();
  await reading.catch((error) => {
    if (!limit.passed()) throw error;
  });
  limit.clear();
  return { sent, events };
}

function openBare(url, headers) {
  const socket = new WebSocket(url, { headers });
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** `careful`: waits while more than 1 MiB is buffered, as a well-written client would; else sends at once. */
async function transcriptionBare({ total, warmup, seconds, careful }) {
  const socket = await openBare(transcriptionUrl(), { "x-api-key": key });
  let events = 0;
  const closed = new Promise((resolve) => socket.once("close", resolve));
  socket.on("message", () => events++);
  const limit = deadline(seconds, () => socket.terminate());
  const send = async (data) => {
    if (careful) while (socket.bufferedAmount > 1024 * 1024 && !limit.passed()) await sleep(1);
    socket.send(data);
  };
  const sent = await sendPieces(send, { total, warmup, stopped: limit.passed });
  meter.sample();
  if (!limit.passed() && seconds === undefined) socket.send(JSON.stringify({ type: "CloseStream" }));
  await closed;
  limit.clear();
  return { sent, events };
}

const LONG_TEXT = "This sentence is spoken again and again by the sandbox for the memory test. ";

// The unread window opens at the first audio frame: the server is speaking by then, whatever its load.
async function unreadCambKit({ sentences, seconds }) {
  const session = openLiveSpeech(camb, { voice_id: 147320, output_format: "wav" });
  await session.ready;
  await session.sendText(LONG_TEXT.repeat(sentences));
  await session.finish();
  const events = session[Symbol.asyncIterator]();
  let bytes = 0;
  for (let next = await events.next(); !next.done; next = await events.next()) {
    if (next.value.type !== "audio") continue;
    bytes += next.value.data.byteLength;
    break;
  }
  meter.settle();
  await sleep(seconds * 1000); // nobody reads: the session must stop reading the socket, not queue
  meter.sample();
  const unreadPeak = meter.peak - meter.baseline;
  for (let next = await events.next(); !next.done; next = await events.next())
    if (next.value.type === "audio") bytes += next.value.data.byteLength;
  return { received: bytes, unreadPeak };
}

async function unreadBare({ sentences, seconds }) {
  const url = channelUrl("liveSpeech", { apiBaseUrl: apiUrl });
  const socket = await openBare(url, { "x-api-key": key });
  const queue = [];
  const closed = new Promise((resolve) => socket.once("close", resolve));
  const firstAudio = new Promise((resolve) => {
    socket.on("message", (data, isBinary) => {
      queue.push({ data, isBinary });
      if (isBinary) resolve();
    });
  });
  socket.send(JSON.stringify({ type: "session.start", voice_id: 147320, output_format: "wav" }));
  socket.send(JSON.stringify({ type: "text.chunk", text: LONG_TEXT.repeat(sentences) }));
  socket.send(JSON.stringify({ type: "text.done" }));
  await firstAudio;
  meter.settle();
  await sleep(seconds * 1000);
  meter.sample();
  const unreadPeak = meter.peak - meter.baseline;
  const queuedBytes = (items) => items.reduce((n, item) => n + (item.isBinary ? item.data.byteLength : 0), 0);
  const arrivedUnread = queuedBytes(queue);
  await closed;
  return { received: queuedBytes(queue), arrivedUnread, unreadPeak };
}

const started = performance.now();
let result;
const pieces = (seconds) => Math.ceil((seconds * RATE * 2) / PIECE_BYTES);
if (scenario === "transcription") {
  const total = pieces(args.audioSeconds);
  // Settled after 30 s of audio (a quarter of a short run): sockets, buffers and JIT are warm by then.
  const options = { total, warmup: Math.min(300, Math.floor(total / 4)), careful: true };
  result = await (contender === "bare" ? transcriptionBare(options) : transcriptionCambKit(options));
} else if (scenario === "slow-reader") {
  // The server stops reading: whatever the client accepts beyond the socket's buffers stays in its memory.
  const options = { total: pieces(args.audioSeconds), warmup: 10, seconds: args.seconds, careful: false };
  result = await (contender === "bare" ? transcriptionBare(options) : transcriptionCambKit(options));
} else if (scenario === "unread-events") {
  const options = { sentences: args.sentences, seconds: args.seconds };
  result = await (contender === "bare" ? unreadBare(options) : unreadCambKit(options));
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
meter.sample();
clearInterval(sampler);
process.stdout.write(
  `${JSON.stringify({
    scenario,
    contender,
    ...result,
    baseline: meter.baseline,
    peak: meter.peak,
    growth: meter.peak - meter.baseline,
    seconds: (performance.now() - started) / 1000,
  })}\n`,
);
