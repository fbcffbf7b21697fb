// Text values (path, query, header, form field) converted to what their schema declares, as FastAPI does.
import type { Schema } from "@camb-kit/client/spec";
import type { Json } from "./json.js";

/** The JSON types a schema accepts, looking through allOf/oneOf/anyOf (`{ allOf: [LanguageId] }` is an integer). */
export function typesOf(schema: Schema): string[] {
  const declared = schema.type;
  const own = typeof declared === "string" ? [declared] : Array.isArray(declared) ? declared.map(String) : [];
  for (const key of ["allOf", "oneOf", "anyOf"] as const) {
    const list = schema[key];
    if (Array.isArray(list)) for (const item of list as Schema[]) own.push(...typesOf(item));
  }
  return own;
}

/**
 * Converts a text value to what its schema declares, the way FastAPI parses path, query, header and form
 * values. Values that do not parse stay text, so the validator reports them with the field's name.
 */
export function coerceText(value: string, schema: Schema): Json {
  const types = typesOf(schema);
  if (
    (types.includes("integer") || types.includes("number")) &&
    /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value.trim())
  ) {
    const number = Number(value);
    if (types.includes("number") || Number.isInteger(number)) return number;
  }
  if (types.includes("boolean")) {
    const lowered = value.toLowerCase();
    if (["true", "1", "yes", "on"].includes(lowered)) return true;
    if (["false", "0", "no", "off"].includes(lowered)) return false;
  }
  if (types.includes("null") && value === "") return null;
  return value;
}

/** The schema of one property of an object schema (`{}`, which accepts anything, when it has none). */
export function propertySchema(schema: Schema, name: string): Schema {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  return properties[name] ?? {};
}

/** The item schema of an array schema. */
export function itemSchema(schema: Schema): Schema {
  return (schema.items ?? {}) as Schema;
}

/**
 * The value of a form field from its text parts, as FastAPI reads a form: an array field takes every
 * repeated part, any other field the last one; an empty text counts as absent (FastAPI treats `""` in a form
 * as not sent, so the default or "Field required" applies). `json` parts are parsed (a SyntaxError escapes);
 * the rest are coerced like query values.
 */
export function formValue(texts: readonly string[], schema: Schema, json: boolean): Json | undefined {
  const parse = (text: string, item: Schema) => (json ? (JSON.parse(text) as Json) : coerceText(text, item));
  if (typesOf(schema).includes("array")) {
    const item = itemSchema(schema);
    return texts.length === 0 ? undefined : texts.map((text) => parse(text, item));
  }
  const last = texts.at(-1);
  return last === undefined || last === "" ? undefined : parse(last, schema);
}
