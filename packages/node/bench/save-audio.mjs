// Benchmark: saveAudio and saveResult against a bare `pipeline(Readable.fromWeb(body), createWriteStream())`
// of the same stream from the same local server. Every run is a fresh process (bench/save-child.mjs); one
// discarded warm-up round per size, then interleaved repeats. Prints medians: throughput, the ratio to
// bare, and peak RSS growth. Not part of the tests.
//
//   node packages/node/bench/save-audio.mjs [sizeMiB...] [--repeats N]
// It builds src into .tmp/bench-build first (a private build: dist may be rebuilt meanwhile by turbo).
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsdown";

const MiB = 1024 * 1024;
const argv = process.argv.slice(2);
const repeatsAt = argv.indexOf("--repeats");
const repeats = repeatsAt === -1 ? 5 : Number(argv[repeatsAt + 1]);
const sizes = argv.filter((a, i) => /^\d+$/.test(a) && i !== repeatsAt + 1).map(Number);
if (sizes.length === 0) sizes.push(10, 1024);
const MODES = ["bare", "saveAudio", "saveResult"];
const child = fileURLToPath(new URL("./save-child.mjs", import.meta.url));
const buildDir = fileURLToPath(new URL("../.tmp/bench-build", import.meta.url));
await build({
  config: false,
  entry: [fileURLToPath(new URL("../src/index.ts", import.meta.url))],
  outDir: buildDir,
  format: "esm",
  platform: "node",
  fixedExtension: false,
  dts: false,
  clean: true,
  logLevel: "silent",
});
const module = new URL("../.tmp/bench-build/index.js", import.meta.url).href;

// `/s/<bytes>/anything` serves that many bytes of a repeated 64 KiB block, with Content-Length and
// backpressure. The size is in the path so it also works as a client baseUrl (for saveResult).
const block = Buffer.alloc(64 * 1024, 7);
const server = createServer((req, res) => {
  const size = Number(/^\/s\/(\d+)\//.exec(req.url)?.[1] ?? MiB);
  res.writeHead(200, { "content-type": "audio/flac", "content-length": size });
  let left = size;
  const pump = () => {
    while (left > 0) {
      const chunk = left >= block.length ? block : block.subarray(0, left);
      left -= chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    res.end();
  };
  pump();
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const dir = await mkdtemp(join(tmpdir(), "camb-bench-"));

function runOnce(mode, sizeMiB) {
  // For saveResult the URL is the client's baseUrl; the client appends the family's result path.
  const url = `${origin}/s/${sizeMiB * MiB}${mode === "saveResult" ? "" : "/a.flac"}`;
  const warmupUrl = `${origin}/s/${MiB}${mode === "saveResult" ? "" : "/w.flac"}`;
  const args = { module, mode, url, warmupUrl, out: join(dir, `${mode}.bin`) };
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, JSON.stringify(args)]);
    let out = "";
    proc.stdout.on("data", (d) => (out += d));
    proc.stderr.pipe(process.stderr);
    proc.on("close", (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${mode} exited ${code}`)),
    );
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(
  `node ${process.version}, ${repeats} repeats per mode after one warm-up round, fresh process each`,
);
for (const sizeMiB of sizes) {
  for (const mode of MODES) await runOnce(mode, sizeMiB); // warm-up round (page cache, disk)
  const runs = Object.fromEntries(MODES.map((m) => [m, []]));
  for (let i = 0; i < repeats; i++) for (const mode of MODES) runs[mode].push(await runOnce(mode, sizeMiB));
  const bareSeconds = median(runs.bare.map((r) => r.seconds));
  console.log(`\n${sizeMiB} MiB`);
  for (const mode of MODES) {
    const seconds = median(runs[mode].map((r) => r.seconds));
    const growth = median(runs[mode].map((r) => r.growth)) / MiB;
    const ratio = bareSeconds / seconds;
    console.log(
      `  ${mode.padEnd(10)} ${(sizeMiB / seconds).toFixed(0).padStart(6)} MiB/s  ratio to bare ${ratio.toFixed(2)}  peak RSS growth ${growth.toFixed(1)} MiB`,
    );
  }
}
await rm(dir, { recursive: true, force: true });
server.close();
