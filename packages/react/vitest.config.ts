import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "happy-dom",
    include: ["test/**/*.test.{ts,tsx}"],
    // Browser-only tests (if any are added under test/browser) need a real browser, never happy-dom (P11).
    // The real-browser suite of the hooks is examples/react-app/e2e.
    exclude: [...configDefaults.exclude, "test/browser/**"],
    setupFiles: ["test/setup.ts"],
  },
});
