#!/usr/bin/env node
// The packaging test: packs every published package as npm would publish it, lints each tarball (publint,
// attw), installs the tarballs into a fresh project outside the workspace with plain npm, and runs small
// programs against the sandbox from ESM, CommonJS and TypeScript (moduleResolution node16 and bundler), and
// the client+polling smoke on Bun and Deno against a sandbox in Node. It also rejects a packed manifest that
// pins a dependency exactly. This is the test that catches a missing file, a wrong export or a broken type
// path.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rangeProblems } from "./manifest-ranges.mjs";
import { ensureRuntime, runProgram, startSandboxProcess } from "./runtimes.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const bin = (name) => join(root, "node_modules/.bin", name);
const run = (command, args, cwd) =>
  execFileSync(command, args, {
    cwd,
    stdio: "inherit",
    env: { ...process.env, npm_config_loglevel: "error" },
  });

const work = mkdtempSync(join(tmpdir(), "camb-pack-"));
const packs = join(work, "packs");
mkdirSync(packs);

// 1. Pack every published package, check the ranges its packed manifest declares, then lint it.
const published = readdirSync(join(root, "packages"))
  .map((dir) => ({
    dir: join(root, "packages", dir),
    manifest: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")),
  }))
  .filter(({ manifest }) => !manifest.private);
const tarballs = [];
for (const { dir, manifest } of published) {
  const before = new Set(readdirSync(packs));
  run("pnpm", ["pack", "--pack-destination", packs], dir);
  const tarball = join(
    packs,
    readdirSync(packs).find((file) => !before.has(file)),
  );
  tarballs.push(tarball);
  const packed = JSON.parse(
    execFileSync("tar", ["-xOf", tarball, "package/package.json"], { encoding: "utf8" }),
  );
  const problems = rangeProblems(packed);
  if (problems.length > 0) {
    console.error(`packaging failed: the packed package.json of ${manifest.name} (${tarball})`);
    for (const problem of problems) console.error(`  ${manifest.name} ${problem}`);
    process.exit(1);
  }
  run(bin("publint"), ["run", tarball, "--strict"], root);
  // ESM-only packages (React, the CLI) are checked with attw's esm-only profile; dual packages with node16.
  const esmOnly = !manifest.exports?.["."]?.require;
  run(bin("attw"), [tarball, "--profile", esmOnly ? "esm-only" : "node16"], root);
}

// 2. A fresh project outside the workspace: only npm, the tarballs and the peers an app would have.
const app = join(work, "app");
mkdirSync(app);
writeFileSync(join(app, "package.json"), JSON.stringify({ name: "pack-test-app", private: true }));
const peers = [
  "msw@2.15.0",
  "ws@8.23.0",
  "react@19.3.1",
  "react-dom@19.3.1",
  "@tanstack/react-query@5",
  "typescript@5.9.3",
  "@types/react@19",
  "@types/node@20",
];
run("npm", ["install", "--no-audit", "--no-fund", ...tarballs, ...peers], app);

// 3. One folder per module flavour; node resolves the shared node_modules from the parent.
const variant = (name, packageJson, files) => {
  const dir = join(app, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, ...packageJson }));
  for (const [target, source] of Object.entries(files)) cpSync(join(fixtures, source), join(dir, target));
  return dir;
};
const tsconfig = (dir, compilerOptions) =>
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: "es2022",
        skipLibCheck: false,
        outDir: "dist",
        jsx: "react-jsx",
        types: ["node"],
        ...compilerOptions,
      },
    }),
  );
const tsc = join(app, "node_modules/.bin/tsc");

run("node", ["smoke.mjs"], variant("esm", { type: "module" }, { "smoke.mjs": "smoke.mjs" }));
run("node", ["smoke.cjs"], variant("cjs", { type: "commonjs" }, { "smoke.cjs": "smoke.cjs" }));

const node16 = variant("ts-node16", { type: "module" }, { "smoke.ts": "smoke.ts" });
tsconfig(node16, { module: "node16", moduleResolution: "node16" });
run(tsc, ["-p", "."], node16);
run("node", ["dist/smoke.js"], node16);

const node16cjs = variant("ts-node16-cjs", { type: "commonjs" }, { "smoke.ts": "smoke.ts" });
// skipLibCheck here only: msw's own .d.ts imports the ESM-only `rettime` and fails under CommonJS for every
// msw user. Our declarations are checked without skipLibCheck by the other variants and by attw (node16).
tsconfig(node16cjs, { module: "node16", moduleResolution: "node16", skipLibCheck: true });
run(tsc, ["-p", "."], node16cjs);

const bundler = variant(
  "ts-bundler",
  { type: "module" },
  { "smoke.ts": "smoke.ts", "react-check.tsx": "react-check.tsx" },
);
tsconfig(bundler, { module: "esnext", moduleResolution: "bundler", noEmit: true, lib: ["es2022", "dom"] });
run(tsc, ["-p", "."], bundler);

// 4. client and polling claim fetch, streams and AbortSignal are all they need: the same smoke on Bun and
// Deno, from the installed tarballs, against the installed sandbox's bin running in Node.
const cache = join(root, ".tmp/runtimes");
const bun = ensureRuntime(cache, "bun", 1);
const deno = ensureRuntime(cache, "deno", 2);
const neutral = variant("runtimes", { type: "module" }, { "smoke.mjs": "runtime-smoke.mjs" });
// "manual": Deno resolves bare specifiers from the node_modules npm made, and never installs or downloads.
writeFileSync(join(neutral, "deno.json"), JSON.stringify({ nodeModulesDir: "manual" }));
const sandbox = await startSandboxProcess(app, ["--api-key", "pack-test"]);
try {
  const env = { ...process.env, DO_NOT_TRACK: "1" };
  await runProgram(bun, ["run", "--no-install", "smoke.mjs", sandbox.url], { cwd: neutral, env });
  // Nothing may come from jsr or deno.land (--cached-only, --no-remote), and the only permission is the
  // network to the sandbox: that is the whole of what the packages claim to need.
  const denoFlags = ["--cached-only", "--no-remote", "--no-lock", "--no-prompt"];
  const allowNet = `--allow-net=${new URL(sandbox.url).host}`;
  await runProgram(deno, ["run", ...denoFlags, allowNet, "smoke.mjs", sandbox.url], {
    cwd: neutral,
    env: { ...env, DENO_DIR: join(work, "deno-dir"), DENO_NO_UPDATE_CHECK: "1" },
  });
} finally {
  await sandbox.stop();
}

rmSync(work, { recursive: true, force: true });
console.log(
  `packaging ok: ${tarballs.length} packages packed, ranges checked, linted, installed and run (esm, cjs, ts node16, ts bundler, bun, deno)`,
);
