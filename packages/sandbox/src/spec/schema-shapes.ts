import { deref, isObject, type Json, type JsonObject } from "./document.js";

function resolved(schema: Json | undefined): JsonObject | undefined {
  return deref(schema, "")?.node;
}

/** The schema of a nested property (`["output_configuration", "format"]`), following `$ref` and `allOf`. */
export function schemaAt(schema: JsonObject, path: readonly string[]): JsonObject | undefined {
  let current: JsonObject | undefined = schema;
  for (const name of path) {
    if (!current) return undefined;
    const properties: Json | undefined = current.properties;
    current = resolved(isObject(properties) ? properties[name] : undefined);
  }
  // A property written as `allOf: [{ $ref }]` (to attach a description) is that schema.
  const allOf = current?.allOf;
  if (current && current.default === undefined && Array.isArray(allOf) && allOf.length === 1)
    return resolved(allOf[0]);
  return current;
}

/** The `default` the spec declares for a nested property, e.g. `duration: 8` or `format: mp3`. */
export function schemaDefault(schema: JsonObject, path: readonly string[]): Json | undefined {
  return schemaAt(schema, path)?.default;
}

/** The first object-shaped alternative of a schema (`oneOf: [{ $ref: ResultUrl }, { type: string }]`). */
function objectShape(schema: JsonObject | undefined): JsonObject | undefined {
  if (!schema) return undefined;
  if (isObject(schema.properties)) return schema;
  for (const key of ["oneOf", "anyOf", "allOf"] as const) {
    const list = schema[key];
    if (Array.isArray(list))
      for (const item of list) {
        const found = objectShape(resolved(item));
        if (found) return found;
      }
  }
  return undefined;
}

/**
 * Builds a JSON value for a URL-carrying schema: every `format: uri` property gets a URL and every array of
 * URIs gets `count` of them. This is how the sandbox answers `ResultUrl`, `SoundResultUrl` (both keys) and
 * `VoiceDesignResult` without naming their keys: a key added to the spec is filled in automatically.
 */
export function urlObject(
  schema: JsonObject | undefined,
  makeUrl: (index: number) => string,
  count = 3,
): Json {
  // One URL per index, shared by every key (SoundResultUrl's output_url and file_url carry the same value).
  const urls = new Map<number, string>();
  const url = (index: number) => urls.get(index) ?? urls.set(index, makeUrl(index)).get(index) ?? "";
  const shape = objectShape(schema);
  const result: { [key: string]: Json } = {};
  const properties = shape && isObject(shape.properties) ? shape.properties : {};
  for (const [name, raw] of Object.entries(properties)) {
    const property = resolved(raw);
    if (property?.format === "uri") result[name] = url(0);
    else if (property?.type === "array" && resolved(property.items)?.format === "uri")
      result[name] = Array.from({ length: count }, (_, i) => url(i));
  }
  return result;
}

/** The value schema of a map-shaped schema (`additionalProperties`), for bulk results keyed by run id. */
export function mapValueSchema(schema: JsonObject | undefined): JsonObject | undefined {
  return schema ? resolved(schema.additionalProperties) : undefined;
}
