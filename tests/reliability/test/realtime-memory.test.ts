// Realtime sessions keep memory bounded, measured in a child process (realtime-memory.mjs) against a sandbox in
// this one: half an hour of live transcription sent faster than real time, a server that stops reading, and
// live TTS whose events nobody reads for a while. The hour-long runs are benchmark 12 (bench/realtime-memory.mjs).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const HARNESS = fileURLToPath(new URL("../realtime-memory.mjs", import.meta.url));
const MiB = 1024 * 1024;
const KEY = "realtime-memory-key-5d2e9a";

interface Report {
  sent?: number;
  events?: number;
  received?: number;
  unreadPeak?: number;
  growth: number;
}

let sandbox: RunningSandbox;
let stopsReading: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  // The server stops reading the client's socket once 64 KiB have come, for good.
  stopsReading = await startSandbox({
    port: 0,
    faults: [{ route: "liveTranscription", kind: "slow-reader", afterBytes: 65_536, ms: 0 }],
  });
});
afterAll(async () => {
  await Promise.all([sandbox?.close(), stopsReading?.close()]);
});

function measure(server: RunningSandbox, args: Record<string, unknown>): Promise<Report> {
  const urls = { apiUrl: server.url, realtimeUrl: server.realtimeUrl, key: KEY };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--expose-gc", HARNESS, JSON.stringify({ ...urls, ...args })],
      { maxBuffer: MiB },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}"));
      },
    );
  });
}

describe("realtime memory", () => {
  test("half an hour of live transcription sent as fast as it goes keeps RSS growth under 32 MiB", async () => {
    const report = await measure(sandbox, {
      scenario: "transcription",
      contender: "camb-kit",
      audioSeconds: 1800,
    });
    // 57.6 MB of PCM16 16 kHz went through the session and every result came back.
    console.log(`30 min of transcription: RSS growth ${(report.growth / MiB).toFixed(1)} MiB`);
    expect(report.sent).toBe(1800 * 16_000 * 2);
    expect(report.events).toBeGreaterThan(300);
    expect(report.growth).toBeLessThan(32 * MiB);
  });

  test("a server that stops reading makes sends wait: memory stays bounded where a bare client's grows", async () => {
    const scenario = { scenario: "slow-reader", audioSeconds: 1800, seconds: 2 };
    const [ours, bare] = await Promise.all([
      measure(stopsReading, { ...scenario, contender: "camb-kit" }),
      measure(stopsReading, { ...scenario, contender: "bare" }),
    ]);
    console.log(
      `server not reading: camb-kit took ${(ours.sent! / MiB).toFixed(1)} MiB, grew ${(ours.growth / MiB).toFixed(1)} MiB; bare ${(bare.growth / MiB).toFixed(1)} MiB`,
    );
    // The bare loop handed all 57.6 MB to its socket and holds them; camb-kit stopped at the buffers' fill.
    expect(bare.sent).toBe(1800 * 16_000 * 2);
    expect(bare.growth).toBeGreaterThan(40 * MiB);
    expect(ours.sent).toBeLessThan(16 * MiB);
    expect(ours.growth).toBeLessThan(32 * MiB);
  });

  test("live TTS events nobody reads stop the reading: growth does not follow the audio sent", async () => {
    const scenario = { scenario: "unread-events", seconds: 3 };
    const [small, large] = await Promise.all([
      measure(sandbox, { ...scenario, contender: "camb-kit", sentences: 75 }),
      measure(sandbox, { ...scenario, contender: "camb-kit", sentences: 300 }),
    ]);
    console.log(
      `unread events: ${(small.unreadPeak! / MiB).toFixed(1)} MiB for ${(small.received! / 1e6).toFixed(0)} MB, ${(large.unreadPeak! / MiB).toFixed(1)} MiB for ${(large.received! / 1e6).toFixed(0)} MB`,
    );
    // Every byte arrives once the events are read.
    expect(large.received).toBeGreaterThan(60e6);
    expect(large.received).toBeGreaterThan(3.9 * (small.received ?? 0));
    // Four times the audio, the same memory while unread: the queue's limit, not the session's length.
    expect(large.unreadPeak).toBeLessThan(48 * MiB);
    expect(large.unreadPeak).toBeLessThan((small.unreadPeak ?? 0) + 12 * MiB);
  });
});
