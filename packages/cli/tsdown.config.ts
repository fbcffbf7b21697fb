// Builds the library entry, the `camb` bin and the demo as ESM for Node 20, with declarations.
import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts", "src/demo.ts"],
  format: ["esm"],
  dts: true,
  platform: "node",
  target: "node20",
  clean: true,
  // The package is "type": "module": plain .js files, as bin and exports name them.
  fixedExtension: false,
});
