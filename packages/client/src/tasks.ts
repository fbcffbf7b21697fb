import type { CambClient } from "./binary-types.js";
import {
  type AudioTaskFamily,
  type BulkTaskFamily,
  type CreateTaskBody,
  families,
  type TaskFamily,
  type TaskStatusResult,
} from "./families.js";
import type { paths } from "./generated/schema.js";
import type { FetchResult } from "./unwrap.js";

/** Per-call options shared by the task helpers. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
}

// The helpers below take a family name whose paths are a union; openapi-fetch's signatures want one literal
// path. Calls go through this loose view; the public signatures stay exact.
type LooseClient = {
  GET(path: string, init: unknown): Promise<FetchResult<unknown, unknown>>;
  POST(path: string, init: unknown): Promise<FetchResult<unknown, unknown>>;
};
const loose = (client: CambClient) => client as unknown as LooseClient;

/** `POST /<family>`: creates a task. Resolves with openapi-fetch's `{ data, error, response }`. */
export function createTask<F extends TaskFamily>(
  client: CambClient,
  family: F,
  body: CreateTaskBody<F>,
  options: CallOptions = {},
): Promise<FetchResult<{ task_id: string | null }, unknown>> {
  return loose(client).POST(families[family].create, { body, ...options }) as Promise<
    FetchResult<{ task_id: string | null }, unknown>
  >;
}

/** `GET /<family>/{task_id}`: one status check. */
export function getTaskStatus(
  client: CambClient,
  family: TaskFamily,
  taskId: string,
  options: CallOptions = {},
): Promise<FetchResult<TaskStatusResult, unknown>> {
  return loose(client).GET(families[family].status, {
    params: { path: { task_id: taskId } },
    ...options,
  }) as Promise<FetchResult<TaskStatusResult, unknown>>;
}

/** `GET /<family>-result/{run_id}?output_type=raw_bytes`, with the body left unread as a stream. */
export function getResultStream(
  client: CambClient,
  family: AudioTaskFamily,
  runId: number,
  options: CallOptions = {},
): Promise<FetchResult<ReadableStream<Uint8Array> | null, unknown>> {
  return loose(client).GET(families[family].result, {
    params: { path: { run_id: runId }, query: { output_type: "raw_bytes" } },
    parseAs: "stream",
    ...options,
  }) as Promise<FetchResult<ReadableStream<Uint8Array> | null, unknown>>;
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
export type ResultJson<F extends TaskFamily> = JsonContent<paths[(typeof families)[F]["result"]]["get"]>;

/** `GET /<family>-result/{run_id}` as JSON (`output_type=file_url` where the family offers both forms). */
export function getResultJson<F extends TaskFamily>(
  client: CambClient,
  family: F,
  runId: number,
  options: CallOptions = {},
): Promise<FetchResult<ResultJson<F>, unknown>> {
  const entry = families[family];
  const query = entry.resultUrlByQuery ? { output_type: "file_url" } : undefined;
  return loose(client).GET(entry.result, {
    params: { path: { run_id: runId }, query },
    parseAs: "json",
    ...options,
  }) as Promise<FetchResult<ResultJson<F>, unknown>>;
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
  const path = families[family].bulk;
  return loose(client).POST(path, { body: { run_ids: [...runIds] }, ...options }) as Promise<
    FetchResult<Record<string, unknown>, unknown>
  >;
}
