// The reliability run as a test: one child process per run, so "it exits by itself" can be checked.
import { defineConfig } from "vitest/config";
import { testLimits } from "../../vitest.shared.js";

export default defineConfig({
  test: { ...testLimits, include: ["test/**/*.test.ts"], testTimeout: 300_000 },
});
