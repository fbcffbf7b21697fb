// @camb-kit/client: the typed client, its errors, and the task and audio helpers built on it.
export {
  type AudioStream,
  openResultAudio,
  openSpeechStream,
  type SpeechStream,
  type StreamSpeechBody,
} from "./audio.js";
export type { BinaryPaths, CambClient, CambMethod, IsBinaryOperation } from "./camb-client.js";
export { type CambClientOptions, createCambClient } from "./create-client.js";
export { CambApiError } from "./errors/api-error.js";
export { CambError } from "./errors/camb-error.js";
export {
  CambConnectionError,
  CambMalformedResponseError,
  CambRedirectError,
  CambTimeoutError,
} from "./errors/transport-errors.js";
export {
  type AudioTaskFamily,
  type BulkTaskFamily,
  type CreatableTaskFamily,
  type CreateTaskBody,
  families,
  isTaskFamily,
  type ResultTaskFamily,
  type Schemas,
  type StatusTaskFamily,
  type TaskFamily,
  type TaskStatus,
  type TaskStatusResult,
} from "./families.js";
export { type OperationId, operations } from "./generated/operations.js";
export type { components, operations as operationTypes, paths } from "./generated/schema.js";
export type { StreamedFile } from "./multipart/form-entries.js";
export type { RetryOptions } from "./retry-policy.js";
export {
  type CallOptions,
  createTask,
  getBulkResults,
  getResultJson,
  getResultStream,
  getTaskStatus,
  type ResultJson,
  resultUrlOf,
} from "./tasks.js";
export { type FetchResult, unwrap } from "./unwrap.js";
