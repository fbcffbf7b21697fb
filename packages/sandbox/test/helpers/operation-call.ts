// Calls an operation by its operationId (method and path from the spec) and checks a 200 against its schema.
import { type OperationId, operationSchemas, operations } from "@camb-kit/client/spec";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { KEY } from "./harness.js";

// Validated as the sandbox validates requests: JSON Schema 2020-12 with formats, `binary` a file marker.
const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv);
ajv.addFormat("binary", true);

/** Fails the test unless `body` is valid against the operation's 200 JSON schema. */
export function expectValidAnswer(operationId: OperationId, body: unknown): void {
  const schema = operationSchemas[operationId].responses["200"]?.["application/json"];
  if (!schema) throw new Error(`${operationId} declares no 200 JSON answer`);
  const validate = ajv.compile(schema);
  expect(validate(body) ? [] : validate.errors, `${operationId} answer against its 200 schema`).toEqual([]);
}

export interface OperationCall {
  path?: Record<string, string | number>;
  query?: Record<string, string | number>;
  /** A JSON body, or a FormData for a multipart operation. */
  body?: unknown;
}

export interface Answer<T> {
  status: number;
  body: T;
}

/** The operation's URL under `base`, its path parameters filled in. */
export function operationUrl(base: string, operationId: OperationId, call: OperationCall = {}): string {
  const path = operations[operationId].path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(call.path?.[name] ?? "")),
  );
  const query = new URLSearchParams(
    Object.entries(call.query ?? {}).map(([name, value]) => [name, String(value)]),
  ).toString();
  return `${base}${path}${query ? `?${query}` : ""}`;
}

/**
 * Sends one call of `operationId` with the test key and reads its JSON answer. Every 200 is checked against
 * the operation's 200 schema, so a test that only looks at a few fields still proves the whole answer valid.
 */
export async function callOperation<T = Record<string, unknown>>(
  base: string,
  operationId: OperationId,
  call: OperationCall = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { "x-api-key": KEY };
  let body: BodyInit | undefined;
  if (call.body instanceof FormData) body = call.body;
  else if (call.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(call.body);
  }
  const { method } = operations[operationId];
  const response = await fetch(operationUrl(base, operationId, call), { method, headers, body });
  const answer = { status: response.status, body: (await response.json()) as T };
  if (answer.status === 200) expectValidAnswer(operationId, answer.body);
  return answer;
}

/** The `loc` of every entry of a 422 answer. */
export function issueLocations(answer: Answer<unknown>): unknown[] {
  expect(answer.status).toBe(422);
  return (answer.body as { detail: { loc: unknown[] }[] }).detail.map((issue) => issue.loc);
}
