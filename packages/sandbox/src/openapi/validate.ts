// Validates a request against its operation's schemas (parameters and body, every error at once), the way
// FastAPI does, so a bad request gets the API's own 422 and never reaches a handler.
import type { OperationSchemas, Schema } from "@camb-kit/client/spec";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { DEFAULT_UPLOAD_LIMITS } from "../uploads/limits.js";
import type { Refusal } from "../uploads/refusal.js";
import type { UploadedFile, UploadSettings } from "../uploads/types.js";
import { coerceText, itemSchema } from "./coerce.js";
import { toValidationIssues, type ValidationIssue } from "./fastapi-errors.js";
import type { Json } from "./json.js";
import { readMultipartBody } from "./multipart-body.js";

/**
 * One Ajv for JSON Schema 2020-12, OpenAPI 3.1's dialect. The generated schemas have their references
 * followed already, so each is compiled as it is; a field added to the spec is validated with no change here.
 * Unknown keywords are annotations.
 */
const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv);
// OpenAPI's `binary` marks file parts; their presence is checked, their bytes are not a JSON value.
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

export interface ValidatedInput {
  path: Record<string, Json>;
  query: Record<string, Json>;
  /** The parsed JSON body, or the form fields of a multipart body (files replaced by their names). */
  body: Json | undefined;
  /**
   * The file parts of a multipart body, by part name (the first part of each declared file field). Their
   * bytes are not here: each is a count, a head and its analyser's result (see uploads/types.ts).
   */
  files: Readonly<Record<string, UploadedFile>>;
}

/**
 * Valid input, or the 422 issues; with `refusal` when the body could not be read at all, which is answered
 * with FastAPI's `{ detail }` and that status (413, 400) rather than the issues.
 */
export type ValidationResult =
  | { ok: true; input: ValidatedInput }
  | { ok: false; issues: ValidationIssue[]; refusal?: Refusal };

const DEFAULT_UPLOADS: UploadSettings = { limits: DEFAULT_UPLOAD_LIMITS };

type Parameter = OperationSchemas["parameters"][number];

function rawParameter(p: Parameter, request: Request, url: URL, pathParams: Record<string, string>) {
  if (p.in === "path") return pathParams[p.name];
  if (p.in === "header") return request.headers.get(p.name) ?? undefined;
  if (p.in === "query") {
    const all = url.searchParams.getAll(p.name);
    if (all.length === 0) return undefined;
    return p.schema.type === "array" ? all : all[0];
  }
  return undefined;
}

function validateParameters(schemas: OperationSchemas, request: Request, pathParams: Record<string, string>) {
  const url = new URL(request.url);
  const values: Record<"path" | "query", Record<string, Json>> = { path: {}, query: {} };
  const issues: ValidationIssue[] = [];
  for (const p of schemas.parameters) {
    const raw = rawParameter(p, request, url, pathParams);
    if (raw === undefined) {
      if (p.required) issues.push({ loc: [p.in, p.name], msg: "Field required", type: "missing" });
      continue;
    }
    const value = Array.isArray(raw)
      ? raw.map((v) => coerceText(v, itemSchema(p.schema)))
      : coerceText(raw, p.schema);
    const validate = validatorFor(p.schema);
    if (!validate(value)) issues.push(...toValidationIssues(validate.errors ?? [], [p.in, p.name], true));
    if (p.in === "path" || p.in === "query") values[p.in][p.name] = value;
  }
  return { values, issues };
}

async function readJson(request: Request): Promise<{ body: Json | undefined; issue?: ValidationIssue }> {
  const text = await request.text();
  if (text.trim() === "") return { body: undefined };
  try {
    return { body: JSON.parse(text) as Json };
  } catch {
    return { body: undefined, issue: { loc: ["body", 0], msg: "JSON decode error", type: "json_invalid" } };
  }
}

/**
 * Validates a request against its operation's schemas: parameters and body, all errors at once. A multipart
 * body is read as a stream under `uploads` (limits, analysers per file part); see multipart-body.ts.
 */
export async function validateRequest(
  schemas: OperationSchemas,
  request: Request,
  pathParams: Record<string, string>,
  uploads: UploadSettings = DEFAULT_UPLOADS,
): Promise<ValidationResult> {
  const { values, issues } = validateParameters(schemas, request, pathParams);
  let body: Json | undefined;
  let files: Record<string, UploadedFile> = {};
  const spec = schemas.body;
  if (spec) {
    const validate = validatorFor(spec.schema);
    if (spec.contentType === "multipart/form-data") {
      const form = await readMultipartBody(spec, request, uploads, validate);
      if (form.refusal) return { ok: false, issues: form.issues, refusal: form.refusal };
      body = form.fields;
      files = form.files;
      issues.push(...form.issues);
    } else {
      const parsed = await readJson(request);
      body = parsed.body;
      if (parsed.issue) issues.push(parsed.issue);
      else if (body === undefined) {
        if (spec.required) issues.push({ loc: ["body"], msg: "Field required", type: "missing" });
      } else if (!validate(body)) issues.push(...toValidationIssues(validate.errors ?? [], ["body"]));
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, input: { path: values.path, query: values.query, body, files } };
}
