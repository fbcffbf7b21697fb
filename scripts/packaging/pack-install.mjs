#!/usr/bin/env node
// The packaging test: packs every published package as npm would publish it, lints each tarball (publint,
// attw), installs the tarballs into a fresh project outside the workspace with plain npm, and runs small
// programs against the sandbox from ESM, CommonJS and TypeScript (moduleResolution node16 and bundler).
// This is the test that catches a missing file, a wrong export or a broken type path.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

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

// 1. Pack and lint every published package.
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

rmSync(work, { recursive: true, force: true });
console.log(
  `packaging ok: ${tarballs.length} packages packed, linted, installed and run (esm, cjs, ts node16, ts bundler)`,
);
