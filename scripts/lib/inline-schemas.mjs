// Schemas with every `$ref` followed, for tools that validate at run time (the sandbox's ajv): a component
// schema becomes one constant that the schemas using it point at, so no generated file ever holds a reference
// and no schema is copied. Annotations no validator reads (descriptions, schema examples, OpenAPI's
// discriminator, vendor extensions) are left out.
import { Identifier, literal } from "./render.mjs";
import { fail } from "./spec.mjs";

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;
const ANNOTATIONS = new Set([
  "description",
  "summary",
  "title",
  "examples",
  "example",
  "deprecated",
  "discriminator",
]);

/** The component a `$ref` names, e.g. `LiveSpeechClientMessage`; fails for any other reference. */
export function schemaRefName(ref) {
  const name = SCHEMA_REF.exec(ref)?.[1];
  if (!name) fail(`a schema may only refer to #/components/schemas/…, got ${ref}`);
  return name;
}

const constantName = (schema) => `schema${schema.replace(/[^A-Za-z0-9]/g, "_")}`;

const mapValues = (object, map) =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)]));

/** A schema with each `$ref` replaced by the constant of the component it names; `uses` collects those. */
export function inline(node, uses) {
  if (Array.isArray(node)) return node.map((item) => inline(item, uses));
  if (node === null || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    const name = schemaRefName(node.$ref);
    uses.add(name);
    const reference = new Identifier(constantName(name));
    const siblings = Object.entries(node).filter(([key]) => key !== "$ref" && !ANNOTATIONS.has(key));
    // OpenAPI 3.1 lets a $ref carry keywords of its own; they then apply together with the referred schema.
    return siblings.length === 0
      ? reference
      : { allOf: [reference], ...inline(Object.fromEntries(siblings), uses) };
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    // Under `properties` the keys are field names, not keywords: keep every one.
    out[key] = key === "properties" ? mapValues(value, (item) => inline(item, uses)) : inline(value, uses);
  }
  return out;
}

/**
 * The constants of the components `roots` names and of every component they use, each after the ones it
 * uses (a cycle fails generation), as TypeScript declarations typed `Schema`.
 */
export function componentConstants(spec, roots) {
  const schemas = spec.components?.schemas ?? {};
  const built = new Map();
  const visiting = new Set();
  const visit = (name) => {
    if (built.has(name)) return;
    if (visiting.has(name))
      fail(`components.schemas.${name} refers to itself; cyclic schemas are not supported`);
    if (!Object.hasOwn(schemas, name)) fail(`unresolved $ref #/components/schemas/${name}`);
    visiting.add(name);
    const uses = new Set();
    const value = inline(schemas[name], uses);
    for (const used of uses) visit(used);
    visiting.delete(name);
    built.set(name, value);
  };
  for (const name of roots) visit(name);
  // Spec order, each component still after the ones it uses: a new component moves no other constant.
  const ordered = new Map();
  const place = (name) => {
    if (ordered.has(name)) return;
    const uses = new Set();
    inline(schemas[name], uses);
    for (const used of uses) place(used);
    ordered.set(name, built.get(name));
  };
  for (const name of Object.keys(schemas)) if (built.has(name)) place(name);
  return [...ordered].map(([name, value]) => `const ${constantName(name)}: Schema = ${literal(value)};`);
}
