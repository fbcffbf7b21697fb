#!/usr/bin/env node
// Builds a conformance world: openapi/camb.yaml with the invented family of fixture/ merged in, and a copy of
// the client's sources whose generated/ folder comes from that spec. The tests and the type check then run
// every helper's own, unedited source against this copy. Each consumer gets a world of its own (.tmp/vitest,
// .tmp/typecheck), so turbo may run both at once.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { aliasesFor } from "./aliases.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");

/** Objects merge key by key; anything else in the fixture replaces what the spec has. */
function merge(base, extra) {
  if (typeof base !== "object" || base === null || typeof extra !== "object" || Array.isArray(extra))
    return extra;
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) out[key] = key in base ? merge(base[key], value) : value;
  return out;
}

/** Creates the world `.tmp/<name>` afresh and returns its folder. */
export function prepare(name) {
  const world = join(here, ".tmp", name);
  rmSync(world, { recursive: true, force: true });
  mkdirSync(world, { recursive: true });
  const spec = merge(
    parse(readFileSync(join(root, "openapi/camb.yaml"), "utf8")),
    parse(readFileSync(join(here, "fixture/text-to-jingle.yaml"), "utf8")),
  );
  const specPath = join(world, "camb-with-fixture.yaml");
  writeFileSync(specPath, stringify(spec));
  const client = join(world, "client-src");
  cpSync(join(root, "packages/client/src"), client, { recursive: true });
  rmSync(join(client, "generated"), { recursive: true });
  const generate = [
    join(root, "scripts/generate.mjs"),
    "--spec",
    specPath,
    "--out",
    join(client, "generated"),
  ];
  execFileSync(process.execPath, generate, { stdio: ["ignore", "ignore", "inherit"] });
  return world;
}

// `node prepare.mjs`: the type check's world, with the paths its tsconfig.json extends.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const paths = Object.entries(aliasesFor(prepare("typecheck"))).map(([name, path]) => [name, [path]]);
  const config = { compilerOptions: { paths: Object.fromEntries(paths) } };
  writeFileSync(join(here, ".tmp/tsconfig.paths.json"), JSON.stringify(config, null, 2));
}
