import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "happy-dom",
    include: ["test/**/*.test.{ts,tsx}"],
    // The real-browser suite runs in Chromium with its own config; never here (toolchain P11).
    exclude: [...configDefaults.exclude, "test/browser/**"],
    setupFiles: ["test/setup.ts"],
  },
});
