// A multipart body read as a stream and checked against its schema, answered with FastAPI's 422s.
import type { OperationSchemas } from "@camb-kit/client/spec";
import type { ValidateFunction } from "ajv";
import { readMultipart } from "../uploads/read-multipart.js";
import type { Refusal } from "../uploads/refusal.js";
import type { UploadedFile, UploadSettings } from "../uploads/types.js";
import { UnreadableUpload } from "../uploads/unreadable.js";
import { formValue, propertySchema } from "./coerce.js";
import { toValidationIssues, type ValidationIssue } from "./fastapi-errors.js";
import type { Json } from "./json.js";
import { partKind } from "./part-kinds.js";

type BodySpec = NonNullable<OperationSchemas["body"]>;

export interface MultipartBody {
  /** Text parts coerced to their schema; a file part's value is its filename (what the schema sees). */
  fields: { [name: string]: Json };
  files: { [name: string]: UploadedFile };
  issues: ValidationIssue[];
  /** Set when the body could not be read at all (too large, not multipart as declared). */
  refusal?: Refusal;
}

const expectedFile = (name: string): ValidationIssue => ({
  loc: ["body", name],
  msg: "Expected UploadFile, received: <class 'str'>",
  type: "value_error",
});

const expectedText = (name: string): ValidationIssue => ({
  loc: ["body", name],
  msg: "Input should be a valid string",
  type: "string_type",
});

function unreadable(name: string, file: UploadedFile): ValidationIssue[] {
  const { analysis } = file;
  if (analysis?.ok !== false || !(analysis.error instanceof UnreadableUpload)) return [];
  return [{ loc: ["body", name], msg: analysis.error.message, type: "value_error" }];
}

/**
 * Reads a multipart body (see readMultipart) and validates it as FastAPI validates a form: parts the schema
 * does not declare are ignored; each declared file must arrive as a file part (the first of its name is
 * kept, where FastAPI keeps the last: only the first can be analysed as it arrives); text parts are coerced
 * or JSON-parsed per `partKind`; then the whole is checked against the schema, required parts included.
 * Every issue is reported at once; a part that failed before the schema is not reported twice.
 */
export async function readMultipartBody(
  spec: BodySpec,
  request: Request,
  uploads: UploadSettings,
  validate: ValidateFunction,
): Promise<MultipartBody> {
  const kindOf = (name: string) => partKind(spec, name, uploads.jsonParts);
  const read = await readMultipart(request, spec.contentType, uploads, (name) => kindOf(name) === "file");
  if (!read.ok) {
    const { refusal } = read;
    return {
      fields: {},
      files: {},
      issues: [{ loc: ["body"], msg: refusal.detail, type: "value_error" }],
      refusal,
    };
  }
  const { texts, files: uploaded } = read.parts;
  const fields: { [name: string]: Json } = {};
  const files: { [name: string]: UploadedFile } = {};
  const issues: ValidationIssue[] = [];
  const declared = (spec.schema.properties ?? {}) as object;
  for (const name of new Set([...texts.keys(), ...uploaded.keys()])) {
    if (!Object.hasOwn(declared, name)) continue; // FastAPI reads only the parameters it declares
    const kind = kindOf(name);
    const file = uploaded.get(name)?.[0];
    if (kind === "file") {
      if (file) {
        files[name] = file;
        fields[name] = file.name || name;
        issues.push(...unreadable(name, file));
      } else if (texts.get(name)?.at(-1)) issues.push(expectedFile(name)); // "" is absent, as for text
      continue;
    }
    if (file) {
      issues.push(expectedText(name));
      continue;
    }
    try {
      const value = formValue(texts.get(name) ?? [], propertySchema(spec.schema, name), kind === "json");
      if (value !== undefined) fields[name] = value;
    } catch (error) {
      issues.push({
        loc: ["body", name],
        msg: `Invalid JSON: ${(error as Error).message}`,
        type: "json_invalid",
      });
    }
  }
  const failed = new Set(issues.map((issue) => issue.loc[1]));
  if (!validate(fields))
    issues.push(
      ...toValidationIssues(validate.errors ?? [], ["body"], true).filter(
        (issue) => !failed.has(issue.loc[1]),
      ),
    );
  return { fields, files, issues };
}
