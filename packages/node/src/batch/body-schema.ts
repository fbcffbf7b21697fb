// A job's body and path parameters checked against its operation's schemas, every problem at once, before
// anything is sent (the same Ajv setup as the sandbox's request validation).
import type { OperationId, Schema } from "@camb-kit/client/spec";
import { operationSchemas } from "@camb-kit/client/spec";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { pathParameters } from "./job-operations.js";

/**
 * JSON Schema 2020-12, OpenAPI 3.1's dialect; the generated schemas have their references followed already.
 * Unknown keywords are annotations. A file field holds a path here, so `binary` accepts any string.
 */
const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv);
ajv.addFormat("binary", true);

const compiled = new WeakMap<Schema, ValidateFunction>();
function validatorFor(schema: Schema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** `body.voice_id: must be integer`, `body: must have required property 'text'`. */
function describe(error: ErrorObject, where: string): string {
  const at = error.instancePath.split("/").slice(1).join(".");
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  const suffix = allowed ? ` (${allowed.map((value) => JSON.stringify(value)).join(", ")})` : "";
  return `${at ? `${where}.${at}` : where}: ${error.message ?? "is invalid"}${suffix}`;
}

/** Ajv's errors, minus the noise of `anyOf`/`oneOf` branches when a plainer error says the same place. */
function messages(errors: readonly ErrorObject[], where: string): string[] {
  const plain = errors.filter((error) => !["anyOf", "oneOf", "allOf", "if"].includes(error.keyword));
  return [...new Set((plain.length > 0 ? plain : errors).map((error) => describe(error, where)))];
}

/** What is wrong with `body` for `operation` (empty when it is valid). */
export function bodyProblems(operation: OperationId, body: Record<string, unknown>): string[] {
  const spec = operationSchemas[operation].body;
  if (!spec) return Object.keys(body).length > 0 ? ["body: this operation takes no body"] : [];
  const validate = validatorFor(spec.schema);
  return validate(body) ? [] : messages(validate.errors ?? [], "body");
}

/** What is wrong with the job's `path` for `operation`: a missing, unknown or invalid path parameter. */
export function pathProblems(operation: OperationId, path: Record<string, unknown> | undefined): string[] {
  const parameters = pathParameters(operation);
  const problems: string[] = [];
  for (const parameter of parameters) {
    const value = path?.[parameter.name];
    if (value === undefined) {
      if (parameter.required) problems.push(`path.${parameter.name}: required (the create path takes it)`);
      continue;
    }
    const validate = validatorFor(parameter.schema);
    if (!validate(value)) problems.push(...messages(validate.errors ?? [], `path.${parameter.name}`));
  }
  for (const name of Object.keys(path ?? {})) {
    if (!parameters.some((parameter) => parameter.name === name))
      problems.push(`path.${name}: not a path parameter of ${operation}`);
  }
  return problems;
}
