// Builds @camb-kit/react as ESM only, with the re-exported polling errors in a chunk of their own.
import { defineConfig } from "tsdown";

// ESM only: React apps are bundled, and a CJS copy would risk two React Query contexts in one app.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  platform: "neutral",
  target: "es2022",
  clean: true,
  outputOptions: {
    // The re-exported polling errors get a chunk of their own. In index.js they would join its one
    // `import { … } from "@camb-kit/polling"`, and esbuild keeps every name of an external import that a
    // module re-exports: ~70 B min+gzip in every app, whichever hooks it uses.
    codeSplitting: { groups: [{ name: "polling-errors", test: /src[\\/]polling-errors\.ts$/ }] },
  },
});
