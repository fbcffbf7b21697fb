// The calls of a task family (create, status, result, bulk results) by family name. Paths come from the
// generated families table; each call is typed per family from the spec, so a wrong body, a missing parent
// run or a wrong query value fails to compile.
import type { CambClient } from "./camb-client.js";
import {
  type AudioTaskFamily,
  type BulkTaskFamily,
  type CreatableTaskFamily,
  type CreateTaskAnswer,
  type CreateTaskBody,
  type CreateTaskPath,
  families,
  type ParentRunTaskFamily,
  type PollableTaskFamily,
  type TaskStatusAnswer,
} from "./families.js";
import { hasFileParts } from "./multipart/form-entries.js";
import type { FetchResult } from "./unwrap.js";

/** Per-call options shared by the task helpers. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
}

/** `options.path` of a create call: required (the parent run's parameters) for parent-run families only. */
export type CreatePathOption<F extends CreatableTaskFamily> = [F & ParentRunTaskFamily] extends [never]
  ? { path?: undefined }
  : { path: CreateTaskPath<F> };

/** Options of `createTask`. */
export type CreateTaskOptions<F extends CreatableTaskFamily> = CallOptions & CreatePathOption<F>;

/**
 * The options argument of a create call as a rest tuple: optional, except for a family whose create path
 * takes a parent run (or a union of families that holds one), where `path` must be given.
 */
export type CreateTaskArgs<F extends CreatableTaskFamily, Options = CreateTaskOptions<F>> = [
  F & ParentRunTaskFamily,
] extends [never]
  ? [options?: Options]
  : [options: Options];

/**
 * `POST` a family's create path: JSON, or multipart/form-data for a family whose create body is a form
 * (`createBody: "multipart"`), with or without a file part. A parent-run family's path parameters come from
 * `options.path`. Resolves with openapi-fetch's `{ data, error, response }`; see `createdTaskId`.
 */
export function createTask<F extends CreatableTaskFamily>(
  client: CambClient,
  family: F,
  body: CreateTaskBody<F>,
  ...[options]: CreateTaskArgs<F>
): Promise<FetchResult<CreateTaskAnswer<F>, unknown>> {
  const { path, headers, ...rest } = (options ?? {}) as CallOptions & { path?: object };
  const entry = families[family];
  // A form without a file part would go out as JSON: the client tells JSON from multipart by the file parts
  // alone (serialize-body.ts), so a form sent with a `media_url` only has to ask for multipart. A form with
  // one is left alone, so that a browser still sends it as its native FormData.
  const asksForm = entry.createBody === "multipart" && !hasFileParts(body);
  const init = {
    ...rest,
    body,
    params: path === undefined ? undefined : { path },
    headers: asksForm ? { "Content-Type": "multipart/form-data", ...headers } : headers,
  };
  // One call over every family's create path: TypeScript cannot tie `family`'s path to its own body and
  // parameters, which the signature above types per family.
  const post = client.POST as (url: string, init: unknown) => Promise<FetchResult<unknown, unknown>>;
  return post(entry.create, init) as Promise<FetchResult<CreateTaskAnswer<F>, unknown>>;
}

/**
 * The task id a create call answered, or undefined when the answer holds none: a finished result in its
 * place (`createMayFinish` families), or a refusal (`task_id: null`, a message without an id).
 */
export function createdTaskId(answer: unknown): string | undefined {
  const taskId = (answer as { task_id?: unknown } | null)?.task_id;
  return typeof taskId === "string" && taskId !== "" ? taskId : undefined;
}

/**
 * `GET` a family's status path: one status check. Resolves with a status object, or for a family whose
 * status is a list of runs (`statusKind: "runs"`), that list.
 */
export function getTaskStatus<F extends PollableTaskFamily>(
  client: CambClient,
  family: F,
  taskId: string,
  options: CallOptions = {},
): Promise<FetchResult<TaskStatusAnswer<F>, unknown>> {
  const { status, statusParam } = families[family];
  // The parameter's name is the family's (`task_id`, or `id` where one path template serves two roles);
  // TypeScript cannot tie a computed key to the union of the families' templates.
  const path = { [statusParam]: taskId } as { task_id: string };
  const get = client.GET as (url: string, init: unknown) => Promise<FetchResult<unknown, unknown>>;
  return get(status, { params: { path }, ...options }) as Promise<FetchResult<TaskStatusAnswer<F>, unknown>>;
}

/** `GET /<family>-result/{run_id}?output_type=raw_bytes`, with the body left unread as a stream. */
export function getResultStream(
  client: CambClient,
  family: AudioTaskFamily,
  runId: number,
  options: CallOptions = {},
): Promise<FetchResult<ReadableStream<Uint8Array> | null, unknown>> {
  return client.GET(families[family].result, {
    params: { path: { run_id: runId }, query: { output_type: "raw_bytes" } },
    parseAs: "stream",
    ...options,
  });
}

/** The URL a JSON result points at, whichever key the endpoint used (see SoundResultUrl in the spec). */
export function resultUrlOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  const record = value as { output_url?: unknown; file_url?: unknown } | null;
  const url = record?.output_url ?? record?.file_url;
  return typeof url === "string" ? url : undefined;
}

/** `POST /<family>-results`: pre-signed URLs for several runs, keyed by run id. */
export function getBulkResults(
  client: CambClient,
  family: BulkTaskFamily,
  runIds: readonly number[],
  options: CallOptions = {},
): Promise<FetchResult<Record<string, unknown>, unknown>> {
  return client.POST(families[family].bulk, { body: { run_ids: [...runIds] }, ...options });
}
