#!/usr/bin/env node
// `pnpm docs` builds the browsable reference into docs-site/: index.html, http/ (Redocly) and packages/
// (TypeDoc). `--check` (`pnpm docs:check`, part of `pnpm test`) builds it into a temporary folder and fails on
// any warning, a missing module page or a dead link on the front page. No network: both tools run locally.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { entryPoints } from "./entry-points.mjs";
import { indexPage, modulePages } from "./index-page.mjs";
import { runRedocly, runTypedoc } from "./tools.mjs";
import { writeTypedocInputs } from "./typedoc-inputs.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SPEC = "openapi/camb.yaml";
const check = process.argv.includes("--check");
const started = performance.now();

// The check never touches docs-site/, so it can run beside a `pnpm docs` someone is browsing.
const out = check ? mkdtempSync(join(tmpdir(), "camb-docs-")) : join(root, "docs-site");
if (!check) rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "http"), { recursive: true });

const entries = entryPoints(root);
const documented = entries.filter((entry) => entry.public);
writeTypedocInputs(root, join(root, ".tmp/docs"), entries);

// The two tools are independent; running them side by side hides Redocly's second behind TypeDoc's fifteen.
const [typedoc, redocly] = await Promise.all([
  runTypedoc(root, join(out, "packages")),
  runRedocly(root, SPEC, join(out, "http/index.html")),
]);
const problems = [
  ...typedoc.problems.map((line) => `typedoc: ${line}`),
  ...redocly.problems.map((line) => `redocly: ${line}`),
];

const pages = modulePages(join(out, "packages"));
for (const entry of typedoc.code === 0 ? documented : []) {
  if (!pages.has(entry.specifier)) problems.push(`no TypeDoc module page for ${entry.specifier}`);
}

if (problems.length === 0) {
  const apiTitle = parse(readFileSync(join(root, SPEC), "utf8")).info.title;
  const html = indexPage({
    apiTitle,
    entries: documented,
    pages,
    httpHref: "http/index.html",
    packagesHref: "packages",
  });
  writeFileSync(join(out, "index.html"), html);
  for (const [, href] of html.matchAll(/href="([^"#]+)[^"]*"/g)) {
    if (!existsSync(join(out, href))) problems.push(`index.html links to ${href}, which was not built`);
  }
}

const seconds = (value) => `${value.toFixed(1)} s`;
const total = (performance.now() - started) / 1000;
if (problems.length > 0) {
  // Only the failing tool's own log: Redocly's notices would bury TypeDoc's compiler errors.
  const logs = [typedoc, redocly]
    .filter((tool) => tool.problems.length > 0)
    .map((tool) => tool.output.trim());
  console.error(logs.join("\n"));
  console.error(`\ndocs: ${problems.length} problem(s):\n${problems.map((line) => `  ${line}`).join("\n")}`);
  process.exitCode = 1;
} else {
  const where = check ? "checked" : `built in ${relative(process.cwd(), out) || "."}/index.html`;
  console.log(
    `docs: ${documented.length} entry points and ${SPEC}, no warnings; ${where} ` +
      `(TypeDoc ${seconds(typedoc.seconds)}, Redocly ${seconds(redocly.seconds)}, total ${seconds(total)})`,
  );
}
if (check) rmSync(out, { recursive: true, force: true });
