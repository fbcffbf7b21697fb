// Benchmark 6 — bundle size (minified + gzip) of each package vs openapi-fetch alone and the official SDK.
//
// Method: esbuild bundles an entry that re-exports a package's public API (`export * from "<pkg>"`, and for
// the client also the typical `{ createCambClient, unwrap }`), minified, tree-shaken, ESM; the output is
// gzipped at level 9. Like .size-limit.cjs, what the app pays for separately is left out: other @camb-kit
// packages (counted in their own row), React and TanStack Query (peers), `node:` builtins and msw. Sizes are
// deterministic, so there is one measurement and no spread. Ratios are against openapi-fetch alone, the
// runtime our client is built on. Packages must be built first (`pnpm build`); an unbuilt one is reported.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { fmt } from "./lib/stats.mjs";
import { main } from "./lib/table.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const packages = join(here, "..", "packages");

const KIT = ["client", "polling", "node", "react", "sandbox", "cli"].map((name) => `@camb-kit/${name}`);
const PEERS = ["react", "react-dom", "react/*", "@tanstack/*", "msw", "msw/*", "node:*"];

/**
 * @param {string} contents an ES module that imports what the app would
 * @param {{ platform?: "neutral" | "node", resolveDir?: string }} [options]
 */
async function measure(contents, { platform = "neutral", resolveDir = here } = {}) {
  const result = await build({
    stdin: { contents, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    mainFields: ["module", "main"],
    // The subject is imported by file path, so every @camb-kit package name left is another package.
    external: [...KIT, ...PEERS],
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

// The budgeted rows come from .size-limit.cjs itself (same imports, same limits); the rows after them are for
// comparison only. size-limit measures 5-10% smaller than this (its own esbuild and gzip settings), so a
// budget must leave room for both.
const require = createRequire(import.meta.url);
/** @type {{ name: string, path: string, import?: string, limit: string }[]} */
const sizeLimits = require("../.size-limit.cjs");
const limitBytes = (limit) => Number.parseFloat(limit) * (limit.endsWith("kB") ? 1000 : 1);
const budgeted = sizeLimits
  .filter((entry) => entry.path.startsWith("packages/") && entry.path.endsWith("dist/index.js"))
  .map((entry) => ({
    name: entry.name,
    pkg: entry.path.split("/")[1],
    code: `export ${entry.import ?? "*"} from "./dist/index.js";`,
    limit: limitBytes(entry.limit),
  }));

const kb = (bytes) => `${fmt(bytes / 1000, 1)} kB`;

export async function run({ log = console.error } = {}) {
  const subjects = [
    ...budgeted,
    { name: "@camb-kit/polling (everything)", pkg: "polling", code: 'export * from "./dist/index.js";' },
    { name: "@camb-kit/react (everything)", pkg: "react", code: 'export * from "./dist/index.js";' },
    {
      name: "@camb-kit/node (everything, Node only)",
      pkg: "node",
      code: 'export * from "./dist/index.js";',
      platform: "node",
    },
    { name: "@camb-ai/sdk (everything)", code: 'export * from "@camb-ai/sdk";', platform: "node" },
  ];
  const baseline = await measure('export { default } from "openapi-fetch";');
  const rows = [];
  for (const s of subjects) {
    if (s.pkg && !existsSync(join(packages, s.pkg, "dist", "index.js"))) {
      log(`bundle size: packages/${s.pkg} is not built; run pnpm build`);
      rows.push({
        bench: "6 bundle size",
        subject: s.name,
        vs: "openapi-fetch alone",
        metric: "min+gzip",
        ratio: Number.NaN,
        spread: "",
        absolute: "not built",
      });
      continue;
    }
    // Bundled from the package's folder, so its own dependencies (openapi-fetch, …) resolve as an app's would.
    const size = await measure(s.code, {
      platform: s.platform,
      resolveDir: s.pkg ? join(packages, s.pkg) : here,
    });
    rows.push({
      bench: "6 bundle size",
      subject: s.name,
      vs: "openapi-fetch alone",
      metric: "min+gzip",
      ratio: size.gzip / baseline.gzip,
      spread: "deterministic",
      absolute: `${kb(size.gzip)} gz, ${kb(size.min)} min (openapi-fetch ${kb(baseline.gzip)} gz, ${kb(baseline.min)} min)`,
      ...(s.limit ? { goal: `≤ ${s.limit / 1000} kB gz`, ok: size.gzip <= s.limit } : {}),
    });
  }
  return rows;
}

await main(import.meta.url, run);
