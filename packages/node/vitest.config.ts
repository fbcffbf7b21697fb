// The node tests: saves on a real file system, downloads and the proxy over real HTTP on 127.0.0.1.
import { defineConfig } from "vitest/config";
import { testLimits } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    ...testLimits,
    include: ["test/**/*.test.ts"],
  },
});
