// The hook tests, run twice: on React 19 (the package's dev dependency) and on React 18 (react-18 and
// react-dom-18, aliased), both in happy-dom with msw serving the sandbox's handlers.
import { configDefaults, defineConfig } from "vitest/config";
import { testLimits } from "../../vitest.shared.js";

const shared = {
  ...testLimits,
  environment: "happy-dom",
  include: ["test/**/*.test.{ts,tsx}"],
  // Browser-only tests (if any are added under test/browser) need a real browser, never happy-dom: vitest's
  // default include would pick them up too. The real-browser suite of the hooks is examples/react-app/e2e.
  exclude: [...configDefaults.exclude, "test/browser/**"],
};

// React and react-dom as every module sees them under React 18: our code and the tests through Vite's
// aliases; TanStack Query, openapi-react-query and Testing Library inlined so that theirs apply there too; CommonJS `require`s
// (react-dom's own) through test/helpers/react-18.ts.
const react18Alias = [
  { find: /^react$/, replacement: "react-18" },
  { find: /^react\/(.*)$/, replacement: "react-18/$1" },
  { find: /^react-dom$/, replacement: "react-dom-18" },
  { find: /^react-dom\/(.*)$/, replacement: "react-dom-18/$1" },
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: "react-19",
          env: { CAMB_REACT_MAJOR: "19" },
          setupFiles: ["test/helpers/setup.ts"],
        },
      },
      {
        resolve: { alias: react18Alias },
        test: {
          ...shared,
          name: "react-18",
          env: { CAMB_REACT_MAJOR: "18" },
          setupFiles: ["test/helpers/react-18.ts", "test/helpers/setup.ts"],
          server: {
            deps: { inline: ["@tanstack/react-query", "@testing-library/react", "openapi-react-query"] },
          },
        },
      },
    ],
  },
});
