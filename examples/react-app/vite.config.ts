// The example app's Vite config: the key-holding backend on dev and preview, an ES2022 build.
import { defineConfig } from "vite";
import { cambBackend } from "./server/camb-backend.js";

// No React plugin needed: Vite compiles TSX with the automatic runtime set in tsconfig.json.
export default defineConfig({
  plugins: [cambBackend()],
  build: {
    target: "es2022",
    rollupOptions: {
      // TanStack Query marks its modules "use client" for React Server Components; meaningless in this SPA.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
});
