// The polling tests: fake timers for the schedule, the sandbox for every family and failure.
import { defineConfig } from "vitest/config";
import { testLimits } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    ...testLimits,
    include: ["test/**/*.test.ts"],
  },
});
