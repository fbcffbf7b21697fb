// Benchmark 10 — what the whole API costs a user's type check, against the first wave alone.
//
// Method: two copies of the client's source in a temp folder, one generated from openapi/camb.yaml (every
// operation), one from the same spec cut down to the first wave (the operations tagged speech, sound,
// voice-design, voices and languages; task declarations of other families dropped). The quickstart example
// (examples/node-quickstart/src/quickstart.ts) is type-checked against each with `tsc --extendedDiagnostics`,
// the client mapped to the copy and the other packages to their built declarations (skipLibCheck, as users
// have it). Fresh processes, interleaved,
// 3 rounds (1 with --quick). Instantiations are deterministic; check time is the median of the rounds. Goal
// (issue 13): the whole API costs at most twice the first wave.
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { fmt, median, ratioText } from "./lib/stats.mjs";
import { main } from "./lib/table.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const FIRST_WAVE = new Set(["speech", "sound", "voice-design", "voices", "languages"]);
const METHODS = ["get", "put", "post", "delete", "patch"];

/** The spec with only the first wave's operations (and their families' task declarations). */
function firstWave(spec) {
  const paths = {};
  const families = new Set();
  for (const [path, item] of Object.entries(spec.paths)) {
    const kept = Object.fromEntries(
      METHODS.filter((m) => item[m]?.tags?.every((tag) => FIRST_WAVE.has(tag))).map((m) => [m, item[m]]),
    );
    if (Object.keys(kept).length > 0) paths[path] = kept;
    for (const operation of Object.values(kept)) {
      const tasks = operation["x-camb-task"];
      if (tasks && !Array.isArray(tasks)) families.add(tasks.family);
    }
  }
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      const tasks = operation["x-camb-task"];
      if (Array.isArray(tasks)) operation["x-camb-task"] = tasks.filter((task) => families.has(task.family));
    }
  }
  const used = new Set(
    Object.values(paths).flatMap((item) =>
      Object.values(item).flatMap((operation) =>
        Object.values(operation.responses ?? {}).flatMap((response) => Object.keys(response.content ?? {})),
      ),
    ),
  );
  const media = Object.fromEntries(
    Object.entries(spec["x-camb-media-types"]).filter(([type, entry]) => entry.asset || used.has(type)),
  );
  return { ...spec, paths, "x-camb-media-types": media };
}

/** A copy of the client's source generated from `spec`, and a tsconfig that checks the quickstart with it. */
function world(base, name, spec) {
  const dir = join(base, name);
  const client = join(dir, "client-src");
  cpSync(join(root, "packages/client/src"), client, { recursive: true });
  rmSync(join(client, "generated"), { recursive: true });
  const specPath = join(dir, "camb.yaml");
  writeFileSync(specPath, stringify(spec));
  const generate = [
    join(root, "scripts/generate.mjs"),
    "--spec",
    specPath,
    "--out",
    join(client, "generated"),
  ];
  execFileSync(process.execPath, generate, { stdio: "ignore" });
  // The other packages as a user gets them (their built declarations), over this world's client.
  const built = (pkg) => [join(root, "packages", pkg, "dist", "index.d.ts")];
  const paths = {
    "@camb-kit/client/spec": [join(client, "spec.ts")],
    "@camb-kit/client/internal": [join(client, "internal.ts")],
    "@camb-kit/client": [join(client, "index.ts")],
    "@camb-kit/polling": built("polling"),
    "@camb-kit/node": built("node"),
    "@camb-kit/sandbox": built("sandbox"),
  };
  const config = {
    extends: join(root, "tsconfig.base.json"),
    compilerOptions: {
      noEmit: true,
      module: "NodeNext",
      moduleResolution: "NodeNext",
      types: ["node"],
      typeRoots: [join(root, "node_modules/@types")],
      skipLibCheck: true,
      paths,
    },
    files: [join(root, "examples/node-quickstart/src/quickstart.ts")],
  };
  const tsconfig = join(dir, "tsconfig.json");
  writeFileSync(tsconfig, JSON.stringify(config));
  return tsconfig;
}

const TSC = join(root, "node_modules", "typescript", "bin", "tsc");

/** One fresh `tsc --extendedDiagnostics`: instantiations and check time (type errors still count). */
function check(tsconfig) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [TSC, "-p", tsconfig, "--extendedDiagnostics"],
      { cwd: root },
      (error, out) => {
        const instantiations = Number(/Instantiations:\s+(\d+)/.exec(out)?.[1]);
        const seconds = Number(/Check time:\s+([\d.]+)s/.exec(out)?.[1]);
        if (!Number.isFinite(instantiations) || !Number.isFinite(seconds))
          reject(new Error(`tsc failed:\n${out}`));
        else
          resolve({
            instantiations,
            seconds,
            errors: error ? out.split("\n").filter((l) => l.includes("error TS")) : [],
          });
      },
    );
  });
}

export async function run({ quick = false, log = console.error } = {}) {
  // Beside the client (packages/client/.tmp, ignored), so the copies resolve its dependencies as it does.
  const scratch = join(root, "packages/client/.tmp");
  mkdirSync(scratch, { recursive: true });
  const base = mkdtempSync(join(scratch, "bench-typecheck-"));
  try {
    const spec = parse(readFileSync(join(root, "openapi/camb.yaml"), "utf8"));
    const whole = world(base, "whole", spec);
    const first = world(base, "first-wave", firstWave(spec));
    const rounds = quick ? 1 : 3;
    const a = [];
    const b = [];
    for (let i = 0; i < rounds; i++) {
      // Alternate which goes first, so neither always runs on a warmer machine.
      const pair =
        i % 2 ? [await check(first), await check(whole)].reverse() : [await check(whole), await check(first)];
      a.push(pair[0]);
      b.push(pair[1]);
    }
    const errors = [...a, ...b].flatMap((result) => result.errors);
    if (errors.length > 0)
      log(`typecheck: the quickstart has type errors:\n${errors.slice(0, 5).join("\n")}`);
    log(`typecheck: ${rounds} rounds each`);
    const count = (list) => list[0].instantiations;
    const time = ratioText(a.map((r, i) => r.seconds / b[i].seconds));
    const instantiationRatio = count(a) / count(b);
    return [
      {
        bench: "10 type-check cost",
        subject: "quickstart, whole API (77 operations)",
        vs: "quickstart, first wave (16 operations)",
        metric: "instantiations",
        ratio: instantiationRatio,
        spread: "deterministic",
        absolute: `${count(a)} vs ${count(b)}`,
        goal: "≤ 2",
        ok: instantiationRatio <= 2,
      },
      {
        bench: "10 type-check cost",
        subject: "quickstart, whole API (77 operations)",
        vs: "quickstart, first wave (16 operations)",
        metric: "check time",
        ratio: time.ratio,
        spread: time.spread,
        absolute: `${fmt(median(a.map((r) => r.seconds)))} s vs ${fmt(median(b.map((r) => r.seconds)))} s`,
        goal: "≤ 2",
        ok: time.ratio <= 2,
      },
    ];
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

await main(import.meta.url, run);
