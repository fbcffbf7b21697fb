export {
  type AudioStream,
  openResultAudio,
  openSpeechStream,
  type SpeechStream,
  type StreamSpeechBody,
} from "./audio.js";
export type { BinaryPaths, CambClient, CambMethod, IsBinaryOperation } from "./binary-types.js";
export {
  type CambClientOptions,
  createCambClient,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
} from "./create-client.js";
export { CambApiError, CambTimeoutError } from "./errors.js";
export {
  type AudioTaskFamily,
  type BulkTaskFamily,
  type CreateTaskBody,
  families,
  isTaskFamily,
  type Schemas,
  type TaskFamily,
  type TaskStatus,
  type TaskStatusResult,
  taskStatuses,
} from "./families.js";
export { type OperationId, operations } from "./generated/operations.js";
export type { components, operations as operationTypes, paths } from "./generated/schema.js";
export { parseRetryAfter, type RetryOptions } from "./retry-policy.js";
export { clampDelay, sleep } from "./sleep.js";
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
