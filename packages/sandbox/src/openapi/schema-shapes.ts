// Reads the shapes of the spec's schemas that the sandbox answers with: nested defaults, URL-carrying
// objects and maps. Schemas arrive with every reference followed, so this is plain object walking.
import type { Schema } from "@camb-kit/client/spec";
import type { Json } from "./json.js";

const asSchema = (value: unknown): Schema | undefined =>
  typeof value === "object" && value !== null ? (value as Schema) : undefined;

/** The schema of a nested property (`["output_configuration", "format"]`), looking through a lone `allOf`. */
export function schemaAt(schema: Schema, path: readonly string[]): Schema | undefined {
  let current: Schema | undefined = schema;
  for (const name of path) {
    current = asSchema((current?.properties as Record<string, unknown> | undefined)?.[name]);
    // A property written as `allOf: [Other]` (to attach keywords to a shared schema) is that schema.
    const allOf = current?.allOf;
    if (current && current.default === undefined && Array.isArray(allOf) && allOf.length === 1)
      current = asSchema(allOf[0]);
  }
  return current;
}

/** The `default` the spec declares for a nested property, e.g. `duration: 8` or `format: mp3`. */
export function schemaDefault(schema: Schema, path: readonly string[]): Json | undefined {
  return schemaAt(schema, path)?.default as Json | undefined;
}

/** The first object-shaped alternative of a schema (`oneOf: [ResultUrl, { type: string }]`). */
function objectShape(schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  if (asSchema(schema.properties)) return schema;
  for (const key of ["oneOf", "anyOf", "allOf"] as const) {
    const list = schema[key];
    if (Array.isArray(list))
      for (const item of list) {
        const found = objectShape(asSchema(item));
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
export function urlObject(schema: Schema | undefined, makeUrl: (index: number) => string, count = 3): Json {
  // One URL per index, shared by every key (SoundResultUrl's output_url and file_url carry the same value).
  const urls = new Map<number, string>();
  const url = (index: number) => urls.get(index) ?? urls.set(index, makeUrl(index)).get(index) ?? "";
  const properties = (objectShape(schema)?.properties ?? {}) as Record<string, Schema>;
  const result: { [key: string]: Json } = {};
  for (const [name, property] of Object.entries(properties)) {
    if (property.format === "uri") result[name] = url(0);
    else if (property.type === "array" && asSchema(property.items)?.format === "uri")
      result[name] = Array.from({ length: count }, (_, i) => url(i));
  }
  return result;
}

/** The value schema of a map-shaped schema (`additionalProperties`), for bulk results keyed by run id. */
export function mapValueSchema(schema: Schema | undefined): Schema | undefined {
  return asSchema(schema?.additionalProperties);
}
