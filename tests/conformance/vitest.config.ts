// Runs the conformance tests with every @camb-kit import resolved to source, the client's generated code
// coming from the fixture spec (built here, before anything is resolved).
import { defineConfig } from "vitest/config";
import { aliasesFor } from "./aliases.mjs";
import { prepare } from "./prepare.mjs";

const aliases = aliasesFor(prepare("vitest"));

export default defineConfig({
  resolve: {
    alias: Object.entries(aliases).map(([name, path]) => ({
      find: new RegExp(`^${name.replace(/\//g, "\\/")}$`),
      replacement: path,
    })),
  },
  test: { include: ["test/**/*.test.{ts,tsx}"], testTimeout: 60_000, hookTimeout: 60_000 },
});
