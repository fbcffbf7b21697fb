import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  // Node only: this package writes files and wraps node:http; it must never resolve for browsers.
  platform: "node",
  target: "es2022",
  clean: true,
});
