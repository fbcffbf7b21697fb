// A 1 GiB file part uploaded to a running sandbox (the built bin, its own process) leaves its memory flat.
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { multipartBody, postChunks } from "./helpers/multipart.js";

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));

/** A process's resident set and its peak since start (or since the last reset), from Linux's /proc. */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]) * 1024;
  return { rss: kib("VmRSS"), peak: kib("VmHWM") };
}

function upload(url: string, bytes: number) {
  const body = multipartBody([
    { name: "voice_name", value: "Very long reference" },
    { name: "gender", value: "1" },
    { name: "file", filename: "reference.wav", type: "audio/wav", bytes },
  ]);
  const headers = {
    "x-api-key": "k",
    "content-type": body.contentType,
    "content-length": String(body.length),
  };
  return postChunks(`${url}/create-custom-voice`, headers, body.chunks());
}

// The sandbox runs in a child (the built bin, as a user runs it) so that only its memory is measured, not
// the test's, which generates the body chunk by chunk and never holds it.
test("a 1 GiB upload to /create-custom-voice leaves the sandbox's resident memory within 64 MiB", async () => {
  const child = spawn(process.execPath, [cli, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.once("exit", (code) => reject(new Error(`the sandbox exited early with ${code}`)));
    });
    const pid = child.pid as number;
    expect((await upload(url, 32 * MIB)).status).toBe(200); // warm-up: JIT, sockets, first allocations
    // Writing 5 to clear_refs resets the peak (VmHWM) to the current resident set.
    await writeFile(`/proc/${pid}/clear_refs`, "5").catch(() => {});
    const baseline = await memoryOf(pid);
    const started = performance.now();
    const answer = await upload(url, GIB);
    const seconds = (performance.now() - started) / 1000;
    const { peak } = await memoryOf(pid);
    const growth = peak - baseline.rss;
    console.log(
      `1 GiB upload: ${seconds.toFixed(1)} s (${(GIB / MIB / seconds).toFixed(0)} MiB/s); sandbox RSS ` +
        `${(baseline.rss / MIB).toFixed(1)} MiB before, peak ${(peak / MIB).toFixed(1)} MiB, growth ${(growth / MIB).toFixed(1)} MiB`,
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ voice_id: expect.any(Number) });
    expect(answer.sentBeforeAnswer).toBeGreaterThan(GIB); // the answer came after the whole body
    expect(growth).toBeLessThan(64 * MIB);
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}, 180_000);
