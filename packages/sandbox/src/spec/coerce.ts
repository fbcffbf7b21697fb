import { deref, isObject, type Json, type JsonObject } from "./document.js";

function typesOf(schema: JsonObject): string[] {
  const declared = schema.type;
  const own = typeof declared === "string" ? [declared] : Array.isArray(declared) ? declared.map(String) : [];
  // Follow one level of allOf/oneOf/anyOf/$ref so `{ allOf: [{ $ref: LanguageId }] }` still coerces.
  for (const key of ["allOf", "oneOf", "anyOf"] as const) {
    const list = schema[key];
    if (Array.isArray(list))
      for (const item of list) {
        const sub = deref(item, "");
        if (sub) own.push(...typesOf(sub.node));
      }
  }
  if (typeof schema.$ref === "string") {
    const sub = deref(schema, "");
    if (sub) own.push(...typesOf(sub.node));
  }
  return own;
}

/**
 * Converts a text value (path, query, header or form field) to what its schema declares, the way FastAPI
 * parses them. Values that do not parse stay text, so the validator reports them with the field's name.
 */
export function coerceText(value: string, schema: JsonObject): Json {
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

/** The schema of one property of an object schema, with `$ref`s followed. */
export function propertySchema(schema: JsonObject, name: string): JsonObject {
  const properties = isObject(schema.properties) ? schema.properties : {};
  return deref(properties[name], "")?.node ?? {};
}
