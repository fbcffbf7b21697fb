// Writes what typedoc.json reads: one module per public entry point and a tsconfig that compiles every
// package from source in one program, so a type one package re-exports from another links to a single page.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

/** The file name a specifier's module is written to: `@camb-kit/client/spec` is `client-spec.ts`. */
const fileNameOf = (specifier) => `${specifier.replace(/^@camb-kit\//, "").replaceAll("/", "-")}.ts`;

// Each module re-exports its entry whole, so the reference follows the exports without a list of names.
function moduleText(entry) {
  const text = entry.summary.replaceAll("*/", "*\\/");
  return [
    `// Written by scripts/docs/typedoc-inputs.mjs from ${entry.relativeSource}; not edited by hand.`,
    "/**",
    ` * ${text}`,
    " *",
    ` * @module ${entry.specifier}`,
    " */",
    `export * from "${entry.specifier}";`,
    "",
  ].join("\n");
}

// Writing only what changed keeps a concurrent `pnpm docs` and `pnpm docs:check` from reading a half file.
function writeIfChanged(file, text) {
  let old;
  try {
    old = readFileSync(file, "utf8");
  } catch {
    old = undefined;
  }
  if (old !== text) writeFileSync(file, text);
}

/** Writes `<dir>/entries/*.ts` (and removes stale ones) and `<dir>/tsconfig.json` for the entry points. */
export function writeTypedocInputs(root, dir, entries) {
  const entriesDir = join(dir, "entries");
  mkdirSync(entriesDir, { recursive: true });
  const paths = {};
  for (const entry of entries) paths[entry.specifier] = [relative(dir, entry.source)];
  const tsconfig = {
    extends: relative(dir, join(root, "tsconfig.base.json")),
    compilerOptions: { jsx: "react-jsx", types: ["node"], paths },
    include: ["entries"],
  };
  writeIfChanged(join(dir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
  const wanted = new Set();
  for (const entry of entries.filter((e) => e.public)) {
    wanted.add(fileNameOf(entry.specifier));
    writeIfChanged(join(entriesDir, fileNameOf(entry.specifier)), moduleText(entry));
  }
  for (const file of readdirSync(entriesDir)) if (!wanted.has(file)) rmSync(join(entriesDir, file));
}
