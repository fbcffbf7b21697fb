// The CLI tests: the built `camb` binary run as a user would, against the embedded sandbox.
import { defineConfig } from "vitest/config";
import { testLimits } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    ...testLimits,
    include: ["test/**/*.test.ts"],
  },
});
