// Builds @camb-kit/node as ESM and CommonJS for Node only, with declarations and .js/.d.ts names.
import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  // Node only: this package writes files and wraps node:http; it must never resolve for browsers.
  platform: "node",
  // platform "node" defaults to .mjs/.d.mts names; keep .js/.d.ts like the other packages' exports maps.
  fixedExtension: false,
  target: "es2022",
  clean: true,
});
