// The request and response schemas of every operation, as plain objects with every `$ref` already followed:
// a component schema becomes one constant that the schemas using it point at, so tools that validate or walk
// schemas at run time (the sandbox) never resolve a reference. Annotations that no run-time tool reads
// (descriptions, schema examples, vendor extensions) are left out; a request's own example (the body's and
// each parameter's `example`) is kept, as a request the conformance tests can send.
import { HEADER, Identifier, literal } from "./render.mjs";
import { fail } from "./spec.mjs";

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;
const ANNOTATIONS = new Set(["description", "summary", "title", "examples", "example", "deprecated"]);

const constantName = (schema) => `schema${schema.replace(/[^A-Za-z0-9]/g, "_")}`;

/** A schema with each `$ref` replaced by the constant of the component it names; `uses` collects those. */
function inline(node, uses) {
  if (Array.isArray(node)) return node.map((item) => inline(item, uses));
  if (node === null || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    const name = SCHEMA_REF.exec(node.$ref)?.[1];
    if (!name) fail(`a schema may only refer to #/components/schemas/…, got ${node.$ref}`);
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

const mapValues = (object, map) =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)]));

/** The component schemas in an order where each comes after the ones it uses (a cycle fails generation). */
function componentConstants(spec) {
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
  for (const name of Object.keys(schemas)) visit(name);
  return built;
}

/** `{ example }` when the spec gives one (a parameter's, or a request body media type's), else nothing. */
const withExample = (node) => (node.example === undefined ? {} : { example: node.example });

function operationEntry(entry) {
  const uses = new Set();
  const schemaOf = (node) => (node === undefined ? {} : inline(node, uses));
  const [contentType, media] = Object.entries(entry.requestBody?.content ?? {})[0] ?? [];
  return {
    parameters: entry.parameters.map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      required: parameter.required === true,
      schema: schemaOf(parameter.schema),
      ...withExample(parameter),
    })),
    body: contentType
      ? {
          required: entry.requestBody.required === true,
          contentType,
          schema: schemaOf(media.schema),
          ...withExample(media),
        }
      : null,
    responses: mapValues(entry.responses, (response) =>
      mapValues(response.content ?? {}, (content) => schemaOf(content.schema)),
    ),
  };
}

export function renderOperationSchemas(spec, index) {
  const constants = [...componentConstants(spec)].map(
    ([name, value]) => `const ${constantName(name)}: Schema = ${literal(value)};`,
  );
  const table = Object.fromEntries(index.map((entry) => [entry.id, operationEntry(entry)]));
  return `${HEADER}import type { OperationId } from "./operations.js";

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect) with every \`$ref\` already followed. */
export type Schema = { readonly [keyword: string]: unknown };

/** What a request to an operation may carry, and what each of its responses holds, as schemas. */
export interface OperationSchemas {
  parameters: readonly {
    name: string;
    in: "path" | "query" | "header" | "cookie";
    required: boolean;
    schema: Schema;
    /** The spec's example value, where it gives one. */
    example?: unknown;
  }[];
  /**
   * The request body, in its first (only) declared content type, with the spec's example request where it
   * gives one (in a multipart example, a file part is the name of a file, e.g. \`speech.wav\`).
   */
  body: { required: boolean; contentType: string; schema: Schema; example?: unknown } | null;
  /** Per status code, per media type. */
  responses: { readonly [status: string]: { readonly [mediaType: string]: Schema } };
}

${constants.join("\n\n")}

/** The schemas of every operation, by operationId. */
export const operationSchemas: { readonly [Id in OperationId]: OperationSchemas } = ${literal(table)};
`;
}
