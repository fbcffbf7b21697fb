// Runs every benchmark, each in its own fresh Node process (so one benchmark's heap, sockets or patched
// clock cannot touch the next), and prints one table. `--quick` runs the smoke sizes (well under a minute);
// `--only 1,4` runs a subset by number. Packages must be built first (`pnpm build`).
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { runJsonProcess } from "./lib/child.mjs";
import { renderTable } from "./lib/table.mjs";

const BENCHMARKS = [
  ["1", "client-overhead.mjs"],
  ["2", "save-audio.mjs"],
  ["3", "bulk-download.mjs"],
  ["4", "polling-cost.mjs"],
  ["5", "speech-streaming.mjs"],
  ["6", "bundle-size.mjs"],
  ["7", "codegen.mjs"],
  ["8", "faulty-jobs.mjs"],
  ["9", "upload.mjs"],
  ["10", "typecheck-cost.mjs"],
  ["11", "batch-polling.mjs"],
  ["12", "realtime-first-audio.mjs"],
  ["13", "realtime-memory.mjs"],
];

const quick = process.argv.includes("--quick");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt > 0 ? new Set((process.argv[onlyAt + 1] ?? "").split(",")) : undefined;
const started = Date.now();
const rows = [];
const failures = [];
for (const [number, file] of BENCHMARKS) {
  if (only && !only.has(number)) continue;
  process.stderr.write(`${number} ${file}${quick ? " --quick" : ""}\n`);
  const t = Date.now();
  try {
    const args = ["--json", ...(quick ? ["--quick"] : [])];
    rows.push(...(await runJsonProcess(fileURLToPath(new URL(file, import.meta.url)), args)));
  } catch (error) {
    // One broken benchmark should not hide the others' figures; the exit code still reports it.
    failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.stderr.write(`  (${((Date.now() - t) / 1000).toFixed(1)} s)\n`);
}
const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `\ncamb-kit benchmarks${quick ? " (--quick: smoke sizes, figures not meaningful)" : ""} — Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpu}, ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
console.log(renderTable(rows));
if (failures.length) {
  console.error(`\nFailed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
  process.exitCode = 1;
}
