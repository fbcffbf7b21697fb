// The hook tests: happy-dom, with msw serving the sandbox's handlers.
import { configDefaults, defineConfig } from "vitest/config";
import { testLimits } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    ...testLimits,
    environment: "happy-dom",
    include: ["test/**/*.test.{ts,tsx}"],
    // Browser-only tests (if any are added under test/browser) need a real browser, never happy-dom: vitest's
    // default include would pick them up too. The real-browser suite of the hooks is examples/react-app/e2e.
    exclude: [...configDefaults.exclude, "test/browser/**"],
    setupFiles: ["test/helpers/setup.ts"],
  },
});
