// The end-to-end suite: a built app, a key-holding proxy, the sandbox over HTTP and Debian's Chromium.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser and one sandbox for the file; the tests share them, so run them in order.
    fileParallelism: false,
  },
});
