// The public entry points the API reference covers, read off each published package's `exports`.
// Reading them (rather than listing them in typedoc.json) means a package that gains or drops a subpath is
// documented as it ships; `/internal` subpaths are shared between sibling packages and never public.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const isInternal = (subpath) => /(^|\/)internal$/.test(subpath);

/** The `types` file an export condition tree resolves to for `import` (the first one found). */
function typesOf(target) {
  if (typeof target === "string") return target.endsWith(".d.ts") ? target : undefined;
  if (!target || typeof target !== "object") return undefined;
  if (typeof target.types === "string") return target.types;
  for (const key of ["import", "default", ...Object.keys(target)]) {
    const found = typesOf(target[key]);
    if (found) return found;
  }
  return undefined;
}

/** The source file tsdown builds `./dist/<name>.d.ts` from. */
function sourceOf(packageDir, types) {
  const stem = types.replace(/^\.\/dist\//, "").replace(/\.d\.[cm]?ts$/, "");
  const source = ["ts", "tsx"].map((ext) => join(packageDir, "src", `${stem}.${ext}`)).find(existsSync);
  if (!source) throw new Error(`${packageDir}: no src/${stem}.ts(x) for the export types ${types}`);
  return source;
}

/** The opening `//` comment lines of a source file, joined: the house rules give every file one. */
function headerOf(file) {
  const lines = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.startsWith("//")) break;
    lines.push(line.replace(/^\/\/\s?/, ""));
  }
  return lines.join(" ").trim();
}

/** A header without its leading `<specifier>: `, as a sentence. */
function summaryOf(header, specifier) {
  const text = header.startsWith(`${specifier}: `) ? header.slice(specifier.length + 2) : header;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Every export subpath of every package under `packages/`, with the source file it is built from.
 * `public` is false for the private packages and the `/internal` subpaths: they are mapped (so the public
 * entries that import them type-check from source) but not documented.
 */
export function entryPoints(root) {
  const entries = [];
  const packagesDir = join(root, "packages");
  for (const dir of readdirSync(packagesDir).sort()) {
    const packageDir = join(packagesDir, dir);
    const manifestFile = join(packageDir, "package.json");
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const types = typesOf(target);
      if (!types) continue; // ./package.json and other non-code exports
      const specifier = subpath === "." ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, "")}`;
      const source = sourceOf(packageDir, types);
      entries.push({
        specifier,
        source,
        relativeSource: relative(root, source),
        summary: summaryOf(headerOf(source), specifier),
        public: manifest.private !== true && !isInternal(subpath),
      });
    }
  }
  return entries;
}
