// What a job's operation is, read off the spec's tables: a task family's create, or a streamed answer; its file
// fields and path parameters. No operation or family is named here.
import {
  type CreatableTaskFamily,
  families,
  mediaKind,
  type OperationId,
  operationSchemas,
  operations,
  type Schema,
} from "@camb-kit/client/spec";

/** A job runs a task (create, wait, save the result) or a stream (its answer saved as it arrives). */
export type JobKind = { kind: "task"; family: CreatableTaskFamily } | { kind: "stream" };

/** Each create operation's family (the first, should several families ever share one). */
const creates = new Map<string, CreatableTaskFamily>();
for (const [family, entry] of Object.entries(families)) {
  const id = entry.operations.create;
  if (id !== null && !creates.has(id)) creates.set(id, family as CreatableTaskFamily);
}

/**
 * A streamed operation: one that belongs to no task family, changes state (a POST) and answers nothing but
 * binary media. In the spec that is speech streamed as it is generated, the one `saveSpeech` sends; an
 * operation answering text or JSON (a streamed translation) is not a file to save.
 */
function isStreamed(id: OperationId): boolean {
  const operation = operations[id];
  return (
    operation.tasks.length === 0 &&
    operation.method === "POST" &&
    operation.successMediaTypes.length > 0 &&
    operation.successMediaTypes.every((type) => mediaKind(type) === "binary")
  );
}

/** The operations a job may name, for the message that lists them. */
export function jobOperations(): string[] {
  const streamed = (Object.keys(operations) as OperationId[]).filter(isStreamed);
  return [...creates.keys(), ...streamed];
}

/** What `operation` runs as, or undefined when a job cannot name it. */
export function jobKind(operation: string): JobKind | undefined {
  const family = creates.get(operation);
  if (family !== undefined) return { kind: "task", family };
  if (Object.hasOwn(operations, operation) && isStreamed(operation as OperationId)) return { kind: "stream" };
  return undefined;
}

/** A binary string: OpenAPI 3.0's `format: binary` or 3.1's `contentMediaType`. */
function isBinary(schema: Schema | undefined): boolean {
  return schema?.format === "binary" || schema?.contentMediaType !== undefined;
}

/** The body fields of a multipart operation that are files (a binary string, or a list of them). */
export function fileFields(operation: OperationId): { name: string; list: boolean }[] {
  const body = operationSchemas[operation].body;
  if (body?.contentType !== "multipart/form-data") return [];
  const properties = (body.schema.properties ?? {}) as Record<string, Schema>;
  return Object.entries(properties).flatMap(([name, schema]): { name: string; list: boolean }[] => {
    if (isBinary(schema)) return [{ name, list: false }];
    if (schema.type === "array" && isBinary(schema.items as Schema | undefined))
      return [{ name, list: true }];
    return [];
  });
}

/** The path parameters of an operation, with their schemas. */
export function pathParameters(operation: OperationId) {
  return operationSchemas[operation].parameters.filter((parameter) => parameter.in === "path");
}

/**
 * The result path's parameters beside the run id (`resultParams`, e.g. the language a result is read in),
 * taken from the job's path parameters or its body, where the create call was given the same value.
 */
export function resultPathOf(
  family: CreatableTaskFamily,
  job: { body: Record<string, unknown>; path?: Record<string, unknown> | undefined },
): { path: Record<string, unknown> | undefined; missing: string[] } {
  const names: readonly string[] = families[family].resultParams;
  if (names.length === 0) return { path: undefined, missing: [] };
  const path: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const name of names) {
    const value = job.path?.[name] ?? job.body[name];
    if (typeof value === "string" || typeof value === "number") path[name] = value;
    else missing.push(name);
  }
  return { path, missing };
}
