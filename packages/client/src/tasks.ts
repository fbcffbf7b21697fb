// The calls of a task family (create, status, result, bulk results) by family name. Paths come from the
// generated families table; each call is checked against the spec for the union of the families' paths,
// so a wrong query value or body fails to compile.
import type { CambClient } from "./camb-client.js";
import {
  type AudioTaskFamily,
  type BulkTaskFamily,
  type CreatableTaskFamily,
  type CreateTaskBody,
  families,
  type ResultTaskFamily,
  type StatusTaskFamily,
  type TaskStatusResult,
} from "./families.js";
import type { paths } from "./generated/schema.js";
import type { FetchResult } from "./unwrap.js";

/** Per-call options shared by the task helpers. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
}

type JsonContent<Operation> = Operation extends {
  responses: { 200: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;

/**
 * The JSON form of a family's result, read from the spec: the pre-signed URL object for audio families, the
 * previews for text-to-voice, and whatever a family added to the spec declares.
 */
export type ResultJson<F extends ResultTaskFamily> = JsonContent<
  paths[(typeof families)[F]["result"]]["get"]
>;

/** `POST /<family>`: creates a task. Resolves with openapi-fetch's `{ data, error, response }`. */
export function createTask<F extends CreatableTaskFamily>(
  client: CambClient,
  family: F,
  body: CreateTaskBody<F>,
  options: CallOptions = {},
): Promise<FetchResult<{ task_id: string | null }, unknown>> {
  const path: (typeof families)[CreatableTaskFamily]["create"] = families[family].create;
  return client.POST(path, { body, ...options });
}

/** `GET /<family>/{task_id}`: one status check. */
export function getTaskStatus(
  client: CambClient,
  family: StatusTaskFamily,
  taskId: string,
  options: CallOptions = {},
): Promise<FetchResult<TaskStatusResult, unknown>> {
  const { status, statusParam } = families[family];
  // The parameter's name is the family's (`task_id`, or `id` where one path template serves two roles);
  // TypeScript cannot tie a computed key to the union of the families' templates.
  const path = { [statusParam]: taskId } as { task_id: string };
  return client.GET(status, { params: { path }, ...options });
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

/** `GET /<family>-result/{run_id}` as JSON (`output_type=file_url` where the family offers both forms). */
export async function getResultJson<F extends ResultTaskFamily>(
  client: CambClient,
  family: F,
  runId: number,
  options: CallOptions = {},
): Promise<FetchResult<ResultJson<F>, unknown>> {
  const entry: (typeof families)[ResultTaskFamily] = families[family];
  const query = entry.resultUrlByQuery ? { output_type: "file_url" as const } : undefined;
  const result = await client.GET(entry.result, {
    params: { path: { run_id: runId }, query },
    parseAs: "json",
    ...options,
  });
  // openapi-fetch types `data` as every success content of every family's result path (Blob included); with
  // `output_type=file_url` or a JSON-only result it is the JSON of `family`'s own path.
  return result as FetchResult<ResultJson<F>, unknown>;
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
