// The values the spec's schemas allow, for code that must check or offer them at run time: every enum of
// components.schemas (output formats, sound types, task statuses…) and every property's bounds and default
// (durations, lengths, list sizes). Read generically, so a new enum or bound needs no generator change.
import { HEADER, literal } from "./render.mjs";
import { fail, resolve } from "./spec.mjs";

const BOUNDS = [
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "uniqueItems",
  "default",
];

/** Every enum, and the names of the enums whose values are codes (`x-enum-varnames`, e.g. Gender's 1 MALE). */
export function buildEnums(spec) {
  const enums = {};
  const names = {};
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    if (!Array.isArray(schema.enum)) continue;
    enums[name] = schema.enum;
    const varnames = schema["x-enum-varnames"];
    if (varnames === undefined) continue;
    if (!Array.isArray(varnames) || varnames.length !== schema.enum.length) {
      fail(`components.schemas.${name}: x-enum-varnames needs one name per enum value`);
    }
    names[name] = Object.fromEntries(schema.enum.map((value, i) => [String(value), varnames[i]]));
  }
  return { enums, names };
}

/** A property's own keywords, over those of the schema it refers to (directly or as a lone `allOf`). */
export function propertyKeywords(spec, property) {
  const referred = property.allOf?.length === 1 ? property.allOf[0] : property.$ref ? property : undefined;
  const base = referred ? resolve(spec, referred) : {};
  return { ...base, ...property };
}

export function buildLimits(spec) {
  const limits = {};
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    for (const [property, raw] of Object.entries(schema.properties ?? {})) {
      const keywords = propertyKeywords(spec, raw);
      const bounds = Object.fromEntries(
        BOUNDS.filter((key) => key in keywords).map((key) => [key, keywords[key]]),
      );
      if (Object.keys(bounds).length === 0) continue;
      limits[name] ??= {};
      limits[name][property] = bounds;
    }
  }
  return limits;
}

export function renderEnums({ enums, names }) {
  return `${HEADER}
/** Every enum of the spec's components.schemas, by schema name, in the spec's order. */
export const enums = ${literal(enums)} as const;

/** What each value of a coded enum means (\`x-enum-varnames\`), e.g. \`enumNames.Gender[2]\` is "FEMALE". */
export const enumNames = ${literal(names)} as const;
`;
}

export function renderLimits(limits) {
  return `${HEADER}
/**
 * The bounds and default of every property of the spec's components.schemas that declares any, by schema
 * and property name, e.g. \`limits.CreateSoundTaskRequest.duration.maximum\`.
 */
export const limits = ${literal(limits)} as const;
`;
}
