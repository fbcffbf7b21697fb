import { defineConfig } from "tsdown";

// ESM only: React apps are bundled, and a CJS copy would risk two React Query contexts in one app.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  platform: "neutral",
  target: "es2022",
  clean: true,
});
