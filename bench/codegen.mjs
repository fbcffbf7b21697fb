// Benchmark 7 — code generation: time to regenerate everything typed from openapi/camb.yaml.
//
// Method: each run is a fresh `node` process, as a developer runs it. Subject: `node scripts/generate.mjs
// --check`, which renders all generated files (openapi-typescript types, the families table, the sandbox's
// spec module) in memory and compares them with the committed ones without writing (so the working tree is
// never touched; exit code 1 only means drift and is still a valid timing). Baseline: the openapi-typescript
// CLI alone on the same spec, writing to a temp file — what a plain openapi-fetch project runs. After one
// warm-up run each (disk cache; skipped with --quick), 3 interleaved runs; ratio per pair, median and min–max.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fmt, median, now, ratioText } from "./lib/stats.mjs";
import { main } from "./lib/table.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");

/** Wall time of a fresh process; exit codes 0 and 1 both count as a finished run. */
function timed(args) {
  return new Promise((resolve, reject) => {
    const started = now();
    execFile(process.execPath, args, { cwd: root }, (error) => {
      const code = error ? /** @type {any} */ (error).code : 0;
      if (code !== 0 && code !== 1) reject(error);
      else resolve(now() - started);
    });
  });
}

export async function run({ quick = false, log = console.error } = {}) {
  const rounds = quick ? 1 : 3;
  const temp = mkdtempSync(join(tmpdir(), "camb-bench-codegen-"));
  try {
    const cli = join(here, "node_modules", "openapi-typescript", "bin", "cli.js");
    const ours = () => timed([join(root, "scripts", "generate.mjs"), "--check"]);
    const alone = () => timed([cli, join(root, "openapi", "camb.yaml"), "-o", join(temp, "schema.ts")]);
    if (!quick) {
      await ours();
      await alone();
    }
    const a = [];
    const b = [];
    for (let i = 0; i < rounds; i++) {
      // Alternate which goes first, so neither always runs on a warmer machine.
      if (i % 2) {
        b.push(await alone());
        a.push(await ours());
      } else {
        a.push(await ours());
        b.push(await alone());
      }
    }
    log(`codegen: ${rounds} runs each`);
    const { ratio, spread } = ratioText(a.map((t, i) => t / b[i]));
    return [
      {
        bench: "7 codegen",
        subject: "scripts/generate.mjs (all generated files)",
        vs: "openapi-typescript CLI alone",
        metric: "wall time",
        ratio,
        spread,
        absolute: `${fmt(median(a) / 1000, 2)} s vs ${fmt(median(b) / 1000, 2)} s`,
      },
    ];
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

await main(import.meta.url, run);
