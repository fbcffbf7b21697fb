// Which kind each part of a multipart body is: a file, a JSON value or text (the spec's encoding, or OpenAPI's defaults).
import type { OperationSchemas, Schema } from "@camb-kit/client/spec";
import { itemSchema, propertySchema, typesOf } from "./coerce.js";

export type PartKind = "file" | "json" | "text";

type BodySpec = NonNullable<OperationSchemas["body"]>;

/** A binary string: OpenAPI 3.0's `format: binary` or 3.1's `contentMediaType`. */
function isBinary(schema: Schema): boolean {
  return schema.format === "binary" || schema.contentMediaType !== undefined;
}

/**
 * A part's kind. A binary property (or an array of them) is a file. Otherwise `jsonParts`, the parts whose
 * spec `encoding` is `application/json` (the generated `operations[id].jsonParts`), decides when given;
 * without it OpenAPI 3.1's defaults do, which agree with every encoding the spec writes today: an object is
 * `application/json`, a primitive `text/plain`, and an array takes its items' kind, part by part.
 */
export function partKind(spec: BodySpec, name: string, jsonParts?: readonly string[]): PartKind {
  const property = propertySchema(spec.schema, name);
  const single = typesOf(property).includes("array") ? itemSchema(property) : property;
  if (isBinary(single)) return "file";
  if (jsonParts) return jsonParts.includes(name) ? "json" : "text";
  return typesOf(single).includes("object") ? "json" : "text";
}
