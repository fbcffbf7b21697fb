// Builds the sandbox library and its `/internal` entry (ESM and CommonJS, platform-neutral) and the Node-only
// `camb-sandbox` CLI.
import { defineConfig } from "tsdown";

export default defineConfig([
  {
    // `/internal`: what sibling packages share (the CLI flags); not public API.
    entry: ["src/index.ts", "src/internal.ts"],
    format: ["esm", "cjs"],
    dts: true,
    platform: "neutral",
    target: "es2022",
    clean: true,
    // startSandbox imports node:http lazily; it stays an import, never bundled or resolved.
    deps: { neverBundle: [/^node:/] },
  },
  {
    // The CLI is Node-only and ESM (dist/cli.mjs); no types needed.
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    dts: false,
    platform: "node",
    target: "es2022",
    clean: false,
  },
]);
