// A 1 GiB /tts-stream goes through startSandbox in constant memory.
import { expect, test } from "vitest";
import { startSandbox } from "../src/index.js";

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const RATE = 24_000; // pcm_s16le mono: 48 000 bytes per second of audio

async function consume(url: string, seconds: number, onProgress: (bytes: number) => void): Promise<number> {
  const response = await fetch(`${url}/tts-stream`, {
    method: "POST",
    headers: { "x-api-key": "k", "content-type": "application/json" },
    body: JSON.stringify({
      text: "A very long reading.",
      language: "en-us",
      voice_id: 147320,
      output_configuration: { format: "pcm_s16le", duration: seconds },
    }),
  });
  expect(response.status).toBe(200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let received = 0;
  let nextReport = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return received;
    received += value.length;
    if (received >= nextReport) {
      onProgress(received);
      nextReport += 64 * MIB;
    }
  }
}

test("a 1 GiB /tts-stream goes through startSandbox in constant memory", async () => {
  const sb = await startSandbox();
  try {
    // Warm up (JIT, sockets, first allocations) before taking the baseline.
    await consume(sb.url, 60, () => {});
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const seconds = Math.ceil(GIB / (RATE * 2));
    const started = performance.now();
    const received = await consume(sb.url, seconds, () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    });
    const elapsed = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    const growth = peak - baseline;
    console.log(
      `1 GiB stream: ${(received / GIB).toFixed(3)} GiB in ${elapsed.toFixed(1)} s ` +
        `(${(received / MIB / elapsed).toFixed(0)} MiB/s); RSS baseline ${(baseline / MIB).toFixed(1)} MiB, ` +
        `peak ${(peak / MIB).toFixed(1)} MiB, growth ${(growth / MIB).toFixed(1)} MiB (server and client, same process)`,
    );
    expect(received).toBe(Math.round(seconds * RATE) * 2);
    expect(received).toBeGreaterThanOrEqual(GIB);
    expect(growth).toBeLessThan(64 * MIB);
  } finally {
    await sb.close();
  }
}, 180_000);

// MP3 is the case that matters: its encoder is CPU-bound and yields small chunks that never fill the socket
// buffer, so without a turn of the event loop between chunks nothing was sent until the whole audio was
// encoded. At a million seconds of audio, that regression can only time out.
test.each([
  ["flac", "fLaC"],
  ["mp3", "\xff\xf3"],
] as const)(
  "the first bytes of a very long %s stream arrive at once (nothing is generated ahead), and it can be cancelled",
  async (format, magic) => {
    const sb = await startSandbox();
    try {
      const response = await fetch(`${sb.url}/tts-stream`, {
        method: "POST",
        headers: { "x-api-key": "k", "content-type": "application/json" },
        body: JSON.stringify({
          text: "Endless.",
          language: "en-us",
          voice_id: 1,
          output_configuration: { format, duration: 1_000_000 }, // ~45 GiB of FLAC if it were ever generated
        }),
      });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let first = await reader.read();
      // The ID3v2 tag carrying the spoken text is its own first chunk; the MPEG frames follow.
      const tag = new TextDecoder().decode(first.value?.subarray(0, 3));
      if (format === "mp3") {
        expect(tag).toBe("ID3");
        first = await reader.read();
      }
      const head = first.value?.subarray(0, 2) ?? new Uint8Array();
      if (format === "flac") expect(new TextDecoder().decode(first.value?.subarray(0, 4))).toBe(magic);
      // An MPEG audio frame starts with an 11-bit sync word.
      else expect([head[0], (head[1] ?? 0) & 0xe0]).toEqual([0xff, 0xe0]);
      await reader.cancel();
    } finally {
      await sb.close();
    }
  },
  20_000,
);
