// The sandbox tests: every operation over msw and over real HTTP, faults, decodable audio, the CLI.
import { defineConfig } from "vitest/config";
import { testLimits } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    ...testLimits,
    include: ["test/**/*.test.ts"],
  },
});
