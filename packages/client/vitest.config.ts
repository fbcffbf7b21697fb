// The client tests: wire and retry behaviour on scripted fetches, real HTTP, and the type tests.
import { defineConfig } from "vitest/config";
import { testLimits } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    ...testLimits,
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
