#!/usr/bin/env node
// Generates everything typed from openapi/camb.yaml into packages/client/src/generated/ (the entry point
// `@camb-kit/client/spec` re-exports it; the sandbox and every helper read the spec's facts from there):
//   schema.ts             openapi-typescript `paths`/`components` (format: binary -> Blob)
//   operations.ts         every operation by operationId (method, path, matcher, content types, auth, role)
//   families.ts           the task families (from x-camb-task)
//   media.ts              media types <-> file extensions <-> output formats (from x-camb-media-types)
//   enums.ts, limits.ts   every enum, and every property's bounds and default
//   service.ts            the default base URL and the API-key header
//   operation-schemas.ts  each operation's request and response schemas, references followed (validation)
//   channels.ts           the WebSocket sessions (from x-camb-channels): table, message unions, schemas
// `--check` regenerates in memory and fails when a committed file differs (the CI drift check).
// `--spec <file>` reads another spec and `--out <dir>` writes elsewhere (the drift and conformance tests).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { parse } from "yaml";
import { buildChannels, renderChannels } from "./lib/channels.mjs";
import { buildFamilies, renderFamilies } from "./lib/families.mjs";
import { buildMedia, renderMedia } from "./lib/media.mjs";
import { renderOperationSchemas } from "./lib/operation-schemas.mjs";
import { buildOperations, renderOperations } from "./lib/operations.mjs";
import { HEADER } from "./lib/render.mjs";
import { buildEnums, buildLimits, renderEnums, renderLimits } from "./lib/schema-values.mjs";
import { buildService, renderService } from "./lib/service.mjs";
import { indexOperations } from "./lib/spec.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: flags } = parseArgs({
  options: { check: { type: "boolean" }, spec: { type: "string" }, out: { type: "string" } },
});
const specPath = resolve(flags.spec ?? join(root, "openapi/camb.yaml"));
const outDir = resolve(flags.out ?? join(root, "packages/client/src/generated"));

const { factory } = ts;
const BLOB = factory.createTypeReferenceNode(factory.createIdentifier("Blob"));
const REF_PREFIX = "#/components/schemas/";

/**
 * An open enum, written in the spec as `anyOf: [{ $ref: <a string enum> }, { type: string }]` (the named
 * values, or any other string, so validators accept a value the spec does not know yet). openapi-typescript
 * would collapse it to `string`; the type is the named values instead, and code that reads one handles an
 * unknown value at run time (polling's UnknownTaskStatusError). `Known | (string & {})` would say both, but
 * openapi-fetch's `Readable<T>` maps `string & {}` as an object and breaks every response type.
 */
function knownValuesOf(schema) {
  const [known, other] = schema.anyOf ?? [];
  if (schema.anyOf?.length !== 2 || typeof known?.$ref !== "string" || !known.$ref.startsWith(REF_PREFIX))
    return;
  if (other?.type !== "string" || Object.keys(other).length !== 1) return;
  const name = known.$ref.slice(REF_PREFIX.length);
  return factory.createIndexedAccessTypeNode(
    factory.createIndexedAccessTypeNode(
      factory.createTypeReferenceNode("components"),
      factory.createLiteralTypeNode(factory.createStringLiteral("schemas")),
    ),
    factory.createLiteralTypeNode(factory.createStringLiteral(name)),
  );
}

async function render() {
  const spec = parse(await readFile(specPath, "utf8"));
  const ast = await openapiTS(structuredClone(spec), {
    // A field with a default is optional for the caller; the server fills it in.
    defaultNonNullable: false,
    // Binary bodies are bytes, not strings (openapi-typescript's default for `format: binary`).
    transform: (schema) => (schema.format === "binary" ? BLOB : knownValuesOf(schema)),
  });
  const index = indexOperations(spec);
  const media = buildMedia(spec, index);
  return {
    "schema.ts": HEADER + astToString(ast),
    "operations.ts": renderOperations(buildOperations(index)),
    "families.ts": renderFamilies(buildFamilies(spec, index, media.mediaTypes)),
    "media.ts": renderMedia(media),
    "enums.ts": renderEnums(buildEnums(spec)),
    "limits.ts": renderLimits(buildLimits(spec)),
    "service.ts": renderService(buildService(spec)),
    "operation-schemas.ts": renderOperationSchemas(spec, index),
    "channels.ts": renderChannels(spec, buildChannels(spec)),
  };
}

const outputs = await render();
const stale = [];
for (const [file, content] of Object.entries(outputs)) {
  const target = join(outDir, file);
  const current = await readFile(target, "utf8").catch(() => null);
  if (current === content) continue;
  if (flags.check) {
    stale.push(relative(root, target));
  } else {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    console.log(`wrote ${relative(root, target)}`);
  }
}
if (stale.length > 0) {
  console.error(
    `Generated code is out of date with ${relative(root, specPath)}:\n  ${stale.join("\n  ")}\nRun \`pnpm generate\` and commit the result.`,
  );
  process.exit(1);
}
if (flags.check) console.log("generated code matches the spec");
