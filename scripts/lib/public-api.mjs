// What a package entry point exports (types included, read with the TypeScript compiler) and what its README's
// API tables document, so each package's test can hold the two equal and the docs cannot drift.
import { readFileSync } from "node:fs";
import ts from "typescript";

/** Every name an entry point exports, values and types alike, sorted. */
export function exportedNames(entryFile) {
  const program = ts.createProgram([entryFile], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    jsx: ts.JsxEmit.ReactJSX,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entryFile);
  if (!source) throw new Error(`cannot read ${entryFile}`);
  const module = checker.getSymbolAtLocation(source);
  if (!module) return [];
  return checker
    .getExportsOfModule(module)
    .map((symbol) => symbol.getName())
    .sort();
}

/**
 * The names the tables under a README heading document, sorted: every backticked name in the first column of
 * each table row, read up to its first non-identifier character (`useTaskStatus(family, …)` is
 * `useTaskStatus`, `<CambProvider client>` is `CambProvider`, `CreateTaskBody<F>` is `CreateTaskBody`).
 * The section runs from the heading to the next heading of the same or a higher level.
 */
export function documentedNames(readmeFile, heading) {
  const lines = readFileSync(readmeFile, "utf8").split("\n");
  const start = lines.findIndex((line) => /^#+ /.test(line) && line.replace(/^#+ /, "").trim() === heading);
  if (start === -1) throw new Error(`${readmeFile} has no heading "${heading}"`);
  const level = lines[start].indexOf(" ");
  const names = new Set();
  for (const line of lines.slice(start + 1)) {
    const next = /^(#+) /.exec(line);
    if (next && next[1].length <= level) break;
    if (!line.startsWith("|") || /^\|\s*-/.test(line)) continue;
    const firstCell = line.split("|")[1] ?? "";
    for (const [, code] of firstCell.matchAll(/`([^`]+)`/g)) {
      const name = /^<?\s*([A-Za-z_$][\w$]*)/.exec(code)?.[1];
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}
