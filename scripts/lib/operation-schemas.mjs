// The request and response schemas of every operation, as plain objects with every `$ref` already followed
// (inline-schemas.mjs), so tools that validate or walk schemas at run time (the sandbox) never resolve a
// reference. A request's own example (the body's and each parameter's `example`) is kept, as a request the
// conformance tests can send.
import { componentConstants, inline } from "./inline-schemas.mjs";
import { HEADER, literal } from "./render.mjs";

const mapValues = (object, map) =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)]));

/** `{ example }` when the spec gives one (a parameter's, or a request body media type's), else nothing. */
const withExample = (node) => (node.example === undefined ? {} : { example: node.example });

function operationEntry(entry, uses) {
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
  const uses = new Set();
  const table = Object.fromEntries(index.map((entry) => [entry.id, operationEntry(entry, uses)]));
  const constants = componentConstants(spec, uses);
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
