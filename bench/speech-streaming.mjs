// Benchmark 5 — speech streaming: time to first byte and to first decodable audio.
//
// Method: the sandbox (own process) answers `POST /tts-stream` with MP3 generated as it is sent, chunked.
// The sandbox has no pacing option: it sends audio as fast as its pure-JS MP3 encoder (lamejs) produces it,
// about 5-10× real time on a 2-core machine — slow enough to behave like a generating server. Request: a
// long text (3000 characters) with `output_configuration: { format: "mp3", duration: 15 }` (--quick: 3 s);
// the duration is kept at 15 s only because the encoder makes longer answers take minutes. Contenders:
//   saveSpeech   @camb-kit/node saveSpeech(camb, body, path, { onProgress }) — streamed to a file
//   buffered     camb.POST("/tts-stream", { body, parseAs: "arrayBuffer" }) — the whole response in memory
// For saveSpeech, first byte = first onProgress call, first decodable audio = the first onProgress at which
// the bytes received cover the first complete MP3 frame (lib/mp3.mjs); the buffered response has nothing
// before it is complete, so both its times are the total time. After a warm-up of each, R interleaved
// rounds; ratio per round = saveSpeech / buffered (< 1 = sooner); median and min–max.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCambClient } from "@camb-kit/client";
import { saveSpeech } from "@camb-kit/node";
import { startServerProcess } from "./lib/child.mjs";
import { firstFrameEnd } from "./lib/mp3.mjs";
import { fmt, median, now, ratioText } from "./lib/stats.mjs";
import { main } from "./lib/table.mjs";

export async function run({ quick = false, log = console.error } = {}) {
  const rounds = quick ? 1 : 3;
  const duration = quick ? 3 : 15;
  const sandbox = await startServerProcess(
    fileURLToPath(new URL("./servers/sandbox-server.mjs", import.meta.url)),
  );
  const camb = createCambClient({ baseUrl: sandbox.url, apiKey: "bench-key" });
  const dir = mkdtempSync(join(tmpdir(), "camb-bench-speech-"));
  const text = "This is a long passage of speech for the streaming benchmark. ".repeat(48).slice(0, 3000);
  const body = {
    text,
    language: "en-us",
    voice_id: 147320,
    output_configuration: { format: "mp3", duration },
  };
  try {
    // The output is deterministic (seeded by the body), so one buffered answer tells where frame 1 ends.
    const reference = await camb.POST("/tts-stream", { body, parseAs: "arrayBuffer" });
    const bytes = new Uint8Array(/** @type {ArrayBuffer} */ (reference.data));
    const frameEnd = firstFrameEnd(bytes);
    if (frameEnd === undefined) throw new Error("no MP3 frame in the sandbox's answer");

    const streamed = async () => {
      const started = now();
      let firstByte;
      let firstAudio;
      const saved = await saveSpeech(camb, body, join(dir, `speech-${started}.mp3`), {
        onProgress: ({ bytes: got }) => {
          firstByte ??= now() - started;
          if (got >= frameEnd) firstAudio ??= now() - started;
        },
      });
      if (saved.bytes !== bytes.length)
        throw new Error(`saveSpeech wrote ${saved.bytes} of ${bytes.length} bytes`);
      return { firstByte, firstAudio, total: now() - started };
    };
    const buffered = async () => {
      const started = now();
      const { data } = await camb.POST("/tts-stream", { body, parseAs: "arrayBuffer" });
      const total = now() - started;
      if (/** @type {ArrayBuffer} */ (data).byteLength !== bytes.length)
        throw new Error("short buffered answer");
      return { firstByte: total, firstAudio: total, total };
    };
    if (!quick) {
      await streamed();
      await buffered();
    }
    const a = [];
    const b = [];
    for (let round = 0; round < rounds; round++) {
      if (round % 2) {
        b.push(await buffered());
        a.push(await streamed());
      } else {
        a.push(await streamed());
        b.push(await buffered());
      }
    }
    log(`speech streaming: ${duration} s of MP3 (${fmt(bytes.length / 1e6, 1)} MB), ${rounds} rounds`);
    const ms = (list, key) => `${fmt(median(list.map((r) => r[key])), 1)} ms`;
    return /** @type {const} */ ([
      ["firstByte", "time to first byte"],
      ["firstAudio", "time to first decodable audio"],
      ["total", "time to complete"],
    ]).map(([key, metric]) => {
      const { ratio, spread } = ratioText(a.map((r, i) => r[key] / b[i][key]));
      return {
        bench: "5 speech streaming",
        subject: `saveSpeech, ${duration} s MP3`,
        vs: "whole response buffered",
        metric,
        ratio,
        spread,
        absolute: `${ms(a, key)} vs ${ms(b, key)}`,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sandbox.stop();
  }
}

await main(import.meta.url, run);
