// Ajv errors as FastAPI's 422 `detail` entries (`loc`, `msg`, `type`), the shape the CAMB API answers with.
import type { ErrorObject } from "ajv";

/** One entry of FastAPI's `HTTPValidationError.detail`, the shape the CAMB API answers 422 with. */
export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

const TYPE_NAMES: Record<string, [msg: string, type: string]> = {
  integer: ["Input should be a valid integer", "int_type"],
  number: ["Input should be a valid number", "float_type"],
  string: ["Input should be a valid string", "string_type"],
  boolean: ["Input should be a valid boolean", "bool_type"],
  object: ["Input should be a valid dictionary or object to extract fields from", "model_attributes_type"],
  array: ["Input should be a valid list", "list_type"],
};

const quote = (value: unknown) => (typeof value === "string" ? `'${value}'` : JSON.stringify(value));

function describe(error: ErrorObject, fromText: boolean): [msg: string, type: string] {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return ["Field required", "missing"];
    case "type": {
      const wanted =
        String(p.type)
          .split(",")
          .find((t) => t !== "null") ?? String(p.type);
      const [msg, type] = TYPE_NAMES[wanted] ?? [`Input should be of type ${wanted}`, `${wanted}_type`];
      // Path, query and form values arrive as text: FastAPI reports a failed parse, not a wrong type.
      if (fromText && (wanted === "integer" || wanted === "number"))
        return [
          `${msg}, unable to parse string as ${wanted === "integer" ? "an integer" : "a number"}`,
          wanted === "integer" ? "int_parsing" : "float_parsing",
        ];
      return [msg, type];
    }
    case "minLength":
      return [
        `String should have at least ${p.limit} character${p.limit === 1 ? "" : "s"}`,
        "string_too_short",
      ];
    case "maxLength":
      return [`String should have at most ${p.limit} characters`, "string_too_long"];
    case "minimum":
      return [`Input should be greater than or equal to ${p.limit}`, "greater_than_equal"];
    case "exclusiveMinimum":
      return [`Input should be greater than ${p.limit}`, "greater_than"];
    case "maximum":
      return [`Input should be less than or equal to ${p.limit}`, "less_than_equal"];
    case "exclusiveMaximum":
      return [`Input should be less than ${p.limit}`, "less_than"];
    case "minItems":
      return [
        `List should have at least ${p.limit} item${p.limit === 1 ? "" : "s"} after validation`,
        "too_short",
      ];
    case "maxItems":
      return [`List should have at most ${p.limit} items after validation`, "too_long"];
    case "enum": {
      const values = (p.allowedValues as unknown[]).map(quote);
      const list =
        values.length > 1 ? `${values.slice(0, -1).join(", ")} or ${values.at(-1)}` : values.join("");
      return [`Input should be ${list}`, "enum"];
    }
    case "const":
      return [`Input should be ${quote(p.allowedValue)}`, "literal_error"];
    case "pattern":
      return [`String should match pattern '${p.pattern}'`, "string_pattern_mismatch"];
    case "additionalProperties":
      return ["Extra inputs are not permitted", "extra_forbidden"];
    default:
      return [error.message ?? "Invalid value", "value_error"];
  }
}

function segments(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Turns Ajv errors into FastAPI's `{ loc, msg, type }` entries under a location prefix (`["body"]`,
 * `["path", "run_id"]` …). Combinator summaries (oneOf/anyOf) are dropped when a precise error exists.
 */
export function toValidationIssues(
  errors: readonly ErrorObject[],
  prefix: (string | number)[],
  fromText = false,
): ValidationIssue[] {
  const combinators = new Set(["oneOf", "anyOf", "allOf", "if", "not"]);
  const precise = errors.filter((e) => !combinators.has(e.keyword));
  const chosen = precise.length > 0 ? precise : errors;
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of chosen) {
    const loc = [...prefix, ...segments(error.instancePath)];
    const p = error.params as Record<string, unknown>;
    if (error.keyword === "required") loc.push(String(p.missingProperty));
    if (error.keyword === "additionalProperties") loc.push(String(p.additionalProperty));
    const [msg, type] = describe(error, fromText);
    const key = JSON.stringify([loc, type]);
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ loc, msg, type });
  }
  return issues;
}
