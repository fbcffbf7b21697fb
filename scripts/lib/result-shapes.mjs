// What the schemas of a family's operations say about its shape: whether a status is a status object or a
// list of runs, whether a create may answer the finished result, whether a result may be null, whether bulk
// answers a map or a list, and which fields of a result are files (`x-camb-asset`), so helpers can act on
// these without knowing a family's name.
import { fail, resolve, successContent } from "./spec.mjs";

const JSON_TYPE = "application/json";

function jsonSchema(spec, entry) {
  return resolve(spec, successContent(entry)[JSON_TYPE]?.schema);
}

/** The alternatives a schema allows (its anyOf/oneOf branches, resolved), or the schema itself. */
function branches(spec, schema) {
  const list = schema?.anyOf ?? schema?.oneOf;
  return list ? list.map((branch) => resolve(spec, branch)) : [schema];
}

function allowsType(schema, type) {
  return Array.isArray(schema?.type) ? schema.type.includes(type) : schema?.type === type;
}

/** `runs` when a status call answers a list (project setup), `task` for the usual status object. */
export function statusKind(spec, entry) {
  return allowsType(jsonSchema(spec, entry), "array") ? "runs" : "task";
}

/** Whether a create call may answer something other than `{ task_id }` (the finished result). */
export function createMayFinish(spec, entry) {
  const options = branches(spec, jsonSchema(spec, entry));
  return options.length > 1 && options.some((option) => !option?.properties?.task_id);
}

/** Whether a result may be JSON `null` (project setup's "may return null"). */
export function resultNullable(spec, entry) {
  return branches(spec, jsonSchema(spec, entry)).some((option) => allowsType(option, "null"));
}

/** `list` when a bulk call answers an array (project setup), else `map` (keyed by run id). */
export function bulkShape(spec, entry) {
  return allowsType(jsonSchema(spec, entry), "array") ? "list" : "map";
}

/**
 * The files a JSON result points at: `{ path, kind }` for every string field marked `x-camb-asset`, where
 * `path` is the keys to it, `"*"` for any key of a map and `"[]"` for every item of a list. Walks every
 * alternative of the schema, so a result that is an object or a map of objects lists both forms.
 */
export function resultAssets(spec, entry) {
  const found = new Map();
  const visit = (node, path, depth) => {
    const schema = resolve(spec, node);
    if (!schema || depth > 8) return;
    if (typeof schema["x-camb-asset"] === "string") {
      if (!allowsType(schema, "string")) fail(`x-camb-asset at ${path.join(".")} must be on a string`);
      found.set(path.join("\u0000"), { path, kind: schema["x-camb-asset"] });
      return;
    }
    for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
      visit(branch, path, depth + 1);
    }
    for (const [key, property] of Object.entries(schema.properties ?? {}))
      visit(property, [...path, key], depth + 1);
    if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
      visit(schema.additionalProperties, [...path, "*"], depth + 1);
    }
    if (schema.items) visit(schema.items, [...path, "[]"], depth + 1);
  };
  visit(successContent(entry)[JSON_TYPE]?.schema, [], 0);
  return [...found.values()];
}
